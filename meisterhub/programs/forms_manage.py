"""Staff forms for programs and calls; they check the input's shape, the services the rules."""

from django import forms

from meisterhub.accounts.models import Role, User
from meisterhub.companies.models import District, OrgType, SizeClass

from .forms import INPUT, SELECT
from .models import Area, DocumentKind, Program
from .services.calls import CALL_FIELDS

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"
RULE_FIELDS = [
    "allowed_org_types", "allowed_size_classes", "allowed_ksic_prefixes", "allowed_districts",
    "min_years_since_founding", "max_years_since_founding", "min_employees", "max_employees",
    "exclude_selected_within_years",
]


def _number(label, *, required=False, min_value=0, help_text=""):
    return forms.IntegerField(label=label, required=required, min_value=min_value,
                              help_text=help_text, widget=forms.NumberInput(attrs=INPUT))


def _when(label):
    return forms.DateTimeField(
        label=label, required=False, input_formats=[DATETIME_FORMAT, "%Y-%m-%d %H:%M"],
        widget=forms.DateTimeInput(attrs={**INPUT, "type": "datetime-local"},
                                   format=DATETIME_FORMAT))


def _checkboxes(label, choices):
    return forms.MultipleChoiceField(label=label, required=False, choices=choices,
                                     widget=forms.CheckboxSelectMultiple,
                                     help_text="고르지 않으면 모두 신청할 수 있습니다.")


class ProgramForm(forms.Form):
    area = forms.ChoiceField(label="사업 분야", choices=Area.choices,
                             widget=forms.Select(attrs=SELECT))
    name = forms.CharField(label="사업명", max_length=120, widget=forms.TextInput(attrs=INPUT))
    year = _number("사업 연도", required=True, min_value=2000)
    description = forms.CharField(label="사업 개요", required=False, max_length=4000,
                                  widget=forms.Textarea(attrs={**INPUT, "rows": 3}))
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)


class CallForm(forms.Form):
    program = forms.ModelChoiceField(label="지원사업", queryset=Program.objects.none(),
                                     widget=forms.Select(attrs=SELECT))
    title = forms.CharField(label="공고명", max_length=200, widget=forms.TextInput(attrs=INPUT))
    description = forms.CharField(label="공고 내용", required=False, max_length=20000,
                                  widget=forms.Textarea(attrs={**INPUT, "rows": 5}))
    opens_at = _when("접수 시작")
    closes_at = _when("접수 마감")
    budget = _number("사업 예산(원)", required=True)
    selection_count = _number("선정 기업 수", required=True, min_value=1)
    trim_extremes_min_evaluators = _number(
        "최고·최저점 제외 기준(평가위원 수)", required=True, min_value=3,
        help_text="이 수 이상의 평가위원이 채점하면 최고점과 최저점을 빼고 평균합니다.")
    allowed_org_types = _checkboxes("신청 가능 기업 유형", OrgType.choices)
    allowed_size_classes = _checkboxes("신청 가능 기업 규모", SizeClass.choices)
    allowed_ksic_prefixes = forms.CharField(
        label="신청 가능 업종(KSIC 앞자리)", required=False, max_length=200,
        help_text="쉼표로 구분합니다. 예: 24, 25, 291", widget=forms.TextInput(attrs=INPUT))
    allowed_districts = _checkboxes("신청 가능 소재지", District.choices)
    min_years_since_founding = _number("설립 후 최소 연수")
    max_years_since_founding = _number("설립 후 최대 연수")
    min_employees = _number("최소 상시 근로자 수")
    max_employees = _number("최대 상시 근로자 수")
    exclude_selected_within_years = _number(
        "최근 선정 기업 제외(년)", min_value=1,
        help_text="같은 사업에 이 기간 안에 선정된 기업은 신청할 수 없습니다.")
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["program"].queryset = Program.objects.order_by("-year", "area", "name")

    def clean_allowed_ksic_prefixes(self):
        raw = self.cleaned_data["allowed_ksic_prefixes"].replace("，", ",")
        prefixes = [p.strip() for p in raw.replace(" ", ",").split(",") if p.strip()]
        wrong = [p for p in prefixes if not (p.isdigit() and len(p) <= 5)]
        if wrong:
            raise forms.ValidationError(
                f"업종 코드는 KSIC 숫자 1~5자리로 입력해 주세요 (잘못된 값: {', '.join(wrong)}).")
        return list(dict.fromkeys(prefixes))

    def clean(self):
        data = super().clean()
        opens, closes = data.get("opens_at"), data.get("closes_at")
        if opens and closes and closes <= opens:
            self.add_error("closes_at", "접수 마감은 접수 시작보다 뒤여야 합니다.")
        for low, high, what in (("min_employees", "max_employees", "상시 근로자 수"),
                                ("min_years_since_founding", "max_years_since_founding",
                                 "설립 연수")):
            if data.get(low) is not None and data.get(high) is not None \
                    and data[low] > data[high]:
                self.add_error(high, f"{what}의 최대값은 최소값보다 작을 수 없습니다.")
        return data

    def values(self) -> dict:
        """The cleaned values the services take (without the version)."""
        return {name: self.cleaned_data[name] for name in CALL_FIELDS}

    def rule_values(self) -> dict:
        """The rules as entered so far, for the preview: only the fields that are valid."""
        data = getattr(self, "cleaned_data", {})
        values = {name: data[name] for name in RULE_FIELDS if name in data}
        values["program"] = data.get("program")
        return values


def call_initial(call) -> dict:
    initial = {name: getattr(call, name) for name in CALL_FIELDS}
    initial["allowed_ksic_prefixes"] = ", ".join(call.allowed_ksic_prefixes)
    initial["version"] = call.version
    return initial


class DocumentAddForm(forms.Form):
    name = forms.CharField(label="서류명", max_length=100, widget=forms.TextInput(attrs=INPUT))
    accepted_kinds = forms.MultipleChoiceField(
        label="허용 형식", choices=DocumentKind.choices, widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "허용 형식을 하나 이상 고르세요."})
    is_required = forms.BooleanField(label="필수 서류", required=False, initial=True)
    order = _number("순서", help_text="비워 두면 맨 뒤에 붙습니다.")


class CriterionForm(forms.Form):
    name = forms.CharField(label="평가 항목", max_length=100, required=False,
                           widget=forms.TextInput(attrs=INPUT))
    weight = _number("가중치(%)", min_value=1)
    max_score = _number("만점", min_value=1)

    def clean(self):
        data = super().clean()
        if data.get("name") and data.get("weight") is None:
            self.add_error("weight", "가중치를 입력해 주세요.")
        return data


CriterionFormSet = forms.formset_factory(CriterionForm, extra=2, can_delete=True, max_num=20,
                                         validate_max=True)


def criteria_rows(formset) -> list[dict]:
    """The rows the staff kept: named and not marked for deletion."""
    return [
        {"name": form.cleaned_data["name"], "weight": form.cleaned_data["weight"],
         "max_score": form.cleaned_data.get("max_score") or 10}
        for form in formset.forms
        if form.cleaned_data.get("name") and not form.cleaned_data.get("DELETE")
    ]


class PoolAddForm(forms.Form):
    evaluator = forms.ModelChoiceField(label="평가위원", queryset=User.objects.none(),
                                       widget=forms.Select(attrs=SELECT))

    def __init__(self, *args, call, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["evaluator"].queryset = (
            User.objects.filter(role=Role.EVALUATOR, is_active=True)
            .exclude(evaluator_pool_calls=call).order_by("full_name"))
