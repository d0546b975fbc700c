from django import forms
from django.contrib import admin

from meisterhub.core.uploads import validate_image

from . import conf
from .models import Facility, FacilityPhoto, Reservation, ResidentCompany


class FacilityPhotoForm(forms.ModelForm):
    """Photos uploaded here get the same content check as the service's."""

    class Meta:
        model = FacilityPhoto
        fields = ["image", "caption", "order"]

    def clean_image(self):
        image = self.cleaned_data["image"]
        if image and hasattr(image, "content_type"):  # a new upload, not the stored file
            self.instance.content_type = validate_image(
                image, max_bytes=conf.FACILITY_PHOTO_MAX_BYTES)
        return image


class FacilityPhotoInline(admin.TabularInline):
    model = FacilityPhoto
    form = FacilityPhotoForm
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
