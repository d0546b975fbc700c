from datetime import date

from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from meisterhub.meisters.models import Meister

from ..schedule import month_view, pattern_label, week_view


@require_GET
def week(request):
    columns = week_view()
    for column in columns:
        for block in column.entries:
            block.pattern_label = pattern_label(block)
    return render(request, "consultations/week.html", {"columns": columns})


@require_GET
def meister_month(request, pk: int):
    meister = Meister.objects.filter(pk=pk, is_active=True).first()
    if meister is None:
        raise Http404("마이스터를 찾을 수 없습니다.")
    today = timezone.localdate()
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
            "weeks": month_view(meister, first.year, first.month),
            "first": first,
            "previous": previous,
            "following": following,
            "today": today,
        },
    )
