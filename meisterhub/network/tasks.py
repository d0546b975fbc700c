from django_tasks import task


@task()
def suggest_inquiry_field(inquiry_id: int) -> None:
    """Store the matcher's field hint on a technical inquiry; routing stays a staff decision."""
    from .models import Inquiry
    from .services.inquiries import suggest_field

    inquiry = Inquiry.objects.get(pk=inquiry_id)
    field = suggest_field(f"{inquiry.title}\n{inquiry.body}")
    if field is not None:
        Inquiry.objects.filter(pk=inquiry_id).update(suggested_field=field)
