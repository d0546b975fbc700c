from meisterhub.core.models import History
from meisterhub.meisters.tests.factories import make_meister


def test_staff_edit_in_the_back_office_is_kept_in_history(client, staff_user, company_a):
    client.force_login(staff_user)
    url = f"/manage/companies/company/{company_a.pk}/change/"
    form = client.get(url).context["adminform"].form
    data = {name: form[name].value() or "" for name in form.fields}
    data.update(
        {
            "brn": company_a.brn_display,
            "employees": "77",
            "memberships-TOTAL_FORMS": "0",
            "memberships-INITIAL_FORMS": "0",
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    entry = History.objects.get(action="companies.company.updated")
    assert entry.actor == staff_user
    assert entry.changes["employees"] == [30, 77]


def test_history_is_read_only_in_the_back_office(client, staff_user, taxonomy):
    make_meister(actor=staff_user)
    entry = History.objects.get(action="meisters.meister.created")
    client.force_login(staff_user)
    assert client.get(f"/manage/core/history/{entry.pk}/change/").status_code == 200
    assert (
        client.post(f"/manage/core/history/{entry.pk}/delete/", {"post": "yes"}).status_code == 403
    )
    assert History.objects.filter(pk=entry.pk).exists()


def test_company_member_cannot_open_the_back_office(client, member_a):
    client.force_login(member_a)
    response = client.get("/manage/")
    assert response.status_code == 302
    assert "/manage/login/" in response["Location"]


def test_every_project_model_in_the_back_office_keeps_history(client, staff_user):
    from django.contrib import admin

    from meisterhub.core.admin import HistoryAdminMixin
    from meisterhub.facilities.models import Facility

    project_admins = [
        (model, model_admin)
        for model, model_admin in admin.site._registry.items()
        if model.__module__.startswith("meisterhub.") and model is not History
    ]
    assert len(project_admins) > 30
    assert all(isinstance(model_admin, HistoryAdminMixin) for _, model_admin in project_admins)

    client.force_login(staff_user)
    response = client.post("/manage/facilities/facility/add/", {"name": "불완전"}, follow=False)
    assert response.status_code == 200  # the form's own validation still applies
    assert not Facility.objects.filter(name="불완전").exists()


def test_an_admin_edit_of_any_project_model_leaves_a_history_row(client, staff_user, db):
    from meisterhub.companies.models import Industry

    client.force_login(staff_user)
    response = client.post(
        "/manage/companies/industry/29/change/", {"code": "29", "name": "기계 제조업"}
    )
    assert response.status_code == 302
    entry = History.objects.get(action="companies.industry.updated")
    assert entry.actor == staff_user
    assert entry.changes["name"] == ["기타 기계 및 장비 제조업", "기계 제조업"]
    assert Industry.objects.get(code="29").name == "기계 제조업"
