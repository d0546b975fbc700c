from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from meisterhub.accounts.roles import is_staff

from .models import Contest, Event, ProgramArea, Registration, Submission

SEATED = Q(registrations__status__in=Registration.SEATED)


def with_seat_counts(events: QuerySet[Event]) -> QuerySet[Event]:
    return events.annotate(
        seated_count=Count("registrations", filter=SEATED),
        waitlisted_count=Count("registrations", filter=Q(
            registrations__status=Registration.Status.WAITLISTED)),
    )


def list_upcoming_events(*, kind: str | None = None, area: str | None = None) -> QuerySet[Event]:
    events = Event.objects.filter(status=Event.Status.PUBLISHED, ends_at__gte=timezone.now())
    if kind:
        events = events.filter(kind=kind)
    if area:
        events = events.filter(area=area)
    return with_seat_counts(events.select_related("facility")).order_by("starts_at", "pk")


def get_event_for(user, pk: int) -> Event | None:
    events = Event.objects.select_related("facility", "contest")
    if not is_staff(user):
        events = events.filter(status__in=[Event.Status.PUBLISHED, Event.Status.CANCELLED])
    return with_seat_counts(events).filter(pk=pk).first()


def registrations_of(user) -> QuerySet[Registration]:
    return Registration.objects.filter(user=user).select_related(
        "event", "event__facility", "company").order_by("-event__starts_at")


def waitlist_place(registration: Registration) -> int | None:
    if registration.status != Registration.Status.WAITLISTED:
        return None
    return Registration.objects.filter(
        event_id=registration.event_id, status=Registration.Status.WAITLISTED,
        position__lte=registration.position).count()


def attendance_of(event: Event) -> dict:
    counts = Registration.objects.filter(event=event).aggregate(
        registered=Count("id", filter=Q(status__in=Registration.SEATED)),
        attended=Count("id", filter=Q(status=Registration.Status.ATTENDED)),
        waitlisted=Count("id", filter=Q(status=Registration.Status.WAITLISTED)),
    )
    return counts


def _held_events(year: int, area: str | None) -> QuerySet[Event]:
    events = Event.objects.filter(status=Event.Status.PUBLISHED, starts_at__year=year,
                                  ends_at__lt=timezone.now())
    return events.filter(area=area) if area else events


def event_counts(year: int, area: str | None = None) -> dict:
    """What the agency reports for a year (and program area): sessions held, registrants
    (seated: registered or attended) and attendees, over events that have ended."""
    counts = _held_events(year, area).aggregate(
        sessions=Count("id", distinct=True),
        registrants=Count("registrations", filter=SEATED),
        attendees=Count("registrations", filter=Q(
            registrations__status=Registration.Status.ATTENDED)),
    )
    return {"year": year, "area": area, **counts}


def event_counts_by_area(year: int) -> list[dict]:
    rows = {
        row["area"]: row for row in _held_events(year, None).values("area").annotate(
            sessions=Count("id", distinct=True),
            registrants=Count("registrations", filter=SEATED),
            attendees=Count("registrations", filter=Q(
                registrations__status=Registration.Status.ATTENDED)),
        )
    }
    empty = {"sessions": 0, "registrants": 0, "attendees": 0}
    return [
        {"area": value, "label": label, **{k: rows.get(value, empty)[k] for k in empty}}
        for value, label in ProgramArea.choices
    ]


def contests_judged_by(user) -> QuerySet[Contest]:
    return Contest.objects.filter(assignments__judge=user).select_related("event").order_by(
        "submission_deadline")


def submissions_for_judge(user, contest: Contest) -> QuerySet[Submission]:
    if not contest.assignments.filter(judge=user).exists():
        return Submission.objects.none()
    return contest.submissions.order_by("submitted_at")


def published_results(contest: Contest) -> QuerySet[Submission]:
    if not contest.is_published:
        return Submission.objects.none()
    return contest.submissions.filter(rank__isnull=False).select_related("company", "user") \
        .order_by("rank")


def list_events_for_staff(*, status: str | None = None,
                          kind: str | None = None) -> QuerySet[Event]:
    """Every event, drafts and cancelled ones too, newest first, with seat counts."""
    events = Event.objects.all()
    if status:
        events = events.filter(status=status)
    if kind:
        events = events.filter(kind=kind)
    return with_seat_counts(events.select_related("facility")).order_by("-starts_at", "-pk")


def get_event_for_staff(pk: int) -> Event | None:
    return with_seat_counts(Event.objects.select_related("facility", "contest")).filter(
        pk=pk).first()


def event_history(event: Event, limit: int = 30) -> list[dict]:
    """The event's and its contest's History, newest first, as Korean sentences."""
    from meisterhub.core.history import history_of
    from meisterhub.core.history_text import readable

    entries = history_of(event)
    contest = Contest.objects.filter(event=event).first()
    if contest is not None:
        entries = entries | history_of(contest)
    return readable(entries.select_related("content_type")[:limit])
