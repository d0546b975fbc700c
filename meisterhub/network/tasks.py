from django.core.mail import send_mail
from django_tasks import task


@task()
def notify_inquiry_routed(inquiry_id: int) -> None:
    """Tell the meister or staff owner that an inquiry waits for their answer."""
    from .models import Inquiry

    inquiry = Inquiry.objects.select_related("owner_meister__user", "owner_staff").get(
        pk=inquiry_id)
    owner = inquiry.owner_meister.user if inquiry.owner_meister_id else inquiry.owner_staff
    if owner is None or not owner.email:
        return
    send_mail(
        subject=f"[마이스터 허브] 원스톱 문의 배정 {inquiry.reference}",
        message=(f"'{inquiry.title}' 문의가 배정되었습니다. "
                 f"{inquiry.deadline:%Y-%m-%d}까지 답변해 주세요."),
        from_email=None, recipient_list=[owner.email],
    )


@task()
def notify_inquiry_answered(inquiry_id: int) -> None:
    """The inquirer gets the answer by mail when they left an address."""
    from .models import Inquiry

    inquiry = Inquiry.objects.get(pk=inquiry_id)
    if not inquiry.email:
        return
    send_mail(
        subject=f"[마이스터 허브] 문의에 답변드립니다 {inquiry.reference}",
        message=f"{inquiry.name}님, '{inquiry.title}' 문의의 답변입니다.\n\n{inquiry.answer}",
        from_email=None, recipient_list=[inquiry.email],
    )


@task()
def suggest_inquiry_field(inquiry_id: int) -> None:
    """Store the matcher's field hint on a technical inquiry; routing stays a staff decision."""
    from .models import Inquiry
    from .services.inquiries import suggest_field

    inquiry = Inquiry.objects.get(pk=inquiry_id)
    field = suggest_field(f"{inquiry.title}\n{inquiry.body}")
    if field is not None:
        Inquiry.objects.filter(pk=inquiry_id).update(suggested_field=field)
