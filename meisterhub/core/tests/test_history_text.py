"""History reads in Korean on pages, and a stale edit is refused with what changed since."""

import pytest

from meisterhub.accounts.tests.factories import UserFactory
from meisterhub.companies import services
from meisterhub.companies.models import Industry, Membership
from meisterhub.companies.tests.factories import CompanyFactory, MembershipFactory
from meisterhub.core import history
from meisterhub.core.history_text import describe, readable_history_of
from meisterhub.core.locking import StaleEdit, check_version

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_and_company():
    user = UserFactory(role="company_member", full_name="김가나")
    company = CompanyFactory(name="가나정밀", size_class="sme", representative="김철수")
    MembershipFactory(user=user, company=company, position=Membership.Position.ADMIN)
    return user, company


def test_an_update_reads_as_a_korean_sentence_with_labels_and_choice_names(admin_and_company):
    user, company = admin_and_company
    services.update_company(
        actor=user, company=company, size_class="midsize", representative="이영희"
    )
    entry = history.history_of(company).first()
    text = describe(entry)
    assert text.startswith("기업 정보 수정: ")
    assert "규모(중소기업 → 중견기업)" in text
    assert "대표자(김철수 → 이영희)" in text
    assert "size_class" not in text and "companies." not in text and "updated_at" not in text


def test_a_foreign_key_change_shows_the_related_records_name(admin_and_company):
    user, company = admin_and_company
    other = Industry.objects.exclude(pk=company.industry_id).order_by("code").first()
    old = str(company.industry)
    services.update_company(actor=user, company=company, industry=other)
    rows = readable_history_of(company)
    assert f"({old} → {other})" in rows[0]["text"]
    assert rows[0]["actor"] == "김가나"


def test_the_company_page_shows_the_sentence_not_the_codes(client, admin_and_company):
    user, company = admin_and_company
    services.update_company(actor=user, company=company, size_class="midsize")
    client.force_login(user)
    page = client.get(f"/companies/{company.pk}/").content.decode()
    assert "규모(중소기업 → 중견기업)" in page
    assert "companies.company" not in page and "size_class" not in page


def _save_as(actor, company, version: int, **changes):
    """A versioned save the way services do it: check, bump, record the diff."""
    check_version(company, version)
    before = {"version": company.version, **{k: getattr(company, k) for k in changes}}
    for key, value in changes.items():
        setattr(company, key, value)
    company.version += 1
    after = {"version": company.version, **changes}
    history.record(
        actor=actor, action="companies.company.updated", instance=company,
        changes=history.diff(before, after),
    )


def test_a_stale_save_is_refused_with_what_changed_since(admin_and_company):
    user, company = admin_and_company
    company.version = 1
    _save_as(user, company, 1, representative="이영희")
    with pytest.raises(StaleEdit) as refused:
        _save_as(user, company, 1, representative="박민수")
    assert refused.value.code == "conflict"
    assert ("대표자", "김철수", "이영희") in refused.value.changes
    assert "대표자(김철수 → 이영희)" in refused.value.message
    assert company.representative == "이영희"
    _save_as(user, company, 2, representative="박민수")  # reloaded: allowed
    assert company.version == 3


def test_times_read_in_local_time_and_api_input_errors_in_korean():
    from meisterhub.consultations.models import Booking, RotationBlock
    from meisterhub.core.api_errors import validation_sentence
    from meisterhub.core.history_text import format_value

    starts = Booking._meta.get_field("starts_at")
    assert format_value(starts, "2026-12-03 05:00:00+00:00") == "2026-12-03 14:00"
    assert format_value(RotationBlock._meta.get_field("start_time"), "10:00:00") == "10:00"
    sentence = validation_sentence([
        {"loc": ("body", "payload", "capacity"), "type": "int_parsing"},
        {"loc": ("body", "payload", "title"), "type": "missing"},
    ])
    assert sentence == "입력값을 확인해 주세요: capacity(정수여야 합니다), title(필수 항목입니다)."
