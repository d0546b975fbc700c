from django.urls import path

from . import manage_views, views

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
    path("manage/", manage_views.manage_list, name="manage_list"),
    path("manage/new/", manage_views.manage_create, name="manage_create"),
    path("manage/<int:pk>/", manage_views.manage_edit, name="manage_edit"),
    path("manage/<int:pk>/active/", manage_views.manage_active, name="manage_active"),
    path("manage/<int:pk>/copy/", manage_views.manage_copy, name="manage_copy"),
    path("manage/<int:pk>/photos/", manage_views.manage_photo_add, name="manage_photo_add"),
    path("manage/photos/<int:pk>/remove/", manage_views.manage_photo_remove,
         name="manage_photo_remove"),
]
