from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from .models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ["username", "full_name", "role", "is_active", "last_login"]
    list_filter = ["role", "is_active", "is_staff"]
    search_fields = ["username", "full_name", "email"]
    fieldsets = [
        *BaseUserAdmin.fieldsets,
        ("마이스터 허브", {"fields": ["full_name", "phone", "role"]}),
    ]
    add_fieldsets = [
        *BaseUserAdmin.add_fieldsets,
        ("마이스터 허브", {"fields": ["full_name", "role"]}),
    ]
