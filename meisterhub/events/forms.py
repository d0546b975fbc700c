from django import forms

from meisterhub.companies.models import Company

from .models import EventKind, ProgramArea


class EventFilterForm(forms.Form):
    kind = forms.ChoiceField(label="유형", required=False,
                             choices=[("", "전체"), *EventKind.choices],
                             widget=forms.Select(attrs={"class": "krds-form-select"}))
    area = forms.ChoiceField(label="사업 분야", required=False,
                             choices=[("", "전체"), *ProgramArea.choices],
                             widget=forms.Select(attrs={"class": "krds-form-select"}))


class RegistrationForm(forms.Form):
    company = forms.ModelChoiceField(
        label="소속 기업", queryset=Company.objects.none(), required=False,
        empty_label="개인으로 신청", widget=forms.Select(attrs={"class": "krds-form-select"}))

    def __init__(self, *args, companies=None, **kwargs):
        super().__init__(*args, **kwargs)
        if companies is not None:
            self.fields["company"].queryset = companies
            if companies.count() == 1:
                self.fields["company"].initial = companies.first()


class CheckInForm(forms.Form):
    code = forms.CharField(label="체크인 코드", max_length=60, widget=forms.TextInput(attrs={
        "class": "krds-input", "autofocus": True, "autocomplete": "off",
        "placeholder": "QR을 스캔하거나 코드를 입력하세요"}))


class SubmissionForm(forms.Form):
    company = forms.ModelChoiceField(
        label="소속 기업", queryset=Company.objects.none(), required=False,
        empty_label="개인으로 제출", widget=forms.Select(attrs={"class": "krds-form-select"}))
    title = forms.CharField(label="제목", max_length=120,
                            widget=forms.TextInput(attrs={"class": "krds-input"}))
    summary = forms.CharField(label="요약", widget=forms.Textarea(attrs={"rows": 5}))
    file = forms.FileField(label="제출 파일",
                           help_text="PDF, 이미지, 한글(HWP·HWPX), PPTX, ZIP 파일")

    def __init__(self, *args, companies=None, **kwargs):
        super().__init__(*args, **kwargs)
        if companies is not None:
            self.fields["company"].queryset = companies


def score_form_fields(criteria, initial: dict[int, int]):
    """A form class with one integer field per criterion (name c<id>)."""
    fields = {
        f"c{c.pk}": forms.IntegerField(
            label=f"{c.name} (가중치 {c.weight}%, 0~{c.max_score}점)", min_value=0,
            max_value=c.max_score, initial=initial.get(c.pk),
            widget=forms.NumberInput(attrs={"class": "krds-input"}))
        for c in criteria
    }
    return type("ScoreForm", (forms.Form,), fields)
