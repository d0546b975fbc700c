from datetime import timedelta

from django.utils import timezone

from meisterhub.events.models import Contest, Criterion, Event


def make_event(**overrides) -> Event:
    now = timezone.now()
    values = {
        "title": "수소산업 기술수요 설명회", "kind": "briefing", "area": "hydrogen",
        "starts_at": now + timedelta(days=10), "ends_at": now + timedelta(days=10, hours=2),
        "place": "창원컨벤션센터 301호", "capacity": 2,
        "registration_opens_at": now - timedelta(days=1),
        "registration_closes_at": now + timedelta(days=9), "status": "published",
    }
    values.update(overrides)
    return Event.objects.create(**values)


def make_past_event(days_ago: int, **overrides) -> Event:
    now = timezone.now()
    start = now - timedelta(days=days_ago)
    return make_event(starts_at=start, ends_at=start + timedelta(hours=2),
                      registration_opens_at=start - timedelta(days=20),
                      registration_closes_at=start - timedelta(days=1), **overrides)


def make_contest(*, deadline_in_days: int = 5, **event_overrides) -> Contest:
    event = make_event(title="창업 아이디어 공모전", kind="contest", area="startup_jobs",
                       capacity=100, **event_overrides)
    contest = Contest.objects.create(
        event=event, submission_deadline=timezone.now() + timedelta(days=deadline_in_days))
    Criterion.objects.create(contest=contest, name="창의성", weight=40, max_score=10, order=1)
    Criterion.objects.create(contest=contest, name="사업성", weight=60, max_score=20, order=2)
    return contest
