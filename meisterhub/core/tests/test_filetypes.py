import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from meisterhub.core.filetypes import OLE2_SIGNATURE, detect
from meisterhub.meisters.tests.test_services import png_bytes


def zipped(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7\n%%EOF", "pdf"),
        (OLE2_SIGNATURE + b"\0" * 64, "hwp"),
        (zipped({"mimetype": b"application/hwp+zip", "Contents/section0.xml": b"<x/>"}), "hwpx"),
        (zipped({"[Content_Types].xml": b"<x/>", "xl/workbook.xml": b"<x/>"}), "xlsx"),
        (zipped({"[Content_Types].xml": b"<x/>", "ppt/presentation.xml": b"<x/>"}), "pptx"),
        (zipped({"notes.txt": b"hello"}), "zip"),
        (b"AC1032\0\0\0\0", "dwg"),
        (b"  0\nSECTION\n  2\nHEADER\n", "dxf"),
        (b"ISO-10303-21;\nHEADER;", "step"),
        (png_bytes(), "png"),
    ],
)
def test_kinds_are_read_from_the_content_whatever_the_name(data, kind):
    found = detect(SimpleUploadedFile("named-wrongly.txt", data))
    assert found is not None
    assert found.kind == kind


@pytest.mark.parametrize(
    "data",
    [
        b"<script>alert(1)</script>",
        b"PK\x03\x04 broken archive",
        b"\x89PNG\r\n\x1a\n truncated",
        b"",
    ],
)
def test_unknown_or_broken_content_is_not_recognised(data):
    assert detect(SimpleUploadedFile("x.pdf", data)) is None
