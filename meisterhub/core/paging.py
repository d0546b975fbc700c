"""Page a list for an HTML page: one helper for every list that grows with the data."""

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet

PER_PAGE = 50


def _requested_number(raw) -> int:
    try:
        return int(raw)
    except (TypeError, ValueError):
        return 1


def paginate(request, queryset_or_list, per_page: int = PER_PAGE, *, param: str = "page") -> Page:
    """The requested page; a missing, non-numeric or out-of-range number falls back the way
    Paginator.get_page does. `page.query` holds the other GET parameters, so the shared pager
    (templates/partials/pager.html) keeps filters when it links to another page."""
    raw = request.GET.get(param)
    rows = queryset_or_list
    if isinstance(rows, QuerySet) and _requested_number(raw) <= 1:
        # One query for page 1: a list that fits on it needs no COUNT (any number falls back
        # to it); a longer one counts as usual and keeps the rows already read.
        head = list(rows[: per_page + 1])
        if len(head) <= per_page:
            page = Paginator(head, per_page).get_page(1)
        else:
            page = Paginator(rows, per_page).get_page(raw)
            if page.number == 1:
                page.object_list = head[:per_page]
    else:
        page = Paginator(rows, per_page).get_page(raw)
    others = request.GET.copy()
    others.pop(param, None)
    encoded = others.urlencode()
    page.query = f"{encoded}&" if encoded else ""
    page.param = param
    return page
