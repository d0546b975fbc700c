from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from meisterhub.core.errors import DomainError
from meisterhub.core.progress import ProgressBar
from meisterhub.meisters.importing import import_meisters, read_rows


class Command(BaseCommand):
    help = (
        "마이스터 명부(JSONL, CSV, XLSX)를 가져옵니다. 같은 ID는 갱신하고 중복 생성하지 않습니다."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--skip-invalid",
            action="store_true",
            help="잘못된 행은 건너뛰고 올바른 행만 가져옵니다.",
        )
        parser.add_argument("--dry-run", action="store_true", help="검사만 하고 저장하지 않습니다.")

    def handle(self, *args, file: Path, skip_invalid: bool, dry_run: bool, **options):
        if not file.exists():
            raise CommandError(f"파일이 없습니다: {file}")
        try:
            total = len(read_rows(file))
            bar = ProgressBar(total, stream=self.stderr, label="가져오는 중")
            report = import_meisters(
                file, skip_invalid=skip_invalid, dry_run=dry_run, progress=bar.step
            )
        except DomainError as exc:
            raise CommandError(exc.message) from None
        bar.finish()
        for error in report.errors:
            self.stderr.write(f"  {error}")
        if report.errors and not skip_invalid:
            raise CommandError(
                f"잘못된 행 {len(report.errors)}개가 있어 아무것도 가져오지 않았습니다. "
                "올바른 행만 가져오려면 --skip-invalid 를 붙이세요."
            )
        if dry_run:
            self.stdout.write(
                f"검사 완료: {report.rows}행 중 오류 {len(report.errors)}행 (저장 안 함)"
            )
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"가져오기 완료: 새로 {report.created}명, 갱신 {report.updated}명, "
                f"건너뜀 {len(report.errors)}행"
            )
        )
