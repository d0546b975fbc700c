from django.contrib import admin

from .models import Contest, ContestJudge, Criterion, Event, Registration, Submission


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "area", "starts_at", "capacity", "status"]
    list_filter = ["kind", "area", "status"]
    search_fields = ["title"]
    date_hierarchy = "starts_at"


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    """Read-only: seats and the waitlist change only through the services."""

    list_display = ["event", "user", "company", "status", "position", "checked_in_at"]
    list_filter = ["status"]
    list_select_related = ["event", "user", "company"]
    exclude = ["code"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class CriterionInline(admin.TabularInline):
    model = Criterion
    extra = 0


class ContestJudgeInline(admin.TabularInline):
    model = ContestJudge
    extra = 0


@admin.register(Contest)
class ContestAdmin(admin.ModelAdmin):
    list_display = ["event", "submission_deadline", "ranking_published_at"]
    inlines = [CriterionInline, ContestJudgeInline]
    readonly_fields = ["ranking_published_at"]


@admin.register(Submission)
class SubmissionAdmin(admin.ModelAdmin):
    list_display = ["title", "contest", "user", "rank", "award"]
    readonly_fields = ["file_content_type", "rank", "total_score"]
