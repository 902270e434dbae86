"""The event store: one embedded DuckDB file holding articles, their events, rejected inputs and runs.

Identity and versions. An article is identified by its canonical URL when one is known (else the URL it
was fetched from), otherwise by the hash of its text. Storing the same text under the same identity again
is a no-op ("unchanged"); a different text under a known URL becomes a new version that points to the one
it replaces. Event ids are derived from the article id, the code version and the event's own spans, so a
re-run of the same code version gives the same ids.

Crash safety. Each :meth:`Store.write_batch` is one transaction: a batch's articles, events and rejected
inputs land together or not at all, and a re-run skips what is already stored. Every query is
parameterised; no text from an article or an input ever becomes SQL.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import threading
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from eventwire.errors import StoreError, StoreLocked, StoreVersionError
from eventwire.store.schema import MIGRATIONS, TERM_PATTERN, Migration

DEFAULT_DB = "eventwire.duckdb"
"""The store a command uses when ``--db`` is not given (in the working directory)."""


@dataclass(frozen=True)
class ArticleRecord:
    """What the store keeps of one article (its events travel beside it in a :class:`StoredArticle`)."""

    identity: str
    content_hash: str
    origin: str
    text: str
    status: str  # "coded" or "skipped"
    url: str | None = None
    canonical_url: str | None = None
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    pub_date: dt.date | None = None
    language: str | None = None
    skip_reason: str | None = None


@dataclass(frozen=True)
class StoredArticle:
    article: ArticleRecord
    events: Sequence[dict[str, Any]] = ()  # event records (Event.to_json()), offsets into article.text


@dataclass(frozen=True)
class RejectedInput:
    origin: str
    reason_code: str
    message: str


@dataclass
class BatchResult:
    new: list[str] = field(default_factory=list)  # article ids written (first versions)
    versions: list[str] = field(default_factory=list)  # article ids written as new versions
    unchanged: int = 0
    outcomes: list[str] = field(default_factory=list)  # per article given: "new", "version" or "unchanged"
    events: int = 0
    rejected: int = 0


def identity_of(url: str | None, canonical_url: str | None, content_hash: str) -> str:
    """The key that says 'same article': canonical URL, else URL, else the text's hash."""
    return canonical_url or url or f"sha256:{content_hash}"


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def article_id_of(identity: str, text_hash: str) -> str:
    return "a" + hashlib.sha256(f"{identity}\n{text_hash}".encode()).hexdigest()[:19]


def event_ids(article_id: str, code_version: str, records: Sequence[dict[str, Any]]) -> list[str]:
    """Stable ids: the same article, code version and event spans give the same id on every run."""
    ids: list[str] = []
    seen: dict[str, int] = {}
    for rec in records:
        src, tgt = rec.get("source") or {}, rec.get("target") or {}
        key = "|".join(
            str(x)
            for x in (
                article_id,
                code_version,
                rec["cameo"],
                rec["trigger"]["start"],
                rec["trigger"]["end"],
                rec["evidence"]["start"],
                src.get("start"),
                tgt.get("start"),
            )
        )
        base = "e" + hashlib.sha256(key.encode()).hexdigest()[:19]
        n = seen.get(base, 0)
        seen[base] = n + 1
        ids.append(base if n == 0 else f"{base}-{n}")
    return ids


def date_range(value: str | None) -> tuple[dt.date | None, dt.date | None]:
    """First and last day of an event date value (YYYY, YYYY-MM, YYYY-MM-DD); yearless dates give none."""
    if not value or value.startswith("--"):
        return None, None
    parts = value.split("-")
    try:
        if len(parts) == 1:
            year = int(parts[0])
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        if len(parts) == 2:
            year, month = int(parts[0]), int(parts[1])
            first = dt.date(year, month, 1)
            nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
            return first, nxt - dt.timedelta(days=1)
        day = dt.date.fromisoformat(value)
        return day, day
    except ValueError:
        return None, None


class Store:
    """An open store. Use :meth:`open` (a context manager closes it).

    Threads. A DuckDB connection must not be used by two threads at once: a thread other than the opener
    works on its own :meth:`view` (a cursor on the same database, sharing this store's write lock, so that
    batches from several threads are written one after another).
    """

    def __init__(
        self,
        con: duckdb.DuckDBPyConnection,
        path: str,
        read_only: bool,
        write_lock: threading.RLock | None = None,
    ) -> None:
        self.con = con
        self.path = path
        self.read_only = read_only
        self.write_lock = write_lock or threading.RLock()

    def view(self) -> Store:
        """A handle for another thread: its own cursor on the same database; close it when done."""
        return Store(self.con.cursor(), self.path, self.read_only, self.write_lock)

    # --- opening ------------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: str | Path = DEFAULT_DB,
        *,
        read_only: bool = False,
        migrations: Sequence[Migration] = MIGRATIONS,
    ) -> Store:
        name = str(path)
        if read_only and not Path(name).exists():
            raise StoreError(name, "no such store", "create it with `eventwire ingest ... --db FILE`")
        try:
            con = duckdb.connect(name, read_only=read_only)
        except duckdb.IOException as exc:
            if "lock" in str(exc).lower():
                raise StoreLocked(
                    name,
                    "another eventwire process has this store open (DuckDB lets one process write, "
                    "and no other process open the file meanwhile)",
                    "wait for it to finish or stop it; to browse a store while it grows, run "
                    "`eventwire serve --watch SOURCE...` as its only writer",
                ) from exc
            raise StoreError(
                name, f"cannot open the store ({exc})", "check the path and permissions"
            ) from exc
        except duckdb.Error as exc:
            raise StoreError(
                name, f"not a readable DuckDB store ({exc})", "give an eventwire .duckdb file or a new path"
            ) from exc
        store = cls(con, name, read_only)
        try:
            store._migrate(migrations)
        except BaseException:
            con.close()
            raise
        return store

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def schema_version(self) -> int:
        has_meta = self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'"
        ).fetchone()
        if not has_meta or not has_meta[0]:
            return 0
        row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if row is None:
            return 0
        try:
            return int(row[0])
        except ValueError as exc:
            raise StoreVersionError(self.path, f"unreadable schema version {row[0]!r}", "") from exc

    def _migrate(self, migrations: Sequence[Migration]) -> None:
        current = self.schema_version()
        latest = migrations[-1].version if migrations else 0
        if current > latest:
            raise StoreVersionError(
                self.path,
                f"the store has schema version {current}, newer than this eventwire knows ({latest})",
                "upgrade eventwire to read it",
            )
        pending = [m for m in migrations if m.version > current]
        if pending and self.read_only:
            raise StoreVersionError(
                self.path,
                f"the store has schema version {current} and needs migrating to {latest}",
                "open it once for writing (e.g. `eventwire ingest --db FILE` with no input) to migrate it",
            )
        for migration in pending:
            self.con.execute("BEGIN TRANSACTION")
            try:
                for statement in migration.statements:
                    self.con.execute(statement)
                self.con.execute(
                    "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(migration.version)]
                )
                self.con.execute("COMMIT")
            except duckdb.Error as exc:
                self.con.execute("ROLLBACK")
                raise StoreError(
                    self.path,
                    f"migration to schema version {migration.version} failed ({exc})",
                    "restore the store from a copy and report this",
                ) from exc

    # --- runs ---------------------------------------------------------------------------------

    def start_run(self, command: str, code_version: str, config: dict[str, Any]) -> str:
        run_id = uuid.uuid4().hex[:16]
        self.con.execute(
            "INSERT INTO runs (run_id, started_at, code_version, command, config) VALUES (?, ?, ?, ?, ?)",
            [run_id, _now(), code_version, command, json.dumps(config, default=str)],
        )
        return run_id

    def finish_run(self, run_id: str, summary: dict[str, Any]) -> None:
        self.con.execute(
            "UPDATE runs SET finished_at = ?, summary = ? WHERE run_id = ?",
            [_now(), json.dumps(summary, default=str), run_id],
        )

    # --- lookups ------------------------------------------------------------------------------

    def has_content(self, identity: str, text_hash: str) -> bool:
        row = self.con.execute(
            "SELECT 1 FROM articles WHERE identity = ? AND content_hash = ? LIMIT 1", [identity, text_hash]
        ).fetchone()
        return row is not None

    def known_url(self, url: str) -> bool:
        row = self.con.execute(
            "SELECT 1 FROM articles WHERE url = ? OR canonical_url = ? LIMIT 1", [url, url]
        ).fetchone()
        return row is not None

    # --- writing ------------------------------------------------------------------------------

    def write_batch(
        self,
        articles: Sequence[StoredArticle],
        rejected: Sequence[RejectedInput],
        *,
        run_id: str,
        code_version: str,
    ) -> BatchResult:
        """Write a batch in one transaction; an article already stored with the same text is skipped."""
        if self.read_only:
            raise StoreError(self.path, "the store is open read-only", "open it for writing")
        result = BatchResult()
        now = _now()
        with self.write_lock:
            self.con.execute("BEGIN TRANSACTION")
            try:
                for item in articles:
                    self._write_article(item, run_id, code_version, now, result)
                for rej in rejected:
                    self.con.execute(
                        """INSERT INTO rejected VALUES (?, ?, ?, ?, ?, ?)
                           ON CONFLICT (origin, reason_code) DO UPDATE
                           SET message = excluded.message, last_seen = excluded.last_seen,
                               run_id = excluded.run_id""",
                        [rej.origin, rej.reason_code, rej.message, now, now, run_id],
                    )
                    result.rejected += 1
                self.con.execute("COMMIT")
            except BaseException:
                self.con.execute("ROLLBACK")
                raise
        return result

    def _write_article(
        self, item: StoredArticle, run_id: str, code_version: str, now: dt.datetime, result: BatchResult
    ) -> None:
        art = item.article
        if self.has_content(art.identity, art.content_hash):
            result.unchanged += 1
            result.outcomes.append("unchanged")
            return
        latest = self.con.execute(
            "SELECT article_id, version FROM articles WHERE identity = ? ORDER BY version DESC LIMIT 1",
            [art.identity],
        ).fetchone()
        previous_id, version = (latest[0], latest[1] + 1) if latest else (None, 1)
        article_id = article_id_of(art.identity, art.content_hash)
        self.con.execute(
            """INSERT INTO articles (article_id, identity, version, previous_id, content_hash, origin, url,
                   canonical_url, title, outlet, author, pub_date, language, status, skip_reason, text,
                   code_version, run_id, ingested_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            [
                article_id, art.identity, version, previous_id, art.content_hash, art.origin, art.url,
                art.canonical_url, art.title, art.outlet, art.author, art.pub_date, art.language,
                art.status, art.skip_reason, art.text, code_version, run_id, now,
            ],
        )  # fmt: skip
        self._index_terms(article_id, f"{art.title or ''} {art.text}")
        if previous_id:
            self.con.execute("UPDATE events SET latest = false WHERE article_id = ?", [previous_id])
        (result.versions if previous_id else result.new).append(article_id)
        result.outcomes.append("version" if previous_id else "new")
        ids = event_ids(article_id, code_version, item.events)
        rows = [
            self._event_row(rec, eid, article_id, art.pub_date)
            for rec, eid in zip(item.events, ids, strict=True)
        ]
        if rows:
            self.con.executemany(
                f"INSERT INTO events VALUES ({', '.join('?' * len(rows[0]))})",
                rows,
            )
        result.events += len(rows)

    def _index_terms(self, article_id: str, text: str) -> None:
        """Add an article to the full-text index (tokenised in SQL with the index's own pattern)."""
        self.con.execute(
            f"""INSERT INTO article_terms
                SELECT ?, term, count(*) FROM (
                    SELECT unnest(regexp_extract_all(lower(?), '{TERM_PATTERN}')) AS term
                ) GROUP BY term""",
            [article_id, text],
        )
        self.con.execute(
            f"INSERT INTO article_lengths VALUES (?, len(regexp_extract_all(lower(?), '{TERM_PATTERN}')))",
            [article_id, text],
        )

    @staticmethod
    def _event_row(
        rec: dict[str, Any], event_id: str, article_id: str, pub_date: dt.date | None
    ) -> list[Any]:
        rec = {**rec, "id": event_id, "doc": article_id}
        src, tgt, loc = rec.get("source") or {}, rec.get("target") or {}, rec.get("location") or {}
        start, end = date_range(rec.get("date"))
        if start is None and pub_date is not None:
            start = end = pub_date  # undated event: the day the article reports it
        ev = rec["evidence"]
        return [
            event_id, article_id, rec["cameo"], rec["cameo"][:2], rec.get("plover"), rec.get("goldstein"),
            rec.get("quad_class"),
            src.get("country"), src.get("type"), src.get("name"), src.get("text"),
            tgt.get("country"), tgt.get("type"), tgt.get("name"), tgt.get("text"),
            rec.get("date"), rec.get("date_precision"), start, end, rec["status"],
            loc.get("name"), loc.get("country"), loc.get("lat"), loc.get("lon"),
            ev["start"], ev["end"], ev["text"], rec.get("confidence", 0.0),
            json.dumps(rec, ensure_ascii=False), True, *_other_places(rec),
        ]  # fmt: skip

    # --- reading ------------------------------------------------------------------------------

    def count(self, table: str) -> int:
        if table not in {"articles", "events", "rejected", "runs"}:
            raise StoreError(self.path, f"no table {table!r}", "ask for articles, events, rejected or runs")
        row = self.con.execute(f"SELECT count(*) FROM {table}").fetchone()
        return int(row[0]) if row else 0

    def rows(self, sql: str, params: Sequence[Any] = ()) -> Iterator[dict[str, Any]]:
        """Rows of a parameterised query as dicts (``sql`` is ours; values always go in ``params``)."""
        cur = self.con.execute(sql, list(params))
        names = [d[0] for d in cur.description or ()]
        while True:
            chunk = cur.fetchmany(1000)
            if not chunk:
                return
            for row in chunk:
                yield dict(zip(names, row, strict=True))


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _other_places(rec: dict[str, Any]) -> tuple[str | None, str | None]:
    """The ``other_countries`` and ``other_names`` columns (schema 4): the ISO3 codes of the places listed
    with the event's location, joined by spaces, and their names and texts, lower-cased, one per line; None
    (SQL NULL) when it has none."""
    others = [o for o in rec.get("other_locations") or () if isinstance(o, dict)]
    countries = " ".join(dict.fromkeys(str(o["country"]) for o in others if o.get("country")))
    names = "\n".join(str(o[k]).lower() for k in ("name", "text") for o in others if o.get(k))
    return countries or None, names or None
