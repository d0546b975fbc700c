"""A select for a long list (meisters, companies) that holds only the chosen option.

The page ships no option per row: the person types into the search box above the select and
htmx fills the select from a lookup endpoint (at most LOOKUP_LIMIT matches). The form field is
an ordinary ModelChoiceField, so validation still checks the choice against its queryset.
"""

from django import forms
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

LOOKUP_LIMIT = 20


class LookupSelect(forms.Select):
    def __init__(self, url_name: str, attrs=None):
        super().__init__(attrs)
        self.url_name = url_name

    def optgroups(self, name, value, attrs=None):
        """Only the empty choice and the chosen value(s): never the whole queryset."""
        field = self.choices.field
        chosen = [v for v in value if v not in ("", None)]
        options = []
        if field.empty_label is not None or not self.is_required:
            options.append(("", field.empty_label or "---------"))
        if chosen:
            for instance in field.queryset.filter(pk__in=chosen):
                options.append((str(instance.pk), field.label_from_instance(instance)))
        return [
            (None, [self.create_option(name, v, label, str(v) in chosen, i, attrs=attrs)], i)
            for i, (v, label) in enumerate(options)
        ]

    def render(self, name, value, attrs=None, renderer=None):
        select = super().render(name, value, attrs, renderer)
        select_id = (attrs or {}).get("id") or self.attrs.get("id") or f"id_{name}"
        # form="": the search box is not part of the enclosing form's submission.
        search = format_html(
            '<input type="search" name="q" form="lookup-none" class="krds-input lookup-search" '
            'id="{}_lookup" aria-label="{}" aria-controls="{}" placeholder="{}" autocomplete="off" '
            'hx-get="{}" hx-trigger="input changed delay:300ms, search" hx-target="#{}" '
            'hx-swap="innerHTML">',
            select_id,
            _("검색해서 고르기"),
            select_id,
            _("이름 일부를 입력하세요"),
            reverse(self.url_name),
            select_id,
        )
        return format_html("{}{}", search, select)


def lookup_options(queryset, query: str, *, search_fields: list[str], label) -> str:
    """The <option>s for a lookup answer: the empty choice and up to LOOKUP_LIMIT matches."""
    from django.db.models import Q

    terms = query.split()[:5]
    if not terms:
        found = []
    else:
        condition = Q()
        for term in terms:
            term_q = Q()
            for name in search_fields:
                term_q |= Q(**{f"{name}__icontains": term})
            condition &= term_q
        found = list(queryset.filter(condition)[:LOOKUP_LIMIT])
    parts = [
        format_html(
            '<option value="">{}</option>',
            _("검색 결과에서 고르세요") if found else _("검색 결과가 없습니다"),
        )
    ]
    parts += [format_html('<option value="{}">{}</option>', obj.pk, label(obj)) for obj in found]
    return "".join(parts)
