"""The matcher over the live roster of active meisters, rebuilt only when the roster changes."""

import threading

from django.db.models import Count, Max

from meisterhub.meisters.models import Meister, MeisterField

from .learning import history_version, load_history
from .ranker import Matcher, MatchResult, MeisterProfile

_lock = threading.Lock()
_cache: dict = {"version": None, "matcher": None, "history": None}

ORG_TYPE_LABELS = {
    "startup": "스타트업",
    "pre_founder": "예비창업자",
    "sme": "중소기업",
    "midsize": "중견기업",
}


def _roster_version() -> tuple:
    stats = Meister.objects.filter(is_active=True).aggregate(n=Count("id"), at=Max("updated_at"))
    links = MeisterField.objects.aggregate(n=Count("id"), top=Max("id"))
    return stats["n"], stats["at"], links["n"], links["top"]


def _profiles() -> list[MeisterProfile]:
    meisters = Meister.objects.filter(is_active=True).prefetch_related("field_links")
    return [
        MeisterProfile(
            id=str(m.pk),
            name=m.name,
            title=m.title,
            fields=[link.field_id for link in sorted(m.field_links.all(), key=lambda x: x.order)],
            career=m.career,
            keywords=list(m.keywords),
            days=m.weekday_names,
        )
        for m in meisters
    ]


def get_matcher() -> Matcher:
    version, past = _roster_version(), history_version()
    with _lock:
        if _cache["version"] != version:
            _cache["matcher"] = Matcher(_profiles())
            _cache["version"] = version
            _cache["history"] = None
        if _cache["history"] != past:
            _cache["matcher"].history = load_history()  # one reference swap: readers see either
            _cache["history"] = past
        return _cache["matcher"]


def match_request(text: str, org_type: str | None = None, top_meisters: int = 5) -> MatchResult:
    """Rank fields and active meisters for a request; org_type is a Company.org_type code."""
    label = ORG_TYPE_LABELS.get(org_type or "", org_type)
    return get_matcher().rank(text or "", org_type=label, top_meisters=top_meisters)
