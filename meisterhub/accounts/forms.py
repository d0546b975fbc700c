from django import forms
from django.contrib.auth.forms import AuthenticationForm, UserCreationForm
from django.core.exceptions import ValidationError

from meisterhub.core.phones import normalize_phone

from .models import User

INPUT = {"class": "krds-input"}


class SignupForm(UserCreationForm):
    """Checks sign-up input only; services.register_company_member writes it."""

    full_name = forms.CharField(label="성명", max_length=50, widget=forms.TextInput(attrs=INPUT))
    email = forms.EmailField(label="이메일", widget=forms.EmailInput(attrs=INPUT))
    phone = forms.CharField(
        label="휴대전화",
        required=False,
        max_length=20,
        widget=forms.TextInput(attrs=INPUT),
        help_text="예: 010-1234-5678",
    )
    agree_privacy = forms.BooleanField(
        label="개인정보 수집·이용에 동의합니다 (필수: 성명, 이메일, 휴대전화 / 회원 탈퇴 시까지 보관)",
        error_messages={"required": "개인정보 수집·이용에 동의해야 가입할 수 있습니다."},
    )

    class Meta:
        model = User
        fields = ["username", "full_name", "email", "phone"]
        labels = {"username": "아이디"}
        help_texts = {"username": "영문, 숫자, @/./+/-/_ 150자 이내"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ["username", "password1", "password2"]:
            self.fields[name].widget.attrs.update(INPUT)

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if User.objects.filter(email__iexact=email).exists():
            raise ValidationError("이미 가입된 이메일입니다.")
        return email

    def clean_phone(self):
        return normalize_phone(self.cleaned_data.get("phone", ""))


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": "아이디 또는 비밀번호가 올바르지 않습니다.",
        "inactive": "사용이 중지된 계정입니다. 운영자에게 문의해 주세요.",
    }
    # Lockout after failures is django-axes' (accounts/lockout.py), the same for every form.

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = "아이디"
        self.fields["password"].label = "비밀번호"
        for field in self.fields.values():
            field.widget.attrs.update(INPUT)


class OTPForm(forms.Form):
    code = forms.CharField(
        label="인증 코드 6자리",
        max_length=8,
        widget=forms.TextInput(
            attrs={
                **INPUT,
                "inputmode": "numeric",
                "autocomplete": "one-time-code",
                "autofocus": True,
            }
        ),
    )
