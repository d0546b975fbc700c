"""The production WSGI app plus a bare Django view at /__bare__/, for load-run baselines.

Served by the same gunicorn workers as the app, so the ratio endpoint/bare isolates what the
app adds (middleware, templates, queries) over Django's request cycle and one ORM query.
config/urls.py stays untouched: the routes live here and in bench/load_urls.py, outside the
product.
"""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.prod")

from django.conf import settings
from django.core import signals
from django.core.handlers.wsgi import WSGIRequest
from django.http import HttpResponse

from config.wsgi import application as app

# The product's routes plus /__bare_write__/ (bench/load_urls.py); read at the first request.
settings.ROOT_URLCONF = "bench.load_urls"

BARE_PATH = "/__bare__/"


def bare_view(request) -> HttpResponse:
    from meisterhub.meisters.models import Field

    found = Field.objects.exists()  # one `SELECT 1 ... LIMIT 1`
    return HttpResponse("ok" if found else "empty", content_type="text/plain")


def bare(environ, start_response):
    # Same connection lifecycle as a real request: request_started runs the health checks,
    # response.close() sends request_finished, which returns or closes the connection.
    signals.request_started.send(sender=__name__, environ=environ)
    response = bare_view(WSGIRequest(environ))
    start_response(f"{response.status_code} {response.reason_phrase}", list(response.items()))
    return response


def application(environ, start_response):
    if environ.get("PATH_INFO") == BARE_PATH:
        return bare(environ, start_response)
    return app(environ, start_response)
