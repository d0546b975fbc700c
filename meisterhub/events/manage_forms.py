"""Staff forms for events and contests: input shape here, the rules in the services."""

from django import forms

from meisterhub.accounts.models import Role, User
from meisterhub.companies.models import OrgType
from meisterhub.facilities.models import Facility

from .manage_services import event_rule_errors
from .models import Event, EventKind, ProgramArea

TEXT = {"class": "krds-input"}
SELECT = {"class": "krds-form-select"}
WHEN = forms.DateTimeInput(attrs={"class": "krds-input", "type": "datetime-local"},
                           format="%Y-%m-%dT%H:%M")


def _when(label: str, *, required: bool = True, help_text: str = "") -> forms.DateTimeField:
    return forms.DateTimeField(label=label, required=required, widget=WHEN, help_text=help_text)


class EventForm(forms.Form):
    title = forms.CharField(label="행사명", max_length=120, widget=forms.TextInput(attrs=TEXT))
    kind = forms.ChoiceField(label="유형", choices=EventKind.choices,
                             widget=forms.Select(attrs=SELECT))
    area = forms.ChoiceField(label="사업 분야", choices=ProgramArea.choices,
                             widget=forms.Select(attrs=SELECT))
    description = forms.CharField(label="소개", required=False,
                                  widget=forms.Textarea(attrs={"class": "krds-input", "rows": 4}))
    starts_at = _when("시작")
    ends_at = _when("종료")
    place = forms.CharField(label="장소", max_length=120, required=False,
                            widget=forms.TextInput(attrs=TEXT),
                            help_text="시설을 고르면 비워 두어도 됩니다.")
    facility = forms.ModelChoiceField(label="시설", required=False, queryset=Facility.objects.none(),
                                      empty_label="시설 없음", widget=forms.Select(attrs=SELECT))
    capacity = forms.IntegerField(label="정원", widget=forms.NumberInput(attrs=TEXT))
    registration_opens_at = _when("신청 시작")
    registration_closes_at = _when("신청 마감", help_text="행사 시작 전이어야 합니다.")
    eligible_org_types = forms.MultipleChoiceField(
        label="참가 가능 기업 유형", required=False, choices=OrgType.choices,
        widget=forms.CheckboxSelectMultiple, help_text="아무것도 고르지 않으면 모든 유형이 신청할 수 있습니다.")
    allow_individuals = forms.BooleanField(label="개인 참가 허용", required=False, initial=True)
    waitlist_enabled = forms.BooleanField(label="대기자 접수", required=False, initial=True,
                                          help_text="정원이 차면 대기로 받고, 취소가 생기면 순서대로 확정합니다.")
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, event: Event | None = None, **kwargs):
        if event is not None and "initial" not in kwargs:
            kwargs["initial"] = {**initial_of(event), "version": event.version}
        super().__init__(*args, **kwargs)
        self.seated = getattr(event, "seated_count", 0) if event is not None else 0
        facilities = Facility.objects.filter(is_active=True)
        if event is not None and event.facility_id:
            facilities = Facility.objects.filter(is_active=True) | Facility.objects.filter(
                pk=event.facility_id)
        self.fields["facility"].queryset = facilities.order_by("center", "order", "name")

    def clean(self):
        data = super().clean()
        # The services' own rules, all at once, each beside its field.
        for field, message in event_rule_errors(
                {k: v for k, v in data.items() if k in self.fields and k != "version"},
                seated=self.seated):
            if field in self.fields and field not in self.errors:
                self.add_error(field, message)
        return data

    def values(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if k != "version"}


def initial_of(event: Event) -> dict:
    from .manage_services import EDITABLE_FIELDS

    return {name: getattr(event, name) for name in EDITABLE_FIELDS}


class CancelForm(forms.Form):
    reason = forms.CharField(label="취소 사유", max_length=200, required=False,
                             widget=forms.TextInput(attrs=TEXT),
                             help_text="신청자에게 보내는 안내에 들어갑니다.")


class ContestForm(forms.Form):
    submission_opens_at = _when("접수 시작", required=False)
    submission_deadline = _when("접수 마감")
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)


class CriterionForm(forms.Form):
    name = forms.CharField(label="심사 기준", max_length=60, required=False,
                           widget=forms.TextInput(attrs=TEXT))
    weight = forms.IntegerField(label="가중치(%)", required=False, min_value=1, max_value=100,
                                widget=forms.NumberInput(attrs=TEXT))
    max_score = forms.IntegerField(label="만점", required=False, min_value=1, max_value=100,
                                   widget=forms.NumberInput(attrs=TEXT))


CriterionFormSet = forms.formset_factory(CriterionForm, extra=0, max_num=20, absolute_max=20)
BLANK_CRITERIA_ROWS = 3


def criteria_formset(contest, data=None):
    initial = [{"name": c.name, "weight": c.weight, "max_score": c.max_score}
               for c in contest.criteria.all()]
    initial += [{"max_score": 10}] * BLANK_CRITERIA_ROWS
    return CriterionFormSet(data, initial=initial, prefix="criteria")


class JudgeForm(forms.Form):
    judge = forms.ModelChoiceField(label="평가위원", queryset=User.objects.none(),
                                   widget=forms.Select(attrs=SELECT),
                                   error_messages={"invalid_choice": "평가위원을 목록에서 골라 주세요.",
                                                   "required": "평가위원을 골라 주세요."})

    def __init__(self, *args, contest=None, **kwargs):
        super().__init__(*args, **kwargs)
        evaluators = User.objects.filter(role=Role.EVALUATOR, is_active=True)
        if contest is not None:
            evaluators = evaluators.exclude(contest_assignments__contest=contest)
        self.fields["judge"].queryset = evaluators.order_by("full_name")
