"""The public week schedule, a page of meisters at a time: one row per meister, a cell per weekday.

Each row is rendered once per version of that meister (the `meister-week:<id>` stamp, bumped by
any change to the meister, their fields or rotation blocks) and kept in the cache, so a page
rebuild only queries and renders the rows that changed. Times, places and links are computed
here once per row, not per cell in the template.
"""

from dataclasses import dataclass
from datetime import date

from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from meisterhub.core import stamps
from meisterhub.meisters.models import WEEKDAYS, Meister, MeisterField

from .models import RotationBlock
from .schedule import pattern_label

PAGE_SIZE = 20
ROW_TIMEOUT = 3600
WEEKDAY_NAMES = [f"{WEEKDAYS[i]}요일" for i in range(5)]


@dataclass
class WeekRow:
    meister_id: int
    name: str
    url: str
    fields: str
    cells: list[list[str]]  # per weekday Mon–Fri: "10:00–12:00 · 마이스터센터 · 매주"


def _current_blocks(today: date, weekday: str | None = None) -> QuerySet[RotationBlock]:
    blocks = RotationBlock.objects.filter(Q(valid_until__isnull=True) | Q(valid_until__gte=today))
    return blocks.filter(weekday=int(weekday)) if weekday else blocks


def list_week_meisters(
    *,
    field: str | None = None,
    weekday: str | None = None,
    query: str | None = None,
    today: date | None = None,
) -> QuerySet[Meister]:
    """Active meisters with a current rotation block (on `weekday` if given), by name."""
    today = today or timezone.localdate()
    sits = _current_blocks(today, weekday).filter(meister=OuterRef("pk"))
    meisters = Meister.objects.filter(Exists(sits), is_active=True)
    if field:
        meisters = meisters.filter(
            Exists(MeisterField.objects.filter(meister=OuterRef("pk"), field_id=field))
        )
    for term in (query or "").lower().split()[:8]:
        meisters = meisters.filter(search_text__contains=term)
    return meisters.only("pk", "name").order_by("name", "id")


def _build_rows(meister_ids: list[int], today: date) -> dict[int, WeekRow]:
    """Rows for these meisters: two queries (meisters with their fields, blocks)."""
    meisters = Meister.objects.filter(pk__in=meister_ids).prefetch_related(
        Prefetch(
            "field_links",
            queryset=MeisterField.objects.select_related("field").order_by("order"),
            to_attr="field_links_ordered",
        )
    )
    rows = {
        m.pk: WeekRow(
            m.pk,
            f"{m.name} {m.title}",
            reverse("consultations:meister_month", args=[m.pk]),
            ", ".join(f.name_ko for f in m.ordered_fields),
            [[] for _ in range(5)],
        )
        for m in meisters
    }
    blocks = (
        _current_blocks(today).filter(meister_id__in=meister_ids).order_by("weekday", "start_time")
    )
    for block in blocks:
        rows[block.meister_id].cells[block.weekday].append(
            f"{block.start_time:%H:%M}–{block.end_time:%H:%M} · {block.place} · "
            f"{pattern_label(block)}"
        )
    return rows


def _row_key(meister_id: int, token: str, today: date) -> str:
    # the day is in the key: a block's valid_until passes without any write
    return f"week-row:{meister_id}:{token}:{today:%Y%m%d}:{translation.get_language()}"


def render_rows(page: Page, *, today: date | None = None) -> list[str]:
    """The HTML of each row on the page, from the cache where the meister is unchanged."""
    today = today or timezone.localdate()
    ids = [m.pk for m in page.object_list]
    tokens = stamps.current_each(*(stamps.meister_key(pk) for pk in ids))
    keys = {
        pk: _row_key(pk, tokens[stamps.meister_key(pk)], today)
        for pk in ids
        if stamps.meister_key(pk) in tokens
    }
    found = cache.get_many(list(keys.values())) if keys else {}
    html = {pk: found[key] for pk, key in keys.items() if key in found}
    missing = [pk for pk in ids if pk not in html]
    if missing:
        built = _build_rows(missing, today)
        fresh = {}
        for pk in missing:
            if pk not in built:
                continue
            html[pk] = render_to_string(
                "consultations/partials/week_row.html", {"row": built[pk], "days": WEEKDAY_NAMES}
            )
            if pk in keys:
                fresh[keys[pk]] = html[pk]
        if fresh:
            cache.set_many(fresh, ROW_TIMEOUT)
    return [html[pk] for pk in ids if pk in html]


def week_page(filters: dict, number) -> Page:
    meisters = list_week_meisters(
        field=filters.get("field") or None,
        weekday=filters.get("weekday") or None,
        query=filters.get("q") or None,
    )
    return Paginator(meisters, PAGE_SIZE).get_page(number)
