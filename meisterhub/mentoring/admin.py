from django.contrib import admin

from .models import MentoringEngagement, MentoringGoal, MentoringSession


class GoalInline(admin.TabularInline):
    model = MentoringGoal
    extra = 0


@admin.register(MentoringEngagement)
class MentoringEngagementAdmin(admin.ModelAdmin):
    list_display = ["company", "mentor", "starts_on", "ends_on", "status"]
    list_filter = ["status"]
    list_select_related = ["company", "mentor"]
    inlines = [GoalInline]


@admin.register(MentoringSession)
class MentoringSessionAdmin(admin.ModelAdmin):
    list_display = ["engagement", "held_on"]
    list_select_related = ["engagement__company", "engagement__mentor"]
