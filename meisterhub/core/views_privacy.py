from django.apps import apps
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_POST

from .errors import DomainError
from .privacy import can_view_personal_data, reveal


@login_required
@require_POST
def reveal_personal_data(request, label: str, pk: str):
    """htmx: staff give a reason and see the full values; the view is logged."""
    if not can_view_personal_data(request.user):
        raise Http404
    try:
        values = reveal(
            actor=request.user, label=label, pk=pk, reason=request.POST.get("reason", "")
        )
    except DomainError as exc:
        if exc.code in {"forbidden", "not_found"}:
            raise Http404 from None
        return render(request, "core/partials/reveal.html", {"error": exc.message}, status=400)
    meta = apps.get_model(label)._meta
    labelled = {str(meta.get_field(name).verbose_name): value for name, value in values.items()}
    return render(request, "core/partials/reveal.html", {"values": labelled})
