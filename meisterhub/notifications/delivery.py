"""Sending one outbox row through its channel: Django's mail backend or the text provider."""

import smtplib
from email.utils import make_msgid

from django.conf import settings
from django.core.mail import EmailMultiAlternatives

from .models import Channel, Message
from .providers import ProviderError, TextMessage, get_text_backend


class DeliveryError(Exception):
    def __init__(self, reason: str, *, retryable: bool):
        super().__init__(reason)
        self.reason = reason
        self.retryable = retryable


def send(message: Message) -> tuple[str, str]:
    """Returns (provider id, note); raises DeliveryError with a reason the log shows."""
    if message.channel == Channel.EMAIL:
        return _send_email(message), ""
    if message.channel == Channel.SMS:
        return _send_text(message)
    return f"inapp-{message.pk}", ""


def _send_email(message: Message) -> str:
    message_id = make_msgid(domain="meisterhub.kr")
    body = message.body + (f"\n\n바로가기: {message.link}\n" if message.link else "")
    mail = EmailMultiAlternatives(message.subject, body, to=[message.address],
                                  headers={"Message-ID": message_id})
    if message.body_html:
        mail.attach_alternative(message.body_html, "text/html")
    if message.attachment:
        mail.attach(message.attachment_name, message.attachment, message.attachment_type)
    try:
        mail.send()
    except smtplib.SMTPRecipientsRefused as error:
        raise DeliveryError(f"메일 서버가 받는 주소를 거부했습니다: {error}",
                            retryable=False) from error
    except (smtplib.SMTPException, OSError) as error:
        raise DeliveryError(f"메일 서버 오류: {error}", retryable=True) from error
    return message_id


def _send_text(message: Message) -> tuple[str, str]:
    # AlimTalk only for templates Kakao has approved (ALIMTALK_TEMPLATES maps ours to theirs);
    # everything else goes as SMS/LMS.
    kakao = getattr(settings, "ALIMTALK_TEMPLATES", {}).get(message.template, "")
    text = TextMessage(to=message.address, body=message.body,
                       channel="alimtalk" if kakao else "sms",
                       template_code=kakao or message.template, subject=message.subject[:40])
    try:
        result = get_text_backend().send(text)
    except ProviderError as error:
        raise DeliveryError(error.reason, retryable=error.retryable) from error
    except Exception as error:  # a provider bug must not leave the row "sending"
        raise DeliveryError(f"문자 발송 오류: {error!r}", retryable=True) from error
    return result.provider_id, result.note
