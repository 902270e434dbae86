"""Ingest: read every input, code what is new, and store articles, events and rejected inputs.

One batch at a time: the inputs of a batch are read (decoded, extracted, language checked), the ones the
store already holds with the same text are counted as unchanged, the rest are coded through the pipeline,
and the batch's articles, events and rejected inputs are written in one transaction. A crash loses at most
the batch in flight, and a re-run picks up where the last committed batch ended.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from eventwire.document import Document
from eventwire.errors import EventwireError, UnsupportedLanguage
from eventwire.pipeline import Pipeline
from eventwire.progress import Progress
from eventwire.sources import iter_inputs
from eventwire.sources.fetch import Fetcher
from eventwire.sources.item import RawInput, Rejection, SourceItem
from eventwire.store.db import ArticleRecord, RejectedInput, Store, StoredArticle, content_hash, identity_of

ReportFunc = Callable[[str], None]


@dataclass
class IngestSummary:
    """What a run did, for the final summary line and the ``runs`` table."""

    seen: int = 0
    ingested: int = 0
    versions: int = 0
    unchanged: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    rejected: Counter[str] = field(default_factory=Counter)
    events: int = 0
    elapsed: float = 0.0
    interrupted: bool = False
    article_ids: list[str] = field(default_factory=list)  # ids written (not in to_json: runs can be large)

    def to_json(self) -> dict[str, Any]:
        return {
            "seen": self.seen,
            "ingested": self.ingested,
            "new_versions": self.versions,
            "unchanged": self.unchanged,
            "skipped": dict(self.skipped),
            "rejected": dict(self.rejected),
            "events": self.events,
            "elapsed_s": round(self.elapsed, 3),
            "interrupted": self.interrupted,
        }

    def line(self) -> str:
        def by_reason(counts: Counter[str]) -> str:
            total = sum(counts.values())
            if not total:
                return "0"
            return f"{total} (" + ", ".join(f"{k}: {v}" for k, v in sorted(counts.items())) + ")"

        minutes, seconds = divmod(self.elapsed, 60)
        return (
            f"ingested {self.ingested} ({self.versions} new versions), unchanged {self.unchanged}, "
            f"skipped {by_reason(self.skipped)}, rejected {by_reason(self.rejected)}, "
            f"events written {self.events}, elapsed {int(minutes)}m{seconds:04.1f}s"
            + (" (interrupted: the last batch was committed)" if self.interrupted else "")
        )


def code_version() -> str:
    from eventwire import __version__

    return __version__


def ingest(
    specs: Sequence[str],
    store: Store,
    pipeline: Pipeline,
    *,
    fetcher: Fetcher | None = None,
    skip_known_urls: bool = False,
    report: ReportFunc | None = None,
    progress: Progress | None = None,
    should_stop: Callable[[], bool] | None = None,
    command: str = "ingest",
    items: Iterable[SourceItem] | None = None,
) -> IngestSummary:
    """Ingest ``specs`` (paths, URLs, ``-``) into ``store``; one line per bad input goes to ``report``.

    ``skip_known_urls`` skips URLs the store already holds without fetching them (the watcher's mode).
    ``should_stop`` is asked between batches; when it says yes, the run ends after the batch in flight is
    committed. ``items`` replaces reading ``specs`` (for callers that produce inputs themselves).
    """
    config = pipeline.resources.config
    version = code_version()
    run_id = store.start_run(command, version, {"specs": list(specs), **config.to_json()})
    summary = IngestSummary()
    started = time.perf_counter()
    if items is None:
        items = iter_inputs(
            specs,
            fetcher=fetcher,
            max_bytes=config.max_input_bytes,
            known_url=store.known_url if skip_known_urls else None,
        )
    try:
        for chunk in _batches(iter(items), config.batch_size):
            _ingest_batch(chunk, store, pipeline, run_id, version, summary, report)
            if progress is not None:
                progress.advance(len(chunk), summary.events)
            if should_stop is not None and should_stop():
                summary.interrupted = True
                break
    finally:
        summary.elapsed = time.perf_counter() - started
        store.finish_run(run_id, summary.to_json())
    return summary


def _batches(items: Iterator[SourceItem], size: int) -> Iterator[list[SourceItem]]:
    while chunk := list(islice(items, size)):
        yield chunk


def _ingest_batch(
    chunk: list[SourceItem],
    store: Store,
    pipeline: Pipeline,
    run_id: str,
    version: str,
    summary: IngestSummary,
    report: ReportFunc | None,
) -> None:
    stored: list[StoredArticle] = []
    rejected: list[RejectedInput] = []
    to_code: list[Document] = []
    in_batch: set[tuple[str, str]] = set()

    def reject(origin: str, err: EventwireError) -> None:
        rejected.append(RejectedInput(origin, err.code, err.message))
        summary.rejected[err.code] += 1
        if report is not None:
            report(err.message)

    for item in chunk:
        summary.seen += 1
        if isinstance(item, Rejection):
            reject(item.origin, item.error)
            continue
        doc = _document(item)
        try:
            pipeline.run_stage("read", doc)
        except UnsupportedLanguage as err:
            stored.append(StoredArticle(_record(doc, status="skipped", skip_reason=err.reason_code)))
            continue
        except EventwireError as err:
            if not err.about_input:
                raise
            reject(item.origin, err)
            continue
        key = (_identity(doc), content_hash(doc.original))
        if key in in_batch or store.has_content(*key):
            summary.unchanged += 1
            continue
        in_batch.add(key)
        to_code.append(doc)

    def on_error(doc: Document, err: EventwireError) -> None:
        reject(doc.origin or doc.doc_id, err)

    for doc in pipeline.pipe(to_code, batch_size=len(to_code) or 1, on_error=on_error, after="read"):
        events = [e.to_json() for e in doc.events]
        stored.append(StoredArticle(_record(doc, status="coded"), events))
    result = store.write_batch(stored, rejected, run_id=run_id, code_version=version)
    for written, outcome in zip(stored, result.outcomes, strict=True):
        if outcome == "unchanged":
            summary.unchanged += 1
        elif written.article.skip_reason:
            summary.skipped[written.article.skip_reason] += 1
        else:
            summary.ingested += 1
            summary.versions += outcome == "version"
    summary.events += result.events
    summary.article_ids += result.new + result.versions


def _document(item: RawInput) -> Document:
    return Document(doc_id=item.origin, original="", raw=item, origin=item.origin, url=item.url)


def _identity(doc: Document) -> str:
    return identity_of(doc.url, doc.canonical_url, content_hash(doc.original))


def _record(doc: Document, *, status: str, skip_reason: str | None = None) -> ArticleRecord:
    return ArticleRecord(
        identity=_identity(doc),
        content_hash=content_hash(doc.original),
        origin=doc.origin or doc.doc_id,
        text=doc.original,
        status=status,
        url=doc.url,
        canonical_url=doc.canonical_url,
        title=doc.title,
        outlet=doc.outlet,
        author=doc.author,
        pub_date=doc.pub_date,
        language=doc.language,
        skip_reason=skip_reason,
    )
