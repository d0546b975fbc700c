from django.urls import path

from .views import dashboard, transfer, workers

app_name = "reports"
urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("annual/", dashboard.report_new, name="report_new"),
    path("annual/<int:pk>/", dashboard.report_job, name="report_job"),
    path("annual/<int:pk>/<str:kind>/", dashboard.report_file, name="report_file"),
    path("workers/", workers.worker_list, name="workers"),
    path("workers/new/", workers.worker_new, name="worker_new"),
    path("workers/<int:pk>/", workers.worker_detail, name="worker_detail"),
    path("transfer/", transfer.transfer, name="transfer"),
    path("transfer/import/", transfer.import_view, name="import"),
    path("transfer/import/<int:pk>/confirm/", transfer.import_confirm, name="import_confirm"),
    path("transfer/export/", transfer.export_view, name="export"),
]
