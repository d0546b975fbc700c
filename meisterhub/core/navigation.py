"""The main menu. An entry whose page is not there yet is left out rather than breaking pages."""

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop as N_

MAIN_MENU = [
    ("meisters:list", N_("마이스터 찾기"), "meisters"),
    ("consultations:new", N_("상담 신청"), "consultations"),
    ("facilities:list", N_("시설 대관"), "facilities"),
    ("events:list", N_("행사·교육"), "events"),
    ("programs:calls", N_("지원사업"), "programs"),
    ("network:technologies", N_("기술이전"), "network"),
    ("network:inquiry_new", N_("원스톱 문의"), "network"),
]


def main_menu(request):
    items = []
    current = getattr(getattr(request, "resolver_match", None), "namespace", "")
    for name, label, namespace in MAIN_MENU:
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue
        items.append({"url": url, "label": _(label), "current": current == namespace})
    return {"main_menu": items}


# My page: the work each role comes back for. Pages not built yet are left out.
MY_LINKS = {
    "company_member": [
        ("consultations:my", N_("나의 상담 (예약·상담일지·만족도 조사)")),
        ("programs:my_applications", N_("지원사업 신청 내역")),
        ("facilities:my", N_("시설 예약 내역")),
        ("events:my", N_("행사 신청 내역")),
        ("network:my_inquiries", N_("문의 내역")),
        ("mentoring:list", N_("멘토링")),
    ],
    "meister": [
        ("consultations:meister_home", N_("오늘과 다가오는 상담, 작성할 상담일지")),
        ("mentoring:list", N_("멘토링")),
        ("network:desk", N_("배정된 문의")),
    ],
    "staff": [
        ("consultations:staff_list", N_("상담 신청 관리")),
        ("consultations:walk_in", N_("현장 방문 상담 기록")),
        ("consultations:closures", N_("임시 휴무 관리")),
        ("consultations:satisfaction", N_("만족도 통계")),
        ("mentoring:list", N_("멘토링 현황")),
        ("events:checkin", N_("행사 체크인")),
        ("events:counts", N_("행사 실적")),
        ("network:desk", N_("원스톱 문의 데스크")),
        ("network:councils", N_("협의회")),
        ("network:projects", N_("스마트공장 사업")),
        ("network:institutions", N_("기관·연락처")),
        ("network:transfers", N_("기술이전 요청")),
        ("reports:dashboard", N_("실적 대시보드·성과 보고서")),
        ("reports:workers", N_("기능인력 DB")),
        ("notifications:deliveries", N_("메시지 발송 기록")),
        ("admin:index", N_("관리자 화면")),
    ],
    "evaluator": [
        ("programs:my_assignments", N_("평가 배정 목록")),
        ("events:judging", N_("공모전 심사")),
    ],
    "council_member": [("network:councils", N_("나의 협의회"))],
}


EVERYONE_LINKS = [
    ("notifications:inbox", N_("알림")),
    ("notifications:preferences", N_("알림 수신 설정")),
]


def my_links(user) -> list[dict]:
    role = "staff" if user.is_operator else user.role
    links = []
    for name, label in [*MY_LINKS.get(role, []), *EVERYONE_LINKS]:
        try:
            links.append({"url": reverse(name), "label": _(label)})
        except NoReverseMatch:
            continue
    return links
