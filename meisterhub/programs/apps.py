from django.apps import AppConfig


class ProgramsConfig(AppConfig):
    name = "meisterhub.programs"
    verbose_name = "지원사업"

    def ready(self):
        from meisterhub.core.history_text import register_action

        from .history_labels import LABELS

        for code, label in LABELS.items():
            register_action(code, label)
