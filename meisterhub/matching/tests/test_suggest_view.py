import pytest

from meisterhub.matching import roster
from meisterhub.meisters.tests.factories import make_meister


@pytest.fixture
def meisters(taxonomy):
    return {
        "heat": make_meister(
            name="박열처리",
            fields=["HEAT", "MATL"],
            keywords=["고주파 경화", "침탄"],
            career="열처리 공장에서 고주파 열처리와 침탄 공정을 25년 관리했다.",
        ),
        "fluid": make_meister(
            name="최유압",
            fields=["FLUID"],
            keywords=["유압 실린더", "씰 누유"],
            career="유압기기 회사에서 실린더와 밸브 정비를 맡았다.",
        ),
        "weld": make_meister(name="김용접", fields=["WELD"], keywords=["TIG"], career="용접 30년"),
    }


def test_suggestions_show_fields_and_meisters_with_reasons(client, meisters):
    response = client.get("/matching/suggest/", {"text": "유압 프레스 실린더에서 기름이 샘"})
    body = response.content.decode()
    assert response.status_code == 200
    assert body.index("유공압") < body.index("추천 마이스터")
    assert "최유압" in body
    assert response.context["fields"][0].code == "FLUID"
    assert response.context["fields"][0].reason


def test_script_in_the_text_is_never_rendered_as_markup(client, meisters):
    response = client.get("/matching/suggest/", {"text": "<script>alert(1)</script> 용접 크랙"})
    body = response.content.decode()
    assert "<script>alert(1)</script>" not in body
    assert response.status_code == 200


@pytest.mark.parametrize(
    "text", ["", "!!!", "😀😀😀😀", "x" * 50_000, "The hydraulic cylinder leaks"]
)
def test_odd_input_gives_a_message_not_an_error(client, meisters, text):
    response = client.get("/matching/suggest/", {"text": text})
    assert response.status_code == 200
    body = response.content.decode()
    if response.context.get("waiting"):  # too short to analyse: the hint, no ranking
        assert "문제를 적으면" in body and "추천 전문분야" not in body
    elif response.context["result"].message:  # nothing to match: the matcher's own message
        assert response.context["result"].message in body and "추천 전문분야" not in body
    else:  # a ranking, with reasons from the words that matched
        assert "추천 전문분야" in body and response.context["fields"][0].reason in body


def test_the_matcher_is_rebuilt_when_the_roster_changes(meisters):
    first = roster.get_matcher()
    assert roster.get_matcher() is first
    make_meister(name="이금형", fields=["MOLD"], keywords=["사출 금형"])
    second = roster.get_matcher()
    assert second is not first
    assert "이금형" in {m.name for m in second.meisters}


def test_inactive_meisters_are_not_suggested(meisters):
    from meisterhub.meisters.models import Meister

    Meister.objects.filter(pk=meisters["fluid"].pk).update(is_active=False)
    result = roster.match_request("유압 실린더 누유", top_meisters=3)
    assert str(meisters["fluid"].pk) not in [m.id for m in result.meisters]


def test_booking_form_asks_the_matcher_as_the_problem_is_typed(client, meisters, member_a):
    client.force_login(member_a)
    body = client.get("/consultations/new/").content.decode()
    assert 'hx-get="/matching/suggest/"' in body
    assert 'hx-include="#id_problem, #id_company"' in body
    response = client.get(
        "/matching/suggest/", {"problem": "빠우 작업 후 광택이 안 나요", "company": ""}
    )
    assert response.context["fields"][0].code == "SURF"


def test_staff_see_the_ranking_and_reasons_on_each_request(client, meisters, member_a, staff_user):
    from meisterhub.consultations.models import Booking
    from meisterhub.consultations.tests.factories import past_booking

    company = member_a.memberships.get().company
    booking = past_booking(meisters["fluid"], company, member_a)
    booking.request.problem = "유압 프레스 실린더에서 기름이 샘"
    booking.request.save()
    client.force_login(staff_user)
    body = client.get(f"/consultations/{booking.pk}/").content.decode()
    assert "매칭 결과 (운영자용)" in body
    assert "유공압" in body
    assert Booking.objects.count() == 1
    client.force_login(member_a)
    assert (
        "매칭 결과 (운영자용)" not in client.get(f"/consultations/{booking.pk}/").content.decode()
    )
