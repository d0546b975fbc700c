"""The outbox sweeper as it runs later in production, run once at the end of the drill.

`requeue_due` takes rows claimed longer ago than the sending lease (300 s) by a worker that
died; the drill cannot wait that long, so it sweeps with the clock moved past the lease. It is
run only once the queue is empty, so no live worker is still sending what it takes back.
"""

import json
import os
import sys
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def main() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.prod")
    import django

    django.setup()
    from django.utils import timezone

    from meisterhub.notifications import conf
    from meisterhub.notifications.services import requeue_due

    later = timezone.now() + conf.sending_lease() + timedelta(minutes=2)
    print(json.dumps({"requeued": requeue_due(later)}))


if __name__ == "__main__":
    main()
