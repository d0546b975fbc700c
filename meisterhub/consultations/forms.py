from datetime import datetime

from django import forms
from django.urls import reverse
from django.utils import timezone

from meisterhub.companies.models import Company
from meisterhub.companies.selectors import acting_companies
from meisterhub.core.lookup import LookupSelect
from meisterhub.meisters.models import WEEKDAYS, Field, Meister

from .models import BookingStatus, FollowUp
from .selectors import meisters_for_field
from .window import booking_window, window_free_slots

SELECT = {"class": "krds-form-select"}
INPUT = {"class": "krds-input"}


def field_choice(**extra):
    return forms.ModelChoiceField(
        label="상담 분야",
        queryset=Field.objects.order_by("order"),
        to_field_name="code",
        empty_label="분야를 고르세요",
        widget=forms.Select(attrs=SELECT),
        **extra,
    )


def slot_label(moment) -> str:
    local = timezone.localtime(moment)
    return f"{local:%m월 %d일} ({WEEKDAYS[local.weekday()]}) {local:%H:%M}"


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = data if isinstance(data, (list, tuple)) else [data] if data else []
        return [super(MultipleFileField, self).clean(f, initial) for f in files]


class BookingRequestForm(forms.Form):
    """Field narrows meisters, the meister gives its free slots (htmx reloads the choices)."""

    company = forms.ModelChoiceField(
        label="신청 기업", queryset=Company.objects.none(), widget=forms.Select(attrs=SELECT)
    )
    field = field_choice()
    meister = forms.ModelChoiceField(
        label="마이스터",
        queryset=Meister.objects.none(),
        empty_label="마이스터를 고르세요",
        widget=forms.Select(attrs=SELECT),
    )
    # Not a ChoiceField: a slot taken since the page was loaded must reach the service, which
    # says that it was taken and offers the nearest free ones (a choice check says "not listed").
    slot = forms.CharField(
        label="상담 일시",
        error_messages={"required": "시간을 고르세요."},
        widget=forms.Select(attrs=SELECT),
    )
    problem = forms.CharField(
        label="기술 애로 내용",
        max_length=5000,
        widget=forms.Textarea(
            attrs={
                "class": "krds-input",
                "rows": 6,
                "placeholder": "어떤 제품·공정에서 어떤 문제가 있는지 적어 주세요.",
            }
        ),
    )
    attachments = MultipleFileField(
        label="첨부파일",
        required=False,
        help_text="이미지, PDF, 도면(DWG·DXF·STEP) 최대 5개, 파일마다 20MB 이하",
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["company"].queryset = acting_companies(user)
        # Each select reloads the choices below it; the listener lives on the (re-rendered) select.
        reload = {
            "hx-get": reverse("consultations:new"),
            "hx-target": "#booking-choices",
            "hx-include": "#id_field, #id_meister",
            "hx-trigger": "change",
        }
        self.fields["field"].widget.attrs.update(reload)
        self.fields["meister"].widget.attrs.update(reload)
        source = self.data or self.initial
        field_code = source.get("field") or None
        self.fields["meister"].queryset = meisters_for_field(field_code)
        self.window = booking_window()
        self.slot_list = []
        self.alternatives: list[tuple[str, str]] = []
        meister_id = source.get("meister")
        if (
            meister_id
            and str(meister_id).isdigit()
            and self.fields["meister"].queryset.filter(pk=meister_id).exists()
        ):
            self.slot_list = window_free_slots(int(meister_id), window=self.window)
        choices = slot_choices(self.slot_list)
        self.fields["slot"].widget.choices = [("", "시간을 고르세요"), *choices]

    def clean_slot(self):
        try:
            value = datetime.fromisoformat(self.cleaned_data["slot"])
        except ValueError:
            raise forms.ValidationError("목록에서 빈 시간을 고르세요.") from None
        if timezone.is_naive(value):
            raise forms.ValidationError("목록에서 빈 시간을 고르세요.")
        return value

    def show_taken(self, error) -> None:
        """The slot went to someone else: say so next to it and offer the nearest free ones."""
        self.add_error("slot", error.message)
        self.alternatives = slot_choices(error.alternatives)


class RecordForm(forms.Form):
    diagnosis = forms.CharField(label="진단", widget=forms.Textarea(attrs={**INPUT, "rows": 4}))
    advice = forms.CharField(label="자문 내용", widget=forms.Textarea(attrs={**INPUT, "rows": 5}))
    follow_up = forms.ChoiceField(
        label="후속 조치", choices=FollowUp.choices, widget=forms.Select(attrs=SELECT)
    )
    hours = forms.DecimalField(
        label="상담 시간(시간)",
        min_value=0.1,
        max_value=12,
        decimal_places=1,
        initial=1,
        widget=forms.NumberInput(attrs=INPUT),
    )
    escalate = forms.BooleanField(
        label="한 번의 상담으로 해결되지 않아 현장애로 지원으로 넘깁니다", required=False
    )


class SurveyForm(forms.Form):
    score = forms.TypedChoiceField(
        label="만족도",
        coerce=int,
        widget=forms.RadioSelect,
        choices=[(i, f"{i}점") for i in range(5, 0, -1)],
    )
    comment = forms.CharField(
        label="의견",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={**INPUT, "rows": 3}),
    )


class WalkInForm(forms.Form):
    day = forms.DateField(label="상담일", widget=forms.DateInput(attrs={**INPUT, "type": "date"}))
    start_time = forms.TimeField(
        label="시작 시각", widget=forms.TimeInput(attrs={**INPUT, "type": "time"})
    )
    minutes = forms.IntegerField(
        label="상담 시간(분)",
        initial=30,
        min_value=10,
        max_value=240,
        widget=forms.NumberInput(attrs=INPUT),
    )
    # lookups, not a full <select>: an option per meister/company cost seconds at 10,000
    meister = forms.ModelChoiceField(
        label="마이스터",
        queryset=Meister.objects.filter(is_active=True),
        widget=LookupSelect("meisters:lookup", attrs=SELECT),
    )
    company = forms.ModelChoiceField(
        label="기업 (회원사)",
        queryset=Company.objects.all(),
        required=False,
        widget=LookupSelect("companies:lookup", attrs=SELECT),
    )
    visitor_name = forms.CharField(
        label="방문자 이름 (회원사가 아닐 때)",
        required=False,
        max_length=50,
        widget=forms.TextInput(attrs=INPUT),
    )
    field = field_choice()
    summary = forms.CharField(label="상담 요지", widget=forms.Textarea(attrs={**INPUT, "rows": 4}))


class ClosureForm(forms.Form):
    starts_on = forms.DateField(
        label="시작일", widget=forms.DateInput(attrs={**INPUT, "type": "date"})
    )
    ends_on = forms.DateField(
        label="종료일", widget=forms.DateInput(attrs={**INPUT, "type": "date"})
    )
    reason = forms.CharField(label="사유", max_length=100, widget=forms.TextInput(attrs=INPUT))


class StaffFilterForm(forms.Form):
    status = forms.ChoiceField(
        label="상태",
        required=False,
        choices=[("", "전체 상태"), *BookingStatus.choices],
        widget=forms.Select(attrs=SELECT),
    )
    date_from = forms.DateField(
        label="시작일", required=False, widget=forms.DateInput(attrs={**INPUT, "type": "date"})
    )
    date_to = forms.DateField(
        label="종료일", required=False, widget=forms.DateInput(attrs={**INPUT, "type": "date"})
    )
    meister = forms.ModelChoiceField(
        label="마이스터",
        required=False,
        empty_label="전체 마이스터",
        queryset=Meister.objects.order_by("name"),
        widget=LookupSelect("meisters:lookup", attrs=SELECT),
    )


class OnsiteVisitForm(forms.Form):
    visited_on = forms.DateField(
        label="방문일", widget=forms.DateInput(attrs={**INPUT, "type": "date"})
    )
    report = forms.CharField(label="방문 보고", widget=forms.Textarea(attrs={**INPUT, "rows": 4}))


class OnsiteCloseForm(forms.Form):
    result = forms.CharField(label="종결 결과", widget=forms.Textarea(attrs={**INPUT, "rows": 3}))


def slot_choices(slots) -> list[tuple[str, str]]:
    return [(s.key, f"{slot_label(s.starts_at)} · {s.place}") for s in slots]


def meister_slot_choices(meister_id: int) -> list[tuple[str, str]]:
    """The meister's free slots inside the booking window, as select choices."""
    return slot_choices(window_free_slots(meister_id))


class DecisionForm(forms.Form):
    """Carries the booking's sequence as loaded, so a decision on a stale page is refused."""

    sequence = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)


class DeclineForm(DecisionForm):
    reason = forms.CharField(
        label="거절 사유",
        max_length=200,
        error_messages={
            "required": "거절 사유를 적어 주세요. 기업에 함께 알립니다.",
            "max_length": "거절 사유는 200자 이내로 적어 주세요.",
        },
        widget=forms.TextInput(attrs={**INPUT, "placeholder": "예: 해당 분야가 아닙니다"}),
    )


class SlotForm(DecisionForm):
    """One of the meister's free slots (the choices are given by the view)."""

    # Not a ChoiceField: a slot taken since the page was loaded must reach the service, which
    # says that it was taken (a choice check would only say "not in the list").
    slot = forms.CharField(
        label="상담 일시",
        error_messages={"required": "시간을 고르세요."},
        widget=forms.Select(attrs=SELECT),
    )

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slot"].widget.choices = [("", "시간을 고르세요"), *choices]
        self.has_slots = bool(choices)

    def clean_slot(self):
        from datetime import datetime

        try:
            value = datetime.fromisoformat(self.cleaned_data["slot"])
        except ValueError:
            raise forms.ValidationError("목록에서 빈 시간을 고르세요.") from None
        if timezone.is_naive(value):
            raise forms.ValidationError("목록에서 빈 시간을 고르세요.")
        return value


class ProposeForm(SlotForm):
    reason = forms.CharField(
        label="제안 사유",
        required=False,
        max_length=200,
        error_messages={"max_length": "제안 사유는 200자 이내로 적어 주세요."},
        widget=forms.TextInput(
            attrs={**INPUT, "placeholder": "예: 그 시간에는 현장 방문이 있습니다"}
        ),
    )
