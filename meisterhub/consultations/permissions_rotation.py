"""Who may change a meister's rotation and leave: staff for anyone, a meister for themself.

access_* return 404 for a row that is missing or belongs to somebody else."""

from django.http import Http404

from meisterhub.meisters.models import Meister

from .models import MeisterLeave, RotationBlock
from .permissions import is_own_meister


def can_manage_rotation(user, meister_id: int | None) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return bool(user.is_operator) or is_own_meister(user, meister_id)


def access_schedule_meister(user, pk: int) -> Meister:
    meister = Meister.objects.filter(pk=pk).first()
    if meister is None or not can_manage_rotation(user, meister.pk):
        raise Http404("마이스터를 찾을 수 없습니다.")
    return meister


def access_block(user, pk: int) -> RotationBlock:
    block = RotationBlock.objects.select_related("meister").filter(pk=pk).first()
    if block is None or not can_manage_rotation(user, block.meister_id):
        raise Http404("상담 일정을 찾을 수 없습니다.")
    return block


def access_leave(user, pk: int) -> MeisterLeave:
    leave = MeisterLeave.objects.select_related("meister").filter(pk=pk).first()
    if leave is None or not can_manage_rotation(user, leave.meister_id):
        raise Http404("휴가를 찾을 수 없습니다.")
    return leave
