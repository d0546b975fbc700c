from django.apps import AppConfig


class MentoringConfig(AppConfig):
    name = "meisterhub.mentoring"
    verbose_name = "멘토링"
