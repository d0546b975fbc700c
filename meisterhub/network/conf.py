from django.conf import settings

# Business days (weekends and KR public holidays skipped) an inquiry may wait for its answer.
INQUIRY_RESPONSE_BUSINESS_DAYS = getattr(settings, "NETWORK_INQUIRY_RESPONSE_BUSINESS_DAYS", 3)
MINUTES_MAX_BYTES = getattr(settings, "NETWORK_MINUTES_MAX_BYTES", 20 * 1024 * 1024)
PLENARY_MEETINGS_PER_YEAR = getattr(settings, "NETWORK_PLENARY_MEETINGS_PER_YEAR", 2)
