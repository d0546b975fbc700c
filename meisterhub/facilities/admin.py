from django.contrib import admin

from .models import Facility, FacilityPhoto, Reservation, ResidentCompany


class FacilityPhotoInline(admin.TabularInline):
    model = FacilityPhoto
    extra = 0
    readonly_fields = ["content_type"]


@admin.register(Facility)
class FacilityAdmin(admin.ModelAdmin):
    list_display = ["name", "center", "kind", "capacity", "booking_policy", "approval_required",
                    "buffer_minutes", "is_active"]
    list_filter = ["center", "kind", "booking_policy", "is_active"]
    inlines = [FacilityPhotoInline]


@admin.register(ResidentCompany)
class ResidentCompanyAdmin(admin.ModelAdmin):
    list_display = ["company", "center", "room", "moved_in_on", "moved_out_on"]
    list_filter = ["center"]
    autocomplete_fields = ["company"]


@admin.register(Reservation)
class ReservationAdmin(admin.ModelAdmin):
    """Read-only here: reservations change only through the services (overlap rules)."""

    list_display = ["facility", "starts_at", "ends_at", "company", "user", "status"]
    list_filter = ["status", "facility__center", "facility"]
    date_hierarchy = "starts_at"
    list_select_related = ["facility", "company", "user"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
