"""Who may see and change what in the network app. Deny by default; access_* answer 404."""

from django.http import Http404

from meisterhub.accounts.models import Role
from meisterhub.accounts.roles import is_staff
from meisterhub.companies.selectors import acting_company_ids

from .models import Council, Inquiry, Meeting, SmartFactoryProject, TransferRequest


def _signed_in(user) -> bool:
    return bool(getattr(user, "is_authenticated", False))


def seated_council_ids(user) -> set[int]:
    if not _signed_in(user) or user.role != Role.COUNCIL_MEMBER:
        return set()
    return set(user.council_seats.values_list("council_id", flat=True))


def can_see_council(user, council_id: int) -> bool:
    return is_staff(user) or council_id in seated_council_ids(user)


def can_see_inquiry(user, inquiry: Inquiry) -> bool:
    if not _signed_in(user):
        return False
    if user.is_operator or inquiry.submitted_by_id == user.pk:
        return True
    if inquiry.owner_meister_id and inquiry.owner_meister.user_id == user.pk:
        return True
    return inquiry.company_id is not None and inquiry.company_id in acting_company_ids(user)


def can_answer_inquiry(user, inquiry: Inquiry) -> bool:
    if not _signed_in(user) or inquiry.status not in Inquiry.OPEN:
        return False
    if user.is_operator:
        return True
    return bool(inquiry.owner_meister_id) and inquiry.owner_meister.user_id == user.pk


def can_close_inquiry(user, inquiry: Inquiry) -> bool:
    if not _signed_in(user) or inquiry.status == Inquiry.Status.CLOSED:
        return False
    if user.is_operator:
        return True
    return inquiry.status == Inquiry.Status.ANSWERED and can_see_inquiry(user, inquiry) and (
        user.is_company_member
    )


def access_council(user, pk: int) -> Council:
    council = Council.objects.filter(pk=pk).first()
    if council is None or not can_see_council(user, council.pk):
        raise Http404("협의회를 찾을 수 없습니다.")
    return council


def access_meeting(user, pk: int) -> Meeting:
    meeting = Meeting.objects.select_related("council").filter(pk=pk).first()
    if meeting is None or not can_see_council(user, meeting.council_id):
        raise Http404("회의를 찾을 수 없습니다.")
    return meeting


def access_inquiry(user, pk: int) -> Inquiry:
    inquiry = (
        Inquiry.objects.select_related(
            "company", "field", "suggested_field", "owner_staff", "owner_meister",
            "submitted_by", "answered_by",
        ).filter(pk=pk).first()
    )
    if inquiry is None or not can_see_inquiry(user, inquiry):
        raise Http404("문의를 찾을 수 없습니다.")
    return inquiry


def access_project(user, pk: int) -> SmartFactoryProject:
    project = (
        SmartFactoryProject.objects.select_related("company", "supplier").filter(pk=pk).first()
    )
    visible = project is not None and (
        is_staff(user) or project.company_id in acting_company_ids(user)
    )
    if not visible:
        raise Http404("사업을 찾을 수 없습니다.")
    return project


def access_transfer(user, pk: int) -> TransferRequest:
    transfer = (
        TransferRequest.objects.select_related("company", "technology", "technology__owner")
        .filter(pk=pk).first()
    )
    visible = transfer is not None and (
        is_staff(user) or transfer.company_id in acting_company_ids(user)
    )
    if not visible:
        raise Http404("기술이전 요청을 찾을 수 없습니다.")
    return transfer
