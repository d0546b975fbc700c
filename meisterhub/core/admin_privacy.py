"""Personal data in the Django admin (/manage/): masked in changelists and change forms.

A change form shows each registered personal field masked and read-only, with a link to give a
reason; the reason unlocks that one record in that session for a few minutes, during which the
change form shows and edits the full values and every such view writes a PersonalDataAccess row.
Inline rows of personal models (an institution's contacts) follow their parent record.
"""

import time

from django import forms
from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.forms.models import _get_foreign_key
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from .errors import DomainError
from .privacy import can_view_personal_data, clean_reason, log_access, mask_value
from .privacy import personal_fields_of as registered

SESSION_KEY = "privacy_admin_reveals"
REVEAL_SECONDS = 10 * 60
MASKED_PREFIX = "personal_"


def _grant_key(model, pk) -> str:
    return f"{model._meta.label_lower}:{pk}"


def granted_reason(request, model, pk) -> str | None:
    """The reason given for this record in this session, while it is still valid."""
    grant = request.session.get(SESSION_KEY, {}).get(_grant_key(model, pk))
    if not grant or grant.get("until", 0) < time.time():
        return None
    return grant["reason"]


def grant(request, model, pk, reason: str) -> None:
    grants = {
        key: value
        for key, value in request.session.get(SESSION_KEY, {}).items()
        if value.get("until", 0) >= time.time()
    }
    grants[_grant_key(model, pk)] = {"reason": reason, "until": time.time() + REVEAL_SECONDS}
    request.session[SESSION_KEY] = grants


def _masked_reader(name: str, verbose: str, reveal_url_of):
    """A read-only admin field: the masked value and, on a change form, the reveal link."""

    def read(self, obj):
        value = mask_value(str(getattr(obj, name, "") or ""))
        url = reveal_url_of(self, obj)
        if not url:
            return value or "-"
        return format_html('{} <a href="{}">전체 보기·수정</a>', value or "-", url)

    read.short_description = verbose
    read.__name__ = f"{MASKED_PREFIX}{name}"
    return read


def _masked_column(name: str, verbose: str):
    @admin.display(description=verbose, ordering=name)
    def column(obj):
        return mask_value(str(getattr(obj, name, "") or ""))

    column.__name__ = f"{MASKED_PREFIX}{name}_column"
    return column


class _MaskedFieldsMixin:
    """What a ModelAdmin and an InlineModelAdmin share: swap personal fields for masked ones."""

    def _personal(self) -> list[str]:
        return registered(self.model)

    def _masking(self, request, obj) -> bool:
        raise NotImplementedError

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if not self._masking(request, obj):
            return fieldsets
        swap = {name: f"{MASKED_PREFIX}{name}" for name in self._personal()}

        def swapped(fields):
            return [
                tuple(swap.get(f, f) for f in item)
                if isinstance(item, (list, tuple))
                else swap.get(item, item)
                for item in fields
            ]

        return [(title, {**opts, "fields": swapped(opts["fields"])}) for title, opts in fieldsets]

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if self._masking(request, obj):
            readonly = [f for f in readonly if f not in self._personal()]
            readonly += [f"{MASKED_PREFIX}{name}" for name in self._personal()]
        return readonly

    def get_exclude(self, request, obj=None):
        exclude = list(super().get_exclude(request, obj) or [])
        if self._masking(request, obj):
            exclude += [name for name in self._personal() if name not in exclude]
        return exclude

    def _without_personal(self, form_class):
        """A declared form field (CompanyForm.phone) would be cleaned to empty and saved."""
        declared = [n for n in self._personal() if n in form_class.base_fields]
        if not declared:
            return form_class
        return type(form_class.__name__, (form_class,), dict.fromkeys(declared))


class PersonalDataAdminMixin(_MaskedFieldsMixin):
    def _masking(self, request, obj) -> bool:
        return (
            obj is not None
            and bool(self._personal())
            and granted_reason(request, self.model, obj.pk) is None
        )

    def reveal_url(self, obj) -> str:
        meta = self.model._meta
        return reverse(
            f"{self.admin_site.name}:{meta.app_label}_{meta.model_name}_reveal", args=[obj.pk]
        )

    def get_list_display(self, request):
        swap = {
            name: _masked_column(name, str(self.model._meta.get_field(name).verbose_name))
            for name in self._personal()
        }
        return [swap.get(item, item) if isinstance(item, str) else item
                for item in super().get_list_display(request)]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        return self._without_personal(form) if self._masking(request, obj) else form

    def get_urls(self):
        meta = self.model._meta
        view = self.admin_site.admin_view(self.reveal_view)
        own = [path("<path:object_id>/personal-data/", view,
                    name=f"{meta.app_label}_{meta.model_name}_reveal")]
        return own + super().get_urls()

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, unquote(object_id)) if request.method == "GET" else None
        if obj is not None and self.has_view_or_change_permission(request, obj):
            reason = granted_reason(request, self.model, obj.pk)
            if reason:
                self._log_full_view(request, obj, reason)
        return super().change_view(request, object_id, form_url, extra_context)

    def _log_full_view(self, request, obj, reason: str) -> None:
        if self._personal():
            log_access(actor=request.user, instance=obj, fields=self._personal(),
                       reason=f"[관리 화면] {reason}")
        for inline in self.get_inline_instances(request, obj):
            fields = registered(inline.model)
            if not fields:
                continue
            fk = _get_foreign_key(self.model, inline.model, fk_name=inline.fk_name)
            for child in inline.get_queryset(request).filter(**{fk.name: obj}):
                log_access(actor=request.user, instance=child, fields=fields,
                           reason=f"[관리 화면] {reason}")

    def reveal_view(self, request, object_id):
        """Ask for the reason; then the change form shows the full values (logged)."""
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        if not (self.has_view_permission(request, obj) and can_view_personal_data(request.user)):
            raise PermissionDenied
        form = RevealForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                reason = clean_reason(form.cleaned_data["reason"])
            except DomainError as error:
                form.add_error("reason", error.message)
            else:
                grant(request, self.model, obj.pk, reason)
                meta = self.model._meta
                return redirect(
                    f"{self.admin_site.name}:{meta.app_label}_{meta.model_name}_change", obj.pk
                )
        context = {
            **self.admin_site.each_context(request),
            "title": f"{obj} 개인정보 전체 보기",
            "opts": self.model._meta,
            "original": obj,
            "form": form,
            "minutes": REVEAL_SECONDS // 60,
        }
        return TemplateResponse(request, "core/admin_reveal.html", context)


class PersonalDataInlineMixin(_MaskedFieldsMixin):
    """Rows of a personal model inside another record's change form: masked with the parent."""

    def reveal_url(self, obj) -> str:
        """The parent record's reveal page: its reason unlocks these rows too."""
        fk = _get_foreign_key(self.parent_model, self.model, fk_name=self.fk_name)
        parent_pk = getattr(obj, fk.attname, None)
        if parent_pk is None:
            return ""
        meta = self.parent_model._meta
        return reverse(
            f"{self.admin_site.name}:{meta.app_label}_{meta.model_name}_reveal", args=[parent_pk]
        )

    def _masking(self, request, obj) -> bool:
        # On the add form there is nothing stored to show yet.
        return (
            obj is not None
            and bool(self._personal())
            and granted_reason(request, self.parent_model, obj.pk) is None
        )

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        if self._masking(request, obj):
            formset.form = self._without_personal(formset.form)
        return formset


class RevealForm(forms.Form):
    reason = forms.CharField(
        label="열람 사유", max_length=200, required=False,
        widget=forms.TextInput(attrs={"size": 60, "placeholder": "예: 회원 연락처 정정 요청 처리"}),
    )


def _admin_with_masks(admin_class, model):
    attrs = {"__module__": admin_class.__module__}
    for name in registered(model):
        verbose = str(model._meta.get_field(name).verbose_name)
        attrs[f"{MASKED_PREFIX}{name}"] = _masked_reader(
            name, verbose, lambda self, obj: self.reveal_url(obj) if obj.pk else ""
        )
    return type(admin_class.__name__, (PersonalDataAdminMixin, admin_class), attrs)


def _inline_with_masks(inline_class):
    model = inline_class.model
    attrs = {"__module__": inline_class.__module__}
    for name in registered(model):
        verbose = str(model._meta.get_field(name).verbose_name)
        attrs[f"{MASKED_PREFIX}{name}"] = _masked_reader(
            name, verbose, lambda self, obj: self.reveal_url(obj) if obj.pk else ""
        )
    return type(inline_class.__name__, (PersonalDataInlineMixin, inline_class), attrs)


def mask_personal_data_in_admin(site) -> list[str]:
    """Wrap the admin of every model (and inline) holding registered personal data."""
    wrapped = []
    for model, model_admin in list(site._registry.items()):
        admin_class = type(model_admin)
        inlines = [
            inline if not registered(inline.model) or issubclass(inline, PersonalDataInlineMixin)
            else _inline_with_masks(inline)
            for inline in admin_class.inlines
        ]
        has_personal = bool(registered(model))
        if isinstance(model_admin, PersonalDataAdminMixin) or (
            not has_personal and inlines == list(admin_class.inlines)
        ):
            continue
        new_class = _admin_with_masks(admin_class, model)
        new_class.inlines = inlines
        site.unregister(model)
        site.register(model, new_class)
        wrapped.append(model._meta.label_lower)
    return wrapped
