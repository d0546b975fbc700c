from django.conf import settings

FACILITY_PHOTO_MAX_BYTES = getattr(settings, "FACILITY_PHOTO_MAX_BYTES", 5 * 1024 * 1024)
# How far ahead a reservation may be made, and the longest recurring series.
RESERVATION_HORIZON_DAYS = getattr(settings, "RESERVATION_HORIZON_DAYS", 180)
RESERVATION_MAX_WEEKS = getattr(settings, "RESERVATION_MAX_WEEKS", 26)
CALENDAR_SLOT_MINUTES = getattr(settings, "FACILITY_CALENDAR_SLOT_MINUTES", 60)
# The longest tidy-up gap between two reservations a room may have.
MAX_BUFFER_MINUTES = getattr(settings, "FACILITY_MAX_BUFFER_MINUTES", 240)
MAX_CAPACITY = 1000
