"""Fill English translations for msgids this file knows; run after `makemessages -l en`."""

from pathlib import Path

import polib

PO = Path(__file__).resolve().parents[1] / "locale" / "en" / "LC_MESSAGES" / "django.po"

EN = {
    "한국어": "Korean",
    "English": "English",
    "이동 경로": "Breadcrumb",
    "홈": "Home",
    "마이스터 찾기": "Find a meister",
    "사진": "photo",
    "전문분야": "Fields of expertise",
    "주 분야": "main field",
    "센터 근무 요일": "Days at the center",
    "요일 상주 없음 (예약 상담)": "No fixed day (by appointment)",
    "자격·인증": "Certificates",
    "키워드": "Keywords",
    "등록된 키워드가 없습니다": "No keywords yet",
    "경력": "Career",
    "등록된 경력이 없습니다.": "No career details yet.",
    "검색": "Search",
    "불러오는 중…": "Loading…",
    "검색 조건을 확인해 주세요.": "Please check the search filters.",
    "센터 근무": "At the center",
    "예약 상담": "by appointment",
    "페이지": "Pages",
    "이전": "Previous",
    "다음": "Next",
    "조건에 맞는 마이스터가 없습니다.": "No meister matches these filters.",
    "분야나 요일을 바꾸거나 검색어를 줄여 보세요.": "Try another field or day, or a shorter search.",
    "조건 초기화": "Clear filters",
    "마이스터 허브": "Meister Hub",
    "본문 바로가기": "Skip to content",
    "창원 제조기업 기술지원 플랫폼": "Technical support for Changwon manufacturers",
    "주 메뉴": "Main menu",
    "마이페이지": "My page",
    "관리자": "Back office",
    "로그아웃": "Log out",
    "로그인": "Log in",
    "회원가입": "Sign up",
    "언어": "Language",
    "변경": "Change",
    "마이스터 허브 · 창원 제조기업 기술지원 플랫폼": "Meister Hub · technical support for Changwon manufacturers",
    "마이스터센터 · 창업지원센터 · 산업진흥원": "Meister Center · Startup Support Center · Industry Promotion Agency",
    "현장의 기술 문제, 마이스터와 함께 풉니다": "Solve shop-floor problems with a master technician",
    "용접, 열처리, 금형, 유공압, 스마트공장까지. 창원의 기술사·명장·기능장이 요일마다 기술인 카페에서 중소기업과 창업기업의 기술 애로를 상담합니다.": "Welding, heat treatment, molds, hydraulics, smart factories: Changwon's professional "
    "engineers and master craftsmen advise SMEs and startups in the technician cafe every weekday.",
    "마이스터 검색": "Search meisters",
    "예: 용접 균열, 사출 금형, PLC": "e.g. weld crack, injection mold, PLC",
    "찾기": "Find",
    "한눈에 보기": "At a glance",
    "활동 중인 마이스터": "Active meisters",
    "등록 기업": "Registered companies",
    "요일별 상담 마이스터": "Meisters by weekday",
    "전문분야로 찾기": "Find by field",
    "검색어": "Search words",
    "이름, 키워드, 경력": "Name, keyword, career",
    "전체 분야": "All fields",
    "전체 요일": "All days",
    "상담 신청": "Book a consultation",
    "시설 대관": "Rooms",
    "행사·교육": "Events & training",
    "지원사업": "Support programs",
    "원스톱 문의": "One-stop desk",
}
PLURALS = {
    "마이스터 %(n)s명": ("%(n)s meister", "%(n)s meisters"),
    "%(n)s명": ("%(n)s person", "%(n)s people"),
}


def main() -> None:
    po = polib.pofile(str(PO))
    for entry in po:
        text = " ".join(entry.msgid.split())
        if entry.msgid_plural and entry.msgid in PLURALS:
            entry.msgstr_plural = dict(enumerate(PLURALS[entry.msgid]))
        elif text in EN:
            entry.msgstr = EN[text]
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
    po.save()
    po.save_as_mofile(str(PO.with_suffix(".mo")))
    missing = [e.msgid for e in po if not (e.msgstr or e.msgstr_plural)]
    print(f"{len(po) - len(missing)} translated, {len(missing)} missing")


if __name__ == "__main__":
    main()
