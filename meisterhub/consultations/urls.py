from django.urls import path

from .views import company, decisions, meister, public, rotation, rotation_leave, staff

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
    # booking decisions
    path("<int:pk>/decide/", decisions.decide, name="decide"),
    path("<int:pk>/meister-confirm/", decisions.meister_confirm, name="meister_confirm"),
    path("<int:pk>/decline/", decisions.decline, name="decline"),
    path("<int:pk>/propose/", decisions.propose, name="propose"),
    path("<int:pk>/accept-proposal/", decisions.accept_proposal, name="accept_proposal"),
    path("<int:pk>/reject-proposal/", decisions.reject_proposal, name="reject_proposal"),
    path("<int:pk>/reschedule/", decisions.reschedule, name="reschedule"),
]

# rotation
urlpatterns += [
    path("staff/rotation/", rotation.rotation_board, name="rotation_board"),
    path(
        "staff/rotation/cell/<int:meister_pk>/<str:day>/",
        rotation.rotation_cell,
        name="rotation_cell",
    ),
    path("rotation/blocks/new/", rotation.block_new, name="rotation_block_new"),
    path("rotation/blocks/<int:pk>/", rotation.block_edit, name="rotation_block_edit"),
    path("rotation/blocks/<int:pk>/delete/", rotation.block_delete, name="rotation_block_delete"),
    path("meister/schedule/", rotation_leave.my_schedule, name="my_schedule"),
    path("rotation/leave/new/", rotation_leave.leave_new, name="rotation_leave_new"),
    path(
        "rotation/leave/<int:pk>/withdraw/",
        rotation_leave.leave_withdraw,
        name="rotation_leave_withdraw",
    ),
]
