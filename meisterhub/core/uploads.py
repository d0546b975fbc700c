"""Checks on uploaded files: by content, never by name alone."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from PIL import Image, UnidentifiedImageError

IMAGE_FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp", "GIF": "image/gif"}
EXTENSIONS = {
    "image/jpeg": "jpg", "image/png": "png", "image/webp": "webp", "image/gif": "gif",
    "application/pdf": "pdf", "application/x-hwp": "hwp", "application/hwp+zip": "hwpx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": "pptx",
    "application/zip": "zip", "image/vnd.dwg": "dwg", "image/vnd.dxf": "dxf", "model/step": "step",
}


def stored_name(content_type: str) -> str:
    """A random file name with the extension of the detected content type: the person's file
    name (which may carry paths, scripts, a misleading extension or personal data) is never
    used on disk."""
    return f"{uuid.uuid4().hex}.{EXTENSIONS.get(content_type, 'bin')}"


MAX_IMAGE_PIXELS = 40_000_000


def validate_image(upload, *, max_bytes: int | None = None) -> str:
    """Raise a Korean ValidationError unless the upload is a real, readable, small-enough image.

    Returns the image's content type as read from its content.
    """
    limit = max_bytes or settings.MEISTER_PHOTO_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            f"사진 파일이 너무 큽니다. {limit // (1024 * 1024)}MB 이하만 올릴 수 있습니다.",
            code="file_too_large",
        )
    position = upload.tell() if hasattr(upload, "tell") else 0
    try:
        with Image.open(upload) as image:
            kind = image.format
            width, height = image.size
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ValidationError(
            "이미지 파일이 아닙니다. JPG, PNG, WEBP, GIF 사진만 올릴 수 있습니다.",
            code="not_an_image",
        ) from None
    finally:
        upload.seek(position)
    if kind not in IMAGE_FORMATS:
        raise ValidationError(
            "지원하지 않는 이미지 형식입니다. JPG, PNG, WEBP, GIF 사진만 올릴 수 있습니다.",
            code="unsupported_image",
        )
    if width * height > MAX_IMAGE_PIXELS:
        raise ValidationError("이미지 해상도가 너무 큽니다.", code="image_too_large")
    return IMAGE_FORMATS[kind]


SIGNATURES = [
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
]


def sniff_image_type(head: bytes) -> str:
    """The content type of a stored image from its first bytes (never from its name)."""
    for signature, content_type in SIGNATURES:
        if head.startswith(signature):
            return content_type
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    return "application/octet-stream"
