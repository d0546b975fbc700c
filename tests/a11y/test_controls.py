"""Checkboxes, radios and selects as KRDS draws them, in a real browser (issue 17).

KRDS hides the native control and draws the box as its label's ::before, so a control is seen,
clicked and named through the .krds-form-check markup of partials/form_field.html and
templates/django/forms/widgets/. Each checkbox below is looked at, reached with Tab, ticked with
Space, by a click on the drawn box and by a click on its label, and found by its label text."""

import re

import pytest

from meisterhub.accounts.models import Consent, User
from meisterhub.meisters.models import Field
from tests.support.browser_testing import log_in_as

from .controls import MIN_SIZE, box_colour, contrast, drawn_size, undersized_controls

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SIGNUP_CONSENT = (
    "개인정보 수집·이용에 동의합니다 (필수: 성명, 이메일, 휴대전화 / 회원 탈퇴 시까지 보관)"
)
INQUIRY_CONSENT = "개인정보(이름·연락처) 수집·이용에 동의합니다 (답변 목적, 3년 보관)."
GOOD_ROWS = "잘못된 행은 건너뛰고 올바른 행만 가져오기"
UNMASKED = "개인정보 전체 표시(열람 기록이 남습니다)"
MARKETING = "행사·사업 안내 수신에 동의합니다"

BOX_CENTRE = """(input) => {
  const label = document.querySelector(`label[for="${CSS.escape(input.id)}"]`);
  label.scrollIntoView({block: "center", behavior: "instant"});
  const rect = label.getBoundingClientRect(), box = getComputedStyle(label, "::before");
  const size = parseFloat(box.width);
  return {x: rect.left + size / 2, y: rect.top + parseFloat(box.marginTop) + size / 2};
}"""


@pytest.fixture(autouse=True)
def _patient_page(page):
    page.set_default_timeout(30_000)  # two shared cores: a slow first page is not a finding


def click_drawn_box(page, control) -> None:
    """A real mouse click on the control's drawn box, once the page has stopped scrolling:
    KRDS scrolls smoothly to a focused control, and a press that starts on the box while the
    page still moves ends beside it, which is no click at all."""
    still, last = 0, None
    for _ in range(60):
        now = page.evaluate("() => [window.scrollX, window.scrollY]")
        still = still + 1 if now == last else 0
        if still >= 2:
            break
        last = now
        page.wait_for_timeout(50)
    centre = control.evaluate(BOX_CENTRE)
    page.mouse.click(centre["x"], centre["y"])


def tab_to(page, locator, *, limit: int = 120) -> int:
    """Press Tab from the top of the page until the control has the focus; the presses taken."""
    page.locator("body").focus()
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if locator.evaluate("(el) => el === document.activeElement"):
            return presses
    raise AssertionError(f"Tab never reached {locator}")


def _settled_colour(page, box, *, unlike: str) -> str:
    """The drawn box's colour once KRDS's 0.4 s transition has run."""
    for _ in range(20):
        if (now := box_colour(box)) != unlike:
            return now
        page.wait_for_timeout(100)
    return now


def check_checkbox(page, name: str) -> None:
    box = page.get_by_role("checkbox", name=name, exact=True)  # the label text is its name
    assert box.count() == 1, f"no checkbox named {name!r}"
    assert drawn_size(box) >= MIN_SIZE
    was = box.is_checked()
    colour = box_colour(box)

    tab_to(page, box)
    page.keyboard.press("Space")
    assert box.is_checked() is not was, "Space does not toggle it"
    assert _settled_colour(page, box, unlike=colour) != colour, "checked looks like unchecked"

    click_drawn_box(page, box)
    assert box.is_checked() is was, "a click on the box does not toggle it"

    page.locator(f'label[for="{box.get_attribute("id")}"]').click()
    assert box.is_checked() is not was, "a click on the label does not toggle it"


def test_signup_and_inquiry_consent_are_krds_checkboxes(page, db):
    for url, name in (
        ("/accounts/signup/", SIGNUP_CONSENT),
        ("/network/inquiries/new/", INQUIRY_CONSENT),
    ):
        page.goto(f"{page.base_url}{url}")
        check_checkbox(page, name)
        assert undersized_controls(page) == []
        assert page.locator('label[for=""]').count() == 0


def test_staff_import_and_export_checkboxes_and_radios(page, staff_user):
    log_in_as(page, staff_user)
    page.goto(f"{page.base_url}/reports/transfer/")
    check_checkbox(page, GOOD_ROWS)
    check_checkbox(page, UNMASKED)
    assert undersized_controls(page) == []
    assert page.locator('label[for=""]').count() == 0  # a radio group is a fieldset, not a label
    group = page.get_by_role("group", name=re.compile("^이미 있는 자료"))
    radios = group.get_by_role("radio")
    assert radios.count() >= 2
    first, second = radios.nth(0), radios.nth(1)
    assert drawn_size(first) >= MIN_SIZE and drawn_size(second) >= MIN_SIZE
    tab_to(page, first)  # Tab enters the group at its chosen radio
    assert first.is_checked()
    page.keyboard.press("ArrowDown")
    assert second.is_checked() and not first.is_checked()
    click_drawn_box(page, first)
    assert first.is_checked()
    page.locator(f'label[for="{second.get_attribute("id")}"]').click()
    assert second.is_checked()


def test_notification_settings_checkboxes(page, member_a):
    log_in_as(page, member_a)
    page.goto(f"{page.base_url}/notifications/settings/")
    check_checkbox(page, MARKETING)
    assert undersized_controls(page) == []
    legend = page.locator("fieldset > legend").first.bounding_box()
    assert legend["width"] > 50 and legend["height"] > 10  # KRDS hides legends; ours show


def test_a_chosen_select_value_is_drawn_as_text(page, taxonomy):
    field = Field.objects.order_by("order").first()
    page.goto(f"{page.base_url}/meisters/?field={field.code}")
    select = page.locator("select[name=field]")
    assert select.input_value() == field.code
    colours = select.evaluate(
        "(el) => [getComputedStyle(el).color, getComputedStyle(el).backgroundColor]"
    )
    assert contrast(*colours) >= 4.5, colours


def _fill_signup(page, *, password2: str) -> None:
    page.locator("#id_username").fill("new_member")
    page.locator("#id_full_name").fill("김민지")
    page.locator("#id_email").fill("minji@example.kr")
    page.locator("#id_phone").fill("010-2345-6789")
    page.locator("#id_password1").fill("steel-Weld-2026!")
    page.locator("#id_password2").fill(password2)


def _click_box(page, name: str, *, ticked: bool = True) -> None:
    """A real mouse click on the drawn box (not on the hidden input, not on the label)."""
    box = page.get_by_role("checkbox", name=name, exact=True)
    click_drawn_box(page, box)
    assert box.is_checked() is ticked


def test_signup_with_consent_ticked_by_a_click_works_end_to_end(page, db):
    page.goto(f"{page.base_url}/accounts/signup/")
    _fill_signup(page, password2="steel-Weld-2026!")
    _click_box(page, SIGNUP_CONSENT)
    page.get_by_role("button", name="가입하기").click()
    page.wait_for_url(re.compile(r"/companies/start/"))
    user = User.objects.get(username="new_member")
    assert user.role == "company_member" and user.email == "minji@example.kr"
    assert Consent.objects.filter(user=user, purpose=Consent.Purpose.MEMBERSHIP).count() == 1


def test_a_failed_signup_keeps_what_was_typed_except_passwords(page, db):
    page.goto(f"{page.base_url}/accounts/signup/")
    _fill_signup(page, password2="a-different-one-2026")
    _click_box(page, SIGNUP_CONSENT)
    page.get_by_role("button", name="가입하기").click()
    page.wait_for_load_state()

    group = page.locator(".form-group", has=page.locator("#id_password2"))
    assert group.locator(".form-hint-invalid").count() == 1  # the message sits by its field
    assert page.locator("#id_username").input_value() == "new_member"
    assert page.locator("#id_full_name").input_value() == "김민지"
    assert page.locator("#id_email").input_value() == "minji@example.kr"
    assert page.locator("#id_phone").input_value() == "010-2345-6789"
    assert page.locator("#id_password1").input_value() == ""
    assert page.locator("#id_password2").input_value() == ""
    assert page.get_by_role("checkbox", name=SIGNUP_CONSENT, exact=True).is_checked()
    assert not User.objects.filter(username="new_member").exists()

    # Without the consent: its message sits by the box, and what was typed stays.
    page.locator("#id_password1").fill("steel-Weld-2026!")
    page.locator("#id_password2").fill("steel-Weld-2026!")
    _click_box(page, SIGNUP_CONSENT, ticked=False)
    page.get_by_role("button", name="가입하기").click()
    page.wait_for_load_state()
    consent = page.locator(".form-group", has=page.locator("#id_agree_privacy"))
    assert "동의해야 가입할 수 있습니다" in consent.locator(".form-hint-invalid").inner_text()
    assert page.locator("#id_username").input_value() == "new_member"
    assert page.locator("#id_password1").input_value() == ""
    assert not User.objects.filter(username="new_member").exists()
