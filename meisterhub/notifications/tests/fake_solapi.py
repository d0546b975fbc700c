"""A local stand-in for SOLAPI's `POST /messages/v4/send`, strict the way the real one is.

It checks the HMAC-SHA256 Authorization header (apiKey, ISO 8601 date within ±15 minutes,
12-64 character salt never seen before, hex signature of date+salt keyed with the secret),
validates the message body, records what it accepted, and can be told to refuse a template,
refuse a number, answer 500 or hang.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import re
import secrets
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SEND_PATH = "/messages/v4/send"
_AUTH = re.compile(
    r"^HMAC-SHA256 apiKey=(?P<apiKey>[^,\s]+), date=(?P<date>[^,\s]+), "
    r"salt=(?P<salt>[^,\s]+), signature=(?P<signature>[0-9a-f]+)$"
)
_NUMBER = re.compile(r"^0\d{8,10}$")
_TYPES = {"SMS", "LMS", "MMS", "ATA", "CTA"}


def _euc_kr_bytes(text: str) -> int:
    total = 0
    for char in text:
        try:
            total += len(char.encode("euc-kr"))
        except UnicodeEncodeError:
            total += 2
    return total


class FakeSolapi:
    def __init__(self, *, api_key: str, api_secret: str):
        self.api_key = api_key
        self.api_secret = api_secret
        self.accepted: list[dict] = []  # the `message` objects it took
        self.requests = 0  # every POST that reached it
        self.used_salts: set[str] = set()
        self.rejected_templates: dict[str, str] = {}  # templateId → "http" | "status"
        self.rejected_numbers: dict[str, str] = {}  # domestic number → "http" | "status"
        self.fail_with: int | None = None  # answer this HTTP status to every request
        self.hang_seconds = 0.0
        self._release = threading.Event()
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- controls -----------------------------------------------------------------------------

    def reject_template(self, template_id: str, how: str = "status") -> None:
        """`status`: 200 with statusCode 3105; `http`: 400 ValidationError naming the template."""
        self.rejected_templates[template_id] = how

    def reject_number(self, number: str, how: str = "http") -> None:
        """`http`: 400 ValidationError; `status`: 200 with statusCode 1060 (차단된 수신번호)."""
        self.rejected_numbers[number] = how

    # -- lifecycle ----------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        assert self._server is not None, "start() first"
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> FakeSolapi:
        handler = type("Handler", (_Handler,), {"fake": self})
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._server.daemon_threads = True
        self._server.block_on_close = False
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._release.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> FakeSolapi:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    # -- the API ------------------------------------------------------------------------------

    def handle(self, path: str, headers, raw: bytes) -> tuple[int, dict]:
        with self._lock:
            self.requests += 1
        if self.hang_seconds:
            self._release.wait(self.hang_seconds)
        if path != SEND_PATH:
            return 404, _error("NotFound", f"{path} 없음")
        if self.fail_with:
            return self.fail_with, _error("InternalError", "일시적인 서버 오류")
        refusal = self._check_auth(headers.get("Authorization", ""))
        if refusal:
            return refusal
        try:
            body = json.loads(raw)
        except ValueError:
            return 400, _error("ValidationError", "JSON 형식이 아닙니다")
        message = body.get("message") if isinstance(body, dict) else None
        if not isinstance(message, dict):
            return 400, _error("ValidationError", '"message" is required')
        invalid = self._validate(message)
        if invalid:
            return 400, _error("ValidationError", invalid)
        return self._accept(message)

    def _check_auth(self, header: str) -> tuple[int, dict] | None:
        if not header:
            return 401, _error("Unauthorized", "Authorization 헤더가 없습니다")
        match = _AUTH.match(header)
        if not match:
            return 401, _error("InvalidAuthorizationHeader", f"Authorization 형식 오류: {header[:60]}")
        if match["apiKey"] != self.api_key:
            return 403, _error("InvalidAPIKey", "유효한 API Key가 아닙니다")
        try:
            signed_at = dt.datetime.fromisoformat(match["date"])
        except ValueError:
            return 401, _error("InvalidDate", f"ISO 8601 날짜가 아닙니다: {match['date']}")
        if signed_at.tzinfo is None:
            return 401, _error("InvalidDate", "날짜에 시간대가 없습니다")
        if abs(dt.datetime.now(dt.UTC) - signed_at) > dt.timedelta(minutes=15):
            return 403, _error("RequestTimeTooSkewed", "시간 값이 서버 시간을 15분 이상 벗어남")
        salt = match["salt"]
        if not 12 <= len(salt) <= 64:
            return 401, _error("InvalidSalt", "salt는 12~64자여야 합니다")
        expected = hmac.new(
            self.api_secret.encode(), (match["date"] + salt).encode(), hashlib.sha256
        ).hexdigest()
        if not hmac.compare_digest(expected, match["signature"]):
            return 403, _error("SignatureDoesNotMatch", "생성한 Signature가 일치하지 않음")
        with self._lock:
            if salt in self.used_salts:
                return 403, _error("DuplicatedSignature", "15분 안에 동일한 signature 값")
            self.used_salts.add(salt)
        return None

    def _validate(self, message: dict) -> str:
        for field in ("to", "from", "text"):
            if not isinstance(message.get(field), str) or not message[field]:
                return f'"{field}" is required'
        for field in ("to", "from"):
            if not _NUMBER.match(message[field]):
                return f'"{field}" must be domestic digits: {message[field]}'
        kind = str(message.get("type", "")).upper()
        if kind not in _TYPES:
            return "1025 잘못된 메시지 타입"
        if kind == "SMS" and _euc_kr_bytes(message["text"]) > 90:
            return "1031 SMS는 90byte까지 사용 가능합니다"
        if kind == "SMS" and message.get("subject"):
            return "1013 제목은 문자 타입이 'SMS'일 경우 사용이 불가능합니다"
        if message.get("subject") and _euc_kr_bytes(message["subject"]) > 40:
            return "1014 제목은 40byte까지 사용 가능합니다"
        options = message.get("kakaoOptions")
        if kind in {"ATA", "CTA"}:
            if not isinstance(options, dict) or not options.get("pfId"):
                return "1041 유효한 플러스 친구 값이 아닙니다"
            if kind == "ATA" and not options.get("templateId"):
                return "1042 유효한 템플릿 아이디가 아닙니다"
        elif options is not None:
            return "1033 kakaoOptions은 메시지가 ATA 나 CTA인 경우에만 사용가능합니다"
        return ""

    def _accept(self, message: dict) -> tuple[int, dict]:
        template = (message.get("kakaoOptions") or {}).get("templateId")
        status_code, status_message = "2000", "정상 접수(이통사로 접수 예정) "
        how = self.rejected_templates.get(template) if message["type"] == "ATA" else None
        if how == "http":
            return 400, _error("ValidationError", f"1042 유효한 템플릿 아이디가 아닙니다: {template}")
        if how:
            status_code, status_message = "3105", "미등록 템플릿"
        how = self.rejected_numbers.get(message["to"])
        if how == "http":
            return 400, _error("ValidationError", f"3010 수신번호 형식 오류: {message['to']}")
        if how:
            status_code, status_message = "1060", "차단된 수신번호"
        answer = {
            "groupId": "G4V" + secrets.token_hex(14).upper(),
            "messageId": "M4V" + secrets.token_hex(14).upper(),
            "accountId": "12925149",
            "statusCode": status_code,
            "statusMessage": status_message,
            "to": message["to"],
            "from": message["from"],
            "type": message["type"],
            "country": "82",
        }
        if status_code == "2000":
            with self._lock:
                self.accepted.append(message)
        return 200, answer


def _error(code: str, message: str) -> dict:
    return {"errorCode": code, "errorMessage": message}


class _Handler(BaseHTTPRequestHandler):
    fake: FakeSolapi

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length)
        status, answer = self.fake.handle(self.path, self.headers, raw)
        payload = json.dumps(answer, ensure_ascii=False).encode()
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (time-out test)

    def log_message(self, format, *args):
        pass
