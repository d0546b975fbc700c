"""Public pages: calls, call detail and attachments, hidden champions, awards, outcomes."""

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from meisterhub.accounts.roles import is_staff
from meisterhub.companies.selectors import acting_companies
from meisterhub.core.http import is_htmx
from meisterhub.core.page_cache import cached_fragment, public_page

from .. import selectors
from ..forms import CallFilterForm, StartForm
from ..models import Beneficiary, Call, CallAttachment
from ..ranking import TIE_BREAK_RULES
from .common import serve_document

PAGE_SIZE = 20


@require_GET
@public_page("programs.calls", stamp_names=["programs"], per_minute=True)
def call_list(request):
    form = CallFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}

    def build() -> dict:
        calls = selectors.list_calls(query=filters.get("q", ""), area=filters.get("area", ""),
                                     status=filters.get("status", ""))
        page = Paginator(calls, PAGE_SIZE).get_page(request.GET.get("page"))
        return {"form": form, "page": page, "now": timezone.now()}

    # per minute: a call opens and closes by the clock, with no write to bump a stamp
    results = cached_fragment(
        request, "programs.calls", template="programs/partials/call_results.html",
        stamp_names=["programs"], build=build, per_minute=True,
    )
    if is_htmx(request):
        return HttpResponse(results)
    return render(request, "programs/calls.html", {"form": form, "results": results})


@require_GET
def call_detail(request, pk: int):
    try:
        call = selectors.get_call(pk, published_only=not is_staff(request.user))
    except Call.DoesNotExist:
        raise Http404("공고를 찾을 수 없습니다.") from None
    companies = acting_companies(request.user)
    return render(request, "programs/call_detail.html", {
        "call": call,
        "start_form": StartForm(companies=companies) if companies.exists() else None,
        "tie_break_rules": TIE_BREAK_RULES,
        "can_manage_call": is_staff(request.user),
    })


@require_GET
def attachment_download(request, pk: int):
    attachments = CallAttachment.objects.all()
    if not is_staff(request.user):
        attachments = attachments.filter(call__published_at__isnull=False)
    attachment = get_object_or_404(attachments, pk=pk)
    return serve_document(attachment)


@require_GET
def hidden_champions(request):
    from ..forms import ChampionForm

    return render(request, "programs/champions.html", {
        "champions": selectors.list_hidden_champions(),
        "progress": selectors.champion_progress(),
        "form": ChampionForm(initial={"year": timezone.localdate().year})
        if is_staff(request.user) else None,
    })


@require_GET
def awards(request):
    return render(request, "programs/awards.html", {"awards": selectors.list_awards()})


@require_GET
def outcomes(request):
    this_year = timezone.localdate().year
    try:
        year = int(request.GET.get("year", this_year - 1))
    except ValueError:
        year = this_year - 1
    return render(request, "programs/outcomes.html", {
        "year": year, "years": range(this_year, this_year - 6, -1),
        "overall": selectors.beneficiary_growth(year),
        "by_program": selectors.growth_by_program(year),
        "participants": selectors.participation_count(year),
        "totals": selectors.outcome_totals(year),
        # Only links that work for the reader: the report form is for beneficiaries' members.
        "can_report": acting_companies(request.user)
        .filter(pk__in=Beneficiary.objects.values("company_id")).exists(),
        "can_import_outcomes": is_staff(request.user),
    })
