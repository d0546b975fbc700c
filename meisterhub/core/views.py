from django.shortcuts import render
from django.views.decorators.http import require_GET

from meisterhub.companies.models import Company
from meisterhub.meisters.models import WEEKDAY_CHOICES, Field, Meister


@require_GET
def home(request):
    active = Meister.objects.filter(is_active=True)
    week = [
        {"value": value, "label": label, "count": active.filter(weekdays__contains=value).count()}
        for value, label in WEEKDAY_CHOICES
    ]
    return render(
        request,
        "home.html",
        {
            "meister_count": active.count(),
            "field_count": Field.objects.count(),
            "company_count": Company.objects.count(),
            "fields": Field.objects.order_by("order"),
            "week": week,
        },
    )
