"""Writing and reading the change history of business records."""

from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal
from uuid import UUID

from django.contrib.contenttypes.models import ContentType
from django.db import models

from .models import History

SECRET_FIELDS = {"password"}


def _plain(value):
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, (date, datetime, Decimal, UUID)):
        return str(value)
    if isinstance(value, models.fields.files.FieldFile):
        return value.name or ""
    return value


def snapshot(instance: models.Model, fields: Iterable[str] | None = None) -> dict:
    """The concrete field values of a record, as plain JSON values."""
    names = fields or [f.name for f in instance._meta.concrete_fields]
    data = {}
    for name in names:
        field = instance._meta.get_field(name)
        value = getattr(instance, field.attname)
        data[name] = "***" if name in SECRET_FIELDS else _plain(value)
    return data


def diff(before: dict, after: dict) -> dict:
    """{field: [old, new]} for every field whose value changed."""
    return {
        key: [before.get(key), after.get(key)]
        for key in after.keys() | before.keys()
        if before.get(key) != after.get(key)
    }


def record(*, actor, action: str, instance: models.Model, changes: dict | None = None) -> History:
    user = actor if getattr(actor, "is_authenticated", False) else None
    return History.objects.create(
        actor=user,
        action=action,
        content_type=ContentType.objects.get_for_model(instance, for_concrete_model=True),
        object_id=str(instance.pk),
        object_repr=str(instance)[:200],
        changes=changes or {},
    )


def history_of(instance: models.Model):
    return History.objects.filter(
        content_type=ContentType.objects.get_for_model(instance, for_concrete_model=True),
        object_id=str(instance.pk),
    ).select_related("actor")
