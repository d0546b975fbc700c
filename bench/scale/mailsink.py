"""A mail backend for the drill: every message sent becomes one file named by its Message-ID.

Selected with EMAIL_BACKEND=bench.scale.mailsink.FileSink and DRILL_MAIL_DIR=<dir>. The outbox
stores the same Message-ID as the row's provider id, so the audit can tell a row sent once
from a row sent twice (two files, one of them unknown to the table).
"""

import os
import uuid
from pathlib import Path

from django.core.mail.backends.base import BaseEmailBackend


class FileSink(BaseEmailBackend):
    def send_messages(self, email_messages) -> int:
        folder = Path(os.environ["DRILL_MAIL_DIR"])
        sent = 0
        for message in email_messages:
            message_id = message.extra_headers.get("Message-ID", "")
            # A unique name per send: a second send of the same row must show up as a file.
            name = f"{uuid.uuid4().hex}.eml"
            data = message.message().as_bytes()
            partial = folder / f".{name}.part"
            partial.write_bytes(b"X-Drill-Message-ID: " + message_id.encode() + b"\n" + data)
            partial.rename(folder / name)  # whole files only, even if the worker is killed
            sent += 1
        return sent
