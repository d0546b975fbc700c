from django.urls import path

from .views import company, meister, public, staff

app_name = "consultations"
urlpatterns = [
    path("", public.week, name="week"),
    path("meisters/<int:pk>/month/", public.meister_month, name="meister_month"),
    path("new/", company.new, name="new"),
    path("my/", company.my, name="my"),
    path("<int:pk>/", company.detail, name="detail"),
    path("<int:pk>/cancel/", company.cancel, name="cancel"),
    path("<int:pk>/survey/", company.survey, name="survey"),
    path("attachments/<int:pk>/", company.attachment, name="attachment"),
    path("meister/", meister.meister_home, name="meister_home"),
    path("<int:pk>/record/", meister.record, name="record"),
    path("<int:pk>/complete/", meister.complete, name="complete"),
    path("onsite/<int:pk>/", meister.onsite_detail, name="onsite_detail"),
    path("staff/", staff.staff_list, name="staff_list"),
    path("<int:pk>/confirm/", staff.confirm, name="confirm"),
    path("staff/walk-in/", staff.walk_in, name="walk_in"),
    path("staff/closures/", staff.closures, name="closures"),
    path("staff/satisfaction/", staff.satisfaction, name="satisfaction"),
]
