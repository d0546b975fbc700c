import factory

from meisterhub.companies.models import Company, Industry, Membership
from meisterhub.companies.validators import brn_check_digit


def valid_brn(n: int) -> str:
    first_nine = f"{(123450000 + n * 7919) % 1_000_000_000:09d}"
    return first_nine + str(brn_check_digit(first_nine))


class CompanyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Company

    name = factory.Sequence(lambda n: f"테스트기업{n}")
    brn = factory.Sequence(valid_brn)
    representative = "홍길동"
    industry = factory.LazyFunction(
        lambda: Industry.objects.get_or_create(
            code="29", defaults={"name": "기타 기계 및 장비 제조업"}
        )[0]
    )
    size_class = "sme"
    org_type = "sme"
    district = "seongsan"
    address = "경상남도 창원시 성산구 공단로 1"
    employees = 30


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory("meisterhub.accounts.tests.factories.UserFactory")
    company = factory.SubFactory(CompanyFactory)
    position = "member"
    status = "active"
