"""Settings of the reports app, with defaults; override them in the Django settings."""

from django.conf import settings

# Debian's fonts-nanum; `make test` installs it.
KOREAN_FONT = getattr(settings, "REPORTS_KOREAN_FONT", "/usr/share/fonts/truetype/nanum/NanumGothic.ttf")
KOREAN_FONT_BOLD = getattr(
    settings, "REPORTS_KOREAN_FONT_BOLD", "/usr/share/fonts/truetype/nanum/NanumGothicBold.ttf"
)
IMPORT_MAX_BYTES = getattr(settings, "REPORTS_IMPORT_MAX_BYTES", 10 * 1024 * 1024)
IMPORT_MAX_ROWS = getattr(settings, "REPORTS_IMPORT_MAX_ROWS", 20_000)
# A consent shorter than this is not worth keeping a record for; longer than the law allows is refused.
CONSENT_MAX_YEARS = getattr(settings, "REPORTS_CONSENT_MAX_YEARS", 5)
FIRST_YEAR = getattr(settings, "REPORTS_FIRST_YEAR", 2015)
