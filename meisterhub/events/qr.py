import segno


def qr_svg(text: str) -> str:
    """An inline SVG QR code of the text (no XML declaration, scaled for a phone screen)."""
    return segno.make(text, error="m").svg_inline(scale=6, border=2, dark="#111")
