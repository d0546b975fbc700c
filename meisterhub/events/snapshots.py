"""Snapshots for the History of staff edits, with times as a reader in Korea writes them."""

from django.db import models
from django.utils import timezone

from meisterhub.core.history import snapshot


def local_snapshot(instance: models.Model, fields: list[str] | None = None) -> dict:
    """core.history.snapshot, but a DateTimeField reads "2025-05-01 14:00" (Korean time)
    instead of an ISO string in UTC."""
    data = snapshot(instance, fields)
    for name in data:
        field = instance._meta.get_field(name)
        value = getattr(instance, field.attname)
        if isinstance(field, models.DateTimeField) and value is not None:
            data[name] = timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
    return data
