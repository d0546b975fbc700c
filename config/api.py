from ninja import NinjaAPI

from meisterhub.consultations.api import router as consultations_router
from meisterhub.core.api_errors import install as install_error_handlers
from meisterhub.core.throttling import AnonymousRate, SignedInRate
from meisterhub.events.api import router as events_router
from meisterhub.facilities.api import router as facilities_router
from meisterhub.meisters.api import router as meisters_router
from meisterhub.mentoring.api import router as mentoring_router
from meisterhub.network.api import router as network_router
from meisterhub.programs.api import router as programs_router
from meisterhub.reports.api import router as reports_router

api = NinjaAPI(
    title="마이스터 허브 API",
    version="1.0",
    description="마이스터, 전문분야 등 공개 정보와 로그인한 사용자의 기록을 다루는 JSON API",
    urls_namespace="api",
    # Per client address when signed out, per user when signed in; 429 with Retry-After.
    throttle=[AnonymousRate(), SignedInRate()],
)


install_error_handlers(api)

api.add_router("/meisters", meisters_router, tags=["마이스터"])
api.add_router("/consultations", consultations_router, tags=["상담"])
api.add_router("/mentoring", mentoring_router, tags=["멘토링"])
api.add_router("/facilities", facilities_router, tags=["시설·대관"])
api.add_router("/events", events_router, tags=["행사"])
api.add_router("/programs", programs_router, tags=["지원사업"])
api.add_router("/network", network_router, tags=["네트워크"])
api.add_router("/reports", reports_router, tags=["보고서"])
api.add_router("/rotation", "meisterhub.consultations.api_rotation.router", tags=["상담 일정"])
