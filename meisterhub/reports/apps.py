from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "meisterhub.reports"
    verbose_name = "보고서"
