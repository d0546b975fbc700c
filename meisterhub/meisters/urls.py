from django.urls import path

from . import views

app_name = "meisters"
urlpatterns = [
    path("", views.meister_list, name="list"),
    path("<int:pk>/", views.meister_detail, name="detail"),
    path("<int:pk>/photo/", views.meister_photo, name="photo"),
]
