"""The clock beside the worker: requeue due messages, and run the daily jobs on time."""

import time

from django.core.management import BaseCommand, call_command
from django.utils import timezone

from meisterhub.core.locks import exclusive
from meisterhub.notifications.services import requeue_due
from meisterhub.reports.job_recovery import requeue_stalled_jobs


class Command(BaseCommand):
    help = "메시지 재발송 대기열 점검(30초마다)과 일일 작업(전날 알림·보존기간 처리)을 실행합니다."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=30.0)
        parser.add_argument("--once", action="store_true", help="한 번만 실행하고 끝냅니다")

    def handle(self, *args, interval: float, once: bool, **options):
        last_daily = None
        while True:
            # With REDIS_URL, clocks on several machines take turns (core/locks.py).
            with exclusive("clock.requeue", timeout=max(120.0, 4 * interval)) as held:
                queued = requeue_due() if held else 0
                if held:
                    requeue_stalled_jobs()
            if queued:
                self.stdout.write(f"다시 대기열에 넣은 메시지 {queued}건")
            today = timezone.localdate()
            if last_daily != today:
                # The lock is kept for the day once done, so a second clock skips the day.
                with exclusive(f"clock.daily:{today}", timeout=36 * 3600, keep=True) as held:
                    if held:
                        # Both jobs are idempotent, so running them at start-up as well is safe.
                        call_command("send_consultation_reminders", stdout=self.stdout)
                        call_command("apply_retention", stdout=self.stdout)
                        last_daily = today
            if once:
                return
            time.sleep(max(interval, 1.0))
