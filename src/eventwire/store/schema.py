"""The store's tables, its schema version, and the migrations that bring an older store up to date.

A store records its schema version in ``meta``. Opening a store applies, in one transaction each, every
migration above that version; a store written by a newer eventwire is refused rather than misread. To
change the schema, append a :class:`Migration` (never edit a released one) and raise nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass

TERM_PATTERN = r"[\pL\pN]+"
"""What a search term is (DuckDB/RE2 syntax): a run of letters and digits, lower-cased. The index and the
queries tokenise with this one pattern, in SQL, so both sides always agree."""


INDEX_ALL_TERMS = f"""INSERT INTO article_terms
    SELECT article_id, term, count(*) FROM (
        SELECT article_id,
               unnest(regexp_extract_all(lower(concat_ws(' ', title, text)), '{TERM_PATTERN}')) AS term
        FROM articles
    ) GROUP BY ALL"""
INDEX_ALL_LENGTHS = """INSERT INTO article_lengths
    SELECT a.article_id, coalesce(sum(t.tf), 0) FROM articles a
    LEFT JOIN article_terms t ON t.article_id = a.article_id GROUP BY a.article_id"""
"""The full-text index of every article in the store, in SQL (migration 2 backfills with these; a bulk
load that writes ``articles`` directly, as the latency benchmark does, runs them after)."""


OTHER_COUNTRIES_SQL = (
    "nullif(array_to_string(list_distinct(list_filter("
    "json_extract_string(record, '$.other_locations[*].country'), lambda c: c IS NOT NULL)), ' '), '')"
)
OTHER_NAMES_SQL = (
    "nullif(lower(array_to_string(list_filter(list_concat("
    "json_extract_string(record, '$.other_locations[*].name'), "
    "json_extract_string(record, '$.other_locations[*].text')), lambda n: n IS NOT NULL), chr(10))), '')"
)
"""The flat place columns of migration 4, from an event's JSON record, as ``Store._event_row`` fills them:
the listed places' ISO3 codes joined by spaces, and their names and texts, lower-cased, one per line."""


@dataclass(frozen=True)
class Migration:
    version: int  # the schema version the store has after this migration
    description: str
    statements: tuple[str, ...]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "articles (versioned by URL or content hash), events, rejected inputs, runs, watch state",
        (
            """CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)""",
            """CREATE TABLE runs (
                run_id VARCHAR PRIMARY KEY,
                started_at TIMESTAMP NOT NULL,
                finished_at TIMESTAMP,
                code_version VARCHAR NOT NULL,
                command VARCHAR NOT NULL,
                config JSON NOT NULL,
                summary JSON
            )""",
            """CREATE TABLE articles (
                article_id VARCHAR PRIMARY KEY,
                identity VARCHAR NOT NULL,
                version INTEGER NOT NULL,
                previous_id VARCHAR,
                content_hash VARCHAR NOT NULL,
                origin VARCHAR NOT NULL,
                url VARCHAR,
                canonical_url VARCHAR,
                title VARCHAR,
                outlet VARCHAR,
                author VARCHAR,
                pub_date DATE,
                language VARCHAR,
                status VARCHAR NOT NULL,
                skip_reason VARCHAR,
                text VARCHAR NOT NULL,
                code_version VARCHAR NOT NULL,
                run_id VARCHAR NOT NULL,
                ingested_at TIMESTAMP NOT NULL,
                UNIQUE (identity, version),
                UNIQUE (identity, content_hash)
            )""",
            """CREATE TABLE events (
                event_id VARCHAR PRIMARY KEY,
                article_id VARCHAR NOT NULL,
                cameo VARCHAR NOT NULL,
                cameo_root VARCHAR NOT NULL,
                plover VARCHAR,
                goldstein DOUBLE,
                quad_class INTEGER,
                source_country VARCHAR,
                source_type VARCHAR,
                source_name VARCHAR,
                source_text VARCHAR,
                target_country VARCHAR,
                target_type VARCHAR,
                target_name VARCHAR,
                target_text VARCHAR,
                date VARCHAR,
                date_precision VARCHAR,
                date_start DATE,
                date_end DATE,
                status VARCHAR NOT NULL,
                location_name VARCHAR,
                location_country VARCHAR,
                lat DOUBLE,
                lon DOUBLE,
                evidence_start INTEGER NOT NULL,
                evidence_end INTEGER NOT NULL,
                evidence VARCHAR NOT NULL,
                confidence DOUBLE NOT NULL,
                record JSON NOT NULL
            )""",
            """CREATE INDEX events_article ON events (article_id)""",
            """CREATE TABLE rejected (
                origin VARCHAR NOT NULL,
                reason_code VARCHAR NOT NULL,
                message VARCHAR NOT NULL,
                first_seen TIMESTAMP NOT NULL,
                last_seen TIMESTAMP NOT NULL,
                run_id VARCHAR NOT NULL,
                PRIMARY KEY (origin, reason_code)
            )""",
            """CREATE TABLE watch_state (
                source VARCHAR PRIMARY KEY,
                last_polled TIMESTAMP NOT NULL,
                items_seen INTEGER NOT NULL  -- inputs seen by the last poll
            )""",
        ),
    ),
    Migration(
        2,
        "article_terms and article_lengths: a full-text index of titles and texts, built in SQL",
        (
            """CREATE TABLE article_terms (
                article_id VARCHAR NOT NULL,
                term VARCHAR NOT NULL,
                tf INTEGER NOT NULL
            )""",
            """CREATE TABLE article_lengths (article_id VARCHAR PRIMARY KEY, n_terms INTEGER NOT NULL)""",
            INDEX_ALL_TERMS,
            INDEX_ALL_LENGTHS,
            """CREATE INDEX article_terms_term ON article_terms (term)""",
        ),
    ),
    Migration(
        3,
        "events.latest: false once the event's article has a newer version (queries read a flag instead of "
        "joining every event with the articles that replace it)",
        (
            """ALTER TABLE events ADD COLUMN latest BOOLEAN DEFAULT true""",
            """UPDATE events SET latest = false
               WHERE article_id IN (SELECT previous_id FROM articles WHERE previous_id IS NOT NULL)""",
        ),
    ),
    Migration(
        4,
        "events.other_countries and events.other_names: the countries and the names (and texts) of the "
        "places listed with an event's location (other_locations), for the place filter without reading "
        "records",
        (
            """ALTER TABLE events ADD COLUMN other_countries VARCHAR""",
            """ALTER TABLE events ADD COLUMN other_names VARCHAR""",
            f"""UPDATE events SET
                   other_countries = {OTHER_COUNTRIES_SQL},
                   other_names = {OTHER_NAMES_SQL}
               WHERE coalesce(json_array_length(record, '$.other_locations'), 0) > 0""",
        ),
    ),
)

SCHEMA_VERSION = MIGRATIONS[-1].version
"""The schema version this eventwire writes."""
