import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from meisterhub.core.errors import DomainError
from meisterhub.programs.documents import check_document

from .factories import hwp, hwpx, pdf, png, xlsx, zip_file

ALL = ["pdf", "hwp", "hwpx", "xlsx", "image"]


@pytest.mark.parametrize(("upload", "kind"), [
    (pdf(), "pdf"), (hwp(), "hwp"), (hwpx(), "hwpx"), (xlsx(), "xlsx"), (png(), "image"),
])
def test_real_files_are_accepted(upload, kind):
    assert check_document(upload, ALL) == kind


@pytest.mark.parametrize("upload", [
    pdf("plan.hwp"),
    hwp("plan.pdf"),
    zip_file("plan.hwpx", {"mimetype": "application/zip"}),
    zip_file("data.xlsx", {"word/document.xml": "<x/>", "[Content_Types].xml": "<x/>"}),
    pdf("photo.png"),
    png("photo.jpg"),
])
def test_content_not_matching_name_is_refused(upload):
    with pytest.raises(DomainError, match="파일 내용이 확장자"):
        check_document(upload, ALL)


def test_kind_not_accepted_and_size_limit(settings, monkeypatch):
    with pytest.raises(DomainError, match="PDF 파일만 올릴 수 있습니다"):
        check_document(xlsx(), ["pdf"])
    from meisterhub.programs import conf

    monkeypatch.setattr(conf, "DOCUMENT_MAX_BYTES", 10)
    with pytest.raises(DomainError, match="파일이 너무 큽니다"):
        check_document(pdf(), ["pdf"])
    with pytest.raises(DomainError, match="빈 파일"):
        check_document(SimpleUploadedFile("a.pdf", b""), ["pdf"])
