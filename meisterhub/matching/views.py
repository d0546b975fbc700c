from django import forms
from django.shortcuts import render
from django.views.decorators.http import require_GET

from meisterhub.companies.selectors import companies_visible_to
from meisterhub.meisters.models import Meister

from .roster import match_request

MAX_TEXT = 20_000


class SuggestForm(forms.Form):
    text = forms.CharField(required=False, max_length=MAX_TEXT * 2)
    problem = forms.CharField(required=False, max_length=MAX_TEXT * 2)  # the booking form's name
    company = forms.IntegerField(required=False)


def _org_type(user, company_id) -> str | None:
    """The organisation type of a company the person belongs to (startups get other priors)."""
    if not company_id or not getattr(user, "is_authenticated", False):
        return None
    return (
        companies_visible_to(user).filter(pk=company_id).values_list("org_type", flat=True).first()
    )


@require_GET
def suggest(request):
    """htmx: as a person types the problem, show the likely fields and meisters with reasons."""
    form = SuggestForm(request.GET)
    valid = form.is_valid()
    text = (form.data.get("text") or form.data.get("problem") or "")[:MAX_TEXT] if valid else ""
    if len(text.strip()) < 4:
        return render(request, "matching/partials/suggestions.html", {"waiting": True})
    org_type = _org_type(request.user, form.cleaned_data.get("company"))
    result = match_request(text, org_type, top_meisters=3)
    meisters = Meister.objects.in_bulk([int(m.id) for m in result.meisters])
    context = {
        "result": result,
        "fields": result.fields[:3],
        "meisters": [(meisters[int(m.id)], m) for m in result.meisters if int(m.id) in meisters],
    }
    return render(request, "matching/partials/suggestions.html", context)
