from django.urls import path

from . import views

app_name = "facilities"
urlpatterns = [
    path("", views.facility_list, name="list"),
    path("<int:pk>/", views.facility_detail, name="detail"),
    path("<int:pk>/reserve/", views.reserve, name="reserve"),
    path("<int:pk>/calendar.ics", views.calendar_feed, name="ics"),
    path("photos/<int:pk>/", views.photo, name="photo"),
    path("my/", views.my_list, name="my"),
    path("reservations/<int:pk>/cancel/", views.cancel, name="cancel"),
    path("reservations/<int:pk>/decide/", views.decide, name="decide"),
]
