"""Staff running events: create, edit (optimistic locking), publish, close, cancel, copy."""


from django.db import transaction
from django.utils import timezone

from meisterhub.accounts.roles import require_staff
from meisterhub.companies.models import OrgType
from meisterhub.core.errors import DomainError
from meisterhub.core.history import diff, record
from meisterhub.core.history_text import register_action
from meisterhub.core.locking import bump, check_version

from . import notices
from .contest_manage_services import weight_refusal
from .models import Contest, Event, EventKind, ProgramArea, Registration
from .snapshots import local_snapshot

# What the staff form and the API may set; status and version move only through the actions.
EDITABLE_FIELDS = (
    "title", "kind", "area", "description", "starts_at", "ends_at", "place", "facility",
    "capacity", "registration_opens_at", "registration_closes_at", "eligible_org_types",
    "allow_individuals", "waitlist_enabled",
)
REQUIRED_FIELDS = (
    "title", "kind", "area", "starts_at", "ends_at", "capacity", "registration_opens_at",
    "registration_closes_at",
)
NOT_NULL_FIELDS = (*REQUIRED_FIELDS, "allow_individuals", "waitlist_enabled")
DATE_FIELDS = ("starts_at", "ends_at", "registration_opens_at", "registration_closes_at")
COPY_SUFFIX = " (사본)"
MAX_CAPACITY = 100_000

register_action("events.event.closed", "참가 신청 마감")


MANAGE_REFUSAL = "운영자만 행사를 관리할 수 있습니다."


def event_rule_errors(values: dict, *, seated: int = 0) -> list[tuple[str, str]]:
    """Every broken rule of an event's settings as (field, Korean message); missing values
    are left to the form or schema. The form shows them all, the services raise the first."""
    errors = []
    title = (values.get("title") or "").strip()
    if "title" in values and not title:
        errors.append(("title", "행사명을 입력해 주세요."))
    elif len(title) > 120:
        errors.append(("title", "행사명은 120자 이내로 입력해 주세요."))
    if "kind" in values and values["kind"] not in EventKind.values:
        errors.append(("kind", "행사 유형을 목록에서 골라 주세요."))
    if "area" in values and values["area"] not in ProgramArea.values:
        errors.append(("area", "사업 분야를 목록에서 골라 주세요."))
    for name in DATE_FIELDS:
        value = values.get(name)
        if value is not None and not 2000 <= value.year <= 2100:
            errors.append((name, "일시를 다시 확인해 주세요 (2000~2100년)."))
    if any(field in DATE_FIELDS for field, _ in errors):
        return errors
    capacity = values.get("capacity")
    if capacity is not None and capacity < 1:
        errors.append(("capacity", "정원은 1명 이상이어야 합니다."))
    elif capacity is not None and capacity > MAX_CAPACITY:
        errors.append(("capacity", f"정원은 {MAX_CAPACITY:,}명 이하로 입력해 주세요."))
    elif capacity is not None and capacity < seated:
        errors.append(("capacity", f"이미 참가 확정된 인원({seated}명)보다 적게 정원을 줄일 수 "
                                   "없습니다."))
    starts, ends = values.get("starts_at"), values.get("ends_at")
    opens, closes = values.get("registration_opens_at"), values.get("registration_closes_at")
    if starts and ends and ends <= starts:
        errors.append(("ends_at", "종료 일시는 시작 일시보다 뒤여야 합니다."))
    if opens and closes and closes <= opens:
        errors.append(("registration_closes_at", "신청 마감은 신청 시작보다 뒤여야 합니다."))
    elif closes and starts and closes > starts:
        errors.append(("registration_closes_at", "신청 마감은 행사 시작 전이어야 합니다."))
    if "place" in values and not (values.get("place") or "").strip() \
            and not values.get("facility"):
        errors.append(("place", "장소를 입력하거나 시설을 골라 주세요."))
    elif len(values.get("place") or "") > 120:
        errors.append(("place", "장소는 120자 이내로 입력해 주세요."))
    unknown = set(values.get("eligible_org_types") or []) - set(OrgType.values)
    if unknown:
        errors.append(("eligible_org_types", "참가 가능 기업 유형을 목록에서 골라 주세요."))
    return errors


def _check_rules(values: dict, *, seated: int = 0) -> None:
    errors = event_rule_errors(values, seated=seated)
    if errors:
        field, message = errors[0]
        raise DomainError(message, field=field)


def _clean(values: dict) -> dict:
    unknown = set(values) - set(EDITABLE_FIELDS)
    if unknown:
        raise DomainError("바꿀 수 없는 항목입니다: " + ", ".join(sorted(unknown)))
    cleaned = dict(values)
    empty = [name for name in NOT_NULL_FIELDS if name in cleaned and cleaned[name] in (None, "")]
    if empty:
        raise DomainError("필수 항목을 입력해 주세요.", field=empty[0])
    for name in ("title", "place", "description"):
        if name in cleaned:
            cleaned[name] = (cleaned[name] or "").strip()
    if "eligible_org_types" in cleaned:
        cleaned["eligible_org_types"] = sorted(set(cleaned["eligible_org_types"] or []))
    return cleaned


def create_event(*, actor, values: dict) -> Event:
    """A new event in draft; for a contest, its judging side with the registration window as
    the submission window until staff set their own."""
    require_staff(actor, MANAGE_REFUSAL)
    values = _clean(values)
    missing = [name for name in REQUIRED_FIELDS if values.get(name) in (None, "")]
    if missing:
        raise DomainError("필수 항목을 입력해 주세요.", field=missing[0])
    _check_rules({"place": "", **values})
    with transaction.atomic():
        event = Event.objects.create(status=Event.Status.DRAFT, **values)
        record(actor=actor, action="events.event.created", instance=event,
               changes=diff({}, local_snapshot(event)))
        if event.kind == EventKind.CONTEST:
            _attach_contest(actor, event)
    return event


def _attach_contest(actor, event: Event, source: Contest | None = None) -> Contest:
    contest = Contest.objects.create(
        event=event,
        submission_opens_at=source.submission_opens_at if source else event.registration_opens_at,
        submission_deadline=source.submission_deadline if source
        else event.registration_closes_at,
    )
    if source is not None:
        for criterion in source.criteria.all():
            contest.criteria.create(name=criterion.name, weight=criterion.weight,
                                    max_score=criterion.max_score, order=criterion.order)
    record(actor=actor, action="events.contest.created", instance=contest,
           changes=diff({}, local_snapshot(contest, ["submission_opens_at",
                                                     "submission_deadline"])))
    return contest


def _seated(event: Event) -> int:
    return Registration.objects.filter(event=event, status__in=Registration.SEATED).count()


def _locked(event: Event, expected_version: int | None = None) -> Event:
    locked = Event.objects.select_for_update().get(pk=event.pk)
    check_version(locked, expected_version)
    return locked


def update_event(*, actor, event: Event, values: dict,
                 expected_version: int | None = None) -> Event:
    """Save new settings unless someone saved since `expected_version` was loaded."""
    require_staff(actor, MANAGE_REFUSAL)
    values = _clean(values)
    with transaction.atomic():
        locked = _locked(event, expected_version)
        if locked.status == Event.Status.CANCELLED:
            raise DomainError("취소된 행사는 수정할 수 없습니다.")
        current = {name: getattr(locked, name) for name in EDITABLE_FIELDS}
        seated = _seated(locked)
        _check_rules({**current, **values}, seated=seated)
        kind_before = locked.kind
        before = local_snapshot(locked)
        for name, value in values.items():
            setattr(locked, name, value)
        _kind_changed(actor, locked, kind_before)
        bump(locked)
        locked.save()
        record(actor=actor, action="events.event.updated", instance=locked,
               changes=diff(before, local_snapshot(locked)))
        if locked.capacity > seated:
            _promote_waitlist(actor, locked, free=locked.capacity - seated)
    event.refresh_from_db()
    return event


def _kind_changed(actor, event: Event, kind_before: str) -> None:
    contest = Contest.objects.filter(event=event).first()
    if event.kind == EventKind.CONTEST and contest is None:
        _attach_contest(actor, event)
    elif kind_before == EventKind.CONTEST and event.kind != EventKind.CONTEST and contest:
        if contest.submissions.exists():
            raise DomainError("제출작이 있는 공모전은 다른 유형으로 바꿀 수 없습니다.", field="kind")
        record(actor=actor, action="events.contest.deleted", instance=contest,
               changes=diff(local_snapshot(contest, ["submission_deadline"]), {}))
        contest.delete()


def _promote_waitlist(actor, event: Event, *, free: int) -> None:
    """A larger capacity seats the waitlist in order, as a cancellation would."""
    # The notice names the place (the room, when the event is held in one): joined, not read
    # once per person. The room is not locked (nor may it be: it is an outer join).
    waiting = Registration.objects.select_for_update(of=("self", "user", "event")).select_related(
        "user", "event__facility").filter(
        event=event, status=Registration.Status.WAITLISTED).order_by("position")[:free]
    for registration in waiting:
        registration.status = Registration.Status.REGISTERED
        registration.save(update_fields=["status"])
        record(actor=actor, action="events.registration.promoted", instance=registration,
               changes={"status": [Registration.Status.WAITLISTED, registration.status]})
        notices.promoted(registration)


def _change_status(actor, locked: Event, action: str, **changes) -> Event:
    before = local_snapshot(locked)
    for name, value in changes.items():
        setattr(locked, name, value)
    bump(locked)
    locked.save()
    record(actor=actor, action=action, instance=locked,
           changes=diff(before, local_snapshot(locked)))
    return locked


def rubric_refusal(contest: Contest | None) -> str | None:
    if contest is None:
        return "공모전 설정이 없습니다."
    refusal = weight_refusal([c.weight for c in contest.criteria.all()])
    return f"공모전을 게시할 수 없습니다. {refusal}" if refusal else None


def publish_event(*, actor, event: Event) -> Event:
    """Draft → published: from now on the public list shows it and people may register."""
    require_staff(actor, MANAGE_REFUSAL)
    with transaction.atomic():
        locked = _locked(event)
        if locked.status != Event.Status.DRAFT:
            raise DomainError("준비 중인 행사만 게시할 수 있습니다.")
        if locked.starts_at <= timezone.now():
            raise DomainError("시작 일시가 지난 행사는 게시할 수 없습니다. 일정을 먼저 고쳐 주세요.",
                              field="starts_at")
        original = locked.copied_from
        if original is not None and locked.starts_at == original.starts_at:
            raise DomainError("사본의 일정(시작·종료·신청 기간)을 새로 정한 뒤 게시하세요.",
                              field="starts_at")
        if locked.kind == EventKind.CONTEST:
            refusal = rubric_refusal(Contest.objects.filter(event=locked).first())
            if refusal:
                raise DomainError(refusal, field="criteria")
        _change_status(actor, locked, "events.event.published", status=Event.Status.PUBLISHED)
    event.refresh_from_db()
    return event


def close_registration(*, actor, event: Event) -> Event:
    """End the registration window now (the seats taken so far stay)."""
    require_staff(actor, MANAGE_REFUSAL)
    now = timezone.now()
    with transaction.atomic():
        locked = _locked(event)
        if locked.status != Event.Status.PUBLISHED:
            raise DomainError("게시된 행사만 신청을 마감할 수 있습니다.")
        if locked.registration_closes_at <= now:
            raise DomainError("이미 신청이 마감되었습니다.")
        if locked.registration_opens_at >= now:
            raise DomainError("아직 신청 기간이 시작되지 않았습니다. 신청 기간을 고쳐 주세요.")
        _change_status(actor, locked, "events.event.closed", registration_closes_at=now)
    event.refresh_from_db()
    return event


def cancel_event(*, actor, event: Event, reason: str = "") -> int:
    """Cancel the event and every live registration; each registrant is told.

    Returns the number of registrations cancelled.
    """
    require_staff(actor, MANAGE_REFUSAL)
    reason = (reason or "").strip()
    if len(reason) > 200:
        raise DomainError("취소 사유는 200자 이내로 입력해 주세요.", field="reason")
    now = timezone.now()
    with transaction.atomic():
        locked = _locked(event)
        if locked.status == Event.Status.CANCELLED:
            raise DomainError("이미 취소된 행사입니다.")
        if locked.ends_at <= now:
            raise DomainError("이미 끝난 행사는 취소할 수 없습니다.")
        _change_status(actor, locked, "events.event.cancelled", status=Event.Status.CANCELLED,
                       cancel_reason=reason)
        live = list(Registration.objects.select_for_update().select_related("user", "event")
                    .filter(event=locked, status__in=[Registration.Status.REGISTERED,
                                                      Registration.Status.WAITLISTED]))
        for registration in live:
            before = registration.status
            registration.status = Registration.Status.CANCELLED
            registration.cancelled_at = now
            registration.save(update_fields=["status", "cancelled_at"])
            record(actor=actor, action="events.registration.cancelled", instance=registration,
                   changes={"status": [before, registration.status]})
            notices.event_cancelled(registration, reason)
    event.refresh_from_db()
    return len(live)


def copy_event(*, actor, event: Event) -> Event:
    """A new draft with the same settings (a contest keeps its rubric, not its judges);
    publish_event refuses it until its dates are changed."""
    require_staff(actor, MANAGE_REFUSAL)
    values = {name: getattr(event, name) for name in EDITABLE_FIELDS}
    title = event.title[: 120 - len(COPY_SUFFIX)] + COPY_SUFFIX
    with transaction.atomic():
        copy = Event.objects.create(**{**values, "title": title}, status=Event.Status.DRAFT,
                                    copied_from=event)
        record(actor=actor, action="events.event.copied", instance=copy,
               changes=diff({}, local_snapshot(copy)))
        if copy.kind == EventKind.CONTEST:
            _attach_contest(actor, copy, Contest.objects.filter(event=event).first())
    return copy
