from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "meisterhub.notifications"
    verbose_name = "알림"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from meisterhub.core.privacy import register_personal_fields

        register_personal_fields("notifications.message", ["address"])
