"""Staff edit the rotation here; bookings are changed only through the services (read-only)."""

from django.contrib import admin

from .models import (
    Booking,
    Closure,
    ConsultationRecord,
    MeisterLeave,
    OnsiteEngagement,
    RotationBlock,
    RotationChange,
    SatisfactionSurvey,
)


@admin.register(RotationBlock)
class RotationBlockAdmin(admin.ModelAdmin):
    list_display = [
        "meister",
        "weekday",
        "start_time",
        "end_time",
        "place",
        "slot_minutes",
        "pattern",
        "valid_from",
        "valid_until",
    ]
    list_filter = ["weekday", "pattern", "place"]
    list_select_related = ["meister"]
    autocomplete_fields = ["meister"]
    search_fields = ["meister__name"]


@admin.register(MeisterLeave)
class MeisterLeaveAdmin(admin.ModelAdmin):
    list_display = ["meister", "starts_on", "ends_on", "reason"]
    list_select_related = ["meister"]
    autocomplete_fields = ["meister"]


@admin.register(RotationChange)
class RotationChangeAdmin(admin.ModelAdmin):
    list_display = ["meister", "date", "kind", "start_time", "end_time", "place", "reason"]
    list_filter = ["kind"]
    list_select_related = ["meister"]
    autocomplete_fields = ["meister"]


@admin.register(Closure)
class ClosureAdmin(admin.ModelAdmin):
    list_display = ["starts_on", "ends_on", "reason"]


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Booking)
class BookingAdmin(ReadOnlyAdmin):
    list_display = ["starts_at", "meister", "company", "channel", "status"]
    list_filter = ["status", "channel"]
    list_select_related = ["meister", "company"]


@admin.register(ConsultationRecord)
class ConsultationRecordAdmin(ReadOnlyAdmin):
    list_display = ["booking", "follow_up", "hours"]
    list_select_related = ["booking__meister"]


@admin.register(OnsiteEngagement)
class OnsiteEngagementAdmin(ReadOnlyAdmin):
    list_display = ["company", "meister", "status", "visit_quota"]
    list_select_related = ["company", "meister"]


@admin.register(SatisfactionSurvey)
class SatisfactionSurveyAdmin(ReadOnlyAdmin):
    list_display = ["booking", "score"]
    list_select_related = ["booking__meister"]
