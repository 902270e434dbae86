"""Articles: full-text search (BM25 over the store's own term index) and filters by outlet and date.

DuckDB's ``fts`` extension is not in its wheel and is downloaded on first use, which cannot happen
offline; the store instead keeps its own index (``article_terms``, ``article_lengths``: see
``store/schema.py``), filled in SQL as articles are written, and ranks with Okapi BM25. A query is a set
of words (all must occur) and optional "quoted phrases" (each must occur as written, case-insensitive).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from eventwire.errors import BadOption
from eventwire.store.db import Store
from eventwire.store.schema import TERM_PATTERN

BM25_K1 = 1.2
BM25_B = 0.75
"""Okapi BM25's usual parameters (Robertson & Zaragoza 2009); not tuned on any data of ours."""

MAX_QUERY = 500
"""The longest search text accepted (characters)."""

MAX_PAGE = 1000
"""The most articles or events one page returns."""

_PHRASE = re.compile(r'"([^"]+)"')


@dataclass(frozen=True)
class ArticleQuery:
    q: str | None = None
    outlet: str | None = None  # exact outlet name, case-insensitive
    since: dt.date | None = None  # publication date from ...
    until: dt.date | None = None  # ... to
    status: str | None = None  # "coded" or "skipped"
    all_versions: bool = False

    def __post_init__(self) -> None:
        if self.q is not None and (not self.q.strip() or len(self.q) > MAX_QUERY):
            raise BadOption("q", f"the search text must be 1 to {MAX_QUERY} characters", "shorten it")
        if self.q is not None and not re.search(r"\w", self.q):
            raise BadOption("q", "the search text has no words", "search for words or a quoted phrase")
        if self.outlet is not None and len(self.outlet) > MAX_QUERY:
            raise BadOption("outlet", f"longer than {MAX_QUERY} characters", "shorten it")
        if self.status is not None and self.status not in ("coded", "skipped"):
            raise BadOption("status", f"{self.status!r} is not an article status", "use coded or skipped")
        if self.since and self.until and self.since > self.until:
            raise BadOption("since/until", "since is after until", "swap them")


def check_page(limit: int, offset: int) -> None:
    if not 1 <= limit <= MAX_PAGE:
        raise BadOption("limit", f"{limit} is outside 1..{MAX_PAGE}", "page through the results")
    if offset < 0:
        raise BadOption("offset", "must not be negative", "start at 0")


def search_articles(
    store: Store, query: ArticleQuery, *, limit: int = 50, offset: int = 0
) -> tuple[int, list[dict[str, Any]]]:
    """(total, page) of articles matching ``query``: best BM25 score first when there is search text,
    else newest first. Each row has id, title, outlet, url, dates, status, version, event count, score."""
    check_page(limit, offset)
    clauses: list[str] = []
    params: list[Any] = []
    ctes = ""
    score = "NULL::DOUBLE"
    join = ""
    if query.q:
        words = _PHRASE.sub(" ", query.q)
        ctes = f"""WITH q AS (
                SELECT DISTINCT unnest(regexp_extract_all(lower(?), '{TERM_PATTERN}')) AS term
            ),
            stats AS (SELECT count(*)::DOUBLE AS n, avg(n_terms)::DOUBLE AS avglen FROM article_lengths),
            df AS (
                SELECT t.term, count(*)::DOUBLE AS df FROM article_terms t JOIN q USING (term) GROUP BY t.term
            ),
            scored AS (
                SELECT t.article_id,
                       sum(ln(1 + (stats.n - df.df + 0.5) / (df.df + 0.5))
                           * t.tf * ({BM25_K1} + 1)
                           / (t.tf + {BM25_K1} * (1 - {BM25_B} + {BM25_B} * l.n_terms / stats.avglen)))
                           AS score,
                       count(*) AS matched
                FROM article_terms t JOIN q USING (term) JOIN df USING (term)
                JOIN article_lengths l ON l.article_id = t.article_id, stats
                GROUP BY t.article_id
                HAVING count(*) = (SELECT count(*) FROM q)
            ) """
        params.append(words)
        has_words = bool(re.search(r"\w", words))
        if has_words:
            join = " JOIN scored s ON s.article_id = a.article_id"
            score = "s.score"
        for phrase in _PHRASE.findall(query.q):
            clauses.append("strpos(lower(concat_ws(' ', a.title, a.text)), lower(?)) > 0")
            params.append(phrase)
    if query.outlet:
        clauses.append("lower(a.outlet) = lower(?)")
        params.append(query.outlet)
    if query.since:
        clauses.append("a.pub_date >= ?")
        params.append(query.since)
    if query.until:
        clauses.append("a.pub_date <= ?")
        params.append(query.until)
    if query.status:
        clauses.append("a.status = ?")
        params.append(query.status)
    if not query.all_versions:
        clauses.append("NOT EXISTS (SELECT 1 FROM articles n WHERE n.previous_id = a.article_id)")
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    # the page first (ids and ranking columns only, with the total as a window count), then the wide
    # columns and event counts of just those articles
    page_sql = f"""{ctes}SELECT a.article_id, {score} AS score, count(*) OVER () AS total
              FROM articles a{join}{where}
              ORDER BY score DESC NULLS LAST, a.pub_date DESC NULLS LAST, a.ingested_at DESC, a.article_id
              LIMIT ? OFFSET ?"""
    page = list(store.rows(page_sql, [*params, limit, offset]))
    if not page:
        total = 0
        if offset:
            row = store.con.execute(f"{ctes}SELECT count(*) FROM articles a{join}{where}", params).fetchone()
            total = int(row[0]) if row else 0
        return total, []
    ids = [r["article_id"] for r in page]
    details = {
        r["article_id"]: r
        for r in store.rows(
            """SELECT a.article_id, a.title, a.outlet, a.url, a.pub_date, a.language, a.status, a.skip_reason,
                      a.version, a.ingested_at, left(a.text, 240) AS snippet
               FROM articles a WHERE a.article_id = ANY(?)""",
            [ids],
        )
    }
    counts = dict(
        store.con.execute(
            "SELECT article_id, count(*) FROM events WHERE article_id = ANY(?) GROUP BY article_id", [ids]
        ).fetchall()
    )
    rows = [
        {**details[r["article_id"]], "score": r["score"], "events": counts.get(r["article_id"], 0)}
        for r in page
    ]
    return int(page[0]["total"]), [_jsonable(r) for r in rows]


def get_article(store: Store, article_id: str) -> dict[str, Any] | None:
    """One article with its text and its event records (offsets point into ``text``)."""
    rows = list(
        store.rows(
            """SELECT article_id, identity, version, previous_id, origin, url, canonical_url, title, outlet,
                      author, pub_date, language, status, skip_reason, text, code_version, ingested_at,
                      (SELECT n.article_id FROM articles n WHERE n.previous_id = a.article_id LIMIT 1)
                          AS next_id
               FROM articles a WHERE article_id = ?""",
            [article_id],
        )
    )
    return _jsonable(rows[0]) if rows else None


def _jsonable(row: dict[str, Any]) -> dict[str, Any]:
    return {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in row.items()}
