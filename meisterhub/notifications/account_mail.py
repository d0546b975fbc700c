"""The mail accounts sends (the password reset link). accounts is the lower layer and does not
import notifications: it finds this sender through settings.ACCOUNT_MAIL_SENDER."""

from .services import Recipient, notify


def send_account_mail(*, user, template: str, event: str, subject: str, text: str, link: str):
    # Mail only (no inbox copy of a live link); the text is hidden from the log.
    return notify(recipients=[Recipient(email=getattr(user, "email", ""))],
                  kind="account", template=template, record=user, event=event,
                  subject=subject, text=text, link=link, sensitive=True)
