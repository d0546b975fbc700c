"""Mail to applicants, sent in the background; arguments are primary keys."""

from django.core.mail import send_mail
from django.urls import reverse
from django_tasks import task


def _recipients(application) -> list[str]:
    emails = {application.applicant.email}
    emails |= {m.user.email for m in application.company.memberships.select_related("user")
               if m.status == "active"}
    return sorted(e for e in emails if e)


@task()
def notify_results(call_id: int) -> int:
    """Tell every applicant of a call whether they were selected."""
    from .models import Application, ApplicationStatus

    applications = Application.objects.filter(
        call_id=call_id, status__in=[ApplicationStatus.SELECTED, ApplicationStatus.NOT_SELECTED]
    ).select_related("call", "company", "applicant").prefetch_related("company__memberships__user")
    sent = 0
    for application in applications:
        selected = application.status == ApplicationStatus.SELECTED
        outcome = "선정" if selected else "미선정"
        body = (
            f"{application.company.name} 담당자님, 안녕하세요.\n\n"
            f"'{application.call.title}' 공고의 평가 결과 귀사는 [{outcome}]되었습니다.\n"
            f"최종 점수: {application.final_score}점, 순위: {application.rank}위\n\n"
            f"신청 내역에서 자세히 볼 수 있습니다: "
            f"{reverse('programs:application_detail', args=[application.pk])}\n"
        )
        if selected:
            body += "\n협약 안내는 담당자가 따로 연락드립니다.\n"
        recipients = _recipients(application)
        if recipients:
            send_mail(f"[마이스터 허브] {application.call.title} 평가 결과 안내", body, None,
                      recipients)
            sent += 1
    return sent


@task()
def notify_supplement_request(request_id: int) -> None:
    from .models import SupplementRequest

    request = SupplementRequest.objects.select_related(
        "application__call", "application__company", "application__applicant").get(pk=request_id)
    application = request.application
    names = ", ".join(request.documents.values_list("name", flat=True))
    body = (
        f"'{application.call.title}' 신청에 서류 보완 요청이 있습니다.\n\n"
        f"보완 서류: {names}\n요청 내용: {request.message}\n\n"
        f"신청 내역: {reverse('programs:application_detail', args=[application.pk])}\n"
    )
    recipients = _recipients(application)
    if recipients:
        send_mail(f"[마이스터 허브] {application.call.title} 서류 보완 요청", body, None, recipients)
