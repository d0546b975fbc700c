"""Builders for the authorization world, one per app (facilities, events, programs, network,
reports); each adds records owned by company A (or meister X) to the namespace `w`."""

from datetime import date, timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from meisterhub.meisters.models import Field


def build_facilities(w) -> None:
    from meisterhub.facilities.services import add_facility_photo, create_reservation
    from meisterhub.facilities.tests.factories import at, make_facility, next_monday
    from meisterhub.programs.tests.factories import png

    w.facility = make_facility(name="회의실 권한", approval_required=True)
    w.facility_photo = add_facility_photo(actor=w.staff, facility=w.facility, upload=png())
    w.reservation = create_reservation(
        actor=w.member_a,
        facility=w.facility,
        company=w.company_a,
        starts_at=at(next_monday(2), 10),
        ends_at=at(next_monday(2), 12),
        headcount=4,
        purpose="시제품 검토 회의",
    )


def build_events(w) -> None:
    from meisterhub.events.contest_services import assign_judge, publish_ranking, submit_entry
    from meisterhub.events.services import register_for_event
    from meisterhub.events.tests.factories import make_contest, make_event
    from meisterhub.programs.tests.factories import pdf

    w.event = make_event(title="권한 설명회", capacity=20)
    w.registration = register_for_event(actor=w.member_a, event=w.event, company=w.company_a)
    w.contest = make_contest()
    assign_judge(actor=w.staff, contest=w.contest, judge=w.evaluator)
    w.submission = submit_entry(
        actor=w.member_a,
        contest=w.contest,
        title="스마트 용접 지그",
        summary="용접 지그 자동화",
        upload=pdf("entry.pdf"),
        company=w.company_a,
    )
    # A contest whose deadline passed and whose ranking is published: results are public.
    w.published_contest = make_contest(deadline_in_days=-1)
    publish_ranking(actor=w.staff, contest=w.published_contest, awards={})


def build_programs(w) -> None:
    from meisterhub.programs import services
    from meisterhub.programs.models import Beneficiary, CallAttachment
    from meisterhub.programs.tests.factories import make_call, make_evaluator, make_submitted

    w.call = make_call()
    w.call_attachment = CallAttachment.objects.create(call=w.call, title="공고문", kind="pdf")
    w.call_attachment.file.save("notice.pdf", ContentFile(b"%PDF-1.7\n%%EOF\n"), save=True)
    w.application = make_submitted(w.call, w.member_a, w.company_a)
    w.document = w.application.documents.order_by("pk").first()
    services.pass_screening(actor=w.staff, application=w.application)
    w.assignment = services.assign_evaluator(
        actor=w.staff, application=w.application, evaluator=w.evaluator
    )
    # An evaluator with no work yet, for staff to assign (a judge, an application's evaluator).
    w.spare_evaluator = make_evaluator(username="authz_spare_evaluator")
    # A beneficiary of an earlier program may report outcomes.
    Beneficiary.objects.create(
        program=w.call.program, company=w.company_a, year=timezone.localdate().year - 1
    )


def build_network(w) -> None:
    from meisterhub.network.services import (
        create_meeting,
        publish_technology,
        record_minutes,
        request_transfer,
        route_inquiry,
        submit_inquiry,
    )
    from meisterhub.network.tests.factories import (
        make_council,
        make_council_member,
        make_institution,
        make_project,
    )
    from meisterhub.programs.tests.factories import pdf

    w.council_obj = make_council(w.staff, members=2)
    seat = make_council_member(w.staff, w.council_obj, username="authz_council_seat")
    # The council role of the matrix is the seated user made by the network's own factory.
    w.council = seat
    w.users["council"] = seat
    institutions = [m.institution for m in w.council_obj.memberships.all()]
    w.institution = institutions[0]
    w.meeting = create_meeting(
        actor=w.staff,
        council=w.council_obj,
        kind="plenary",
        title="상반기 정기회의",
        held_on=date(2025, 3, 10),
        place="창원컨벤션센터",
        agenda=["보급 실적 보고"],
        attendance=[(i, "") for i in institutions],
    )
    record_minutes(
        actor=w.staff, meeting=w.meeting, text="보급 실적을 보고했다.", upload=pdf("minutes.pdf")
    )
    from meisterhub.network.services import add_decision

    w.decision = add_decision(
        actor=w.staff,
        meeting=w.meeting,
        text="하반기 세미나 개최",
        due_on=date(2025, 9, 30),
        owner_institution=w.institution,
    )
    w.project = make_project(w.staff, w.company_a)
    w.inquiry = submit_inquiry(
        actor=w.member_a,
        channel="web",
        category="technical",
        title="용접 변형 문의",
        body="박판 용접 후 변형이 큽니다.",
        company=w.company_a,
    )
    w.inquiry = route_inquiry(
        actor=w.staff,
        inquiry=w.inquiry,
        owner_meister=w.meister_x,
        field=Field.objects.get(code="WELD"),
    )
    owner = make_institution(w.staff)
    w.technology = publish_technology(
        actor=w.staff,
        title="레이저 클래딩",
        field=Field.objects.get(code="WELD"),
        trl=6,
        owner=owner,
        summary="마모 부품 재생 기술",
    )
    w.transfer = request_transfer(
        actor=w.member_a, company=w.company_a, technology=w.technology, message="도입 검토"
    )


def build_reports(w) -> None:
    from meisterhub.reports.models import ReportJob
    from meisterhub.reports.services import request_annual_report
    from meisterhub.reports.tests.factories import make_worker

    w.worker = make_worker(w.staff)
    job = request_annual_report(actor=w.staff, year=timezone.localdate().year - 1)
    job.pdf_file.save("report.pdf", ContentFile(b"%PDF-1.7\n%%EOF\n"), save=False)
    job.xlsx_file.save("report.xlsx", ContentFile(b"PK\x03\x04"), save=False)
    job.status = ReportJob.Status.DONE
    job.progress = 100
    job.finished_at = timezone.now() - timedelta(minutes=1)
    job.save()
    w.report_job = job


def build_notifications(w) -> None:
    from meisterhub.notifications.models import Message, Status
    from meisterhub.notifications.services import Recipient, notify

    notify(recipients=[Recipient.of(w.member_a)], kind="consultation", template="authz",
           record=w.booking, event="authz", subject="상담 안내", text="본문",
           link="/consultations/my/", sms_text="문자")
    w.member_a_notice = Message.objects.get(template="authz", channel="inapp")
    w.failed_message = Message.objects.get(template="authz", channel="email")
    Message.objects.filter(pk=w.failed_message.pk).update(status=Status.FAILED, reason="테스트")
