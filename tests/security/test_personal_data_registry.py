"""One registry decides what personal data is: every model field that looks like contact data
is either registered (masked, full view logged) or written down as not personal, with why."""

import re

import pytest
from django.apps import apps

from meisterhub.core.privacy import NOT_PERSONAL, PERSONAL_FIELDS, personal_fields_of

LOOKS_PERSONAL = re.compile(r"phone|e?mail|mobile|fax|address|birth|resident|representative|secret")


def project_models():
    return [m for m in apps.get_models() if m.__module__.startswith("meisterhub.")]


def test_every_contact_like_field_has_a_decision():
    undecided = []
    for model in project_models():
        label = model._meta.label_lower
        for field in model._meta.concrete_fields:
            looks = LOOKS_PERSONAL.search(field.name) or field.get_internal_type() == "EmailField"
            if not looks or field.is_relation:
                continue
            if field.name in personal_fields_of(model) or f"{label}.{field.name}" in NOT_PERSONAL:
                continue
            undecided.append(f"{label}.{field.name}")
    assert not undecided, "decide in meisterhub/core/privacy.py: " + ", ".join(undecided)


@pytest.mark.parametrize("label", sorted(PERSONAL_FIELDS))
def test_registered_fields_exist_and_are_not_also_exempt(label):
    model = apps.get_model(label)
    for name in PERSONAL_FIELDS[label]:
        model._meta.get_field(name)  # raises for a typo
        assert f"{label}.{name}" not in NOT_PERSONAL


def test_exemptions_name_real_fields():
    for key in NOT_PERSONAL:
        label, name = key.rsplit(".", 1)
        apps.get_model(label)._meta.get_field(name)
