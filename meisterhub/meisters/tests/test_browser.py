import pytest

from .factories import make_meister

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_person_filters_meisters_by_field_and_opens_a_profile(page, taxonomy):
    make_meister(
        name="김용접",
        title="기술사",
        fields=["WELD", "NDT"],
        weekdays=["월", "수"],
        keywords=["TIG", "WPS/PQR"],
        career="발전설비 제작사 용접기술팀 28년",
    )
    make_meister(name="박열처리", title="명장", fields=["HEAT"], weekdays=["화"])
    make_meister(name="이금형", title="기능장", fields=["MOLD"], weekdays=["목"])

    page.goto(page.base_url + "/meisters/")
    assert page.locator(".meister-card").count() == 3
    assert page.get_by_text("마이스터 3명").is_visible()

    page.get_by_label("전문분야").select_option(label="용접")
    page.wait_for_url("**/meisters/?*field=WELD*")
    page.wait_for_function("document.querySelectorAll('.meister-card').length === 1")
    assert page.get_by_text("마이스터 1명").is_visible()

    page.get_by_role("link", name="김용접").click()
    page.wait_for_url("**/meisters/*/")
    assert page.get_by_role("heading", level=1).inner_text().startswith("김용접")
    profile = page.locator("article.profile").inner_text()
    for text in ["기술사", "용접", "비파괴검사", "월요일, 수요일", "WPS/PQR", "발전설비 제작사"]:
        assert text in profile
    # KRDS styles are served from the vendored copy, not a CDN.
    assert page.evaluate(
        "[...document.styleSheets].some(s => (s.href || '').includes('/static/vendor/krds/'))"
    )


def test_keyboard_user_reaches_main_content_with_the_skip_link(page, taxonomy):
    page.goto(page.base_url + "/meisters/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "본문 바로가기"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"
