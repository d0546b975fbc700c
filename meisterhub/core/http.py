def is_htmx(request) -> bool:
    """True when htmx asked for a fragment rather than the whole page."""
    return request.headers.get("HX-Request") == "true"
