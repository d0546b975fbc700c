from django.apps import AppConfig


class CompaniesConfig(AppConfig):
    name = "meisterhub.companies"
    verbose_name = "기업"
