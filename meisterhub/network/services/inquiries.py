"""The one-stop inquiry desk: submit or log, route, answer, close."""

import logging
from datetime import date
from functools import lru_cache

from django.db import transaction
from django.utils import timezone

from meisterhub.accounts.roles import is_staff, require_staff
from meisterhub.companies.models import Company
from meisterhub.companies.selectors import acting_company_ids
from meisterhub.core.errors import DomainError
from meisterhub.core.history import record
from meisterhub.matching.learning import remember_routing
from meisterhub.meisters.models import Field, Meister

from .. import conf
from ..business_days import add_business_days
from ..models import Inquiry
from ..notices import inquiry_answered, inquiry_routed
from ..permissions import can_answer_inquiry, can_close_inquiry
from ..tasks import suggest_inquiry_field
from .common import clean_email, clean_phone, required_text

logger = logging.getLogger(__name__)
NAME_MISSING = "문의하신 분의 이름을 입력해 주세요."
CONTACT_MISSING = "답변받을 연락처를 남겨 주세요. 전화번호나 이메일 중 하나는 꼭 필요합니다."


@lru_cache(maxsize=1)
def _matcher():
    # Built once per process: building it loads the lexicon and the field index.
    from meisterhub.matching.ranker import Matcher

    return Matcher([])


def suggest_field(text: str) -> Field | None:
    """The matcher's best field for a technical question, or None; a hint for staff only."""
    try:
        best = _matcher().rank(text).fields[0]
    except Exception:  # the hint must never block an inquiry
        logger.info("matcher suggestion unavailable", exc_info=True)
        return None
    return Field.objects.filter(code=best.code).first() if best.score > 0 else None


def response_deadline(received_at) -> date:
    return add_business_days(timezone.localdate(received_at),
                             conf.INQUIRY_RESPONSE_BUSINESS_DAYS)


@transaction.atomic
def submit_inquiry(*, actor, channel: str, category: str, title: str, body: str,
                   name: str = "", phone: str = "", email: str = "", organization: str = "",
                   company: Company | None = None, field: Field | None = None) -> Inquiry:
    """A web inquiry (anyone) or a phone / walk-in inquiry logged by staff."""
    signed_in = bool(getattr(actor, "is_authenticated", False))
    is_operator = is_staff(actor)
    if channel not in Inquiry.Channel.values:
        raise DomainError("접수 경로를 선택해 주세요.", field="channel")
    if channel != Inquiry.Channel.WEB and not is_operator:
        raise DomainError("전화·방문 문의는 운영자만 기록할 수 있습니다.", code="forbidden")
    if category not in Inquiry.Category.values:
        raise DomainError("문의 분류를 선택해 주세요.", field="category")
    title = required_text(title, "문의 제목을 입력해 주세요.", field="title")
    body = required_text(body, "문의 내용을 입력해 주세요.", field="body")
    if company is not None and not is_operator and company.pk not in acting_company_ids(actor):
        raise DomainError("소속된 기업으로만 문의할 수 있습니다.", field="company")
    self_service = signed_in and not is_operator
    if self_service and company is None:
        company_ids = sorted(acting_company_ids(actor))
        company = Company.objects.filter(pk=company_ids[0]).first() if company_ids else None
    if self_service:
        name = name or actor.full_name
        email = email or actor.email
        phone = phone or actor.phone
    name = required_text(name, NAME_MISSING, field="name")
    phone, email = clean_phone(phone), clean_email(email)
    if not phone and not email:
        raise DomainError(CONTACT_MISSING, field="phone")
    if category != Inquiry.Category.TECHNICAL:
        field = None
    now = timezone.now()
    inquiry = Inquiry.objects.create(
        channel=channel, category=category, title=title[:150], body=body, name=name[:50],
        organization=(organization or (company.name if company else ""))[:100],
        phone=phone, email=email, company=company, field=field,
        submitted_by=actor if self_service else None,
        logged_by=actor if is_operator else None,
        received_at=now, deadline=response_deadline(now),
    )
    if category == Inquiry.Category.TECHNICAL:
        # The matcher loads Kiwi (seconds on first use): the hint is filled in the background.
        # robust: with the queue down the inquiry is still received; only the hint is missing.
        transaction.on_commit(lambda: suggest_inquiry_field.enqueue(inquiry.pk), robust=True)
    record(actor=actor, action="network.inquiry.received", instance=inquiry,
           changes={"channel": channel, "category": category, "company": str(company or ""),
                    "deadline": str(inquiry.deadline)})
    return inquiry


@transaction.atomic
def route_inquiry(*, actor, inquiry: Inquiry, owner_staff=None, owner_meister: Meister | None = None,
                  field: Field | None = None) -> Inquiry:
    require_staff(actor)
    inquiry = Inquiry.objects.select_for_update().get(pk=inquiry.pk)
    if inquiry.status not in Inquiry.OPEN:
        raise DomainError("이미 답변했거나 종결된 문의는 다시 배정할 수 없습니다.")
    if (owner_staff is None) == (owner_meister is None):
        raise DomainError("담당 직원이나 담당 마이스터 중 한 명을 지정해 주세요.", field="owner")
    if owner_staff is not None and not is_staff(owner_staff):
        raise DomainError("담당 직원은 운영자 계정이어야 합니다.", field="owner")
    if owner_meister is not None and (not owner_meister.is_active or not owner_meister.user_id):
        raise DomainError(
            f"{owner_meister.name} 마이스터는 로그인 계정이 없거나 활동 중이 아니어서 배정할 수 없습니다.",
            field="owner")
    if inquiry.category == Inquiry.Category.TECHNICAL:
        field = field or inquiry.field
        if field is None:
            raise DomainError("기술 문의는 전문분야를 지정한 뒤 배정해 주세요.", field="field")
    else:
        field = None
    before = [inquiry.status, inquiry.owner_display]
    inquiry.owner_staff, inquiry.owner_meister, inquiry.field = owner_staff, owner_meister, field
    inquiry.status = Inquiry.Status.ROUTED
    inquiry.routed_at = timezone.now()
    inquiry.save(update_fields=["owner_staff", "owner_meister", "field", "status", "routed_at"])
    record(actor=actor, action="network.inquiry.routed", instance=inquiry,
           changes={"status": [before[0], inquiry.status], "owner": [before[1],
                                                                     inquiry.owner_display],
                    "field": field.code if field else None})
    inquiry_routed(inquiry)
    if field is not None:  # staff's field (and meister) for this text: evidence for the matcher
        remember_routing(
            source="inquiry", source_id=inquiry.pk, text=f"{inquiry.title}\n{inquiry.body}",
            field_code=field.code, meister_id=owner_meister.pk if owner_meister else None,
            suggested_code=inquiry.suggested_field_id or "", actor_id=actor.pk)
    return inquiry


@transaction.atomic
def answer_inquiry(*, actor, inquiry: Inquiry, answer: str) -> Inquiry:
    inquiry = Inquiry.objects.select_for_update(of=("self",)).select_related("owner_meister").get(
        pk=inquiry.pk)
    if not can_answer_inquiry(actor, inquiry):
        if inquiry.status not in Inquiry.OPEN:
            raise DomainError("이미 답변했거나 종결된 문의입니다.")
        raise DomainError("이 문의에 답변할 권한이 없습니다.", code="forbidden")
    answer = required_text(answer, "답변 내용을 입력해 주세요.", field="answer")
    inquiry.answer, inquiry.answered_by = answer, actor
    inquiry.status, inquiry.answered_at = Inquiry.Status.ANSWERED, timezone.now()
    inquiry.save(update_fields=["answer", "answered_by", "status", "answered_at"])
    record(actor=actor, action="network.inquiry.answered", instance=inquiry,
           changes={"status": ["routed", "answered"], "answer": answer[:200]})
    inquiry_answered(inquiry)
    return inquiry


@transaction.atomic
def close_inquiry(*, actor, inquiry: Inquiry) -> Inquiry:
    inquiry = Inquiry.objects.select_for_update(of=("self",)).select_related("owner_meister").get(
        pk=inquiry.pk)
    if not can_close_inquiry(actor, inquiry):
        raise DomainError("지금은 이 문의를 종결할 수 없습니다.", code="forbidden")
    before = inquiry.status
    inquiry.status, inquiry.closed_at = Inquiry.Status.CLOSED, timezone.now()
    inquiry.save(update_fields=["status", "closed_at"])
    record(actor=actor, action="network.inquiry.closed", instance=inquiry,
           changes={"status": [before, inquiry.status]})
    return inquiry
