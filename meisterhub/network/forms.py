"""Input shape only; the rules live in services."""

from datetime import date

from django import forms
from django.utils import timezone

from meisterhub.accounts.models import Role, User
from meisterhub.companies.models import Company
from meisterhub.core.lookup import LookupSelect
from meisterhub.meisters.models import Field, Meister

from .models import Decision, Inquiry, Institution, Meeting, SmartFactoryProject

TEXT = {"class": "krds-input"}
SELECT = {"class": "krds-form-select"}
AREA = {"class": "krds-input", "rows": 5}
DATE = {"class": "krds-input", "type": "date"}


def _char(label, *, required=True, max_length=150, help_text="", widget=None):
    return forms.CharField(label=label, required=required, max_length=max_length,
                           help_text=help_text, widget=widget or forms.TextInput(attrs=TEXT))


class InquiryForm(forms.Form):
    category = forms.ChoiceField(label="문의 분류", choices=Inquiry.Category.choices,
                                 widget=forms.Select(attrs=SELECT))
    field = forms.ModelChoiceField(
        label="기술 분야", queryset=Field.objects.all(), required=False,
        empty_label="잘 모르겠음 (담당자가 지정)", widget=forms.Select(attrs=SELECT),
        help_text="기술 문의일 때만 고르세요.")
    title = _char("제목")
    body = forms.CharField(label="문의 내용", max_length=4000, widget=forms.Textarea(attrs=AREA))
    company = forms.ModelChoiceField(label="기업", queryset=Company.objects.none(),
                                     required=False, widget=forms.Select(attrs=SELECT))
    name = _char("이름", required=False, max_length=50)
    organization = _char("소속(기업·기관)", required=False, max_length=100)
    phone = _char("전화번호", required=False, max_length=20, help_text="예: 010-1234-5678")
    email = forms.CharField(label="이메일", required=False, max_length=254,
                            widget=forms.EmailInput(attrs=TEXT))
    consent = forms.BooleanField(label="개인정보(이름·연락처) 수집·이용에 동의합니다 (답변 목적, 3년 보관).",
                                 required=False)

    def __init__(self, *args, companies=None, anonymous=True, **kwargs):
        super().__init__(*args, **kwargs)
        if companies is not None and len(companies) > 1:
            self.fields["company"].queryset = Company.objects.filter(
                pk__in=[c.pk for c in companies])
            self.fields["company"].required = True
        else:
            del self.fields["company"]
        if anonymous:
            self.fields["name"].required = False  # the service says what is missing, in Korean
            self.fields["consent"].required = True
            self.fields["consent"].error_messages["required"] = "개인정보 수집·이용에 동의해 주세요."
        else:
            for name in ("name", "organization", "consent"):
                del self.fields[name]


class InquiryLogForm(InquiryForm):
    channel = forms.ChoiceField(
        label="접수 경로", widget=forms.Select(attrs=SELECT),
        choices=[c for c in Inquiry.Channel.choices if c[0] != Inquiry.Channel.WEB])
    field_order = ["channel", "category", "field", "title", "body", "company", "name",
                   "organization", "phone", "email"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, companies=None, anonymous=True, **kwargs)
        del self.fields["consent"]
        self.fields["company"] = forms.ModelChoiceField(
            label="기업(있으면)", queryset=Company.objects.order_by("name"), required=False,
            widget=LookupSelect("companies:lookup", attrs=SELECT))
        self.order_fields(self.field_order)


class RouteForm(forms.Form):
    field = forms.ModelChoiceField(label="전문분야", queryset=Field.objects.all(),
                                   required=False, widget=forms.Select(attrs=SELECT))
    owner_meister = forms.ModelChoiceField(
        label="담당 마이스터", required=False, widget=LookupSelect("meisters:lookup", attrs=SELECT),
        queryset=Meister.objects.filter(is_active=True, user__isnull=False).order_by("name"))
    owner_staff = forms.ModelChoiceField(
        label="담당 직원", required=False, widget=forms.Select(attrs=SELECT),
        queryset=User.objects.filter(role=Role.STAFF, is_active=True).order_by("full_name"))


class AnswerForm(forms.Form):
    answer = forms.CharField(label="답변", max_length=8000, widget=forms.Textarea(attrs=AREA))


class MeetingForm(forms.Form):
    kind = forms.ChoiceField(label="회의 구분", choices=Meeting.Kind.choices,
                             widget=forms.Select(attrs=SELECT))
    title = _char("회의명")
    held_on = forms.DateField(label="개최일", widget=forms.DateInput(attrs=DATE))
    place = _char("장소", required=False, max_length=100)
    agenda = forms.CharField(label="안건 (한 줄에 하나)", required=False,
                             widget=forms.Textarea(attrs=AREA))
    attendees = forms.ModelMultipleChoiceField(
        label="참석 기관", queryset=Institution.objects.none(), required=False,
        widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, council, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attendees"].queryset = Institution.objects.filter(
            council_memberships__council=council).order_by("name")


class MinutesForm(forms.Form):
    minutes_text = forms.CharField(label="회의록", required=False,
                                   widget=forms.Textarea(attrs={**AREA, "rows": 8}))
    minutes_file = forms.FileField(label="회의록 파일 (PDF·HWP)", required=False)


class DecisionForm(forms.Form):
    text = forms.CharField(label="결정사항", max_length=2000,
                           widget=forms.Textarea(attrs={**AREA, "rows": 3}))
    owner_institution = forms.ModelChoiceField(
        label="담당 기관", queryset=Institution.objects.none(), required=False,
        widget=forms.Select(attrs=SELECT))
    owner_person = _char("담당자", required=False, max_length=100,
                         help_text="기관이나 담당자 중 하나는 꼭 지정합니다.")
    due_on = forms.DateField(label="기한", required=False, widget=forms.DateInput(attrs=DATE))

    def __init__(self, *args, council, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner_institution"].queryset = Institution.objects.filter(
            council_memberships__council=council).order_by("name")


class DecisionStatusForm(forms.Form):
    status = forms.ChoiceField(label="이행 상태", choices=Decision.Status.choices,
                               widget=forms.Select(attrs=SELECT))


def _amount(label):
    return forms.IntegerField(label=label, min_value=0, initial=0,
                              widget=forms.NumberInput(attrs=TEXT))


class ProjectForm(forms.Form):
    company = forms.ModelChoiceField(label="기업", queryset=Company.objects.order_by("name"),
                                     widget=forms.Select(attrs=SELECT))
    year = forms.IntegerField(label="사업 연도", min_value=2000, max_value=2100,
                              initial=lambda: timezone.localdate().year,
                              widget=forms.NumberInput(attrs=TEXT))
    level = forms.ChoiceField(label="구축 수준", choices=SmartFactoryProject.Level.choices,
                              widget=forms.Select(attrs=SELECT))
    title = _char("과제명")
    supplier = forms.ModelChoiceField(
        label="공급기업", widget=forms.Select(attrs=SELECT),
        queryset=Institution.objects.filter(kind=Institution.Kind.SUPPLIER))
    government_amount = _amount("정부 지원금(원)")
    local_government_amount = _amount("지자체 지원금(원)")
    company_amount = _amount("기업 부담금(원)")
    total_amount = _amount("총사업비(원)")
    status = forms.ChoiceField(label="상태", choices=SmartFactoryProject.Status.choices,
                               widget=forms.Select(attrs=SELECT))
    started_on = forms.DateField(label="시작일", required=False,
                                 widget=forms.DateInput(attrs=DATE))
    ends_on = forms.DateField(label="종료 예정일", required=False,
                              widget=forms.DateInput(attrs=DATE))
    bank = forms.ModelChoiceField(
        label="금융 지원 은행", required=False, widget=forms.Select(attrs=SELECT),
        queryset=Institution.objects.filter(kind=Institution.Kind.BANK))
    financing_amount = forms.IntegerField(label="금융 지원액(원)", required=False, min_value=1,
                                          widget=forms.NumberInput(attrs=TEXT))
    milestones = forms.CharField(
        label="추진 단계 (한 줄에 'YYYY-MM-DD 단계명')", required=False,
        widget=forms.Textarea(attrs={**AREA, "rows": 4}))

    def clean_milestones(self):
        parsed = []
        for number, line in enumerate(self.cleaned_data["milestones"].splitlines(), 1):
            if not line.strip():
                continue
            day, _, title = line.strip().partition(" ")
            try:
                parsed.append((title.strip() or "단계", date.fromisoformat(day)))
            except ValueError:
                raise forms.ValidationError(
                    f"{number}번째 줄의 날짜를 YYYY-MM-DD 형식으로 적어 주세요.") from None
        return parsed

    def financings(self):
        bank, amount = self.cleaned_data.get("bank"), self.cleaned_data.get("financing_amount")
        return [(bank, amount)] if bank and amount else []


class TransferRequestForm(forms.Form):
    company = forms.ModelChoiceField(label="기업", queryset=Company.objects.none(),
                                     widget=forms.Select(attrs=SELECT))
    message = forms.CharField(label="요청 내용", required=False, max_length=2000,
                              widget=forms.Textarea(attrs={**AREA, "rows": 3}))

    def __init__(self, *args, companies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["company"].queryset = Company.objects.filter(pk__in=[c.pk for c in companies])
        if len(companies) == 1:
            self.fields["company"].initial = companies[0].pk
