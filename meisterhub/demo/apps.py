from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo data of `make run` (seed_demo). It sits above every app and may import any of
    them; no app imports it."""

    name = "meisterhub.demo"
    verbose_name = "데모 데이터"
