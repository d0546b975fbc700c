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
