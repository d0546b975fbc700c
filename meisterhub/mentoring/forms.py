from django import forms

from meisterhub.companies.models import Company
from meisterhub.meisters.models import Meister

from .models import MentoringGoal
from .services import STARTUP_TYPES

INPUT = {"class": "krds-input"}
SELECT = {"class": "krds-form-select"}
DATE = {"class": "krds-input", "type": "date"}


class EngagementForm(forms.Form):
    company = forms.ModelChoiceField(
        label="창업기업",
        queryset=Company.objects.filter(org_type__in=STARTUP_TYPES),
        widget=forms.Select(attrs=SELECT),
    )
    mentor = forms.ModelChoiceField(
        label="멘토",
        queryset=Meister.objects.filter(is_active=True),
        widget=forms.Select(attrs=SELECT),
    )
    starts_on = forms.DateField(label="시작일", widget=forms.DateInput(attrs=DATE))
    ends_on = forms.DateField(label="종료일", widget=forms.DateInput(attrs=DATE))
    goals = forms.CharField(
        label="목표 (한 줄에 하나)", widget=forms.Textarea(attrs={**INPUT, "rows": 4})
    )

    def clean_goals(self):
        return self.cleaned_data["goals"].splitlines()


class SessionForm(forms.Form):
    held_on = forms.DateField(label="멘토링 일자", widget=forms.DateInput(attrs=DATE))
    notes = forms.CharField(label="멘토링 내용", widget=forms.Textarea(attrs={**INPUT, "rows": 4}))
    next_steps = forms.CharField(
        label="다음 할 일", required=False, widget=forms.Textarea(attrs={**INPUT, "rows": 2})
    )


class GoalStatusForm(forms.Form):
    status = forms.ChoiceField(
        label="상태", choices=MentoringGoal.Status.choices, widget=forms.Select(attrs=SELECT)
    )
