"""Test data for reports: skilled workers, and one year of activity across the apps."""

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from meisterhub.accounts.tests.factories import UserFactory
from meisterhub.companies.tests.factories import CompanyFactory
from meisterhub.consultations.models import Booking, SatisfactionSurvey
from meisterhub.events.models import Registration
from meisterhub.events.tests.factories import make_event
from meisterhub.facilities.models import Reservation
from meisterhub.facilities.tests.factories import make_facility
from meisterhub.meisters.tests.factories import make_meister
from meisterhub.mentoring.models import MentoringEngagement, MentoringSession
from meisterhub.programs.models import (
    Beneficiary,
    Call,
    HiddenChampion,
    OutcomeReport,
    Program,
)
from meisterhub.reports.workers import CertificateData, register_skilled_worker

_counter = iter(range(1, 1_000_000))


def worker_data(**overrides) -> dict:
    n = next(_counter)
    today = timezone.localdate()
    data = {
        "name": f"기능인{n}", "birth_year": 1970, "phone": f"010-5{n % 1000:03d}-{n % 10000:04d}",
        "email": f"worker{n}@example.kr", "district": "seongsan", "years_of_experience": 20,
        "willing_to_mentor": True, "willing_to_teach": False,
        "consent_given_on": today - timedelta(days=30),
        "consent_purpose": "기능인력 DB 등록 및 멘토 연계",
        "consent_expires_on": today + timedelta(days=365 * 2),
    }
    data.update(overrides)
    return data


def make_worker(actor, *, fields=("WELD",), certificates=(("master_craftsman", "용접기능장", 2015),),
                **overrides):
    return register_skilled_worker(
        actor=actor, data=worker_data(**overrides), field_codes=list(fields),
        certificates=[CertificateData(level, name, year) for level, name, year in certificates],
    )


def aware(day: date, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def seed_year(year: int, staff) -> dict:
    """A small, known year: the figures tests assert exact numbers from this."""
    company, other = CompanyFactory(name="가나정밀"), CompanyFactory(name="다라금속")
    welder = make_meister(fields=("WELD",), name="김용접")
    caster = make_meister(fields=("CAST",), name="이주조")
    requester = UserFactory(role="company_member")
    booked = [
        Booking.objects.create(meister=welder, company=company, field_id="WELD", place="카페",
                               starts_at=aware(date(year, 3, d), 10),
                               ends_at=aware(date(year, 3, d), 11), status="completed")
        for d in (3, 4)
    ]
    Booking.objects.create(meister=caster, company=other, field_id="CAST", place="카페",
                           starts_at=aware(date(year, 4, 7), 10), ends_at=aware(date(year, 4, 7), 11),
                           status="completed")
    Booking.objects.create(meister=caster, channel="walk_in", visitor_name="방문객", field_id="CAST",
                           place="카페", starts_at=aware(date(year, 5, 8), 14),
                           ends_at=aware(date(year, 5, 8), 15), status="completed")
    Booking.objects.create(meister=welder, company=other, field_id="WELD", place="카페",
                           starts_at=aware(date(year, 6, 2), 10), ends_at=aware(date(year, 6, 2), 11),
                           status="cancelled")
    for booking, score in zip(booked, (5, 4), strict=True):
        SatisfactionSurvey.objects.create(booking=booking, score=score, respondent=requester)
    room = make_facility(name="세미나홀", kind="seminar_hall", capacity=60)
    for day, status in ((date(year, 2, 10), "confirmed"), (date(year, 2, 11), "cancelled")):
        Reservation.objects.create(
            facility=room, company=company, user=requester, starts_at=aware(day, 9),
            ends_at=aware(day, 12), blocked_from=aware(day, 9), blocked_until=aware(day, 12),
            headcount=30, purpose="기술 세미나", status=status)
    event = make_event(title="수소 설명회", area="hydrogen", starts_at=aware(date(year, 9, 1), 14),
                       ends_at=aware(date(year, 9, 1), 16),
                       registration_opens_at=aware(date(year, 8, 1), 9),
                       registration_closes_at=aware(date(year, 8, 30), 9), capacity=10)
    for position, status in enumerate(("attended", "attended", "registered", "cancelled")):
        Registration.objects.create(event=event, user=UserFactory(), status=status,
                                    position=position + 1)
    program = Program.objects.create(area="hydrogen", name="수소 부품 실증 지원", year=year)
    Call.objects.create(program=program, title="수소 부품 실증 1차", budget=300_000_000,
                        opens_at=aware(date(year, 1, 5), 9), closes_at=aware(date(year, 2, 5), 18))
    Beneficiary.objects.create(program=program, company=company, year=year)
    OutcomeReport.objects.create(company=company, year=year - 1, export_amount=1_000_000_000,
                                 employees=40, production_amount=5_000_000_000)
    OutcomeReport.objects.create(company=company, year=year, export_amount=1_100_000_000,
                                 employees=42, production_amount=5_200_000_000, mou_count=2,
                                 contract_amount=70_000_000)
    HiddenChampion.objects.create(company=company, year=year, designated_by=staff)
    engagement = MentoringEngagement.objects.create(
        company=other, mentor=welder, starts_on=date(year, 4, 1), ends_on=date(year, 9, 30))
    for month in (4, 5, 6):
        MentoringSession.objects.create(engagement=engagement, held_on=date(year, month, 10),
                                        notes="시제품 검토", written_by=staff)
    return {"company": company, "other": other, "event": event, "program": program}
