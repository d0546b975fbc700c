"""What a person sees of a checkbox, radio or select in the browser.

KRDS hides the native checkbox and radio (1×1 px) and draws the box as the ::before of the
label that follows it (.krds-form-check markup); a control without that label stays 1 px."""

DRAWN_SIZE = """(input) => {
  const own = input.getBoundingClientRect();
  let size = Math.min(own.width, own.height);
  const label = input.id && document.querySelector(`label[for="${CSS.escape(input.id)}"]`);
  if (label) {
    const box = getComputedStyle(label, "::before");
    if (box.content !== "none" && box.display !== "none") {
      size = Math.max(size, Math.min(parseFloat(box.width) || 0, parseFloat(box.height) || 0));
    }
  }
  return size;
}"""

UNDERSIZED = """(minimum) => {
  const drawn = DRAWN_SIZE;
  return [...document.querySelectorAll("input[type=checkbox], input[type=radio]")]
    .filter((input) => {
      const label = input.id && document.querySelector(`label[for="${CSS.escape(input.id)}"]`);
      return (label || input).checkVisibility();
    })
    .filter((input) => drawn(input) < minimum)
    .map((input) => `${input.type} name=${input.name} id=${input.id} ${drawn(input)}px`);
}""".replace("DRAWN_SIZE", DRAWN_SIZE)

BOX_COLOUR = """(input) => {
  const label = document.querySelector(`label[for="${CSS.escape(input.id)}"]`);
  return getComputedStyle(label, "::before").backgroundColor;
}"""

MIN_SIZE = 16  # px: KRDS draws 20 px (medium) and 24 px (large) boxes


def undersized_controls(page) -> list[str]:
    """Checkboxes and radios on the page drawn smaller than MIN_SIZE (e.g. the 1 px native box)."""
    return page.evaluate(UNDERSIZED, MIN_SIZE)


def drawn_size(locator) -> float:
    return locator.evaluate(DRAWN_SIZE)


def box_colour(locator) -> str:
    return locator.evaluate(BOX_COLOUR)


def _luminance(rgb: tuple[float, ...]) -> float:
    def channel(c: float) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def parse_colour(css: str) -> tuple[float, ...]:
    """'rgb(30, 33, 36)' or 'rgba(…)' → (30, 33, 36[, a])."""
    inner = css[css.index("(") + 1 : css.index(")")]
    return tuple(
        float(part) for part in inner.replace("/", ",").replace(" ", ",").split(",") if part
    )


def contrast(foreground: str, background: str) -> float:
    lighter, darker = sorted(
        (_luminance(parse_colour(foreground)), _luminance(parse_colour(background))), reverse=True
    )
    return (lighter + 0.05) / (darker + 0.05)
