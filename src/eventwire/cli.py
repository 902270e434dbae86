"""Command line: ``eventwire code PATH... [--format table|jsonl|csv] [--doc-id ID] [--pub-date YYYY-MM-DD]``.

A thin layer over :mod:`eventwire.api`: it parses options, prints events to stdout and one line per bad
input to stderr, and exits 1 when some input could not be coded (2 on a usage error).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from eventwire.api import build_pipeline
from eventwire.config import Config
from eventwire.document import Document, Event
from eventwire.errors import BadOption, EventwireError, InputNotFound
from eventwire.output.formats import WRITERS

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_USAGE = 2


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
        description="Code news articles (.txt or .html files, or directories of them) and print their "
        "events. "
        "Offsets point into the file's text (for HTML: the extracted article text).",
    )
    code.add_argument("paths", nargs="+", metavar="PATH", help="a .txt/.html file or a directory of them")
    code.add_argument(
        "--format", choices=sorted(WRITERS), default="table", help="output format (default: table)"
    )
    code.add_argument(
        "--doc-id", help="document id (single PATH only; default: the file name without extension)"
    )
    code.add_argument(
        "--pub-date",
        metavar="YYYY-MM-DD",
        help="publication date, to resolve relative dates "
        "(single PATH only; default: from the page, or unknown)",
    )
    code.add_argument(
        "--min-confidence",
        type=float,
        default=0.0,
        metavar="X",
        help="drop events below this confidence (0-1)",
    )
    return parser


def _expand(paths: Sequence[str]) -> list[Path]:
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in {".txt", ".html", ".htm"}
            )
            if not found:
                raise InputNotFound(raw, "directory holds no .txt or .html files", "give article files")
            out.extend(found)
        else:
            out.append(path)
    return out


def _parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise BadOption("--pub-date", f"{value!r} is not a date", "write it as YYYY-MM-DD") from exc


def run_code(args: argparse.Namespace) -> int:
    paths = _expand(args.paths)
    if len(paths) > 1 and (args.doc_id or args.pub_date):
        raise BadOption(
            "--doc-id/--pub-date", "given with several inputs", "give them only with a single PATH"
        )
    pub_date = _parse_date(args.pub_date)
    config = Config(pub_date=pub_date, min_confidence=args.min_confidence)
    pipeline = build_pipeline(config)
    pipeline.resources.check()
    failed: list[tuple[Document, EventwireError]] = []

    def on_error(doc: Document, err: EventwireError) -> None:
        failed.append((doc, err))
        print(f"eventwire: {err.message}", file=sys.stderr)

    docs = (
        Document(doc_id=args.doc_id or p.stem, original="", path=str(p), pub_date=pub_date) for p in paths
    )
    events: list[Event] = []
    for doc in pipeline.pipe(docs, batch_size=config.batch_size, on_error=on_error):
        events.extend(doc.events)
    WRITERS[args.format](events, sys.stdout)
    if failed:
        print(
            f"eventwire: {len(failed)} of {len(paths)} inputs could not be coded (see above)", file=sys.stderr
        )
        return EXIT_SOME_FAILED
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    try:
        return run_code(args)
    except BrokenPipeError:
        # the reader went away ("eventwire code ... | head"): stop quietly, as Unix tools do
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except BadOption as err:
        print(f"eventwire: {err.message}", file=sys.stderr)
        return EXIT_USAGE
    except EventwireError as err:
        print(f"eventwire: {err.message}", file=sys.stderr)
        return EXIT_SOME_FAILED


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
