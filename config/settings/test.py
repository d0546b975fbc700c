import os

from .base import *  # noqa: F403
from .base import BASE_DIR, DATABASES

DEBUG = False
# Enforcement is tested in accounts/tests/test_two_factor.py with the setting switched on.
TWO_FACTOR_REQUIRED = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# TEST_DB_SUFFIX lets several suites run side by side on one machine without sharing a database.
_suffix = os.environ.get("TEST_DB_SUFFIX", "")
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / f".test-db{_suffix}.sqlite3")}
else:
    DATABASES["default"]["TEST"] = {"NAME": f"test_meisterhub{_suffix}"}

# The fuzzing and matrix tests send thousands of API calls; tests/api/test_rate_limit.py sets
# its own low limits.
API_RATE_ANONYMOUS = API_RATE_SIGNED_IN = ""  # off
# Static files through the finders, so live_server and tests need no collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
