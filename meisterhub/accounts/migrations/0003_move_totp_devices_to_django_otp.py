"""Move confirmed hand-written TOTP devices into django-otp's TOTPDevice.

Our secret was base32 (what the app was given); otp_totp keeps the same key as hex. The last
used time step carries over, so a code used before the move cannot be replayed after it.
Unconfirmed enrolments are left behind: their owners simply enrol again.
"""

import base64

from django.db import migrations


def _key_hex(secret: str) -> str:
    secret = secret.strip().upper()
    return base64.b32decode(secret + "=" * (-len(secret) % 8)).hex()


def forwards(apps, schema_editor):
    Old = apps.get_model("accounts", "TOTPDevice")
    New = apps.get_model("otp_totp", "TOTPDevice")
    for old in Old.objects.filter(confirmed_at__isnull=False).iterator():
        New.objects.create(
            user_id=old.user_id,
            name="인증 앱",
            confirmed=True,
            key=_key_hex(old.secret),
            step=30,
            t0=0,
            digits=6,
            tolerance=1,
            last_t=old.last_used_step or -1,
        )


def backwards(apps, schema_editor):
    Old = apps.get_model("accounts", "TOTPDevice")
    New = apps.get_model("otp_totp", "TOTPDevice")
    for new in New.objects.filter(confirmed=True).iterator():
        secret = base64.b32encode(bytes.fromhex(new.key)).decode().rstrip("=")
        Old.objects.update_or_create(
            user_id=new.user_id,
            defaults={
                "secret": secret,
                "confirmed_at": new.created_at or new.last_used_at,
                "last_used_step": max(new.last_t, 0),
            },
        )
        new.delete()


class Migration(migrations.Migration):

    dependencies = [
        ("accounts", "0002_security_and_consent"),
        ("otp_totp", "0003_add_timestamps"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
