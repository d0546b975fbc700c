"""Test data built through the real services where a service exists."""

import io
import zipfile
from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from meisterhub.accounts.tests.factories import UserFactory
from meisterhub.programs import services
from meisterhub.programs.models import Area, Call, Criterion, Program, RequiredDocument

_counter = iter(range(1, 1_000_000))


def make_call(*, opens_in_days=-5, closes_in_days=10, area=Area.ENTERPRISE, year=None,
              criteria=((40, 10), (35, 10), (25, 10)), selection_count=2, **rules) -> Call:
    now = timezone.now()
    n = next(_counter)
    program = Program.objects.create(area=area, name=rules.pop("program_name", f"지원사업{n}"),
                                     year=year or timezone.localdate().year)
    call = Call.objects.create(
        program=program, title=rules.pop("title", f"{n}차 기술개발 지원 공고"),
        opens_at=now + timedelta(days=opens_in_days), closes_at=now + timedelta(days=closes_in_days),
        budget=rules.pop("budget", 500_000_000), selection_count=selection_count, **rules)
    RequiredDocument.objects.create(call=call, name="사업계획서", order=1,
                                    accepted_kinds=["pdf", "hwp", "hwpx"])
    RequiredDocument.objects.create(call=call, name="재무제표", order=2,
                                    accepted_kinds=["xlsx", "pdf"])
    RequiredDocument.objects.create(call=call, name="참고 사진", order=3, is_required=False,
                                    accepted_kinds=["image"])
    names = ["기술성", "사업성", "수행역량", "파급효과"]
    for order, (weight, max_score) in enumerate(criteria):
        Criterion.objects.create(call=call, name=names[order], weight=weight,
                                 max_score=max_score, order=order)
    return call


def pdf(name="plan.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n", "application/pdf")


def hwp(name="plan.hwp") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 504)


def zip_file(name, entries: dict) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for entry, content in entries.items():
            archive.writestr(entry, content)
    return SimpleUploadedFile(name, buffer.getvalue())


def hwpx(name="plan.hwpx") -> SimpleUploadedFile:
    return zip_file(name, {"mimetype": "application/hwp+zip", "Contents/section0.xml": "<x/>"})


def xlsx(name="finance.xlsx") -> SimpleUploadedFile:
    from openpyxl import Workbook

    buffer = io.BytesIO()
    workbook = Workbook()
    workbook.active.append(["매출", 100])
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def png(name="photo.png") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "blue").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), "image/png")


def make_draft(call, member, company, *, plan="스마트 용접 라인 구축", amount=50_000_000):
    application = services.start_application(actor=member, call=call, company=company)
    services.save_draft(actor=member, application=application, plan_summary=plan,
                        requested_amount=amount)
    docs = {d.name: d for d in call.required_documents.all()}
    services.upload_document(actor=member, application=application,
                             required_document=docs["사업계획서"], upload=pdf())
    services.upload_document(actor=member, application=application,
                             required_document=docs["재무제표"], upload=xlsx())
    return application


def make_submitted(call, member, company, **kwargs):
    application = make_draft(call, member, company, **kwargs)
    return services.submit_application(actor=member, application=application)


def make_evaluator(username=None):
    n = next(_counter)
    return UserFactory(role="evaluator", username=username or f"evaluator{n}",
                       full_name=f"평가위원{n}")


def score_all(assignment, values, *, submit=True):
    criteria = list(assignment.application.call.criteria.all())
    return services.save_scores(actor=assignment.evaluator, assignment=assignment,
                                scores={c.pk: v for c, v in zip(criteria, values, strict=True)},
                                submit=submit)
