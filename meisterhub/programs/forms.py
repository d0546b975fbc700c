from django import forms
from django.utils import timezone

from meisterhub.accounts.models import Role, User

from .models import OUTCOME_FIGURES, Area, CallStatus, RequiredDocument

INPUT = {"class": "krds-input"}
SELECT = {"class": "krds-form-select"}


class CallFilterForm(forms.Form):
    q = forms.CharField(label="검색어", required=False, max_length=100, widget=forms.TextInput(
        attrs={**INPUT, "type": "search", "placeholder": "공고명, 사업명, 내용"}))
    area = forms.ChoiceField(label="사업 분야", required=False,
                             choices=[("", "전체 분야"), *Area.choices],
                             widget=forms.Select(attrs=SELECT))
    status = forms.ChoiceField(label="접수 상태", required=False,
                               choices=[("", "전체"), *CallStatus.choices],
                               widget=forms.Select(attrs=SELECT))


class StartForm(forms.Form):
    company = forms.ModelChoiceField(label="신청 기업", queryset=None, empty_label=None,
                                     widget=forms.Select(attrs=SELECT))

    def __init__(self, *args, companies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["company"].queryset = companies


class ApplicationForm(forms.Form):
    plan_summary = forms.CharField(label="사업계획 요약", max_length=4000, required=False,
                                   widget=forms.Textarea(attrs={**INPUT, "rows": 6}))
    requested_amount = forms.IntegerField(label="신청 금액(원)", min_value=0,
                                          widget=forms.NumberInput(attrs=INPUT))


class DocumentForm(forms.Form):
    required_document = forms.IntegerField(widget=forms.HiddenInput)
    file = forms.FileField(label="파일")


class SupplementForm(forms.Form):
    documents = forms.ModelMultipleChoiceField(
        label="보완할 서류", queryset=RequiredDocument.objects.none(),
        widget=forms.CheckboxSelectMultiple)
    message = forms.CharField(label="보완 요청 내용", max_length=1000,
                              widget=forms.Textarea(attrs={**INPUT, "rows": 3}))

    def __init__(self, *args, call, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["documents"].queryset = call.required_documents.all()


class AssignForm(forms.Form):
    evaluator = forms.ModelChoiceField(label="평가위원", queryset=User.objects.none(),
                                       widget=forms.Select(attrs=SELECT))

    def __init__(self, *args, call=None, **kwargs):
        super().__init__(*args, **kwargs)
        evaluators = User.objects.filter(role=Role.EVALUATOR, is_active=True)
        # A call with an evaluator pool offers only its pool.
        if call is not None and call.evaluators.exists():
            evaluators = evaluators.filter(evaluator_pool_calls=call)
        self.fields["evaluator"].queryset = evaluators.order_by("full_name")


class AgreementForm(forms.Form):
    support_amount = forms.IntegerField(label="지원 금액(원)", min_value=1,
                                        widget=forms.NumberInput(attrs=INPUT))
    signed_on = forms.DateField(label="협약일", widget=forms.DateInput(
        attrs={**INPUT, "type": "date"}))
    milestones = forms.CharField(
        label="단계(한 줄에 하나: 단계명|YYYY-MM-DD)", required=False,
        widget=forms.Textarea(attrs={**INPUT, "rows": 3}))

    def clean_milestones(self):
        steps = []
        for number, line in enumerate(self.cleaned_data["milestones"].splitlines(), start=1):
            if not line.strip():
                continue
            title, _, due = line.partition("|")
            try:
                due_on = forms.DateField().clean(due.strip())
            except forms.ValidationError:
                raise forms.ValidationError(
                    f"{number}번째 줄의 기한을 YYYY-MM-DD로 적어 주세요.") from None
            steps.append((title.strip(), due_on))
        return steps


class ConflictForm(forms.Form):
    brn = forms.CharField(label="기업 사업자등록번호", max_length=12,
                          widget=forms.TextInput(attrs={**INPUT, "inputmode": "numeric"}))
    reason = forms.CharField(label="사유", max_length=200, widget=forms.TextInput(attrs=INPUT))


class OutcomeForm(forms.Form):
    company = forms.ModelChoiceField(label="기업", queryset=None, empty_label=None,
                                     widget=forms.Select(attrs=SELECT))
    year = forms.IntegerField(label="연도", min_value=2000, max_value=2100,
                              widget=forms.NumberInput(attrs=INPUT))

    def __init__(self, *args, companies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["company"].queryset = companies
        self.fields["year"].initial = timezone.localdate().year - 1
        for name, label in OUTCOME_FIGURES.items():
            self.fields[name] = forms.IntegerField(label=label, min_value=0, initial=0,
                                                   widget=forms.NumberInput(attrs=INPUT))


class ImportForm(forms.Form):
    file = forms.FileField(label="성과 파일 (XLSX 또는 CSV)")
    only_good_rows = forms.TypedChoiceField(
        label="잘못된 행이 있으면", coerce=lambda v: v == "yes", initial="no",
        choices=[("no", "아무것도 가져오지 않기"), ("yes", "올바른 행만 가져오기")],
        widget=forms.RadioSelect)


class ChampionForm(forms.Form):
    brn = forms.CharField(label="사업자등록번호", max_length=12, widget=forms.TextInput(attrs=INPUT))
    year = forms.IntegerField(label="지정 연도", min_value=2000, max_value=2100,
                              widget=forms.NumberInput(attrs=INPUT))
    citation = forms.CharField(label="지정 사유", max_length=200, required=False,
                               widget=forms.TextInput(attrs=INPUT))
