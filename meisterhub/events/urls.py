from django.urls import path

from . import contest_views, manage_contest_views, manage_views, views

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
    # Staff running events (행사 관리)
    path("manage/", manage_views.event_list, name="manage_list"),
    path("manage/new/", manage_views.event_create, name="manage_create"),
    path("manage/<int:pk>/", manage_views.event_page, name="manage_event"),
    path("manage/<int:pk>/publish/", manage_views.event_publish, name="manage_publish"),
    path("manage/<int:pk>/close/", manage_views.event_close, name="manage_close"),
    path("manage/<int:pk>/cancel/", manage_views.event_cancel, name="manage_cancel"),
    path("manage/<int:pk>/copy/", manage_views.event_copy, name="manage_copy"),
    path("manage/<int:pk>/contest/", manage_contest_views.contest_settings,
         name="manage_contest"),
    path("manage/<int:pk>/contest/judges/", manage_contest_views.judge_add,
         name="manage_judge_add"),
    path("manage/<int:pk>/contest/judges/<int:judge_pk>/remove/",
         manage_contest_views.judge_remove, name="manage_judge_remove"),
]
