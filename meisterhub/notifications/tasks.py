from django_tasks import task


@task()
def deliver_message(message_id: int) -> str:
    from .services import deliver

    return deliver(message_id)
