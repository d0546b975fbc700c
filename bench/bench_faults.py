"""Fault run: PostgreSQL is restarted (`pg_ctl restart -m fast`) during a booking load run
against gunicorn + config.settings.prod on loopback, with a throwaway cluster of our own.

The app is not restarted. Reported: attempts, told-succeeded, found, missing (must be 0),
duplicates (must be 0), errors during the outage, seconds from the restart to the first
proper answer after the last error. Bounded: 30 s of booking; everything is removed after.
"""

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.ops.faults import fault_run  # noqa: E402
from bench.pgcluster import pg_cluster  # noqa: E402


def run() -> dict:
    with tempfile.TemporaryDirectory(prefix="mh-faults-") as tmp, pg_cluster() as pg:
        url = pg.create_database("meisterhub")
        result = fault_run(
            pg,
            database_url=url,
            workdir=Path(tmp),
            meisters=20,
            clients=8,
            seconds=30.0,
            restart_after=10.0,
            slots=1200,
        )
    result["setup"] = (
        "gunicorn 4 sync workers, config.settings.prod, CONN_MAX_AGE=60 with "
        "health checks; 8 clients, each slot tried by 2 of them"
    )
    return result


if __name__ == "__main__":
    import json

    print(json.dumps(run(), ensure_ascii=False, indent=2))
