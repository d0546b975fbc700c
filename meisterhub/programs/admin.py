from django.contrib import admin

from . import models


class RequiredDocumentInline(admin.TabularInline):
    model = models.RequiredDocument
    extra = 0


class CriterionInline(admin.TabularInline):
    model = models.Criterion
    extra = 0


class CallAttachmentInline(admin.TabularInline):
    model = models.CallAttachment
    extra = 0


class ServiceOnlyMixin:
    """These records change only through the services (rules, History): view them here."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(models.Program)
class ProgramAdmin(admin.ModelAdmin):
    list_display = ["name", "area", "year"]
    list_filter = ["area", "year"]
    search_fields = ["name"]


@admin.register(models.Call)
class CallAdmin(admin.ModelAdmin):
    list_display = ["title", "program", "published_at", "opens_at", "closes_at", "selection_count",
                    "selected_at"]
    list_filter = ["program__area", "program__year"]
    search_fields = ["title"]
    list_select_related = ["program"]
    raw_id_fields = ["evaluators"]
    inlines = [RequiredDocumentInline, CriterionInline, CallAttachmentInline]


@admin.register(models.Application)
class ApplicationAdmin(ServiceOnlyMixin, admin.ModelAdmin):
    list_display = ["company", "call", "status", "submitted_at", "final_score", "rank"]
    list_filter = ["status"]
    search_fields = ["company__name", "call__title"]
    list_select_related = ["company", "call"]
    raw_id_fields = ["company", "applicant", "call"]
    readonly_fields = ["final_score", "rank", "decided_at", "submitted_at"]


@admin.register(models.ConflictDeclaration)
class ConflictDeclarationAdmin(ServiceOnlyMixin, admin.ModelAdmin):
    list_display = ["evaluator", "company", "reason", "created_at"]
    raw_id_fields = ["evaluator", "company"]


@admin.register(models.Assignment)
class AssignmentAdmin(ServiceOnlyMixin, admin.ModelAdmin):
    list_display = ["application", "evaluator", "submitted_at", "total"]
    raw_id_fields = ["application", "evaluator", "assigned_by"]
    readonly_fields = ["submitted_at", "total"]


@admin.register(models.Agreement)
class AgreementAdmin(admin.ModelAdmin):
    list_display = ["application", "support_amount", "signed_on", "completed_on"]
    raw_id_fields = ["application"]


@admin.register(models.Beneficiary)
class BeneficiaryAdmin(admin.ModelAdmin):
    list_display = ["company", "program", "year"]
    list_filter = ["year"]
    raw_id_fields = ["company", "program", "application"]


@admin.register(models.OutcomeReport)
class OutcomeReportAdmin(admin.ModelAdmin):
    list_display = ["company", "year", "export_amount", "employees", "production_amount", "source"]
    list_filter = ["year", "source"]
    raw_id_fields = ["company", "reported_by"]


@admin.register(models.HiddenChampion)
class HiddenChampionAdmin(ServiceOnlyMixin, admin.ModelAdmin):
    list_display = ["company", "year", "citation"]
    list_filter = ["year"]
    raw_id_fields = ["company", "designated_by"]


@admin.register(models.Award)
class AwardAdmin(admin.ModelAdmin):
    list_display = ["year", "category", "company", "meister", "title"]
    list_filter = ["year", "category"]
    raw_id_fields = ["company", "meister"]
