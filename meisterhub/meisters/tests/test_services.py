import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from meisterhub.core.errors import DomainError
from meisterhub.core.models import History
from meisterhub.meisters.models import Meister

from .factories import make_meister


def png_bytes(size=(40, 40)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, "navy").save(buffer, format="PNG")
    return buffer.getvalue()


def test_first_field_is_the_main_one(taxonomy, staff_user):
    meister = make_meister(fields=["HEAT", "MATL", "WELD"], actor=staff_user)
    assert [f.code for f in meister.ordered_fields] == ["HEAT", "MATL", "WELD"]
    assert History.objects.get(action="meisters.meister.created").actor == staff_user


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ([], "1개 이상 3개 이하"),
        (["WELD"] * 2, "두 번"),
        (["A", "B", "C", "D"], "1개 이상 3개 이하"),
        (["WELDING"], "알 수 없는 전문분야"),
    ],
)
def test_field_rules_are_enforced(taxonomy, fields, message):
    with pytest.raises(DomainError, match=message):
        make_meister(fields=fields)
    assert Meister.objects.count() == 0


def test_real_photo_is_stored(taxonomy):
    photo = SimpleUploadedFile("me.png", png_bytes(), content_type="image/png")
    meister = make_meister(photo=photo)
    assert meister.photo.name.startswith("meisters/photos/")


def test_text_file_named_jpg_is_not_a_photo(taxonomy):
    fake = SimpleUploadedFile("me.jpg", b"<script>alert(1)</script>", content_type="image/jpeg")
    with pytest.raises(Exception, match="이미지 파일이 아닙니다"):
        make_meister(photo=fake)
    assert Meister.objects.count() == 0


def test_oversized_photo_is_refused(taxonomy, settings):
    settings.MEISTER_PHOTO_MAX_BYTES = 1024
    big = SimpleUploadedFile("big.png", png_bytes((400, 400)) + b"\0" * 2048)
    with pytest.raises(Exception, match="너무 큽니다"):
        make_meister(photo=big)
    assert Meister.objects.count() == 0


def test_unknown_weekday_is_refused(taxonomy):
    with pytest.raises(DomainError, match="알 수 없는 요일"):
        make_meister(weekdays=["일"])
