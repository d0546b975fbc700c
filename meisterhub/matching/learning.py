"""The learning loop's writes and reads: staff decisions kept as evidence for new requests."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Count, Max
from django.utils import timezone

from .analyzer import analyze
from .concepts import find_hits
from .history import History, PastRequest, request_terms
from .lexicon import get_lexicon
from .models import RoutedRequest

MAX_HISTORY = 5000  # the most recent decisions; older ones barely count (half-life one year)


def remember_routing(
    *,
    source: str,
    source_id: int,
    text: str,
    field_code: str | None,
    meister_id: int | None = None,
    suggested_code: str = "",
    actor_id: int | None = None,
) -> None:
    """After the deciding transaction commits, keep the decision (in the background: analysing
    the text needs the Korean model, which the worker holds)."""
    if not field_code or not (text or "").strip():
        return
    from .tasks import remember_routing_task

    transaction.on_commit(
        lambda: remember_routing_task.enqueue(
            source, source_id, text, field_code, meister_id, suggested_code or "", actor_id
        ),
        robust=True,  # the decision itself stands even when the queue is unreachable
    )


def store_routing(source, source_id, text, field_code, meister_id, suggested_code, actor_id):
    analysis = analyze(text)
    terms = request_terms(find_hits(analysis, get_lexicon()), analysis.morphs)
    RoutedRequest.objects.update_or_create(
        source=source,
        source_id=source_id,
        defaults={
            "field_id": field_code,
            "meister_id": meister_id,
            "suggested_field_code": suggested_code,
            "is_correction": bool(suggested_code) and suggested_code != field_code,
            "terms": terms,
            "decided_by_id": actor_id,
            "decided_at": timezone.now(),
        },
    )


def history_version() -> tuple:
    stats = RoutedRequest.objects.aggregate(n=Count("id"), at=Max("decided_at"))
    return stats["n"], stats["at"]


def load_history() -> History | None:
    rows = RoutedRequest.objects.order_by("-decided_at").values_list(
        "terms", "field_id", "meister_id", "decided_at"
    )[:MAX_HISTORY]
    past = [
        PastRequest(terms, field, str(meister) if meister else None, timezone.localdate(at))
        for terms, field, meister, at in rows
    ]
    return History(past, today=timezone.localdate()) if past else None
