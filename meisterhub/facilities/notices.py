from django.urls import reverse
from django.utils import timezone

from meisterhub.notifications.services import Recipient, notify


def reservation_decided(reservation) -> None:
    local = timezone.localtime(reservation.starts_at)
    status = reservation.get_status_display()
    notify(
        recipients=[Recipient.of(reservation.user)], kind="facility",
        template=f"reservation_{reservation.status}", record=reservation,
        event=f"decided.{reservation.status}",
        subject=f"[마이스터 허브] 시설 예약 {status}",
        text=(f"{reservation.user.full_name}님, {reservation.facility} "
              f"{local:%Y-%m-%d %H:%M} 예약이 {status} 처리되었습니다."),
        link=reverse("facilities:my"),
    )
