"""SOLAPI (solapi.com, the former CoolSMS): SMS, LMS and KakaoTalk AlimTalk over HTTP API v4.

What the code relies on, from SOLAPI's own documentation (github.com/solapi/documents,
served at docs.solapi.com):

* authentication/api-key.md — every request carries
  ``Authorization: HMAC-SHA256 apiKey=<key>, date=<ISO 8601>, salt=<12-64 random chars>,
  signature=<hex HMAC-SHA256 of date+salt keyed with the API secret>``. A date more than
  ±15 minutes off is refused (``RequestTimeTooSkewed``), a signature may not be reused within
  15 minutes (``DuplicatedSignature``); these, ``InvalidAPIKey`` and ``SignatureDoesNotMatch``
  come back as HTTP 403.
* api-reference/messages/sendSimpleMessage.md — ``POST /messages/v4/send`` with
  ``{"message": {"to", "from", "text", "type", "subject", "kakaoOptions": {"pfId",
  "templateId", "disableSms"}}}``; the answer holds ``groupId``, ``messageId``, ``statusCode``
  and ``statusMessage`` (sample: statusCode "2000", "정상 접수(이통사로 접수 예정)").
  Refusals come as 4xx with ``{"errorCode": ..., "errorMessage": ...}``.
* api-reference/message-status-codes.md — four-digit codes: 2000 accepted, 3000 handed to the
  carrier, 4000 received; 1xxx/2xxx/3xxx are failures. The ones about the AlimTalk template are
  1042 (유효한 템플릿 아이디가 아닙니다), 1043 (등록한 템플릿과 내용이 다릅니다), 1046/1047/1052
  (buttons differ from the template), 3103 (메시지와 템플릿 불일치) and 3105 (미등록 템플릿).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import logging
import re
import secrets
import urllib.error
import urllib.parse
import urllib.request
from http.client import HTTPException

from django.conf import settings

from .base import BaseTextBackend, ProviderError, SendResult, TextMessage

logger = logging.getLogger(__name__)

SEND_PATH = "/messages/v4/send"
SMS_MAX_BYTES = 90  # SOLAPI: "SMS는 90byte"; above that the text goes as LMS
SUBJECT_MAX_BYTES = 40  # "제목은 40byte까지" (한글 20자)
SUCCESS_CODES = frozenset({"2000", "3000", "4000"})
TEMPLATE_STATUS_CODES = frozenset({"1042", "1043", "1046", "1047", "1052", "3103", "3105"})
FALLBACK_NOTE = "알림톡 템플릿 거부 → {channel} 대체 발송"

# +82 10/11/16-19 … or the domestic 010/011/016-019 …, 7 or 8 digits after the prefix.
_KOREAN_MOBILE = re.compile(r"^(?:\+82|0)(1[016-9])(\d{7,8})$")
_SEPARATORS = re.compile(r"[\s\-().]")


def domestic_mobile(number: str) -> str:
    """``+82 10-1234-5678`` → ``01012345678``; anything not a Korean mobile → ProviderError."""
    match = _KOREAN_MOBILE.match(_SEPARATORS.sub("", number or ""))
    if not match:
        raise ProviderError(f"한국 휴대전화 번호가 아닙니다: {number}", retryable=False)
    return f"0{match.group(1)}{match.group(2)}"


def euc_kr_length(text: str) -> int:
    """Bytes the carriers count: ASCII 1, Hangul (and any other character) 2."""
    total = 0
    for char in text:
        try:
            total += len(char.encode("euc-kr"))
        except UnicodeEncodeError:
            total += 2
    return total


def _truncate_bytes(text: str, limit: int) -> str:
    out = []
    used = 0
    for char in text:
        size = euc_kr_length(char)
        if used + size > limit:
            break
        out.append(char)
        used += size
    return "".join(out)


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _new_salt() -> str:
    return secrets.token_hex(16)  # 32 characters, within SOLAPI's 12-64


def authorization_header(api_key: str, api_secret: str, *, date: str, salt: str) -> str:
    signature = hmac.new(
        api_secret.encode(), (date + salt).encode(), hashlib.sha256
    ).hexdigest()
    return f"HMAC-SHA256 apiKey={api_key}, date={date}, salt={salt}, signature={signature}"


def _is_template_refusal(code: str, text: str) -> bool:
    lowered = f"{code} {text}".lower()
    return (
        code in TEMPLATE_STATUS_CODES
        or "템플릿" in lowered
        or "template" in lowered
        or any(status in lowered for status in TEMPLATE_STATUS_CODES)
    )


class _TemplateRefused(Exception):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class SolapiBackend(BaseTextBackend):
    """Sends through SOLAPI; `channel="alimtalk"` goes as ATA, falling back to SMS/LMS.

    AlimTalk fallback rule: an ATA send is treated as refused *because of the template*, and the
    same text is sent again as SMS (≤ 90 EUC-KR bytes) or LMS, when either

    * the answer is 4xx (other than 401/403/429, which are about the account or the rate) and its
      ``errorCode`` or ``errorMessage`` mentions the template ("템플릿"/"template", or one of the
      template status codes 1042, 1043, 1046, 1047, 1052, 3103, 3105), or
    * the answer is 2xx but its ``statusCode`` is not a success (2000/3000/4000) and is one of
      those template codes, or its ``statusMessage`` mentions the template.

    Any other refusal is raised as it is: the fallback is for a template Kakao will not take,
    not for a bad number or a wrong key. ATA goes with ``disableSms: true`` so SOLAPI does not
    send its own substitute as well.
    """

    def __init__(self):
        self.api_key = getattr(settings, "SOLAPI_API_KEY", "") or ""
        self.api_secret = getattr(settings, "SOLAPI_API_SECRET", "") or ""
        self.sender = re.sub(r"\D", "", getattr(settings, "SOLAPI_SENDER", "") or "")
        self.pf_id = getattr(settings, "SOLAPI_PF_ID", "") or ""
        self.base_url = (getattr(settings, "SOLAPI_BASE_URL", "") or "https://api.solapi.com").rstrip("/")
        self.timeout = float(getattr(settings, "SOLAPI_TIMEOUT", 5) or 5)

    # -- public -------------------------------------------------------------------------------

    def send(self, message: TextMessage) -> SendResult:
        self._check_config()
        to = domestic_mobile(message.to)
        if message.channel == "alimtalk":
            return self._send_alimtalk(message, to)
        return self._send_text(message, to)

    # -- message building ---------------------------------------------------------------------

    def _check_config(self) -> None:
        missing = [
            name
            for name, value in (
                ("SOLAPI_API_KEY", self.api_key),
                ("SOLAPI_API_SECRET", self.api_secret),
                ("SOLAPI_SENDER", self.sender),
            )
            if not value
        ]
        if missing:
            raise ProviderError(f"SOLAPI 설정이 없습니다: {', '.join(missing)}", retryable=False)
        if urllib.parse.urlsplit(self.base_url).scheme not in {"http", "https"}:
            raise ProviderError(f"SOLAPI_BASE_URL이 http(s) 주소가 아닙니다: {self.base_url}",
                                retryable=False)

    def _text_payload(self, message: TextMessage, to: str) -> tuple[dict, str]:
        payload = {"to": to, "from": self.sender, "text": message.body}
        if euc_kr_length(message.body) <= SMS_MAX_BYTES:
            payload["type"] = "SMS"
            return payload, "sms"
        payload["type"] = "LMS"
        first_line = message.body.strip().splitlines()[0] if message.body.strip() else ""
        payload["subject"] = _truncate_bytes(message.subject or first_line, SUBJECT_MAX_BYTES)
        return payload, "lms"

    def _send_text(self, message: TextMessage, to: str, note: str = "") -> SendResult:
        payload, channel = self._text_payload(message, to)
        answer = self._post(payload)
        status = str(answer.get("statusCode", ""))
        if status and status not in SUCCESS_CODES:
            raise ProviderError(
                f"SOLAPI 발송 실패 ({status}): {answer.get('statusMessage', '')}".strip(),
                retryable=False,
            )
        return SendResult(provider_id=self._message_id(answer), channel=channel, note=note)

    def _send_alimtalk(self, message: TextMessage, to: str) -> SendResult:
        if not self.pf_id:
            raise ProviderError("SOLAPI 설정이 없습니다: SOLAPI_PF_ID (카카오 채널)", retryable=False)
        if not message.template_code:
            raise ProviderError("알림톡 템플릿 코드가 없습니다", retryable=False)
        payload = {
            "to": to,
            "from": self.sender,
            "text": message.body,
            "type": "ATA",
            "kakaoOptions": {
                "pfId": self.pf_id,
                "templateId": message.template_code,
                "disableSms": True,
            },
        }
        try:
            answer = self._post(payload, alimtalk=True)
            status = str(answer.get("statusCode", ""))
            if status and status not in SUCCESS_CODES:
                status_message = str(answer.get("statusMessage", ""))
                if _is_template_refusal(status, status_message):
                    raise _TemplateRefused(f"{status}: {status_message}")
                raise ProviderError(
                    f"SOLAPI 알림톡 발송 실패 ({status}): {status_message}".strip(),
                    retryable=False,
                )
        except _TemplateRefused as refusal:
            logger.warning(
                "알림톡 템플릿 %s 거부(%s) → 문자로 대체 발송", message.template_code, refusal.reason
            )
            _, channel = self._text_payload(message, to)
            return self._send_text(
                message, to, note=FALLBACK_NOTE.format(channel=channel.upper())
            )
        return SendResult(provider_id=self._message_id(answer), channel="alimtalk")

    @staticmethod
    def _message_id(answer: dict) -> str:
        message_id = answer.get("messageId")
        if not message_id:
            raise ProviderError(
                f"SOLAPI 응답에 messageId가 없습니다: {json.dumps(answer, ensure_ascii=False)[:200]}",
                retryable=False,
            )
        return str(message_id)

    # -- HTTP ---------------------------------------------------------------------------------

    def _post(self, message_payload: dict, *, alimtalk: bool = False) -> dict:
        date = _utcnow().isoformat(timespec="seconds").replace("+00:00", "Z")
        body = json.dumps({"message": message_payload}, ensure_ascii=False).encode()
        request = urllib.request.Request(  # noqa: S310 - scheme checked in _check_config
            self.base_url + SEND_PATH,
            data=body,
            method="POST",
            headers={
                "Authorization": authorization_header(
                    self.api_key, self.api_secret, date=date, salt=_new_salt()
                ),
                "Content-Type": "application/json; charset=utf-8",
                "Accept": "application/json",
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                raw = response.read()
        except urllib.error.HTTPError as error:
            raise self._http_error(error, alimtalk=alimtalk) from error
        except urllib.error.URLError as error:
            if isinstance(error.reason, TimeoutError):
                raise ProviderError(f"SOLAPI 응답 시간 초과 ({self.timeout:g}초)", retryable=True) from error
            raise ProviderError(f"SOLAPI 연결 실패: {error.reason}", retryable=True) from error
        except TimeoutError as error:
            raise ProviderError(f"SOLAPI 응답 시간 초과 ({self.timeout:g}초)", retryable=True) from error
        except (OSError, HTTPException) as error:
            raise ProviderError(f"SOLAPI 연결 오류: {error!r}", retryable=True) from error
        try:
            answer = json.loads(raw or b"{}")
        except ValueError as error:
            # The message may have been taken; a retry could send it twice.
            raise ProviderError(f"SOLAPI 응답을 해석할 수 없습니다: {raw[:200]!r}", retryable=False) from error
        if not isinstance(answer, dict):
            raise ProviderError(f"SOLAPI 응답 형식 오류: {raw[:200]!r}", retryable=False)
        return answer

    def _http_error(self, error: urllib.error.HTTPError, *, alimtalk: bool) -> Exception:
        status = error.code
        try:
            raw = error.read()
        except OSError:
            raw = b""
        try:
            detail = json.loads(raw or b"{}")
        except ValueError:
            detail = {}
        if not isinstance(detail, dict):
            detail = {}
        code = str(detail.get("errorCode", "") or "")
        text = str(detail.get("errorMessage", "") or "") or raw.decode("utf-8", "replace")[:200]
        if status >= 500:
            return ProviderError(f"SOLAPI 서버 오류 HTTP {status}: {code} {text}".strip(), retryable=True)
        if status == 429:
            return ProviderError(f"SOLAPI 요청 한도 초과 HTTP 429: {code} {text}".strip(), retryable=True)
        if alimtalk and status not in {401, 403} and _is_template_refusal(code, text):
            return _TemplateRefused(f"HTTP {status} {code}: {text}")
        if status in {401, 403}:
            return ProviderError(f"SOLAPI 인증 실패 HTTP {status}: {code} {text}".strip(), retryable=False)
        return ProviderError(f"SOLAPI 발송 거부 HTTP {status}: {code} {text}".strip(), retryable=False)
