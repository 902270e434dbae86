"""Watch sources: poll feeds and URL lists every so often and ingest only what is new.

What is new is decided by the store (a URL it already holds is not fetched again), so a watcher that is
stopped and started again resumes where it left off. SIGINT and SIGTERM end the watch after the batch in
flight is committed.
"""

from __future__ import annotations

import datetime as dt
import re
import signal
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from types import FrameType

from eventwire.errors import BadOption
from eventwire.ingest import IngestSummary, ReportFunc, ingest
from eventwire.pipeline import Pipeline
from eventwire.sources.fetch import Fetcher
from eventwire.store.db import Store

MIN_INTERVAL_S = 1.0
"""The shortest polling interval accepted (tests poll every second; feeds want minutes)."""

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_interval(text: str) -> float:
    """``"15m"`` -> 900.0; accepts s, m, h, d suffixes or plain seconds."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", text)
    if not match:
        raise BadOption("--every", f"{text!r} is not an interval", "write e.g. 30s, 15m, 1h")
    seconds = float(match.group(1)) * _UNITS[match.group(2) or "s"]
    if seconds < MIN_INTERVAL_S:
        raise BadOption("--every", f"{text!r} is shorter than {MIN_INTERVAL_S:g}s", "poll less often")
    return seconds


class StopFlag:
    """Set by a signal (or a test); waits that it interrupts end at once."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def set(self) -> None:
        self._event.set()

    def __call__(self) -> bool:
        return self._event.is_set()

    def wait(self, seconds: float) -> bool:
        return self._event.wait(seconds)


@contextmanager
def stop_on_signals(flag: StopFlag) -> Iterator[None]:
    """Within the block, SIGINT and SIGTERM set ``flag`` instead of killing the process."""

    def handler(signum: int, frame: FrameType | None) -> None:
        flag.set()

    previous = {sig: signal.signal(sig, handler) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


def watch(
    sources: Sequence[str],
    store: Store,
    pipeline: Pipeline,
    every_s: float,
    stop: StopFlag,
    *,
    fetcher: Fetcher | None = None,
    report: ReportFunc | None = None,
    on_poll: Callable[[IngestSummary], None] | None = None,
    max_polls: int | None = None,
    lock: AbstractContextManager[object] | None = None,
) -> int:
    """Poll ``sources`` until ``stop`` is set (or ``max_polls`` polls); returns the number of polls.

    ``lock`` is held for each poll (the server shares one pipeline between its watcher and its ingest
    endpoint)."""
    polls = 0
    while not stop():
        with lock or nullcontext():
            summary = ingest(
                sources,
                store,
                pipeline,
                fetcher=fetcher,
                skip_known_urls=True,
                report=report,
                should_stop=stop,
                command="watch",
            )
            _record_poll(store, sources, summary)
        polls += 1
        if on_poll is not None:
            on_poll(summary)
        if max_polls is not None and polls >= max_polls:
            break
        stop.wait(every_s)
    return polls


def _record_poll(store: Store, sources: Sequence[str], summary: IngestSummary) -> None:
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    for source in sources:
        store.con.execute(
            """INSERT INTO watch_state VALUES (?, ?, ?)
               ON CONFLICT (source) DO UPDATE SET last_polled = excluded.last_polled,
                   items_seen = excluded.items_seen""",
            [source, now, summary.seen],
        )
