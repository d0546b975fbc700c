"""The main menu. An entry whose page is not there yet is left out rather than breaking pages."""

from django.urls import NoReverseMatch, reverse

MAIN_MENU = [
    ("meisters:list", "마이스터 찾기", "meisters"),
    ("consultations:new", "상담 신청", "consultations"),
    ("facilities:list", "시설 대관", "facilities"),
    ("events:list", "행사·교육", "events"),
    ("programs:calls", "지원사업", "programs"),
    ("network:inquiry_new", "원스톱 문의", "network"),
]


def main_menu(request):
    items = []
    current = getattr(getattr(request, "resolver_match", None), "namespace", "")
    for name, label, namespace in MAIN_MENU:
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue
        items.append({"url": url, "label": label, "current": current == namespace})
    return {"main_menu": items}
