"""What applicants are told: results of a call and requests for missing documents."""

from django.urls import reverse

from meisterhub.notifications.services import Recipient, notify


def _recipients(application) -> list[Recipient]:
    """The applicant and the company's active members; callers prefetch
    `company__memberships__user`, so a call's many applications cost no query each."""
    users = [application.applicant]
    users += [m.user for m in application.company.memberships.all() if m.status == "active"]
    return [Recipient.of(user) for user in users]


def _with_recipients(pk: int):
    from .models import Application

    return Application.objects.select_related("call", "company", "applicant").prefetch_related(
        "company__memberships__user").get(pk=pk)


def results(call) -> int:
    """Tell every applicant of a call whether they were selected."""
    from .models import Application, ApplicationStatus

    applications = Application.objects.filter(
        call=call, status__in=[ApplicationStatus.SELECTED, ApplicationStatus.NOT_SELECTED]
    ).select_related("call", "company", "applicant").prefetch_related("company__memberships__user")
    count = 0
    for application in applications:
        selected = application.status == ApplicationStatus.SELECTED
        outcome = "선정" if selected else "미선정"
        body = (
            f"{application.company.name} 담당자님, 안녕하세요.\n\n"
            f"'{application.call.title}' 공고의 평가 결과 귀사는 [{outcome}]되었습니다.\n"
            f"최종 점수: {application.final_score}점, 순위: {application.rank}위\n"
        )
        if selected:
            body += "\n협약 안내는 담당자가 따로 연락드립니다.\n"
        notify(recipients=_recipients(application), kind="program",
               template=f"program_result_{'selected' if selected else 'not_selected'}",
               record=application, event="result",
               subject=f"[마이스터 허브] {application.call.title} 평가 결과 안내", text=body,
               link=reverse("programs:application_detail", args=[application.pk]))
        count += 1
    return count


def supplement_requested(request) -> None:
    application = _with_recipients(request.application_id)
    names = ", ".join(request.documents.values_list("name", flat=True))
    notify(recipients=_recipients(application), kind="program", template="program_supplement",
           record=request, event="requested",
           subject=f"[마이스터 허브] {application.call.title} 서류 보완 요청",
           text=(f"'{application.call.title}' 신청에 서류 보완 요청이 있습니다.\n\n"
                 f"보완 서류: {names}\n요청 내용: {request.message}\n"),
           link=reverse("programs:application_detail", args=[application.pk]))
