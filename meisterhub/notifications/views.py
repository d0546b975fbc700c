"""The inbox every role has, the channel settings, and the staff delivery log."""

from urllib.parse import urlencode, urlparse

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from meisterhub.accounts.roles import staff_required
from meisterhub.core.errors import DomainError
from meisterhub.core.privacy import mask_value

from . import services
from .models import Channel, Kind, Message, Status
from .permissions import can_resend


@login_required
def inbox(request):
    page = Paginator(services.inbox(request.user).only(
        "pk", "subject", "body", "link", "read_at", "created_at", "kind"), 20).get_page(
        request.GET.get("page"))
    return render(request, "notifications/inbox.html", {
        "page": page, "unread": services.unread_count(request.user)})


@login_required
def badge(request):
    """The header's unread count, loaded by htmx so cached pages stay the same for everyone."""
    count = services.unread_count(request.user)
    # The name read aloud starts with the text shown ("알림 3"), as WCAG 2.5.3 asks.
    badge_html = f' <span class="badge">{count}</span><span class="sr-only"> (안 읽음)</span>'
    return HttpResponse(f'<a href="/notifications/">알림{badge_html if count else ""}</a>')


@login_required
@require_POST
def open_message(request, pk: int):
    message = get_object_or_404(services.inbox(request.user), pk=pk)
    services.mark_read(user=request.user, pk=message.pk)
    path = urlparse(message.link).path if message.link else ""
    return redirect(path or "notifications:inbox")


@login_required
@require_POST
def mark_all_read(request):
    count = services.mark_read(user=request.user)
    messages.success(request, f"알림 {count}건을 읽음으로 표시했습니다.")
    return redirect("notifications:inbox")


@login_required
def preferences(request):
    user = request.user
    if request.method == "POST":
        choices = {kind: {ch: f"{kind}.{ch}" in request.POST for ch in ("email", "sms", "in_app")}
                   for kind in Kind.values}
        services.save_preferences(user=user, choices=choices,
                                  marketing=request.POST.get("marketing") == "1")
        messages.success(request, "알림 수신 설정을 저장했습니다.")
        return redirect("notifications:preferences")
    rows = []
    for kind, label in Kind.choices:
        chosen = services.channels_for(user, kind)
        rows.append({"kind": kind, "label": label, "email": chosen[Channel.EMAIL],
                     "sms": chosen[Channel.SMS], "in_app": chosen[Channel.IN_APP],
                     "in_app_fixed": kind != Kind.PROMOTION})
    return render(request, "notifications/preferences.html", {
        "rows": rows, "marketing": services.has_marketing_consent(user)})


@staff_required
def deliveries(request):
    filters = {name: request.GET.get(name, "") for name in ("status", "channel", "kind")}
    rows = Message.objects.exclude(channel=Channel.IN_APP).select_related("recipient")
    for name, value in filters.items():
        if value:
            rows = rows.filter(**{name: value})
    page = Paginator(rows.order_by("-created_at", "-pk"), 50).get_page(request.GET.get("page"))
    for message in page.object_list:
        message.masked_address = mask_value(message.address)
        message.can_resend = can_resend(request.user, message)
    query = urlencode({k: v for k, v in filters.items() if v})
    return render(request, "notifications/deliveries.html", {
        "page": page, "filters": filters, "query": query,
        "statuses": Status.choices, "channels": [c for c in Channel.choices if c[0] != "inapp"],
        "kinds": Kind.choices,
        "failed": Message.objects.filter(status=Status.FAILED).count(),
    })


@staff_required
@require_POST
def resend(request, pk: int):
    message = get_object_or_404(Message, pk=pk)
    try:
        services.resend(actor=request.user, message=message)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "다시 보내기를 요청했습니다.")
    return redirect("notifications:deliveries")
