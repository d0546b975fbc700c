"""The drill's mixed load through HAProxy: browsing, booking races, event registrations,
report jobs; and after every write the read-your-own-write check on the writer's own pages.

Every loop ends at the shared deadline; every request has a client timeout.
"""

import collections
import re
import threading
import time
from urllib.parse import urlencode

from bench.ops.booking import BOOK_PATH
from bench.ops.client import Session, percentile

PUBLIC_PAGES = [
    "/",
    "/meisters/",
    "/meisters/{profile}/",
    "/events/",
    "/programs/",
    "/consultations/",
]
ANSWERED = range(200, 500)  # the app answered (a 4xx here is a rule, not an outage)
CHECK_RETRIES = 2  # a check whose request hit a dying server is asked again, then "unverified"


class Recorder:
    """Requests by kind and status, latencies, and the read-your-own-write checks."""

    def __init__(self):
        self.lock = threading.Lock()
        self.statuses = collections.defaultdict(collections.Counter)
        self.latencies = collections.defaultdict(list)
        self.checks = collections.Counter()
        self.stale_examples: list[dict] = []
        self.told = {"bookings": [], "registrations": [], "report_jobs": []}

    def request(self, session: Session, kind: str, method: str, path: str, **kw):
        if method == "POST_JSON":
            status, body, seconds = session.post_json(path, kw["payload"])
        else:
            status, body, seconds = session.request(method, path, kw.get("body"), kw.get("headers"))
        with self.lock:
            self.statuses[kind][status] += 1
            self.latencies[kind].append(seconds)
        return status, body

    def check(self, name: str, verdict: str, detail: dict) -> None:
        with self.lock:
            self.checks[f"{name}:{verdict}"] += 1
            if verdict == "stale" and len(self.stale_examples) < 10:
                self.stale_examples.append({"check": name, **detail})

    def told_ok(self, what: str, pk: int) -> None:
        with self.lock:
            self.told[what].append(pk)

    def summary(self) -> dict:
        by_kind = {}
        total = collections.Counter()
        for kind, counter in self.statuses.items():
            total.update(counter)
            values = self.latencies[kind]
            by_kind[kind] = {
                "by_status": {str(k): v for k, v in sorted(counter.items())},
                "p50_ms": round(percentile(values, 0.5) * 1000, 1),
                "p95_ms": round(percentile(values, 0.95) * 1000, 1),
            }
        errors = {str(k): v for k, v in sorted(total.items()) if k not in ANSWERED}
        names = sorted({key.split(":")[0] for key in self.checks})
        checks = {
            name: {
                verdict: self.checks[f"{name}:{verdict}"]
                for verdict in ("fresh", "stale", "unverified")
            }
            for name in names
        }
        return {
            "requests": sum(total.values()),
            "by_status": {str(k): v for k, v in sorted(total.items())},
            "errors_by_status": errors,
            "errors": sum(errors.values()),
            "by_kind": by_kind,
            "read_your_own_write": {
                "checks": sum(v["fresh"] + v["stale"] for v in checks.values()),
                "stale": sum(v["stale"] for v in checks.values()),
                "unverified": sum(v["unverified"] for v in checks.values()),
                "by_page": checks,
                "stale_examples": self.stale_examples,
            },
        }


def _answered(rec: Recorder, session: Session, path: str) -> tuple[int, bytes] | None:
    """GET the page, retrying through proxy errors (an app server killed); None if never."""
    for _ in range(1 + CHECK_RETRIES):
        status, body = rec.request(session, "own_read", "GET", path)
        if status in ANSWERED:
            return status, body
        time.sleep(0.3)
    return None


def own_read(rec: Recorder, session: Session, name: str, path: str, expect) -> None:
    """Load the writer's own page at once; `expect(status, body)` says if the write shows."""
    answer = _answered(rec, session, path)
    if answer is None:
        rec.check(name, "unverified", {"path": path})
        return
    status, body = answer
    rec.check(name, "fresh" if expect(status, body) else "stale", {"path": path, "status": status})


def own_listed(rec: Recorder, session: Session, name: str, path: str, link: bytes,
               param: str, pages: int = 5) -> None:
    """The writer's own list shows the write on one of its pages (it is paged by `param`)."""
    for number in range(1, pages + 1):
        url = f"{path}?{param}={number}" if number > 1 else path
        answer = _answered(rec, session, url)
        if answer is None:
            rec.check(name, "unverified", {"path": url})
            return
        status, body = answer
        if status == 200 and link in body:
            rec.check(name, "fresh", {"path": url, "status": status})
            return
        if f"{param}={number + 1}".encode() not in body:
            break  # no further page
    rec.check(name, "stale", {"path": url, "status": status})


def browse(rec: Recorder, port: int, profile: int, deadline: float, pause: float = 0.0) -> None:
    session = Session(port)
    n = 0
    while time.monotonic() < deadline:
        path = PUBLIC_PAGES[n % len(PUBLIC_PAGES)].format(profile=profile)
        rec.request(session, "browse", "GET", path)
        n += 1
        if pause:
            time.sleep(pause)


def book(rec: Recorder, session: Session, member: dict, slots: list[dict], deadline: float):
    """Go through the same slots in the same order as every other company: each slot is raced."""
    for slot in slots:
        if time.monotonic() >= deadline:
            return
        payload = {
            "company_id": member["company_id"],
            "field": slot["field"],
            "meister_id": slot["meister_id"],
            "starts_at": slot["starts_at"],
            "problem": "프레스 금형 크랙 반복 발생, 원인 분석 요청",
        }
        status, body = rec.request(session, "booking", "POST_JSON", BOOK_PATH, payload=payload)
        if status != 201:
            continue
        pk = int(re.search(rb'"id":\s*(\d+)', body).group(1))
        rec.told_ok("bookings", pk)
        link = f'href="/consultations/{pk}/"'.encode()
        own_read(rec, session, "booking_detail", f"/consultations/{pk}/", lambda s, b: s == 200)
        own_listed(rec, session, "my_consultations", "/consultations/my/", link, "upcoming_page")


def register(
    rec: Recorder, session: Session, member: dict, events: list[int], deadline: float, pause: float
) -> None:
    for event_id in events:
        if time.monotonic() >= deadline:
            return
        status, body = rec.request(
            session,
            "registration",
            "POST_JSON",
            f"/api/events/{event_id}/registrations",
            payload={"company_id": member["company_id"]},
        )
        if status == 201:
            pk = int(re.search(rb'"id":\s*(\d+)', body).group(1))
            rec.told_ok("registrations", pk)
            own_read(
                rec,
                session,
                "registration_confirmation",
                f"/events/registrations/{pk}/",
                lambda s, b: s == 200,
            )
        time.sleep(pause)


def request_reports(rec: Recorder, session: Session, year: int, deadline: float, pause: float):
    while time.monotonic() < deadline:
        session.request("GET", "/reports/")  # a fresh CSRF cookie, as a browser has
        form = urlencode(
            {"csrfmiddlewaretoken": session.cookies.get("csrftoken", ""), "year": year, "area": ""}
        ).encode()
        headers = {**session._csrf_headers(), "Content-Type": "application/x-www-form-urlencoded"}
        status, _ = rec.request(
            session, "report_job", "POST", "/reports/annual/", body=form, headers=headers
        )
        location = session.last_location
        if status == 302 and location:
            found = re.search(r"/reports/annual/(\d+)/", location)
            if found:
                rec.told_ok("report_jobs", int(found.group(1)))
                own_read(rec, session, "report_job_page", found.group(0), lambda s, b: s == 200)
        time.sleep(pause)
