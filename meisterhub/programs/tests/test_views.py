import json

import pytest
from django.urls import reverse

from meisterhub.programs import services
from meisterhub.programs.models import Application, Assignment, Score

from .factories import hwp, make_call, make_draft, make_evaluator, make_submitted

pytestmark = pytest.mark.django_db


def test_call_list_search_filter_and_query_count(client, django_assert_num_queries):
    open_call = make_call(title="수소 충전 부품 실증 지원", area="hydrogen")
    make_call(title="수출 바우처 공고", area="export", opens_in_days=-30, closes_in_days=-1)
    for _ in range(5):
        make_call(area="future")
    with django_assert_num_queries(2):  # count + page
        response = client.get(reverse("programs:calls"), {"status": "open", "area": "hydrogen"})
    assert response.status_code == 200
    assert list(response.context["page"].object_list) == [open_call]
    response = client.get(reverse("programs:calls"), {"q": "바우처"})
    assert [c.title for c in response.context["page"].object_list] == ["수출 바우처 공고"]
    response = client.get(reverse("programs:calls"), {"status": "closed"},
                          headers={"HX-Request": "true"})
    assert "수출 바우처 공고" in response.content.decode()
    assert "<html" not in response.content.decode()


def test_applicant_pages_and_submission_errors_shown(client, member_a, company_a):
    call = make_call()
    client.force_login(member_a)
    response = client.post(reverse("programs:application_start", args=[call.pk]),
                           {"company": company_a.pk})
    application = Application.objects.get()
    assert response.url == reverse("programs:application_edit", args=[application.pk])
    response = client.post(reverse("programs:application_submit", args=[application.pk]),
                           follow=True)
    text = response.content.decode()
    assert "사업계획 요약을 입력해 주세요." in text
    assert "필수 서류 &#x27;재무제표&#x27;을(를) 올려 주세요." in text
    assert Application.objects.get().status == "draft"
    plan = call.required_documents.get(name="사업계획서")
    fake = hwp("plan.pdf")
    response = client.post(reverse("programs:application_edit", args=[application.pk]),
                           {"upload": "1", "required_document": plan.pk, "file": fake})
    assert "파일 내용이 확장자(.pdf)와 맞지 않습니다" in response.content.decode()
    response = client.get(reverse("programs:my_applications"))
    assert call.title in response.content.decode()


def test_other_company_and_evaluators_get_404(client, member_a, company_a, member_b, staff_user):
    call = make_call()
    application = make_submitted(call, member_a, company_a)
    document = application.documents.first()
    client.force_login(member_b)
    assert client.get(application.get_absolute_url()).status_code == 404
    assert client.get(reverse("programs:document", args=[document.pk])).status_code == 404
    assert client.get(reverse("programs:call_manage", args=[call.pk])).status_code == 403
    client.force_login(member_a)
    response = client.get(reverse("programs:document", args=[document.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment")


def test_evaluator_sees_only_own_assignments_page_and_api(client, member_a, company_a,
                                                           staff_user):
    call = make_call()
    application = services.pass_screening(
        actor=staff_user, application=make_submitted(call, member_a, company_a))
    mine, other = make_evaluator(), make_evaluator()
    own = services.assign_evaluator(actor=staff_user, application=application, evaluator=mine)
    theirs = services.assign_evaluator(actor=staff_user, application=application,
                                       evaluator=other)
    client.force_login(mine)
    assert client.get(reverse("programs:assignment_score", args=[theirs.pk])).status_code == 404
    page = client.get(reverse("programs:assignment_score", args=[own.pk]))
    assert page.status_code == 200
    listing = client.get("/api/programs/evaluations").json()
    assert [a["id"] for a in listing["items"]] == [own.pk] and listing["count"] == 1
    criteria = list(call.criteria.values_list("pk", flat=True))
    url = f"/api/programs/evaluations/{theirs.pk}/scores"
    body = json.dumps({"scores": {str(criteria[0]): 5}, "submit": False})
    response = client.post(url, body, content_type="application/json")
    assert response.status_code == 404
    url = f"/api/programs/evaluations/{own.pk}/scores"
    body = json.dumps({"scores": {str(criteria[0]): 15}})
    response = client.post(url, body, content_type="application/json")
    assert response.status_code == 400
    assert response.json() == {"detail": "'기술성' 점수는 0점부터 10점 사이로 입력해 주세요 (입력: 15).",
                               "field": f"criterion_{criteria[0]}"}
    assert Score.objects.count() == 0
    body = json.dumps({"scores": {str(c): 9 for c in criteria}, "submit": True})
    response = client.post(url, body, content_type="application/json")
    assert response.status_code == 200
    assert response.json()["total"] == "90.00"
    assert Assignment.objects.get(pk=theirs.pk).submitted_at is None


def test_api_open_calls_and_my_applications(client, member_a, company_a, member_b):
    call = make_call(title="열린 공고")
    make_call(title="마감 공고", opens_in_days=-20, closes_in_days=-2)
    make_draft(call, member_a, company_a)
    response = client.get("/api/programs/calls")
    assert [c["title"] for c in response.json()["items"]] == ["열린 공고"]
    assert client.get("/api/programs/my/applications").status_code == 401
    client.force_login(member_b)
    assert client.get("/api/programs/my/applications").json() == {"items": [], "count": 0}
    client.force_login(member_a)
    mine = client.get("/api/programs/my/applications").json()["items"]
    assert [(a["call_title"], a["status"], a["step"]) for a in mine] == [("열린 공고", "draft", 0)]
