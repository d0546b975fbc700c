import pytest

from .factories import make_meister
from .test_services import png_bytes


@pytest.fixture
def roster(taxonomy):
    return [
        make_meister(
            name="김용접",
            fields=["WELD", "NDT"],
            weekdays=["월", "수"],
            keywords=["TIG", "오비탈 용접"],
        ),
        make_meister(name="박열처리", fields=["HEAT"], weekdays=["화"], keywords=["침탄"]),
        make_meister(name="이금형", fields=["MOLD", "WELD"], weekdays=["수"], keywords=["사출"]),
        make_meister(name="최은퇴", fields=["WELD"], weekdays=["월"], is_active=False),
    ]


def names(response):
    return [m.name for m in response.context["page"].object_list]


def test_list_filters_by_field_weekday_and_text(client, roster):
    assert names(client.get("/meisters/")) == ["김용접", "박열처리", "이금형"]
    assert names(client.get("/meisters/?field=WELD")) == ["김용접", "이금형"]
    assert names(client.get("/meisters/?field=WELD&weekday=0")) == ["김용접"]
    assert names(client.get("/meisters/?q=오비탈")) == ["김용접"]
    assert names(client.get("/meisters/?q=금형")) == ["이금형"]


def test_empty_result_shows_a_korean_empty_state(client, roster):
    body = client.get("/meisters/?q=존재하지않는말").content.decode()
    assert "조건에 맞는 마이스터가 없습니다" in body


def test_bad_filter_values_do_not_break_the_page(client, roster):
    response = client.get("/meisters/?field=NOPE&weekday=9&q=" + "x" * 500)
    assert response.status_code == 200
    assert "검색 조건을 확인해 주세요" in response.content.decode()


def test_htmx_request_gets_only_the_results_fragment(client, roster):
    response = client.get("/meisters/?field=HEAT", HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert "박열처리" in body and "<html" not in body


def test_list_query_count_does_not_grow_with_meisters(
    client, roster, django_assert_max_num_queries
):
    with django_assert_max_num_queries(5) as small:
        client.get("/meisters/")
    for n in range(20):
        make_meister(name=f"추가{n}", fields=["MACH", "TOOL"])
    with django_assert_max_num_queries(5) as large:
        client.get("/meisters/")
    assert len(large.captured_queries) == len(small.captured_queries)


def test_profile_shows_title_fields_career_keywords_and_weekdays(client, roster):
    meister = roster[0]
    body = client.get(f"/meisters/{meister.pk}/").content.decode()
    for text in [
        "김용접",
        "기술사",
        "용접",
        "비파괴검사",
        "오비탈 용접",
        "월요일, 수요일",
        "주 분야",
    ]:
        assert text in body


def test_inactive_meister_profile_is_not_found(client, roster):
    response = client.get(f"/meisters/{roster[3].pk}/")
    assert response.status_code == 404
    assert "페이지를 찾을 수 없습니다" in response.content.decode()


def test_photo_is_served_with_safe_headers(client, taxonomy):
    from django.core.files.uploadedfile import SimpleUploadedFile

    meister = make_meister(photo=SimpleUploadedFile("p.png", png_bytes()))
    response = client.get(f"/meisters/{meister.pk}/photo/")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")


def test_html_in_keywords_is_escaped(client, taxonomy):
    meister = make_meister(keywords=["<script>alert(1)</script>"])
    body = client.get(f"/meisters/{meister.pk}/").content.decode()
    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;" in body


def test_api_lists_and_filters_meisters(client, roster):
    data = client.get("/api/meisters/?field=WELD").json()
    assert data["count"] == 2
    assert [m["name"] for m in data["items"]] == ["김용접", "이금형"]
    assert data["items"][0]["fields"] == ["WELD", "NDT"]
    detail = client.get(f"/api/meisters/{roster[0].pk}").json()
    assert detail["weekdays"] == ["월", "수"]
    assert client.get(f"/api/meisters/{roster[3].pk}").status_code == 404
    assert len(client.get("/api/meisters/fields").json()) == 23


def test_cached_cards_follow_every_change_of_the_meister(client, roster):
    from meisterhub.meisters.services import save_meister

    assert "TIG" in client.get("/meisters/").content.decode()
    meister = roster[0]
    save_meister(
        actor=None,
        roster_id=meister.roster_id,
        field_codes=["HEAT"],
        meister=meister,
        keywords=["진공 열처리"],
    )
    body = client.get("/meisters/").content.decode()
    assert "진공 열처리" in body
    assert "TIG" not in body
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert "Heat treatment" in client.get("/meisters/").content.decode()
