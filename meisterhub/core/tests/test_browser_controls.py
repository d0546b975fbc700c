"""Native checkboxes, radios and legends stay visible although KRDS hides the unstyled ones."""

import pytest

from meisterhub.core.browser_testing import log_in_as


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_checkboxes_and_legends_are_drawn(page, member_a):
    log_in_as(page, member_a)
    page.goto(f"{page.base_url}/notifications/settings/")
    box = page.get_by_role("checkbox").first.bounding_box()
    assert box["width"] >= 10 and box["height"] >= 10  # not the 1px box of a hidden control
    legend = page.locator("fieldset > legend").first.bounding_box()
    assert legend["width"] > 50 and legend["height"] > 10
