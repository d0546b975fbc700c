from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "meisterhub.reports"
    verbose_name = "보고서"

    def ready(self) -> None:
        from meisterhub.core.privacy import register_personal_fields

        register_personal_fields("reports.skilledworker", ["phone", "email"])
