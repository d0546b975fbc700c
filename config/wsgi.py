import os
import threading

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.prod")
application = get_wsgi_application()


def _warm_up_matcher() -> None:
    """Load Kiwi's model and the lexicon before the first request needs them (seconds)."""
    from meisterhub.matching.analyzer import get_kiwi
    from meisterhub.matching.lexicon import get_lexicon

    get_kiwi()
    get_lexicon()


_warmup = os.environ.get("MATCHER_WARMUP", "true").lower()
if _warmup == "preload":
    # gunicorn --preload (config/gunicorn.conf.py): load now, in the master, before the fork,
    # and hand the workers no open database connection.
    from django.db import connections

    _warm_up_matcher()
    connections.close_all()
elif _warmup in {"1", "true", "yes", "on"}:
    threading.Thread(target=_warm_up_matcher, name="matcher-warm-up", daemon=True).start()
