from django.apps import AppConfig


class FacilitiesConfig(AppConfig):
    name = "meisterhub.facilities"
    verbose_name = "시설·대관"
