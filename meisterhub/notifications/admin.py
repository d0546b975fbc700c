from django.contrib import admin

from .models import Message, Preference


@admin.register(Message)
class MessageAdmin(admin.ModelAdmin):
    list_display = ("created_at", "channel", "template", "status", "attempts")
    list_filter = ("status", "channel", "kind")
    # Personal data and texts stay out of the back office; a reset mail's link is a credential.
    exclude = ("address", "body", "body_html", "attachment", "link")
    readonly_fields = ("key", "recipient", "channel", "kind", "template", "subject",
                       "status", "reason", "attempts", "provider_id", "sent_at", "read_at")


@admin.register(Preference)
class PreferenceAdmin(admin.ModelAdmin):
    list_display = ("user", "kind", "email", "sms", "in_app")
    raw_id_fields = ("user",)
