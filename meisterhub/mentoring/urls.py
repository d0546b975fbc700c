from django.urls import path

from . import views

app_name = "mentoring"
urlpatterns = [
    path("", views.engagement_list, name="list"),
    path("new/", views.engagement_new, name="new"),
    path("<int:pk>/", views.engagement_detail, name="detail"),
    path("<int:pk>/complete/", views.engagement_complete, name="complete"),
    path("goals/<int:pk>/status/", views.goal_status, name="goal_status"),
]
