import pytest
from django.urls import reverse

from meisterhub.core.errors import DomainError
from meisterhub.core.history import history_of
from meisterhub.meisters.models import Field
from meisterhub.network.models import Institution, Technology, TransferRequest
from meisterhub.network.services import move_transfer, publish_technology, request_transfer

from .factories import make_institution

pytestmark = pytest.mark.django_db


@pytest.fixture
def technology(staff_user, taxonomy):
    institute = make_institution(staff_user, kind=Institution.Kind.RESEARCH_INSTITUTE,
                                 name="한국재료연구원")
    return publish_technology(actor=staff_user, title="고강도 알루미늄 주조 합금",
                              field=Field.objects.get(code="CAST"), trl=6, owner=institute,
                              summary="자동차 부품용 고강도 주조 합금과 공정 조건")


@pytest.mark.parametrize("trl", [0, 10])
def test_trl_must_be_1_to_9(staff_user, taxonomy, trl):
    institute = make_institution(staff_user, kind=Institution.Kind.UNIVERSITY)
    with pytest.raises(DomainError, match="1부터 9 사이"):
        publish_technology(actor=staff_user, title="기술", field=Field.objects.get(code="WELD"),
                           trl=trl, owner=institute, summary="요약")
    assert Technology.objects.count() == 0


def test_only_institutes_offer_technologies(staff_user, taxonomy):
    bank = make_institution(staff_user, kind=Institution.Kind.BANK)
    with pytest.raises(DomainError, match="연구기관·대학·지원기관이 아니어서"):
        publish_technology(actor=staff_user, title="기술", field=Field.objects.get(code="WELD"),
                           trl=5, owner=bank, summary="요약")


def test_pipeline_moves_one_step_at_a_time_with_history(staff_user, member_a, company_a,
                                                        technology):
    transfer = request_transfer(actor=member_a, company=company_a, technology=technology,
                                message="라이선스 조건이 궁금합니다.")
    with pytest.raises(DomainError, match="이미 이 기술에 대한 요청이 진행 중"):
        request_transfer(actor=member_a, company=company_a, technology=technology)
    with pytest.raises(DomainError, match="다음 단계는 '상담'입니다"):
        move_transfer(actor=staff_user, transfer=transfer, status="contract")
    with pytest.raises(DomainError, match="운영자만"):
        move_transfer(actor=member_a, transfer=transfer, status="consultation")
    for step in ("consultation", "negotiation", "contract", "transferred"):
        move_transfer(actor=staff_user, transfer=transfer, status=step)
    transfer.refresh_from_db()
    assert transfer.status == "transferred" and transfer.next_status is None
    with pytest.raises(DomainError, match="이미 '이전 완료' 처리된"):
        move_transfer(actor=staff_user, transfer=transfer, status="dropped")
    moves = [h.changes["status"] for h in history_of(transfer).filter(
        action="network.transfer.moved").order_by("id")]
    assert moves == [["interest", "consultation"], ["consultation", "negotiation"],
                     ["negotiation", "contract"], ["contract", "transferred"]]


def test_dropped_request_can_be_made_again(staff_user, member_a, company_a, technology):
    first = request_transfer(actor=member_a, company=company_a, technology=technology)
    move_transfer(actor=staff_user, transfer=first, status="dropped")
    second = request_transfer(actor=member_a, company=company_a, technology=technology)
    assert second.status == "interest"
    assert TransferRequest.objects.filter(company=company_a).count() == 2


def test_member_requests_only_for_own_company(member_a, company_b, technology):
    with pytest.raises(DomainError, match="소속된 기업으로만"):
        request_transfer(actor=member_a, company=company_b, technology=technology)
    assert TransferRequest.objects.count() == 0


def test_public_list_and_member_request_page(client, member_a, member_b, company_a, technology,
                                             django_assert_num_queries):
    with django_assert_num_queries(2):  # fields for the filter, technologies
        listing = client.get(reverse("network:technologies")).content.decode()
    assert "고강도 알루미늄 주조 합금" in listing and "한국재료연구원" in listing
    client.force_login(member_a)
    client.post(reverse("network:transfer_new", args=[technology.pk]),
                {"company": company_a.pk, "message": "샘플 평가 원함"})
    assert TransferRequest.objects.get().company == company_a
    assert "고강도 알루미늄" in client.get(reverse("network:transfers")).content.decode()
    client.force_login(member_b)
    assert "고강도 알루미늄" not in client.get(reverse("network:transfers")).content.decode()
    response = client.post(reverse("network:transfer_move",
                                   args=[TransferRequest.objects.get().pk]),
                           {"status": "consultation"})
    assert response.status_code == 403
    assert TransferRequest.objects.get().status == "interest"
