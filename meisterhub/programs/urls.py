from django.urls import path

from .views import applicant, evaluator, public, staff

app_name = "programs"
urlpatterns = [
    path("", public.call_list, name="calls"),
    path("calls/<int:pk>/", public.call_detail, name="call_detail"),
    path("attachments/<int:pk>/", public.attachment_download, name="attachment"),
    path("hidden-champions/", public.hidden_champions, name="champions"),
    path("awards/", public.awards, name="awards"),
    path("outcomes/", public.outcomes, name="outcomes"),
    path("calls/<int:call_pk>/apply/", applicant.application_start, name="application_start"),
    path("my/", applicant.my_applications, name="my_applications"),
    path("applications/<int:pk>/", applicant.application_detail, name="application_detail"),
    path("applications/<int:pk>/edit/", applicant.application_edit, name="application_edit"),
    path("applications/<int:pk>/submit/", applicant.application_submit,
         name="application_submit"),
    path("applications/<int:pk>/withdraw/", applicant.application_withdraw,
         name="application_withdraw"),
    path("documents/<int:pk>/", applicant.document_download, name="document"),
    path("outcomes/report/", applicant.outcome_report, name="outcome_report"),
    path("evaluations/", evaluator.my_assignments, name="my_assignments"),
    path("evaluations/<int:pk>/", evaluator.assignment_score, name="assignment_score"),
    path("manage/calls/<int:pk>/", staff.call_manage, name="call_manage"),
    path("manage/applications/<int:pk>/", staff.staff_application, name="staff_application"),
    path("manage/outcomes/import/", staff.outcome_import, name="outcome_import"),
    path("manage/hidden-champions/", staff.champion_designate, name="champion_designate"),
]
