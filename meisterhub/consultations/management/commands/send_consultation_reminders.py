from django.core.management.base import BaseCommand

from meisterhub.consultations.services import enqueue_reminders


class Command(BaseCommand):
    help = "내일 확정된 상담에 전날 알림(메일·문자)을 한 번씩 보냅니다. 매일 한 번 실행하세요."

    def handle(self, *args, **options):
        count = enqueue_reminders()
        self.stdout.write(f"전날 알림 {count}건을 보냈습니다.")
