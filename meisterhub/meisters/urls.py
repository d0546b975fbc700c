from django.urls import path

from . import lookup_views, manage_views, views

app_name = "meisters"
urlpatterns = [
    path("", views.meister_list, name="list"),
    path("<int:pk>/", views.meister_detail, name="detail"),
    path("<int:pk>/photo/", views.meister_photo, name="photo"),
    path("manage/", manage_views.manage_list, name="manage_list"),
    path("manage/lookup/", lookup_views.lookup, name="lookup"),
    path("manage/new/", manage_views.manage_create, name="manage_create"),
    path("manage/<int:pk>/", manage_views.manage_edit, name="manage_edit"),
    path("manage/<int:pk>/invite/", manage_views.manage_invite, name="manage_invite"),
]
