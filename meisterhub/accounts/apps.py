from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "meisterhub.accounts"
    verbose_name = "계정"
