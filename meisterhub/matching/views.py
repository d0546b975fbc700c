from django import forms
from django.shortcuts import render
from django.views.decorators.http import require_GET

from meisterhub.meisters.models import Meister

from .roster import match_request

MAX_TEXT = 20_000


class SuggestForm(forms.Form):
    text = forms.CharField(required=False, max_length=MAX_TEXT * 2)
    org_type = forms.CharField(required=False, max_length=20)


@require_GET
def suggest(request):
    """htmx: as a person types the problem, show the likely fields and meisters with reasons."""
    form = SuggestForm(request.GET)
    text = form.data.get("text", "")[:MAX_TEXT] if form.is_valid() else ""
    if len(text.strip()) < 4:
        return render(request, "matching/partials/suggestions.html", {"waiting": True})
    result = match_request(text, form.cleaned_data.get("org_type") or None, top_meisters=3)
    meisters = Meister.objects.in_bulk([int(m.id) for m in result.meisters])
    context = {
        "result": result,
        "fields": result.fields[:3],
        "meisters": [(meisters[int(m.id)], m) for m in result.meisters if int(m.id) in meisters],
    }
    return render(request, "matching/partials/suggestions.html", context)
