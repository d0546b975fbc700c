import pytest

from meisterhub.meisters.tests.factories import make_meister
from tests.support.a11y import problems


def test_checker_finds_what_it_should():
    html = '<html><h1>a</h1><input name="q"><img src="x.png"><label for="b">b</label><input id="b">'
    assert problems(html) == [
        "<html> has no lang",
        "unlabelled <input name='q'>",
        "<img src='x.png'> has no alt",
    ]


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/meisters/",
        "/meisters/?field=WELD",
        "/accounts/login/",
        "/accounts/signup/",
        "/consultations/",
        "/programs/",
        "/facilities/",
        "/events/",
        "/network/inquiries/new/",
    ],
)
def test_public_pages_are_structurally_accessible(client, taxonomy, url):
    make_meister(name="김용접", fields=["WELD"])
    response = client.get(url, follow=True)
    assert response.status_code == 200
    assert problems(response.content.decode()) == []


def test_profile_and_member_pages_are_structurally_accessible(
    client, taxonomy, member_a, company_a
):
    meister = make_meister(name="김용접", fields=["WELD"])
    assert problems(client.get(f"/meisters/{meister.pk}/").content.decode()) == []
    client.force_login(member_a)
    for url in ["/accounts/me/", "/companies/start/", f"/companies/{company_a.pk}/edit/"]:
        assert problems(client.get(url).content.decode()) == [], url
