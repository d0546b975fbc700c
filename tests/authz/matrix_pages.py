"""Matrix entries for the server-rendered pages, by app (see matrix.py for the fields)."""

from datetime import time, timedelta

from django.utils import timezone

from .matrix import (
    ANON,
    MEISTER_X,
    MEISTER_Y,
    MEMBER_A,
    MEMBERS,
    OWNER,
    PUBLIC,
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


def _signup_body(w, role) -> dict:
    return {
        "username": "authz_newcomer",
        "full_name": "신입회원",
        "email": "newcomer@example.kr",
        "password1": "Meister-hub-2025!",
        "password2": "Meister-hub-2025!",
        "agree_privacy": "on",
    }


def _two_factor_body(w, role) -> dict:
    """The current code of meister X's authenticator; a wrong one for everybody else."""
    from django_otp.oath import totp

    device = w.meister_x_device
    if role != MEISTER_X:
        return {"code": "000000"}
    code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
    return {"code": f"{code:0{device.digits}d}"}


def _company_fields(company) -> dict:
    """The company form's fields as posted, from a saved company (empty values left out)."""
    from meisterhub.companies.forms import CompanyForm

    form = CompanyForm(instance=company)
    values = {name: form[name].value() for name in form.fields}
    return {name: value for name, value in values.items() if value not in (None, "")}


def _company_edit_body(w, role) -> dict:
    return {**_company_fields(w.company_a), "name": "가나정밀 (수정)"}


def _company_start_body(w, role) -> dict:
    from meisterhub.companies.tests.factories import valid_brn

    fields = {**_company_fields(w.company_b), "name": "새로운기업", "brn": valid_brn(987654)}
    return {"register": "1", **{f"new-{name}": value for name, value in fields.items()}}


def _booking_form(w, role) -> dict:
    """Meister X's free 11:00 hour a week ahead, for the role's own company."""
    from meisterhub.consultations.slots import aware
    from meisterhub.consultations.tests.factories import bookable_day

    return {
        "company": str(own_company(w, role).pk),
        "field": "WELD",
        "meister": str(w.meister_x.pk),
        "slot": aware(bookable_day(1), time(11)).isoformat(),
        "problem": "금형 마모가 빠릅니다.",
    }


def _last_sitting_day(w):
    """The last past Tuesday (meister X's day at the centre) that was not a public holiday."""
    from meisterhub.consultations.slots import korean_holidays
    from meisterhub.consultations.tests.factories import bookable_day

    day = bookable_day(1, weeks=0) - timedelta(weeks=1)
    while day in korean_holidays(day, day):
        day -= timedelta(weeks=1)
    return day


def _walk_in_body(w, role) -> dict:
    return {
        "day": _last_sitting_day(w).isoformat(),
        "start_time": "10:30",
        "minutes": "30",
        "meister": str(w.meister_x.pk),
        "company": str(w.company_a.pk),
        "field": "WELD",
        "summary": "도장 불량 문의",
    }


def _closure_body(w, role) -> dict:
    from meisterhub.consultations.tests.factories import bookable_day

    day = bookable_day(1, weeks=5).isoformat()
    return {"starts_on": day, "ends_on": day, "reason": "센터 소독"}


def _mentoring_body(w, role) -> dict:
    today = timezone.localdate()
    return {
        "company": str(w.company_a.pk),
        "mentor": str(w.meister_y.pk),
        "starts_on": today.isoformat(),
        "ends_on": (today + timedelta(days=90)).isoformat(),
        "goals": "원가 절감\n품질 관리",
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
    ),
    page("api:openapi-json", read=PUBLIC),
    page("api:openapi-view", read=PUBLIC),
]

ACCOUNTS = [
    # Signed-in people are sent on to their page; only a visitor creates an account.
    page("accounts:signup", read=PUBLIC, write=roles(ANON), soft=True, body=_signup_body),
    # Anyone may post the form; the visitor signs in as member A (last_login is written).
    page(
        "accounts:login",
        read=PUBLIC,
        write=PUBLIC,
        body=lambda w, r: {"username": w.member_a.username, "password": "test-pass-1234"},
    ),
    page("accounts:logout", write=PUBLIC),
    page("accounts:mypage", read=SIGNED_IN),
    # With two-factor switched on (test_matrix.ENTRY_SETTINGS): meister X confirms the device.
    page("accounts:two_factor", read=SIGNED_IN, write=SIGNED_IN, body=_two_factor_body),
    # Anyone may ask for a reset link; the answer is the same for every address.
    page(
        "accounts:password_reset",
        read=PUBLIC,
        write=PUBLIC,
        body=lambda w, r: {"email": w.member_a.email},
    ),
    page("accounts:password_reset_done", read=PUBLIC),
    page("accounts:password_reset_confirm", lambda w: ("MQ", "invalid-token"), read=PUBLIC,
         write=PUBLIC),
    page("accounts:password_reset_complete", read=PUBLIC),
]

COMPANIES = [
    page("companies:start", read=MEMBERS, write=MEMBERS, body=_company_start_body),
    page("companies:detail", lambda w: (w.company_a.pk,), read=OWNER()),
    page(
        "companies:edit",
        lambda w: (w.company_a.pk,),
        read=OWNER(),
        write=OWNER(),
        body=_company_edit_body,
    ),
    page("companies:approve", lambda w: (w.pending.pk,), write=OWNER()),
]

MEISTERS = [
    page("meisters:list", read=PUBLIC),
    page("meisters:detail", lambda w: (w.meister_x.pk,), read=PUBLIC),
    page("meisters:photo", lambda w: (w.meister_x.pk,), read=PUBLIC),
    page("meisters:lookup", read=STAFF),
    page("companies:lookup", read=STAFF),
    page("matching:suggest", read=PUBLIC),
]

CONSULTATIONS = [
    page("consultations:week", read=PUBLIC),
    page("consultations:meister_month", lambda w: (w.meister_x.pk,), read=PUBLIC),
    page("consultations:new", read=MEMBERS, write=MEMBERS, body=_booking_form),
    page("consultations:my", read=SIGNED_IN, hides=A_NAME),
    page("consultations:detail", lambda w: (w.booking.pk,), read=OWNER(MEISTER_X)),
    page(
        "consultations:cancel",
        lambda w: (w.booking.pk,),
        write=OWNER(),
        body=lambda w, r: {"reason": "일정 변경"},
    ),
    page(
        "consultations:survey",
        lambda w: (w.past_booking.pk,),
        write=roles(MEMBER_A),
        body=lambda w, r: {"score": "5", "comment": "도움이 되었습니다."},
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
    ),
    page(
        "consultations:complete",
        lambda w: (w.due_booking.pk,),
        write=roles(MEISTER_X, "staff"),
    ),
    page(
        "consultations:onsite_detail",
        lambda w: (w.onsite.pk,),
        read=OWNER(MEISTER_X),
        write=roles(MEISTER_X, "staff"),
        body=lambda w, r: {"action": "close", "result": "현장 개선 완료"},
    ),
    page("consultations:staff_list", read=STAFF),
    page("consultations:confirm", lambda w: (w.booking.pk,), write=STAFF),
    page("consultations:walk_in", read=STAFF, write=STAFF, body=_walk_in_body),
    page("consultations:closures", read=STAFF, write=STAFF, body=_closure_body),
    page("consultations:satisfaction", read=STAFF),
]

MENTORING = [
    page("mentoring:list", read=SIGNED_IN, hides=A_NAME),
    page("mentoring:new", read=STAFF, write=STAFF, body=_mentoring_body),
    page(
        "mentoring:detail",
        lambda w: (w.mentoring.pk,),
        read=OWNER(MEISTER_X),
        write=roles(MEISTER_X),
        body=lambda w, r: {"held_on": _yesterday(), "notes": "시제품 도면 검토"},
    ),
    page("mentoring:complete", lambda w: (w.mentoring.pk,), write=STAFF),
    page(
        "mentoring:goal_status",
        lambda w: (w.goal.pk,),
        write=roles(MEISTER_X, "staff"),
        body=lambda w, r: {"status": "doing"},
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
        body=_reserve_body,
    ),
    page("facilities:my", read=SIGNED_IN, hides=(lambda w: w.reservation.purpose, OWNER())),
    page("facilities:cancel", lambda w: (w.reservation.pk,), write=OWNER()),
    page(
        "facilities:decide",
        lambda w: (w.reservation.pk,),
        write=STAFF,
        body=lambda w, r: {"approve": "1"},
    ),
]


PAGES = [*CORE, *ACCOUNTS, *COMPANIES, *MEISTERS, *CONSULTATIONS, *MENTORING, *FACILITIES]
