from meisterhub.companies.models import Company, Membership
from meisterhub.core.models import History


def test_member_registers_a_company_through_the_form(client, db):
    from meisterhub.accounts.tests.factories import UserFactory

    user = UserFactory(role="company_member")
    client.force_login(user)
    response = client.post(
        "/companies/start/",
        {
            "register": "1",
            "new-name": "성산기계",
            "new-brn": "124-81-00998",
            "new-representative": "이대표",
            "new-industry": "29",
            "new-size_class": "sme",
            "new-org_type": "sme",
            "new-district": "seongsan",
            "new-address": "창원시 성산구 1",
            "new-phone": "055-212-3456",
            "new-employees": "12",
            "new-corporate_number": "130111-0006247",
        },
    )
    company = Company.objects.get(name="성산기계")
    assert response.status_code == 302
    assert company.phone == "+82552123456"
    assert company.corporate_number == "1301110006247"
    assert Membership.objects.filter(user=user, company=company, status="active").exists()


def test_invalid_brn_in_the_form_shows_korean_error_and_saves_nothing(client, member_a):
    client.force_login(member_a)
    before = Company.objects.count()
    response = client.post(
        "/companies/start/",
        {
            "register": "1",
            "new-name": "엉터리",
            "new-brn": "123-45-67892",
            "new-representative": "a",
            "new-industry": "29",
            "new-size_class": "sme",
            "new-org_type": "sme",
            "new-district": "seongsan",
            "new-address": "x",
            "new-employees": "1",
        },
    )
    assert response.status_code == 200
    assert "검증번호" in response.content.decode()
    assert Company.objects.count() == before


def test_company_page_is_hidden_from_other_companies(client, company_a, member_a, member_b):
    client.force_login(member_b)
    assert client.get(f"/companies/{company_a.pk}/").status_code == 404
    assert client.get(f"/companies/{company_a.pk}/edit/").status_code == 404
    client.force_login(member_a)
    assert client.get(f"/companies/{company_a.pk}/").status_code == 200


def test_company_edit_records_who_changed_what(client, company_a, member_a):
    client.force_login(member_a)
    page = client.get(f"/companies/{company_a.pk}/edit/")
    form = page.context["form"]
    data = {name: form[name].value() or "" for name in form.fields}
    data.update({"employees": "99", "brn": company_a.brn_display})
    response = client.post(f"/companies/{company_a.pk}/edit/", data)
    assert response.status_code == 302
    entry = History.objects.get(action="companies.company.updated")
    assert entry.actor == member_a
    assert entry.changes["employees"] == [30, 99]


def test_join_by_brn_waits_for_the_administrator(client, company_a, member_a, db):
    from meisterhub.accounts.tests.factories import UserFactory

    newcomer = UserFactory(role="company_member")
    client.force_login(newcomer)
    client.post("/companies/start/", {"join": "1", "join-brn": company_a.brn_display})
    membership = Membership.objects.get(user=newcomer, company=company_a)
    assert membership.status == "pending"
    assert client.get(f"/companies/{company_a.pk}/").status_code == 404

    client.force_login(member_a)
    client.post(f"/companies/memberships/{membership.pk}/approve/")
    membership.refresh_from_db()
    assert membership.status == "active"
