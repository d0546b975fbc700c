"""gunicorn for production: `gunicorn -c config/gunicorn.conf.py config.wsgi:application`.

The Kiwi model (about 600 MB) is loaded once, in the master, before it forks the workers
(`preload_app`): the workers share its memory pages instead of each holding a private copy.
Command-line options (--bind, --workers) override what is set here.
"""

import gc
import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.prod")
# config/wsgi.py loads the matcher synchronously when asked to "preload" (not in a thread,
# which a fork could cut in half).
os.environ.setdefault("MATCHER_WARMUP", "preload")

bind = os.environ.get("BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "4"))
preload_app = True
timeout = 30
graceful_timeout = 10


def on_starting(server):
    # Page fragments are cached under stamps (meisterhub/core/stamps.py); with several workers
    # on a process-local cache a write would be seen only by the worker that made it.
    if server.cfg.workers > 1 and not os.environ.get("REDIS_URL"):
        os.environ.setdefault("PAGE_CACHE", "false")
        from django.conf import settings

        if settings.configured:  # preloaded: the settings were read before this hook
            settings.PAGE_CACHE = os.environ["PAGE_CACHE"].lower() in {"1", "true", "yes", "on"}


def pre_fork(server, worker):
    # Objects made so far (Django, the lexicon) are never collected: the collector then does
    # not write to their pages, so they stay shared after the fork.
    gc.freeze()
