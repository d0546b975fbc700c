"""axe-core on every page every role is shown (issue 17): each role signs in, the link crawl of
tests/authz/test_crawl.py collects the whole HTML pages it can reach, and a real browser opens
each one and runs axe with the WCAG 2.x A/AA rules (plus heading-order), and checks that every
checkbox and radio is drawn at least 16 px. Any serious or critical violation fails,
named by rule, role, page and element; the count per rule is printed (`pytest -s`).

One browser, one context per role, on SQLite only: the pages do not depend on the database."""

import json
import os
import time
from pathlib import Path

import pytest
from django.db import connection

from tests.authz.matrix import ROLES
from tests.authz.probe import client_for
from tests.authz.test_crawl import crawl
from tests.authz.world import build_world
from tests.support.browser_testing import session_cookie

from .axe import Violation, per_rule, violations
from .controls import MIN_SIZE, undersized_controls


def html_pages_of(user) -> list[str]:
    """One URL per path: ?page=2 or ?status=… variants draw the same template."""
    pages: list[str] = []
    crawl(client_for(user), signed_in=user is not None, html_pages=pages)
    by_path: dict[str, str] = {}
    for url in pages:
        by_path.setdefault(url.split("?", 1)[0], url)
    return list(by_path.values())


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "sqlite", reason="pages do not depend on the database")
def test_no_serious_axe_violation_on_any_page_of_any_role(browser, live_server):
    world = build_world()
    found, visited, seconds = [], {}, {"crawl": 0.0, "browser": 0.0}
    for role in ROLES:
        user = world.users.get(role)
        started = time.monotonic()
        pages = html_pages_of(user)
        seconds["crawl"] += time.monotonic() - started
        started = time.monotonic()
        assert len(pages) > 5, f"{role}: the crawl found almost no pages ({pages})"
        context = browser.new_context(locale="ko-KR", viewport={"width": 1280, "height": 900})
        if user is not None:
            context.add_cookies([session_cookie(user, live_server.url)])
        page = context.new_page()
        page.set_default_timeout(15_000)
        for url in pages:
            page.goto(f"{live_server.url}{url}", wait_until="load")
            found += violations(page, role=role, url=url)
            found += [  # a checkbox or radio KRDS hides without drawing it (not an axe rule)
                Violation(role, url, "control-drawn", "serious", control, f"< {MIN_SIZE}px")
                for control in undersized_controls(page)
            ]
            visited[role] = visited.get(role, 0) + 1
        context.close()
        seconds["browser"] += time.monotonic() - started
    summary = {"pages": visited, "seconds": seconds, "elements_per_rule": per_rule(found)}
    print("\naxe:", json.dumps(summary, ensure_ascii=False, indent=1))
    if os.environ.get("AXE_REPORT"):  # the figures for a closing note, with every element
        Path(os.environ["AXE_REPORT"]).write_text(
            json.dumps({**summary, "violations": [v.__dict__ for v in found]}, ensure_ascii=False)
        )
    failing = [v for v in found if v.failing]
    assert not failing, f"{len(failing)} failing findings (serious, critical, heading-order, control-drawn):\n" + "\n".join(
        v.describe() for v in failing[:80]
    )
