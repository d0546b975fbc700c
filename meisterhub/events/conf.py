from django.conf import settings

CONTEST_FILE_MAX_BYTES = getattr(settings, "CONTEST_FILE_MAX_BYTES", 20 * 1024 * 1024)
