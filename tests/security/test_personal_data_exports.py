"""Staff exports (reports: CSV and XLSX of companies, meisters, skilled workers, outcomes) on the
authorization world: masked by default; in full only with a reason, each record logged."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from meisterhub.core.models import PersonalDataAccess
from tests.authz.conftest import _world_media, authz_media, world  # noqa: F401
from tests.authz.probe import client_for, rolled_back

from .personal_world import give_personal_data, personal_values

KINDS = ["companies", "meisters", "workers", "outcomes"]


@pytest.fixture(scope="module")
def people(world, django_db_blocker):  # noqa: F811 - the authorization world
    with django_db_blocker.unblock():
        give_personal_data(world)
    return world


def text_of(response, file_format: str) -> str:
    if file_format == "csv":
        return response.content.decode("utf-8-sig")
    book = load_workbook(io.BytesIO(response.content))
    return "\n".join(
        " ".join(str(v) for v in row if v is not None)
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
    )


def export(client, staff, kind, file_format, **extra):
    with rolled_back():
        values = personal_values(staff)
        before = PersonalDataAccess.objects.count()
        response = client.post(reverse("reports:export"),
                               {"kind": kind, "format": file_format, **extra})
        logged = {
            (f"{a.content_type.app_label}.{a.content_type.model}", a.object_id)
            for a in PersonalDataAccess.objects.order_by("pk")[before:]
        }
    assert response.status_code == 200, response.content[:500]
    text = text_of(response, file_format)
    shown = {(label, pk) for label, pk, _, form in values if form in text}
    return shown, logged


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
@pytest.mark.parametrize("kind", KINDS)
def test_a_plain_export_shows_no_personal_value_in_full(db, people, kind, file_format):
    shown, logged = export(client_for(people.staff), people.staff, kind, file_format)
    assert not shown, f"{kind}.{file_format} exports in full: {sorted(shown)}"
    assert not logged


@pytest.mark.parametrize("kind", ["companies", "workers"])
def test_a_full_export_logs_every_record_it_shows_in_full(db, people, kind):
    shown, logged = export(client_for(people.staff), people.staff, kind, "csv",
                           unmasked="on", reason="연락 명단 작성")
    assert shown, "the full export shows the values"
    assert shown <= logged, f"shown without a log: {sorted(shown - logged)}"


def test_a_full_export_without_a_reason_is_refused_and_logs_nothing(db, people):
    client = client_for(people.staff)
    with rolled_back():
        response = client.post(reverse("reports:export"),
                               {"kind": "workers", "format": "csv", "unmasked": "on"})
        assert not PersonalDataAccess.objects.exists()
    assert response.status_code == 400
    assert "열람 사유를 입력해 주세요" in response.content.decode()
