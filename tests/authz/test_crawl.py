"""Every link a role is shown leads somewhere that role may go.

Each role starts at the home page and its my page and follows every same-site link and htmx GET
it is offered (breadth first), on the authorization test world. A link that answers 4xx/5xx is
a finding: a menu entry, button or list item that the role should not have been shown, or a
page that breaks. Redirects are followed; a redirect to the login page counts as a refusal.
"""

import re
from collections import deque
from html import unescape
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from django.db import connection

from .matrix import ROLES
from .probe import LOGIN_PREFIXES, client_for

LINK = re.compile(r'(?:href|hx-get)="([^"]+)"')
SKIP_PREFIXES = ("/static/", "/i18n/", "/accounts/logout/", "/__")
# Pages of the Django admin are the technical back office: its index is checked, not every
# changelist and change form behind it.
ADMIN_PREFIX = "/manage/"
MAX_PAGES = 400
MAX_VARIANTS_PER_PATH = 3  # ?page=2, ?status=… : a few variants of one path are enough


def _links(html: str, base: str) -> list[str]:
    found = []
    for raw in LINK.findall(html):
        url = urldefrag(urljoin(base, unescape(raw)))[0]
        parts = urlsplit(url)
        if parts.scheme not in ("", "http") or parts.netloc not in ("", "testserver"):
            continue
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        if path.startswith(SKIP_PREFIXES) or not path.startswith("/"):
            continue
        found.append(path)
    return found


def crawl(
    client, *, signed_in: bool, html_pages: list[str] | None = None
) -> tuple[int, list[tuple[str, int, str]]]:
    """(pages visited, [(url, status, found on)]) for every link answering 4xx/5xx, and, for a
    signed-in role, every link that sends it to the login page (it is already signed in).
    `html_pages`, when given, receives every URL answering a whole HTML page (tests/a11y)."""
    queue = deque([("/", "start"), ("/accounts/me/", "start")])
    seen: set[str] = set()
    variants: dict[str, int] = {}
    broken = []
    while queue and len(seen) < MAX_PAGES:
        url, origin = queue.popleft()
        if url in seen:
            continue
        path = url.split("?", 1)[0]
        if variants.get(path, 0) >= MAX_VARIANTS_PER_PATH:
            continue
        variants[path] = variants.get(path, 0) + 1
        seen.add(url)
        response = client.get(url, follow=True)
        final = response.redirect_chain[-1][0] if response.redirect_chain else ""
        if response.status_code >= 400 or (
            signed_in and final.startswith(LOGIN_PREFIXES)
        ):
            broken.append((url, response.status_code, origin))
            continue
        if "text/html" not in response.get("Content-Type", ""):
            continue
        if html_pages is not None and not final and b"<html" in response.content[:500]:
            html_pages.append(url)
        if url.startswith(ADMIN_PREFIX):
            continue
        for link in _links(response.content.decode(), url):
            if link not in seen:
                queue.append((link, url))
    return len(seen), broken


@pytest.mark.django_db
@pytest.mark.skipif(
    connection.vendor != "sqlite", reason="links do not depend on the database: run once"
)
@pytest.mark.parametrize("role", ROLES)
def test_every_link_a_role_is_shown_answers(world, role):
    user = world.users.get(role)
    visited, broken = crawl(client_for(user), signed_in=user is not None)
    assert visited > 5, f"{role}: the crawl found almost nothing ({visited} pages)"
    assert not broken, f"{role}: links that answer an error:\n" + "\n".join(
        f"  {status} {url}  (linked from {origin})" for url, status, origin in broken
    )
