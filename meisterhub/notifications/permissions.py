"""What staff may do to a message in its current state."""

from meisterhub.accounts.roles import is_staff

from .models import Message, Status


def can_resend(user, message: Message) -> bool:
    """Only a failed mail or SMS goes out again (services.resend checks it on the locked row)."""
    return is_staff(user) and message.status == Status.FAILED
