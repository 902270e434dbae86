"""A loaded set of PETRARCH/Phoenix dictionaries and how the pipeline uses it.

- **Actors** join eventwire's gazetteer (:class:`DictionaryGazetteer`): their phrases are tagged as entities
  before the statistical NER, and the phrase resolver finds their country and type. eventwire's own
  entries come first; a dictionary phrase eventwire already knows is not added again.
- **Dated roles** are resolved against the article's publication date when the events stage starts
  (:meth:`PetrarchDictionaries.prepare`); without a date the undated code applies.
- **Agents** join the role nouns (``gazetteer.role``): "cleric", "golden geese", "Minister of Silly Walks".
- **Verb patterns** are tried on verbs before eventwire's predicate lexicon (:mod:`.matcher`); a verb the
  dictionaries leave uncoded (``---``) falls through to the lexicon.
- **Discards** drop the sentences that match a sentence-level entry, and every sentence of an article
  that matches a story-level one.
"""

from __future__ import annotations

import datetime as dt
import time
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eventwire.dictionaries._lines import Issue
from eventwire.dictionaries.actors import ActorEntry, load_actors, phrase_words
from eventwire.dictionaries.agents import AgentEntry, load_agents
from eventwire.dictionaries.codes import agent_type, country_of_code, is_country_code, type_of_code
from eventwire.dictionaries.discards import DiscardEntry, DiscardMatcher, load_discards
from eventwire.dictionaries.verbs import VerbDictionary, load_verbs
from eventwire.errors import DictionarySetError
from eventwire.knowledge.gazetteer import PLACE_TYPE, Entry, Gazetteer, Role, is_case_sensitive_acronym

if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Callable

    from spacy.tokens import Doc as SpacyDoc

    from eventwire.dictionaries.matcher import VerbPatternMatcher
    from eventwire.document import Actor, Document
    from eventwire.knowledge.cameo import CameoTable

KINDS = ("actors", "agents", "verbs", "discards")
MANIFEST_SUFFIX = ".toml"
ENTITY_ID_PREFIX = "dictionary:"
_NAME_HINTS: tuple[tuple[str, str], ...] = (
    ("actors", "actors"),
    ("agents", "agents"),
    ("discards", "discards"),
    ("verbs", "verbs"),
    ("cameo", "verbs"),
)
"""File-name words that say what a file in a dictionary directory is (case-insensitive); other files (such
as Phoenix.IssueCoding.txt) are listed in ``ignored``."""


@dataclass(frozen=True, slots=True)
class DictionaryFiles:
    """Which files make up a dictionary set."""

    actors: tuple[Path, ...] = ()
    agents: tuple[Path, ...] = ()
    verbs: tuple[Path, ...] = ()
    discards: tuple[Path, ...] = ()
    ignored: tuple[Path, ...] = ()

    @classmethod
    def from_path(cls, path: Path) -> DictionaryFiles:
        """A directory (files recognised by name) or a ``.toml`` manifest listing files per kind::

            actors = ["Phoenix.Countries.actors.txt.gz", "Phoenix.International.actors.txt"]
            agents = ["Phoenix.agents.txt"]
            verbs = ["CAMEO.2.0.txt"]
            discards = ["Phoenix.discards.txt"]

        (relative paths are read from the manifest's folder).
        """
        if path.is_dir():
            return cls._from_directory(path)
        if path.is_file() and path.suffix == MANIFEST_SUFFIX:
            return cls._from_manifest(path)
        if not path.exists():
            raise DictionarySetError(
                str(path), "no such file or directory", "give a dictionary folder or a .toml manifest"
            )
        raise DictionarySetError(
            str(path), "not a folder or a .toml manifest", "give a dictionary folder or a manifest"
        )

    @classmethod
    def _from_directory(cls, folder: Path) -> DictionaryFiles:
        found: dict[str, list[Path]] = {kind: [] for kind in KINDS}
        ignored: list[Path] = []
        for path in sorted(p for p in folder.iterdir() if p.is_file()):
            lower = path.name.lower()
            kind = next((k for hint, k in _NAME_HINTS if hint in lower), None)
            (found[kind] if kind else ignored).append(path)
        files = cls(
            tuple(found["actors"]),
            tuple(found["agents"]),
            tuple(found["verbs"]),
            tuple(found["discards"]),
            ignored=tuple(ignored),
        )
        if not files.actors and not files.agents and not files.verbs and not files.discards:
            raise DictionarySetError(
                str(folder),
                "no dictionary files found (names must contain actors, agents, verbs, CAMEO or discards)",
                "rename the files or list them in a .toml manifest",
            )
        return files

    @classmethod
    def _from_manifest(cls, manifest: Path) -> DictionaryFiles:
        try:
            data: dict[str, Any] = tomllib.loads(manifest.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise DictionarySetError(
                str(manifest), f"not a readable TOML manifest ({exc})", "fix the manifest"
            ) from exc
        unknown = sorted(set(data) - set(KINDS))
        if unknown:
            raise DictionarySetError(
                str(manifest), f"unknown key(s) {', '.join(unknown)}", f"use only {', '.join(KINDS)}"
            )
        lists: dict[str, tuple[Path, ...]] = {}
        for kind in KINDS:
            value = data.get(kind, [])
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise DictionarySetError(
                    str(manifest), f"{kind} must be a list of file names", f'write {kind} = ["..."]'
                )
            paths = tuple((manifest.parent / v) for v in value)
            missing = [str(p) for p in paths if not p.is_file()]
            if missing:
                raise DictionarySetError(str(manifest), f"{kind}: no such file {missing[0]}", "fix the path")
            lists[kind] = paths
        return cls(lists["actors"], lists["agents"], lists["verbs"], lists["discards"])


@dataclass
class PetrarchDictionaries:
    """Loaded dictionaries; compiled forms for the pipeline are built on first use and kept."""

    actors: list[ActorEntry]
    agents: list[AgentEntry]
    verbs: list[VerbDictionary]
    discards: list[DiscardEntry]
    issues: list[Issue] = field(default_factory=list)
    files: DictionaryFiles = field(default_factory=DictionaryFiles)
    load_seconds: float = 0.0
    _actor_index: dict[str, ActorEntry] = field(default_factory=dict, repr=False)
    _agent_index: dict[str, AgentEntry] = field(default_factory=dict, repr=False)
    _by_name: dict[str, ActorEntry] = field(default_factory=dict, repr=False)
    _discard_matcher: DiscardMatcher | None = field(default=None, repr=False)
    _matcher: VerbPatternMatcher | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        for entry in self.actors:
            for phrase in entry.phrases:
                if phrase in self._actor_index and self._actor_index[phrase] is not entry:
                    first = self._actor_index[phrase]
                    self.issues.append(
                        Issue(
                            entry.source,
                            entry.line,
                            f"phrase {phrase!r} already listed at line {first.line}; first kept",
                        )
                    )
                    continue
                self._actor_index[phrase] = entry
            self._by_name.setdefault(entry.name, entry)
        for agent in self.agents:
            self._agent_index.setdefault(agent.phrase, agent)
        self._discard_matcher = DiscardMatcher(self.discards)

    # -- loading --------------------------------------------------------------------------------
    @classmethod
    def from_files(cls, files: DictionaryFiles) -> PetrarchDictionaries:
        start = time.perf_counter()
        issues: list[Issue] = []
        actors: list[ActorEntry] = []
        for path in files.actors:
            found, more = load_actors(path)
            actors += found
            issues += more
        agents: list[AgentEntry] = []
        for path in files.agents:
            found_agents, more = load_agents(path)
            agents += found_agents
            issues += more
        verbs: list[VerbDictionary] = []
        for path in files.verbs:
            dictionary, more = load_verbs(path)
            verbs.append(dictionary)
            issues += more
        discards: list[DiscardEntry] = []
        for path in files.discards:
            discards += load_discards(path)
        loaded = cls(actors, agents, verbs, discards, issues, files)
        loaded.load_seconds = time.perf_counter() - start
        return loaded

    # -- lookups --------------------------------------------------------------------------------
    def actor(self, phrase: str) -> ActorEntry | None:
        """The actor record a whole phrase names ("the Shire", "Gaza City's"); short one-word phrases
        (at most four letters, "UN", "ENT") only as written in capitals."""
        for key in _phrase_keys(phrase):
            found = self._actor_index.get(key)
            if found is not None:
                if is_case_sensitive_acronym(key) and not _upper_in(phrase, key):
                    continue
                return found
        return None

    def actor_named(self, name: str) -> ActorEntry | None:
        """The actor record whose display name (:attr:`ActorEntry.name`) is ``name``."""
        return self._by_name.get(name)

    def agent(self, phrase: str) -> AgentEntry | None:
        for key in _phrase_keys(phrase):
            found = self._agent_index.get(key)
            if found is not None:
                return found
        return None

    def find_actors(self, text: str) -> list[ActorEntry]:
        """Actor records whose phrases occur in ``text`` (longest first, left to right, not overlapping)."""
        return [e for e in _find_longest(_words(text), self._actor_index) if isinstance(e, ActorEntry)]

    def find_agents(self, text: str) -> list[AgentEntry]:
        return [e for e in _find_longest(_words(text), self._agent_index) if isinstance(e, AgentEntry)]

    # -- the pipeline's hooks -------------------------------------------------------------------
    def gazetteer(self, base: Gazetteer) -> Gazetteer:
        """``base`` with the dictionaries' actors and agents added (base entries win)."""
        return DictionaryGazetteer(base, self)

    def verb_patterns(self, cameo: CameoTable) -> VerbPatternMatcher:
        """The verb patterns compiled for the events stage (codes outside ``cameo`` are left out and
        counted in :attr:`issues`)."""
        if self._matcher is None:
            from eventwire.dictionaries.matcher import VerbPatternMatcher

            self._matcher = VerbPatternMatcher(self.verbs, cameo)
            self.issues += self._matcher.issues
        return self._matcher

    def prepare(self, doc: Document) -> frozenset[int]:
        """Start of the events stage: give mentions of dictionary actors their role on the article's date,
        and return the indexes of the sentences the discard list rules out."""
        self.redate_mentions(doc)
        if doc.nlp is None:
            return frozenset()
        return self.discarded_sentences(doc.nlp)

    def redate_mentions(self, doc: Document) -> None:
        for mention in doc.mentions:
            entry = self._by_name.get(mention.name) if mention.name else None
            if entry is None or not entry.dated:
                continue
            code = entry.code_on(doc.pub_date)
            if code is None:
                continue
            first = code.split("/")[0]
            mention.country = country_of_code(first)
            mention.type = type_of_code(first) or (PLACE_TYPE if is_country_code(first) else None)

    def discarded_sentences(self, parsed: SpacyDoc) -> frozenset[int]:
        matcher = self._discard_matcher
        if matcher is None or not self.discards:
            return frozenset()
        sents = list(parsed.sents)
        if matcher.story_match(parsed.text) is not None:
            return frozenset(range(len(sents)))
        return frozenset(i for i, s in enumerate(sents) if matcher.sentence_match(s.text) is not None)

    # -- PETRARCH codes for eventwire's actors -------------------------------------------------
    def petrarch_codes(self, actor: Actor | None, day: dt.date | None) -> list[str]:
        """PETRARCH-style codes of an eventwire actor (see :func:`petrarch_codes`)."""
        return petrarch_codes(actor, self, day)

    def summary(self) -> dict[str, int | float]:
        return {
            "actor_records": len(self.actors),
            "actor_phrases": len(self._actor_index),
            "agent_forms": len(self._agent_index),
            "verb_blocks": sum(len(v.blocks) for v in self.verbs),
            "verb_patterns": sum(len(b.patterns) for v in self.verbs for b in v.blocks),
            "synsets": sum(len(v.synsets) for v in self.verbs),
            "discards": len(self.discards),
            "issues": len(self.issues),
            "load_seconds": round(self.load_seconds, 3),
        }


def load_dictionaries(path: Path | str) -> PetrarchDictionaries:
    """Load the dictionaries of a folder or a ``.toml`` manifest (see :meth:`DictionaryFiles.from_path`).

    Raises :class:`~eventwire.errors.DictionarySetError` for a bad path or manifest,
    :class:`~eventwire.errors.DictionaryFileError` (naming file and line) for a malformed line; lines
    PETRARCH itself skips with a warning are counted in ``issues`` instead.
    """
    return PetrarchDictionaries.from_files(DictionaryFiles.from_path(Path(path)))


# --- eventwire actors -> PETRARCH codes -------------------------------------------------------------

COUNTRY_KINDS = frozenset({"country", "capital", "demonym", "region"})


def petrarch_codes(actor: Actor | None, dictionaries: PetrarchDictionaries, day: dt.date | None) -> list[str]:
    """The PETRARCH-style codes of an eventwire actor: root + agent.

    - root: the codes of the dictionary actors named in the actor's text (on ``day``; ``ELR/GAL`` gives
      two), else the actor's country (its ISO3 code or dictionary root), else ``---``;
    - agent: the code of the dictionary agent named in the text (``~GOV`` appended, ``NGO~`` put before),
      else the actor's eventwire type, except for a country, capital or demonym standing alone (PETRARCH
      codes "Arnor" as ``ARN``, not ``ARNGOV``) and for a root that already carries a role.
    ``[]`` stands for no actor (``---``).
    """
    if actor is None:
        return []
    text = actor.span.text
    roots: list[str] = []
    for entry in dictionaries.find_actors(text):
        code = entry.code_on(day)
        if code is not None:
            roots += code.split("/")
    if not roots:
        roots = [actor.country if actor.country and len(actor.country) == 3 else "---"]
    agents = dictionaries.find_agents(text)
    out = []
    for root in roots:
        code = root
        for agent in agents:
            if agent.code in code:
                continue
            code = agent.code + code if agent.prefix else code + agent.code
        if not agents and len(root) == 3 and actor.type and actor.kind not in COUNTRY_KINDS | {"org"}:
            if actor.type not in {"IGO", "NGO"} or root == "---":
                code = root + actor.type
        out.append(code)
    return list(dict.fromkeys(out))


# --- the gazetteer overlay --------------------------------------------------------------------------


class DictionaryGazetteer(Gazetteer):
    """eventwire's gazetteer with a dictionary set's actors (entities) and agents (role nouns) added."""

    __slots__ = ("dictionaries", "_base", "_role_cache")

    def __init__(self, base: Gazetteer, dictionaries: PetrarchDictionaries) -> None:
        for slot in Gazetteer.__slots__:  # share the base's (immutable) indexes
            setattr(self, slot, getattr(base, slot))
        self._base = base
        self.dictionaries = dictionaries
        self._role_cache: dict[str, Role | None] = {}

    def lookup(self, phrase: str) -> Entry | None:
        found = self._base.lookup(phrase)
        if found is not None:
            return found
        entry = self.dictionaries.actor(phrase)
        return _entry(entry, phrase) if entry is not None else None

    def role(self, term: str) -> Role | None:
        found = self._base.role(term)
        if found is not None:
            return found
        if term not in self._role_cache:
            agent = self.dictionaries.agent(term)
            self._role_cache[term] = (
                Role(agent.phrase.lower(), agent_type(agent.code), "group" if agent.plural else "person")
                if agent is not None
                else None
            )
        return self._role_cache[term]

    def entity_ruler_patterns(
        self, tokenize: Callable[[str], list[str]] | None = None
    ) -> list[dict[str, Any]]:
        """The base patterns, then one per dictionary actor phrase the base does not know (label GPE for a
        country's phrases, ORG for the rest; id ``dictionary:<name>``)."""
        patterns = self._base.entity_ruler_patterns(tokenize)
        if tokenize is None:
            from eventwire.knowledge.gazetteer import _english_tokenize

            tokenize = _english_tokenize()
        for phrase, entry in self.dictionaries._actor_index.items():  # noqa: SLF001 - same package
            if self._base.lookup(phrase) is not None:
                continue
            label = "GPE" if _is_country(entry) else "ORG"
            pattern_id = ENTITY_ID_PREFIX + entry.name
            if is_case_sensitive_acronym(phrase):
                tokens = [{"ORTH": t} for t in tokenize(phrase)]
            else:
                tokens = [{"LOWER": t.lower()} for t in tokenize(phrase.lower())]
            if tokens:
                patterns.append({"label": label, "pattern": tokens, "id": pattern_id})
        return patterns

    def __repr__(self) -> str:
        return f"DictionaryGazetteer({self._base!r}, {len(self.dictionaries.actors)} dictionary actors)"


def _is_country(entry: ActorEntry) -> bool:
    codes = entry.codes()
    return bool(codes) and all(is_country_code(c) for c in codes)


def _entry(entry: ActorEntry, text: str) -> Entry | None:
    """The gazetteer entry of a dictionary actor (undated code; dated roles are applied per article)."""
    codes = entry.codes()
    if not codes:
        return None  # the null code: a phrase that names no actor
    first = (entry.default or codes[0]).split("/")[0]
    country = country_of_code(first)
    if _is_country(entry):
        return Entry(text, "country", country, PLACE_TYPE, entry.name)
    return Entry(text, "org", country, type_of_code(first), entry.name)


# --- phrase helpers ---------------------------------------------------------------------------------


def _words(text: str) -> list[str]:
    """Upper-case words of a text as dictionary phrases are written (possessives split off)."""
    cleaned = text.replace("\u2019", "'").replace("'s ", " 's ").replace("'S ", " 's ")
    if cleaned.endswith(("'s", "'S")):
        cleaned = cleaned[:-2] + " 's"
    out = []
    for raw in cleaned.split():
        word = raw.strip(',;:!?"()[]').upper()
        if word.endswith(".") and word.count(".") == 1:
            word = word[:-1]  # sentence-final full stop, not "U.S."
        if word:
            out.append(word)
    return out


def _phrase_keys(phrase: str) -> Sequence[str]:
    words = [w for w in _words(phrase) if w != "'S"]
    keys = [" ".join(words)]
    if words and words[0] == "THE":
        keys.append(" ".join(words[1:]))
    else:
        keys.append(" ".join(["THE", *words]))
    return [phrase_words(k) for k in keys if k]


def _upper_in(text: str, key: str) -> bool:
    return key in text.upper() and key in text


def _find_longest(words: list[str], index: Iterable[str] | dict[str, Any]) -> list[Any]:
    """Dictionary entries of the longest phrases in ``words``, left to right, not overlapping."""
    table: dict[str, Any] = index if isinstance(index, dict) else {}
    out = []
    i = 0
    max_len = 8
    while i < len(words):
        for size in range(min(max_len, len(words) - i), 0, -1):
            key = " ".join(words[i : i + size])
            if key in table:
                out.append(table[key])
                i += size
                break
        else:
            i += 1
    return out
