from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "meisterhub.core"
    verbose_name = "공통"
