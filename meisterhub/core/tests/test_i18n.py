def test_korean_is_the_default_even_for_english_browsers(client, taxonomy):
    response = client.get("/meisters/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    body = response.content.decode()
    assert '<html lang="ko">' in body
    assert "마이스터 찾기" in body


def test_english_is_served_when_chosen(client, taxonomy):
    client.post("/i18n/setlang/", {"language": "en", "next": "/meisters/"})
    body = client.get("/meisters/").content.decode()
    assert '<html lang="en">' in body
    assert "Find a meister" in body
    assert "Welding" in body  # field names in the page's language
