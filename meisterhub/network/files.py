"""Minutes files: PDF or HWP/HWPX, recognised by their content, never by the name alone."""

import zipfile

from meisterhub.core.errors import DomainError

from . import conf

OLE2_SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "hwp": "application/x-hwp",
    "hwpx": "application/hwp+zip",
}


def _is_hwpx(upload) -> bool:
    try:
        with zipfile.ZipFile(upload) as archive:
            return archive.read("mimetype")[:40].strip() == b"application/hwp+zip"
    except (zipfile.BadZipFile, KeyError, OSError, EOFError):
        return False
    finally:
        upload.seek(0)


def sniff_kind(upload) -> str | None:
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head == OLE2_SIGNATURE:
        return "hwp"
    if head.startswith(b"PK\x03\x04") and _is_hwpx(upload):
        return "hwpx"
    return None


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
