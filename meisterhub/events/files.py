"""Contest files are recognised by their first bytes, never by their name."""

import zipfile

from . import conf

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # HWP 5 (and old Office) compound file
ALLOWED = "PDF, 이미지(JPG·PNG·GIF), 한글(HWP·HWPX), 파워포인트(PPTX), ZIP"


class FileRefused(ValueError):
    pass


def _zip_kind(upload) -> tuple[str, str]:
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            if "mimetype" in names and archive.read("mimetype").strip() == b"application/hwp+zip":
                return "hwpx", "application/hwp+zip"
            if "[Content_Types].xml" in names and any(n.startswith("ppt/") for n in names):
                return "pptx", ("application/vnd.openxmlformats-officedocument."
                                "presentationml.presentation")
    except (zipfile.BadZipFile, OSError, KeyError):
        raise FileRefused("손상된 압축 파일입니다.") from None
    return "zip", "application/zip"


def sniff(upload) -> tuple[str, str]:
    """(extension, content type) read from the content; FileRefused with a Korean message."""
    if upload.size > conf.CONTEST_FILE_MAX_BYTES:
        raise FileRefused(
            f"파일이 너무 큽니다. {conf.CONTEST_FILE_MAX_BYTES // (1024 * 1024)}MB 이하만 "
            "제출할 수 있습니다.")
    if upload.size == 0:
        raise FileRefused("빈 파일은 제출할 수 없습니다.")
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    try:
        if head.startswith(b"%PDF-"):
            return "pdf", "application/pdf"
        if head.startswith(b"\x89PNG\r\n\x1a\n"):
            return "png", "image/png"
        if head.startswith(b"\xff\xd8\xff"):
            return "jpg", "image/jpeg"
        if head[:6] in (b"GIF87a", b"GIF89a"):
            return "gif", "image/gif"
        if head.startswith(OLE_MAGIC):
            return "hwp", "application/x-hwp"
        if head.startswith(b"PK\x03\x04"):
            return _zip_kind(upload)
    finally:
        upload.seek(0)
    raise FileRefused(f"제출할 수 없는 파일 형식입니다. {ALLOWED} 파일만 받습니다.")
