"""Staff forms for rooms: the room itself with a per-weekday opening-hours editor, and photos."""

from django import forms

from meisterhub.core.errors import DomainError

from .models import WEEKDAY_LABELS, BookingPolicy, Center, Facility, FacilityKind

INPUT = {"class": "krds-input"}
SELECT = {"class": "krds-form-select"}
TIME = forms.TimeInput(attrs={"type": "time", "class": "krds-input", "step": 600},
                       format="%H:%M")
DAYS = range(7)


class FacilityForm(forms.Form):
    center = forms.ChoiceField(label="센터", choices=Center.choices,
                               widget=forms.Select(attrs=SELECT))
    kind = forms.ChoiceField(label="유형", choices=FacilityKind.choices,
                             widget=forms.Select(attrs=SELECT))
    name = forms.CharField(label="시설명", max_length=60, widget=forms.TextInput(attrs=INPUT))
    location = forms.CharField(label="위치", max_length=100, required=False,
                               widget=forms.TextInput(attrs={**INPUT, "placeholder": "예: 본관 3층"}))
    description = forms.CharField(label="소개", required=False,
                                  widget=forms.Textarea(attrs={**INPUT, "rows": 3}))
    capacity = forms.IntegerField(label="수용 인원", min_value=1,
                                  widget=forms.NumberInput(attrs=INPUT))
    equipment = forms.CharField(
        label="비품·장비", required=False, help_text="한 줄에 하나씩 적으세요.",
        widget=forms.Textarea(attrs={**INPUT, "rows": 3}))
    buffer_minutes = forms.IntegerField(
        label="예약 간 정리 시간(분)", min_value=0, initial=0,
        help_text="앞뒤 예약 사이에 비워 둘 시간입니다. 240분 이하, 운영 시간보다 짧아야 합니다.",
        widget=forms.NumberInput(attrs=INPUT))
    booking_policy = forms.ChoiceField(label="예약 가능 대상", choices=BookingPolicy.choices,
                                       widget=forms.Select(attrs=SELECT))
    approval_required = forms.BooleanField(label="운영자 승인 필요", required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        for day in DAYS:
            label = f"{WEEKDAY_LABELS[day]}요일"
            self.fields[f"opens_{day}"] = forms.TimeField(
                label=f"{label} 여는 시간", required=False, widget=TIME)
            self.fields[f"closes_{day}"] = forms.TimeField(
                label=f"{label} 닫는 시간", required=False, widget=TIME)
        if editing:
            self.fields["version"].required = True
        else:
            self.fields["photo"] = forms.FileField(
                label="사진", required=False, help_text="JPG, PNG, WEBP, GIF 5MB 이하",
                widget=forms.ClearableFileInput(attrs={"accept": "image/*"}))
            self.fields["photo_caption"] = forms.CharField(
                label="사진 설명", max_length=100, required=False,
                widget=forms.TextInput(attrs=INPUT))

    @classmethod
    def initial_for(cls, facility: Facility) -> dict:
        initial = {name: getattr(facility, name) for name in (
            "center", "kind", "name", "location", "description", "capacity", "buffer_minutes",
            "booking_policy", "approval_required", "version")}
        initial["equipment"] = "\n".join(facility.equipment or [])
        for day in DAYS:
            hours = facility.hours_on(day)
            if hours:
                initial[f"opens_{day}"], initial[f"closes_{day}"] = hours
        return initial

    # The fields the template lays out itself (the weekday table, photo block).
    HOURS_AND_PHOTO = {"photo", "photo_caption", "version"}

    def main_fields(self):
        return [self[name] for name in self.fields
                if not name.startswith(("opens_", "closes_")) and name not in self.HOURS_AND_PHOTO]

    def photo_fields(self):
        return [self[name] for name in ("photo", "photo_caption") if name in self.fields]

    def weekday_rows(self):
        return [
            {"day": day, "label": f"{WEEKDAY_LABELS[day]}요일", "opens": self[f"opens_{day}"],
             "closes": self[f"closes_{day}"],
             "errors": [*self[f"opens_{day}"].errors, *self[f"closes_{day}"].errors]}
            for day in DAYS
        ]

    def clean(self):
        data = super().clean()
        hours = {}
        for day in DAYS:
            opens, closes = data.get(f"opens_{day}"), data.get(f"closes_{day}")
            if self.has_error(f"opens_{day}") or self.has_error(f"closes_{day}"):
                continue
            if bool(opens) != bool(closes):
                self.add_error(f"closes_{day}", "여는 시간과 닫는 시간을 모두 입력하거나, 쉬는 날이면 "
                                                "모두 비워 두세요.")
            elif opens:
                hours[str(day)] = [opens, closes]
        data["opening_hours"] = hours
        return data

    def service_values(self) -> dict:
        data = self.cleaned_data
        values = {name: data[name] for name in (
            "center", "kind", "name", "location", "description", "capacity", "booking_policy",
            "approval_required", "opening_hours")}
        values["buffer_minutes"] = data.get("buffer_minutes") or 0
        values["equipment"] = [line.strip() for line in (data["equipment"] or "").splitlines()
                               if line.strip()]
        return values

    def show_error(self, error: DomainError) -> None:
        """A rule the service refused, beside its field (a weekday's row, the buffer, …)."""
        self.add_error(error.field if error.field in self.fields else None, error.message)


class FacilityPhotoForm(forms.Form):
    photo = forms.FileField(label="사진", help_text="JPG, PNG, WEBP, GIF 5MB 이하",
                            widget=forms.ClearableFileInput(attrs={"accept": "image/*"}))
    photo_caption = forms.CharField(label="사진 설명", max_length=100, required=False,
                                    widget=forms.TextInput(attrs=INPUT))

    def show_error(self, error: DomainError) -> None:
        self.add_error(error.field if error.field in self.fields else None, error.message)


class FacilityFilterForm(forms.Form):
    q = forms.CharField(label="검색어", required=False, max_length=60,
                        widget=forms.TextInput(attrs={**INPUT, "type": "search",
                                                      "placeholder": "시설명, 위치"}))
    center = forms.ChoiceField(label="센터", required=False,
                               choices=[("", "전체 센터"), *Center.choices],
                               widget=forms.Select(attrs=SELECT))
    state = forms.ChoiceField(label="상태", required=False, choices=[
        ("", "전체"), ("active", "운영 중"), ("inactive", "운영 중지")],
        widget=forms.Select(attrs=SELECT))
