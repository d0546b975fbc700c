"""Minutes files: PDF or HWP/HWPX, recognised by their content, never by the name alone."""

from meisterhub.core.errors import DomainError
from meisterhub.core.filetypes import ArchiveTooLarge, detect

from . import conf

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "hwp": "application/x-hwp",
    "hwpx": "application/hwp+zip",
}


def sniff_kind(upload) -> str | None:
    try:
        found = detect(upload)
    except ArchiveTooLarge as error:
        raise DomainError(error.messages[0], field="minutes_file") from None
    return found.kind if found and found.kind in CONTENT_TYPES else None


def check_minutes_file(upload) -> str:
    """Return the file's kind (pdf, hwp, hwpx) or raise DomainError with a Korean reason."""
    name = getattr(upload, "name", "") or ""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if upload.size == 0:
        raise DomainError("빈 파일입니다.", field="minutes_file")
    if upload.size > conf.MINUTES_MAX_BYTES:
        limit = conf.MINUTES_MAX_BYTES // (1024 * 1024)
        raise DomainError(f"회의록 파일은 {limit}MB 이하만 올릴 수 있습니다.", field="minutes_file")
    kind = sniff_kind(upload)
    if kind is None or extension not in CONTENT_TYPES:
        raise DomainError(
            "회의록은 PDF 또는 한글(HWP·HWPX) 파일만 올릴 수 있습니다.", field="minutes_file"
        )
    if kind != extension:
        raise DomainError(
            f"파일 내용이 확장자(.{extension})와 맞지 않습니다. 실제 파일 형식을 확인해 주세요.",
            field="minutes_file",
        )
    return kind
