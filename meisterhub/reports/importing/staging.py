"""The uploaded file kept between the preview and the confirmation (StagedImport).

Only the staff member who uploaded a file may see its preview again or confirm it; any other
user gets a 404, as for a record that does not exist. Confirming plans the file again inside
the transaction: if that is not what the preview showed (someone changed a record meanwhile),
nothing is saved and the person sees the new preview.
"""

from datetime import timedelta

from django.core.files.base import ContentFile
from django.db import transaction
from django.http import Http404
from django.utils import timezone

from meisterhub.accounts.roles import is_staff
from meisterhub.core.errors import DomainError

from .. import conf
from ..models import StagedImport
from .dispatch import importer_for
from .plan import ImportOutcome, ImportPlan, apply_plan, build_plan

# A preview older than this is not confirmed any more: the person uploads again.
STAGED_FOR = timedelta(hours=2)


class StaleImport(DomainError):
    """The records changed after the preview; `plan` is what saving would do now."""

    def __init__(self, plan: ImportPlan):
        super().__init__(
            "미리보기 뒤에 자료가 바뀌었습니다. 바뀐 내용을 확인한 뒤 다시 저장해 주세요.",
            code="stale",
        )
        self.plan = plan


def _file_of(staged: StagedImport) -> ContentFile:
    return ContentFile(bytes(staged.content), name=staged.file_name)


@transaction.atomic
def stage_import(
    *, actor, kind: str, mode: str, upload, only_good_rows: bool = False
) -> tuple[StagedImport, ImportPlan]:
    """Keep the upload and return what importing it would do. No business record is written."""
    importer = importer_for(actor=actor, kind=kind)
    if upload.size > conf.IMPORT_MAX_BYTES:
        raise DomainError(
            f"파일이 너무 큽니다. {conf.IMPORT_MAX_BYTES // (1024 * 1024)}MB 이하만 가져올 수 있습니다."
        )
    content = upload.read()
    name = (upload.name or "")[-200:]
    plan = build_plan(importer, actor=actor, upload=ContentFile(content, name=name), mode=mode)
    StagedImport.objects.filter(created_at__lt=timezone.now() - STAGED_FOR).delete()
    staged = StagedImport.objects.create(
        kind=kind,
        mode=mode,
        only_good_rows=only_good_rows,
        file_name=name,
        content=content,
        created_by=actor,
    )
    return staged, plan


def access_staged_import(user, pk) -> StagedImport:
    """The uploader's own pending preview, else 404 (missing, someone else's, done or expired)."""
    if not is_staff(user):
        raise Http404
    staged = StagedImport.objects.filter(
        pk=pk,
        created_by=user,
        confirmed_at__isnull=True,
        created_at__gte=timezone.now() - STAGED_FOR,
    ).first()
    if staged is None:
        raise Http404
    return staged


def preview_staged_import(*, actor, staged: StagedImport) -> ImportPlan:
    importer = importer_for(actor=actor, kind=staged.kind)
    return build_plan(importer, actor=actor, upload=_file_of(staged), mode=staged.mode)


@transaction.atomic
def confirm_staged_import(
    *, actor, staged: StagedImport, digest: str, only_good_rows: bool
) -> ImportOutcome:
    staged = StagedImport.objects.select_for_update().get(pk=staged.pk)
    if staged.confirmed_at is not None:
        raise DomainError("이미 저장한 가져오기입니다.")
    importer = importer_for(actor=actor, kind=staged.kind)
    plan = build_plan(importer, actor=actor, upload=_file_of(staged), mode=staged.mode)
    if plan.digest != digest:
        raise StaleImport(plan)
    outcome = apply_plan(importer, plan, actor=actor, only_good_rows=only_good_rows)
    if outcome.saved or not plan.errors:
        # The file is not needed any more; the History rows say what it did.
        staged.confirmed_at, staged.content = timezone.now(), b""
        staged.save(update_fields=["confirmed_at", "content"])
    return outcome
