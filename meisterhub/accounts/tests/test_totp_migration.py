"""The data migration moves confirmed hand-written TOTP secrets (base32) into django-otp's
TOTPDevice (hex), so enrolled staff keep their authenticator app."""

import base64

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("accounts", "0002_security_and_consent"), ("otp_totp", "0003_add_timestamps")]
RFC_KEY = b"12345678901234567890"


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_confirmed_devices_move_with_their_secret_and_last_step():
    old = _migrate(BEFORE)
    User = old.get_model("accounts", "User")
    OldDevice = old.get_model("accounts", "TOTPDevice")
    enrolled = User.objects.create(username="kim", full_name="김", role="staff")
    halfway = User.objects.create(username="lee", full_name="이", role="meister")
    secret = base64.b32encode(RFC_KEY).decode().rstrip("=")
    OldDevice.objects.create(user=enrolled, secret=secret, last_used_step=37037036,
                             confirmed_at="2026-11-01T09:00:00Z")
    OldDevice.objects.create(user=halfway, secret=base64.b32encode(b"x" * 20).decode())

    leaf = MigrationExecutor(connection).loader.graph.leaf_nodes()
    new = _migrate(leaf)
    Device = new.get_model("otp_totp", "TOTPDevice")
    moved = Device.objects.get(user_id=enrolled.pk)
    assert (moved.key, moved.confirmed, moved.last_t) == (RFC_KEY.hex(), True, 37037036)
    assert (moved.step, moved.digits, moved.t0) == (30, 6, 0)
    # Half-done enrolments start over: their secret was never proven to be in an app.
    assert not Device.objects.filter(user_id=halfway.pk).exists()


@pytest.mark.django_db(transaction=True)
def test_the_moved_device_verifies_the_app_codes(monkeypatch):
    old = _migrate(BEFORE)
    User = old.get_model("accounts", "User")
    user = User.objects.create(username="kim", full_name="김", role="staff")
    old.get_model("accounts", "TOTPDevice").objects.create(
        user=user, secret=base64.b32encode(RFC_KEY).decode(), confirmed_at="2026-11-01T09:00:00Z")
    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    from django_otp.plugins.otp_totp import models as otp_models

    class Clock:
        @staticmethod
        def time():
            return 1111111109

    monkeypatch.setattr(otp_models, "time", Clock)
    device = otp_models.TOTPDevice.objects.get(user_id=user.pk)
    assert device.verify_token("081804")
