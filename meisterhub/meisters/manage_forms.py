"""Staff forms for meisters: the profile (create and edit), the invitation, the list search."""

from django import forms

from meisterhub.core.errors import DomainError

from .models import TITLE_SUGGESTIONS, WEEKDAY_CHOICES, Field, Meister

INPUT = {"class": "krds-input"}
SELECT = {"class": "krds-form-select"}


def _field_choice(label: str, required: bool) -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        label=label, queryset=Field.objects.order_by("order"), to_field_name="code",
        required=required, empty_label="선택하세요" if required else "없음",
        error_messages={"required": "전문분야를 하나 이상 고르세요.",
                        "invalid_choice": "목록에 있는 전문분야를 고르세요."},
        widget=forms.Select(attrs=SELECT))


class MeisterForm(forms.Form):
    name = forms.CharField(label="성명", max_length=50, widget=forms.TextInput(attrs=INPUT))
    title = forms.CharField(
        label="직함", max_length=30, help_text="기술사, 명장, 기능장 등",
        widget=forms.TextInput(attrs={**INPUT, "list": "title-suggestions"}))
    roster_id = forms.CharField(
        label="명부 ID", max_length=20, required=False,
        help_text="비워 두면 자동으로 정합니다. 명부 가져오기에서 같은 사람을 찾는 데 씁니다.",
        widget=forms.TextInput(attrs=INPUT))
    field_1 = _field_choice("주 전문분야", True)
    field_2 = _field_choice("전문분야 2", False)
    field_3 = _field_choice("전문분야 3", False)
    career = forms.CharField(label="소속·경력", required=False,
                             help_text="소속 기관과 주요 경력을 적으세요.",
                             widget=forms.Textarea(attrs={**INPUT, "rows": 4}))
    keywords = forms.CharField(label="키워드", required=False, help_text="쉼표(,)로 구분합니다.",
                               widget=forms.TextInput(attrs=INPUT))
    certificates = forms.CharField(label="자격·인증", required=False,
                                   help_text="한 줄에 하나씩 적으세요.",
                                   widget=forms.Textarea(attrs={**INPUT, "rows": 2}))
    weekdays = forms.MultipleChoiceField(label="센터 근무 요일", required=False,
                                         choices=WEEKDAY_CHOICES,
                                         widget=forms.CheckboxSelectMultiple)
    photo = forms.FileField(label="사진", required=False, help_text="JPG, PNG, WEBP, GIF 5MB 이하",
                            widget=forms.ClearableFileInput(attrs={"accept": "image/*"}))
    is_active = forms.BooleanField(label="활동 중", required=False, initial=True)
    email = forms.EmailField(
        label="이메일(초대)", required=False,
        help_text="입력하면 마이스터 로그인 계정을 만들고 비밀번호 설정 링크를 메일로 보냅니다.",
        widget=forms.EmailInput(attrs=INPUT))
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    title_suggestions = TITLE_SUGGESTIONS

    def __init__(self, *args, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if editing:
            del self.fields["roster_id"], self.fields["email"]
            self.fields["version"].required = True
        else:
            del self.fields["is_active"]

    @classmethod
    def initial_for(cls, meister: Meister) -> dict:
        codes = [f.code for f in meister.ordered_fields]
        initial = {name: getattr(meister, name) for name in (
            "name", "title", "career", "is_active", "version")}
        initial.update({f"field_{n}": code for n, code in enumerate(codes, start=1)})
        initial["keywords"] = ", ".join(meister.keywords or [])
        initial["certificates"] = "\n".join(meister.certificates or [])
        initial["weekdays"] = list(meister.weekdays)
        return initial

    def service_values(self) -> dict:
        data = self.cleaned_data
        values = {
            "name": data["name"].strip(), "title": data["title"].strip(),
            "career": data["career"].strip(), "weekdays": data["weekdays"],
            "keywords": [k.strip() for k in data["keywords"].split(",") if k.strip()],
            "certificates": [c.strip() for c in data["certificates"].splitlines() if c.strip()],
            "field_codes": [data[f"field_{n}"].code for n in (1, 2, 3) if data.get(f"field_{n}")],
            "photo": data.get("photo"),
        }
        if "is_active" in self.fields:
            values["is_active"] = data["is_active"]
        if "roster_id" in self.fields:
            values["roster_id"], values["email"] = data["roster_id"], data["email"]
        return values

    def show_error(self, error: DomainError) -> None:
        """A rule the service refused, beside its field (the field list beside the main one)."""
        name = "field_1" if error.field == "fields" else error.field
        self.add_error(name if name in self.fields else None, error.message)


class InviteForm(forms.Form):
    email = forms.EmailField(label="이메일", required=False, widget=forms.EmailInput(attrs=INPUT))

    def show_error(self, error: DomainError) -> None:
        self.add_error("email" if error.field == "email" else None, error.message)


class MeisterSearchForm(forms.Form):
    q = forms.CharField(label="검색어", required=False, max_length=100, widget=forms.TextInput(
        attrs={**INPUT, "type": "search", "placeholder": "이름, 명부 ID, 이메일, 키워드"}))
    state = forms.ChoiceField(label="상태", required=False, choices=[
        ("", "전체"), ("active", "활동 중"), ("inactive", "활동 중지"),
        ("no_account", "계정 없음"), ("invited", "초대됨"), ("account", "계정 활성")],
        widget=forms.Select(attrs=SELECT))
