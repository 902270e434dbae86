"""``eventwire serve``: run the app with uvicorn, and optionally a watcher that feeds the same store.

DuckDB lets one process write, so a store that grows while it is browsed has one writer: this server.
``--watch SOURCE...`` runs the watcher in a thread of the server; the API reads on its own cursors and
sees each batch as it commits. SIGINT/SIGTERM stop uvicorn, then the watcher after its batch in flight.
"""

from __future__ import annotations

import ipaddress
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from eventwire.config import Config
from eventwire.store.db import Store
from eventwire.web.context import ServerContext

SayFunc = Callable[[str], None]


@dataclass(frozen=True)
class ServeOptions:
    db: str
    host: str = "127.0.0.1"
    port: int = 8000
    token: str | None = None
    watch: tuple[str, ...] = ()
    every_s: float = 900.0
    config: Config | None = None


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(options: ServeOptions, say: SayFunc) -> None:
    """Open the store, start the watcher if asked, and serve until interrupted."""
    import uvicorn

    from eventwire.api import build_pipeline
    from eventwire.watch import StopFlag, watch
    from eventwire.web.app import create_app, vendor_missing

    writes = options.token is not None or bool(options.watch)
    pipeline = None
    if writes:
        pipeline = build_pipeline(options.config)
        pipeline.resources.check()
    store = Store.open(options.db, read_only=not writes)
    context = ServerContext(store=store, token=options.token, pipeline=pipeline, watching=options.watch)
    app = create_app(context)
    missing = vendor_missing()
    if missing:
        say(
            "warning: the UI's map, network and timeline need the built web assets "
            f"({', '.join(missing[:3])} missing): run `npm ci --prefix web`; the API works without them"
        )
    if not is_loopback(options.host):
        say(f"warning: serving on {options.host}, reachable from other machines")
    stop = StopFlag()
    watcher: threading.Thread | None = None
    if options.watch and pipeline is not None:
        view = store.view()

        def run_watch() -> None:
            try:
                watch(
                    options.watch, view, pipeline, options.every_s, stop,
                    report=say, on_poll=lambda s: say("watch: " + s.line()), lock=context.pipeline_lock,
                )  # fmt: skip
            finally:
                view.close()

        watcher = threading.Thread(target=run_watch, name="eventwire-watch", daemon=True)
        watcher.start()
    mode = "read-write" if writes else "read-only"
    say(f"serving {options.db} ({mode}) on http://{options.host}:{options.port}/ (API docs at /docs)")
    try:
        uvicorn.run(app, host=options.host, port=options.port, log_level="warning")
    finally:
        stop.set()
        if watcher is not None:
            watcher.join()
        store.close()


def start_in_thread(app: object, host: str, port: int) -> tuple[Callable[[], None], threading.Thread]:
    """Run ``app`` with uvicorn in a daemon thread (for tests and benchmarks); returns (stop, thread)."""
    import uvicorn

    server = uvicorn.Server(uvicorn.Config(app, host=host, port=port, log_level="warning"))  # type: ignore[arg-type]
    thread = threading.Thread(target=server.run, name="eventwire-serve", daemon=True)
    thread.start()

    def stop() -> None:
        server.should_exit = True
        thread.join(timeout=10)

    return stop, thread


def wait_until_up(url: str, timeout_s: float = 10.0) -> None:
    """Poll ``url`` until it answers (for :func:`start_in_thread`'s callers)."""
    import time

    import httpx

    deadline = time.monotonic() + timeout_s
    while True:
        try:
            httpx.get(url, timeout=1.0)
            return
        except httpx.HTTPError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


__all__: Sequence[str] = ("ServeOptions", "serve", "start_in_thread", "wait_until_up", "is_loopback")
