"""Contest files are recognised by their first bytes, never by their name."""

from meisterhub.core.filetypes import OLE2_SIGNATURE, ArchiveTooLarge, detect

from . import conf

OLE_MAGIC = OLE2_SIGNATURE  # kept for the tests' sample files
ALLOWED = "PDF, 이미지(JPG·PNG·GIF), 한글(HWP·HWPX), 파워포인트(PPTX), ZIP"
ACCEPTED = {"pdf", "png", "jpeg", "gif", "hwp", "hwpx", "pptx", "zip"}


class FileRefused(ValueError):
    pass


def sniff(upload) -> tuple[str, str]:
    """(extension, content type) read from the content; FileRefused with a Korean message."""
    if upload.size > conf.CONTEST_FILE_MAX_BYTES:
        raise FileRefused(
            f"파일이 너무 큽니다. {conf.CONTEST_FILE_MAX_BYTES // (1024 * 1024)}MB 이하만 "
            "제출할 수 있습니다."
        )
    if upload.size == 0:
        raise FileRefused("빈 파일은 제출할 수 없습니다.")
    try:
        found = detect(upload)
    except ArchiveTooLarge as error:
        raise FileRefused(error.messages[0]) from None
    if found is None and upload.read(4) == b"PK\x03\x04":
        upload.seek(0)
        raise FileRefused("손상된 압축 파일입니다.")
    upload.seek(0)
    if found is None or found.kind not in ACCEPTED:
        raise FileRefused(f"제출할 수 없는 파일 형식입니다. {ALLOWED} 파일만 받습니다.")
    return found.extension, found.content_type
