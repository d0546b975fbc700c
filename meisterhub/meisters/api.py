from datetime import datetime

from ninja import Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import paginate
from ninja.security import django_auth

from meisterhub.accounts.roles import require_staff
from meisterhub.core.history_text import readable_history_of
from meisterhub.core.pagination import BoundedLimitOffsetPagination
from meisterhub.core.privacy import mask_email

from .manage_services import create_meister, invite_meister, update_meister
from .models import Field, Meister
from .selectors import get_public_meister, list_meisters_for_staff, list_public_meisters

router = Router()


class FieldOut(Schema):
    code: str
    name_ko: str
    name_en: str
    scope: str


class MeisterOut(Schema):
    id: int
    name: str
    title: str
    fields: list[str]
    keywords: list[str]
    weekdays: list[str]

    @staticmethod
    def resolve_fields(obj: Meister) -> list[str]:
        return [f.code for f in obj.ordered_fields]

    @staticmethod
    def resolve_weekdays(obj: Meister) -> list[str]:
        return obj.weekday_names


class MeisterDetailOut(MeisterOut):
    career: str
    certificates: list[str]


@router.get("/fields", response=list[FieldOut], summary="전문분야 목록")
def list_fields(request):
    return Field.objects.order_by("order")


@router.get("/", response=list[MeisterOut], summary="마이스터 목록")
@paginate(BoundedLimitOffsetPagination)
def list_meisters(
    request, field: str | None = None, weekday: str | None = None, q: str | None = None
):
    if weekday and weekday not in {"0", "1", "2", "3", "4"}:
        weekday = "x"  # matches nobody: an unknown weekday is an empty result, not an error
    return list_public_meisters(field=field, weekday=weekday, query=q)


@router.get("/{meister_id}", response=MeisterDetailOut, summary="마이스터 상세")
def get_meister(request, meister_id: int):
    try:
        return get_public_meister(meister_id)
    except Meister.DoesNotExist:
        raise HttpError(404, "마이스터를 찾을 수 없습니다.") from None


# Staff: onboarding meisters (the API twin of the 마이스터 관리 pages, same services).


class MeisterManageOut(MeisterOut):
    roster_id: str
    career: str
    certificates: list[str]
    is_active: bool
    version: int
    invitation_status: str
    email: str
    invited_at: datetime | None

    @staticmethod
    def resolve_weekdays(obj: Meister) -> list[str]:
        return obj.weekday_names

    @staticmethod
    def resolve_email(obj: Meister) -> str:
        # Personal data (core/privacy.py): staff lists and forms show it masked.
        return mask_email(obj.user.email) if obj.user_id else ""


class HistoryOut(Schema):
    at: datetime
    actor: str
    text: str


class MeisterManageDetailOut(MeisterManageOut):
    history: list[HistoryOut]

    @staticmethod
    def resolve_history(obj: Meister) -> list[dict]:
        return readable_history_of(obj)


class MeisterProfileIn(Schema):
    name: str
    title: str
    fields: list[str]  # field codes, the main one first
    career: str = ""
    keywords: list[str] = []
    certificates: list[str] = []
    weekdays: list[str] = []  # 0..4 or 월..금


class MeisterCreateIn(MeisterProfileIn):
    roster_id: str = ""
    email: str = ""  # given: the account is created and the invitation mailed


class MeisterUpdateIn(MeisterProfileIn):
    is_active: bool = True
    version: int | None = None  # the version the edit was based on; without it no check


class InviteIn(Schema):
    email: str = ""


MANAGE_REFUSAL = "운영자만 마이스터를 관리할 수 있습니다."


def _managed(meister_id: int) -> Meister:
    meister = Meister.objects.select_related("user").filter(pk=meister_id).first()
    if meister is None:
        raise HttpError(404, "마이스터를 찾을 수 없습니다.")
    return meister


@router.get("/manage/", response=list[MeisterManageOut], auth=django_auth,
            summary="마이스터 관리: 목록·검색")
@paginate(BoundedLimitOffsetPagination)
def manage_list(request, q: str = "", state: str = ""):
    require_staff(request.user, MANAGE_REFUSAL)
    return list_meisters_for_staff(query=q, state=state)


@router.post("/manage/", response={201: MeisterManageOut}, auth=django_auth,
             summary="마이스터 관리: 등록 (이메일이 있으면 초대)")
def manage_create(request, payload: MeisterCreateIn):
    require_staff(request.user, MANAGE_REFUSAL)
    values = payload.dict()
    meister = create_meister(actor=request.user, field_codes=values.pop("fields"), **values)
    return Status(201, _managed(meister.pk))


@router.get("/manage/{meister_id}", response=MeisterManageDetailOut, auth=django_auth,
            summary="마이스터 관리: 상세와 변경 이력")
def manage_detail(request, meister_id: int):
    require_staff(request.user, MANAGE_REFUSAL)
    return _managed(meister_id)


@router.put("/manage/{meister_id}", response=MeisterManageOut, auth=django_auth,
            summary="마이스터 관리: 수정 (version이 다르면 409)")
def manage_update(request, meister_id: int, payload: MeisterUpdateIn):
    require_staff(request.user, MANAGE_REFUSAL)
    values = payload.dict()
    version, codes = values.pop("version"), values.pop("fields")
    update_meister(actor=request.user, meister=_managed(meister_id), version=version,
                   field_codes=codes, **values)
    return _managed(meister_id)


@router.post("/manage/{meister_id}/invite", response=MeisterManageOut, auth=django_auth,
             summary="마이스터 관리: 초대 메일 (다시) 보내기")
def manage_invite(request, meister_id: int, payload: InviteIn):
    require_staff(request.user, MANAGE_REFUSAL)
    invite_meister(actor=request.user, meister=_managed(meister_id), email=payload.email)
    return _managed(meister_id)
