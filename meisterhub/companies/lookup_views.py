"""Staff lookup of companies by name or business registration number (core/lookup.py)."""

from django.http import HttpResponse
from django.views.decorators.http import require_GET

from meisterhub.accounts.roles import staff_required
from meisterhub.core.lookup import lookup_options

from .models import Company


@staff_required
@require_GET
def lookup(request):
    html = lookup_options(
        Company.objects.order_by("name", "id"),
        request.GET.get("q", "")[:50].replace("-", ""),
        search_fields=["name", "brn"],
        label=lambda company: f"{company.name} ({company.brn})",
    )
    return HttpResponse(html)
