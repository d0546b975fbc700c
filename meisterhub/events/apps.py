from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "meisterhub.events"
    verbose_name = "행사"
