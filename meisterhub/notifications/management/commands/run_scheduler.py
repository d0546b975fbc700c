"""The clock beside the worker: requeue due messages, and run the daily jobs on time."""

import time

from django.conf import settings
from django.core.management import BaseCommand, call_command
from django.utils import timezone
from django.utils.module_loading import import_string

from meisterhub.core.locks import exclusive
from meisterhub.notifications.services import requeue_due


class Command(BaseCommand):
    help = "메시지 재발송 대기열 점검(30초마다)과 일일 작업(전날 알림·보존기간 처리)을 실행합니다."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=30.0)
        parser.add_argument("--once", action="store_true", help="한 번만 실행하고 끝냅니다")

    def handle(self, *args, interval: float, once: bool, **options):
        # Other apps' jobs come from the settings, so notifications imports none of them.
        sweeps = [import_string(path) for path in settings.SCHEDULED_SWEEPS]
        last_daily = None
        while True:
            # With REDIS_URL, clocks on several machines take turns (core/locks.py).
            with exclusive("clock.requeue", timeout=max(120.0, 4 * interval)) as held:
                queued = requeue_due() if held else 0
                if held:
                    for sweep in sweeps:
                        sweep()
            if queued:
                self.stdout.write(f"다시 대기열에 넣은 메시지 {queued}건")
            today = timezone.localdate()
            if last_daily != today:
                # The lock is kept for the day once done, so a second clock skips the day.
                with exclusive(f"clock.daily:{today}", timeout=36 * 3600, keep=True) as held:
                    if held:
                        # Each job is idempotent, so running them at start-up as well is safe.
                        for command in settings.SCHEDULED_DAILY_COMMANDS:
                            call_command(command, stdout=self.stdout)
                        last_daily = today
            if once:
                return
            time.sleep(max(interval, 1.0))
