from django_tasks import task


@task()
def deliver_message(message_id: int) -> str:
    """One row; jobs queued before deliver_messages existed still name this task."""
    from .services import deliver

    return deliver(message_id)


@task()
def deliver_messages(message_ids: list[int]) -> list[str]:
    """The rows of one event in one job; each is still claimed on its own (deliver)."""
    from .services import deliver

    return [deliver(pk) for pk in message_ids]
