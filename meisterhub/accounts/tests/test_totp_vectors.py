"""RFC 6238 Appendix B (SHA-1) through the TOTP device that verifies our staff's codes, with
the vectors' 8 digits truncated to the 6 our devices use."""

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp import models as otp_models
from django_otp.plugins.otp_totp.models import TOTPDevice

RFC_KEY = b"12345678901234567890"
VECTORS = [
    (59, "287082"),
    (1111111109, "081804"),
    (1111111111, "050471"),
    (1234567890, "005924"),
    (2000000000, "279037"),
]


@pytest.mark.parametrize(("unix_time", "code"), VECTORS)
def test_rfc6238_sha1_vectors(unix_time, code):
    totp = TOTP(RFC_KEY, step=30, t0=0, digits=6)
    totp.time = unix_time
    assert f"{totp.token():06d}" == code


class _Clock:
    def __init__(self, now):
        self.now = now

    def time(self):
        return self.now


@pytest.mark.django_db
@pytest.mark.parametrize(("unix_time", "code"), VECTORS)
def test_the_device_accepts_the_vector_once(staff_user, monkeypatch, unix_time, code):
    device = TOTPDevice.objects.create(user=staff_user, name="인증 앱", key=RFC_KEY.hex())
    monkeypatch.setattr(otp_models, "time", _Clock(unix_time))
    assert device.verify_token(code)
    device.throttle_reset()  # the replay below is refused by the step, not by the back-off
    assert not device.verify_token(code)
