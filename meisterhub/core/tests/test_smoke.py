def test_home_page_lists_fields_and_counts(client, taxonomy):
    response = client.get("/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "마이스터 허브" in body
    assert "용접" in body and "비파괴검사" in body
    assert response["Content-Language"] == "ko"
