from datetime import datetime

from django import forms
from django.utils import timezone

from meisterhub.companies.models import Company

from . import conf


class ReservationForm(forms.Form):
    company = forms.ModelChoiceField(
        label="예약 기업", queryset=Company.objects.none(), required=False,
        widget=forms.Select(attrs={"class": "krds-form-select"}),
    )
    day = forms.DateField(label="날짜", widget=forms.DateInput(
        attrs={"type": "date", "class": "krds-input"}))
    start = forms.TimeField(label="시작 시간", widget=forms.TimeInput(
        attrs={"type": "time", "class": "krds-input", "step": 600}, format="%H:%M"))
    end = forms.TimeField(label="종료 시간", widget=forms.TimeInput(
        attrs={"type": "time", "class": "krds-input", "step": 600}, format="%H:%M"))
    headcount = forms.IntegerField(label="인원", min_value=1, max_value=1000, initial=1,
                                   widget=forms.NumberInput(attrs={"class": "krds-input"}))
    purpose = forms.CharField(label="사용 목적", max_length=200, widget=forms.TextInput(
        attrs={"class": "krds-input", "placeholder": "예: 투자자 미팅, 팀 회의"}))
    weeks = forms.IntegerField(
        label="매주 반복(주)", min_value=1, max_value=conf.RESERVATION_MAX_WEEKS, initial=1,
        help_text="1이면 한 번만 예약합니다. 반복 예약은 모든 날짜가 가능할 때만 이루어집니다.",
        widget=forms.NumberInput(attrs={"class": "krds-input"}),
    )

    def __init__(self, *args, companies=None, require_company=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["company"].queryset = companies if companies is not None else (
            Company.objects.none())
        self.fields["company"].required = require_company
        if require_company and companies is not None and companies.count() == 1:
            self.fields["company"].initial = companies.first()

    def clean(self):
        data = super().clean()
        if all(data.get(k) for k in ("day", "start", "end")):
            data["starts_at"] = timezone.make_aware(datetime.combine(data["day"], data["start"]))
            data["ends_at"] = timezone.make_aware(datetime.combine(data["day"], data["end"]))
        return data


class PhotoForm(forms.Form):
    image = forms.ImageField(label="사진")
    caption = forms.CharField(label="설명", max_length=100, required=False)
