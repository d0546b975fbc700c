from django.core.mail import send_mail
from django.urls import reverse
from django.utils import timezone
from django_tasks import task


def _mail(registration, subject: str, lead: str) -> None:
    if not registration.user.email:
        return
    event = registration.event
    starts = timezone.localtime(event.starts_at)
    link = reverse("events:confirmation", args=[registration.pk])
    send_mail(
        subject=f"[마이스터 허브] {subject}: {event.title}",
        message=(
            f"{registration.user.full_name}님, {lead}\n\n"
            f"행사: {event.title}\n일시: {starts:%Y-%m-%d %H:%M}\n장소: {event.place_display}\n"
            f"참가 확인증(QR): {link}\n"
        ),
        from_email=None,
        recipient_list=[registration.user.email],
    )


def _load(registration_id: int):
    from .models import Registration

    return Registration.objects.select_related("event", "event__facility", "user").get(
        pk=registration_id)


@task()
def send_registration_confirmation(registration_id: int) -> None:
    registration = _load(registration_id)
    if registration.status == "registered":
        _mail(registration, "참가 확정", "행사 참가 신청이 확정되었습니다.")
    elif registration.status == "waitlisted":
        place = type(registration).objects.filter(
            event_id=registration.event_id, status="waitlisted",
            position__lte=registration.position).count()
        _mail(registration, "대기 접수", f"정원이 차서 대기 {place}번으로 접수되었습니다.")


@task()
def notify_promoted(registration_id: int) -> None:
    registration = _load(registration_id)
    if registration.status == "registered":
        _mail(registration, "대기에서 참가 확정",
              "취소된 자리가 생겨 대기 중이던 신청이 참가 확정되었습니다.")
