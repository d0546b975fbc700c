"""What a consultation request may carry: images, PDF and drawings, checked by content."""

from django.core.exceptions import ValidationError

from meisterhub.core.filetypes import detect

from . import conf

PDF = "application/pdf"
DWG = "image/vnd.dwg"
DXF = "image/vnd.dxf"
STEP = "model/step"
ACCEPTED = {"pdf", "dwg", "dxf", "step", "jpeg", "png", "gif", "webp"}
ALLOWED_HINT = "이미지(JPG·PNG·WEBP·GIF), PDF, 도면(DWG·DXF·STEP)"


def sniff(upload) -> str | None:
    """The content type read from the bytes, or None when it is not an accepted kind."""
    found = detect(upload, max_image_bytes=conf.attachment_max_bytes())
    return found.content_type if found and found.kind in ACCEPTED else None


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
