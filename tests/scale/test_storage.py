"""Uploads on S3-compatible storage (STORAGE_BACKEND=s3), served by the permission-checked
views. The S3 server is moto's, started on loopback for the test (a test dependency)."""

import io
from pathlib import Path

import pytest
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from meisterhub.meisters.manage_services import create_meister
from meisterhub.reports.models import ReportJob
from meisterhub.reports.services import request_annual_report

from .conftest import free_port

pytestmark = pytest.mark.django_db
BUCKET = "meisterhub-uploads"


@pytest.fixture(scope="module")
def s3_endpoint():
    server_module = pytest.importorskip("moto.server", reason="moto[server] not installed")
    port = free_port()
    server = server_module.ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def s3_storage(s3_endpoint, settings, monkeypatch):
    """The default storage as config/settings/scale.py builds it for STORAGE_BACKEND=s3."""
    import boto3

    from config.settings import scale

    for name, value in {
        "STORAGE_BACKEND": "s3",
        "AWS_STORAGE_BUCKET_NAME": BUCKET,
        "AWS_S3_ENDPOINT_URL": s3_endpoint,
        "AWS_ACCESS_KEY_ID": "test",
        "AWS_SECRET_ACCESS_KEY": "test",
        "AWS_S3_REGION_NAME": "us-east-1",
    }.items():
        monkeypatch.setenv(name, value)
    config = {"STORAGES": dict(settings.STORAGES)}
    scale._storage(config)
    client = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        aws_access_key_id="test",
        aws_secret_access_key="test",
        region_name="us-east-1",
    )
    client.create_bucket(Bucket=BUCKET)
    settings.STORAGES = config["STORAGES"]
    yield client
    for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", []):
        client.delete_object(Bucket=BUCKET, Key=item["Key"])
    client.delete_bucket(Bucket=BUCKET)


def _keys(client) -> list[str]:
    return [item["Key"] for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", [])]


def _jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "blue").save(buffer, "JPEG")
    return buffer.getvalue()


def test_a_meister_photo_is_stored_in_the_bucket_and_served_by_the_view(
    s3_storage, staff_user, taxonomy, client, settings
):
    # given: uploads on S3
    assert type(storages["default"]).__name__ == "S3Storage"
    # when: staff create a meister with a photo through the service
    meister = create_meister(
        actor=staff_user,
        field_codes=["WELD"],
        name="김용접",
        title="기술사",
        career="발전설비 용접 28년",
        keywords=["TIG"],
        certificates=["용접기술사"],
        weekdays=["월"],
        photo=SimpleUploadedFile("me.jpg", _jpeg(), "image/jpeg"),
    )
    # then: the file is an object in the bucket, not on the local disk
    assert _keys(s3_storage) == [meister.photo.name]
    assert not any(Path(settings.MEDIA_ROOT).rglob("*.jpg"))
    # when: anyone opens the public photo through its view
    response = client.get(reverse("meisters:photo", args=[meister.pk]))
    # then: the bytes come from the bucket, with the sniffed type
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert b"".join(response.streaming_content) == _jpeg()


def test_a_report_built_by_a_task_is_stored_in_the_bucket_and_only_staff_download_it(
    s3_storage, staff_user, member_a, client, django_capture_on_commit_callbacks
):
    # given: uploads on S3; when: staff request the annual report (the task runs at commit)
    with django_capture_on_commit_callbacks(execute=True):
        job = request_annual_report(actor=staff_user, year=2024)
    job.refresh_from_db()
    # then: both files are objects in the bucket
    assert job.status == ReportJob.Status.DONE
    assert sorted(_keys(s3_storage)) == sorted([job.pdf_file.name, job.xlsx_file.name])
    url = reverse("reports:report_file", args=[job.pk, "pdf"])
    # when: a company member asks for the file: refused
    client.force_login(member_a)
    assert client.get(url).status_code == 404
    # when: staff download it: the bytes are the bucket's
    client.force_login(staff_user)
    response = client.get(url)
    assert response.status_code == 200
    body = b"".join(response.streaming_content)
    stored = s3_storage.get_object(Bucket=BUCKET, Key=job.pdf_file.name)["Body"].read()
    assert body.startswith(b"%PDF") and body == stored
