from django.core.management.base import BaseCommand

from meisterhub.accounts.retention import anonymise, expired_accounts, retention_days
from meisterhub.core.progress import ProgressBar


class Command(BaseCommand):
    help = "보유 기간이 지난 계정의 개인정보를 익명 처리합니다."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="대상만 세고 바꾸지 않습니다.")

    def handle(self, *args, dry_run: bool, **options):
        users = list(expired_accounts())
        if dry_run:
            self.stdout.write(f"익명 처리 대상 {len(users)}명 ({retention_days()}일 이상 미이용)")
            return
        bar = ProgressBar(len(users), stream=self.stderr, label="익명 처리")
        for user in users:
            anonymise(user)
            bar.step()
        bar.finish()
        self.stdout.write(self.style.SUCCESS(f"{len(users)}명의 개인정보를 익명 처리했습니다."))
