"""The contract every text provider keeps: send one message, return its id or raise."""

from dataclasses import dataclass


@dataclass(frozen=True)
class TextMessage:
    to: str  # E.164, a Korean mobile number (+8210...)
    body: str
    channel: str = "sms"  # "sms" or "alimtalk"
    template_code: str = ""  # AlimTalk needs a template approved by Kakao
    subject: str = ""  # LMS title when the body is long


@dataclass(frozen=True)
class SendResult:
    provider_id: str
    channel: str  # the channel it really went by ("sms", "lms", "alimtalk")
    note: str = ""  # e.g. "알림톡 템플릿 거부 → LMS 대체 발송"


class ProviderError(Exception):
    """The provider did not take the message. `retryable` is False for a refusal that a retry
    cannot fix (a rejected number), True for time-outs and 5xx answers."""

    def __init__(self, reason: str, *, retryable: bool):
        super().__init__(reason)
        self.reason = reason
        self.retryable = retryable


class BaseTextBackend:
    def send(self, message: TextMessage) -> SendResult:
        raise NotImplementedError
