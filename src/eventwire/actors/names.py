"""A person's name, title and title-given country and type, read from the words around a PERSON entity.

The small English model often tags a whole titled phrase as one PERSON ("Russian Minister of Defence Sergey
Shoyu in Hanoi", "Attorney Wang Quanzhang", "Vietnam Nguyen Phu Trong"). :func:`split_person` reads the
phrase from its end: the name is the last run of capitalised words that are neither titles nor places, and
everything before it is the title, which gives the person's type (its role word nearest the name) and
country (a country, demonym or capital in it). A trailing locative ("in Hanoi") is cut off.

:func:`title_chain_before` reads a capitalised title written before the entity, also through "of"
("General Secretary of the Communist Party of Vietnam Nguyen Phu Trong"): titles before a name are
capitalised, which tells them from "the lawyer of Wang", where "lawyer" is not Wang's title.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span, Token

    from eventwire.knowledge.gazetteer import Entry, Gazetteer

HONORIFICS = frozenset(
    {"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady", "comrade", "chief", "alhaji",
     "sheikh", "hon", "honourable", "honorable", "mister", "madam", "madame", "monsieur", "sr", "jr",
     "both", "the", "even", "then", "now", "also", "young", "late", "new"}
)  # fmt: skip
"""Words at the front of a name that are neither name nor a typed title ("Mr", "Comrade", "Chief" as a
Nigerian honorific) or that the NER keeps by mistake ("Both Cerar", "Even President Donald Trump")."""
NAME_PARTICLES = frozenset(
    {"bin", "bint", "ibn", "al", "el", "de", "del", "della", "da", "dos", "das", "do", "van", "von", "der",
     "den", "la", "le", "du", "di", "ben", "abu", "ould", "ag", "wa", "y"}
)  # fmt: skip
"""Lower-case words inside a name ("Mohammed bin Salman", "Ould Abdel Aziz")."""
LOCATIVE_PREPOSITIONS = frozenset({"in", "at", "from", "near", "on", "to"})
PLACE_KINDS = frozenset({"country", "capital", "demonym", "region", "metonym"})
TITLE_LINKS = frozenset({"of", "the", "for", "and", "&"})
"""Lower-case words a capitalised title may contain ("Minister of Foreign Affairs and Cooperation")."""
MAX_TITLE_CHAIN = 10
"""How many tokens before a name are read as a capitalised title ("General Secretary of the Communist Party
of Vietnam" is 8). Chosen on the seed and dev titles; re-run benchmarks/actor_diff.py when changing it."""
MAX_NGRAM = 4
"""Longest phrase of a title looked up as a role, country or organisation ("minister of foreign affairs")."""


@dataclass(frozen=True)
class PersonName:
    name: str | None  # the name alone ("Sergey Shoyu"), None when no name is left
    name_start: int  # token index of the name's first token
    end: int  # token index after the name (a trailing locative cut off)
    type: str | None  # from the title's role word nearest the name, or an organisation in the title
    country: str | None  # from a country, demonym, capital or organisation in the title


def _is_title_abbreviation(token: Token) -> bool:
    """ "Gov.", "Lt.", "Gen.": an abbreviation of more than one letter (a single letter is an initial)."""
    return token.text.endswith(".") and len(token.text.rstrip(".")) > 1


def _is_name_word(token: Token, gaz: Gazetteer, last: bool) -> bool:
    text = token.text
    if token.lower_ in NAME_PARTICLES:
        return not last
    if not text[:1].isupper() or token.tag_ == "POS" or text.endswith(("'s", "’s")):
        return False
    if token.lower_.rstrip(".") in HONORIFICS or _is_title_abbreviation(token):
        return False
    if last:
        return True  # a surname may be a role or place word: "Martin Luther King", "Chris Paris"
    if gaz.role(text) is not None:
        return False
    found = gaz.lookup(text)
    return found is None or found.kind not in PLACE_KINDS


def _cut_locative(ent: Span, gaz: Gazetteer) -> int:
    """End of the entity without a trailing "in Hanoi"/"from Moscow" that the NER took into it."""
    for tok in ent:
        if tok.i > ent.start and tok.lower_ in LOCATIVE_PREPOSITIONS and tok.i + 1 < ent.end:
            rest = ent.doc[tok.i + 1 : ent.end].text
            found = gaz.lookup(rest)
            if found is not None and found.kind in PLACE_KINDS - {"demonym"}:
                return tok.i
    return ent.end


MAX_NAME_LINKER_LETTERS = 3
"""Longest lower-case word that links the parts of a hyphenated name ("-e-", "-ul-", "-al-")."""


def in_linked_name(ent: Span) -> bool:
    """The entity is one part of a longer hyphenated name joined by a short lower-case linker
    ("Shan-e-Mustafa", "Tehreek-e-Insaf"): the whole names a group or an event, not the place its first
    part may also name. ("Russia-backed", "Guinea-Bissau" have no such linker.)"""
    doc = ent.doc

    def linked(dash: int, word: int, dash2: int) -> bool:
        if min(dash, word, dash2) < 0 or max(dash, word, dash2) >= len(doc):
            return False
        tokens = sorted((doc[dash], doc[word], doc[dash2]), key=lambda t: t.i)
        glued = all(not t.whitespace_ for t in tokens[:-1]) and not doc[min(dash, dash2) - 1].whitespace_
        middle = doc[word]
        return (
            glued
            and doc[dash].text == doc[dash2].text == "-"
            and middle.is_lower
            and middle.is_alpha
            and len(middle) <= MAX_NAME_LINKER_LETTERS
        )

    before_glued = ent.start >= 3 and not doc[ent.start - 1].whitespace_
    return linked(ent.end, ent.end + 1, ent.end + 2) or (
        before_glued and linked(ent.start - 1, ent.start - 2, ent.start - 3)
    )


def title_facts(tokens: list[Token], gaz: Gazetteer) -> tuple[str | None, str | None]:
    """(type, country) a title says: its role word nearest the name, else an organisation in it; a country,
    capital, demonym or organisation in it. Longer phrases win over their words."""
    type_: str | None = None
    country: str | None = None
    org: Entry | None = None
    covered_until = -1
    role_at = -1
    words = [t.text for t in tokens]
    for i in range(len(words)):
        if tokens[i].is_alpha and in_linked_name(tokens[i].doc[tokens[i].i : tokens[i].i + 1]):
            continue  # "Shan" of "Shan-e-Mustafa" is no place
        for size in range(min(MAX_NGRAM, len(words) - i), 0, -1):
            phrase = " ".join(words[i : i + size])
            role = gaz.role(phrase)
            if role is not None and i + size - 1 > covered_until and i >= role_at:
                type_, role_at = role.type, i
                covered_until = i + size - 1
                break
            found = gaz.lookup(phrase)
            if found is not None and found.country:
                if found.kind in PLACE_KINDS and country is None:
                    country = found.country
                elif found.kind == "org" and org is None:
                    org = found
                break
    if org is not None:
        country = country or org.country
        type_ = type_ or org.type
    return type_, country


def _words(tokens: Span) -> list[list[Token]]:
    """Tokens grouped into written words: "Geun-hye" is one word of three tokens."""
    words: list[list[Token]] = []
    for tok in tokens:
        if words and not words[-1][-1].whitespace_ and tok.text not in {"'s", "’s"}:
            words[-1].append(tok)
        else:
            words.append([tok])
    return words


def split_person(ent: Span, gaz: Gazetteer) -> PersonName:
    """Name, title type and title country of a PERSON entity (see the module docstring)."""
    doc = ent.doc
    end = _cut_locative(ent, gaz)
    words = _words(doc[ent.start : end])
    first = len(words)
    while first > 0 and _is_name_word(words[first - 1][0], gaz, last=first == len(words)):
        first -= 1
    while first < len(words) and words[first][0].lower_ in NAME_PARTICLES:
        first += 1
    if len(words) - first > 2 and first > 0 and words[first - 1][0].lower_ in TITLE_LINKS:
        # "Minister of Defence Sergey Shoyu": the word after "of" ends the title unless the parse puts it
        # inside the name
        lead = words[first][-1]
        name_tokens = range(words[first + 1][0].i, end)
        if lead.head.i not in name_tokens:
            first += 1
    start = words[first][0].i if first < len(words) else end
    name = doc[start:end].text if start < end else None
    type_, country = title_facts(list(doc[ent.start : start]), gaz)
    return PersonName(name, start if name else ent.start, end, type_, country)


def _first_word(tokens: list[Token], ent: Span) -> Token:
    return next((t for t in tokens if t.lower_ not in TITLE_LINKS), ent[0])


def title_chain_before(ent: Span, gaz: Gazetteer) -> tuple[str | None, str | None]:
    """(type, country) of a title written before the entity: the adjacent words ("Chief Justice", "spokesman")
    and, through lower-case links, a capitalised title ("Minister of Foreign Affairs of Mali")."""
    doc = ent.doc
    sent_start = ent.sent.start
    i = ent.start
    tokens: list[Token] = []
    while i > sent_start and ent.start - i < MAX_TITLE_CHAIN:
        tok = doc[i - 1]
        adjacent = not tokens or all(t.pos_ in {"PROPN", "NOUN", "ADJ"} for t in tokens)
        if tok.pos_ in {"PROPN", "NOUN", "ADJ"} and (tok.text[:1].isupper() or adjacent):
            tokens.insert(0, tok)
        elif tok.lower_ in TITLE_LINKS and _first_word(tokens, ent).text[:1].isupper():
            tokens.insert(0, tok)
        else:
            break
        i -= 1
    while tokens and tokens[0].lower_ in TITLE_LINKS:
        tokens.pop(0)
    if not tokens:
        return None, None
    return title_facts(tokens, gaz)


def in_title(token: Token, gaz: Gazetteer) -> bool:
    """A capitalised word that completes a title rather than naming someone: "Defence" in "Minister of
    Defence", "Interior" in "Ministry of the Interior"."""
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ != "of" or prep.head.i == prep.i:
        return False
    if any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.children):
        return False  # a full name: "Minister of Defence of Russia Sergey Shoyu"
    return gaz.role(prep.head.text) is not None or gaz.role(prep.head.lemma_) is not None


NOT_PERSON_HEADS = frozenset(
    {"barracks", "camp", "base", "airport", "palace", "square", "street", "road", "avenue", "bridge",
     "region", "province", "district", "county", "valley", "river", "lake", "island", "islands", "mountains",
     "centre", "center", "prison", "jail", "hospital", "university", "college", "school", "stadium",
     "party", "committee", "council", "ministry", "department", "court", "assembly", "parliament",
     "commission", "agency", "office", "bureau", "union", "front", "movement", "army", "forces", "group",
     "affairs", "law", "act", "bill", "treaty", "accord", "agreement", "declaration", "convention"}
)  # fmt: skip
"""Last words that show a PERSON entity names a place, a body or a text ("Katy Barracks", "Foreign
Affairs", "the Ukrainian Law"): the small model's frequent errors. A person's surname is rarely one of
these English nouns."""


def not_a_person(ent: Span, gaz: Gazetteer) -> bool:
    """A PERSON entity that is really a place, an institution or a text (see ``NOT_PERSON_HEADS``), or only a
    title ("Defence", "the Pope" are kept: the Pope is a person)."""
    last = ent[-1]
    if last.lower_ in NOT_PERSON_HEADS and last.text[:1].isupper():
        return True
    words = [t for t in ent if t.is_alpha]
    return bool(words) and all(
        (found := gaz.lookup(t.text)) is not None and found.kind in PLACE_KINDS for t in words
    )
