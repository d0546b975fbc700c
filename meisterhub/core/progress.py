"""A plain-text progress bar for management commands (no extra dependency)."""

import sys
import time


class ProgressBar:
    def __init__(self, total: int, *, stream=None, label: str = "", width: int = 30):
        self.total = max(total, 0)
        self.done = 0
        # Django's OutputWrapper appends newlines; write to the stream underneath it.
        self.stream = getattr(stream, "_out", stream) or sys.stderr
        self.label = label
        self.width = width
        self._last = 0.0

    def step(self, count: int = 1) -> None:
        self.done += count
        now = time.monotonic()
        if now - self._last > 0.1 or self.done >= self.total:
            self._last = now
            self._draw()

    def _draw(self) -> None:
        share = self.done / self.total if self.total else 1
        filled = int(share * self.width)
        bar = "█" * filled + "·" * (self.width - filled)
        self.stream.write(f"\r{self.label} [{bar}] {self.done}/{self.total}")
        self.stream.flush()

    def finish(self) -> None:
        if self.total:
            self._draw()
            self.stream.write("\n")
