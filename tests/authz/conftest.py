"""The world is built once per module inside a transaction that is rolled back at the end;
each test runs in a savepoint inside it (pytest-django's `db`)."""

import pytest
from django.db import transaction
from django.test.utils import override_settings

from .world import build_world


@pytest.fixture(scope="module")
def authz_media(tmp_path_factory):
    return tmp_path_factory.mktemp("authz_media")


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, authz_media):
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=authz_media):
        outer = transaction.atomic()
        outer.__enter__()
        try:
            built = build_world()
        except BaseException:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            raise
    yield built
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)


@pytest.fixture(autouse=True)
def _world_media(settings, authz_media):
    # After the root conftest's per-test MEDIA_ROOT: the world's files live here.
    settings.MEDIA_ROOT = authz_media
