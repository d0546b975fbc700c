"""JSON API: the inquiry desk (anonymous allowed with contact) and the public technology list."""

from datetime import date, datetime

from django.http import Http404
from ninja import Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import paginate
from ninja.security import django_auth
from ninja.utils import check_csrf

from meisterhub.companies.models import Company
from meisterhub.companies.selectors import acting_company_ids
from meisterhub.core.pagination import BoundedLimitOffsetPagination
from meisterhub.meisters.models import Field

from .models import Inquiry
from .selectors import inquiries_of, public_technologies
from .services import submit_inquiry

router = Router()


class InquiryIn(Schema):
    category: str
    title: str
    body: str
    field_code: str | None = None
    company_id: int | None = None
    name: str = ""
    organization: str = ""
    phone: str = ""
    email: str = ""


class InquiryOut(Schema):
    id: int
    reference: str
    category: str
    field_code: str | None
    title: str
    status: str
    deadline: date
    received_at: datetime
    owner: str
    answer: str
    is_overdue: bool

    @staticmethod
    def resolve_field_code(obj) -> str | None:
        return obj.field_id

    @staticmethod
    def resolve_owner(obj) -> str:
        return obj.owner_display


class TechnologyOut(Schema):
    id: int
    title: str
    field_code: str
    field_name: str
    trl: int
    owner: str
    summary: str

    @staticmethod
    def resolve_field_code(obj) -> str:
        return obj.field_id

    @staticmethod
    def resolve_field_name(obj) -> str:
        return obj.field.name_ko

    @staticmethod
    def resolve_owner(obj) -> str:
        return obj.owner.name


@router.post("/inquiries", response={201: InquiryOut}, summary="원스톱 문의 접수")
def create_inquiry(request, payload: InquiryIn):
    user = request.user
    if user.is_authenticated:
        # The session ties the inquiry to a company: such a request must carry the CSRF token.
        refusal = check_csrf(request)
        if refusal is not None:
            raise HttpError(403, "보안 토큰(CSRF)이 없거나 맞지 않습니다.")
    field = None
    if payload.field_code:
        field = Field.objects.filter(code=payload.field_code).first()
        if field is None:
            raise HttpError(400, f"알 수 없는 전문분야 코드입니다: {payload.field_code}")
    company = None
    if payload.company_id is not None:
        if payload.company_id not in acting_company_ids(user):
            raise Http404("기업을 찾을 수 없습니다.")
        company = Company.objects.get(pk=payload.company_id)
    inquiry = submit_inquiry(
        actor=user, channel=Inquiry.Channel.WEB, category=payload.category,
        title=payload.title, body=payload.body, name=payload.name,
        organization=payload.organization, phone=payload.phone, email=payload.email,
        company=company, field=field)
    return Status(201, inquiry)


@router.get("/inquiries/mine", response=list[InquiryOut], auth=django_auth, summary="내 문의")
@paginate(BoundedLimitOffsetPagination)
def my_inquiries(request):
    return inquiries_of(request.user).order_by("-received_at", "-pk")


@router.get("/technologies", response=list[TechnologyOut], summary="이전 가능 기술 목록")
@paginate(BoundedLimitOffsetPagination)
def technologies(request, field: str | None = None):
    return public_technologies(field=field).order_by("-created_at", "-pk")
