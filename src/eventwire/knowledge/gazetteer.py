"""The actor gazetteer: countries, capitals, demonyms, seats of government, organisations and role nouns.

The facts live in three versioned data files shipped with the package (``eventwire/data``):

- ``countries.tsv`` (``iso3, names, demonyms, capital, metonyms``): one row per country or territory;
  list fields are ``|``-separated. pycountry adds its own names (``name``, ``common_name``,
  ``official_name``) for every country, including those the file omits.
- ``organisations.tsv`` (``name, aliases, country, type``): intergovernmental bodies (country ``IGO``),
  international NGOs (``NGO``), armed groups, private military companies, media and a few national
  bodies that news names without their country.
- ``roles.tsv`` (``term, type, kind``): role nouns ("prime minister", "troops") -> actor type; and, as
  kind ``equipment``, the military vehicles that stand for the forces of the country that modifies them
  ("Russian aircraft", "Israeli tanks"): :meth:`Gazetteer.equipment` finds them, :meth:`Gazetteer.role`
  does not, since a bare "tank" or "aircraft" names no actor.

A single form in a list field may carry a marker: ``*form`` is kept as data but not indexed (it belongs to
another row, or is an ordinary English word), ``=form`` matches case-sensitively. All-caps acronyms of at
most four letters ("US", "IS", "WHO", "U.S.") always match case-sensitively, so that the pronouns "us",
"is" and "who" do not. A form indexed for two different countries or organisations is an error in the
data, unless one of them is marked ``*``.

Nothing is read at import time; :meth:`Gazetteer.load` reads the files and :func:`default_gazetteer`
caches the packaged gazetteer.
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from importlib.resources.abc import Traversable
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal, TypeAlias

from eventwire.data_files import read_data_file
from eventwire.errors import GazetteerError, UnknownCountryCode
from eventwire.knowledge.spelling import plain

EntityFinder: TypeAlias = Callable[[list[str]], list[tuple[int, int, str, str]]]
"""Token texts of a document -> (start token, end token, entity label, pattern id) of the phrases found."""

COUNTRIES_FILE = "countries.tsv"
ORGANISATIONS_FILE = "organisations.tsv"
ROLES_FILE = "roles.tsv"
_COUNTRIES_HEADER = ("iso3", "names", "demonyms", "capital", "metonyms")
_ORGANISATIONS_HEADER = ("name", "aliases", "country", "type")
_ROLES_HEADER = ("term", "type", "kind")

#: The actor types of our annotation guide (ANNOTATION.md).
ACTOR_TYPES = frozenset({"GOV", "MIL", "REB", "PMC", "COP", "JUD", "OPP", "CVL", "MED", "BUS", "IGO", "NGO"})
#: Pseudo-countries of the annotation guide for organisations that belong to no single country.
PSEUDO_COUNTRIES = frozenset({"IGO", "NGO"})
ROLE_KINDS = frozenset({"person", "group", "equipment"})
EQUIPMENT_KIND = "equipment"

EntryKind: TypeAlias = Literal["country", "demonym", "capital", "metonym", "org", "region"]
#: Default actor type of a place-like entry: a country, its capital or its seat of government acting
#: stands for its government. A demonym has no default type.
PLACE_TYPE = "GOV"
#: spaCy entity labels of the EntityRuler patterns, by entry kind.
ENTITY_LABELS: Mapping[str, str] = MappingProxyType(
    {"country": "GPE", "capital": "GPE", "demonym": "NORP", "metonym": "ORG", "org": "ORG", "region": "GPE"}
)
#: Acronyms of at most this many letters, all capitals, match case-sensitively ("US" vs "us").
MAX_CASE_SENSITIVE_ACRONYM_LETTERS = 4
NEAR_NAME_SIMILARITY = 0.85
"""Least closeness (:func:`eventwire.knowledge.spelling.similarity`) of a misspelled word to a country's name
or demonym for :meth:`Gazetteer.near_country` to read it as that country: "Quatar"/"Qatar" 0.91,
"Afganistan"/"Afghanistan" 0.95, "Phillipines"/"Philippines" 1.0 (doubled letters collapse);
"Marian"/"Malian" 0.83, "Indiana"/"India" 0.83 and "Kenyatta"/"Kenya" 0.77 stay apart. Pinned in
tests/knowledge/test_gazetteer.py; re-run benchmarks/gsr_cameo.py and benchmarks/quality.py when changing
it."""
NEAR_NAME_MARGIN = 0.05
"""How much closer a misspelling must be to its best country than to any other country's names."""
MIN_NEAR_LETTERS = 6
"""Shortest word (letters, doubles collapsed) :meth:`Gazetteer.near_country` compares: shorter names are too
often a letter off a country or demonym ("Malin"/"Malian", "Omar"/"Oman")."""
NEAR_KINDS = frozenset({"country", "demonym"})

NOT_INDEXED_MARK = "*"
CASE_SENSITIVE_MARK = "="

_ISO3_RE = re.compile(r"[A-Z]{3}")
_APOSTROPHES = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'", "`": "'", "\u00b4": "'"}
)
_DASHES = str.maketrans({c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2212"})
_SPACES = re.compile(r"\s+")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)


# --- public records ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Entry:
    """What one surface form names."""

    text: str  # the surface form as listed in the data ("U.S.", "Élysée Palace")
    kind: EntryKind
    country: str | None  # ISO3, "IGO" or "NGO"; None for a transnational group
    type: str | None  # default actor type: GOV for country/capital/metonym, None for a demonym
    name: str  # canonical name: the country's common short name, the capital, or the organisation's


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    name: str  # common short name ("Russia")
    names: tuple[str, ...]  # every name, the common short name first, pycountry's names included
    demonyms: tuple[str, ...]
    capital: str | None
    metonyms: tuple[str, ...]
    capitals: tuple[str, ...] = ()  # the capital's variants and second seats ("Kyiv", "Kiev")


@dataclass(frozen=True, slots=True)
class Organisation:
    name: str
    aliases: tuple[str, ...]
    country: str | None  # ISO3, "IGO", "NGO", or None for a transnational group
    type: str


@dataclass(frozen=True, slots=True)
class Role:
    term: str  # canonical (lemma) term of roles.tsv
    type: str  # actor type
    kind: str  # "person", "group" or "equipment"; a plural of a person term is a "group"


# --- normalisation ----------------------------------------------------------------------------------


def fold(text: str) -> str:
    """Accents off (É -> E), curly apostrophes and dashes made plain, whitespace collapsed."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES).translate(_DASHES))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACES.sub(" ", bare).strip()


def _surface_key(text: str) -> str:
    """Case-preserving lookup key: folded, no leading "the", hyphens as spaces."""
    key = _LEADING_THE.sub("", fold(text))
    return _SPACES.sub(" ", key.replace("-", " ")).strip()


def is_case_sensitive_acronym(form: str) -> bool:
    """True for one-word all-caps acronyms of at most four letters: "US", "U.S.", "IS", "WHO", "G7", "M23"."""
    if not form or any(c.isspace() for c in form) or any(c.islower() for c in form):
        return False
    letters = [c for c in form if c.isalpha()]
    return 1 <= len(letters) <= MAX_CASE_SENSITIVE_ACRONYM_LETTERS


def _possessive_stripped(text: str) -> str | None:
    """ "Britain's" -> "Britain", "Philippines'" -> "Philippines"; None if there is no possessive."""
    folded = fold(text)
    for suffix in (" 's", "'s", "'S"):
        if folded.endswith(suffix):
            return folded[: -len(suffix)].rstrip()
    if folded.endswith("s'") or folded.endswith("S'"):
        return folded[:-1]
    return None


def _role_key(term: str) -> str:
    return _surface_key(term).casefold()


_IRREGULAR_PLURALS = {"child": "children", "person": "people", "man": "men", "woman": "women"}


def _plural(term: str) -> str | None:
    """English plural of a role term; the head is the last word, or the word before " of "."""
    head, sep, tail = term.partition(" of ")
    words = head.split(" ")
    last = words[-1]
    if last in _IRREGULAR_PLURALS:
        plural = _IRREGULAR_PLURALS[last]
    elif last.endswith("man"):
        plural = last[:-3] + "men"
    elif last.endswith(("ss", "x", "z", "ch", "sh")):
        plural = last + "es"
    elif last.endswith("s"):  # already plural ("armed forces") or a mass noun
        return None
    elif len(last) > 1 and last.endswith("y") and last[-2] not in "aeiou":
        plural = last[:-1] + "ies"
    else:
        plural = last + "s"
    return " ".join([*words[:-1], plural]) + (sep + tail if sep else "")


# --- reading the files ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Form:
    text: str
    indexed: bool
    case_sensitive: bool


@dataclass(frozen=True, slots=True)
class _Where:
    source: str
    lineno: int

    def __str__(self) -> str:
        return f"{self.source}, line {self.lineno}"


@dataclass(frozen=True, slots=True)
class _CountryRow:
    where: _Where
    iso3: str
    names: tuple[_Form, ...]
    demonyms: tuple[_Form, ...]
    capitals: tuple[_Form, ...]
    metonyms: tuple[_Form, ...]


@dataclass(frozen=True, slots=True)
class _OrgRow:
    where: _Where
    name: _Form
    aliases: tuple[_Form, ...]
    country: str | None
    type: str


def _bad_line(where: _Where, reason: str, hint: str) -> GazetteerError:
    return GazetteerError(str(where), reason, hint)


def _read_resource(path: Path | Traversable | None, name: str) -> tuple[str, str]:
    return read_data_file(name, path, GazetteerError)


def _data_lines(
    text: str, source: str, header: tuple[str, ...], min_fields: int
) -> Iterator[tuple[_Where, list[str]]]:
    """Yield ``(where, stripped fields)`` for each data line of a TSV with ``#`` comments.

    The first non-comment line must be the column header. Data lines have ``len(header)`` tab-separated
    fields; fewer are accepted down to ``min_fields`` (trailing empty fields whose tabs an editor dropped).
    """
    joined = "<TAB>".join(header)
    seen_header = False
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        where = _Where(source, lineno)
        fields = [field.strip() for field in line.split("\t")]
        if not seen_header:
            if tuple(fields) != header:
                raise _bad_line(
                    where, f"expected the column header '{joined}'", "put the header before the data"
                )
            seen_header = True
            continue
        if not min_fields <= len(fields) <= len(header):
            raise _bad_line(
                where,
                f"expected {len(header)} tab-separated fields ({', '.join(header)}), found {len(fields)}",
                "separate the fields with single tabs",
            )
        yield where, fields + [""] * (len(header) - len(fields))
    if not seen_header:
        raise GazetteerError(source, f"no column header '{joined}' (empty file?)", "restore the file")


def _parse_form(raw: str, where: _Where, column: str) -> _Form:
    text = raw.strip()
    indexed = not text.startswith(NOT_INDEXED_MARK)
    if not indexed:
        text = text[1:].strip()
    case_sensitive = text.startswith(CASE_SENSITIVE_MARK)
    if case_sensitive:
        text = text[1:].strip()
    if not text or text[0] in (NOT_INDEXED_MARK, CASE_SENSITIVE_MARK):
        raise _bad_line(
            where,
            f"empty or doubly marked form {raw!r} in column {column}",
            "write each form once between '|' separators, with at most one of the markers '*' or '='",
        )
    if not _surface_key(text):
        raise _bad_line(where, f"form {raw!r} in column {column} is only 'the'", "write the name itself")
    return _Form(text, indexed, case_sensitive or is_case_sensitive_acronym(text))


def _parse_forms(field: str, where: _Where, column: str) -> tuple[_Form, ...]:
    if not field:
        return ()
    return tuple(_parse_form(part, where, column) for part in field.split("|"))


def _parse_countries(text: str, source: str) -> list[_CountryRow]:
    rows: list[_CountryRow] = []
    seen: dict[str, _Where] = {}
    for where, (iso3, names, demonyms, capital, metonyms) in _data_lines(text, source, _COUNTRIES_HEADER, 2):
        if not _ISO3_RE.fullmatch(iso3):
            raise _bad_line(
                where, f"{iso3!r} is not an ISO 3166-1 alpha-3 code", "write three capital letters"
            )
        if iso3 in seen:
            raise _bad_line(where, f"country {iso3} already on line {seen[iso3].lineno}", "keep one row")
        name_forms = _parse_forms(names, where, "names")
        if not name_forms or not name_forms[0].indexed:
            raise _bad_line(
                where,
                f"country {iso3} has no common short name",
                "start the names column with an unmarked name",
            )
        seen[iso3] = where
        rows.append(
            _CountryRow(
                where,
                iso3,
                name_forms,
                _parse_forms(demonyms, where, "demonyms"),
                _parse_forms(capital, where, "capital"),
                _parse_forms(metonyms, where, "metonyms"),
            )
        )
    return rows


def _parse_organisations(text: str, source: str, known_countries: frozenset[str]) -> list[_OrgRow]:
    rows: list[_OrgRow] = []
    seen: dict[str, _Where] = {}
    for where, (name, aliases, country, type_) in _data_lines(
        text, source, _ORGANISATIONS_HEADER, len(_ORGANISATIONS_HEADER)
    ):
        name_form = _parse_form(name, where, "name")
        if not name_form.indexed:
            raise _bad_line(where, f"the name {name!r} is marked '*'", "mark aliases only, not the name")
        if name_form.text in seen:
            raise _bad_line(
                where,
                f"organisation {name_form.text!r} already on line {seen[name_form.text].lineno}",
                "keep one row",
            )
        if country and country not in PSEUDO_COUNTRIES and country not in known_countries:
            raise _bad_line(
                where,
                f"{country!r} is not a known country code",
                "write an ISO3 code of countries.tsv or pycountry, 'IGO', 'NGO', or leave it empty",
            )
        if type_ not in ACTOR_TYPES:
            raise _bad_line(
                where, f"{type_!r} is not an actor type", f"use one of {', '.join(sorted(ACTOR_TYPES))}"
            )
        seen[name_form.text] = where
        rows.append(
            _OrgRow(where, name_form, _parse_forms(aliases, where, "aliases"), country or None, type_)
        )
    return rows


def _parse_roles(text: str, source: str) -> tuple[list[Role], dict[str, Role]]:
    """Canonical roles in file order, and ``lower-case key -> Role`` for every variant and plural."""
    roles: list[Role] = []
    index: dict[str, Role] = {}
    first_line: dict[str, int] = {}
    plurals: list[tuple[str, Role]] = []
    for where, (term, type_, kind) in _data_lines(text, source, _ROLES_HEADER, len(_ROLES_HEADER)):
        if type_ not in ACTOR_TYPES:
            raise _bad_line(
                where, f"{type_!r} is not an actor type", f"use one of {', '.join(sorted(ACTOR_TYPES))}"
            )
        if kind not in ROLE_KINDS:
            raise _bad_line(where, f"{kind!r} is not a role kind", "write 'person', 'group' or 'equipment'")
        variants = [part.strip() for part in term.split("|")]
        if not all(variants):
            raise _bad_line(where, f"empty term in {term!r}", "write each term once between '|' separators")
        role = Role(variants[0], type_, kind)
        roles.append(role)
        for variant in variants:
            # an acronym ("PM", "NGO") matches only in capitals: "Ngo" is a surname, "pm" a time
            acronym = is_case_sensitive_acronym(variant)
            key = CASE_SENSITIVE_MARK + variant if acronym else _role_key(variant)
            if key in index and index[key] is role:
                continue  # the same term spelled with a hyphen or in another case
            if key in index:
                raise _bad_line(
                    where, f"role term {variant!r} already on line {first_line[key]}", "keep one row"
                )
            index[key] = role
            first_line[key] = where.lineno
            plural = key + "s" if acronym else _plural(key)
            if plural is not None:
                plural_kind = EQUIPMENT_KIND if kind == EQUIPMENT_KIND else "group"
                plurals.append((plural, Role(role.term, type_, plural_kind)))
    for key, role in plurals:  # listed terms win over generated plurals
        index.setdefault(key, role)
    return roles, index


# --- the index --------------------------------------------------------------------------------------


_Target: TypeAlias = tuple[str, str]  # ("country", iso3) or ("org", name)


@dataclass(frozen=True, slots=True)
class _Indexed:
    entry: Entry
    case_sensitive: bool


class _IndexBuilder:
    """Collects surface forms, refusing one indexed form for two different countries or organisations."""

    def __init__(self) -> None:
        self.exact: dict[str, Entry] = {}
        self.folded: dict[str, Entry] = {}
        self.forms: list[_Indexed] = []
        self._owner: dict[str, tuple[_Target, _Where | None]] = {}
        self._claimed: set[str] = set()  # case-folded keys of every form of the data files

    def claimed(self, form: str) -> bool:
        """True if the data files list ``form`` (in any case, indexed or not)."""
        return _surface_key(form).casefold() in self._claimed

    def reserve(self, form: str) -> None:
        """Record a '*' form: not indexed, and pycountry may not index it either."""
        self._claimed.add(_surface_key(form).casefold())

    def add(self, form: _Form, entry: Entry, target: _Target, where: _Where | None) -> None:
        key = _surface_key(form.text)
        owner_key = key.casefold() if not form.case_sensitive else "\0" + key
        owner = self._owner.get(owner_key)
        if owner is not None and owner[0] != target and where is not None:
            other_target, other_where = owner
            place = f"line {other_where.lineno} of {other_where.source}" if other_where else "pycountry"
            raise _bad_line(
                where,
                f"{form.text!r} is already indexed for {other_target[1]} ({place})",
                "keep the form on one row and mark the other occurrence '*' if it is deliberately ambiguous",
            )
        if owner is not None and owner[0] != target:
            return  # a pycountry name never displaces a form of the data files
        if where is not None:
            self._claimed.add(key.casefold())
        self._owner.setdefault(owner_key, (target, where))
        table = self.exact if form.case_sensitive else self.folded
        lookup_keys = [key] if form.case_sensitive else [key.casefold()]
        if form.case_sensitive and not is_case_sensitive_acronym(form.text):
            lookup_keys.append(key.upper())  # "=Turkey" also matches the headline "TURKEY"
        added = False
        for lookup_key in lookup_keys:
            if lookup_key not in table:  # the first kind added wins for the same target
                table[lookup_key] = entry
                added = True
        if added:
            self.forms.append(_Indexed(entry, form.case_sensitive))


SUBDIVISION_TYPES = frozenset(
    {"State", "Province", "Region", "Governorate", "Prefecture", "Republic", "Autonomous region",
     "Autonomous community", "Land", "Voivodship", "Regional state", "Union territory", "Oblast",
     "Autonomous republic", "Emirate", "Federal district", "Territory", "Administrative region"}
)  # fmt: skip
"""First-level subdivisions (ISO 3166-2, from pycountry) indexed as places of their country: "Texas",
"Tamil Nadu", "Borno". Districts, municipalities and counties are left out: too many of their names are
also towns elsewhere."""
GENERIC_PLACE_WORDS = frozenset(
    {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "upper",
     "lower", "middle", "capital", "coast", "coastal", "lakes", "lake", "islands", "island", "region",
     "province", "district", "river", "great", "new", "city", "federal", "territory", "valley", "mountain",
     "mountains", "highlands", "plateau", "centre", "center", "north-east", "north-west", "south-east",
     "south-west", "northeast", "northwest", "southeast", "southwest", "far", "interior", "littoral",
     "maritime", "savannes", "plateaux", "kara", "the", "of", "and", "state", "grand", "est", "sud", "nord",
     "ouest", "centre-est", "centre-nord", "centre-ouest", "centre-sud", "hauts-bassins", "cascades",
     # names of regions wider than the one subdivision that bears them
     "sahel", "kurdistan", "kashmir", "patagonia", "amazonas", "sahara", "macedonia"}
)  # fmt: skip
"""Subdivision names made only of these words ("Northern", "Upper East", "Lakes") or naming a region wider
than the subdivision ("Sahel" is a region of Burkina Faso and of Africa) are not indexed."""


def _add_subdivisions(builder: _IndexBuilder, countries: Mapping[str, Country]) -> None:
    """Index first-level subdivisions whose name is unambiguous and not already a form of the data."""
    import pycountry

    alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    owners: dict[str, set[str]] = {}
    names: dict[str, str] = {}
    for sub in pycountry.subdivisions:
        if sub.type not in SUBDIVISION_TYPES or getattr(sub, "parent_code", None):
            continue
        iso3 = alpha3.get(sub.country_code)
        name = sub.name.split(" (")[0].strip()
        words = name.lower().replace("-", " ").split()
        if iso3 is None or len(name) < 4 or all(w in GENERIC_PLACE_WORDS for w in words):
            continue
        key = fold(name).casefold()
        owners.setdefault(key, set()).add(iso3)
        names[key] = name
    for key, isos in owners.items():
        name = names[key]
        if len(isos) != 1 or builder.claimed(name):
            continue
        iso3 = next(iter(isos))
        entry = Entry(name, "region", iso3, PLACE_TYPE, name)
        builder.add(_Form(name, True, False), entry, ("region", iso3), None)


def _pycountry_names(iso3: str) -> list[str]:
    import pycountry

    record = pycountry.countries.get(alpha_3=iso3)
    if record is None:
        return []
    names = [getattr(record, attr, None) for attr in ("common_name", "name", "official_name")]
    return list(dict.fromkeys(n for n in names if n))


def _pycountry_codes() -> list[str]:
    import pycountry

    return sorted(c.alpha_3 for c in pycountry.countries)


# --- the gazetteer ----------------------------------------------------------------------------------


class Gazetteer:
    """Countries, capitals, demonyms, seats of government, organisations and role nouns.

    Build it with :meth:`load` (or use :func:`default_gazetteer`); it does not change after that.
    """

    __slots__ = (
        "_countries",
        "_organisations",
        "_exact",
        "_folded",
        "_forms",
        "_roles",
        "_role_index",
        "_near",
        "_near_found",
        "sources",
    )

    def __init__(
        self,
        *,
        countries: Mapping[str, Country],
        organisations: Mapping[str, Organisation],
        exact: Mapping[str, Entry],
        folded: Mapping[str, Entry],
        forms: Iterable[tuple[Entry, bool]],
        roles: Iterable[Role],
        role_index: Mapping[str, Role],
        sources: tuple[str, ...] = (),
    ) -> None:
        self._countries = MappingProxyType(dict(countries))
        self._organisations = MappingProxyType(dict(organisations))
        self._exact = MappingProxyType(dict(exact))
        self._folded = MappingProxyType(dict(folded))
        self._forms = tuple(forms)  # (entry, case-sensitive) of every indexed form, for the ruler
        self._roles = tuple(roles)
        self._role_index = MappingProxyType(dict(role_index))
        self.sources = sources  # the files it was read from, for messages
        self._near_found: dict[str, Entry | None] = {}
        # country names and demonyms in plain letters, for near_country
        self._near = tuple(
            {
                (key, entry.country): entry
                for entry, case_sensitive in self._forms
                if entry.kind in NEAR_KINDS
                and entry.country
                and not case_sensitive
                and len(key := plain(entry.text)) >= MIN_NEAR_LETTERS - 1
            }.items()
        )

    @classmethod
    def load(
        cls,
        countries_path: Path | Traversable | None = None,
        organisations_path: Path | Traversable | None = None,
        roles_path: Path | Traversable | None = None,
    ) -> Gazetteer:
        """Read the three data files (by default the ones packaged in ``eventwire/data``).

        Raises :class:`GazetteerError` (a :class:`ValueError`) naming the file and line of a malformed
        line, and :class:`~eventwire.errors.ResourceMissing` if a file does not exist.
        """
        countries_text, countries_source = _read_resource(countries_path, COUNTRIES_FILE)
        orgs_text, orgs_source = _read_resource(organisations_path, ORGANISATIONS_FILE)
        roles_text, roles_source = _read_resource(roles_path, ROLES_FILE)
        country_rows = _parse_countries(countries_text, countries_source)
        pycountry_codes = _pycountry_codes()
        known = frozenset(pycountry_codes) | {row.iso3 for row in country_rows}
        org_rows = _parse_organisations(orgs_text, orgs_source, known)
        roles, role_index = _parse_roles(roles_text, roles_source)

        builder = _IndexBuilder()
        countries: dict[str, Country] = {}
        for row in country_rows:
            name = row.names[0].text
            capitals = tuple(f.text for f in row.capitals)
            countries[row.iso3] = Country(
                iso3=row.iso3,
                name=name,
                names=tuple(f.text for f in row.names),
                demonyms=tuple(f.text for f in row.demonyms),
                capital=capitals[0] if capitals else None,
                metonyms=tuple(f.text for f in row.metonyms),
                capitals=capitals,
            )
        # Kinds in order of precedence for one country: a name beats a capital, a metonym, a demonym.
        kinds: tuple[tuple[EntryKind, str], ...] = (
            ("country", "names"),
            ("capital", "capitals"),
            ("metonym", "metonyms"),
            ("demonym", "demonyms"),
        )
        for kind, attr in kinds:
            for row in country_rows:
                country = countries[row.iso3]
                target: _Target = ("country", row.iso3)
                for form in getattr(row, attr):
                    if not form.indexed:
                        builder.reserve(form.text)
                        continue
                    entry = Entry(
                        text=form.text,
                        kind=kind,
                        country=row.iso3,
                        type=None if kind == "demonym" else PLACE_TYPE,
                        name=country.capital if kind == "capital" and country.capital else country.name,
                    )
                    builder.add(form, entry, target, row.where)
        organisations: dict[str, Organisation] = {}
        for org in org_rows:
            organisations[org.name.text] = Organisation(
                org.name.text, tuple(a.text for a in org.aliases), org.country, org.type
            )
            target = ("org", org.name.text)
            for form in (org.name, *org.aliases):
                if not form.indexed:
                    builder.reserve(form.text)
                    continue
                entry = Entry(form.text, "org", org.country, org.type, org.name.text)
                builder.add(form, entry, target, org.where)
        # pycountry's names for every country; never displacing a form of the data files.
        for iso3 in pycountry_codes:
            extra = [n for n in _pycountry_names(iso3) if not builder.claimed(n)]
            known_country = countries.get(iso3)
            if known_country is None:
                names = _pycountry_names(iso3)
                if not names:
                    continue
                known_country = Country(iso3, names[0], tuple(names), (), None, ())
                countries[iso3] = known_country
            elif extra:
                known_country = Country(
                    iso3,
                    known_country.name,
                    known_country.names + tuple(n for n in extra if n not in known_country.names),
                    known_country.demonyms,
                    known_country.capital,
                    known_country.metonyms,
                    known_country.capitals,
                )
                countries[iso3] = known_country
            for name in extra:
                form = _Form(name, True, is_case_sensitive_acronym(name))
                entry = Entry(name, "country", iso3, PLACE_TYPE, known_country.name)
                builder.add(form, entry, ("country", iso3), None)
        _add_subdivisions(builder, countries)
        return cls(
            countries=dict(sorted(countries.items())),
            organisations=organisations,
            exact=builder.exact,
            folded=builder.folded,
            forms=[(f.entry, f.case_sensitive) for f in builder.forms],
            roles=roles,
            role_index=role_index,
            sources=(countries_source, orgs_source, roles_source),
        )

    # -- lookups ------------------------------------------------------------------------------------

    def lookup(self, phrase: str) -> Entry | None:
        """The entry a whole phrase names, or None.

        Case-insensitive, except that short all-caps acronyms ("US", "IS") and forms marked '=' match
        only as written (or all in capitals); accents, curly apostrophes, a leading "the" and a possessive
        "'s" are ignored: "the Élysée's" finds "Elysee".
        """
        candidates = [phrase]
        stripped = _possessive_stripped(phrase)
        if stripped:
            candidates.append(stripped)
        for candidate in candidates:
            key = _surface_key(candidate)
            if not key:
                continue
            found = self._exact.get(key) or self._folded.get(key.casefold())
            if found is not None:
                return found
        return None

    def near_country(self, word: str) -> Entry | None:
        """The country name or demonym a misspelled or differently transliterated word stands for
        ("Quatar", "Afganistan", "Phillipines"): the one country whose forms come closest, letters compared
        after :func:`eventwire.knowledge.spelling.plain` (at least :data:`NEAR_NAME_SIMILARITY`, and
        :data:`NEAR_NAME_MARGIN` closer than any other country's). None for a word the gazetteer knows as
        it is, or one too short to judge."""
        key = plain(_possessive_stripped(word) or word)
        if len(key) < MIN_NEAR_LETTERS or self.lookup(word) is not None:
            return None
        if key not in self._near_found:  # a cache of answers: the gazetteer itself never changes
            self._near_found[key] = self._nearest(key)
        return self._near_found[key]

    def _nearest(self, key: str) -> Entry | None:
        best: dict[str, tuple[float, Entry]] = {}
        floor = NEAR_NAME_SIMILARITY - NEAR_NAME_MARGIN  # below it a form can neither win nor block
        matcher = difflib.SequenceMatcher(None, "", key)
        for (form, country), entry in self._near:
            if abs(len(form) - len(key)) > 2:
                continue
            matcher.set_seq1(form)
            if matcher.real_quick_ratio() < floor or matcher.quick_ratio() < floor:
                continue
            score = matcher.ratio()
            if country not in best or score > best[country][0]:
                best[country] = (score, entry)
        ranked = sorted(best.values(), key=lambda pair: -pair[0])
        if not ranked or ranked[0][0] < NEAR_NAME_SIMILARITY:
            return None
        if len(ranked) > 1 and ranked[1][0] > ranked[0][0] - NEAR_NAME_MARGIN:
            return None
        return ranked[0][1]

    def country(self, iso3: str) -> Country:
        """The country of an ISO3 code; raises :class:`UnknownCountryCode` (a :class:`KeyError`)."""
        try:
            return self._countries[iso3]
        except KeyError:
            raise UnknownCountryCode(
                f"country code {iso3!r}",
                "not in the gazetteer",
                "use an ISO 3166-1 alpha-3 code in capitals, e.g. 'MLI'",
            ) from None

    def country_name(self, iso3: str) -> str:
        """Common short name of a country ("RUS" -> "Russia")."""
        return self.country(iso3).name

    def countries(self) -> list[Country]:
        """Every country and territory, sorted by ISO3 code."""
        return list(self._countries.values())

    def organisation(self, name: str) -> Organisation | None:
        """An organisation by its canonical name (the ``name`` of an org :class:`Entry`)."""
        return self._organisations.get(name)

    def organisations(self) -> list[Organisation]:
        return list(self._organisations.values())

    def role(self, term: str) -> Role | None:
        """The role a noun or noun phrase names: lemma or plural, one or more words, any case."""
        found = self._indexed_role(term)
        return found if found is not None and found.kind != EQUIPMENT_KIND else None

    def equipment(self, term: str) -> Role | None:
        """The military equipment a noun names ("aircraft", "gunships"), typed as the forces it stands for."""
        found = self._indexed_role(term)
        return found if found is not None and found.kind == EQUIPMENT_KIND else None

    def _indexed_role(self, term: str) -> Role | None:
        bare = term.strip()
        if is_case_sensitive_acronym(bare.removesuffix("s")):
            found = self._role_index.get(CASE_SENSITIVE_MARK + bare)
            if found is not None:
                return found
        key = _role_key(term)
        return self._role_index.get(key) if key else None

    def role_terms(self) -> list[str]:
        """The canonical role terms, in file order (equipment not included)."""
        return [role.term for role in self._roles if role.kind != EQUIPMENT_KIND]

    def role_forms(self) -> list[str]:
        """Every form :meth:`role` accepts: terms, their variants and plurals, sorted; lower case, except
        acronyms, which are listed as ``=PM`` and match only in capitals."""
        return sorted(key for key, role in self._role_index.items() if role.kind != EQUIPMENT_KIND)

    # -- spaCy --------------------------------------------------------------------------------------

    def entity_ruler_patterns(
        self, tokenize: Callable[[str], list[str]] | None = None
    ) -> list[dict[str, Any]]:
        """Token patterns for spaCy's EntityRuler, one per indexed form and spelling variant.

        Labels: GPE for countries and capitals, NORP for demonyms, ORG for organisations and seats of
        government. Each pattern's ``id`` is ``"<kind>:<ISO3>"`` ("country:MLI", "capital:RUS",
        "demonym:MLI", "metonym:FRA") or ``"org:<canonical name>"`` ("org:Wagner Group"). Forms match on
        ``LOWER``, case-sensitive ones on ``ORTH``. ``tokenize`` splits a form into token texts as the
        pipeline will (default: spaCy's English tokenizer).
        """
        if tokenize is None:
            tokenize = _english_tokenize()
        patterns: list[dict[str, Any]] = []
        seen: set[tuple[str, str, tuple[tuple[str, str], ...]]] = set()
        for entry, case_sensitive in self._forms:
            label = ENTITY_LABELS[entry.kind]
            pattern_id = f"org:{entry.name}" if entry.kind == "org" else f"{entry.kind}:{entry.country}"
            for variant in _pattern_variants(entry.text, case_sensitive):
                tokens = tokenize(variant)
                if not tokens:
                    continue
                if case_sensitive:
                    spec = tuple(("ORTH", t) for t in tokens)
                else:
                    spec = tuple(("LOWER", t.lower()) for t in tokens)
                marker = (label, pattern_id, spec)
                if marker in seen:
                    continue
                seen.add(marker)
                patterns.append(
                    {"label": label, "pattern": [{attr: value} for attr, value in spec], "id": pattern_id}
                )
        return patterns

    def entity_finders(self, tokenize: Callable[[str], list[str]] | None = None) -> list[EntityFinder]:
        """Entity finders run beside the patterns (none here; overlays such as the PETRARCH dictionaries'
        add one for phrase lists too large to build as spaCy patterns quickly)."""
        return []

    def __repr__(self) -> str:
        return (
            f"Gazetteer({len(self._countries)} countries, {len(self._organisations)} organisations, "
            f"{len(self._roles)} roles)"
        )


def _pattern_variants(text: str, case_sensitive: bool) -> list[str]:
    """Spellings of one form worth a pattern: as written, without accents, curly apostrophe, no hyphens."""
    base = _LEADING_THE.sub("", text).strip()
    variants = [base, fold(base)]
    if "'" in base:
        variants += [v.replace("'", "\u2019") for v in list(variants)]
    if "-" in base:
        variants += [v.replace("-", " ") for v in list(variants)]
    if case_sensitive and not is_case_sensitive_acronym(base):
        variants += [v.upper() for v in list(variants)]
    return list(dict.fromkeys(" ".join(v.split()) for v in variants if v.strip()))


def _english_tokenize() -> Callable[[str], list[str]]:
    """spaCy's English tokenizer as a function to token texts.

    Words made only of letters that are not tokenizer special cases ("cannot", "dont") are split on
    spaces without spaCy, which gives the same tokens several times faster; the rest go through spaCy.
    """
    import spacy

    tokenizer = spacy.blank("en").tokenizer
    special_cases = frozenset(getattr(tokenizer, "rules", None) or {})

    def tokenize(text: str) -> list[str]:
        words = text.split()
        if words and all(word.isalpha() and word not in special_cases for word in words):
            return words
        return [token.text for token in tokenizer(text)]

    return tokenize


@functools.lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The packaged gazetteer, loaded once per process."""
    return Gazetteer.load()
