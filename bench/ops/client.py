"""Loopback HTTP clients for load runs: a cookie session, bounded phases, latency figures.

Only 127.0.0.1 is ever contacted. Every phase is bounded by a request count and a deadline.
"""

import http.client
import json
import math
import threading
import time
from urllib.parse import urlencode

HOST = "127.0.0.1"


class Session:
    """One browser-like client: cookies, CSRF token, and the HTTPS header of the proxy."""

    def __init__(self, port: int, timeout: float = 15.0):
        self.port, self.timeout = port, timeout
        self.cookies: dict[str, str] = {}
        self.last_location: str | None = None

    @property
    def origin(self) -> str:
        return f"https://{HOST}:{self.port}"

    def request(
        self, method: str, path: str, body: bytes | None = None, headers: dict | None = None
    ) -> tuple[int, bytes, float]:
        """(status, body, seconds); status 0 when the connection itself failed."""
        sent = {
            "Host": f"{HOST}:{self.port}",
            "X-Forwarded-Proto": "https",
            "Accept-Language": "ko",
        }
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        sent.update(headers or {})
        started = time.perf_counter()
        conn = http.client.HTTPConnection(HOST, self.port, timeout=self.timeout)
        try:
            conn.request(method, path, body=body, headers=sent)
            response = conn.getresponse()
            data = response.read()
            self.last_location = response.headers.get("Location")  # a redirect's target
            for cookie in response.headers.get_all("Set-Cookie") or []:
                name, _, rest = cookie.partition("=")
                self.cookies[name.strip()] = rest.split(";", 1)[0]
            return response.status, data, time.perf_counter() - started
        except (OSError, http.client.HTTPException):
            return 0, b"", time.perf_counter() - started
        finally:
            conn.close()

    def _csrf_headers(self) -> dict:
        return {
            "X-CSRFToken": self.cookies.get("csrftoken", ""),
            "Origin": self.origin,
            "Referer": self.origin + "/",
        }

    def login(self, username: str, password: str) -> None:
        self.request("GET", "/accounts/login/")
        form = urlencode(
            {
                "csrfmiddlewaretoken": self.cookies.get("csrftoken", ""),
                "username": username,
                "password": password,
            }
        ).encode()
        status, _, _ = self.request(
            "POST",
            "/accounts/login/",
            form,
            {**self._csrf_headers(), "Content-Type": "application/x-www-form-urlencoded"},
        )
        if status != 302 or "sessionid" not in self.cookies:
            raise RuntimeError(f"login of {username} failed with HTTP {status}")

    def post_json(self, path: str, payload: dict) -> tuple[int, bytes, float]:
        body = json.dumps(payload).encode()
        return self.request(
            "POST", path, body, {**self._csrf_headers(), "Content-Type": "application/json"}
        )


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile (no interpolation: a reported p95 is a real request)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[max(1, math.ceil(share * len(ordered))) - 1]


def run_phase(work, total: int, concurrency: int, seconds: float, stop=None) -> dict:
    """Call work(worker, n) for n in range(total) from `concurrency` threads, until the
    count or the deadline runs out, or stop() says so. work returns (ok, latency_seconds)."""
    lock = threading.Lock()
    counter = iter(range(total))
    latencies, errors = [], 0
    deadline = time.monotonic() + seconds

    def worker(index: int) -> None:
        nonlocal errors
        while time.monotonic() < deadline and not (stop and stop()):
            with lock:
                n = next(counter, None)
            if n is None:
                return
            ok, latency = work(index, n)
            with lock:
                latencies.append(latency)
                errors += 0 if ok else 1

    started = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(i,), daemon=True) for i in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + 30)
    elapsed = time.perf_counter() - started
    return {
        "requests": len(latencies),
        "errors": errors,
        "seconds": round(elapsed, 2),
        "requests_per_second": round(len(latencies) / elapsed, 1) if elapsed else 0.0,
        "p50_ms": round(percentile(latencies, 0.50) * 1000, 1),
        "p95_ms": round(percentile(latencies, 0.95) * 1000, 1),
    }
