from django.core.management.base import BaseCommand, CommandError

from meisterhub.core.errors import DomainError
from meisterhub.core.progress import ProgressBar
from meisterhub.reports.models import ReportJob
from meisterhub.reports.services import check_filters, run_report_job


class Command(BaseCommand):
    help = "연간 성과 보고서(성과공유회 자료)를 PDF와 XLSX로 만듭니다."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True, help="대상 연도 (예: 2025)")
        parser.add_argument("--area", default="", help="사업 분야 코드 (예: export). 없으면 전체")

    def handle(self, *args, year: int, area: str, **options):
        try:
            year, area = check_filters(year, area)
        except DomainError as exc:
            raise CommandError(exc.message) from None
        job = ReportJob.objects.create(year=year, area=area)
        bar = ProgressBar(100, stream=self.stderr, label="보고서 생성")

        def progress(percent):
            bar.step(percent - bar.done)

        job = run_report_job(job.pk, progress=progress)
        bar.finish()
        if job.status != ReportJob.Status.DONE:
            raise CommandError(job.error)
        # Names, not paths: with STORAGE_BACKEND=s3 the files have no local path.
        self.stdout.write(self.style.SUCCESS(
            f"완료: {job.pdf_file.name}\n      {job.xlsx_file.name}"))
