from django.contrib.auth.backends import ModelBackend

from .models import Role

# Agency staff run the whole back office; superuser-only areas (groups, permissions) stay closed.
STAFF_APP_LABELS = {
    "accounts",
    "companies",
    "meisters",
    "consultations",
    "mentoring",
    "facilities",
    "events",
    "programs",
    "network",
    "reports",
    "core",
    "django_tasks_db",
    # Staff help locked-out people: clear login failures, remove a lost authenticator device.
    "axes",
    "otp_totp",
}


class RolePermissionBackend(ModelBackend):
    """Staff (role) get every permission on the project's apps without per-user grants."""

    def _is_agency_staff(self, user) -> bool:
        return user.is_active and user.is_staff and getattr(user, "role", None) == Role.STAFF

    def has_perm(self, user_obj, perm, obj=None):
        if self._is_agency_staff(user_obj) and perm.split(".", 1)[0] in STAFF_APP_LABELS:
            return True
        return super().has_perm(user_obj, perm, obj)

    def has_module_perms(self, user_obj, app_label):
        if self._is_agency_staff(user_obj) and app_label in STAFF_APP_LABELS:
            return True
        return super().has_module_perms(user_obj, app_label)
