from django.core.mail import send_mail
from django.utils import timezone
from django_tasks import task


@task()
def notify_reservation_decided(reservation_id: int) -> None:
    from .models import Reservation

    reservation = Reservation.objects.select_related("facility", "user").get(pk=reservation_id)
    if not reservation.user.email:
        return
    local = timezone.localtime(reservation.starts_at)
    send_mail(
        subject=f"[마이스터 허브] 시설 예약 {reservation.get_status_display()}",
        message=(
            f"{reservation.user.full_name}님, {reservation.facility} "
            f"{local:%Y-%m-%d %H:%M} 예약이 {reservation.get_status_display()} 처리되었습니다."
        ),
        from_email=None,
        recipient_list=[reservation.user.email],
    )
