import factory

from meisterhub.accounts.models import User


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    full_name = factory.Sequence(lambda n: f"사용자{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.kr")
    role = "company_member"
    password = factory.PostGenerationMethodCall("set_password", "test-pass-1234")

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()
