import sys

from django.db.models import Count, Q
from django.shortcuts import render
from django.views.decorators.http import require_GET

from meisterhub.companies.models import Company
from meisterhub.meisters.models import WEEKDAY_CHOICES, Field, Meister

from .page_cache import cached_fragment


@require_GET
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


RETRY_AFTER_SECONDS = "5"


def server_error(request):
    """handler500. While the database is briefly unreachable (a restart, a fail-over) answer 503
    with Retry-After instead of a bare 500, so clients and load balancers come back later."""
    from django.db import InterfaceError, OperationalError
    from django.http import HttpResponse, JsonResponse
    from django.template import loader

    error = sys.exc_info()[1]
    if isinstance(error, (OperationalError, InterfaceError)):
        message = "데이터베이스에 잠시 연결할 수 없습니다. 잠시 후 다시 시도해 주세요."
        if request.path.startswith("/api/"):
            response = JsonResponse({"detail": message}, status=503)
        else:
            response = HttpResponse(
                '<!doctype html><html lang="ko"><meta charset="utf-8">'
                f"<title>잠시 후 다시 시도해 주세요</title><h1>잠시 후 다시 시도해 주세요</h1><p>{message}</p></html>",
                status=503,
            )
        response["Retry-After"] = RETRY_AFTER_SECONDS
        return response
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": "일시적인 오류가 발생했습니다."}, status=500)
    return HttpResponse(loader.get_template("500.html").render(), status=500)
