from datetime import date
from urllib.parse import urlencode

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from meisterhub.core.http import is_htmx
from meisterhub.core.page_cache import cached_fragment, public_page
from meisterhub.meisters.forms import MeisterFilterForm
from meisterhub.meisters.models import Meister

from ..schedule import month_view
from ..week_schedule import WEEKDAY_NAMES, render_rows, week_page
from ..window import booking_window


@require_GET
@public_page("consultations.week", stamp_names=["rotation"])
def week(request):
    """A page of meisters (filter by field, weekday, name), each row cached per meister."""
    form = MeisterFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}

    def build() -> dict:
        page = week_page(filters, request.GET.get("page"))
        kept = {name: filters[name] for name in ("field", "weekday", "q") if filters.get(name)}
        query = urlencode(kept) + "&" if kept else ""
        return {"page": page, "rows": render_rows(page), "days": WEEKDAY_NAMES, "query": query}

    results = cached_fragment(
        request, "consultations.week", template="consultations/partials/week_results.html",
        stamp_names=["rotation"], build=build,
    )
    if is_htmx(request):
        return HttpResponse(results)
    return render(request, "consultations/week.html", {"form": form, "results": results})


@require_GET
def meister_month(request, pk: int):
    meister = Meister.objects.filter(pk=pk, is_active=True).first()
    if meister is None:
        raise Http404("마이스터를 찾을 수 없습니다.")
    today = timezone.localdate()
    window = booking_window()
    try:
        first = date.fromisoformat(f"{request.GET.get('month', '')}-01")
    except ValueError:
        first = today.replace(day=1)
    if not 2000 <= first.year <= 2100:
        first = today.replace(day=1)
    previous = (first.replace(day=1) - timezone.timedelta(days=1)).replace(day=1)
    following = (first.replace(day=28) + timezone.timedelta(days=4)).replace(day=1)
    return render(
        request,
        "consultations/month.html",
        {
            "meister": meister,
            "weeks": month_view(meister, first.year, first.month, now=window.now),
            "window": window,
            "first": first,
            "previous": previous,
            "following": following,
            "today": today,
        },
    )
