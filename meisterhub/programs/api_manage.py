"""JSON twins of the staff pages for programs and calls (/api/programs/manage/...).

Staff only (403 for any other signed-in user), the same services as the pages; a refused
rule answers 400 with the Korean message, a stale version 409.
"""

from ninja import Router, Status
from ninja.errors import HttpError
from ninja.pagination import paginate
from ninja.security import django_auth

from meisterhub.accounts.models import User
from meisterhub.accounts.roles import require_staff
from meisterhub.core.pagination import BoundedLimitOffsetPagination

from . import selectors, services
from .api_manage_schemas import (
    CallDetailOut,
    CallIn,
    CallListOut,
    CallPatch,
    CriteriaIn,
    CriterionOut,
    DocumentIn,
    DocumentOut,
    EvaluatorOut,
    PoolIn,
    PreviewIn,
    PreviewOut,
    ProgramIn,
    ProgramOut,
    ProgramPatch,
    VersionIn,
)
from .models import Call, Program, RequiredDocument
from .preview import preview_eligibility, rules_call

router = Router()


MANAGE_REFUSAL = "운영자만 지원사업과 공고를 관리할 수 있습니다."


def _call(call_id: int) -> Call:
    call = Call.objects.select_related("program").filter(pk=call_id).first()
    if call is None:
        raise HttpError(404, "공고를 찾을 수 없습니다.")
    return call


def _program(program_id: int | None) -> Program:
    program = Program.objects.filter(pk=program_id).first() if program_id else None
    if program is None:
        raise HttpError(400, "지원사업을 찾을 수 없습니다. program_id를 확인해 주세요.")
    return program


def _call_values(values: dict) -> dict:
    if "program_id" in values:
        values["program"] = _program(values.pop("program_id"))
    return values


@router.get("/programs", response=list[ProgramOut], auth=django_auth,
            summary="지원사업 관리: 목록")
@paginate(BoundedLimitOffsetPagination)
def program_list(request):
    require_staff(request.user, MANAGE_REFUSAL)
    return Program.objects.order_by("-year", "area", "name", "pk")


@router.post("/programs", response={201: ProgramOut}, auth=django_auth,
             summary="지원사업 관리: 등록")
def program_create(request, payload: ProgramIn):
    require_staff(request.user, MANAGE_REFUSAL)
    return Status(201, services.create_program(actor=request.user, **payload.dict()))


@router.patch("/programs/{program_id}", response=ProgramOut, auth=django_auth,
              summary="지원사업 관리: 수정 (version이 다르면 409)")
def program_update(request, program_id: int, payload: ProgramPatch):
    require_staff(request.user, MANAGE_REFUSAL)
    program = Program.objects.filter(pk=program_id).first()
    if program is None:
        raise HttpError(404, "지원사업을 찾을 수 없습니다.")
    values = payload.dict(exclude_unset=True)
    version = values.pop("version", None)
    return services.update_program(actor=request.user, program=program, version=version,
                                   **values)


@router.get("/calls", response=list[CallListOut], auth=django_auth,
            summary="공고 관리: 목록 (작성 중 포함, 신청 수)")
@paginate(BoundedLimitOffsetPagination)
def call_list(request, q: str = "", stage: str = ""):
    require_staff(request.user, MANAGE_REFUSAL)
    return selectors.list_calls_for_staff(query=q, stage=stage)


@router.post("/calls", response={201: CallDetailOut}, auth=django_auth,
             summary="공고 관리: 작성 (작성 중 상태로 저장)")
def call_create(request, payload: CallIn):
    require_staff(request.user, MANAGE_REFUSAL)
    call = services.create_call(actor=request.user, **_call_values(payload.dict()))
    return Status(201, _call(call.pk))


@router.get("/calls/{call_id}", response=CallDetailOut, auth=django_auth,
            summary="공고 관리: 상세 (서류, 평가 항목, 평가위원 풀, 변경 이력)")
def call_detail(request, call_id: int):
    require_staff(request.user, MANAGE_REFUSAL)
    return _call(call_id)


@router.patch("/calls/{call_id}", response=CallDetailOut, auth=django_auth,
              summary="공고 관리: 수정 (보낸 항목만, version이 다르면 409)")
def call_update(request, call_id: int, payload: CallPatch):
    require_staff(request.user, MANAGE_REFUSAL)
    values = payload.dict(exclude_unset=True)
    version = values.pop("version", None)
    services.update_call(actor=request.user, call=_call(call_id), version=version,
                         **_call_values(values))
    return _call(call_id)


def _lifecycle(request, call_id: int, action, version):
    require_staff(request.user, MANAGE_REFUSAL)
    call = action(actor=request.user, call=_call(call_id), version=version)
    return _call(call.pk)


@router.post("/calls/{call_id}/publish", response=CallDetailOut, auth=django_auth,
             summary="공고 관리: 게시")
def call_publish(request, call_id: int, payload: VersionIn):
    return _lifecycle(request, call_id, services.publish_call, payload.version)


@router.post("/calls/{call_id}/close", response=CallDetailOut, auth=django_auth,
             summary="공고 관리: 지금 마감 (접수 중인 공고)")
def call_close(request, call_id: int, payload: VersionIn):
    return _lifecycle(request, call_id, services.close_call, payload.version)


@router.post("/calls/{call_id}/copy", response={201: CallDetailOut}, auth=django_auth,
             summary="공고 관리: 복사 (같은 규칙·서류·평가 항목·풀의 작성 중 공고, 기간은 비움)")
def call_copy(request, call_id: int):
    require_staff(request.user, MANAGE_REFUSAL)
    copy = services.copy_call(actor=request.user, call=_call(call_id))
    return Status(201, _call(copy.pk))


@router.post("/calls/{call_id}/documents", response={201: DocumentOut}, auth=django_auth,
             summary="공고 관리: 제출 서류 추가")
def document_add(request, call_id: int, payload: DocumentIn):
    require_staff(request.user, MANAGE_REFUSAL)
    document = services.add_required_document(actor=request.user, call=_call(call_id),
                                              **payload.dict())
    return Status(201, document)


@router.delete("/calls/{call_id}/documents/{document_id}", response={204: None},
               auth=django_auth, summary="공고 관리: 제출 서류 빼기")
def document_remove(request, call_id: int, document_id: int):
    require_staff(request.user, MANAGE_REFUSAL)
    document = RequiredDocument.objects.filter(pk=document_id, call_id=call_id).first()
    if document is None:
        raise HttpError(404, "제출 서류를 찾을 수 없습니다.")
    services.remove_required_document(actor=request.user, document=document)
    return Status(204, None)


@router.put("/calls/{call_id}/criteria", response=list[CriterionOut], auth=django_auth,
            summary="공고 관리: 평가 항목 저장 (가중치 합 100)")
def criteria_save(request, call_id: int, payload: CriteriaIn):
    require_staff(request.user, MANAGE_REFUSAL)
    rows = [row.dict() for row in payload.criteria]
    services.save_criteria(actor=request.user, call=_call(call_id), rows=rows)
    return list(_call(call_id).criteria.all())


def _evaluator(evaluator_id: int) -> User:
    user = User.objects.filter(pk=evaluator_id).first()
    if user is None:
        raise HttpError(400, "평가위원을 찾을 수 없습니다.")
    return user


@router.post("/calls/{call_id}/evaluators", response={201: list[EvaluatorOut]},
             auth=django_auth, summary="공고 관리: 평가위원 풀에 넣기")
def pool_add(request, call_id: int, payload: PoolIn):
    require_staff(request.user, MANAGE_REFUSAL)
    call = _call(call_id)
    services.add_pool_evaluator(actor=request.user, call=call,
                                evaluator=_evaluator(payload.evaluator_id))
    return Status(201, list(call.evaluators.order_by("full_name")))


@router.delete("/calls/{call_id}/evaluators/{evaluator_id}", response={204: None},
               auth=django_auth, summary="공고 관리: 평가위원 풀에서 빼기")
def pool_remove(request, call_id: int, evaluator_id: int):
    require_staff(request.user, MANAGE_REFUSAL)
    services.remove_pool_evaluator(actor=request.user, call=_call(call_id),
                                   evaluator=_evaluator(evaluator_id))
    return Status(204, None)


@router.post("/rules/preview", response=PreviewOut, auth=django_auth,
             summary="공고 관리: 신청 자격 미리보기 (저장하지 않은 규칙으로)")
def call_preview(request, payload: PreviewIn):
    require_staff(request.user, MANAGE_REFUSAL)
    values = payload.dict()
    program_id = values.pop("program_id")
    values["program"] = _program(program_id) if program_id else None
    preview = preview_eligibility(rules_call(values))
    return {
        "total": preview.total, "passing_count": preview.passing_count,
        "failing_count": preview.failing_count,
        "by_rule": [{"rule": label, "count": n} for label, n in preview.by_rule],
        "passing": [{"id": c.pk, "name": c.name} for c in preview.passing],
        "failing": [{"id": c.pk, "name": c.name, "reasons": [f.reason for f in failed]}
                    for c, failed in preview.failing],
    }
