from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from meisterhub.core import views_privacy

from . import views
from .api import api

handler500 = "meisterhub.core.views.server_error"

admin.site.site_header = "마이스터 허브 관리"
admin.site.site_title = "마이스터 허브 관리"
admin.site.index_title = "운영 관리"

urlpatterns = [
    path("", views.home, name="home"),
    path("meisters/", include("meisterhub.meisters.urls")),
    path("accounts/", include("meisterhub.accounts.urls")),
    path("companies/", include("meisterhub.companies.urls")),
    path("consultations/", include("meisterhub.consultations.urls")),
    path("mentoring/", include("meisterhub.mentoring.urls")),
    path("facilities/", include("meisterhub.facilities.urls")),
    path("events/", include("meisterhub.events.urls")),
    path("programs/", include("meisterhub.programs.urls")),
    path("network/", include("meisterhub.network.urls")),
    path("reports/", include("meisterhub.reports.urls")),
    path("matching/", include("meisterhub.matching.urls")),
    path("notifications/", include("meisterhub.notifications.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path(
        "privacy/reveal/<str:label>/<str:pk>/",
        views_privacy.reveal_personal_data,
        name="reveal_personal_data",
    ),
    path("api/", api.urls),
    path("manage/", admin.site.urls),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
