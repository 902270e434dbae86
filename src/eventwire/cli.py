"""Command line: ``eventwire code|ingest|events|watch|serve``.

A thin layer over the library (:mod:`eventwire.api`, :mod:`eventwire.ingest`, :mod:`eventwire.store`,
:mod:`eventwire.watch`): it parses options, prints results to stdout and one line per bad input to stderr,
and exits 1 when some input could not be coded (2 on a usage error).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from eventwire.api import build_pipeline
from eventwire.config import Config
from eventwire.document import STATUSES, Document, Event
from eventwire.errors import BadOption, EventwireError, UnsupportedLanguage
from eventwire.output.formats import WRITERS

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_USAGE = 2

INPUT_HELP = (
    "a .txt/.html file, a directory of them, a .jsonl dump, a .warc/.warc.gz archive, a .urls list, "
    "an http(s) URL of a page or an RSS/Atom feed, or - for stdin"
)
EVENT_FORMATS = sorted([*WRITERS, "parquet"])


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="eventwire",
        description="Turn news pages into political events (who did what to whom, when, where), "
        "each with its evidence sentence.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    code = sub.add_parser(
        "code",
        help="code articles and print their events",
        description="Code news articles and print their events (nothing is stored). "
        "Offsets point into the article text (for HTML: the extracted article text).",
    )
    code.add_argument("paths", nargs="+", metavar="INPUT", help=INPUT_HELP)
    code.add_argument(
        "--format", choices=sorted(WRITERS), default="table", help="output format (default: table)"
    )
    code.add_argument(
        "--doc-id", help="document id (single input only; default: the file name without extension)"
    )
    code.add_argument(
        "--pub-date",
        metavar="YYYY-MM-DD",
        help="publication date, to resolve relative dates (single input only; default: from the page)",
    )
    code.add_argument(
        "--min-confidence",
        type=float,
        default=0.0,
        metavar="X",
        help="drop events below this confidence (0-1)",
    )
    _dictionaries_option(code)

    ingest = sub.add_parser(
        "ingest",
        help="code articles and store them with their events",
        description="Code articles and store them, their events and every input that could not be coded "
        "in an embedded DuckDB store. Re-ingesting the same text is a no-op; a changed page at a known "
        "URL becomes a new version.",
    )
    ingest.add_argument("paths", nargs="*", metavar="INPUT", help=INPUT_HELP)
    _db_option(ingest)
    ingest.add_argument(
        "--progress",
        choices=["auto", "always", "never"],
        default="auto",
        help="progress bar on stderr (default: auto = when stderr is a terminal)",
    )
    _dictionaries_option(ingest)

    events = sub.add_parser(
        "events",
        help="query stored events",
        description="Print the stored events that match every filter given.",
    )
    _db_option(events)
    events.add_argument("--actor", metavar="ISO3", help="source or target country (e.g. MLI)")
    events.add_argument("--source", metavar="ISO3", help="source country")
    events.add_argument("--target", metavar="ISO3", help="target country")
    events.add_argument("--cameo", metavar="CODE", help="CAMEO root (e.g. 14) or longer code prefix")
    events.add_argument("--plover", metavar="TYPE", help="PLOVER event type (e.g. PROTEST)")
    events.add_argument("--status", choices=STATUSES, help="event status")
    events.add_argument("--since", metavar="YYYY-MM-DD", help="events on or after this day")
    events.add_argument("--until", metavar="YYYY-MM-DD", help="events on or before this day")
    events.add_argument(
        "--all-versions", action="store_true", help="include events of superseded versions of a page"
    )
    events.add_argument("--limit", type=int, metavar="N", help="at most N events")
    events.add_argument(
        "--format", choices=EVENT_FORMATS, default="table", help="output format (default: table)"
    )
    events.add_argument(
        "--output",
        metavar="FILE",
        help="write to FILE instead of stdout (parquet: needed unless stdout is a file)",
    )

    watch = sub.add_parser(
        "watch",
        help="poll feeds and URL lists and ingest what is new",
        description="Poll RSS/Atom feeds, pages and .urls lists every interval and ingest only new "
        "articles. Stops cleanly on Ctrl-C or SIGTERM and resumes where it left off.",
    )
    watch.add_argument("paths", nargs="+", metavar="SOURCE", help="a feed URL, a page URL or a .urls file")
    _db_option(watch)
    watch.add_argument("--every", default="15m", metavar="INTERVAL", help="poll interval (e.g. 30s, 15m, 1h)")
    watch.add_argument(
        "--max-polls", type=int, metavar="N", help="stop after N polls (default: run until stopped)"
    )
    _dictionaries_option(watch)

    serve = sub.add_parser(
        "serve",
        help="serve the store: JSON API, API docs and a browser UI",
        description="Serve the store over HTTP: a JSON API (OpenAPI docs at /docs) and a browser UI at /. "
        "Read-only unless --token (or $EVENTWIRE_TOKEN) is given, which enables POST /api/ingest, or "
        "--watch, which runs a watcher inside the server so the store can be browsed while it grows.",
    )
    _db_option(serve)
    serve.add_argument(
        "--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1, this machine only)"
    )
    serve.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    serve.add_argument(
        "--token",
        metavar="TOKEN",
        help="enable the write endpoints, which then require 'Authorization: Bearer TOKEN' "
        "(at least 16 characters; default: $EVENTWIRE_TOKEN if set)",
    )
    serve.add_argument(
        "--watch",
        nargs="+",
        metavar="SOURCE",
        default=[],
        help="feeds, pages or .urls files to poll and ingest",
    )
    serve.add_argument(
        "--every", default="15m", metavar="INTERVAL", help="poll interval for --watch (default: 15m)"
    )
    _dictionaries_option(serve)
    return parser


def _dictionaries_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--dictionaries",
        metavar="PATH",
        help="also use PETRARCH/Phoenix dictionaries (a directory of actor, agent, verb and discard files, "
        "or a .toml manifest naming them)",
    )


def _config(args: argparse.Namespace, **kw: Any) -> Config:
    dictionaries = Path(args.dictionaries) if getattr(args, "dictionaries", None) else None
    return Config(dictionaries=dictionaries, **kw)


def _db_option(parser: argparse.ArgumentParser) -> None:
    from eventwire.store.db import DEFAULT_DB

    parser.add_argument(
        "--db", default=DEFAULT_DB, metavar="FILE", help=f"the store (default: ./{DEFAULT_DB})"
    )


def _parse_date(option: str, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise BadOption(option, f"{value!r} is not a date", "write it as YYYY-MM-DD") from exc


def _say(message: str) -> None:
    print(f"eventwire: {message}", file=sys.stderr)


# --- code -----------------------------------------------------------------------------------------


def run_code(args: argparse.Namespace) -> int:
    from eventwire.sources import iter_inputs
    from eventwire.sources.item import Rejection

    if len(args.paths) > 1 and (args.doc_id or args.pub_date):
        raise BadOption(
            "--doc-id/--pub-date", "given with several inputs", "give them only with a single input"
        )
    pub_date = _parse_date("--pub-date", args.pub_date)
    config = _config(args, pub_date=pub_date, min_confidence=args.min_confidence)
    pipeline = build_pipeline(config)
    pipeline.resources.check()
    failed = 0
    seen = 0

    def on_error(doc: Document, err: EventwireError) -> None:
        nonlocal failed
        failed += 1
        if isinstance(err, UnsupportedLanguage):
            _say(f"{err.message} (skipped: {err.reason_code})")
        else:
            _say(err.message)

    def documents() -> Iterator[Document]:
        nonlocal failed, seen
        for item in iter_inputs(args.paths, max_bytes=config.max_input_bytes):
            seen += 1
            if args.doc_id and seen > 1:
                raise BadOption("--doc-id", "given with several inputs", "give it only with a single input")
            if isinstance(item, Rejection):
                failed += 1
                _say(item.error.message)
                continue
            doc_id = args.doc_id or _doc_id(item.origin)
            yield Document(
                doc_id=doc_id, original="", raw=item, origin=item.origin, url=item.url, pub_date=pub_date
            )

    events: list[Event] = []
    for doc in pipeline.pipe(documents(), batch_size=config.batch_size, on_error=on_error):
        events.extend(doc.events)
    WRITERS[args.format](events, sys.stdout)
    if failed:
        _say(f"{failed} of {seen} inputs could not be coded (see above)")
        return EXIT_SOME_FAILED
    return EXIT_OK


def _doc_id(origin: str) -> str:
    """A short document id from an input's origin: the file name without extension, keeping a JSONL line
    (``dump:3``) or WARC offset (``crawl@1234``) suffix; URLs and ``-`` stay as they are."""
    if "://" in origin or origin == "-":
        return origin
    match = re.fullmatch(r"(.*?)((?::\d+)|(?:@\d+))?", origin)
    path, suffix = (match.group(1), match.group(2) or "") if match else (origin, "")
    name = Path(path).name
    for ext in (".warc.gz", ".jsonl", ".warc", ".html", ".htm", ".xhtml", ".txt", ".text"):
        if name.lower().endswith(ext):
            name = name[: -len(ext)]
            break
    return name + suffix


# --- ingest ---------------------------------------------------------------------------------------


def run_ingest(args: argparse.Namespace) -> int:
    from eventwire.ingest import ingest
    from eventwire.progress import Progress, estimate_total
    from eventwire.store.db import Store

    pipeline = build_pipeline(_config(args))
    if args.paths:
        pipeline.resources.check()
    enabled = {"auto": None, "always": True, "never": False}[args.progress]
    with Store.open(args.db) as store:
        if not args.paths:
            _say(f"store {args.db} is ready (schema migrated); give inputs to ingest")
            return EXIT_OK
        progress = Progress(sys.stderr, estimate_total(list(args.paths)), enabled=enabled)
        try:
            summary = ingest(args.paths, store, pipeline, report=_say, progress=progress)
        finally:
            progress.close()
    _say(summary.line())
    return EXIT_SOME_FAILED if summary.rejected else EXIT_OK


# --- events ---------------------------------------------------------------------------------------


def run_events(args: argparse.Namespace) -> int:
    from eventwire.store.db import Store
    from eventwire.store.query import EventFilter, export_parquet, query_events

    flt = EventFilter(
        actor=args.actor,
        source=args.source,
        target=args.target,
        cameo=args.cameo,
        plover=args.plover,
        status=args.status,
        since=_parse_date("--since", args.since),
        until=_parse_date("--until", args.until),
        all_versions=args.all_versions,
    )
    if args.limit is not None and args.limit < 0:
        raise BadOption("--limit", "is negative", "give a count >= 0")
    with Store.open(args.db, read_only=True) as store:
        if args.format == "parquet":
            if args.limit is not None:
                raise BadOption("--limit", "is not supported with parquet", "filter instead, or use jsonl")
            if args.output:
                count = export_parquet(store, flt, args.output)
            else:
                if sys.stdout.isatty():
                    raise BadOption(
                        "--format parquet", "will not write binary to a terminal", "give --output FILE"
                    )
                with tempfile.TemporaryDirectory() as tmp:
                    target = os.path.join(tmp, "events.parquet")
                    count = export_parquet(store, flt, target)
                    with open(target, "rb") as fh:
                        shutil.copyfileobj(fh, sys.stdout.buffer)
                    sys.stdout.flush()
            _say(f"{count} events written as parquet")
            return EXIT_OK
        records = query_events(store, flt, limit=args.limit)
        if args.output:
            with open(args.output, "w", encoding="utf-8", newline="") as out:
                WRITERS[args.format](records, out)
        else:
            WRITERS[args.format](records, sys.stdout)
    return EXIT_OK


# --- watch ----------------------------------------------------------------------------------------


def run_watch(args: argparse.Namespace) -> int:
    from eventwire.store.db import Store
    from eventwire.watch import StopFlag, parse_interval, stop_on_signals, watch

    every = parse_interval(args.every)
    pipeline = build_pipeline(_config(args))
    pipeline.resources.check()
    stop = StopFlag()
    with Store.open(args.db) as store, stop_on_signals(stop):
        polls = watch(
            args.paths,
            store,
            pipeline,
            every,
            stop,
            report=_say,
            on_poll=lambda s: _say(s.line()),
            max_polls=args.max_polls,
        )
    _say(f"watch stopped after {polls} polls")
    return EXIT_OK


# --- serve ----------------------------------------------------------------------------------------


def run_serve(args: argparse.Namespace) -> int:
    from eventwire.watch import parse_interval
    from eventwire.web.server import ServeOptions, serve

    if not 0 < args.port < 65536:
        raise BadOption("--port", f"{args.port} is not a port", "give 1-65535")
    options = ServeOptions(
        db=args.db,
        host=args.host,
        port=args.port,
        token=args.token or os.environ.get("EVENTWIRE_TOKEN") or None,
        watch=tuple(args.watch),
        every_s=parse_interval(args.every),
        config=_config(args),
    )
    serve(options, _say)
    return EXIT_OK


COMMANDS = {
    "code": run_code,
    "ingest": run_ingest,
    "events": run_events,
    "watch": run_watch,
    "serve": run_serve,
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    try:
        return COMMANDS[args.command](args)
    except BrokenPipeError:
        # the reader went away ("eventwire code ... | head"): stop quietly, as Unix tools do
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except BadOption as err:
        _say(err.message)
        return EXIT_USAGE
    except EventwireError as err:
        _say(err.message)
        return EXIT_SOME_FAILED


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
