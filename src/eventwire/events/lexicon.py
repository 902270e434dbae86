"""The predicate lexicon (``data/predicates.tsv``) and the reporting cues (``data/reporting.tsv``)."""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from eventwire.data_files import read_data_file
from eventwire.errors import BadDataFile
from eventwire.knowledge.cameo import CameoTable, default_cameo_table

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

POS_VALUES = frozenset({"VERB", "NOUN", "ADJ"})
CUE_KEYS = frozenset({"obj", "prep", "prt", "xcomp", "oprd", "mod", "gerund", "subj"})
ACTOR_TYPES = frozenset({"GOV", "MIL", "REB", "PMC", "COP", "JUD", "OPP", "CVL", "MED", "BUS", "IGO", "NGO"})
PREDICATES_HEADER = ("lemma", "pos", "cue", "cameo", "target")
REPORTING_HEADER = ("cue", "kind")
PREP_RE = re.compile(r"[a-z]+(\|[a-z]+)*")
REPORTING_KINDS = frozenset({"say", "allege", "deny", "request", "plan", "hypothetical"})


@dataclass(frozen=True)
class Cue:
    key: str  # obj | prep | prt | xcomp | oprd | mod | gerund | subj
    arg: str | None  # the preposition for prep cues
    lemmas: frozenset[str]  # empty = any
    negated: bool = False  # "xcomp!=know|learn": the word must NOT be one of these


@dataclass(frozen=True)
class Predicate:
    lemma: str
    pos: str
    cues: tuple[Cue, ...]
    cameo: str
    target_slots: tuple[str, ...]
    line: int
    source: str = "subj"  # "subj", "implicit:TYPE", "from" or "sayer" (see predicates.tsv)
    reverse_cameo: str | None = None  # also code the reverse event (target -> source) with this code
    symmetric: bool = False  # coordinated subjects act on each other ("X and Y delayed their meeting")
    # token indexes a pattern source found in the parse (eventwire.dictionaries: PETRARCH's actor markers
    # and verb-phrase actors), tried in order when the slots name no actor
    source_at: tuple[int, ...] = ()
    target_at: tuple[int, ...] = ()

    @property
    def needs_target(self) -> bool:
        """Meetings and visits (root 04) always need a counterpart; other rows say "required"."""
        return "required" in self.target_slots or self.cameo.startswith("04")

    @property
    def rule(self) -> str:
        cue = " ".join(_cue_text(c) for c in self.cues)
        return f"lexicon:{self.lemma}/{self.pos}" + (f"[{cue}]" if cue else "") + f"->{self.cameo}"


def _cue_text(cue: Cue) -> str:
    op = "!=" if cue.negated else "="
    head = f"{cue.key}{op}{cue.arg}>" if cue.arg else f"{cue.key}{op}"
    return head + "|".join(sorted(cue.lemmas))


class PatternSource(Protocol):
    """Extra trigger patterns consulted before the lexicon rows (eventwire.dictionaries' verb patterns).
    ``match`` returns None to leave the token to the lexicon, a predicate with an empty ``cameo`` to say
    the token codes no event (the lexicon is not consulted)."""

    def match(self, token: Token) -> Predicate | None: ...


class PredicateLexicon:
    patterns: PatternSource | None = None

    def __init__(self, predicates: list[Predicate], reporting: dict[str, set[str]]) -> None:
        by_key: dict[tuple[str, str], list[Predicate]] = defaultdict(list)
        for p in predicates:
            by_key[(p.lemma, p.pos)].append(p)
        # most specific first, then file order
        self._by_key = {k: sorted(v, key=lambda p: (-len(p.cues), p.line)) for k, v in by_key.items()}
        self.predicates = predicates
        self.reporting = reporting

    def candidates(self, lemma: str, pos: str) -> list[Predicate]:
        return self._by_key.get((lemma, pos), [])

    def reporting_kinds(self, lemma: str) -> set[str]:
        return self.reporting.get(lemma, set())

    def with_patterns(self, patterns: PatternSource) -> PredicateLexicon:
        """A copy of this lexicon that tries ``patterns`` on verbs before its own rows."""
        copy = PredicateLexicon(self.predicates, self.reporting)
        copy.patterns = patterns
        return copy

    @classmethod
    def load(
        cls,
        predicates_path: Path | None = None,
        reporting_path: Path | None = None,
        cameo: CameoTable | None = None,
    ) -> PredicateLexicon:
        """Read the lexicon; every CAMEO code must be in ``cameo`` (default: the packaged table)."""
        predicates = _load_predicates(predicates_path)
        table = cameo or default_cameo_table()
        name = str(predicates_path or "predicates.tsv")
        for p in predicates:
            if p.cameo not in table:
                raise BadDataFile(
                    f"{name}:{p.line}", f"{p.cameo} is not a CAMEO code", "use a code of cameo_codes.tsv"
                )
        return cls(predicates, _load_reporting(reporting_path))


@functools.lru_cache(maxsize=1)
def default_lexicon() -> PredicateLexicon:
    return PredicateLexicon.load()


def _read(path: Path | None, name: str) -> tuple[str, str]:
    text, source = read_data_file(name, path)
    return source, text


def _rows(text: str, name: str, header: tuple[str, ...]) -> list[tuple[int, list[str]]]:
    """The data rows of a TSV file whose first non-comment line must be ``header``."""
    rows = []
    header_seen = False
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        if not header_seen:
            if tuple(c.strip() for c in line.split("\t")) != header:
                raise BadDataFile(f"{name}:{n}", f"expected the header {'<TAB>'.join(header)!r}", "add it")
            header_seen = True
            continue
        rows.append((n, line.rstrip("\n").split("\t")))
    return rows


def _load_predicates(path: Path | None) -> list[Predicate]:
    name, text = _read(path, "predicates.tsv")
    out = []
    for n, cols in _rows(text, name, PREDICATES_HEADER):
        where = f"{name}:{n}"
        if len(cols) not in (5, 6):
            raise BadDataFile(
                where, f"expected 5 or 6 tab-separated columns, got {len(cols)}", "fix the line"
            )
        lemma, pos, cue_text, cameo, target = (c.strip() for c in cols[:5])
        source = cols[5].strip() if len(cols) == 6 and cols[5].strip() != "-" else "subj"
        implicit_type = source.split(":", 1)[1] if source.startswith("implicit:") else None
        if not (source in {"subj", "from", "sayer"} or implicit_type in ACTOR_TYPES):
            raise BadDataFile(where, f"bad source {source!r}", "use -, from, sayer or implicit:TYPE")
        if pos not in POS_VALUES:
            raise BadDataFile(where, f"pos must be VERB, NOUN or ADJ, got {pos!r}", "fix the line")
        if not cameo.isdigit() or not 3 <= len(cameo) <= 4:
            raise BadDataFile(where, f"CAMEO code must be 3-4 digits, got {cameo!r}", "fix the line")
        cues = tuple(_parse_cue(c, where) for c in cue_text.split()) if cue_text != "-" else ()
        slots = tuple(s.strip() for s in target.split(",") if s.strip())
        if not slots:
            raise BadDataFile(where, "empty target column", "write 'none' when the event has no target")
        out.append(Predicate(lemma.lower(), pos, cues, cameo, slots, n, source))
    return out


def _parse_cue(text: str, where: str) -> Cue:
    key, sep, value = text.partition("=")
    negated = key.endswith("!")
    key = key.rstrip("!")
    if not sep or key not in CUE_KEYS:
        raise BadDataFile(
            where, f"bad cue {text!r}", "use obj=, subj=, prep=, prt=, xcomp=, oprd=, mod= or gerund="
        )
    arg = None
    if key == "prep":
        arg, _, value = value.partition(">")
        if not PREP_RE.fullmatch(arg):
            raise BadDataFile(
                where, f"cue {text!r} names no preposition", "write prep=WORD or prep=WORD|WORD"
            )
    lemmas = frozenset(v for v in value.split("|") if v and v != "*")
    if key != "prep" and not lemmas and value != "*":
        raise BadDataFile(where, f"cue {text!r} lists no lemmas", "give at least one lemma")
    return Cue(key, arg, lemmas, negated)


def _load_reporting(path: Path | None) -> dict[str, set[str]]:
    name, text = _read(path, "reporting.tsv")
    out: dict[str, set[str]] = defaultdict(set)
    for n, cols in _rows(text, name, REPORTING_HEADER):
        if len(cols) != 2 or cols[1].strip() not in REPORTING_KINDS:
            raise BadDataFile(f"{name}:{n}", "expected 'cue<TAB>kind' with a known kind", "fix the line")
        out[cols[0].strip().lower()].add(cols[1].strip())
    return dict(out)
