"""Verb patterns of PETRARCH verb dictionaries matched on a spaCy parse.

A verb token is looked up by its lemma (and by its surface form, for the irregular forms a dictionary
lists); a multi-word verb also needs its other words right before or after it ("cordoned off",
"wire tapped"). The block's patterns are then tried, most words first: the words after ``*`` must occur,
in order, after the verb in its sentence, the words before ``*`` before it (``_`` means adjacent, a space
allows words in between, as in PETRARCH). Words are compared in upper case as written: "RESOLUTION" does not
match "resolutions" (PETRARCH works on whole words), but synset members also match their plurals.

Approximations, documented: the actor markers ``$ + % ^`` do not constrain the match (eventwire finds the
actors in the dependency parse); they only steer the roles: ``+`` after a preposition makes that
preposition's object the target, ``+ ... * ... FROM $`` makes the subject the target and the object of
"from" the source, ``+ * MONEY $`` the subject the target and the first actor after the verb the source,
``%`` codes coordinated subjects against each other. The window is the verb's sentence, not its verb
phrase.

Roles as PETRARCH assigns them (issue 5), as general rules on the parse:
- passive voice swaps source and target: "X was opposed by Y" is Y's act on X (the "by" phrase is never
  the target);
- compound subjects: each conjunct is a source; when the parse's first subject names no actor ("Old foes
  Gondor and Osgiliath have renewed ties"), the actor-like subject and its conjuncts are; with a reciprocal
  code (``064:064``) and no other party in the verb phrase, they act on each other;
- when the slots name no actor, the target is the first actor of the verb phrase, however deep ("cordoned
  off the roads leading into Mordor"), as PETRARCH reads it, less what eventwire's own target search
  leaves out (see :func:`_phrase_actors`; on GeoWebNews with the Phoenix set the unrestricted rule coded
  mostly wrong targets).

As in PETRARCH, the dictionaries decide for the verbs they list: a listed verb that codes nothing (``---``,
or a code eventwire cannot emit) is no event, and the predicate lexicon is only consulted for verbs the
dictionaries do not list. A verb coded only by its default code whose clausal complement holds a coded verb
is no event either: PETRARCH 2 passes the complement's event up ("X will restore ties with Y, an official
said" codes X's act, not the official's statement). A listed verb heading a clause under a preposition
("celebrated Iftar with Y after leaving Z", "by not setting up the board") is no event: PETRARCH 2 reads a
prepositional phrase for its actors only, never for an event.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventwire.dictionaries._lines import Issue
from eventwire.dictionaries.verbs import (
    NULL_CODE,
    Element,
    Synset,
    VerbBlock,
    VerbDictionary,
    VerbForm,
    VerbPattern,
)
from eventwire.events.lexicon import Predicate
from eventwire.events.roles import object_of
from eventwire.events.stage import FORCE_ROOTS, LOCATIVE_PREPS  # a place is no target of force

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

    from eventwire.knowledge.cameo import CameoTable

ACTOR_ENT_LABELS = frozenset({"GPE", "ORG", "NORP", "PERSON", "FAC", "LOC"})
MAX_SYNSET_DEPTH = 3
DEFAULT_TARGET_SLOTS = ("obj", "dative")


@dataclass(frozen=True)
class DictionaryPredicate(Predicate):
    """A predicate found by a dictionary verb or pattern; its rule names the file and line."""

    origin: str = ""

    @property
    def rule(self) -> str:
        return f"dictionary:{self.origin}->{self.cameo}"


@dataclass(frozen=True, slots=True)
class _Coded:
    """A verb form or pattern with a code eventwire can use."""

    code: str
    reverse: str | None
    origin: str
    usable: bool = True  # a code eventwire can emit (not '---', not outside its CAMEO table)


_Needs = tuple[frozenset[str], tuple[frozenset[str], ...]]
_NO_NEEDS: _Needs = (frozenset(), ())

_NO_EVENT = DictionaryPredicate(
    lemma="", pos="VERB", cues=(), cameo="", target_slots=("none",), line=0, origin="no event"
)
_OTHER_CODE = DictionaryPredicate(
    lemma="", pos="VERB", cues=(), cameo="", target_slots=("none",), line=0, origin="code outside CAMEO"
)
_CODED = DictionaryPredicate(
    lemma="", pos="VERB", cues=(), cameo="coded", target_slots=("none",), line=0, origin="coded"
)
"""What :meth:`VerbPatternMatcher.match` returns for a listed verb that codes no event (``---``), and for
one coded with a code eventwire cannot emit (no event either, but a coded complement for the rule above);
``_CODED`` only says that a complement's verb is coded (never reaches the events stage)."""


class VerbPatternMatcher:
    """Matches dictionary verbs and patterns on parsed tokens (a lexicon ``PatternSource``)."""

    def __init__(self, dictionaries: Iterable[VerbDictionary], cameo: CameoTable) -> None:
        self.issues: list[Issue] = []
        self._by_word: dict[str, list[tuple[VerbForm, VerbBlock]]] = defaultdict(list)
        self._patterns: dict[int, list[tuple[_Coded, VerbPattern, _Needs]]] = {}
        self._synsets: dict[str, dict[str, list[tuple[str, ...]]]] = {}
        self._cameo = cameo
        # the last sentence's words (its doc is kept, compared by identity: an id could be reused)
        self._sentence: tuple[object, int, list[str], frozenset[str]] = (None, -1, [], frozenset())
        synsets: dict[str, Synset] = {}
        for dictionary in dictionaries:
            synsets.update(dictionary.synsets)
            for block in dictionary.blocks:
                # every pattern is kept, usable or not: the most specific one that matches decides, and
                # one whose code eventwire cannot emit makes the verb no event (not a vaguer pattern's)
                # a pattern whose "code" has no digit ([+++], [xxy]: test placeholders) is skipped, as before
                usable = [p for p in block.patterns if not _placeholder(p.code)]
                ordered = sorted(usable, key=lambda p: -p.words)  # most words first, then file order
                self._patterns[id(block)] = [(self._coded_pattern(p), p, _NO_NEEDS) for p in ordered]
                for verb in block.verbs:
                    self._usable(verb.code, block.source, verb.line)  # counts a code outside CAMEO once
                    for word in {verb.word, *verb.forms}:
                        self._by_word[word].append((verb, block))
        self._synsets = {name: _expand(name, synsets) for name in synsets}
        for entries in self._patterns.values():
            entries[:] = [(c, p, self._needs(p)) for c, p, _ in entries]
        self.verbs = len(self._by_word)

    def _needs(self, pattern: VerbPattern) -> _Needs:
        """The words a sentence must hold for ``pattern`` to match (a quick test before the ordered match):
        its literal words, and for each synset one of the first words of its members."""
        elements = [e for e in (*pattern.before, *pattern.after) if not e.is_marker]
        literal = frozenset(e.text for e in elements if not e.is_synset)
        firsts = tuple(frozenset(self._synsets.get(e.text, {})) for e in elements if e.is_synset)
        return literal, firsts

    def _usable(self, code: str, source: str, line: int, count: bool = True) -> bool:
        """A code eventwire can emit; one outside its CAMEO table is counted as an issue (when the
        dictionaries are compiled, ``count``; not again for every token)."""
        if code in {"", NULL_CODE}:
            return False
        if code not in self._cameo:
            if count:
                self.issues.append(
                    Issue(source, line, f"code {code} is not in eventwire's CAMEO table; not used")
                )
            return False
        return True

    def _coded_pattern(self, pattern: VerbPattern) -> _Coded:
        usable = self._usable(pattern.code, pattern.source, pattern.line)
        reverse = pattern.reverse if pattern.reverse and pattern.reverse in self._cameo else None
        return _Coded(pattern.code, reverse, f"{pattern.source}:{pattern.line}", usable)

    def match(self, token: Token) -> Predicate | None:
        """The predicate of a verb the dictionaries list: a pattern's or the verb's code, or a predicate
        with an empty code (no event, the lexicon is not consulted) when the verb is listed but codes
        nothing eventwire can use: ``---``, a code outside CAMEO, or a default code whose clausal
        complement holds a coded verb (PETRARCH 2 passes the complement's event up: "X will restore ties
        with Y, an official said" is X's act, not the official's statement). None for an unlisted verb."""
        if token.dep_ == "pcomp" and self._listed(token):
            return _NO_EVENT  # a clause under a preposition ("after leaving X"): see the module docstring
        sent = token.sent
        if self._sentence[0] is not token.doc or self._sentence[1] != sent.start:  # once per sentence
            words = [t.text.upper() for t in sent]
            self._sentence = (token.doc, sent.start, words, frozenset(words))
        _, _, words, present = self._sentence
        return self._match(token, words, present, sent.start)

    def _listed(self, token: Token) -> bool:
        """Do the dictionaries list the verb (by its form or its lemma)?"""
        return bool(self._by_word.get(token.text.upper()) or self._by_word.get(token.lemma_.upper()))

    def _match(
        self, token: Token, words: list[str], present: frozenset[str], offset: int, build: bool = True
    ) -> Predicate | None:
        """``build``: False when only whether the verb is coded matters (no roles are worked out)."""
        # a form the dictionary lists as written ("LEFT") is more specific than the lemma ("LEAVE")
        candidates = self._by_word.get(token.text.upper()) or self._by_word.get(token.lemma_.upper())
        if not candidates:
            return None
        at = token.i - offset
        before, after = words[:at], words[at + 1 :]
        listed = False
        for verb, block in candidates:
            if not _multiword_holds(verb, before, after):
                continue
            listed = True
            rest = after[len(verb.after) :]
            for coded, pattern, (literal, firsts) in self._patterns[id(block)]:
                if not literal <= present or not all(f & present for f in firsts):
                    continue  # a word the pattern needs is not in the sentence
                if self._pattern_holds(pattern, before, rest):
                    if not coded.usable:
                        return _NO_EVENT if coded.code in {"", NULL_CODE} else _OTHER_CODE
                    return self._predicate(token, coded, pattern) if build else _CODED
            if self._usable(verb.code, block.source, verb.line, count=False):
                if self._complement_coded(token, words, present, offset):
                    break
                if not build:
                    return _CODED
                reverse = verb.reverse if verb.reverse and verb.reverse in self._cameo else None
                return self._predicate(token, _Coded(verb.code, reverse, f"{block.source}:{verb.line}"), None)
            if verb.code not in {"", NULL_CODE}:
                return _OTHER_CODE
        return _NO_EVENT if listed else None

    def _complement_coded(self, token: Token, words: list[str], present: frozenset[str], offset: int) -> bool:
        """Does a clausal complement of ``token`` (ccomp) hold a verb the dictionaries code?"""
        for child in token.children:
            if child.dep_ != "ccomp":
                continue
            for t in child.subtree:
                if t.pos_ == "VERB" or t.tag_.startswith("VB"):
                    found = self._match(t, words, present, offset, build=False)
                    if found is not None and (found.cameo or found is _OTHER_CODE):
                        return True
        return False

    def _pattern_holds(self, pattern: VerbPattern, before: list[str], after: list[str]) -> bool:
        return _match(pattern.after, after, self._synsets) and _match(pattern.before, before, self._synsets)

    def _predicate(self, token: Token, coded: _Coded, pattern: VerbPattern | None) -> Predicate:
        source = "subj"
        slots = _target_slots(token)
        phrase = _phrase_actors(token, coded.code)
        source_at = _subject_actors(token)
        if pattern is not None:
            marked = _marked_slots(pattern)
            if marked is not None:
                source, slots = marked
                if source == PHRASE_SOURCE:  # "+ * MONEY $": the actor after the verb gives
                    source, source_at, phrase = "subj", phrase, ()
        symmetric = pattern is not None and _compound_subject_marked(pattern, token)
        if coded.reverse and not phrase and len(source_at) > 1:
            symmetric = True  # a reciprocal code ("064:064") with compound subjects and no other party
        reverse = coded.reverse or (coded.code if symmetric else None)
        return DictionaryPredicate(
            lemma=token.lemma_.lower(),
            pos="VERB",
            cues=(),
            cameo=coded.code,
            target_slots=slots,
            line=pattern.line if pattern else 0,
            source=source,
            reverse_cameo=reverse,
            symmetric=symmetric,
            source_at=source_at,
            target_at=phrase,
            origin=coded.origin,
        )


def _compound_subject_marked(pattern: VerbPattern, token: Token) -> bool:
    """A ``%`` before the verb ("% HAVE POSTPONED *") codes the members of a compound subject against each
    other; the pattern needs a compound there (PETRARCH's compound actor). A ``%`` after the verb ("* WITH
    %": "agrees with the Philippines and France") is a compound target: the subject acts on each member."""
    if not any(e.text == "%" for e in pattern.before):
        return False
    return any(c.dep_ in SUBJECT_DEPS and c.conjuncts for c in token.children)


def _placeholder(code: str) -> bool:
    """A pattern "code" that is no code at all ("+++", "xxy"); "---" and "" (no forward code) are codes."""
    return code not in {"", NULL_CODE} and not any(c.isdigit() for c in code)


def _expand(name: str, synsets: dict[str, Synset], depth: int = 0) -> dict[str, list[tuple[str, ...]]]:
    """A synset's member phrases (plurals included, embedded synsets expanded), indexed by first word."""
    out: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    synset = synsets.get(name)
    if synset is None or depth > MAX_SYNSET_DEPTH:
        return out
    for member in synset.members:
        if len(member) == 1 and member[0].startswith("&"):
            for first, phrases in _expand(member[0], synsets, depth + 1).items():
                out[first].extend(phrases)
            continue
        forms = [member]
        if synset.plurals:
            forms.append((*member[:-1], _plural(member[-1])))
        for form in forms:
            out[form[0]].append(form)
    return out


def _plural(word: str) -> str:
    """PETRARCH's make_plural: Y -> IES, S -> SES, else S."""
    if word.endswith("Y"):
        return word[:-1] + "IES"
    if word.endswith("S"):
        return word[:-1] + "ES"
    return word + "S"


def _multiword_holds(verb: VerbForm, before: list[str], after: list[str]) -> bool:
    if verb.after and after[: len(verb.after)] != list(verb.after):
        return False
    return not verb.before or before[-len(verb.before) :] == list(verb.before)


def _match(
    elements: tuple[Element, ...], words: list[str], synsets: dict[str, dict[str, list[tuple[str, ...]]]]
) -> bool:
    """Do the elements occur in order in ``words`` (``joined`` ones right after the previous element)?"""
    content = [e for e in elements if not e.is_marker]

    def at(k: int, pos: int, anchored: bool) -> bool:
        if k == len(content):
            return True
        element = content[k]
        starts = [pos] if anchored else range(pos, len(words))
        for start in starts:
            if start >= len(words):
                return False
            for length in _lengths(element, words, start, synsets):
                nxt = content[k + 1] if k + 1 < len(content) else None
                if at(k + 1, start + length, nxt is not None and nxt.joined):
                    return True
        return False

    return at(0, 0, False)


def _lengths(
    element: Element, words: list[str], start: int, synsets: dict[str, dict[str, list[tuple[str, ...]]]]
) -> list[int]:
    """How many words ``element`` can cover at ``start`` (empty if it does not match there)."""
    if not element.is_synset:
        return [1] if words[start] == element.text else []
    phrases = synsets.get(element.text, {}).get(words[start], [])
    return [len(p) for p in phrases if tuple(words[start : start + len(p)]) == p]


def _marked_slots(pattern: VerbPattern) -> tuple[str, tuple[str, ...]] | None:
    """Roles from the markers: (source, target slots), or None when the markers say nothing new."""
    after = list(pattern.after)
    before_markers = {e.text for e in pattern.before}
    for k, element in enumerate(after):
        if element.text == "+" and k > 0 and not after[k - 1].is_marker and not after[k - 1].is_synset:
            return "subj", (after[k - 1].text.lower(), *DEFAULT_TARGET_SLOTS)
        if element.text == "$" and "+" in before_markers:
            source = "from" if k > 0 and after[k - 1].text == "FROM" else PHRASE_SOURCE
            return source, ("subj",)
    return None


PHRASE_SOURCE = "phrase"
"""What :func:`_marked_slots` says of a ``$`` after the verb not in a "from" phrase: the source is the
first actor in the verb phrase (the subject, marked ``+``, is the target)."""
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "parataxis", "relcl", "csubj"})
"""Clauses inside the verb phrase that are acts of their own (their verbs are coded on their own): "failed
to set up the board" is no rejection of the board, "released lists of questions that it wants Britain to
answer" no release of Britain. Participial modifiers (acl) stay: "the roads leading into Mordor"."""
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
PHRASE_TARGET_SKIPPED_ROOTS = frozenset({"01"})
TIME_LABELS = frozenset({"DATE", "TIME"})


def _actor_like(t: Token) -> bool:
    return t.ent_type_ not in TIME_LABELS and (t.ent_type_ in ACTOR_ENT_LABELS or t.pos_ == "PROPN")


def _phrase_actors(token: Token, code: str) -> tuple[int, ...]:
    """The actor-like tokens of the verb's phrase after the verb, in order: PETRARCH codes the first actor
    noun phrase of the verb phrase as the target, however deep ("cordoned off the roads leading into
    Mordor", "marched close to the border with Mordor"). Not part of it: the verb's subject and the agent
    of a passive. Left out, because on the first 60 GeoWebNews articles with the Phoenix set PETRARCH's
    unrestricted rule coded mostly wrong targets through them (listed in the issue 5 report): clauses
    inside the phrase (:data:`CLAUSE_DEPS`, coordinated verbs, verbs under a preposition), the phrases of a
    statement (root 01: "said in London", "speaks Spanish" are not addressed to them), places of material
    conflict ("shelled positions in Syria", as eventwire's own target search) and possessors ("the High
    Court's ruling")."""
    if code[:2] in PHRASE_TARGET_SKIPPED_ROOTS:
        return ()
    passive = _passive(token)
    force = code[:2] in FORCE_ROOTS
    skip: set[int] = set()
    for t in token.subtree:
        if t.i in skip:
            continue
        own_clause = (t.head.i == token.i and t.i < token.i) or t.dep_ in CLAUSE_DEPS or _verb_clause(t)
        agent = passive and t.dep_ == "agent" and t.head.i == token.i
        place = force and t.dep_ == "prep" and t.lower_ in LOCATIVE_PREPS
        if t.i != token.i and (own_clause or agent or place or _possessor(t)):
            skip.update(x.i for x in t.subtree)
    return tuple(t.i for t in token.subtree if t.i > token.i and t.i not in skip and _actor_like(t))


def _verb_clause(t: Token) -> bool:
    """A coordinated verb or a verb under a preposition ("by not setting up ..."): a clause of its own."""
    return t.dep_ in {"conj", "pcomp"} and (t.pos_ == "VERB" or t.tag_.startswith("VB"))


def _possessor(t: Token) -> bool:
    """A possessor of a thing ("the High Court's ruling"), not a possessive standing alone before a time
    ("a treaty with Libya's almost five years after ...")."""
    return t.dep_ == "poss" and t.head.ent_type_ not in TIME_LABELS


def _subject_actors(token: Token) -> tuple[int, ...]:
    """When the verb's first subject names no actor ("Old foes Gondor and Osgiliath have renewed"): the
    actor-like subjects and their conjuncts (PETRARCH codes each conjunct of a compound subject); else
    nothing (the parse's subject stands)."""
    subjects = [c for c in token.children if c.dep_ in SUBJECT_DEPS]
    if not subjects or _actor_like(subjects[0]):
        return ()
    named = [s for s in subjects[1:] if _actor_like(s)]
    return tuple(t.i for s in named[:1] for t in (s, *s.conjuncts) if _actor_like(t))


def _passive(token: Token) -> bool:
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in token.children) or (
        token.tag_ == "VBN" and any(c.dep_ == "agent" for c in token.children)
    )


def _target_slots(token: Token) -> tuple[str, ...]:
    """The slot of the first phrase after the verb that names an actor-like entity (its object, dative, or
    the object of a preposition of the verb or of its object: "ties with the Gondor opposition group"),
    then the default slots."""
    obj = object_of(token)
    passive = _passive(token)
    if passive and obj is not None and obj.i < token.i:  # "X was attacked by Y": X is the target
        if any(_actor_like(x) for x in token.doc[obj.left_edge.i : obj.i + 1]):
            return ("obj", *DEFAULT_TARGET_SLOTS)
    for t in token.subtree:
        if t.i <= token.i or (passive and t.head.dep_ == "agent" and t.head.head.i == token.i):
            continue  # the agent of a passive ("by Y") is its source
        if obj is not None and t.i == obj.i:
            slot = "obj"
        elif t.dep_ == "dative" and t.head.i == token.i:
            slot = "dative"
        elif t.dep_ == "pobj" and (t.head.head.i == token.i or (obj is not None and t.head.head.i == obj.i)):
            slot = t.head.lower_
        else:
            continue
        head_phrase = t.doc[t.left_edge.i : t.i + 1]  # the noun and its modifiers, not its own PPs
        if any(x.ent_type_ in ACTOR_ENT_LABELS or x.pos_ == "PROPN" for x in head_phrase):
            return (slot, *DEFAULT_TARGET_SLOTS)
    return DEFAULT_TARGET_SLOTS
