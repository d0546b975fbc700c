from ninja import Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate

from meisterhub.core.pagination import BoundedLimitOffsetPagination

from .models import Field, Meister
from .selectors import get_public_meister, list_public_meisters

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
