"""What a consultation request may carry: images, PDF and drawings, checked by content."""

from django.core.exceptions import ValidationError

from meisterhub.core.uploads import validate_image

from . import conf

PDF = "application/pdf"
DWG = "image/vnd.dwg"
DXF = "image/vnd.dxf"
STEP = "model/step"
ALLOWED_HINT = "이미지(JPG·PNG·WEBP·GIF), PDF, 도면(DWG·DXF·STEP)"


def _head(upload, size: int = 4096) -> bytes:
    position = upload.tell() if hasattr(upload, "tell") else 0
    upload.seek(0)
    data = upload.read(size)
    upload.seek(position)
    return data


def _looks_like_dxf(head: bytes) -> bool:
    # ASCII DXF starts with group code 0 and SECTION; binary DXF has its own sentinel.
    if head.startswith(b"AutoCAD Binary DXF"):
        return True
    lines = [line.strip() for line in head.lstrip(b"\xef\xbb\xbf").splitlines()[:4]]
    return len(lines) >= 2 and lines[0] == b"0" and lines[1] == b"SECTION"


def sniff(upload) -> str | None:
    """The content type read from the bytes, or None when it is not an accepted kind."""
    head = _head(upload)
    if head.startswith(b"%PDF-"):
        return PDF
    if head[:4] == b"AC10" and head[4:6].isdigit():
        return DWG
    if head.lstrip().startswith(b"ISO-10303-21;"):
        return STEP
    if _looks_like_dxf(head):
        return DXF
    try:
        return validate_image(upload, max_bytes=conf.attachment_max_bytes())
    except ValidationError:
        return None


def check_attachments(files) -> list[tuple[object, str]]:
    """[(upload, content type)] or a ValidationError with a Korean message; nothing is saved."""
    files = [f for f in files or [] if f]
    limit = conf.attachment_max_count()
    if len(files) > limit:
        raise ValidationError(f"첨부파일은 {limit}개까지 올릴 수 있습니다.", code="too_many")
    max_bytes = conf.attachment_max_bytes()
    checked = []
    for upload in files:
        if upload.size > max_bytes:
            raise ValidationError(
                f"‘{upload.name}’ 파일이 너무 큽니다. 파일마다 {max_bytes // (1024 * 1024)}MB "
                "이하만 올릴 수 있습니다.",
                code="file_too_large",
            )
        if upload.size == 0:
            raise ValidationError(f"‘{upload.name}’ 파일이 비어 있습니다.", code="empty")
        kind = sniff(upload)
        if kind is None:
            raise ValidationError(
                f"‘{upload.name}’ 파일은 올릴 수 없는 형식입니다. {ALLOWED_HINT}만 올릴 수 있습니다.",
                code="bad_type",
            )
        checked.append((upload, kind))
    return checked
