from meisterhub.meisters.services import save_meister

_counter = iter(range(1, 1_000_000))


def make_meister(*, fields=("WELD",), name=None, weekdays=("월",), actor=None, **profile):
    """A meister saved through the real service, as staff or an import would."""
    n = next(_counter)
    return save_meister(
        actor=actor,
        roster_id=profile.pop("roster_id", f"T{n:04d}"),
        field_codes=list(fields),
        name=name or f"마이스터{n}",
        title=profile.pop("title", "기술사"),
        career=profile.pop("career", "창원국가산단 제조 현장에서 20년 근무했다."),
        keywords=profile.pop("keywords", ["현장 개선"]),
        weekdays=list(weekdays),
        **profile,
    )
