"""Matrix entries for the server-rendered pages, by app (see matrix.py for the fields)."""

from datetime import timedelta

from django.utils import timezone

from .matrix import (
    ANON,
    EVALUATOR,
    MEISTER_X,
    MEISTER_Y,
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


def _yesterday() -> str:
    return (timezone.localdate() - timedelta(days=1)).isoformat()


def _reserve_body(w, role) -> dict:
    """A free hour in the room three Mondays ahead, for the role's own company."""
    from meisterhub.facilities.tests.factories import next_monday

    company = "" if role == "staff" else str(own_company(w, role).pk)
    return {
        "company": company,
        "day": next_monday(3).isoformat(),
        "start": "14:00",
        "end": "15:00",
        "headcount": "2",
        "purpose": "투자 상담",
        "weeks": "1",
    }


def _entry_body(w, role) -> dict:
    from meisterhub.programs.tests.factories import pdf

    return {
        "company": "",
        "title": "용접 지그 개선안",
        "summary": "지그 교체 시간을 줄입니다.",
        "file": pdf("entry.pdf"),
    }


# A text only the named roles may find on a page that lists records of company A.
A_NAME = (lambda w: w.company_a.name, OWNER(MEISTER_X))

CORE = [
    page("home", read=PUBLIC),
    page(
        "reveal_personal_data",
        lambda w: ("accounts.user", str(w.member_a.pk)),
        write=STAFF,
        body=lambda w, r: {"reason": "민원 확인"},
        effective=True,
    ),
    page("api:openapi-json", read=PUBLIC),
    page("api:openapi-view", read=PUBLIC),
]

ACCOUNTS = [
    # Signed-in people are sent on to their page; only a visitor creates an account.
    page("accounts:signup", read=PUBLIC, write=roles(ANON), soft=True),
    page("accounts:login", read=PUBLIC, write=PUBLIC),
    page("accounts:logout", write=PUBLIC),
    page("accounts:mypage", read=SIGNED_IN),
    page("accounts:two_factor", read=SIGNED_IN, write=SIGNED_IN),
]

COMPANIES = [
    page("companies:start", read=MEMBERS, write=MEMBERS, body=lambda w, r: {"register": "1"}),
    page("companies:detail", lambda w: (w.company_a.pk,), read=OWNER()),
    page("companies:edit", lambda w: (w.company_a.pk,), read=OWNER(), write=OWNER()),
    page("companies:approve", lambda w: (w.pending.pk,), write=OWNER(), effective=True),
]

MEISTERS = [
    page("meisters:list", read=PUBLIC),
    page("meisters:detail", lambda w: (w.meister_x.pk,), read=PUBLIC),
    page("meisters:photo", lambda w: (w.meister_x.pk,), read=PUBLIC),
    page("matching:suggest", read=PUBLIC),
]

CONSULTATIONS = [
    page("consultations:week", read=PUBLIC),
    page("consultations:meister_month", lambda w: (w.meister_x.pk,), read=PUBLIC),
    page("consultations:new", read=MEMBERS, write=MEMBERS),
    page("consultations:my", read=SIGNED_IN, hides=A_NAME),
    page("consultations:detail", lambda w: (w.booking.pk,), read=OWNER(MEISTER_X)),
    page(
        "consultations:cancel",
        lambda w: (w.booking.pk,),
        write=OWNER(),
        body=lambda w, r: {"reason": "일정 변경"},
        effective=True,
    ),
    page(
        "consultations:survey",
        lambda w: (w.past_booking.pk,),
        write=roles(MEMBER_A),
        body=lambda w, r: {"score": "5", "comment": "도움이 되었습니다."},
        effective=True,
    ),
    page("consultations:attachment", lambda w: (w.attachment.pk,), read=OWNER(MEISTER_X)),
    page("consultations:meister_home", read=roles(MEISTER_X, MEISTER_Y)),
    page(
        "consultations:record",
        lambda w: (w.past_booking.pk,),
        write=roles(MEISTER_X),
        body=lambda w, r: {
            "diagnosis": "열영향부 경화",
            "advice": "예열하세요.",
            "follow_up": "none",
            "hours": "1.5",
        },
        effective=True,
    ),
    page(
        "consultations:complete",
        lambda w: (w.due_booking.pk,),
        write=roles(MEISTER_X, "staff"),
        effective=True,
    ),
    page(
        "consultations:onsite_detail",
        lambda w: (w.onsite.pk,),
        read=OWNER(MEISTER_X),
        write=roles(MEISTER_X, "staff"),
        body=lambda w, r: {"action": "close", "result": "현장 개선 완료"},
        effective=True,
    ),
    page("consultations:staff_list", read=STAFF),
    page("consultations:confirm", lambda w: (w.booking.pk,), write=STAFF, effective=True),
    page("consultations:walk_in", read=STAFF, write=STAFF),
    page("consultations:closures", read=STAFF, write=STAFF),
    page("consultations:satisfaction", read=STAFF),
]

MENTORING = [
    page("mentoring:list", read=SIGNED_IN, hides=A_NAME),
    page("mentoring:new", read=STAFF, write=STAFF),
    page(
        "mentoring:detail",
        lambda w: (w.mentoring.pk,),
        read=OWNER(MEISTER_X),
        write=roles(MEISTER_X),
        effective=True,
        body=lambda w, r: {"held_on": _yesterday(), "notes": "시제품 도면 검토"},
    ),
    page("mentoring:complete", lambda w: (w.mentoring.pk,), write=STAFF, effective=True),
    page(
        "mentoring:goal_status",
        lambda w: (w.goal.pk,),
        write=roles(MEISTER_X, "staff"),
        body=lambda w, r: {"status": "doing"},
        effective=True,
    ),
]

FACILITIES = [
    page("facilities:list", read=PUBLIC),
    page("facilities:detail", lambda w: (w.facility.pk,), read=PUBLIC),
    page(
        "facilities:ics",
        lambda w: (w.facility.pk,),
        read=PUBLIC,
        hides=(lambda w: w.reservation.purpose, roles()),
    ),
    page("facilities:photo", lambda w: (w.facility_photo.pk,), read=PUBLIC),
    # Anyone signed in may open the form; only a company member (for their company) or staff
    # can book. The company field lists only the user's own companies.
    page(
        "facilities:reserve",
        lambda w: (w.facility.pk,),
        read=SIGNED_IN,
        write=roles(MEMBER_A, "member_b", "staff"),
        soft=True,
        effective=True,
        body=_reserve_body,
    ),
    page("facilities:my", read=SIGNED_IN, hides=(lambda w: w.reservation.purpose, OWNER())),
    page("facilities:cancel", lambda w: (w.reservation.pk,), write=OWNER(), effective=True),
    page(
        "facilities:decide",
        lambda w: (w.reservation.pk,),
        write=STAFF,
        body=lambda w, r: {"approve": "1"},
        effective=True,
    ),
]

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

PAGES = [
    *CORE,
    *ACCOUNTS,
    *COMPANIES,
    *MEISTERS,
    *CONSULTATIONS,
    *MENTORING,
    *FACILITIES,
    *EVENTS,
    *PROGRAMS,
    *NETWORK,
    *REPORTS,
]
