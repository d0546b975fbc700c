"""Scale-out engines chosen by the environment; base.py calls `apply(globals())`.

Each block is off unless its variable is set, so one machine keeps LocMem, the database queue,
one database and the local disk. docs/operations.md ("Scale-out settings") lists every variable.
"""

import os
from urllib.parse import urlsplit

import dj_database_url

TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "rq": "django_tasks_rq.RQBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}


def _float(name: str, default: float) -> float:
    return float(os.environ.get(name, default))


def apply(config: dict) -> None:
    redis_url = os.environ.get("REDIS_URL", "").strip()
    config["REDIS_URL"] = redis_url
    if redis_url:
        _redis(config, redis_url)
    _tasks(config, redis_url)
    _replicas(config)
    _storage(config)


def _redis(config: dict, url: str) -> None:
    """Cache, sessions and the cache-based limits (API throttles, password reset) on Redis."""
    timeout = _float("REDIS_SOCKET_TIMEOUT", 0.5)
    config["CACHES"] = {
        "default": {
            # Errors become misses (logged): pages answer while Redis is down.
            "BACKEND": "meisterhub.core.cache.TolerantRedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "mh",
            "OPTIONS": {"socket_connect_timeout": timeout, "socket_timeout": timeout},
        }
    }
    # The database stays the record; the cache only spares the read.
    config["SESSION_ENGINE"] = "django.contrib.sessions.backends.cached_db"


def _tasks(config: dict, redis_url: str) -> None:
    name = os.environ.get("TASKS_BACKEND", "database").strip() or "database"
    backend = TASK_BACKENDS.get(name, name)  # a dotted path is taken as it is
    config["TASKS"] = {"default": {"BACKEND": backend, "QUEUES": ["default"]}}
    if backend != TASK_BACKENDS["rq"]:
        return
    queue_url = os.environ.get("REDIS_QUEUE_URL", "").strip() or redis_url
    if not queue_url:
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured("TASKS_BACKEND=rq needs REDIS_URL (or REDIS_QUEUE_URL).")
    config["INSTALLED_APPS"] = [*config["INSTALLED_APPS"], "django_rq", "django_tasks_rq"]
    timeout = _float("REDIS_SOCKET_TIMEOUT", 0.5)
    config["RQ_QUEUES"] = {
        "default": {
            "URL": queue_url,
            # A report can take minutes; RQ kills a job that runs past this.
            "DEFAULT_TIMEOUT": int(os.environ.get("RQ_JOB_TIMEOUT", 900)),
            "REDIS_CLIENT_KWARGS": {"socket_connect_timeout": timeout},
        }
    }


def _replicas(config: dict) -> None:
    """DATABASE_REPLICA_URLS=url1,url2 → aliases replica1, replica2 behind the router."""
    primary = config["DATABASES"]["default"]
    urls = [u.strip() for u in os.environ.get("DATABASE_REPLICA_URLS", "").split(",") if u.strip()]
    aliases = []
    for number, url in enumerate(urls, start=1):
        alias = f"replica{number}"
        replica = dj_database_url.parse(
            url, conn_max_age=primary.get("CONN_MAX_AGE", 0), conn_health_checks=True
        )
        replica.setdefault("OPTIONS", {}).setdefault(
            "connect_timeout", int(os.environ.get("DATABASE_REPLICA_CONNECT_TIMEOUT", 2))
        )
        # Tests use the primary's test database under the replica's name.
        replica["TEST"] = {"MIRROR": "default"}
        config["DATABASES"][alias] = replica
        aliases.append(alias)
    config["DATABASE_REPLICAS"] = aliases
    config["DATABASE_PIN_SECONDS"] = _float("DATABASE_PIN_SECONDS", 15)
    config["DATABASE_REPLICA_MAX_LAG"] = _float("DATABASE_REPLICA_MAX_LAG", 5)
    config["DATABASE_REPLICA_CHECK_SECONDS"] = _float("DATABASE_REPLICA_CHECK_SECONDS", 3)
    if aliases:
        config["DATABASE_ROUTERS"] = ["meisterhub.core.dbrouting.PrimaryReplicaRouter"]
        middleware = list(config["MIDDLEWARE"])
        # Before sessions and auth, so even the session and user reads follow the pin.
        middleware.insert(
            middleware.index("django.contrib.sessions.middleware.SessionMiddleware"),
            "meisterhub.core.dbrouting.ReadPinningMiddleware",
        )
        config["MIDDLEWARE"] = middleware


def _storage(config: dict) -> None:
    """STORAGE_BACKEND=s3: uploads in an S3-compatible bucket; static files stay as they are."""
    if os.environ.get("STORAGE_BACKEND", "local").strip() != "s3":
        return
    endpoint = os.environ.get("AWS_S3_ENDPOINT_URL", "").strip() or None
    options = {
        "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
        "endpoint_url": endpoint,
        "access_key": os.environ.get("AWS_ACCESS_KEY_ID", ""),
        "secret_key": os.environ.get("AWS_SECRET_ACCESS_KEY", ""),
        "region_name": os.environ.get("AWS_S3_REGION_NAME", "") or None,
        # Private objects: files reach people only through the permission-checked views.
        "default_acl": None,
        "querystring_auth": True,
        "file_overwrite": False,
    }
    if endpoint and urlsplit(endpoint).hostname in {"127.0.0.1", "localhost"}:
        options["addressing_style"] = "path"  # a local S3 server has no per-bucket host names
    config["STORAGES"] = {
        **config["STORAGES"],
        "default": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options},
    }
