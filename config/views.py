"""Pages that compose several apps. They live in config, the composition root, because core
(the bottom layer) may import no app."""

from django.db.models import Count, Q
from django.shortcuts import render
from django.views.decorators.http import require_GET

from meisterhub.companies.models import Company
from meisterhub.core.page_cache import cached_fragment, public_page
from meisterhub.meisters.models import WEEKDAY_CHOICES, Field, Meister


@require_GET
@public_page("core.home", stamp_names=["meisters", "companies"])
def home(request):
    content = cached_fragment(
        request, "core.home", template="home_content.html",
        stamp_names=["meisters", "companies"], build=_home_context,
    )
    return render(request, "home.html", {"content": content})


def _home_context() -> dict:
    # One aggregate for the total and every weekday, instead of a count query per weekday.
    counts = Meister.objects.filter(is_active=True).aggregate(
        total=Count("id"),
        **{
            f"day{value}": Count("id", filter=Q(weekdays__contains=value))
            for value, _ in WEEKDAY_CHOICES
        },
    )
    fields = list(Field.objects.order_by("order"))
    week = [
        {"value": value, "label": label, "count": counts[f"day{value}"]}
        for value, label in WEEKDAY_CHOICES
    ]
    return {
        "meister_count": counts["total"],
        "field_count": len(fields),
        "company_count": Company.objects.count(),
        "fields": fields,
        "week": week,
    }
