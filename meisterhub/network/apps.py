from django.apps import AppConfig


class NetworkConfig(AppConfig):
    name = "meisterhub.network"
    verbose_name = "네트워크"
