"""KRDS draws checkboxes (as their label's ::before) and our legends stay visible; the full
checks of every control are in tests/a11y/test_controls.py."""

import pytest

from tests.support.browser_testing import log_in_as


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_checkboxes_and_legends_are_drawn(page, member_a):
    log_in_as(page, member_a)
    page.goto(f"{page.base_url}/notifications/settings/")
    box = page.get_by_role("checkbox").first.evaluate(
        "(el) => parseFloat(getComputedStyle(document.querySelector(`label[for='${el.id}']`),"
        " '::before').width)"
    )
    assert box >= 16  # the box KRDS draws, not the 1px native control it hides
    legend = page.locator("fieldset > legend").first.bounding_box()
    assert legend["width"] > 50 and legend["height"] > 10
