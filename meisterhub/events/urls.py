from django.urls import path

from . import contest_views, views

app_name = "events"
urlpatterns = [
    path("", views.event_list, name="list"),
    path("<int:pk>/", views.event_detail, name="detail"),
    path("<int:pk>/register/", views.register, name="register"),
    path("<int:pk>/checkin/", views.checkin, name="checkin"),
    path("<int:pk>/announce/", views.announce, name="announce"),
    path("registrations/<int:pk>/", views.confirmation, name="confirmation"),
    path("registrations/<int:pk>/cancel/", views.cancel, name="cancel"),
    path("my/", views.my_registrations, name="my"),
    path("counts/", views.counts, name="counts"),
    path("<int:pk>/contest/submit/", contest_views.submit, name="contest_submit"),
    path("<int:pk>/contest/results/", contest_views.results, name="contest_results"),
    path("<int:pk>/contest/manage/", contest_views.manage, name="contest_manage"),
    path("judging/", contest_views.judging, name="judging"),
    path("submissions/<int:pk>/score/", contest_views.score, name="score"),
    path("submissions/<int:pk>/file/", contest_views.submission_file, name="submission_file"),
]
