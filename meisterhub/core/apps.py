from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "meisterhub.core"
    verbose_name = "공통"

    def ready(self):
        from django.contrib import admin

        from .admin import keep_history_of_every_admin_change

        keep_history_of_every_admin_change(admin.site)

        from .stamp_signals import connect

        connect()  # writes bump the cache stamps of the pages that show them
