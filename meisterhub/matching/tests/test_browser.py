"""The matcher in the booking flow, in a real browser: suggestions appear as the problem is
typed, and a click on a suggested field fills the form."""

import pytest
from playwright.sync_api import expect

from meisterhub.consultations.tests.factories import make_sitting_meister
from tests.support.browser_testing import log_in_as

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_suggestions_follow_the_typed_problem_and_fill_the_field(page, taxonomy, member_a):
    make_sitting_meister(weekday=1, fields=("HEAT", "MATL"))
    make_sitting_meister(weekday=2, fields=("FLUID",))
    log_in_as(page, member_a)
    page.goto(page.base_url + "/consultations/new/")

    page.locator("#id_problem").press_sequentially("유압 실린더에서 기름이 새요", delay=20)
    suggestions = page.locator("#field-suggestions .suggestions")
    expect(suggestions).to_be_visible(timeout=30_000)
    first = page.locator("#field-suggestions [data-field-code]").first
    expect(first).to_have_attribute("data-field-code", "FLUID")
    assert (
        "기름" in page.locator("#field-suggestions .suggest-reason").first.inner_text()
        or "유압" in page.locator("#field-suggestions .suggest-reason").first.inner_text()
    )

    first.click()
    expect(page.locator("select[name=field]")).to_have_value("FLUID")

    page.locator("#id_problem").fill("SCM440 기어가 고주파 열처리 후 크랙")
    expect(page.locator("#field-suggestions [data-field-code]").first).to_have_attribute(
        "data-field-code", "HEAT", timeout=30_000
    )
