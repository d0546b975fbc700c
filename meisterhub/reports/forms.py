from django import forms
from django.utils import timezone

from meisterhub.companies.models import District
from meisterhub.meisters.selectors import list_fields
from meisterhub.programs.models import Area

from . import conf
from .models import CertificateLevel, StagedImport

KIND_CHOICES = [
    ("companies", "기업"), ("meisters", "마이스터"), ("workers", "기능인력"), ("outcomes", "사업 성과"),
]


def year_choices():
    this_year = timezone.localdate().year
    return [(y, f"{y}년") for y in range(this_year, conf.FIRST_YEAR - 1, -1)]


class DashboardFilterForm(forms.Form):
    year = forms.TypedChoiceField(label="연도", coerce=int, choices=year_choices)
    area = forms.ChoiceField(label="사업 분야", required=False,
                             choices=[("", "전체 분야"), *Area.choices])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].initial = timezone.localdate().year
        self.fields["year"].widget.attrs["class"] = "krds-form-select"
        self.fields["area"].widget.attrs["class"] = "krds-form-select"


class WorkerSearchForm(forms.Form):
    query = forms.CharField(label="성명", required=False, max_length=50)
    field = forms.ModelChoiceField(label="기술 분야", required=False, queryset=list_fields(),
                                   to_field_name="code", empty_label="전체 분야")
    level = forms.ChoiceField(label="자격 등급", required=False,
                              choices=[("", "전체 등급"), *CertificateLevel.choices])
    district = forms.ChoiceField(label="거주지", required=False,
                                 choices=[("", "전체 지역"), *District.choices])
    mentor = forms.BooleanField(label="멘토 의향", required=False)
    teach = forms.BooleanField(label="강의 의향", required=False)


class WorkerForm(forms.Form):
    name = forms.CharField(label="성명", max_length=50)
    birth_year = forms.IntegerField(label="출생 연도", min_value=1920, max_value=2100)
    phone = forms.CharField(label="휴대전화", max_length=20)
    email = forms.EmailField(label="이메일", required=False)
    district = forms.ChoiceField(label="거주지(구)", choices=District.choices)
    skills = forms.ModelMultipleChoiceField(
        label="기술 분야", queryset=list_fields(), required=False,
        widget=forms.CheckboxSelectMultiple)
    certificates = forms.CharField(
        label="국가기술자격", required=False, widget=forms.Textarea(attrs={"rows": 2}),
        help_text="세미콜론(;)으로 구분, 취득 연도는 괄호에 (예: 용접기능장(2015); 일반기계기사(2010))")
    years_of_experience = forms.IntegerField(label="경력(년)", min_value=0, max_value=70, initial=0)
    willing_to_mentor = forms.BooleanField(label="멘토 활동 의향", required=False)
    willing_to_teach = forms.BooleanField(label="강의 의향", required=False)
    consent_given_on = forms.DateField(label="동의일", widget=forms.DateInput(attrs={"type": "date"}))
    consent_purpose = forms.CharField(label="동의 목적", max_length=200,
                                      initial="기능인력 DB 등록 및 멘토·강사 연계")
    consent_expires_on = forms.DateField(label="동의 만료일",
                                         widget=forms.DateInput(attrs={"type": "date"}))


class ImportForm(forms.Form):
    kind = forms.ChoiceField(label="가져올 자료", choices=KIND_CHOICES)
    mode = forms.ChoiceField(
        label="이미 있는 자료", choices=StagedImport.Mode.choices, initial=StagedImport.Mode.INSERT,
        widget=forms.RadioSelect, required=False,
        help_text="같은 자료는 기업은 사업자등록번호, 마이스터는 명부 ID(id), 기능인력은 "
                  "성명·출생연도·휴대전화, 사업 성과는 사업자등록번호·연도로 찾습니다. "
                  "'새로 추가만'은 이미 있는 자료를 오류로 알리고, '있으면 고친다'는 고칩니다 "
                  "(빈 칸은 기존 값을 그대로 둡니다. 사업 성과는 그해 성과를 통째로 바꿉니다).")
    file = forms.FileField(label="파일 (CSV 또는 XLSX)")
    only_good_rows = forms.BooleanField(
        label="잘못된 행은 건너뛰고 올바른 행만 가져오기", required=False,
        help_text="선택하지 않으면 잘못된 행이 하나라도 있을 때 아무것도 가져오지 않습니다.")

    def clean_mode(self) -> str:
        return self.cleaned_data["mode"] or StagedImport.Mode.INSERT  # the safe one


class ImportConfirmForm(forms.Form):
    """The person saves what the preview showed; `digest` says which preview that was."""

    digest = forms.CharField(widget=forms.HiddenInput, max_length=64)
    only_good_rows = forms.BooleanField(
        label="잘못된 행은 건너뛰고 올바른 행만 가져오기", required=False,
        help_text="선택하지 않으면 잘못된 행이 하나라도 있을 때 아무것도 가져오지 않습니다.")


class ExportForm(forms.Form):
    kind = forms.ChoiceField(label="내보낼 자료", choices=KIND_CHOICES)
    format = forms.ChoiceField(label="형식", choices=[("xlsx", "XLSX"), ("csv", "CSV")])
    year = forms.TypedChoiceField(label="연도(사업 성과)", coerce=int, required=False,
                                  choices=lambda: [("", "전체"), *year_choices()], empty_value=None)
    unmasked = forms.BooleanField(label="개인정보 전체 표시(열람 기록이 남습니다)", required=False)
    reason = forms.CharField(label="열람 사유", required=False, max_length=200)
