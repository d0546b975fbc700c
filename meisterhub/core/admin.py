from django.contrib import admin

from .admin_privacy import mask_personal_data_in_admin
from .history import diff, record, snapshot
from .models import History, PersonalDataAccess
from .privacy import mask_value, personal_fields_of


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

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            record(
                actor=request.user,
                action=f"{self.history_prefix}.deleted",
                instance=obj,
                changes=diff(snapshot(obj), {}),
            )
        super().delete_queryset(request, queryset)

    def delete_model(self, request, obj):
        record(
            actor=request.user,
            action=f"{self.history_prefix}.deleted",
            instance=obj,
            changes=diff(snapshot(obj), {}),
        )
        super().delete_model(request, obj)


def keep_history_of_every_admin_change(site, app_prefix: str = "meisterhub.") -> int:
    """Give every back-office model of the project the History mixin, so that no admin edit of
    a business record goes unrecorded, whoever wrote the ModelAdmin."""
    wrapped = 0
    for model, model_admin in list(site._registry.items()):
        admin_class = type(model_admin)
        if not model.__module__.startswith(app_prefix) or isinstance(
            model_admin, HistoryAdminMixin
        ):
            continue
        if model is History:
            continue
        meta = model._meta
        history_admin = type(
            admin_class.__name__,
            (HistoryAdminMixin, admin_class),
            {
                "history_prefix": f"{meta.app_label}.{meta.model_name}",
                "__module__": admin_class.__module__,
            },
        )
        site.unregister(model)
        site.register(model, history_admin)
        wrapped += 1
    # Called once every admin is registered (the core app's ready()): the moment to mask too.
    mask_personal_data_in_admin(site)
    return wrapped


@admin.register(History)
class HistoryAdmin(admin.ModelAdmin):
    list_display = ["created_at", "actor", "action", "object_repr"]
    list_filter = ["action", "content_type"]
    search_fields = ["object_repr", "action"]
    list_select_related = ["actor"]
    readonly_fields = [
        "changes_masked" if f.name == "changes" else f.name for f in History._meta.fields
    ]
    fields = readonly_fields

    @admin.display(description="변경 내용")
    def changes_masked(self, entry):
        """A diff of a personal field (e-mail, phone) would show both values in full."""
        model = entry.content_type.model_class() if entry.content_type_id else None
        personal = set(personal_fields_of(model)) if model else set()
        changes = entry.changes if isinstance(entry.changes, dict) else {}
        return {
            name: [mask_value(str(v or "")) for v in pair]
            if name in personal and isinstance(pair, (list, tuple))
            else (mask_value(str(pair or "")) if name in personal else pair)
            for name, pair in changes.items()
        }

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(PersonalDataAccess)
class PersonalDataAccessAdmin(admin.ModelAdmin):
    """The log itself: read-only, so that nobody edits away a view."""

    list_display = ["created_at", "actor", "object_repr", "fields", "reason"]
    list_filter = ["content_type"]
    search_fields = ["object_repr", "reason", "actor__username", "actor__full_name"]
    list_select_related = ["actor"]
    readonly_fields = [f.name for f in PersonalDataAccess._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
