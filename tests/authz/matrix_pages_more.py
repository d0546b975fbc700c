"""Matrix entries for the pages of events, programs, network and reports (see matrix.py)."""

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


EVENTS = [
    page("events:list", read=PUBLIC),
    page("events:detail", lambda w: (w.event.pk,), read=PUBLIC),
    page("events:register", lambda w: (w.event.pk,), write=SIGNED_IN, effective=True),
    page(
        "events:checkin",
        lambda w: (w.event.pk,),
        read=STAFF,
        write=STAFF,
        body=lambda w, r: {"code": w.registration.code},
    ),
    page("events:announce", lambda w: (w.event.pk,), write=STAFF, effective=True),
    page("events:confirmation", lambda w: (w.registration.pk,), read=OWNER()),
    page("events:cancel", lambda w: (w.registration.pk,), write=OWNER(), effective=True),
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
        effective=True,
    ),
    page("events:contest_results", lambda w: (w.published_contest.event_id,), read=PUBLIC),
    page(
        "events:contest_manage",
        lambda w: (w.contest.event_id,),
        read=STAFF,
        write=STAFF,
        body=lambda w, r: {"judge": str(w.evaluator.pk)},
    ),
    page("events:judging", read=SIGNED_IN, hides=(lambda w: w.submission.title, roles(EVALUATOR))),
    page(
        "events:score",
        lambda w: (w.submission.pk,),
        read=roles(EVALUATOR),
        write=roles(EVALUATOR),
        effective=True,
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
        effective=True,
        body=lambda w, r: {"company": str(own_company(w, r).pk)},
    ),
    page(
        "programs:my_applications", read=SIGNED_IN, hides=(lambda w: w.call.title, roles(MEMBER_A))
    ),
    # Staff and evaluators read applications on their own pages, not the applicant's.
    page("programs:application_detail", lambda w: (w.application.pk,), read=roles(MEMBER_A)),
    page(
        "programs:application_edit",
        lambda w: (w.application.pk,),
        read=roles(MEMBER_A),
        write=roles(MEMBER_A),
    ),
    page("programs:application_submit", lambda w: (w.application.pk,), write=roles(MEMBER_A)),
    page(
        "programs:application_withdraw",
        lambda w: (w.application.pk,),
        write=roles(MEMBER_A),
        effective=True,
    ),
    page("programs:document", lambda w: (w.document.pk,), read=OWNER(EVALUATOR)),
    page("programs:outcome_report", read=roles(MEMBER_A), write=roles(MEMBER_A)),
    page(
        "programs:my_assignments",
        read=roles(EVALUATOR),
        write=roles(EVALUATOR),
        body=lambda w, r: {"brn": w.company_b.brn, "reason": "친족 회사"},
        effective=True,
    ),
    page(
        "programs:assignment_score",
        lambda w: (w.assignment.pk,),
        read=roles(EVALUATOR),
        write=roles(EVALUATOR),
    ),
    page("programs:call_manage", lambda w: (w.call.pk,), read=STAFF, write=STAFF),
    page("programs:staff_application", lambda w: (w.application.pk,), read=STAFF, write=STAFF),
    page("programs:outcome_import", read=STAFF, write=STAFF),
    page("programs:champion_designate", write=STAFF),
]

INQUIRY = (lambda w: w.inquiry.title, OWNER(MEISTER_X))

NETWORK = [
    page("network:inquiry_new", read=PUBLIC, write=PUBLIC),
    page("network:my_inquiries", read=SIGNED_IN, hides=INQUIRY),
    page("network:inquiry_detail", lambda w: (w.inquiry.pk,), read=OWNER(MEISTER_X)),
    page(
        "network:inquiry_route",
        lambda w: (w.inquiry.pk,),
        write=STAFF,
        effective=True,
        body=lambda w, r: {"owner_meister": str(w.meister_y.pk)},
    ),
    page(
        "network:inquiry_answer",
        lambda w: (w.inquiry.pk,),
        write=roles(MEISTER_X, "staff"),
        body=lambda w, r: {"answer": "예열 후 용접하세요."},
        effective=True,
    ),
    page("network:inquiry_close", lambda w: (w.inquiry.pk,), write=STAFF, effective=True),
    page("network:desk", read=STAFF),
    page("network:desk_log", read=STAFF, write=STAFF),
    page("network:councils", read=SEATED),
    page("network:council_detail", lambda w: (w.council_obj.pk,), read=SEATED),
    page("network:meeting_new", lambda w: (w.council_obj.pk,), read=STAFF, write=STAFF),
    page("network:meeting_detail", lambda w: (w.meeting.pk,), read=SEATED),
    page(
        "network:meeting_minutes",
        lambda w: (w.meeting.pk,),
        write=STAFF,
        effective=True,
        body=lambda w, r: {"minutes_text": "수정된 회의록"},
    ),
    page("network:minutes_file", lambda w: (w.meeting.pk,), read=SEATED),
    page("network:decision_new", lambda w: (w.meeting.pk,), write=STAFF),
    page(
        "network:decision_status",
        lambda w: (w.decision.pk,),
        write=STAFF,
        effective=True,
        body=lambda w, r: {"status": "in_progress"},
    ),
    page("network:institutions", read=STAFF),
    page("network:institution_detail", lambda w: (w.institution.pk,), read=STAFF),
    page("network:projects", read=SIGNED_IN, hides=(lambda w: w.project.title, OWNER())),
    page("network:project_new", read=STAFF, write=STAFF),
    page("network:project_detail", lambda w: (w.project.pk,), read=OWNER()),
    page(
        "network:project_status",
        lambda w: (w.project.pk,),
        write=STAFF,
        effective=True,
        body=lambda w, r: {"status": "in_progress"},
    ),
    page("network:technologies", read=PUBLIC),
    page("network:technology_detail", lambda w: (w.technology.pk,), read=PUBLIC),
    page(
        "network:transfer_new",
        lambda w: (w.technology.pk,),
        write=MEMBERS,
        effective=True,
        body=lambda w, r: {"company": str(own_company(w, r).pk), "message": "검토"},
    ),
    page("network:transfers", read=SIGNED_IN, hides=(lambda w: w.company_a.name, OWNER())),
    page(
        "network:transfer_move",
        lambda w: (w.transfer.pk,),
        write=STAFF,
        effective=True,
        body=lambda w, r: {"status": "consultation"},
    ),
]

REPORTS = [
    page("reports:dashboard", read=STAFF),
    page(
        "reports:report_new",
        write=STAFF,
        effective=True,
        body=lambda w, r: {"year": str(timezone.localdate().year - 1), "area": ""},
    ),
    page("reports:report_job", lambda w: (w.report_job.pk,), read=STAFF),
    page("reports:report_file", lambda w: (w.report_job.pk, "pdf"), read=STAFF),
    page("reports:workers", read=STAFF),
    page("reports:worker_new", read=STAFF, write=STAFF),
    page("reports:worker_detail", lambda w: (w.worker.pk,), read=STAFF),
    page("reports:transfer", read=STAFF),
    page("reports:import", write=STAFF),
    page("reports:export", write=STAFF),
]

NOTIFICATIONS = [
    page("notifications:inbox", read=SIGNED_IN),
    page("notifications:badge", read=SIGNED_IN),
    page("notifications:mark_all_read", write=SIGNED_IN),
    page("notifications:open", lambda w: (w.member_a_notice.pk,), write=roles(MEMBER_A),
         effective=True),
    page("notifications:preferences", read=SIGNED_IN, write=SIGNED_IN, effective=True),
    page("notifications:deliveries", read=STAFF),
    page("notifications:resend", lambda w: (w.failed_message.pk,), write=STAFF, effective=True),
]

MORE_PAGES = [*EVENTS, *PROGRAMS, *NETWORK, *REPORTS, *NOTIFICATIONS]
