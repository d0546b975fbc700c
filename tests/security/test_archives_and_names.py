"""Uploads: ZIP containers are refused by their directory before being opened, and stored
files take their extension from the detected type, never from the person's file name."""

import io
import time
import tracemalloc
import zipfile
from datetime import time as clock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from meisterhub.core.errors import DomainError
from meisterhub.core.filetypes import ArchiveTooLarge, detect
from meisterhub.core.tabular import xlsx_rows

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def bomb(inflated_mb: int) -> bytes:
    """An XLSX-looking archive whose one sheet inflates to `inflated_mb` MB of zeros."""
    return zip_bytes({
        "[Content_Types].xml": b"<Types/>",
        "xl/workbook.xml": b"<workbook/>",
        "xl/worksheets/sheet1.xml": bytes(inflated_mb * 1024 * 1024),
    })


def test_the_300_mb_bomb_is_refused_without_inflating_it():
    data = bomb(300)
    assert len(data) < 400 * 1024  # about 300 KB on the wire
    tracemalloc.start()
    started = time.perf_counter()
    with pytest.raises(DomainError, match="압축을 풀면 300MB"):
        xlsx_rows(data)
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    # Reading the directory allocates almost nothing; inflating would take 300 MB.
    assert peak < 20 * 1024 * 1024, f"peak {peak / 1e6:.0f} MB, {elapsed:.2f} s"


def test_too_many_members_are_refused(settings):
    settings.UPLOAD_ARCHIVE_MAX_MEMBERS = 50
    data = zip_bytes({"[Content_Types].xml": b"<Types/>", **{f"xl/m{i}.xml": b"x" for i in range(60)}})
    with pytest.raises(ArchiveTooLarge, match="항목이 너무 많습니다"):
        detect(SimpleUploadedFile("many.xlsx", data))


def test_a_small_archive_under_the_limits_is_still_recognised(settings):
    data = zip_bytes({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"})
    assert detect(SimpleUploadedFile("ok.xlsx", data)).kind == "xlsx"


@pytest.mark.django_db
def test_an_application_document_bomb_gets_a_korean_message(settings):
    from meisterhub.programs.documents import check_document

    settings.UPLOAD_ARCHIVE_MAX_UNCOMPRESSED_BYTES = 1024 * 1024
    upload = SimpleUploadedFile("재무제표.xlsx", bomb(5))
    with pytest.raises(DomainError, match="풀었을 때 1MB 이하"):
        check_document(upload, ["xlsx"])


@pytest.mark.django_db
def test_a_consultation_attachment_is_stored_with_the_detected_extension(tmp_path, settings):
    from meisterhub.accounts.tests.factories import UserFactory
    from meisterhub.companies.tests.factories import CompanyFactory, MembershipFactory
    from meisterhub.consultations import services
    from meisterhub.consultations.slots import aware
    from meisterhub.consultations.tests.factories import bookable_day, field, make_sitting_meister

    settings.MEDIA_ROOT = tmp_path
    member = UserFactory(role="company_member")
    company = CompanyFactory()
    MembershipFactory(user=member, company=company)
    meister = make_sitting_meister(weekday=1)
    booking = services.book_consultation(
        actor=member, company=company, field=field(), meister=meister,
        starts_at=aware(bookable_day(1), clock(10)), problem="용접 비드가 고르지 않습니다.",
        attachments=[SimpleUploadedFile("도면.exe", PDF_BYTES)],
    )
    stored = booking.request.attachments.get()
    assert stored.file.name.endswith(".pdf") and ".exe" not in stored.file.name
    assert stored.original_name == "도면.exe" and stored.content_type == "application/pdf"


@pytest.mark.django_db
def test_an_application_document_is_stored_with_the_detected_extension(
        tmp_path, settings, member_a, company_a):
    from meisterhub.programs.services import upload_document
    from meisterhub.programs.tests.factories import make_call, make_draft

    settings.MEDIA_ROOT = tmp_path
    application = make_draft(make_call(), member_a, company_a)
    required = next(d for d in application.call.required_documents.all()
                    if "pdf" in d.accepted_kinds)
    document = upload_document(actor=member_a, application=application, required_document=required,
                               upload=SimpleUploadedFile("사업계획서.pdf.exe.pdf", PDF_BYTES))
    assert document.file.name.endswith(".pdf")
    assert "사업계획서" not in document.file.name and ".exe" not in document.file.name
    assert document.original_name == "사업계획서.pdf.exe.pdf"
