from django.apps import AppConfig


class ConsultationsConfig(AppConfig):
    name = "meisterhub.consultations"
    verbose_name = "상담"
