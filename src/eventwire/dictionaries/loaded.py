"""A loaded set of PETRARCH/Phoenix dictionaries and how the pipeline uses it.

- **Actors** join eventwire's gazetteer (:class:`DictionaryGazetteer`): their phrases are tagged as entities
  before the statistical NER (by :class:`ActorPhraseFinder`, plain token lookups: building 34k spaCy
  patterns took most of the start-up time), and the phrase resolver finds their country and type.
  eventwire's own entries come first; a dictionary phrase eventwire already knows is not tagged again.
- **Loading** parses the files once per set and version: the parsed entries are cached (see :mod:`.cache`).
- **Dated roles** are resolved against the article's publication date at the end of the actors stage
  (:meth:`PetrarchDictionaries.redate_mentions`); without a date the undated code applies.
- **Agents** join the role nouns (``gazetteer.role``): "cleric", "golden geese", "Minister of Silly Walks".
- **Verb patterns** are tried on verbs before eventwire's predicate lexicon (:mod:`.matcher`); a verb the
  dictionaries list but leave uncoded (``---``) is no event, and only verbs they do not list go to the
  lexicon.
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
from typing import TYPE_CHECKING, Any, Literal

from eventwire.dictionaries import cache
from eventwire.dictionaries._lines import Issue
from eventwire.dictionaries.actors import ActorEntry, load_actors, phrase_words
from eventwire.dictionaries.agents import AgentEntry, load_agents
from eventwire.dictionaries.codes import agent_type, country_of_code, is_country_code, type_of_code
from eventwire.dictionaries.discards import DiscardEntry, DiscardMatcher, load_discards
from eventwire.dictionaries.verbs import VerbDictionary, load_verbs
from eventwire.errors import DictionarySetError
from eventwire.knowledge.gazetteer import (
    PLACE_TYPE,
    EntityFinder,
    Entry,
    Gazetteer,
    Role,
    is_case_sensitive_acronym,
)

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

    def listed(self) -> list[tuple[str, Path]]:
        """(kind, path) of every file of the set, in order."""
        return [(kind, path) for kind in KINDS for path in getattr(self, kind)]

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
    cached: bool = False  # read from the cache rather than parsed
    cache_note: str = "no cache"  # what the cache did (see eventwire.dictionaries.cache)
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
    def from_files(cls, files: DictionaryFiles, cache_dir: Path | None = None) -> PetrarchDictionaries:
        """Parse ``files``, or read them from the cache in ``cache_dir`` (None: no cache)."""
        start = time.perf_counter()
        key = cache.cache_key(files.listed()) if cache_dir is not None else None
        parsed: cache.Parsed | None = None
        note = "no cache"
        if cache_dir is not None and key is not None:
            parsed, note = cache.read_cache(cache_dir, key)
        from_cache = parsed is not None
        if parsed is None:
            parsed = cls._parse(files)
            if cache_dir is not None and key is not None:
                note = f"{note}; {cache.write_cache(cache_dir, key, parsed)}"
        loaded = cls(
            list(parsed.actors),
            list(parsed.agents),
            list(parsed.verbs),
            list(parsed.discards),
            list(parsed.issues),
            files,
            cached=from_cache,
            cache_note=note,
        )
        loaded.load_seconds = time.perf_counter() - start
        return loaded

    @staticmethod
    def _parse(files: DictionaryFiles) -> cache.Parsed:
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
        return cache.Parsed(actors, agents, verbs, discards, issues)

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

    def actor_phrases(self) -> list[tuple[str, ActorEntry]]:
        """Every actor phrase (upper case, single spaces) and its record, first listing kept."""
        return list(self._actor_index.items())

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
        """Start of the events stage: the indexes of the sentences the discard list rules out."""
        if doc.nlp is None:
            return frozenset()
        return self.discarded_sentences(doc.nlp)

    def redate_mentions(self, doc: Document) -> None:
        """End of the actors stage: mentions of dictionary actors with dated roles take the role that holds
        on the article's publication date."""
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
    def petrarch_codes(
        self, actor: Actor | None, day: dt.date | None, doc: Document | None = None
    ) -> list[str]:
        """PETRARCH-style codes of an eventwire actor (see :func:`petrarch_codes`)."""
        return petrarch_codes(actor, self, day, doc)

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
            "from_cache": self.cached,
        }


def load_dictionaries(
    path: Path | str, cache_dir: Path | Literal["default"] | None = "default"
) -> PetrarchDictionaries:
    """Load the dictionaries of a folder or a ``.toml`` manifest (see :meth:`DictionaryFiles.from_path`).

    ``cache_dir``: where parsed sets are kept between runs (``"default"``: see
    :func:`eventwire.dictionaries.cache.default_cache_dir`; None: parse the files every time).

    Raises :class:`~eventwire.errors.DictionarySetError` for a bad path or manifest,
    :class:`~eventwire.errors.DictionaryFileError` (naming file and line) for a malformed line; lines
    PETRARCH itself skips with a warning are counted in ``issues`` instead.
    """
    folder = cache.default_cache_dir() if cache_dir == "default" else cache_dir
    return PetrarchDictionaries.from_files(DictionaryFiles.from_path(Path(path)), folder)


# --- eventwire actors -> PETRARCH codes -------------------------------------------------------------

NAMING_KINDS = frozenset({"country", "capital", "demonym", "metonym", "region", "org", "person"})
"""Mention kinds whose text names the actor itself (eventwire's gazetteer found it), so that its country
stands for a dictionary actor the set lacks. Roles, pronouns and unknown organisations get their country
from context (the article's focus, an antecedent), which PETRARCH does not do."""


def petrarch_codes(
    actor: Actor | None, dictionaries: PetrarchDictionaries, day: dt.date | None, doc: Document | None = None
) -> list[str]:
    """The PETRARCH codes of an eventwire actor, composed as PETRARCH composes them from its noun phrase:

    - actor codes: the codes of the dictionary actors named in the actor's text (on ``day``; ``ELR/GAL``
      gives two); failing those, the country of an actor whose own text names it in eventwire's gazetteer
      (:data:`NAMING_KINDS`); else ``---``;
    - agent codes: the dictionary agents named in the text, each appended (``~GOV``) or put before
      (``NGO~``) unless the code already holds it; eventwire's own actor types are not used (PETRARCH codes
      "the mayor of Caras Galadhon" ``ELF`` when "mayor" is no agent).
    - with the parsed ``doc``: a personal pronoun ("it", "they") is coded as its antecedent, the subject
      of the clause above its own (see :func:`_antecedent`); an actor named in an "of" phrase of an agent
      noun ("the ambassadors of Arnor, Osgiliath and Gondor") takes that noun's agents, as PETRARCH codes
      the whole noun phrase (the actors of its prepositional phrase, the agents of its head).
    ``[]`` stands for no actor (``---``): no actor code and no agent.
    """
    if actor is None:
        return []
    text = actor.span.text
    if doc is not None and text.lower() in PERSONAL_PRONOUNS:
        antecedent = _antecedent(actor, doc)
        if antecedent is not None:
            text = antecedent
    roots: list[str] = []
    for entry in dictionaries.find_actors(text):
        code = entry.code_on(day)
        if code is not None:
            roots += code.split("/")
    agents = dictionaries.find_agents(text)
    if roots and not agents and doc is not None:
        agents = _holder_agents(actor, dictionaries, doc)
    if not roots:
        named = actor.kind in NAMING_KINDS and actor.country and len(actor.country) == 3
        if not named and not agents:
            return []
        roots = [actor.country if named and actor.country else "---"]
    out = []
    for root in roots:
        code = root
        for agent in agents:
            if agent.code in code[3:]:
                continue
            code = agent.code + code if agent.prefix else code + agent.code
        out.append(code)
    return list(dict.fromkeys(out))


PERSONAL_PRONOUNS = frozenset({"it", "they", "he", "she", "them", "him", "her"})
"""Pronouns PETRARCH resolves to an antecedent (its PRP; possessives and reflexives are not resolved)."""


def _antecedent(actor: Actor, doc: Document) -> str | None:
    """The text of the subject of the clause above the pronoun's own ("Ethiopia indicated it deplored
    Libya": Ethiopia), as PETRARCH resolves a personal pronoun: it skips the pronoun's own clause and takes
    the first noun phrase of the clause that holds it."""
    parsed = doc.nlp
    if parsed is None:
        return None
    span = parsed.char_span(actor.span.start, actor.span.end, alignment_mode="expand")
    if span is None:
        return None
    verb = span.root.head
    if verb.dep_ not in {"ccomp", "xcomp"} or verb.head.i == verb.i:
        return None
    subjects = [c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i < verb.head.i]
    if not subjects or subjects[0].lower_ in PERSONAL_PRONOUNS:
        return None
    subject = subjects[0]
    return parsed[subject.left_edge.i : subject.right_edge.i + 1].text


def _holder_agents(actor: Actor, dictionaries: PetrarchDictionaries, doc: Document) -> list[AgentEntry]:
    """The agents of the noun whose "of" phrase names ``actor`` (or a conjunct of it): "the ambassadors
    of Arnor, Osgiliath and Gondor" gives each country ``~GOV``."""
    parsed = doc.nlp
    if parsed is None:
        return []
    span = parsed.char_span(actor.span.start, actor.span.end, alignment_mode="expand")
    if span is None:
        return []
    head = span.root
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    prep = head.head
    if head.dep_ != "pobj" or prep.lower_ != "of" or prep.head.pos_ not in {"NOUN", "PROPN"}:
        return []
    holder = prep.head
    return dictionaries.find_agents(parsed[holder.left_edge.i : holder.i + 1].text)


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
        """The base gazetteer's patterns; the dictionary phrases are found by :meth:`entity_finders`."""
        return self._base.entity_ruler_patterns(tokenize)

    def entity_finders(self, tokenize: Callable[[str], list[str]] | None = None) -> list[EntityFinder]:
        """The base's finders, then an :class:`ActorPhraseFinder` over the dictionary actor phrases."""
        if tokenize is None:
            from eventwire.knowledge.gazetteer import _english_tokenize

            tokenize = _english_tokenize()
        finder = ActorPhraseFinder(self.dictionaries.actor_phrases(), self._base, tokenize)
        return [*self._base.entity_finders(tokenize), finder]

    def __repr__(self) -> str:
        return f"DictionaryGazetteer({self._base!r}, {len(self.dictionaries.actors)} dictionary actors)"


class ActorPhraseFinder:
    """Dictionary actor phrases in a document's tokens (an :data:`~eventwire.knowledge.gazetteer.EntityFinder`
    for the gazetteer tagger): label GPE for a country's phrases, ORG for the rest, id
    ``dictionary:<name>``. Phrases match case-insensitively, short acronyms ("UN", "ENT") only as written;
    a phrase the base gazetteer knows is left to it (checked when the phrase is first found).

    Plain dictionary lookups on token texts: no spaCy patterns are built, so loading 34k phrases takes a
    fraction of a second instead of the ~20 s spaCy took to make their lexemes and PhraseMatcher docs.
    """

    def __init__(
        self,
        phrases: Iterable[tuple[str, ActorEntry]],
        base: Gazetteer,
        tokenize: Callable[[str], list[str]],
    ) -> None:
        # first token (lower case) -> (tokens, as written?, label, id, phrase); longest first
        index: dict[str, list[tuple[tuple[str, ...], bool, str, str, str]]] = {}
        for phrase, entry in phrases:
            exact = is_case_sensitive_acronym(phrase)
            tokens = tuple(tokenize(phrase)) if exact else tuple(t.lower() for t in tokenize(phrase.lower()))
            if not tokens:
                continue
            label = "GPE" if _is_country(entry) else "ORG"
            index.setdefault(tokens[0].lower(), []).append(
                (tokens, exact, label, ENTITY_ID_PREFIX + entry.name, phrase)
            )
        for candidates in index.values():
            candidates.sort(key=lambda c: -len(c[0]))
        self._index = index
        self._base = base
        self._base_knows: dict[str, bool] = {}  # phrase -> base.lookup found it (filled as phrases are met)

    def __call__(self, words: list[str]) -> list[tuple[int, int, str, str]]:
        lowers = [w.lower() for w in words]
        index = self._index
        out = []
        for i, low in enumerate(lowers):
            candidates = index.get(low)
            if candidates is None:
                continue
            for tokens, exact, label, pattern_id, phrase in candidates:
                end = i + len(tokens)
                if tuple((words if exact else lowers)[i:end]) != tokens or self._known(phrase):
                    continue
                out.append((i, end, label, pattern_id))
        return out

    def _known(self, phrase: str) -> bool:
        known = self._base_knows.get(phrase)
        if known is None:
            known = self._base_knows[phrase] = self._base.lookup(phrase) is not None
        return known


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
    """Upper-case words of a text as dictionary phrases are written (possessives split off; an underscore
    joins words in a text as in a dictionary phrase: "Dol_Amroth" is DOL AMROTH)."""
    cleaned = text.replace("\u2019", "'").replace("_", " ").replace("'s ", " 's ").replace("'S ", " 's ")
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
