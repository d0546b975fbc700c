"""Forms of the rotation board and the meister's own schedule. They check the shape of the
input; the rules (overlap, booked time, date order) are the services' and come back as
DomainError(field=...) shown beside the field."""

from django import forms

from meisterhub.meisters.models import Meister

from .models import WeekPattern
from .models.rotation import DEFAULT_PLACE, WEEKDAY_INT_CHOICES
from .services.rotation_rules import MAX_INTERVAL_WEEKS

SELECT = {"class": "krds-form-select"}
INPUT = {"class": "krds-input"}
DATE = forms.DateInput(attrs={**INPUT, "type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={**INPUT, "type": "time"}, format="%H:%M")
APPLY_LABEL = "예약을 변경 필요로 두고 적용"


class BlockForm(forms.Form):
    weekday = forms.TypedChoiceField(
        label="요일", coerce=int, choices=WEEKDAY_INT_CHOICES, widget=forms.Select(attrs=SELECT)
    )
    start_time = forms.TimeField(label="시작 시각", widget=TIME)
    end_time = forms.TimeField(label="종료 시각", widget=TIME)
    place = forms.CharField(
        label="장소",
        max_length=50,
        required=False,
        initial=DEFAULT_PLACE,
        widget=forms.TextInput(attrs=INPUT),
    )
    slot_minutes = forms.IntegerField(
        label="상담 단위(분)",
        required=False,
        initial=60,
        min_value=15,
        max_value=240,
        widget=forms.NumberInput(attrs=INPUT),
    )
    pattern = forms.ChoiceField(
        label="주기",
        required=False,
        choices=WeekPattern.choices,
        initial=WeekPattern.WEEKLY,
        widget=forms.Select(attrs=SELECT),
    )
    interval_weeks = forms.IntegerField(
        label="N주마다의 N",
        required=False,
        min_value=1,
        max_value=MAX_INTERVAL_WEEKS,
        help_text="‘N주마다’일 때만: 2이면 격주",
        widget=forms.NumberInput(attrs=INPUT),
    )
    anchor_date = forms.DateField(
        label="기준일", required=False, help_text="‘N주마다’의 첫 주에 속한 날짜", widget=DATE
    )
    ab_week = forms.ChoiceField(
        label="A/B주",
        required=False,
        choices=[("", "-"), ("A", "A주"), ("B", "B주")],
        widget=forms.Select(attrs=SELECT),
    )
    valid_from = forms.DateField(label="적용 시작일", required=False, widget=DATE)
    valid_until = forms.DateField(label="적용 종료일", required=False, widget=DATE)
    apply_to_bookings = forms.BooleanField(label=APPLY_LABEL, required=False)

    def __init__(self, *args, meister_choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        if meister_choices is not None:
            # Staff adding a block pick the meister; a meister adds only their own.
            self.fields = {
                "meister": forms.ModelChoiceField(
                    label="마이스터",
                    queryset=meister_choices,
                    empty_label="마이스터를 고르세요",
                    widget=forms.Select(attrs=SELECT),
                ),
                **self.fields,
            }

    @classmethod
    def initial_of(cls, block) -> dict:
        return {name: getattr(block, name) for name in cls.base_fields if hasattr(block, name)}

    @classmethod
    def data_of(cls, block) -> dict:
        """The block's values as submitted text (a bound form to attach a refusal to)."""
        values = cls.initial_of(block)
        for name, value in values.items():
            if hasattr(value, "strftime"):
                values[name] = value.strftime("%H:%M" if name.endswith("_time") else "%Y-%m-%d")
            elif value is None:
                values[name] = ""
        return values

    def service_values(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("meister", None)
        data.pop("apply_to_bookings", None)
        return data


class LeaveForm(forms.Form):
    starts_on = forms.DateField(label="시작일", widget=DATE)
    ends_on = forms.DateField(label="종료일", widget=DATE)
    reason = forms.CharField(
        label="사유", max_length=100, required=False, widget=forms.TextInput(attrs=INPUT)
    )
    apply_to_bookings = forms.BooleanField(label=APPLY_LABEL, required=False)

    def __init__(self, *args, meister_choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        if meister_choices is not None:
            self.fields = {
                "meister": forms.ModelChoiceField(
                    label="마이스터",
                    queryset=meister_choices,
                    empty_label="마이스터를 고르세요",
                    widget=forms.Select(attrs=SELECT),
                ),
                **self.fields,
            }


class WeekForm(forms.Form):
    week = forms.DateField(label="주 선택(날짜)", required=False, widget=DATE)


def active_meisters():
    return Meister.objects.filter(is_active=True).order_by("name", "id")
