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


def announce(item) -> int:
    """Advertising: every person with a recorded marketing consent; the outbox applies the
    quiet hours for text messages. Returns the number of people addressed."""
    from meisterhub.accounts.models import Consent, User

    people = User.objects.filter(
        is_active=True, consents__purpose=Consent.Purpose.MARKETING,
        consents__withdrawn_at__isnull=True).distinct()
    starts = timezone.localtime(item.starts_at)
    recipients = [Recipient.of(user) for user in people]
    notify(recipients=recipients, kind="promotion", template="event_announcement",
           record=item, event="announced",
           subject=f"[마이스터 허브] 행사 안내: {item.title}",
           text=(f"{item.title}\n일시: {starts:%Y-%m-%d %H:%M}\n장소: {item.place_display}\n\n"
                 "신청은 바로가기에서 하실 수 있습니다. 수신을 원하지 않으시면 알림 설정에서 "
                 "광고성 정보 수신 동의를 철회해 주세요."),
           sms_text=f"(광고) [마이스터 허브] {item.title} {starts:%m/%d %H:%M} 신청 접수 중. "
                    "수신거부: 알림 설정",
           link=reverse("events:detail", args=[item.pk]))
    return len(recipients)


def event_cancelled(registration, reason: str = "") -> None:
    """The agency cancelled the event: everyone still holding a seat or a waitlist place."""
    item = registration.event
    starts = timezone.localtime(item.starts_at)
    why = f"\n취소 사유: {reason}" if reason else ""
    notify(
        recipients=[Recipient.of(registration.user)], kind="event",
        template="event_cancelled", record=registration, event="event_cancelled",
        subject=f"[마이스터 허브] 행사 취소: {item.title}",
        text=(f"{registration.user.full_name}님, 신청하신 행사가 취소되었습니다. "
              f"불편을 드려 죄송합니다.\n\n"
              f"행사: {item.title}\n일시: {starts:%Y-%m-%d %H:%M}{why}"),
        sms_text=f"[마이스터 허브] {starts:%m/%d} '{item.title[:20]}' 행사가 취소되었습니다.",
        link=reverse("events:detail", args=[item.pk]),
    )
