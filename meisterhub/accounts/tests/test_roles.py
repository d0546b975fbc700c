"""The one staff guard (accounts/roles.py) in a service, a page and the API, and no copy of it."""

import ast
import itertools
import json
from pathlib import Path

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from django.urls import reverse

from meisterhub.accounts.roles import STAFF_ONLY, is_staff, require_staff, staff_required
from meisterhub.accounts.tests.factories import UserFactory
from meisterhub.core.errors import DomainError
from meisterhub.core.models import History
from meisterhub.programs.models import Program
from meisterhub.programs.services import create_program

REFUSED = ["company_member", "meister", "evaluator", "council_member"]
PROGRAM = {"area": "export", "name": "수출 바우처", "year": 2026}
API = "/api/programs/manage/programs"
_numbers = itertools.count()


def _user(role: str, **extra):
    return UserFactory(username=f"{role}{next(_numbers)}", role=role, **extra)


@pytest.fixture
def admitted(staff_user):
    superuser = _user("company_member", is_superuser=True)  # a superuser acts as staff
    return [staff_user, superuser]


@pytest.mark.parametrize("role", REFUSED)
def test_the_service_refuses_every_other_role_and_changes_nothing(db, role):
    with pytest.raises(DomainError) as refused:
        create_program(actor=_user(role), **PROGRAM)
    assert (refused.value.code, refused.value.message) == ("forbidden", STAFF_ONLY)
    assert not Program.objects.exists()
    assert not History.objects.filter(action="programs.program.created").exists()


def test_the_service_refuses_anonymous_and_none(db):
    for actor in (AnonymousUser(), None):
        with pytest.raises(DomainError) as refused:
            create_program(actor=actor, **PROGRAM)
        assert refused.value.message == STAFF_ONLY
    assert not Program.objects.exists()


def test_the_service_admits_staff_and_a_superuser(admitted):
    for number, actor in enumerate(admitted):
        create_program(actor=actor, **{**PROGRAM, "name": f"사업 {number}"})
    assert sorted(Program.objects.values_list("name", flat=True)) == ["사업 0", "사업 1"]


def test_require_staff_names_the_action_when_told(member_a):
    with pytest.raises(DomainError) as refused:
        require_staff(member_a, "운영자만 시설을 관리할 수 있습니다.")
    assert (refused.value.code, refused.value.message) == (
        "forbidden", "운영자만 시설을 관리할 수 있습니다.")


def test_is_staff_is_the_role_or_a_superuser(db, staff_user, member_a):
    assert is_staff(staff_user) and is_staff(_user("meister", is_superuser=True))
    assert not any(is_staff(u) for u in (member_a, AnonymousUser(), None, _user("evaluator")))
    # Django's own is_staff flag (admin access) alone is not the agency staff role.
    assert not is_staff(_user("company_member", is_staff=True))


@pytest.mark.parametrize("role", REFUSED)
def test_a_staff_page_answers_403_to_every_other_role(client, db, role):
    client.force_login(_user(role))
    assert client.get(reverse("programs:manage_programs")).status_code == 403
    response = client.post(reverse("programs:manage_program_create"), {**PROGRAM})
    assert response.status_code == 403
    assert not Program.objects.exists()


def test_a_staff_page_sends_anonymous_to_the_login_and_admits_staff(client, admitted):
    url = reverse("programs:manage_programs")
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('accounts:login')}?next={url}"
    for user in admitted:
        client.force_login(user)
        assert client.get(url).status_code == 200


def test_the_decorator_keeps_the_view_and_its_name(db, staff_user, member_a):
    @staff_required
    def sample(request, pk):
        return pk

    assert sample.__name__ == "sample"
    request = RequestFactory().get("/sample/")
    request.user = staff_user
    assert sample(request, 7) == 7


@pytest.mark.parametrize("role", REFUSED)
def test_the_api_answers_403_with_the_korean_sentence(client, db, role):
    client.force_login(_user(role))
    response = client.get(API)
    assert (response.status_code, response.json()) == (
        403, {"detail": "운영자만 지원사업과 공고를 관리할 수 있습니다."})
    created = client.post(API, json.dumps(PROGRAM), content_type="application/json")
    assert created.status_code == 403
    assert not Program.objects.exists()


def test_the_api_answers_401_to_anonymous_and_admits_staff(client, admitted):
    assert client.get(API).status_code == 401
    for number, user in enumerate(admitted):
        client.force_login(user)
        created = client.post(API, json.dumps({**PROGRAM, "name": f"사업 {number}"}),
                              content_type="application/json")
        assert created.status_code == 201, created.content
    assert Program.objects.count() == 2


# The guard and the refusal status each live in one place: no app defines its own.
ROOT = Path(__file__).resolve().parents[2]
GUARD_NAMES = {
    "is_staff", "require_staff", "staff_required", "staff_only", "_staff_only",
    "_require_staff", "_is_staff", "is_staff_user", "is_operator", "_staff",
}
MAPPING_NAMES = {"_refused", "_raise", "STATUS_OF"}


def _modules():
    for path in sorted(ROOT.rglob("*.py")):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        yield path, ast.parse(path.read_text(encoding="utf-8"))


def test_no_app_writes_its_own_staff_guard_or_refusal_mapping():
    copies = []
    for path, tree in _modules():
        where = path.relative_to(ROOT).as_posix()
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                # User.is_operator (the role field's meaning) is what the guard reads.
                home = {"accounts/roles.py", "accounts/models.py"} if node.name == "is_operator" \
                    else {"accounts/roles.py"}
                if node.name in GUARD_NAMES and where not in home:
                    copies.append(f"{where}: def {node.name}")
                if node.name in MAPPING_NAMES:
                    copies.append(f"{where}: def {node.name}")
            elif isinstance(node, ast.Assign):
                names = {t.id for t in node.targets if isinstance(t, ast.Name)}
                if names & MAPPING_NAMES:
                    copies.append(f"{where}: {', '.join(sorted(names))} =")
            elif isinstance(node, ast.Dict) and where != "core/api_errors.py":
                keys = {k.value for k in node.keys if isinstance(k, ast.Constant)}
                if "forbidden" in keys:
                    copies.append(f"{where}: a dict that maps 'forbidden'")
    assert not copies, "use meisterhub.accounts.roles and core/api_errors.py:\n" + "\n".join(
        copies)
