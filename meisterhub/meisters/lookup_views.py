"""Staff lookup of meisters by name or roster id, for LookupSelect fields (core/lookup.py)."""

from django.http import HttpResponse
from django.views.decorators.http import require_GET

from meisterhub.accounts.roles import staff_required
from meisterhub.core.lookup import lookup_options

from .models import Meister


def label(meister: Meister) -> str:
    state = "" if meister.is_active else " (활동 중지)"
    return f"{meister.name} {meister.title} · {meister.roster_id}{state}"


@staff_required
@require_GET
def lookup(request):
    html = lookup_options(
        Meister.objects.order_by("-is_active", "name", "id"),
        request.GET.get("q", "")[:50],
        search_fields=["name", "roster_id"],
        label=label,
    )
    return HttpResponse(html)
