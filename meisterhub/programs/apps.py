from django.apps import AppConfig


class ProgramsConfig(AppConfig):
    name = "meisterhub.programs"
    verbose_name = "지원사업"
