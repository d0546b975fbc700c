from django import forms

from meisterhub.core.phones import mask_phone, normalize_phone

from .models import Company, District
from .services import BRN_TAKEN
from .validators import normalize_brn, normalize_corporate_number

INPUT = {"class": "krds-input"}
SELECT = {"class": "krds-form-select"}


class CompanyForm(forms.ModelForm):
    brn = forms.CharField(
        label="사업자등록번호",
        max_length=12,
        widget=forms.TextInput(attrs={**INPUT, "inputmode": "numeric"}),
        help_text="숫자 10자리 (예: 123-45-67890)",
        error_messages={"unique": BRN_TAKEN},
    )
    corporate_number = forms.CharField(
        label="법인등록번호",
        required=False,
        max_length=14,
        widget=forms.TextInput(attrs=INPUT),
        help_text="법인인 경우 13자리 (선택)",
    )
    phone = forms.CharField(
        label="대표 전화", required=False, max_length=20, widget=forms.TextInput(attrs=INPUT)
    )

    class Meta:
        model = Company
        fields = [
            "name",
            "brn",
            "corporate_number",
            "representative",
            "industry",
            "size_class",
            "org_type",
            "district",
            "address",
            "phone",
            "employees",
            "founded_on",
        ]
        widgets = {
            "name": forms.TextInput(attrs=INPUT),
            "representative": forms.TextInput(attrs=INPUT),
            "industry": forms.Select(attrs=SELECT),
            "size_class": forms.Select(attrs=SELECT),
            "org_type": forms.Select(attrs=SELECT),
            "district": forms.Select(attrs=SELECT, choices=District.choices),
            "address": forms.TextInput(attrs=INPUT),
            "employees": forms.NumberInput(attrs={**INPUT, "min": 0}),
            "founded_on": forms.DateInput(attrs={**INPUT, "type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, mask_personal: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.warnings: list[str] = []
        # Staff editing someone else's company see the phone masked (core/privacy.py); saving
        # the masked text unchanged keeps the stored number.
        has_phone = mask_personal and self.instance.pk and self.instance.phone
        self.masked_phone = mask_phone(self.instance.phone) if has_phone else None
        if self.instance.pk:
            self.initial["brn"] = self.instance.brn_display
            self.initial["corporate_number"] = self.instance.corporate_number_display
            self.initial["phone"] = self.masked_phone or self.instance.phone_display
        if self.masked_phone:
            self.fields["phone"].help_text = "가려진 번호를 그대로 두면 바뀌지 않습니다."

    def clean_brn(self):
        # A brn already taken is caught by the model's unique check (validate_unique).
        return normalize_brn(self.cleaned_data["brn"])

    def clean_corporate_number(self):
        number, warning = normalize_corporate_number(self.cleaned_data.get("corporate_number", ""))
        if warning:
            self.warnings.append(warning)
        return number

    def clean_phone(self):
        value = self.cleaned_data.get("phone", "")
        if self.masked_phone and value.strip() == self.masked_phone:
            return self.instance.phone
        return normalize_phone(value)


class JoinForm(forms.Form):
    brn = forms.CharField(
        label="소속할 기업의 사업자등록번호", max_length=12, widget=forms.TextInput(attrs=INPUT)
    )

    def clean_brn(self):
        return normalize_brn(self.cleaned_data["brn"])
