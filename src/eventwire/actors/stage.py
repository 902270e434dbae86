"""The ``actors`` stage: one :class:`Mention` per noun phrase that names an actor, then coreference."""

from __future__ import annotations

from collections import Counter

from eventwire.actors.coref import link_people
from eventwire.actors.resolve import PhraseResolver
from eventwire.document import Document, Mention
from eventwire.resources import Resources
from eventwire.stage_errors import require_parse

HEAD_POS = frozenset({"NOUN", "PROPN", "PRON"})
NON_HEAD_DEPS = frozenset({"compound"})
DEFINITE_GROUP_NOUNS = frozenset({"group", "organization", "organisation", "company", "movement", "militia"})
COUNTRY_KINDS = frozenset({"country", "capital", "metonym", "demonym"})


def find_actors(doc: Document, resources: Resources) -> None:
    parsed = require_parse(doc)
    resolver = PhraseResolver(parsed, resources.gazetteer)
    mentions: list[Mention] = []
    mention_at: dict[int, int] = {}
    for token in parsed:
        if token.pos_ not in HEAD_POS or token.dep_ in NON_HEAD_DEPS:
            continue
        ent = resolver.ent(token.i)
        if ent is not None and token.i != ent.root.i:
            continue
        if token.pos_ == "PRON":
            continue  # pronouns are resolved after the named mentions (below)
        found = resolver.resolve(token)
        if found is None:
            continue
        span = parsed[found.start : found.end]
        mention_at[token.i] = len(mentions)
        mentions.append(
            Mention(
                start=span.start_char,
                end=span.end_char,
                text=span.text,
                name=found.name,
                country=found.country,
                type=found.type,
                kind=found.kind,
                head=token.i,
            )
        )
    link_people(mentions)
    doc.focus_country = focus_country(mentions, doc)
    _resolve_definites_and_pronouns(doc, resolver, mentions, mention_at)
    doc.mentions = mentions
    doc.mention_at = mention_at


def focus_country(mentions: list[Mention], doc: Document) -> str | None:
    """The country named most often (headline mentions count twice); None if nothing names a country."""
    counts: Counter[str] = Counter()
    headline_end = doc.text.find("\n")
    for m in mentions:
        if m.country and len(m.country) == 3 and m.country not in {"IGO", "NGO"}:
            weight = 2 if 0 <= m.start < headline_end else 1
            counts[m.country] += weight
    if not counts:
        return None
    return counts.most_common(1)[0][0]


def _resolve_definites_and_pronouns(
    doc: Document, resolver: PhraseResolver, mentions: list[Mention], mention_at: dict[int, int]
) -> None:
    parsed = require_parse(doc)
    for token in parsed:
        lower = token.lower_
        is_pron = token.pos_ == "PRON" and lower in {"he", "she", "they", "it"} and token.dep_ in {
            "nsubj",
            "nsubjpass",
            "dobj",
            "pobj",
        }
        is_definite = (
            token.pos_ == "NOUN"
            and token.lemma_.lower() in DEFINITE_GROUP_NOUNS
            and token.i not in mention_at
            and any(c.lower_ in {"the", "this", "that"} for c in token.lefts)
        )
        if not (is_pron or is_definite):
            continue
        antecedent = _antecedent(mentions, token.idx, lower, is_definite)
        if antecedent is None:
            continue
        mention_at[token.i] = len(mentions)
        start, end = resolver.extent(token) if is_definite else (token.i, token.i + 1)
        span = parsed[start:end]
        mentions.append(
            Mention(
                start=span.start_char,
                end=span.end_char,
                text=span.text,
                name=antecedent.name,
                country=antecedent.country,
                type=antecedent.type,
                kind="pronoun",
                head=token.i,
                entity_id=antecedent.entity_id,
            )
        )


MAX_ANTECEDENT_CHARS = 600
"""How far back (characters) a pronoun or "the group" looks for its antecedent: about two sentences."""


def _antecedent(mentions: list[Mention], at: int, lower: str, definite: bool) -> Mention | None:
    for m in sorted((m for m in mentions if m.end <= at), key=lambda m: m.start, reverse=True):
        if at - m.end > MAX_ANTECEDENT_CHARS:
            return None
        if lower in {"he", "she"}:
            if m.kind == "person" or (m.kind == "role" and m.name):
                return m
        elif definite:
            if m.kind == "org" and m.type in {"REB", "PMC", "BUS", "NGO", "IGO", "OPP"}:
                return m
        elif m.kind in {"org", "country", "metonym", "capital"} or (m.kind == "role" and lower == "they"):
            return m
    return None
