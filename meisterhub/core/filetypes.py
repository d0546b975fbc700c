"""What an uploaded file really is, read from its bytes (never from its name).

One detector for every upload of the platform; each app decides which kinds it accepts and
how large they may be."""

import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError

from .uploads import validate_image

OLE2_SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")  # HWP 5 (and old Office) compound files
HWPX_MIMETYPE = b"application/hwp+zip"


@dataclass(frozen=True)
class FileType:
    kind: str
    extension: str
    content_type: str


PDF = FileType("pdf", "pdf", "application/pdf")
HWP = FileType("hwp", "hwp", "application/x-hwp")
HWPX = FileType("hwpx", "hwpx", "application/hwp+zip")
XLSX = FileType("xlsx", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
PPTX = FileType(
    "pptx", "pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"
)
ZIP = FileType("zip", "zip", "application/zip")
DWG = FileType("dwg", "dwg", "image/vnd.dwg")
DXF = FileType("dxf", "dxf", "image/vnd.dxf")
STEP = FileType("step", "step", "model/step")
IMAGES = {
    "image/jpeg": FileType("jpeg", "jpg", "image/jpeg"),
    "image/png": FileType("png", "png", "image/png"),
    "image/gif": FileType("gif", "gif", "image/gif"),
    "image/webp": FileType("webp", "webp", "image/webp"),
}


def _head(upload, size: int = 4096) -> bytes:
    upload.seek(0)
    data = upload.read(size)
    upload.seek(0)
    return data


class ArchiveTooLarge(ValidationError):
    """A ZIP container (XLSX, HWPX, PPTX, ZIP) that would unpack to too much: refused unread."""


def check_archive(archive: zipfile.ZipFile) -> None:
    """Refuse an archive by its directory alone, before any member is inflated.

    zipfile never yields more bytes than a member's declared size, so the declared sizes bound
    what opening the file can cost (openpyxl and our readers all go through zipfile).
    """
    members = archive.infolist()
    max_members = settings.UPLOAD_ARCHIVE_MAX_MEMBERS
    max_bytes = settings.UPLOAD_ARCHIVE_MAX_UNCOMPRESSED_BYTES
    if len(members) > max_members:
        raise ArchiveTooLarge(
            f"압축 파일 안의 항목이 너무 많습니다 ({len(members):,}개). "
            f"{max_members:,}개 이하만 올릴 수 있습니다.", code="archive_members")
    total = sum(member.file_size for member in members)
    if total > max_bytes:
        raise ArchiveTooLarge(
            f"압축을 풀면 {total // (1024 * 1024):,}MB가 되는 파일입니다. "
            f"풀었을 때 {max_bytes // (1024 * 1024):,}MB 이하인 파일만 올릴 수 있습니다.",
            code="archive_too_large")


def check_archive_upload(upload) -> None:
    """check_archive for an uploaded file or path that may be a ZIP container."""
    try:
        with zipfile.ZipFile(upload) as archive:
            check_archive(archive)
    except (zipfile.BadZipFile, OSError, EOFError):
        return  # not an archive: the reader says so in its own words
    finally:
        if hasattr(upload, "seek"):
            upload.seek(0)


def _zip_type(upload) -> FileType | None:
    """HWPX, XLSX, PPTX or a plain ZIP; None for a broken archive. Raises ArchiveTooLarge."""
    try:
        with zipfile.ZipFile(upload) as archive:
            check_archive(archive)
            names = set(archive.namelist())
            if "mimetype" in names and archive.read("mimetype")[:40].strip() == HWPX_MIMETYPE:
                return HWPX
            if "[Content_Types].xml" in names:
                if any(n.startswith("xl/") for n in names):
                    return XLSX
                if any(n.startswith("ppt/") for n in names):
                    return PPTX
            return ZIP
    except (zipfile.BadZipFile, OSError, EOFError, KeyError):
        return None
    finally:
        upload.seek(0)


def _looks_like_dxf(head: bytes) -> bool:
    # ASCII DXF starts with group code 0 and SECTION; binary DXF has its own sentinel.
    if head.startswith(b"AutoCAD Binary DXF"):
        return True
    lines = [line.strip() for line in head.lstrip(b"\xef\xbb\xbf").splitlines()[:4]]
    return len(lines) >= 2 and lines[0] == b"0" and lines[1] == b"SECTION"


def detect(upload, *, max_image_bytes: int | None = None) -> FileType | None:
    """The file's type from its content, or None when it is none of the kinds we know (or an
    image Pillow cannot read). An archive too large to open raises ArchiveTooLarge."""
    head = _head(upload)
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(OLE2_SIGNATURE):
        return HWP
    if head.startswith(b"PK\x03\x04"):
        return _zip_type(upload)
    if head[:4] == b"AC10" and head[4:6].isdigit():
        return DWG
    if head.lstrip().startswith(b"ISO-10303-21;"):
        return STEP
    if _looks_like_dxf(head):
        return DXF
    try:
        content_type = validate_image(upload, max_bytes=max_image_bytes or upload.size + 1)
    except ValidationError:
        return None
    finally:
        upload.seek(0)
    return IMAGES.get(content_type)
