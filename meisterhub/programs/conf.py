"""App settings with defaults; override in the Django settings if needed."""

from django.conf import settings

TRIM_EXTREMES_MIN_EVALUATORS = getattr(settings, "PROGRAMS_TRIM_EXTREMES_MIN_EVALUATORS", 5)
DOCUMENT_MAX_BYTES = getattr(settings, "PROGRAMS_DOCUMENT_MAX_BYTES", 20 * 1024 * 1024)
IMPORT_MAX_BYTES = getattr(settings, "PROGRAMS_IMPORT_MAX_BYTES", 10 * 1024 * 1024)
CHAMPIONS_PER_YEAR = getattr(settings, "PROGRAMS_CHAMPIONS_PER_YEAR", 10)
CHAMPION_TARGETS = getattr(settings, "PROGRAMS_CHAMPION_TARGETS", {2025: 200, 2030: 300})
