from django.urls import path

from . import lookup_views, views

app_name = "companies"
urlpatterns = [
    path("start/", views.start, name="start"),
    path("lookup/", lookup_views.lookup, name="lookup"),
    path("<int:pk>/", views.company_detail, name="detail"),
    path("<int:pk>/edit/", views.company_edit, name="edit"),
    path("memberships/<int:pk>/approve/", views.approve_membership, name="approve"),
]
