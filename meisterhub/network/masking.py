"""Masks for personal contact data shown in lists."""


def mask_email(value: str) -> str:
    """hong.gildong@example.kr -> ho*********@example.kr: the domain stays readable."""
    if not value or "@" not in value:
        return value or ""
    local, domain = value.rsplit("@", 1)
    shown = local[:2] if len(local) > 2 else local[:1]
    return f"{shown}{'*' * (len(local) - len(shown))}@{domain}"
