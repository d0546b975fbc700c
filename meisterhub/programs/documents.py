"""Checks on application documents: the content must match the name, within the size limit."""

import zipfile

from django.core.exceptions import ValidationError

from meisterhub.core.errors import DomainError
from meisterhub.core.uploads import validate_image

from . import conf
from .models import DocumentKind

EXTENSIONS = {
    "pdf": DocumentKind.PDF, "hwp": DocumentKind.HWP, "hwpx": DocumentKind.HWPX,
    "xlsx": DocumentKind.XLSX, "jpg": DocumentKind.IMAGE, "jpeg": DocumentKind.IMAGE,
    "png": DocumentKind.IMAGE,
}
CONTENT_TYPES = {
    DocumentKind.PDF: "application/pdf",
    DocumentKind.HWP: "application/x-hwp",
    DocumentKind.HWPX: "application/hwp+zip",
    DocumentKind.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
OLE2_SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")


def _zip_names(upload) -> tuple[set[str], bytes]:
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            mimetype = archive.read("mimetype")[:100] if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, EOFError, KeyError):
        return set(), b""
    return names, mimetype


def _content_matches(upload, kind: str, extension: str) -> bool:
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if kind == DocumentKind.PDF:
        return head.startswith(b"%PDF-")
    if kind == DocumentKind.HWP:
        return head == OLE2_SIGNATURE
    if kind == DocumentKind.HWPX:
        names, mimetype = _zip_names(upload)
        return mimetype.strip() == b"application/hwp+zip"
    if kind == DocumentKind.XLSX:
        names, _ = _zip_names(upload)
        return "[Content_Types].xml" in names and any(n.startswith("xl/") for n in names)
    try:
        content_type = validate_image(upload, max_bytes=conf.DOCUMENT_MAX_BYTES)
    except ValidationError:
        return False
    finally:
        upload.seek(0)
    wanted = "image/png" if extension == "png" else "image/jpeg"
    return content_type == wanted


def check_document(upload, accepted_kinds: list[str]) -> str:
    """Return the document's kind, or raise DomainError with a Korean reason."""
    name = getattr(upload, "name", "") or ""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    kind = EXTENSIONS.get(extension)
    allowed = ", ".join(DocumentKind(k).label for k in accepted_kinds)
    if kind is None or kind not in accepted_kinds:
        raise DomainError(f"이 서류는 {allowed} 파일만 올릴 수 있습니다 ({name}).", field="file")
    if upload.size == 0:
        raise DomainError(f"빈 파일입니다 ({name}).", field="file")
    if upload.size > conf.DOCUMENT_MAX_BYTES:
        limit = conf.DOCUMENT_MAX_BYTES // (1024 * 1024)
        raise DomainError(f"파일이 너무 큽니다. {limit}MB 이하만 올릴 수 있습니다 ({name}).",
                          field="file")
    if not _content_matches(upload, kind, extension):
        raise DomainError(
            f"파일 내용이 확장자(.{extension})와 맞지 않습니다. 실제 {DocumentKind(kind).label} "
            f"파일인지 확인해 주세요 ({name}).", field="file")
    return kind


def content_type_for(document) -> str:
    if document.kind == DocumentKind.IMAGE:
        return "image/png" if document.file.name.lower().endswith(".png") else "image/jpeg"
    return CONTENT_TYPES.get(document.kind, "application/octet-stream")
