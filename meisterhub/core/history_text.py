"""History entries read as Korean sentences: "기업 정보 수정: 규모(중소기업 → 중견기업)".

Field names come from the model's verbose names and values from its choices, so a page never
shows an action code or a column name.
"""

from collections.abc import Iterable

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import timezone
from django.utils.dateparse import parse_datetime, parse_time

from .models import History
from .privacy import mask_value, personal_fields_of

# Bookkeeping columns that say nothing to a reader.
HIDDEN_FIELDS = {"id", "created_at", "updated_at", "version", "sequence"}
EMPTY = "(없음)"
MAX_VALUE_LENGTH = 40

# The last part of an action code → the Korean verb. An app may register a fuller label.
VERBS = {
    "created": "등록", "updated": "정보 수정", "deleted": "삭제", "saved": "저장",
    "published": "게시", "unpublished": "게시 취소", "closed": "마감", "opened": "개설",
    "copied": "복사", "cancelled": "취소", "confirmed": "확정", "declined": "거절",
    "proposed": "다른 시간 제안", "rescheduled": "일정 변경", "requested": "신청",
    "submitted": "제출", "resubmitted": "재제출", "withdrawn": "철회", "approved": "승인",
    "rejected": "반려", "completed": "완료", "written": "작성", "answered": "답변",
    "routed": "배정", "received": "접수", "invited": "초대", "scored": "채점",
    "screened": "요건 검토", "selected": "선정 확정", "designated": "지정", "given": "수여",
    "imported": "가져오기", "reported": "보고", "granted": "동의", "signed_up": "가입",
    "anonymised": "익명 처리", "checked_in": "출석 확인", "promoted": "대기에서 확정",
    "announced": "안내 발송", "needs_change": "변경 필요로 전환", "resent": "재발송",
    "status_changed": "상태 변경", "moved": "이동", "visited": "방문", "logged": "기록",
    "added": "추가", "removed": "제거", "assigned": "배정", "judge_assigned": "심사위원 배정",
    "ranking_published": "순위 공개", "document_uploaded": "서류 업로드",
    "supplement_requested": "보완 요청", "member_added": "위원 추가", "seat_granted": "위원 위촉",
    "minutes_recorded": "회의록 기록", "milestone_done": "단계 완료", "contacts_viewed": "연락처 열람",
    "declared": "신고",
}

ACTION_LABELS: dict[str, str] = {}


def register_action(code: str, label: str) -> None:
    """A Korean label for an action code whose generic reading would be wrong."""
    ACTION_LABELS[code] = label


def action_label(entry: History) -> str:
    if entry.action in ACTION_LABELS:
        return ACTION_LABELS[entry.action]
    model = entry.content_type.model_class() if entry.content_type_id else None
    noun = str(model._meta.verbose_name) if model else ""
    verb = VERBS.get(entry.action.rsplit(".", 1)[-1], "변경")
    return f"{noun} {verb}".strip()


def _field(model, name: str):
    if model is None:
        return None
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_VALUE_LENGTH else text[: MAX_VALUE_LENGTH - 1] + "…"


def _moment(field, value) -> str | None:
    """Times as a person reads them: local "2026-12-03 14:00", "10:00"; None if not a time."""
    if not isinstance(value, str) or field is None:
        return None
    if isinstance(field, models.DateTimeField):
        moment = parse_datetime(value)
        if moment is None:
            return None
        if timezone.is_aware(moment):
            moment = timezone.localtime(moment)
        return moment.strftime("%Y-%m-%d %H:%M")
    if isinstance(field, models.TimeField):
        moment = parse_time(value)
        return moment.strftime("%H:%M") if moment else None
    return None


def format_value(field, value, related: dict | None = None) -> str:
    """One stored value as a reader sees it: choice labels, 예/아니오, names of related records."""
    if value is None or value == "" or value == []:
        return EMPTY
    if isinstance(value, bool):
        return "예" if value else "아니오"
    if field is not None and field.choices:
        labels = {str(k): str(v) for k, v in field.flatchoices}
        if isinstance(value, list):
            return ", ".join(labels.get(str(v), str(v)) for v in value)
        return labels.get(str(value), str(value))
    when = _moment(field, value)
    if when:
        return when
    if field is not None and field.is_relation and related is not None:
        name = related.get((field.related_model, str(value)))
        if name:
            return _shorten(name)
    if isinstance(value, list):
        return _shorten(", ".join(str(v) for v in value))
    if isinstance(value, dict):
        return _shorten(", ".join(f"{k} {v}" for k, v in value.items()))
    return _shorten(str(value))


def field_label(model, name: str) -> str:
    field = _field(model, name)
    return str(field.verbose_name) if field is not None else name


def field_changes(entry: History, related: dict | None = None) -> list[tuple[str, str, str]]:
    """(field label, old, new) for each shown field of the entry, in the model's field order."""
    model = entry.content_type.model_class() if entry.content_type_id else None
    changes = entry.changes if isinstance(entry.changes, dict) else {}
    order = {f.name: i for i, f in enumerate(model._meta.fields)} if model else {}
    # Personal data (core/privacy.py) is never quoted in full in a history sentence.
    personal = set(personal_fields_of(model)) if model else set()
    rows = []
    for name in sorted(changes, key=lambda n: (order.get(n, 999), n)):
        if name in HIDDEN_FIELDS:
            continue
        pair = changes[name]
        field = _field(model, name)
        values = list(pair) if isinstance(pair, (list, tuple)) and len(pair) == 2 else ["", pair]
        if name in personal:
            values = [mask_value(str(v)) if v else v for v in values]
        old = format_value(field, values[0], related) if values[0] != "" else ""
        new = format_value(field, values[1], related)
        rows.append((field_label(model, name), old, new))
    return rows


def describe(entry: History, related: dict | None = None) -> str:
    """"기업 정보 수정: 규모(중소기업 → 중견기업), 대표자(김철수 → 이영희)"."""
    head = action_label(entry)
    if entry.action.endswith(".created"):
        return head  # every field is new: the record itself shows them
    parts = []
    for label, old, new in field_changes(entry, related):
        parts.append(f"{label}({old} → {new})" if old else f"{label}({new})")
    return f"{head}: {', '.join(parts)}" if parts else head


def related_names(entries: Iterable[History]) -> dict:
    """Names of the records that changed foreign keys point at, one query per related model."""
    wanted: dict = {}
    for entry in entries:
        model = entry.content_type.model_class() if entry.content_type_id else None
        for name, pair in (entry.changes or {}).items():
            field = _field(model, name)
            if field is None or not field.is_relation or field.many_to_many:
                continue
            values = pair if isinstance(pair, (list, tuple)) else [pair]
            ids = {str(v) for v in values if v not in (None, "")}
            wanted.setdefault(field.related_model, set()).update(ids)
    names = {}
    for related_model, ids in wanted.items():
        if not ids:
            continue
        for obj in related_model._default_manager.filter(pk__in=ids):
            names[(related_model, str(obj.pk))] = str(obj)
    return names


def readable(entries: Iterable[History]) -> list[dict]:
    """Entries ready for a page: when, who, the sentence, and the field rows."""
    entries = list(entries)
    related = related_names(entries)
    return [
        {
            "at": entry.created_at,
            "actor": entry.actor.full_name if entry.actor_id else "시스템",
            "label": action_label(entry),
            "text": describe(entry, related),
            "changes": field_changes(entry, related),
        }
        for entry in entries
    ]


def readable_history_of(instance: models.Model, limit: int = 30) -> list[dict]:
    from .history import history_of

    return readable(history_of(instance).select_related("content_type")[:limit])
