"""Checks on application documents: the content must match the name, within the size limit."""

from meisterhub.core.errors import DomainError
from meisterhub.core.filetypes import ArchiveTooLarge, detect

from . import conf
from .models import DocumentKind

EXTENSIONS = {
    "pdf": DocumentKind.PDF,
    "hwp": DocumentKind.HWP,
    "hwpx": DocumentKind.HWPX,
    "xlsx": DocumentKind.XLSX,
    "jpg": DocumentKind.IMAGE,
    "jpeg": DocumentKind.IMAGE,
    "png": DocumentKind.IMAGE,
}
CONTENT_TYPES = {
    DocumentKind.PDF: "application/pdf",
    DocumentKind.HWP: "application/x-hwp",
    DocumentKind.HWPX: "application/hwp+zip",
    DocumentKind.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
IMAGE_KINDS = {"png": "png", "jpg": "jpeg", "jpeg": "jpeg"}


def _content_matches(upload, kind: str, extension: str) -> bool:
    found = detect(upload, max_image_bytes=conf.DOCUMENT_MAX_BYTES)
    if found is None:
        return False
    if kind == DocumentKind.IMAGE:
        return found.kind == IMAGE_KINDS.get(extension)
    return found.kind == kind


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
        raise DomainError(
            f"파일이 너무 큽니다. {limit}MB 이하만 올릴 수 있습니다 ({name}).", field="file"
        )
    try:
        matches = _content_matches(upload, kind, extension)
    except ArchiveTooLarge as error:
        raise DomainError(f"{error.messages[0]} ({name})", field="file") from None
    if not matches:
        raise DomainError(
            f"파일 내용이 확장자(.{extension})와 맞지 않습니다. 실제 {DocumentKind(kind).label} "
            f"파일인지 확인해 주세요 ({name}).",
            field="file",
        )
    return kind


def content_type_for(document) -> str:
    if document.kind == DocumentKind.IMAGE:
        return "image/png" if document.file.name.lower().endswith(".png") else "image/jpeg"
    return CONTENT_TYPES.get(document.kind, "application/octet-stream")
