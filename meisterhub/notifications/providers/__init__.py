"""Text-message providers (SMS, LMS, KakaoTalk AlimTalk), chosen by the `SMS_BACKEND` setting."""

from django.conf import settings
from django.utils.module_loading import import_string

from .base import BaseTextBackend, ProviderError, SendResult, TextMessage

DEFAULT_BACKEND = "meisterhub.notifications.providers.console.ConsoleBackend"


def get_text_backend() -> BaseTextBackend:
    return import_string(getattr(settings, "SMS_BACKEND", DEFAULT_BACKEND))()


__all__ = ["BaseTextBackend", "ProviderError", "SendResult", "TextMessage", "get_text_backend"]
