from django.apps import AppConfig


class MatchingConfig(AppConfig):
    name = "meisterhub.matching"
    verbose_name = "매칭"
