from django.contrib import admin

from . import models


class ContactInline(admin.TabularInline):
    model = models.InstitutionContact
    extra = 0


class MembershipInline(admin.TabularInline):
    model = models.CouncilMembership
    extra = 0
    autocomplete_fields = ["institution"]


@admin.register(models.Institution)
class InstitutionAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name"]
    inlines = [ContactInline]


@admin.register(models.Council)
class CouncilAdmin(admin.ModelAdmin):
    list_display = ["name", "founded_on"]
    inlines = [MembershipInline]


@admin.register(models.CouncilSeat)
class CouncilSeatAdmin(admin.ModelAdmin):
    list_display = ["user", "council", "institution"]


@admin.register(models.Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["title", "council", "kind", "held_on"]
    list_filter = ["kind", "council"]


@admin.register(models.Decision)
class DecisionAdmin(admin.ModelAdmin):
    list_display = ["text", "owner_institution", "owner_person", "due_on", "status"]
    list_filter = ["status"]


@admin.register(models.SmartFactoryProject)
class ProjectAdmin(admin.ModelAdmin):
    list_display = ["company", "year", "level", "supplier", "total_amount", "status"]
    list_filter = ["year", "level", "status"]
    list_select_related = ["company", "supplier"]


@admin.register(models.Inquiry)
class InquiryAdmin(admin.ModelAdmin):
    list_display = ["title", "channel", "category", "status", "deadline"]
    list_filter = ["status", "channel", "category"]
    readonly_fields = ["received_at", "routed_at", "answered_at", "closed_at"]


@admin.register(models.Technology)
class TechnologyAdmin(admin.ModelAdmin):
    list_display = ["title", "field", "trl", "owner", "is_published"]
    list_filter = ["is_published", "field"]


@admin.register(models.TransferRequest)
class TransferRequestAdmin(admin.ModelAdmin):
    list_display = ["company", "technology", "status", "updated_at"]
    list_filter = ["status"]
