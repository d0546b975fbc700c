"""The main menu and the my page, per role: each role is shown only what it can use.

A role's key is "anonymous", "staff" (operators, superusers included) or the user's role.
tests/authz/test_crawl.py follows every link each role is shown and fails on any 4xx/5xx.
"""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop as N_

ANONYMOUS, STAFF, COMPANY = "anonymous", "staff", "company_member"
MEISTER, EVALUATOR, COUNCIL = "meister", "evaluator", "council_member"
EVERY_ROLE = frozenset({ANONYMOUS, STAFF, COMPANY, MEISTER, EVALUATOR, COUNCIL})
# Who asks for help: a company member, or a visitor who will sign up first.
REQUESTERS = frozenset({ANONYMOUS, COMPANY})

MAIN_MENU = [
    ("meisters:list", N_("마이스터 찾기"), "meisters", EVERY_ROLE),
    ("consultations:new", N_("상담 신청"), "consultations", REQUESTERS),
    ("consultations:meister_home", N_("나의 상담"), "consultations", {MEISTER}),
    ("consultations:my_schedule", N_("내 일정"), "consultations", {MEISTER}),
    ("consultations:staff_list", N_("상담 관리"), "consultations", {STAFF}),
    ("facilities:list", N_("시설 대관"), "facilities", EVERY_ROLE),
    ("events:list", N_("행사·교육"), "events", EVERY_ROLE),
    ("programs:calls", N_("지원사업"), "programs", EVERY_ROLE),
    ("network:technologies", N_("기술이전"), "network", EVERY_ROLE),
    ("network:inquiry_new", N_("원스톱 문의"), "network", REQUESTERS),
]


def role_of(user) -> str:
    if user is None or not user.is_authenticated:
        return ANONYMOUS
    return STAFF if user.is_operator else user.role


def main_menu(request):
    role = role_of(getattr(request, "user", None))
    match = getattr(request, "resolver_match", None)
    view, current = getattr(match, "view_name", ""), getattr(match, "namespace", "")
    visible = [(name, label, namespace) for name, label, namespace, who in MAIN_MENU if role in who]
    # One item is current: the page itself, or else the first item of the page's section.
    exact = any(name == view for name, _label, _ns in visible)
    marked, items = False, []
    for name, label, namespace in visible:
        is_current = name == view if exact else (namespace == current and not marked)
        marked = marked or is_current
        items.append({"url": reverse(name), "label": _(label), "current": is_current})
    return {
        "main_menu": items,
        "can_request_consultation": role in REQUESTERS,
        "can_open_admin": role == STAFF,
    }


# My page: the work each role comes back for, in groups.
MY_LINKS = {
    COMPANY: [
        (N_("나의 기록"), [
            ("consultations:my", N_("나의 상담 (예약·제안·일정 변경·상담일지·만족도 조사)")),
            ("programs:my_applications", N_("지원사업 신청 내역")),
            ("facilities:my", N_("시설 예약 내역")),
            ("events:my", N_("행사 신청 내역")),
            ("network:my_inquiries", N_("문의 내역")),
            ("mentoring:list", N_("멘토링")),
        ]),
    ],
    MEISTER: [
        (N_("나의 일"), [
            ("consultations:meister_home", N_("상담 현황 (답이 필요한 신청, 오늘과 다가오는 상담, 상담일지)")),
            ("consultations:my_schedule", N_("내 일정 (요일별 상담 시간·휴가)")),
            ("mentoring:list", N_("멘토링")),
            ("network:my_inquiries", N_("배정된 문의")),
        ]),
    ],
    STAFF: [
        (N_("상담"), [
            ("consultations:staff_list", N_("상담 신청 관리")),
            ("consultations:rotation_board", N_("상담 일정표 (마이스터 × 요일)")),
            ("consultations:walk_in", N_("현장 방문 상담 기록")),
            ("consultations:closures", N_("임시 휴무 관리")),
            ("consultations:satisfaction", N_("만족도 통계")),
            ("mentoring:list", N_("멘토링 현황")),
        ]),
        (N_("행사·시설·마이스터"), [
            ("events:manage_list", N_("행사·공모전 관리")),
            ("events:counts", N_("행사 실적")),
            ("facilities:manage_list", N_("시설 관리")),
            ("meisters:manage_list", N_("마이스터 관리·초대")),
        ]),
        (N_("지원사업"), [
            ("programs:manage_calls", N_("공고 관리 (작성·게시·마감·복사)")),
            ("programs:manage_programs", N_("지원사업 관리")),
            ("programs:outcome_import", N_("성과 가져오기")),
        ]),
        (N_("네트워크"), [
            ("network:desk", N_("원스톱 문의 데스크")),
            ("network:councils", N_("협의회")),
            ("network:projects", N_("스마트공장 사업")),
            ("network:institutions", N_("기관·연락처")),
            ("network:transfers", N_("기술이전 요청")),
        ]),
        (N_("보고·기록"), [
            ("reports:dashboard", N_("실적 대시보드·성과 보고서")),
            ("reports:workers", N_("기능인력 DB")),
            ("notifications:deliveries", N_("메시지 발송 기록")),
            ("admin:index", N_("관리자 화면 (기술 지원용)")),
        ]),
    ],
    EVALUATOR: [
        (N_("심사"), [
            ("programs:my_assignments", N_("평가 배정 목록")),
            ("events:judging", N_("공모전 심사")),
        ]),
    ],
    COUNCIL: [(N_("협의회"), [("network:councils", N_("나의 협의회"))])],
}

EVERYONE_LINKS = [
    ("notifications:inbox", N_("알림")),
    ("notifications:preferences", N_("알림 수신 설정")),
]


def my_link_groups(user) -> list[dict]:
    groups = [
        {"title": _(title), "links": [{"url": reverse(n), "label": _(label)} for n, label in links]}
        for title, links in MY_LINKS.get(role_of(user), [])
    ]
    groups.append({
        "title": _("알림"),
        "links": [{"url": reverse(n), "label": _(label)} for n, label in EVERYONE_LINKS],
    })
    return groups

