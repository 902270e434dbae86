"""The ``events`` stage: triggers from the predicate lexicon, actors from the parse."""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.document import Actor, Document, Event, Mention
from eventwire.events.lexicon import Predicate, PredicateLexicon
from eventwire.events.roles import conjuncts, is_negated, object_of, source_of, target_of
from eventwire.resources import Resources
from eventwire.stage_errors import require_parse

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

VERB_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ"})
DOMESTIC_TYPES = frozenset({"GOV", "MIL", "COP", "JUD", "OPP", "CVL", "REB", "MED", "BUS"})
BASE_CONFIDENCE = 0.5
ACTOR_BONUS = 0.15
"""Confidence: 0.5 for a lexicon match, +0.15 for each actor with a known country. Not calibrated yet."""


def find_events(doc: Document, resources: Resources) -> None:
    parsed = require_parse(doc)
    lexicon = resources.lexicon
    events: list[Event] = []
    for sent_index, sent in enumerate(parsed.sents):
        for token in sent:
            predicate = match_predicate(token, lexicon)
            if predicate is None:
                continue
            if token.pos_ == "VERB" and is_negated(token):
                continue
            events.extend(_events_for(doc, token, predicate, sent_index))
    doc.events = events


def match_predicate(token: Token, lexicon: PredicateLexicon) -> Predicate | None:
    if token.pos_ == "VERB" or (token.tag_ in VERB_TAGS and token.pos_ != "AUX"):
        pos = "VERB"
    elif token.pos_ == "NOUN":
        pos = "NOUN"
    else:
        return None
    lemma = token.lemma_.lower()
    for predicate in lexicon.candidates(lemma, pos):
        if all(_cue_holds(token, cue.key, cue.arg, cue.lemmas) for cue in predicate.cues):
            return predicate
    return None


def _cue_holds(token: Token, key: str, arg: str | None, lemmas: frozenset[str]) -> bool:
    def ok(t: Token) -> bool:
        return not lemmas or t.lemma_.lower() in lemmas or t.lower_ in lemmas

    if key == "obj":
        obj = object_of(token) if token.pos_ == "VERB" else None
        return obj is not None and ok(obj)
    if key == "prt":
        return any(c.dep_ == "prt" and ok(c) for c in token.children)
    if key == "xcomp":
        return any(c.dep_ == "xcomp" and ok(c) for c in token.children)
    if key == "prep":
        for c in token.children:
            if c.dep_ in {"prep", "dative", "agent"} and c.lower_ == arg:
                if not lemmas:
                    return True
                if any(o.dep_ == "pobj" and ok(o) for o in c.children):
                    return True
        return False
    return False


def _events_for(doc: Document, trigger: Token, predicate: Predicate, sent_index: int) -> list[Event]:
    parsed = require_parse(doc)
    src_head = source_of(trigger)
    if src_head is None:
        return []
    tgt_head = target_of(trigger, predicate.target_slots)
    sources = [a for a in (actor_for(doc, t) for t in conjuncts(src_head)) if a is not None]
    if not sources:
        return []
    targets: list[Actor | None]
    if tgt_head is None:
        targets = [None]
    else:
        targets = [a for a in (actor_for(doc, t) for t in conjuncts(tgt_head)) if a is not None] or [None]
    sent = parsed[trigger.i].sent
    evidence = doc.span(sent.start_char, sent.end_char)
    trig = doc.span(trigger.idx, trigger.idx + len(trigger.text))
    out = []
    for source in sources:
        for target in targets:
            if target is not None and _same_actor(source, target):
                continue
            confidence = BASE_CONFIDENCE + ACTOR_BONUS * (source.country is not None)
            if target is not None:
                confidence += ACTOR_BONUS * (target.country is not None)
            out.append(
                Event(
                    doc=doc.doc_id,
                    cameo=predicate.cameo,
                    source=source,
                    target=target,
                    evidence=evidence,
                    trigger=trig,
                    rule=predicate.rule,
                    confidence=min(confidence, 1.0),
                    sent_index=sent_index,
                    trigger_token=trigger.i,
                )
            )
    return out


def _same_actor(a: Actor, b: Actor) -> bool:
    if a.entity_id is not None and a.entity_id == b.entity_id and a.entity_id >= 0:
        return True
    return a.span == b.span


def actor_for(doc: Document, head: Token) -> Actor | None:
    """The actor named by the phrase headed by ``head`` (its mention, or one inside it)."""
    mention = _mention_for(doc, head)
    if mention is None:
        return None
    country = mention.country
    if country is None and mention.type in DOMESTIC_TYPES:
        country = doc.focus_country
    span = doc.span(mention.start, mention.end)
    return Actor(
        span=span,
        name=mention.name,
        country=country,
        type=mention.type,
        entity_id=mention.entity_id if mention.entity_id >= 0 else None,
    )


def _mention_for(doc: Document, head: Token) -> Mention | None:
    index = doc.mention_at.get(head.i)
    if index is not None:
        return doc.mentions[index]
    # "the arrival of Russian mercenaries": look one level down for an actor phrase
    for child in head.children:
        if child.dep_ in {"appos", "compound", "poss"} or (child.dep_ == "prep" and child.lower_ == "of"):
            for cand in [child, *child.children]:
                index = doc.mention_at.get(cand.i)
                if index is not None:
                    return doc.mentions[index]
    return None
