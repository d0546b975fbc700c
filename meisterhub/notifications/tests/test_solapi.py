"""SolapiBackend against a local fake of SOLAPI's v4 send API (signature checked for real)."""

import time

import pytest

from meisterhub.notifications.providers import solapi
from meisterhub.notifications.providers.base import ProviderError, TextMessage
from meisterhub.notifications.providers.solapi import SolapiBackend, euc_kr_length

from .fake_solapi import FakeSolapi

KEY = "NCSAYU7YDBXYORXC"
SECRET = "s3cr3t-for-tests"
SENDER = "055-212-0000"
PF_ID = "KA01PF200323182344986oTFz9CIabcx"
TEMPLATE = "KA01TP200323182345741y9M2gaT5xyz"


@pytest.fixture
def fake(settings):
    server = FakeSolapi(api_key=KEY, api_secret=SECRET).start()
    settings.SOLAPI_API_KEY = KEY
    settings.SOLAPI_API_SECRET = SECRET
    settings.SOLAPI_SENDER = SENDER
    settings.SOLAPI_PF_ID = PF_ID
    settings.SOLAPI_BASE_URL = server.base_url
    settings.SOLAPI_TIMEOUT = 2
    yield server
    server.stop()


def test_short_body_goes_as_sms_with_domestic_numbers(fake):
    result = SolapiBackend().send(TextMessage(to="+821012345678", body="상담이 내일 10시로 확정되었습니다."))

    assert result.channel == "sms" and result.provider_id.startswith("M4V") and not result.note
    assert fake.accepted == [
        {"to": "01012345678", "from": "0552120000", "text": "상담이 내일 10시로 확정되었습니다.", "type": "SMS"}
    ]


def test_wrong_secret_is_refused_and_not_retryable(fake, settings):
    settings.SOLAPI_API_SECRET = "not-the-secret"

    with pytest.raises(ProviderError) as caught:
        SolapiBackend().send(TextMessage(to="+821012345678", body="안녕하세요"))

    assert caught.value.retryable is False
    assert "SignatureDoesNotMatch" in caught.value.reason and "403" in caught.value.reason
    assert fake.accepted == []


def test_wrong_api_key_is_refused(fake, settings):
    settings.SOLAPI_API_KEY = "NCSOTHERKEY"

    with pytest.raises(ProviderError) as caught:
        SolapiBackend().send(TextMessage(to="01012345678", body="안녕하세요"))

    assert caught.value.retryable is False and "InvalidAPIKey" in caught.value.reason


def test_skewed_clock_is_refused(fake, monkeypatch):
    monkeypatch.setattr(solapi, "_utcnow", lambda: solapi.dt.datetime(2019, 7, 1, tzinfo=solapi.dt.UTC))

    with pytest.raises(ProviderError) as caught:
        SolapiBackend().send(TextMessage(to="01012345678", body="안녕하세요"))

    assert caught.value.retryable is False and "RequestTimeTooSkewed" in caught.value.reason


def test_each_request_has_a_fresh_salt(fake, monkeypatch):
    backend = SolapiBackend()
    backend.send(TextMessage(to="01012345678", body="첫 번째"))
    backend.send(TextMessage(to="01012345678", body="두 번째"))
    assert len(fake.accepted) == 2 and len(fake.used_salts) == 2

    monkeypatch.setattr(solapi, "_new_salt", lambda: next(iter(fake.used_salts)))
    with pytest.raises(ProviderError) as caught:
        backend.send(TextMessage(to="01012345678", body="세 번째"))
    assert "DuplicatedSignature" in caught.value.reason


def test_long_body_goes_as_lms_with_subject(fake):
    body = "가" * 46  # 92 EUC-KR bytes: just over the SMS limit
    assert euc_kr_length(body) == 92 and euc_kr_length("a" * 90) == 90

    result = SolapiBackend().send(TextMessage(to="010-1234-5678", body=body, subject="상담 안내"))

    assert result.channel == "lms"
    assert fake.accepted[0]["type"] == "LMS" and fake.accepted[0]["subject"] == "상담 안내"
    assert fake.accepted[0]["text"] == body


def test_ninety_ascii_bytes_still_sms(fake):
    assert SolapiBackend().send(TextMessage(to="01012345678", body="a" * 90)).channel == "sms"


def test_alimtalk_with_approved_template_goes_as_ata(fake):
    result = SolapiBackend().send(
        TextMessage(to="+821012345678", body="[마이스터허브] 상담 예약 완료", channel="alimtalk",
                    template_code=TEMPLATE)
    )

    assert result.channel == "alimtalk" and not result.note
    assert fake.accepted == [{
        "to": "01012345678",
        "from": "0552120000",
        "text": "[마이스터허브] 상담 예약 완료",
        "type": "ATA",
        "kakaoOptions": {"pfId": PF_ID, "templateId": TEMPLATE, "disableSms": True},
    }]


@pytest.mark.parametrize("how", ["status", "http"])
def test_rejected_template_falls_back_to_sms(fake, how):
    fake.reject_template(TEMPLATE, how=how)

    result = SolapiBackend().send(
        TextMessage(to="+821012345678", body="상담 예약 완료", channel="alimtalk", template_code=TEMPLATE)
    )

    assert result.channel == "sms" and "템플릿" in result.note and "SMS" in result.note
    assert fake.requests == 2
    assert fake.accepted == [
        {"to": "01012345678", "from": "0552120000", "text": "상담 예약 완료", "type": "SMS"}
    ]


def test_rejected_template_with_long_body_falls_back_to_lms(fake):
    fake.reject_template(TEMPLATE)
    body = "상담 예약이 완료되었습니다. " * 10

    result = SolapiBackend().send(
        TextMessage(to="01012345678", body=body, channel="alimtalk", template_code=TEMPLATE,
                    subject="예약 완료")
    )

    assert result.channel == "lms" and "LMS" in result.note
    assert fake.accepted[0]["type"] == "LMS" and fake.accepted[0]["subject"] == "예약 완료"


def test_alimtalk_number_refusal_does_not_fall_back(fake):
    fake.reject_number("01012345678")

    with pytest.raises(ProviderError) as caught:
        SolapiBackend().send(
            TextMessage(to="01012345678", body="안내", channel="alimtalk", template_code=TEMPLATE)
        )

    assert caught.value.retryable is False and fake.requests == 1


def test_server_error_is_retryable(fake):
    fake.fail_with = 500

    with pytest.raises(ProviderError) as caught:
        SolapiBackend().send(TextMessage(to="01012345678", body="안녕하세요"))

    assert caught.value.retryable is True and "500" in caught.value.reason


def test_timeout_is_retryable(fake, settings):
    settings.SOLAPI_TIMEOUT = 0.5
    fake.hang_seconds = 3

    started = time.monotonic()
    with pytest.raises(ProviderError) as caught:
        SolapiBackend().send(TextMessage(to="01012345678", body="안녕하세요"))

    assert caught.value.retryable is True and "시간 초과" in caught.value.reason
    assert time.monotonic() - started < 2


def test_connection_refused_is_retryable(fake, settings):
    fake.stop()

    with pytest.raises(ProviderError) as caught:
        SolapiBackend().send(TextMessage(to="01012345678", body="안녕하세요"))

    assert caught.value.retryable is True


def test_rejected_number_is_not_retryable_with_providers_reason(fake):
    fake.reject_number("01099998888")

    with pytest.raises(ProviderError) as caught:
        SolapiBackend().send(TextMessage(to="+821099998888", body="안녕하세요"))

    assert caught.value.retryable is False
    assert "ValidationError" in caught.value.reason and "수신번호 형식 오류" in caught.value.reason
    assert "400" in caught.value.reason


def test_failure_status_in_2xx_is_not_retryable(fake):
    fake.reject_number("01099998888", how="status")

    with pytest.raises(ProviderError) as caught:
        SolapiBackend().send(TextMessage(to="01099998888", body="안녕하세요"))

    assert caught.value.retryable is False and "1060" in caught.value.reason
    assert "차단된 수신번호" in caught.value.reason


@pytest.mark.parametrize("number", ["+12025550123", "0552120000", "+82212345678", "12345", ""])
def test_non_korean_mobile_is_refused_without_a_request(fake, number):
    with pytest.raises(ProviderError) as caught:
        SolapiBackend().send(TextMessage(to=number, body="안녕하세요"))

    assert caught.value.retryable is False
    assert caught.value.reason == f"한국 휴대전화 번호가 아닙니다: {number}"
    assert fake.requests == 0


@pytest.mark.parametrize("missing", ["SOLAPI_API_KEY", "SOLAPI_API_SECRET", "SOLAPI_SENDER"])
def test_missing_settings_are_not_retryable(fake, settings, missing):
    setattr(settings, missing, "")

    with pytest.raises(ProviderError) as caught:
        SolapiBackend().send(TextMessage(to="01012345678", body="안녕하세요"))

    assert caught.value.retryable is False and missing in caught.value.reason
    assert "설정이 없습니다" in caught.value.reason and fake.requests == 0


@pytest.mark.django_db
def test_outbox_rows_go_through_solapi_and_record_its_answer(fake, settings):
    """End to end: a notice's text row is sent through SOLAPI; a 5xx leaves it queued to retry,
    an AlimTalk template Kakao rejects still reaches the person by SMS, and the log says so."""
    from meisterhub.accounts.tests.factories import UserFactory
    from meisterhub.notifications.models import Channel, Message, Status
    from meisterhub.notifications.services import Recipient, deliver, notify

    settings.SMS_BACKEND = "meisterhub.notifications.providers.solapi.SolapiBackend"
    settings.ALIMTALK_TEMPLATES = {"booking_ok": TEMPLATE}
    user = UserFactory(phone="+821098765432")
    for event in ("first", "second"):
        notify(recipients=[Recipient.of(user)], kind="consultation", template="booking_ok",
               record=user, event=event, subject="상담 확정", text="본문",
               sms_text="상담이 확정되었습니다.")
    first, second = Message.objects.filter(channel=Channel.SMS).order_by("pk")

    fake.fail_with = 503
    assert deliver(first.pk) == Status.QUEUED
    first.refresh_from_db()
    assert "503" in first.reason and first.attempts == 1

    fake.fail_with = None
    fake.reject_template(TEMPLATE)
    assert deliver(second.pk) == Status.SENT
    second.refresh_from_db()
    assert second.provider_id.startswith("M4V") and "SMS 대체 발송" in second.reason
    assert [m["type"] for m in fake.accepted] == ["SMS"]
    assert fake.accepted[0]["to"] == "01098765432"
