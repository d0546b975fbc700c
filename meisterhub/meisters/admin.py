from django import forms
from django.contrib import admin

from meisterhub.core.admin import HistoryAdminMixin
from meisterhub.core.uploads import stored_name, validate_image

from .models import Field, Meister, MeisterField
from .services import refresh_search_text


class MeisterAdminForm(forms.ModelForm):
    class Meta:
        model = Meister
        fields = "__all__"  # noqa: DJ007 - the admin edits every column

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        if photo and hasattr(photo, "content_type"):  # a new upload, not the stored file
            photo.name = stored_name(validate_image(photo))
        return photo


class MeisterFieldInline(admin.TabularInline):
    model = MeisterField
    extra = 0
    min_num = 1
    max_num = 3
    validate_min = True
    validate_max = True


@admin.register(Meister)
class MeisterAdmin(HistoryAdminMixin, admin.ModelAdmin):
    history_prefix = "meisters.meister"
    form = MeisterAdminForm
    list_display = ["name", "title", "roster_id", "is_active", "weekdays"]
    list_filter = ["is_active", "title", "fields"]
    search_fields = ["name", "roster_id", "search_text"]
    inlines = [MeisterFieldInline]
    autocomplete_fields = ["user"]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        refresh_search_text(form.instance)


@admin.register(Field)
class FieldAdmin(admin.ModelAdmin):
    list_display = ["code", "name_ko", "name_en", "order"]
    search_fields = ["code", "name_ko", "name_en"]
