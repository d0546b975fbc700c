from django import forms
from django.utils.translation import gettext_lazy as _

from .models import WEEKDAY_CHOICES, Field


class MeisterFilterForm(forms.Form):
    q = forms.CharField(
        label=_("검색어"),
        required=False,
        max_length=100,
        widget=forms.TextInput(
            attrs={"class": "krds-input", "type": "search", "placeholder": _("이름, 키워드, 경력")}
        ),
    )
    field = forms.ModelChoiceField(
        label=_("전문분야"),
        queryset=Field.objects.order_by("order"),
        required=False,
        empty_label=_("전체 분야"),
        to_field_name="code",
        widget=forms.Select(attrs={"class": "krds-form-select"}),
    )
    weekday = forms.ChoiceField(
        label=_("센터 근무 요일"),
        required=False,
        choices=[("", _("전체 요일")), *WEEKDAY_CHOICES],
        widget=forms.Select(attrs={"class": "krds-form-select"}),
    )

    def clean_field(self):
        field = self.cleaned_data.get("field")
        return field.code if field else ""
