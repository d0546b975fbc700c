"""What a registrant is told, fixed at the moment of registration or promotion."""

from django.urls import reverse
from django.utils import timezone

from meisterhub.notifications.services import Recipient, notify


def _notify(registration, event: str, subject: str, lead: str) -> None:
    item = registration.event
    starts = timezone.localtime(item.starts_at)
    link = reverse("events:confirmation", args=[registration.pk])
    notify(
        recipients=[Recipient.of(registration.user)], kind="event",
        template=f"event_{event}", record=registration, event=event,
        subject=f"[마이스터 허브] {subject}: {item.title}",
        text=(f"{registration.user.full_name}님, {lead}\n\n"
              f"행사: {item.title}\n일시: {starts:%Y-%m-%d %H:%M}\n장소: {item.place_display}\n"
              f"참가 확인증(QR)은 바로가기에서 볼 수 있습니다."),
        link=link,
    )


def registration_received(registration) -> None:
    """Right after registering: confirmed, or waitlisted with the place in the queue."""
    if registration.status == "registered":
        _notify(registration, "registered", "참가 확정", "행사 참가 신청이 확정되었습니다.")
    elif registration.status == "waitlisted":
        place = type(registration).objects.filter(
            event_id=registration.event_id, status="waitlisted",
            position__lte=registration.position).count()
        _notify(registration, "waitlisted", "대기 접수",
                f"정원이 차서 대기 {place}번으로 접수되었습니다.")


def promoted(registration) -> None:
    _notify(registration, "promoted", "대기에서 참가 확정",
            "취소된 자리가 생겨 대기 중이던 신청이 참가 확정되었습니다.")
