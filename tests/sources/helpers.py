"""Test helpers for the sources tests: a real HTTP server on 127.0.0.1 (port 0) and a WARC builder."""

from __future__ import annotations

import io
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HANG_LIMIT = 30.0
"""A hanging handler gives up after this long even if the test forgot to stop the server."""


@dataclass(frozen=True)
class Reply:
    """What the server answers to one request for a path."""

    status: int = 200
    body: bytes = b""
    content_type: str | None = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    hang: bool = False  # read the request, never answer
    trickle: float | None = None  # send headers, then one byte every `trickle` seconds, forever
    with_length: bool = True  # False: no Content-Length, the body ends when the connection closes


@dataclass(frozen=True)
class Seen:
    path: str
    headers: dict[str, str]


class LocalServer:
    """Serves the replies registered with :meth:`route`; an unknown path (robots.txt too) gets a 404."""

    def __init__(self) -> None:
        self._routes: dict[str, list[Reply]] = {}
        self._lock = threading.Lock()
        self.seen: list[Seen] = []
        self.stop = threading.Event()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.05,), daemon=True)

    @property
    def base(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    def route(self, path: str, *replies: Reply) -> str:
        """Answer ``path`` with ``replies`` in turn (the last one repeats); returns the full URL."""
        with self._lock:
            self._routes[path] = list(replies)
        return self.url(path)

    def page(
        self, path: str, body: bytes, content_type: str = "text/html; charset=utf-8", **headers: str
    ) -> str:
        return self.route(path, Reply(body=body, content_type=content_type, headers=headers))

    def hits(self, path: str) -> int:
        with self._lock:
            return sum(1 for seen in self.seen if seen.path == path)

    def next_reply(self, path: str, headers: dict[str, str]) -> Reply:
        with self._lock:
            self.seen.append(Seen(path, headers))
            replies = self._routes.get(path)
            if not replies:
                return Reply(status=404, body=b"not found", content_type="text/plain")
            return replies.pop(0) if len(replies) > 1 else replies[0]

    def start(self) -> None:
        self._thread.start()

    def close(self) -> None:
        self.stop.set()
        self._httpd.shutdown()
        self._httpd.server_close()


def _handler_for(server: LocalServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (the http.server name)
            reply = server.next_reply(self.path, dict(self.headers.items()))
            if reply.hang:
                server.stop.wait(HANG_LIMIT)
                return
            self.send_response(reply.status)
            if reply.content_type:
                self.send_header("Content-Type", reply.content_type)
            for name, value in reply.headers.items():
                self.send_header(name, value)
            if reply.trickle is not None:
                self.end_headers()
                self._trickle(reply.trickle)
                return
            if reply.with_length:
                self.send_header("Content-Length", str(len(reply.body)))
            self.end_headers()
            self.wfile.write(reply.body)

        def _trickle(self, interval: float) -> None:
            deadline = time.monotonic() + HANG_LIMIT
            try:
                while not server.stop.is_set() and time.monotonic() < deadline:
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(interval)
            except OSError:
                return  # the client gave up, as it should

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (the http.server name)
            return

    return Handler


@dataclass(frozen=True)
class WarcRecord:
    url: str
    body: bytes
    status: str = "200 OK"
    content_type: str = "text/html; charset=utf-8"
    record_type: str = "response"


def warc_bytes(records: list[WarcRecord], *, gzip: bool) -> bytes:
    """A WARC file holding ``records``, written with warcio's own writer."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    for spec in records:
        if spec.record_type == "response":
            http = StatusAndHeaders(spec.status, [("Content-Type", spec.content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                spec.url, "response", payload=io.BytesIO(spec.body), http_headers=http
            )
        else:
            record = writer.create_warc_record(
                spec.url, spec.record_type, payload=io.BytesIO(spec.body), warc_content_type=spec.content_type
            )
        writer.write_record(record)
    return buffer.getvalue()
