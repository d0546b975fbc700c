"""Who acts for which company (companies.selectors.acting_companies), and the one brn rule."""

import pytest
from django.contrib.auth.models import AnonymousUser

from meisterhub.accounts.tests.factories import UserFactory
from meisterhub.companies import services
from meisterhub.companies.forms import CompanyForm
from meisterhub.companies.permissions import can_act_for
from meisterhub.companies.selectors import acting_companies, acting_company_ids
from meisterhub.companies.tests.factories import CompanyFactory, MembershipFactory
from meisterhub.core.errors import DomainError

pytestmark = pytest.mark.django_db


def test_an_active_member_acts_for_their_company_and_no_other(company_a, company_b, member_a):
    assert list(acting_companies(member_a)) == [company_a]
    assert acting_company_ids(member_a) == {company_a.pk}
    assert can_act_for(member_a, company_a)
    assert not can_act_for(member_a, company_b)


def test_a_member_of_two_companies_acts_for_both(company_a, company_b, member_a):
    MembershipFactory(user=member_a, company=company_b)
    assert acting_company_ids(member_a) == {company_a.pk, company_b.pk}


def test_a_pending_or_removed_membership_acts_for_nothing(company_a):
    joiner = UserFactory(role="company_member")
    membership = MembershipFactory(user=joiner, company=company_a, status="pending")
    assert acting_company_ids(joiner) == set()
    assert not can_act_for(joiner, company_a)
    membership.status = "active"
    membership.save()
    assert acting_company_ids(joiner) == {company_a.pk}
    membership.delete()
    assert acting_company_ids(joiner) == set()


def test_anonymous_acts_for_nothing(company_a):
    assert list(acting_companies(AnonymousUser())) == []
    assert acting_company_ids(AnonymousUser()) == set()
    assert not can_act_for(AnonymousUser(), company_a)


@pytest.mark.parametrize("role", ["meister", "evaluator", "staff", "council_member"])
def test_only_the_company_member_role_acts_for_a_company(company_a, role):
    """A member whose role was changed keeps the membership row but no longer acts with it."""
    user = UserFactory(role="company_member")
    MembershipFactory(user=user, company=company_a)
    user.role = role
    user.save()
    assert acting_company_ids(user) == set()
    assert not can_act_for(user, company_a)


def _form_data(company, **overrides):
    form = CompanyForm(instance=company)
    data = {name: form[name].value() or "" for name in form.fields}
    data.update(overrides)
    return data


def test_a_taken_brn_is_refused_on_the_brn_field_with_the_service_message(company_a, company_b):
    form = CompanyForm(_form_data(company_a, brn=company_b.brn_display), instance=company_a)
    assert not form.is_valid()
    assert form.errors["brn"] == [services.BRN_TAKEN]
    # Its own brn is no clash.
    company_a.refresh_from_db()
    form = CompanyForm(_form_data(company_a, brn=company_a.brn_display), instance=company_a)
    assert form.is_valid(), form.errors


def test_the_services_refuse_a_taken_brn_with_the_same_message(company_a, member_a):
    other = CompanyFactory()
    with pytest.raises(DomainError) as registering:
        services.register_company(
            actor=member_a, **{**_form_data(other), "brn": company_a.brn,
                               "industry": other.industry, "founded_on": None}
        )
    with pytest.raises(DomainError) as editing:
        services.update_company(actor=member_a, company=company_a, brn=other.brn)
    for refusal in (registering.value, editing.value):
        assert (refusal.message, refusal.field) == (services.BRN_TAKEN, "brn")


def test_the_register_page_shows_the_message_on_the_brn_field(client, company_a, member_a):
    client.force_login(member_a)
    data = {f"new-{name}": value for name, value in _form_data(CompanyFactory()).items()}
    data.update({"register": "1", "new-brn": company_a.brn_display, "new-industry": "29"})
    response = client.post("/companies/start/", data)
    assert response.status_code == 200
    assert response.context["register_form"].errors["brn"] == [services.BRN_TAKEN]
