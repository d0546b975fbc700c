from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.db.models import Prefetch, Q, QuerySet

from .models import Field, Meister, MeisterField


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


def list_meisters_for_staff(*, query: str = "", state: str = "") -> QuerySet[Meister]:
    """Every meister, active or not, with the account and fields (no query per row)."""
    qs = Meister.objects.select_related("user")
    if state == "active":
        qs = qs.filter(is_active=True)
    elif state == "inactive":
        qs = qs.filter(is_active=False)
    elif state == "no_account":
        qs = qs.filter(user__isnull=True)
    elif state == "invited":
        qs = qs.filter(user__password__startswith=UNUSABLE_PASSWORD_PREFIX)
    elif state == "account":
        qs = qs.filter(user__isnull=False).exclude(
            user__password__startswith=UNUSABLE_PASSWORD_PREFIX)
    for term in query.lower().split()[:8]:
        qs = qs.filter(
            Q(search_text__contains=term) | Q(roster_id__iexact=term)
            | Q(user__email__icontains=term) | Q(name__icontains=term))
    return _with_fields(qs.order_by("name", "id"))


def list_fields() -> QuerySet[Field]:
    """Every field in its display order (for choices and prefetches in other apps)."""
    return Field.objects.all()


def field_codes() -> set[str]:
    """Every field code, to check imported rows against."""
    return set(Field.objects.values_list("code", flat=True))


def meisters_by_roster_id(roster_ids) -> dict[str, Meister]:
    """{roster_id: meister} for the given ids, each with `field_links_ordered`."""
    return _with_fields(Meister.objects.all()).in_bulk(list(roster_ids), field_name="roster_id")


def list_meisters_by_roster_id() -> QuerySet[Meister]:
    """Every meister, active or not, in roster order, each with `field_links_ordered`."""
    return _with_fields(Meister.objects.order_by("roster_id"))
