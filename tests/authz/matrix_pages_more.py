"""Matrix entries for the pages of events, programs, network and reports (see matrix.py)."""

from datetime import timedelta

from django.utils import timezone

from .matrix import (
    EVALUATOR,
    MEISTER_X,
    MEMBER_A,
    MEMBERS,
    OWNER,
    PUBLIC,
    SEATED,
    SIGNED_IN,
    STAFF,
    own_company,
    page,
    roles,
)


def _entry_body(w, role) -> dict:
    from meisterhub.programs.tests.factories import pdf

    return {
        "company": "",
        "title": "용접 지그 개선안",
        "summary": "지그 교체 시간을 줄입니다.",
        "file": pdf("entry.pdf"),
    }


def _draft_application(w):
    """A draft of company A on a second call, ready to submit. Made inside the test's own
    savepoint (url_of runs once per test), so the world stays as it is."""
    from meisterhub.programs.tests.factories import make_call, make_draft

    call = make_call(title="권한 작성 중 공고")
    return make_draft(call, w.member_a, w.company_a, plan="권한 작성 중 계획")


def _decidable_call(w):
    """A closed call whose only application is evaluated: staff may select (test savepoint)."""
    from meisterhub.programs import services
    from meisterhub.programs.models import Call
    from meisterhub.programs.tests.factories import make_call, make_submitted, score_all

    call = make_call(title="권한 선정 공고", selection_count=1)
    application = make_submitted(call, w.member_b, w.company_b, plan="권한 선정 계획")
    services.pass_screening(actor=w.staff, application=application)
    assignment = services.assign_evaluator(
        actor=w.staff, application=application, evaluator=w.evaluator
    )
    score_all(assignment, [8, 8, 8])
    Call.objects.filter(pk=call.pk).update(closes_at=timezone.now() - timedelta(hours=1))
    return call


def _scores_form(w, role) -> dict:
    criteria = w.assignment.application.call.criteria.all()
    return {**{f"criterion_{c.pk}": "7" for c in criteria}, "comment": "계획이 구체적입니다."}


def _outcome_form(w, role) -> dict:
    from meisterhub.programs.models import OUTCOME_FIGURES

    figures = dict.fromkeys(OUTCOME_FIGURES, "3")
    year = str(timezone.localdate().year - 1)
    return {"company": str(w.company_a.pk), "year": year, **figures}


def _outcome_file(w, role) -> dict:
    from django.core.files.uploadedfile import SimpleUploadedFile

    text = f"사업자등록번호,연도,수출액\n{w.company_b.brn},{timezone.localdate().year - 1},100\n"
    return {"file": SimpleUploadedFile("outcomes.csv", text.encode("utf-8-sig"), "text/csv"),
            "only_good_rows": "no"}


def _meeting_form(w, role) -> dict:
    return {"kind": "working", "title": "권한 실무회의", "held_on": "2025-04-15",
            "place": "경남테크노파크", "agenda": "보급 현황",
            "attendees": [str(w.institution.pk)]}


def _project_form(w, role) -> dict:
    return {"company": str(w.company_b.pk), "year": "2025", "level": "basic",
            "title": "권한 MES 구축", "supplier": str(w.project.supplier_id),
            "government_amount": "50000000", "local_government_amount": "20000000",
            "company_amount": "30000000", "total_amount": "100000000", "status": "planned"}


def _inquiry_form(w, role) -> dict:
    return {"category": "program", "title": "공고 문의", "body": "언제 나오나요?",
            "name": "김민수", "email": "kim@example.kr", "consent": "on"}


def _worker_form(w, role) -> dict:
    from meisterhub.reports.tests.factories import worker_data

    data = worker_data(name="권한기능인")
    return {**{k: v for k, v in data.items() if v is not None}, "skills": ["WELD"],
            "certificates": "용접기능장(2012)", "willing_to_mentor": "on"}


def _worker_file(w, role) -> dict:
    """One good row of the skilled-worker import (the columns of WORKER_COLUMNS)."""
    import csv
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile

    from meisterhub.reports.importing.rows import WORKER_COLUMNS

    today = timezone.localdate()
    row = ["권한이", "1968", "010-1212-3434", "", "seongsan", "WELD", "용접기능장(2014)", "25",
           "예", "아니오", (today - timedelta(days=10)).isoformat(), "DB 등록",
           (today + timedelta(days=700)).isoformat()]
    buffer = io.StringIO()
    csv.writer(buffer).writerows([[h for _, h in WORKER_COLUMNS], row])
    upload = SimpleUploadedFile("workers.csv", buffer.getvalue().encode("utf-8-sig"), "text/csv")
    return {"kind": "workers", "file": upload}


def _staged_import(w):
    """Staff's own preview of the one-row worker file, made once per world."""
    from meisterhub.reports.importing.staging import stage_import

    if not hasattr(w, "staged_import"):
        upload = _worker_file(w, "staff")["file"]
        w.staged_import, _ = stage_import(actor=w.users["staff"], kind="workers",
                                          mode="insert", upload=upload)
    return w.staged_import


def _confirm_body(w, role) -> dict:
    from meisterhub.reports.importing.staging import preview_staged_import

    staged = _staged_import(w)
    return {"digest": preview_staged_import(actor=staged.created_by, staged=staged).digest}


EVENTS = [
    page("events:list", read=PUBLIC),
    page("events:detail", lambda w: (w.event.pk,), read=PUBLIC),
    page("events:register", lambda w: (w.event.pk,), write=SIGNED_IN),
    page(
        "events:checkin",
        lambda w: (w.event.pk,),
        read=STAFF,
        write=STAFF,
        body=lambda w, r: {"code": w.registration.code},
    ),
    page("events:announce", lambda w: (w.event.pk,), write=STAFF),
    page("events:confirmation", lambda w: (w.registration.pk,), read=OWNER()),
    page("events:cancel", lambda w: (w.registration.pk,), write=OWNER()),
    page("events:my", read=SIGNED_IN),
    page("events:counts", read=STAFF),
    # Anyone signed in may enter, except a judge of this very contest (the evaluator here):
    # a judge who enters could score their own entry.
    page(
        "events:contest_submit",
        lambda w: (w.contest.event_id,),
        read=SIGNED_IN,
        write=SIGNED_IN - {EVALUATOR},
        body=_entry_body,
    ),
    page("events:contest_results", lambda w: (w.published_contest.event_id,), read=PUBLIC),
    page(
        "events:contest_manage",
        lambda w: (w.contest.event_id,),
        read=STAFF,
        write=STAFF,
        body=lambda w, r: {"judge": str(w.spare_evaluator.pk)},
    ),
    page("events:judging", read=SIGNED_IN, hides=(lambda w: w.submission.title, roles(EVALUATOR))),
    page(
        "events:score",
        lambda w: (w.submission.pk,),
        read=roles(EVALUATOR),
        write=roles(EVALUATOR),
        body=lambda w, r: {f"c{c.pk}": "5" for c in w.contest.criteria.all()},
    ),
    page("events:submission_file", lambda w: (w.submission.pk,), read=OWNER(EVALUATOR)),
]

PROGRAMS = [
    page("programs:calls", read=PUBLIC),
    page("programs:call_detail", lambda w: (w.call.pk,), read=PUBLIC),
    page("programs:attachment", lambda w: (w.call_attachment.pk,), read=PUBLIC),
    page("programs:champions", read=PUBLIC),
    page("programs:awards", read=PUBLIC),
    page("programs:outcomes", read=PUBLIC),
    page(
        "programs:application_start",
        lambda w: (w.call.pk,),
        write=MEMBERS,
        body=lambda w, r: {"company": str(own_company(w, r).pk)},
    ),
    page(
        "programs:my_applications", read=SIGNED_IN, hides=(lambda w: w.call.title, roles(MEMBER_A))
    ),
    # Staff and evaluators read applications on their own pages, not the applicant's.
    page("programs:application_detail", lambda w: (w.application.pk,), read=roles(MEMBER_A)),
    page(
        "programs:application_edit",
        lambda w: (_draft_application(w).pk,),
        read=roles(MEMBER_A),
        write=roles(MEMBER_A),
        body=lambda w, r: {"save": "1", "plan_summary": "권한 수정 계획",
                           "requested_amount": "40000000"},
    ),
    page(
        "programs:application_submit",
        lambda w: (_draft_application(w).pk,),
        write=roles(MEMBER_A),
    ),
    page(
        "programs:application_withdraw",
        lambda w: (w.application.pk,),
        write=roles(MEMBER_A),
    ),
    page("programs:document", lambda w: (w.document.pk,), read=OWNER(EVALUATOR)),
    page("programs:outcome_report", read=roles(MEMBER_A), write=roles(MEMBER_A),
         body=_outcome_form),
    page(
        "programs:my_assignments",
        read=roles(EVALUATOR),
        write=roles(EVALUATOR),
        body=lambda w, r: {"brn": w.company_b.brn, "reason": "친족 회사"},
    ),
    page(
        "programs:assignment_score",
        lambda w: (w.assignment.pk,),
        read=roles(EVALUATOR),
        write=roles(EVALUATOR),
        body=_scores_form,
    ),
    page("programs:call_manage", lambda w: (_decidable_call(w).pk,), read=STAFF, write=STAFF,
         body=lambda w, r: {"select": "1"}),
    page("programs:staff_application", lambda w: (w.application.pk,), read=STAFF, write=STAFF,
         body=lambda w, r: {"action": "assign", "evaluator": str(w.spare_evaluator.pk)}),
    page("programs:outcome_import", read=STAFF, write=STAFF, body=_outcome_file),
    page("programs:champion_designate", write=STAFF,
         body=lambda w, r: {"brn": w.company_b.brn, "year": str(timezone.localdate().year),
                            "citation": "수출 성장"}),
]

INQUIRY = (lambda w: w.inquiry.title, OWNER(MEISTER_X))

NETWORK = [
    page("network:inquiry_new", read=PUBLIC, write=PUBLIC, body=_inquiry_form),
    page("network:my_inquiries", read=SIGNED_IN, hides=INQUIRY),
    page("network:inquiry_detail", lambda w: (w.inquiry.pk,), read=OWNER(MEISTER_X)),
    page(
        "network:inquiry_route",
        lambda w: (w.inquiry.pk,),
        write=STAFF,
        body=lambda w, r: {"owner_meister": str(w.meister_y.pk)},
    ),
    page(
        "network:inquiry_answer",
        lambda w: (w.inquiry.pk,),
        write=roles(MEISTER_X, "staff"),
        body=lambda w, r: {"answer": "예열 후 용접하세요."},
    ),
    page("network:inquiry_close", lambda w: (w.inquiry.pk,), write=STAFF),
    page("network:desk", read=STAFF),
    page("network:desk_log", read=STAFF, write=STAFF,
         body=lambda w, r: {"channel": "phone", "category": "facility", "title": "3D프린터 사용",
                            "body": "장비 예약", "name": "최대리", "phone": "055-212-1000"}),
    page("network:councils", read=SEATED),
    page("network:council_detail", lambda w: (w.council_obj.pk,), read=SEATED),
    page("network:meeting_new", lambda w: (w.council_obj.pk,), read=STAFF, write=STAFF,
         body=_meeting_form),
    page("network:meeting_detail", lambda w: (w.meeting.pk,), read=SEATED),
    page(
        "network:meeting_minutes",
        lambda w: (w.meeting.pk,),
        write=STAFF,
        body=lambda w, r: {"minutes_text": "수정된 회의록"},
    ),
    page("network:minutes_file", lambda w: (w.meeting.pk,), read=SEATED),
    page("network:decision_new", lambda w: (w.meeting.pk,), write=STAFF,
         body=lambda w, r: {"text": "공동 홍보", "owner_institution": str(w.institution.pk),
                            "due_on": "2025-06-30"}),
    page(
        "network:decision_status",
        lambda w: (w.decision.pk,),
        write=STAFF,
        body=lambda w, r: {"status": "in_progress"},
    ),
    page("network:institutions", read=STAFF),
    page("network:institution_detail", lambda w: (w.institution.pk,), read=STAFF),
    page("network:projects", read=SIGNED_IN, hides=(lambda w: w.project.title, OWNER())),
    page("network:project_new", read=STAFF, write=STAFF, body=_project_form),
    page("network:project_detail", lambda w: (w.project.pk,), read=OWNER()),
    page(
        "network:project_status",
        lambda w: (w.project.pk,),
        write=STAFF,
        body=lambda w, r: {"status": "in_progress"},
    ),
    page("network:technologies", read=PUBLIC),
    page("network:technology_detail", lambda w: (w.technology.pk,), read=PUBLIC),
    page(
        "network:transfer_new",
        lambda w: (w.technology.pk,),
        write=MEMBERS,
        body=lambda w, r: {"company": str(own_company(w, r).pk), "message": "검토"},
    ),
    page("network:transfers", read=SIGNED_IN, hides=(lambda w: w.company_a.name, OWNER())),
    page(
        "network:transfer_move",
        lambda w: (w.transfer.pk,),
        write=STAFF,
        body=lambda w, r: {"status": "consultation"},
    ),
]

REPORTS = [
    page("reports:dashboard", read=STAFF),
    page(
        "reports:report_new",
        write=STAFF,
        body=lambda w, r: {"year": str(timezone.localdate().year - 1), "area": ""},
    ),
    page("reports:report_job", lambda w: (w.report_job.pk,), read=STAFF),
    page("reports:report_file", lambda w: (w.report_job.pk, "pdf"), read=STAFF),
    page("reports:workers", read=STAFF),
    page("reports:worker_new", read=STAFF, write=STAFF, body=_worker_form),
    page("reports:worker_detail", lambda w: (w.worker.pk,), read=STAFF),
    page("reports:transfer", read=STAFF),
    page("reports:import", write=STAFF, body=_worker_file),
    # Only the staff member who uploaded the file may confirm its preview.
    page("reports:import_confirm", lambda w: (_staged_import(w).pk,), write=STAFF,
         body=_confirm_body),
    # A full (unmasked) export is logged as a personal-data access.
    page("reports:export", write=STAFF,
         body=lambda w, r: {"kind": "workers", "format": "csv", "unmasked": "on",
                            "reason": "멘토 모집 안내"}),
]

NOTIFICATIONS = [
    page("notifications:inbox", read=SIGNED_IN),
    page("notifications:badge", read=SIGNED_IN),
    page("notifications:mark_all_read", write=SIGNED_IN),
    page("notifications:open", lambda w: (w.member_a_notice.pk,), write=roles(MEMBER_A)),
    page("notifications:preferences", read=SIGNED_IN, write=SIGNED_IN),
    page("notifications:deliveries", read=STAFF),
    page("notifications:resend", lambda w: (w.failed_message.pk,), write=STAFF),
]

MORE_PAGES = [*EVENTS, *PROGRAMS, *NETWORK, *REPORTS, *NOTIFICATIONS]
