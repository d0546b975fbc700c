from django.db.models import Prefetch, Q, QuerySet

from .models import Meister, MeisterField


def _with_fields(qs: QuerySet[Meister]) -> QuerySet[Meister]:
    return qs.prefetch_related(
        Prefetch(
            "field_links",
            queryset=MeisterField.objects.select_related("field").order_by("order"),
            to_attr="field_links_ordered",
        )
    )


def list_public_meisters(
    *, field: str | None = None, weekday: str | None = None, query: str | None = None
) -> QuerySet[Meister]:
    """Active meisters for the public list, filtered by field, weekday and free text."""
    qs = Meister.objects.filter(is_active=True)
    if field:
        qs = qs.filter(field_links__field_id=field)
    if weekday:
        qs = qs.filter(weekdays__contains=weekday)
    for term in (query or "").lower().split()[:8]:
        qs = qs.filter(Q(search_text__contains=term))
    return _with_fields(qs.distinct().order_by("name", "id"))


def get_public_meister(pk: int) -> Meister:
    return _with_fields(Meister.objects.filter(is_active=True)).get(pk=pk)
