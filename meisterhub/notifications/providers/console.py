import sys
import uuid

from .base import BaseTextBackend, SendResult, TextMessage


class ConsoleBackend(BaseTextBackend):
    """Prints messages; the default until a provider is configured."""

    def send(self, message: TextMessage) -> SendResult:
        sys.stdout.write(f"[{message.channel} → {message.to}] {message.body}\n")
        sys.stdout.flush()
        return SendResult(provider_id=f"console-{uuid.uuid4().hex[:12]}", channel=message.channel)


class InMemoryBackend(BaseTextBackend):
    """Keeps messages in `outbox` for tests."""

    outbox: list[TextMessage] = []

    def send(self, message: TextMessage) -> SendResult:
        type(self).outbox.append(message)
        return SendResult(provider_id=f"mem-{len(type(self).outbox)}", channel=message.channel)
