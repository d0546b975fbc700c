from django.urls import reverse

from meisterhub.notifications.services import Recipient, notify


def inquiry_routed(inquiry) -> None:
    """The meister or staff owner learns that an inquiry waits for their answer."""
    owner = inquiry.owner_meister.user if inquiry.owner_meister_id else inquiry.owner_staff
    if owner is None:
        return
    notify(recipients=[Recipient.of(owner)], kind="inquiry", template="inquiry_routed",
           record=inquiry, event=f"routed.{owner.pk}",
           subject=f"[마이스터 허브] 원스톱 문의 배정 {inquiry.reference}",
           text=(f"'{inquiry.title}' 문의가 배정되었습니다. "
                 f"{inquiry.deadline:%Y-%m-%d}까지 답변해 주세요."),
           link=reverse("network:inquiry_detail", args=[inquiry.pk]))


def inquiry_answered(inquiry) -> None:
    """The inquirer gets the answer: by mail when they left an address, in the inbox if a user."""
    user = inquiry.submitted_by if inquiry.submitted_by_id else None
    recipient = Recipient(user=user, email=inquiry.email or (user.email if user else ""))
    notify(recipients=[recipient], kind="inquiry", template="inquiry_answered",
           record=inquiry, event="answered",
           subject=f"[마이스터 허브] 문의에 답변드립니다 {inquiry.reference}",
           text=f"{inquiry.name}님, '{inquiry.title}' 문의의 답변입니다.\n\n{inquiry.answer}",
           link=reverse("network:inquiry_detail", args=[inquiry.pk]) if user else "")
