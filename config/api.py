from ninja import NinjaAPI

from meisterhub.meisters.api import router as meisters_router

api = NinjaAPI(
    title="마이스터 허브 API",
    version="1.0",
    description="마이스터, 전문분야 등 공개 정보와 로그인한 사용자의 기록을 다루는 JSON API",
    urls_namespace="api",
)
api.add_router("/meisters", meisters_router, tags=["마이스터"])
