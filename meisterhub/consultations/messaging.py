"""Text messages (SMS, KakaoTalk AlimTalk) through a swappable provider backend.

`SMS_BACKEND` names the class (dotted path); a real provider is a new backend and a setting.
"""

import logging
import sys
from dataclasses import dataclass

from django.utils.module_loading import import_string

from . import conf

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class TextMessage:
    to: str  # E.164
    body: str
    channel: str = "sms"  # "sms" or "alimtalk"
    template_code: str = ""  # AlimTalk needs a pre-approved template


class BaseBackend:
    def send(self, message: TextMessage) -> None:
        raise NotImplementedError


class ConsoleBackend(BaseBackend):
    """Prints messages; the default until a provider is configured."""

    def send(self, message: TextMessage) -> None:
        sys.stdout.write(f"[{message.channel} → {message.to}] {message.body}\n")


class InMemoryBackend(BaseBackend):
    """Keeps messages in `outbox` for tests."""

    outbox: list[TextMessage] = []

    def send(self, message: TextMessage) -> None:
        type(self).outbox.append(message)


def get_backend() -> BaseBackend:
    return import_string(conf.sms_backend())()


def send_text(*, to: str, body: str, channel: str = "sms", template_code: str = "") -> bool:
    """Send when there is a number; a provider failure is logged, never raised to the caller."""
    if not to:
        return False
    try:
        get_backend().send(TextMessage(to, body, channel, template_code))
    except Exception:
        logger.exception("text message to %s failed", to)
        return False
    return True
