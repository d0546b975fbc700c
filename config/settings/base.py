"""Settings shared by every environment; everything that varies comes from the environment."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parents[2]


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-change-me")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",  # its widget templates, found by FORM_RENDERER after templates/django/forms/
    "ninja",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_tasks",
    "django_tasks_db",
    "meisterhub.core",
    "meisterhub.accounts",
    "meisterhub.companies",
    "meisterhub.meisters",
    "meisterhub.matching",
    "meisterhub.consultations",
    "meisterhub.mentoring",
    "meisterhub.facilities",
    "meisterhub.events",
    "meisterhub.programs",
    "meisterhub.network",
    "meisterhub.reports",
    "meisterhub.notifications",
    "meisterhub.demo",  # seed_demo; imports every app above
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "meisterhub.core.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "meisterhub.core.middleware.KoreanFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "meisterhub.core.middleware.UnicodeNormalizationMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "meisterhub.accounts.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
# Widgets render through TEMPLATES, so templates/django/forms/widgets/ draws KRDS radios/checkboxes.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "meisterhub.core.navigation.main_menu",
            ],
        },
    },
]

# SQLite is the embedded default; PostgreSQL comes through DATABASE_URL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=60, conn_health_checks=True
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # IMMEDIATE takes the write lock at BEGIN, so a check and its write run as the only writer.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
# Axes first: it refuses a locked-out login before any password is checked, on every form.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "meisterhub.accounts.backends.RolePermissionBackend",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:mypage"
LOGOUT_REDIRECT_URL = "home"
# Staff and meisters log in with a TOTP code as a second factor; lock-out after failures.
TWO_FACTOR_REQUIRED = env_bool("TWO_FACTOR_REQUIRED", True)
LOGIN_FAILURE_LIMIT = 5
LOGIN_LOCKOUT_MINUTES = 15

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "ko"
LANGUAGES = [("ko", _("한국어")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Seoul"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "meisterhub" / "static"]
MEDIA_URL = "media/"
# Uploads live outside static files and are served only through permission-checked views.
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# The clock (run_scheduler) runs these every tick after the message requeue, under its lock,
# and these management commands once a day; listed here so notifications imports no other app.
SCHEDULED_SWEEPS = ["meisterhub.reports.job_recovery.requeue_stalled_jobs"]
SCHEDULED_DAILY_COMMANDS = ["send_consultation_reminders", "apply_retention"]

# TASKS (TASKS_BACKEND: database by default, rq, or a dotted path) is set by scale.apply below.

PASSWORD_RESET_TIMEOUT = 2 * 60 * 60  # a reset link works for two hours

# Absolute links in mail and text messages are built from this, never from the request's Host.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")
# accounts sits below notifications: the password reset mail reaches the outbox through this.
ACCOUNT_MAIL_SENDER = "meisterhub.notifications.account_mail.send_account_mail"
# Sections the account page (accounts:mypage) shows from the apps above accounts.
MY_PAGE_SECTIONS = ["meisterhub.companies.my_page.my_page_context"]
SMS_BACKEND = os.environ.get("SMS_BACKEND", "meisterhub.notifications.providers.console.ConsoleBackend")
SOLAPI_API_KEY = os.environ.get("SOLAPI_API_KEY", "")
SOLAPI_API_SECRET = os.environ.get("SOLAPI_API_SECRET", "")
SOLAPI_SENDER = os.environ.get("SOLAPI_SENDER", "")
SOLAPI_PF_ID = os.environ.get("SOLAPI_PF_ID", "")
SOLAPI_BASE_URL = os.environ.get("SOLAPI_BASE_URL", "https://api.solapi.com")
SOLAPI_TIMEOUT = float(os.environ.get("SOLAPI_TIMEOUT", "5"))
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "마이스터 허브 <no-reply@meisterhub.kr>")

# No inline scripts: JavaScript lives in static files. htmx injects its indicator styles inline.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
    "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'"
)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 25 * 1024 * 1024
# JSON API rate limits (django-ninja throttles: "N/s", "N/min", "N/h" or "N/d").
API_RATE_ANONYMOUS = os.environ.get("API_RATE_ANONYMOUS", "120/min")
API_RATE_SIGNED_IN = os.environ.get("API_RATE_SIGNED_IN", "600/min")
# ZIP containers (XLSX, HWPX, PPTX, ZIP) are refused by their directory before being opened.
UPLOAD_ARCHIVE_MAX_MEMBERS = int(os.environ.get("UPLOAD_ARCHIVE_MAX_MEMBERS", 2000))
UPLOAD_ARCHIVE_MAX_UNCOMPRESSED_BYTES = int(
    os.environ.get("UPLOAD_ARCHIVE_MAX_UNCOMPRESSED_BYTES", 64 * 1024 * 1024)
)
MEISTER_PHOTO_MAX_BYTES = int(os.environ.get("MEISTER_PHOTO_MAX_BYTES", 5 * 1024 * 1024))
# One consultation booking window for calendar, form, API and service (consultations/window.py).
CONSULTATION_BOOKING_WINDOW_DAYS = int(os.environ.get("CONSULTATION_BOOKING_WINDOW_DAYS", 28))
CONSULTATION_BOOKING_LEAD_HOURS = int(os.environ.get("CONSULTATION_BOOKING_LEAD_HOURS", 0))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Login throttling and two-factor (accounts)
# django-axes locks the pair account × client address after LOGIN_FAILURE_LIMIT failures, so a
# stranger cannot lock the owner out elsewhere; accounts.lockout also stops one address after
# LOGIN_ADDRESS_FAILURE_LIMIT failures over any usernames. The client address is the same one
# the password-reset limit uses (the proxy's X-Forwarded-For entry only behind the proxy).
AXES_HANDLER = "meisterhub.accounts.lockout.AccountAndAddressHandler"
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_FAILURE_LIMIT = LOGIN_FAILURE_LIMIT
AXES_COOLOFF_TIME = timedelta(minutes=LOGIN_LOCKOUT_MINUTES)
AXES_RESET_ON_SUCCESS = True
# A try while locked does not push the end further, so the page can say when to retry.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_CLIENT_IP_CALLABLE = "meisterhub.core.http.client_address"
AXES_LOCKOUT_CALLABLE = "meisterhub.accounts.lockout.lockout_response"
# No row per successful login: names and addresses kept without a retention rule otherwise.
AXES_DISABLE_ACCESS_LOG = True
LOGIN_ADDRESS_FAILURE_LIMIT = 20
# The second factor: django-otp's TOTP devices with its back-off (1, 2, 4 … s after each
# miss), and hard limits per user and per client address within the window.
OTP_TOTP_ISSUER = "마이스터 허브"
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
TWO_FACTOR_USER_LIMIT = 5
TWO_FACTOR_ADDRESS_LIMIT = 10
TWO_FACTOR_WINDOW_MINUTES = 15

# Public page fragments cached under stamps that every write bumps (meisterhub/core/stamps.py).
PAGE_CACHE = env_bool("PAGE_CACHE", True)

# Scale-out engines, each off unless its variable is set: Redis (REDIS_URL), the task queue
# (TASKS_BACKEND), read replicas (DATABASE_REPLICA_URLS), S3 uploads (STORAGE_BACKEND).
from . import scale  # noqa: E402

scale.apply(globals())
