"""One world for the authorization matrix: the eight roles and, per app, records owned by
company A and meister X, built through the apps' real services and test factories."""

from datetime import time, timedelta
from types import SimpleNamespace

from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from meisterhub.accounts.tests.factories import UserFactory
from meisterhub.companies.tests.factories import CompanyFactory, MembershipFactory
from meisterhub.meisters.models import Field
from meisterhub.meisters.taxonomy import load_fields

from .probe import install_write_log
from .world_apps import (
    build_events,
    build_facilities,
    build_network,
    build_notifications,
    build_programs,
    build_reports,
)

ROLES = (
    "anonymous",
    "member_a",
    "member_b",
    "meister_x",
    "meister_y",
    "evaluator",
    "staff",
    "council",
)


def build_people(w) -> None:
    from meisterhub.consultations.tests.factories import make_sitting_meister

    # Company A is a startup so that it may also be mentored.
    w.company_a = CompanyFactory(name="가나정밀", org_type="startup")
    w.company_b = CompanyFactory(name="다라금속")
    w.member_a = UserFactory(role="company_member", username="authz_member_a", full_name="김가나")
    MembershipFactory(user=w.member_a, company=w.company_a, position="admin")
    w.member_b = UserFactory(role="company_member", username="authz_member_b", full_name="이다라")
    MembershipFactory(user=w.member_b, company=w.company_b, position="admin")
    # Somebody asking to join A: the membership an admin of A may approve.
    w.pending = MembershipFactory(
        user=UserFactory(role="company_member", username="authz_joiner"),
        company=w.company_a,
        status="pending",
    )
    w.meister_x = make_sitting_meister(weekday=1)
    w.meister_y = make_sitting_meister(weekday=2)
    # Meister X is enrolling an authenticator app (a device not yet confirmed by a code).
    w.meister_x_device = TOTPDevice.objects.create(
        user=w.meister_x.user, name="인증 앱", confirmed=False
    )
    w.staff = UserFactory(role="staff", is_staff=True, username="authz_staff")
    w.evaluator = UserFactory(role="evaluator", username="authz_evaluator")
    w.users = {
        "anonymous": None,
        "member_a": w.member_a,
        "member_b": w.member_b,
        "meister_x": w.meister_x.user,
        "meister_y": w.meister_y.user,
        "evaluator": w.evaluator,
        "staff": w.staff,
        "council": None,  # seated in build_network
    }


def build_meister_photo(w) -> None:
    from meisterhub.programs.tests.factories import png

    meister = w.meister_x
    meister.photo.save("x.png", png(), save=True)


def build_consultations(w) -> None:
    from meisterhub.consultations import services
    from meisterhub.consultations.slots import aware
    from meisterhub.consultations.tests.factories import bookable_day, past_booking
    from meisterhub.programs.tests.factories import pdf

    weld = Field.objects.get(code="WELD")
    # A future booking of A with X, with an attachment.
    w.booking = services.book_consultation(
        actor=w.member_a,
        company=w.company_a,
        field=weld,
        meister=w.meister_x,
        starts_at=aware(bookable_day(1), time(10)),
        problem="용접부 균열이 반복됩니다.",
        attachments=[pdf("drawing.pdf")],
    )
    w.attachment = w.booking.request.attachments.get()
    # A past booking of A with X: its record, an on-site engagement from it; no survey yet.
    w.past_booking = past_booking(w.meister_x, w.company_a, w.member_a)
    w.record = services.write_record(
        actor=w.meister_x.user,
        booking=w.past_booking,
        diagnosis="열영향부 경화",
        advice="예열 온도를 150도로 올리세요.",
        follow_up="none",
        hours="1.0",
    )
    w.onsite = services.open_onsite_engagement(actor=w.meister_x.user, record=w.record)
    # A confirmed sitting that has taken place and waits to be marked completed.
    w.due_booking = past_booking(w.meister_x, w.company_a, w.member_a, days_ago=2)


def build_mentoring(w) -> None:
    from meisterhub.mentoring.services import create_engagement

    today = timezone.localdate()
    w.mentoring = create_engagement(
        actor=w.staff,
        company=w.company_a,
        mentor=w.meister_x,
        starts_on=today - timedelta(days=30),
        ends_on=today + timedelta(days=150),
        goals=["시제품 설계 검토", "양산 공정 설계"],
    )
    w.goal = w.mentoring.goals.order_by("order").first()


def build_world() -> SimpleNamespace:
    load_fields(Field)
    w = SimpleNamespace()
    build_people(w)
    build_meister_photo(w)
    build_consultations(w)
    build_mentoring(w)
    build_facilities(w)
    build_events(w)
    build_programs(w)
    build_network(w)
    build_reports(w)
    build_notifications(w)
    install_write_log()  # last: the counts start from the finished world
    return w
