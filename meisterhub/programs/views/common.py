from django.http import FileResponse

from ..documents import content_type_for


def serve_document(document, *, inline: bool = False) -> FileResponse:
    """Stored files go out with a safe type, nosniff, and as a download."""
    response = FileResponse(document.file.open("rb"), as_attachment=not inline,
                            filename=getattr(document, "original_name", None)
                            or document.file.name.rsplit("/", 1)[-1])
    response["Content-Type"] = content_type_for(document)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'"
    return response


def add_domain_error(form, error) -> None:
    field = error.field if error.field in form.fields else None
    for line in error.message.splitlines():
        form.add_error(field, line)
