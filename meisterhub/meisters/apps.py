from django.apps import AppConfig


class MeistersConfig(AppConfig):
    name = "meisterhub.meisters"
    verbose_name = "마이스터"
