from django.contrib import admin

from .history import diff, record, snapshot
from .models import History


class HistoryAdminMixin:
    """Admin changes to business records write History rows with a diff, like the services do."""

    history_prefix = ""

    def save_model(self, request, obj, form, change):
        before = {}
        if change and obj.pk:
            before = snapshot(type(obj).objects.get(pk=obj.pk))
        super().save_model(request, obj, form, change)
        verb = "updated" if change else "created"
        record(
            actor=request.user,
            action=f"{self.history_prefix}.{verb}",
            instance=obj,
            changes=diff(before, snapshot(obj)),
        )

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        changed = [fs.model._meta.verbose_name for fs in formsets if fs.has_changed()]
        m2m = [
            name
            for name in form.changed_data
            if name in {f.name for f in form.instance._meta.many_to_many}
        ]
        if changed or m2m:
            record(
                actor=request.user,
                action=f"{self.history_prefix}.related_updated",
                instance=form.instance,
                changes={"related": [str(x) for x in changed + m2m]},
            )

    def delete_model(self, request, obj):
        record(
            actor=request.user,
            action=f"{self.history_prefix}.deleted",
            instance=obj,
            changes=diff(snapshot(obj), {}),
        )
        super().delete_model(request, obj)


@admin.register(History)
class HistoryAdmin(admin.ModelAdmin):
    list_display = ["created_at", "actor", "action", "object_repr"]
    list_filter = ["action", "content_type"]
    search_fields = ["object_repr", "action"]
    list_select_related = ["actor"]
    readonly_fields = [f.name for f in History._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
