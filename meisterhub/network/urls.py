from django.urls import path

from .views import councils, inquiries, projects, transfer

app_name = "network"
urlpatterns = [
    path("inquiries/new/", inquiries.inquiry_new, name="inquiry_new"),
    path("inquiries/mine/", inquiries.my_inquiries, name="my_inquiries"),
    path("inquiries/<int:pk>/", inquiries.inquiry_detail, name="inquiry_detail"),
    path("inquiries/<int:pk>/route/", inquiries.inquiry_route, name="inquiry_route"),
    path("inquiries/<int:pk>/answer/", inquiries.inquiry_answer, name="inquiry_answer"),
    path("inquiries/<int:pk>/close/", inquiries.inquiry_close, name="inquiry_close"),
    path("desk/", inquiries.desk, name="desk"),
    path("desk/log/", inquiries.desk_log, name="desk_log"),
    path("councils/", councils.council_list, name="councils"),
    path("councils/<int:pk>/", councils.council_detail, name="council_detail"),
    path("councils/<int:pk>/meetings/new/", councils.meeting_new, name="meeting_new"),
    path("meetings/<int:pk>/", councils.meeting_detail, name="meeting_detail"),
    path("meetings/<int:pk>/minutes/", councils.meeting_minutes, name="meeting_minutes"),
    path("meetings/<int:pk>/minutes/file/", councils.minutes_file, name="minutes_file"),
    path("meetings/<int:pk>/decisions/", councils.decision_new, name="decision_new"),
    path("decisions/<int:pk>/status/", councils.decision_status, name="decision_status"),
    path("institutions/", councils.institution_list, name="institutions"),
    path("institutions/<int:pk>/", councils.institution_detail, name="institution_detail"),
    path("smart-factory/", projects.project_list, name="projects"),
    path("smart-factory/new/", projects.project_new, name="project_new"),
    path("smart-factory/<int:pk>/", projects.project_detail, name="project_detail"),
    path("smart-factory/<int:pk>/status/", projects.project_status, name="project_status"),
    path("technologies/", transfer.technology_list, name="technologies"),
    path("technologies/<int:pk>/", transfer.technology_detail, name="technology_detail"),
    path("technologies/<int:pk>/request/", transfer.transfer_new, name="transfer_new"),
    path("transfers/", transfer.transfers, name="transfers"),
    path("transfers/<int:pk>/move/", transfer.transfer_move, name="transfer_move"),
]
