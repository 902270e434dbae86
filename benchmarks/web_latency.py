"""API latency over a store of 1,000,000 synthetic events: p50/p95/max per query (target p95 < 100 ms).

usage:
  python benchmarks/web_latency.py [--db build/bench_1m.duckdb] [--rebuild] [--repeats 50] [--json FILE]

The store. Built in SQL, not through the pipeline (coding a million events would take hours and is not
what is measured here): ``Store.open`` creates the schema, then one ``INSERT ... SELECT FROM range(N)``
fills ``articles`` (20,000 articles, 2019-2024, a few generated sentences each; every 50th article is a
second version of the one before, so the "latest version" filter has work to do), the full-text index
(``article_terms``/``article_lengths``, with the migration's own SQL) and ``events`` (50 per article):
~60 countries with a skew (a handful carry most events), actor types, the real CAMEO table (code, root,
PLOVER, QuadClass and Goldstein consistent), the 7 statuses, exact/month/year/yearless dates, ~40% with a
located place (on one of 100 points around its country's: a geocoder puts events on gazetteer points, so
places repeat), and a JSON ``record`` shaped like ``Event.to_json()`` (~600 bytes, with evidence text).
All "random" choices are hashes of the row number, so a rebuild gives the same store. The file is kept at
``--db`` and reused when it holds the expected number of events.

The measurements. (a) HTTP: the real app in-process (``TestClient(create_app(...))`` over the store opened
read-only), i.e. routing, validation, the store query, JSON encoding: what a user of the API waits for,
minus the network. (b) direct: the same store functions without HTTP, to separate query cost from web cost.
Each query is warmed up 3 times, then run ``--repeats`` times with rotating parameters (countries,
dates, codes, boxes, words), so no single cached query flatters the figure. Wall-clock time on a shared
2-core machine: a neighbour's load shows up in p95/max, so read max with care.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

N_EVENTS = 1_000_000
N_ARTICLES = 20_000
TARGET_MS = 100.0

# ISO3, centroid lat, lon, a place name; ordered most to least frequent (the skew follows the order)
COUNTRIES: tuple[tuple[str, float, float, str], ...] = (
    ("USA", 38.9, -77.0, "Washington"), ("RUS", 55.8, 37.6, "Moscow"), ("UKR", 50.4, 30.5, "Kyiv"),
    ("ISR", 31.8, 35.2, "Jerusalem"), ("PSE", 31.5, 34.5, "Gaza"), ("CHN", 39.9, 116.4, "Beijing"),
    ("SYR", 33.5, 36.3, "Damascus"), ("MLI", 12.6, -8.0, "Bamako"), ("NGA", 9.1, 7.5, "Abuja"),
    ("IRN", 35.7, 51.4, "Tehran"), ("AFG", 34.5, 69.2, "Kabul"), ("IRQ", 33.3, 44.4, "Baghdad"),
    ("SDN", 15.6, 32.5, "Khartoum"), ("YEM", 15.4, 44.2, "Sanaa"), ("FRA", 48.9, 2.4, "Paris"),
    ("GBR", 51.5, -0.1, "London"), ("DEU", 52.5, 13.4, "Berlin"), ("TUR", 39.9, 32.9, "Ankara"),
    ("IND", 28.6, 77.2, "New Delhi"), ("PAK", 33.7, 73.1, "Islamabad"), ("BFA", 12.4, -1.5, "Ouagadougou"),
    ("NER", 13.5, 2.1, "Niamey"), ("SOM", 2.0, 45.3, "Mogadishu"), ("ETH", 9.0, 38.7, "Addis Ababa"),
    ("COD", -4.3, 15.3, "Kinshasa"), ("LBY", 32.9, 13.2, "Tripoli"), ("EGY", 30.0, 31.2, "Cairo"),
    ("SAU", 24.7, 46.7, "Riyadh"), ("LBN", 33.9, 35.5, "Beirut"), ("MMR", 19.8, 96.1, "Naypyidaw"),
    ("VEN", 10.5, -66.9, "Caracas"), ("COL", 4.7, -74.1, "Bogota"), ("MEX", 19.4, -99.1, "Mexico City"),
    ("BRA", -15.8, -47.9, "Brasilia"), ("KOR", 37.6, 127.0, "Seoul"), ("PRK", 39.0, 125.8, "Pyongyang"),
    ("JPN", 35.7, 139.7, "Tokyo"), ("TWN", 25.0, 121.5, "Taipei"), ("PHL", 14.6, 121.0, "Manila"),
    ("IDN", -6.2, 106.8, "Jakarta"), ("KEN", -1.3, 36.8, "Nairobi"), ("ZAF", -25.7, 28.2, "Pretoria"),
    ("CMR", 3.9, 11.5, "Yaounde"), ("TCD", 12.1, 15.0, "N'Djamena"), ("CAF", 4.4, 18.6, "Bangui"),
    ("MOZ", -25.9, 32.6, "Maputo"), ("SSD", 4.9, 31.6, "Juba"), ("HTI", 18.5, -72.3, "Port-au-Prince"),
    ("ARM", 40.2, 44.5, "Yerevan"), ("AZE", 40.4, 49.9, "Baku"), ("GEO", 41.7, 44.8, "Tbilisi"),
    ("BLR", 53.9, 27.6, "Minsk"), ("POL", 52.2, 21.0, "Warsaw"), ("ITA", 41.9, 12.5, "Rome"),
    ("ESP", 40.4, -3.7, "Madrid"), ("CAN", 45.4, -75.7, "Ottawa"), ("AUS", -35.3, 149.1, "Canberra"),
    ("QAT", 25.3, 51.5, "Doha"), ("IGO", 40.7, -74.0, "New York"), ("NGO", 46.2, 6.1, "Geneva"),
)  # fmt: skip

ACTOR_TYPES = (
    "GOV",
    "GOV",
    "GOV",
    "MIL",
    "MIL",
    "REB",
    "CVL",
    "CVL",
    "PMC",
    "COP",
    "JUD",
    "OPP",
    "MED",
    "BUS",
)
ROLE_WORDS = {
    "GOV": "government", "MIL": "army", "REB": "rebels", "CVL": "civilians", "PMC": "contractors",
    "COP": "police", "JUD": "court", "OPP": "opposition", "MED": "journalists", "BUS": "company",
}  # fmt: skip
PEOPLE = (
    "Amara Diallo", "Viktor Petrenko", "Sofia Marquez", "Hassan Al-Amin", "Li Wei", "Grace Okafor",
    "Jean Dupont", "Anna Kowalska", "Omar Haddad", "Maria Rossi", "Kenji Sato", "Fatima Bello",
    "Ivan Sokolov", "Aisha Mohammed", "Carlos Mendes", "Nadia Karimi", "David Cohen", "Elena Popescu",
    "Samuel Mensah", "Yusuf Demir",
)  # fmt: skip
OUTLETS = ("Reuters", "AP", "AFP", "BBC", "Al Jazeera", "The Guardian", "Le Monde", "DW", "RFI", "Xinhua")
STATUS_WEIGHTS = (
    ("asserted", 55), ("reported", 25), ("alleged", 7), ("planned", 5), ("requested", 3),
    ("hypothetical", 3), ("denied", 2),
)  # fmt: skip
NOUNS = (
    "ceasefire", "talks", "border", "election", "protest", "sanctions", "aid", "refugees", "troops",
    "militants", "convoy", "summit", "treaty", "strike", "drone", "village", "parliament", "minister",
    "agreement", "negotiations", "attack", "embassy", "pipeline", "harbour", "checkpoint", "curfew",
    "hostages", "negotiators", "peacekeepers", "demonstrators",
)  # fmt: skip
VERBS = (
    "condemned", "welcomed", "attacked", "discussed", "rejected", "announced", "demanded", "signed",
    "accused", "praised", "threatened", "met", "supported", "blocked", "investigated", "released",
)  # fmt: skip


def uniform(expr: str, salt: int) -> str:
    """A deterministic pseudo-random number in [0, 1) from an integer SQL expression."""
    return f"((hash({expr} * 1000003 + {salt}) % 1000000) / 1000000.0)"


def pick(items: tuple[str, ...], expr: str, salt: int) -> str:
    """A SQL expression choosing one of ``items`` uniformly from ``expr``."""
    lst = "[" + ", ".join("'" + s.replace("'", "''") + "'" for s in items) + "]"
    return f"{lst}[1 + (hash({expr} * 7919 + {salt}) % {len(items)})::INTEGER]"


def sentence(expr: str, salt: int) -> str:
    """A SQL expression building one news-like sentence."""
    places = tuple(c[3] for c in COUNTRIES)
    parts = [
        "'The '", pick(NOUNS, expr, salt), "' in '", pick(places, expr, salt + 1), "' was '",
        pick(VERBS, expr, salt + 2), "' by the '", pick(NOUNS, expr, salt + 3), "' after '",
        pick(PEOPLE, expr, salt + 4), "' '", pick(VERBS, expr, salt + 5), "' the '",
        pick(NOUNS, expr, salt + 6), "' near the '", pick(NOUNS, expr, salt + 7), "'.'",
    ]  # fmt: skip
    return "concat(" + ", ".join(parts) + ")"


def build_store(path: Path) -> dict[str, Any]:
    import duckdb

    from eventwire.knowledge.cameo import default_cameo_table
    from eventwire.store import Store
    from eventwire.store.schema import INDEX_ALL_LENGTHS, INDEX_ALL_TERMS

    path.parent.mkdir(parents=True, exist_ok=True)
    for p in (path, Path(str(path) + ".wal")):
        p.unlink(missing_ok=True)
    t0 = time.perf_counter()
    store = Store.open(path)
    con = store.con
    table = default_cameo_table()
    codes = [table.get(c) for c in table.codes()]
    con.execute(
        "CREATE TEMP TABLE bench_codes (idx INTEGER, code VARCHAR, root VARCHAR, plover VARCHAR, "
        "goldstein DOUBLE, quad INTEGER, name VARCHAR)"
    )
    con.executemany(
        "INSERT INTO bench_codes VALUES (?, ?, ?, ?, ?, ?, ?)",
        [[i, c.code, c.root, c.plover, c.goldstein, c.quad_class, c.name] for i, c in enumerate(codes)],
    )
    con.execute(
        "CREATE TEMP TABLE bench_countries (idx INTEGER, iso3 VARCHAR, lat DOUBLE, lon DOUBLE, place VARCHAR)"
    )
    con.executemany(
        "INSERT INTO bench_countries VALUES (?, ?, ?, ?, ?)",
        [[i, *c] for i, c in enumerate(COUNTRIES)],
    )
    cum, statuses = 0, []
    for name, weight in STATUS_WEIGHTS:
        cum += weight
        statuses.append((name, cum))
    status_sql = "CASE " + " ".join(f"WHEN s100 < {c} THEN '{n}'" for n, c in statuses) + " END"
    n_countries = len(COUNTRIES)

    # --- articles (every 50th is version 2 of the one before; 1% have no publication date) ---
    text = "concat_ws(' ', " + ", ".join(sentence("n", 100 + 10 * k) for k in range(6)) + ")"
    con.execute(
        f"""CREATE TEMP TABLE bench_articles AS
        SELECT n, 'a' || left(md5('art' || n), 19) AS article_id,
               CASE WHEN n % 50 = 49 THEN n - 1 ELSE n END AS ident_n,
               CASE WHEN n % 50 = 49 THEN 2 ELSE 1 END AS version,
               CASE WHEN n % 100 = 7 THEN NULL
                    ELSE DATE '2019-01-01' + (hash(n * 31 + 5) % 2192)::INTEGER END AS pub_date,
               {pick(OUTLETS, "n", 11)} AS outlet,
               concat({pick(NOUNS, "n", 12)}, ': ', {pick(PEOPLE, "n", 13)}, ' ', {pick(VERBS, "n", 14)},
                      ' ', {pick(NOUNS, "n", 15)}) AS title,
               {text} AS text
        FROM range({N_ARTICLES}) r(n)"""
    )
    con.execute("BEGIN TRANSACTION")
    con.execute(
        """INSERT INTO articles
        SELECT b.article_id, 'https://bench.invalid/' || b.ident_n AS identity, b.version,
               CASE WHEN b.version = 2 THEN 'a' || left(md5('art' || (b.n - 1)), 19) END,
               md5(b.text), 'https://bench.invalid/' || b.ident_n, 'https://bench.invalid/' || b.ident_n,
               NULL, b.title, b.outlet, NULL, b.pub_date, 'en', 'coded', NULL, b.text, 'bench',
               'bench', TIMESTAMP '2025-01-01 00:00:00' + to_seconds(b.n)
        FROM bench_articles b"""
    )
    # the full-text index, with the SQL of migration 2
    con.execute(INDEX_ALL_TERMS)
    con.execute(INDEX_ALL_LENGTHS)
    con.execute("COMMIT")
    t_articles = time.perf_counter() - t0

    # --- events ---
    def country(salt: int) -> str:  # skewed: index = floor(n * u^2.2)
        return f"least({n_countries - 1}, floor({n_countries} * pow({uniform('i', salt)}, 2.2)))::INTEGER"

    code_sql = f"least({len(codes) - 1}, floor({len(codes)} * pow({uniform('i', 3)}, 1.3)))::INTEGER"

    def role(salt: int) -> str:
        return pick(tuple(ROLE_WORDS.values()), "base.i", salt)

    con.execute("BEGIN TRANSACTION")
    con.execute(
        f"""INSERT INTO events
        WITH base AS (
            SELECT i, i // 50 AS n,
                   {country(1)} AS sc_i, {country(2)} AS tc_i,
                   {code_sql} AS code_i,
                   (hash(i * 17 + 4) % 100)::INTEGER AS s100,
                   (hash(i * 13 + 5) % 100)::INTEGER AS d100,
                   (hash(i * 19 + 6) % 100)::INTEGER AS has100,
                   {pick(ACTOR_TYPES, "i", 7)} AS st, {pick(ACTOR_TYPES, "i", 8)} AS tt,
                   {pick(PEOPLE, "i", 9)} AS person,
                   {uniform("i", 10)} AS jitter1, {uniform("i", 11)} AS jitter2,
                   {sentence("i", 200)} AS evidence,
                   ((hash(i * 23 + 12) % 40) * 60)::INTEGER AS ev_start
            FROM range({N_EVENTS}) r(i)
        ), e AS (
            SELECT base.*, a.article_id, a.pub_date,
                   c.code, c.root, c.plover, c.goldstein, c.quad,
                   CASE WHEN has100 < 90 THEN sc.iso3 END AS sc,
                   CASE WHEN has100 < 90 THEN st END AS st2,
                   CASE WHEN has100 < 90 AND has100 % 5 = 0 THEN person END AS sname,
                   CASE WHEN has100 < 90 THEN
                        CASE WHEN has100 % 5 = 0 THEN person ELSE sc.place || ' ' || {role(14)} END
                   END AS stext,
                   CASE WHEN (has100 * 7) % 100 < 75 THEN tc.iso3 END AS tc,
                   CASE WHEN (has100 * 7) % 100 < 75 THEN tt END AS tt2,
                   CASE WHEN (has100 * 7) % 100 < 75 THEN tc.place || ' ' || {role(15)} END AS ttext,
                   CASE WHEN a.pub_date IS NULL THEN NULL
                        WHEN d100 < 70 THEN strftime(a.pub_date - (d100 % 3), '%Y-%m-%d')
                        WHEN d100 < 85 THEN strftime(a.pub_date, '%Y-%m')
                        WHEN d100 < 90 THEN strftime(a.pub_date, '%Y')
                        WHEN d100 < 95 THEN strftime(a.pub_date, '--%m-%d')
                   END AS date,
                   CASE WHEN has100 % 10 < 4 THEN loc.place END AS loc_name,
                   CASE WHEN has100 % 10 < 4 THEN loc.iso3 END AS loc_country,
                   -- one located event in ten lists a second place with its location ("in X and Y")
                   CASE WHEN has100 % 10 < 4 AND s100 % 10 = 0 THEN tc.iso3 END AS other_country,
                   CASE WHEN has100 % 10 < 4 AND s100 % 10 = 0 THEN tc.place END AS other_name,
                   -- a geocoder puts events on gazetteer points: 10 x 10 places around each country's point
                   CASE WHEN has100 % 10 < 4 THEN round(loc.lat + 0.4 * floor(10 * jitter1) - 2, 4) END lat,
                   CASE WHEN has100 % 10 < 4 THEN round(loc.lon + 0.4 * floor(10 * jitter2) - 2, 4) END lon,
                   'e' || left(md5('ev' || i), 19) AS event_id,
                   {status_sql} AS status,
                   round(0.3 + 0.7 * jitter1, 3) AS confidence
            FROM base
            JOIN bench_articles a ON a.n = base.n
            JOIN bench_codes c ON c.idx = base.code_i
            JOIN bench_countries sc ON sc.idx = base.sc_i
            JOIN bench_countries tc ON tc.idx = base.tc_i
            JOIN bench_countries loc ON loc.idx = CASE WHEN base.d100 < 60 THEN base.sc_i ELSE base.tc_i END
        ), d AS (
            SELECT e.*,
                   CASE WHEN date IS NULL OR starts_with(date, '--') THEN pub_date
                        WHEN length(date) = 4 THEN make_date(date::INTEGER, 1, 1)
                        WHEN length(date) = 7 THEN strptime(date || '-01', '%Y-%m-%d')::DATE
                        ELSE date::DATE END AS date_start,
                   CASE WHEN date IS NULL OR starts_with(date, '--') THEN pub_date
                        WHEN length(date) = 4 THEN make_date(date::INTEGER, 12, 31)
                        WHEN length(date) = 7 THEN last_day(strptime(date || '-01', '%Y-%m-%d')::DATE)
                        ELSE date::DATE END AS date_end,
                   CASE WHEN date IS NULL THEN NULL WHEN starts_with(date, '--') THEN 'day'
                        WHEN length(date) = 4 THEN 'year' WHEN length(date) = 7 THEN 'month'
                        ELSE 'day' END AS date_precision
            FROM e
        )
        SELECT event_id, article_id, code, root, plover, goldstein, quad,
               sc, st2, sname, stext, tc, tt2, NULL, ttext,
               date, date_precision, date_start, date_end, status,
               loc_name, loc_country, lat, lon,
               ev_start, ev_start + length(evidence), evidence, confidence,
               json_object(
                   'id', event_id, 'doc', article_id, 'cameo', code, 'cameo_root', root,
                   'plover', plover, 'goldstein', goldstein, 'quad_class', quad,
                   'source', CASE WHEN stext IS NOT NULL THEN json_object(
                       'text', stext, 'name', sname, 'country', sc, 'type', st2,
                       'start', ev_start + 40, 'end', ev_start + 40 + length(stext)) END,
                   'target', CASE WHEN ttext IS NOT NULL THEN json_object(
                       'text', ttext, 'name', NULL, 'country', tc, 'type', tt2,
                       'start', ev_start + 4, 'end', ev_start + 4 + length(ttext)) END,
                   'date', date, 'date_precision', date_precision, 'date_span', NULL,
                   'location', CASE WHEN loc_name IS NOT NULL THEN json_object(
                       'text', loc_name, 'name', loc_name, 'country', loc_country, 'lat', lat, 'lon', lon,
                       'start', ev_start + 10, 'end', ev_start + 10 + length(loc_name)) END,
                   'status', status, 'attributed_to', NULL, 'quantities', '[]'::JSON,
                   'evidence', json_object('text', evidence, 'start', ev_start,
                                           'end', ev_start + length(evidence)),
                   'trigger', json_object('text', 'was', 'start', ev_start + 20, 'end', ev_start + 23),
                   'other_locations', CASE WHEN other_name IS NOT NULL THEN json_array(json_object(
                       'text', other_name, 'name', other_name, 'country', other_country, 'lat', NULL,
                       'lon', NULL, 'start', ev_start + 30, 'end', ev_start + 30 + length(other_name)))
                       ELSE '[]'::JSON END,
                   'other_mentions', '[]'::JSON, 'confidence', confidence, 'rule', 'bench:' || code
               ),
               true AS latest,
               other_country AS other_countries,
               lower(other_name) || chr(10) || lower(other_name) AS other_names
        FROM d"""
    )
    # as Store.write_batch does when a new version arrives: its old version's events are no longer latest
    con.execute(
        """UPDATE events SET latest = false
           WHERE article_id IN (SELECT previous_id FROM articles WHERE previous_id IS NOT NULL)"""
    )
    con.execute("COMMIT")
    con.execute("CHECKPOINT")
    n_events = store.count("events")
    avg_record = con.execute("SELECT avg(strlen(record::VARCHAR)) FROM events").fetchone()
    store.close()
    del duckdb
    return {
        "build_seconds": round(time.perf_counter() - t0, 1),
        "articles_seconds": round(t_articles, 1),
        "events": n_events,
        "articles": N_ARTICLES,
        "avg_record_bytes": round(float(avg_record[0]) if avg_record else 0.0),
    }


def store_ready(path: Path) -> bool:
    if not path.exists():
        return False
    from eventwire.store import Store

    try:
        with Store.open(path, read_only=True) as store:
            return store.count("events") == N_EVENTS and store.count("articles") == N_ARTICLES
    except Exception:  # noqa: BLE001 - an unreadable cache is rebuilt
        return False


# --- the queries -----------------------------------------------------------------------------------

TOP = [c[0] for c in COUNTRIES[:20]]
PAIRS = [("RUS", "UKR"), ("ISR", "PSE"), ("USA", "CHN"), ("MLI", "FRA"), ("USA", "IRN"), ("SYR", "TUR"),
         ("NGA", "NER"), ("IND", "PAK"), ("SDN", "ETH"), ("USA", "RUS")]  # fmt: skip
ROOTS = [f"{r:02d}" for r in range(1, 21)]
BOXES = [(-18, 4, 25, 25), (25, 40, 45, 56), (30, 28, 40, 36), (60, 20, 80, 40), (-80, 0, -60, 15),
         (100, -10, 130, 20), (-10, 35, 20, 55), (20, -30, 40, -10)]  # fmt: skip
NAMES = ["diallo", "army", "petrenko", "police", "rebels", "okafor", "government", "sato"]
PLACES = ["SYR", "kabul", "MLI", "gaza", "UKR", "bamako", "NGA", "tripoli"]
WORDS = [("ceasefire", "talks"), ("sanctions", "minister"), ("drone", "attack"), ("refugees", "border"),
         ("treaty", "summit"), ("hostages", "negotiators"), ("protest", "curfew"),
         ("convoy", "aid")]  # fmt: skip
YEARS = [2019, 2020, 2021, 2022, 2023, 2024]


def year_range(k: int, months: int = 3) -> tuple[dt.date, dt.date]:
    start = dt.date(YEARS[k % len(YEARS)], 1 + (k * 5) % 10, 1)
    month = start.month - 1 + months
    end = dt.date(start.year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return start, end


# name -> function(k) giving (query-string params, endpoint, direct call kind)
def query_specs() -> list[tuple[str, str, Callable[[int], dict[str, Any]]]]:
    return [
        ("events page, unfiltered", "/api/events", lambda k: {"limit": 100, "offset": (k % 5) * 100}),
        ("events by actor country", "/api/events", lambda k: {"actor": TOP[k % len(TOP)], "limit": 100}),
        (
            "events by actor+partner",
            "/api/events",
            lambda k: {"actor": PAIRS[k % len(PAIRS)][0], "partner": PAIRS[k % len(PAIRS)][1], "limit": 100},
        ),
        (
            "events by cameo root + 3 months",
            "/api/events",
            lambda k: {
                "cameo": ROOTS[k % len(ROOTS)],
                "since": year_range(k)[0].isoformat(),
                "until": year_range(k)[1].isoformat(),
                "limit": 100,
            },
        ),
        (
            "events by bbox",
            "/api/events",
            lambda k: {"bbox": ",".join(str(x) for x in BOXES[k % len(BOXES)]), "limit": 100},
        ),
        ("events by actor_name substring", "/api/events", lambda k: {"actor_name": NAMES[k % len(NAMES)]}),
        (
            "events by place (country or name)",
            "/api/events",
            lambda k: {"place": PLACES[k % len(PLACES)], "limit": 100},
        ),
        ("events deep page (offset 10,000)", "/api/events", lambda k: {"offset": 10_000 + k * 100}),
        (
            "aggregate source x month x quad",
            "/api/aggregates",
            lambda k: {"by": "quad_class", "interval": "month", "country": "source"},
        ),
        (
            "aggregate month x quad, one country",
            "/api/aggregates",
            lambda k: {"actor": TOP[k % len(TOP)], "by": "quad_class", "interval": "month"},
        ),
        (
            "aggregate plover per day, one year",
            "/api/aggregates",
            lambda k: {
                "by": "plover",
                "interval": "day",
                "country": "none",
                "since": f"{YEARS[k % len(YEARS)]}-01-01",
                "until": f"{YEARS[k % len(YEARS)]}-12-31",
            },
        ),
        (
            "actors top 100",
            "/api/actors",
            lambda k: {"limit": 100, "actor_type": ["GOV", "MIL", "REB"][k % 3]},
        ),
        ("actors top 100, unfiltered", "/api/actors", lambda k: {"limit": 100}),
        ("network, one country", "/api/network", lambda k: {"actor": TOP[k % len(TOP)]}),
        ("network, unfiltered", "/api/network", lambda k: {}),
        (
            "timeline for a pair",
            "/api/timeline",
            lambda k: {"actor": PAIRS[k % len(PAIRS)][0], "partner": PAIRS[k % len(PAIRS)][1]},
        ),
        (
            "map places, one country",
            "/api/map",
            lambda k: {"actor": TOP[k % len(TOP)]},
        ),
        ("map places, unfiltered", "/api/map", lambda k: {}),
        ("article search, two words", "/api/articles", lambda k: {"q": " ".join(WORDS[k % len(WORDS)])}),
    ]


def direct_call(store: Any, endpoint: str, params: dict[str, Any]) -> Any:
    """The store functions the endpoint calls, with the same arguments and no HTTP."""
    from eventwire.store import analytics
    from eventwire.store.query import EventFilter, count_events, query_events
    from eventwire.store.search import ArticleQuery, search_articles
    from eventwire.web.params import parse_bbox

    p = dict(params)
    if endpoint == "/api/articles":
        return search_articles(store, ArticleQuery(q=p.pop("q")), limit=50)
    limit = p.pop("limit", None)
    offset = p.pop("offset", 0)
    by, interval, country = p.pop("by", "quad_class"), p.pop("interval", "month"), p.pop("country", "source")
    for key in ("since", "until"):
        if key in p:
            p[key] = dt.date.fromisoformat(p[key])
    if "bbox" in p:
        p["bbox"] = parse_bbox(p["bbox"])
    flt = EventFilter(**p)
    if endpoint == "/api/events":
        items = list(query_events(store, flt, limit=limit or 100, offset=offset, with_article=True))
        return count_events(store, flt), items
    if endpoint == "/api/aggregates":
        return analytics.aggregate(store, flt, by=by, interval=interval, country=country)
    if endpoint == "/api/actors":
        return analytics.actors(store, flt, limit=limit or 100)
    if endpoint == "/api/network":
        return analytics.network(store, flt, limit=limit or 500).to_json()
    if endpoint == "/api/timeline":
        return analytics.timeline(store, flt, limit=limit or 500)
    if endpoint == "/api/map":
        return analytics.map_places(store, flt, limit=limit or 2000)
    raise ValueError(endpoint)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    idx = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[idx]


def time_runs(run: Callable[[int], Any], repeats: int, budget: float) -> dict[str, Any]:
    for k in range(3):
        run(10_000 + k)  # warm-up, parameters not reused below
    times: list[float] = []
    start = time.perf_counter()
    for k in range(repeats):
        t = time.perf_counter()
        run(k)
        times.append((time.perf_counter() - t) * 1000)
        if time.perf_counter() - start > budget:
            break
    return {
        "n": len(times),
        "p50_ms": round(statistics.median(times), 1),
        "p95_ms": round(percentile(times, 0.95), 1),
        "max_ms": round(max(times), 1),
    }


def measure(path: Path, repeats: int, budget: float) -> list[dict[str, Any]]:
    from fastapi.testclient import TestClient

    from eventwire.store import Store
    from eventwire.web.app import create_app
    from eventwire.web.context import ServerContext

    store = Store.open(path, read_only=True)
    client = TestClient(create_app(ServerContext(store=store)))
    results = []
    for name, endpoint, params_of in query_specs():

        def http(
            k: int, endpoint: str = endpoint, params_of: Callable[[int], dict[str, Any]] = params_of
        ) -> Any:
            resp = client.get(endpoint, params=params_of(k))
            if resp.status_code != 200:
                raise RuntimeError(f"{endpoint} {params_of(k)}: HTTP {resp.status_code} {resp.text[:300]}")
            return resp.content

        def direct(
            k: int, endpoint: str = endpoint, params_of: Callable[[int], dict[str, Any]] = params_of
        ) -> Any:
            return direct_call(store, endpoint, params_of(k))

        sample = json.loads(http(0))
        size = len(json.dumps(sample))
        total = sample.get("total")
        row = {"query": name, "endpoint": endpoint, "example": params_of(0), "response_bytes": size}
        if total is not None:
            row["total"] = total
        row["http"] = time_runs(http, repeats, budget)
        row["direct"] = time_runs(direct, repeats, budget)
        row["target_met"] = row["http"]["p95_ms"] < TARGET_MS
        results.append(row)
        h, d = row["http"], row["direct"]
        print(
            f"  {name:<38} http p50 {h['p50_ms']:>7.1f} p95 {h['p95_ms']:>7.1f}   "
            f"direct p50 {d['p50_ms']:>7.1f} p95 {d['p95_ms']:>7.1f}",
            file=sys.stderr,
            flush=True,
        )
    client.close()
    store.close()
    return results


def machine() -> dict[str, Any]:
    import duckdb

    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "duckdb": duckdb.__version__,
        "platform": platform.platform(),
        "note": "shared machine: other work runs on the same cores; wall-clock times",
    }


def print_table(figures: dict[str, Any]) -> None:
    m = figures["machine"]
    print(f"machine: {m['cpu']}, {m['cores']} cores, Python {m['python']}, DuckDB {m['duckdb']}")
    print(f"         {m['note']}")
    s = figures["store"]
    print(
        f"store:   {s['path']}: {s['events']:,} events, {s['articles']:,} articles, "
        f"{s['size_mb']} MB; {s['build']}"
    )
    print(
        f"runs:    3 warm-up + up to {figures['repeats']} timed runs per query and mode, rotating "
        "parameters, "
        f"at most {figures['budget_s']:.0f} s each (n = HTTP runs done)\n"
    )
    head = (
        f"{'query':<38} {'total':>9} | {'n':>3} {'HTTP p50':>8} {'p95':>7} {'max':>7} | "
        f"{'direct p50':>10} {'p95':>7} | p95<100ms"
    )
    print(head)
    print("-" * len(head))
    for r in figures["results"]:
        h, d = r["http"], r["direct"]
        total = f"{r['total']:,}" if "total" in r else ""
        print(
            f"{r['query']:<38} {total:>9} | {h['n']:>3} {h['p50_ms']:>8.1f} {h['p95_ms']:>7.1f} "
            f"{h['max_ms']:>7.1f} | "
            f"{d['p50_ms']:>10.1f} {d['p95_ms']:>7.1f} | {'yes' if r['target_met'] else 'NO'}"
        )
    met = sum(r["target_met"] for r in figures["results"])
    print(f"\n{met} of {len(figures['results'])} queries meet p95 < {TARGET_MS:.0f} ms over HTTP "
          "(ms; total = matching events of the first parameter set)")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", default=str(ROOT / "build" / "bench_1m.duckdb"), help="the cached store")
    parser.add_argument("--rebuild", action="store_true", help="build the store even if the cache is good")
    parser.add_argument("--repeats", type=int, default=50, help="timed runs per query (default 50)")
    parser.add_argument(
        "--budget", type=float, default=15.0, help="stop timing a query after this many seconds (default 15)"
    )
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    args = parser.parse_args()
    path = Path(args.db)
    if args.rebuild or not store_ready(path):
        print(f"building {path} ...", file=sys.stderr, flush=True)
        built = build_store(path)
        build = f"built in {built['build_seconds']} s (avg record {built['avg_record_bytes']} B)"
    else:
        built = {}
        build = "reused from cache (--rebuild to time a build)"
    size_mb = round(sum(p.stat().st_size for p in path.parent.glob(path.name + "*")) / 1e6, 1)
    figures: dict[str, Any] = {
        "machine": machine(),
        "store": {
            "path": str(path),
            "events": N_EVENTS,
            "articles": N_ARTICLES,
            "size_mb": size_mb,
            "build": build,
            **built,
        },
        "repeats": args.repeats,
        "budget_s": args.budget,
        "target_p95_ms": TARGET_MS,
    }
    print("timing ...", file=sys.stderr, flush=True)
    figures["results"] = measure(path, args.repeats, args.budget)
    print_table(figures)
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2, default=str), encoding="utf-8")


if __name__ == "__main__":
    main()
