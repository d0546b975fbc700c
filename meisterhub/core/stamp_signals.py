"""Which writes bump which cache stamps (core/stamps.py): connected once in CoreConfig.ready.

A signal is the right place for this (STYLE.md: cache invalidation), so the services stay
unaware of page caching. Bulk `QuerySet.update()` sends no signal: code that changes what the
pages below show that way calls `stamps.bump` itself.
"""

from django.apps import apps
from django.db.models.signals import m2m_changed, post_delete, post_save

from . import stamps

# model label → stamps of the public pages that show it
STAMPS_BY_MODEL = {
    "meisters.Field": ["meisters", "rotation"],
    "meisters.Meister": ["meisters", "rotation"],
    "meisters.MeisterField": ["meisters", "rotation"],
    "consultations.RotationBlock": ["rotation"],
    "companies.Company": ["companies"],
    "programs.Program": ["programs"],
    "programs.Call": ["programs"],
    "programs.Application": ["programs"],
    "events.Event": ["events"],
    "events.Registration": ["events"],
    "facilities.Facility": ["events"],
}
# The week schedule also caches each meister's row under that meister's own stamp.
MEISTER_ID = {
    "meisters.Meister": "pk",
    "meisters.MeisterField": "meister_id",
    "consultations.RotationBlock": "meister_id",
}


def _receiver(label: str):
    names = STAMPS_BY_MODEL[label]
    attribute = MEISTER_ID.get(label)

    def bump_stamps(sender, instance, **kwargs):
        found = [*names]
        if attribute and getattr(instance, attribute, None):
            found.append(stamps.meister_key(getattr(instance, attribute)))
        stamps.bump(*found)

    return bump_stamps


def connect() -> None:
    for label in STAMPS_BY_MODEL:
        model = apps.get_model(label)
        receiver = _receiver(label)
        uid = f"stamps:{label}"
        post_save.connect(receiver, sender=model, weak=False, dispatch_uid=uid + ":save")
        post_delete.connect(receiver, sender=model, weak=False, dispatch_uid=uid + ":delete")
    fields = apps.get_model("meisters.Meister").fields.through
    m2m_changed.connect(
        _receiver("meisters.MeisterField"),
        sender=fields,
        weak=False,
        dispatch_uid="stamps:meister-fields",
    )
