from django_tasks import task


@task()
def remember_routing_task(
    source: str,
    source_id: int,
    text: str,
    field_code: str,
    meister_id: int | None,
    suggested_code: str,
    actor_id: int | None,
) -> None:
    """Analyse a routed request and keep its terms with the decision (learning.py)."""
    from .learning import store_routing

    store_routing(source, source_id, text, field_code, meister_id, suggested_code, actor_id)
