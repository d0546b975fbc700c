def test_home_page_lists_fields_and_counts(client, taxonomy):
    response = client.get("/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "마이스터 허브" in body
    assert "용접" in body and "비파괴검사" in body
    assert response["Content-Language"] == "ko"


def test_home_counts_meisters_per_weekday_in_few_queries(
    client, taxonomy, django_assert_max_num_queries
):
    from meisterhub.meisters.tests.factories import make_meister

    make_meister(name="월수", weekdays=["월", "수"])
    make_meister(name="수", weekdays=["수"])
    make_meister(name="쉼", weekdays=["수"], is_active=False)
    with django_assert_max_num_queries(4):
        response = client.get("/")
    week = {day["label"]: day["count"] for day in response.context["week"]}
    assert week == {"월요일": 1, "화요일": 0, "수요일": 2, "목요일": 0, "금요일": 0}
    assert response.context["meister_count"] == 2
    assert response.context["field_count"] == 23
