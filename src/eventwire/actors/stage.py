"""The ``actors`` stage: one :class:`Mention` per noun phrase that names an actor, then coreference."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING

from eventwire.actors.coref import link_people
from eventwire.actors.resolve import (
    ETHNIC_MARKERS,
    GENERIC_PERSON_TYPES,
    NAMESAKE_MIN_POPULATION,
    PhraseResolver,
    ent_head,
    stance_prefixed,
)
from eventwire.document import Document, Mention
from eventwire.resources import Resources
from eventwire.stage_errors import require_parse

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc as SpacyDoc
    from spacy.tokens import Span, Token

HEAD_POS = frozenset({"NOUN", "PROPN", "PRON"})
NON_HEAD_DEPS = frozenset({"compound"})
PRONOUNS = frozenset({"he", "she", "him", "her", "his", "they", "them", "their", "it", "its"})
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
DEFINITE_GROUP_NOUNS = frozenset({"group", "organization", "organisation", "company", "movement", "militia"})
COUNTRY_KINDS = frozenset({"country", "capital", "metonym", "demonym", "region"})


def find_actors(doc: Document, resources: Resources) -> None:
    parsed = require_parse(doc)
    resolver = PhraseResolver(
        parsed,
        resources.gazetteer,
        town_country(resources),
        known_place(resources),
        town_countries(resources),
    )
    mentions: list[Mention] = []
    mention_at: dict[int, int] = {}
    for token in parsed:
        if token.pos_ not in HEAD_POS:
            continue
        if token.dep_ in NON_HEAD_DEPS and not (
            _actor_modifier(resolver, token) or _named_modifier(resolver, token)
        ):
            continue
        ent = resolver.ent(token.i)
        if ent is not None and token.i != ent_head(ent).i:
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
                collective=_collective(resolver, token),
            )
        )
    _titles_beside_names(parsed, resolver, mentions)
    link_people(mentions)
    _link_definite_roles(parsed, mentions)
    _default_ngo_country(mentions)
    doc.focus_country = focus_country(parsed, resolver)
    doc.ent_countries = {
        (e.start_char, e.end_char): entry.country
        for e in parsed.ents
        if (entry := resolver.entry(e)) is not None
        and entry.country
        and entry.kind != "org"
        and not _language_name(e)
        and not stance_prefixed(e[0])
    }
    doc.sent_countries = [
        sentence_countries(parsed, resolver, s.start, s.end, doc.place_heads) for s in parsed.sents
    ]
    _resolve_definites_and_pronouns(doc, resolver, mentions, mention_at)
    doc.mentions = mentions
    doc.mention_at = mention_at
    if resources.dictionaries is not None:  # dictionary actors' roles on the article's date
        resources.dictionaries.redate_mentions(doc)


TOWN_MIN_POPULATION = 20000
"""Smallest town whose name the actors take a country from: smaller ones are too often a word or a
surname that the NER tagged as a place."""


def town_country(resources: Resources) -> Callable[[str], str | None]:
    """Country of a town name by the place gazetteer: its own-name candidates all lie in one country and
    the largest has at least :data:`TOWN_MIN_POPULATION` people ("Tel Aviv" -> ISR; not "Jericho", also a
    town in the United States)."""

    def lookup(name: str) -> str | None:
        places = resources.geocoder.places.candidates(name)
        own = [p for p in places if not p.alternate and p.kind in {"city", "region"}]
        if not own or len({p.country for p in own}) != 1 or own[0].country is None:
            return None
        if max(p.population for p in own) < TOWN_MIN_POPULATION:
            return None
        return own[0].country

    return lookup


def town_countries(resources: Resources) -> Callable[[str], frozenset[str]]:
    """Countries in which the place gazetteer has a town of that own name with at least
    :data:`~eventwire.actors.resolve.NAMESAKE_MIN_POPULATION` people ("Tripoli": Libya, Lebanon)."""

    def lookup(name: str) -> frozenset[str]:
        places = resources.geocoder.places.candidates(name)
        return frozenset(
            p.country
            for p in places
            if p.country and not p.alternate and p.kind == "city" and p.population >= NAMESAKE_MIN_POPULATION
        )

    return lookup


def known_place(resources: Resources) -> Callable[[str], bool]:
    """Whether the place gazetteer knows a name as any place, in any country."""

    def lookup(name: str) -> bool:
        return bool(resources.geocoder.places.candidates(name))

    return lookup


LANGUAGE_NOUNS = frozenset({"language", "languages", "tongue", "dialect", "script", "alphabet"})


def _language_name(ent: Span) -> bool:
    """ "the Russian language", "Russian-language media": the demonym names a language, which is no
    actor and says nothing of who acts ("restrictions on the Russian language")."""
    if ent.label_ == "LANGUAGE":
        return True
    root = ent.root
    return root.dep_ in {"amod", "compound", "nmod"} and root.head.lower_ in LANGUAGE_NOUNS


def _collective(resolver: PhraseResolver, token: Token) -> bool:
    """A singular noun for an institution or group ("the army", "the junta"): "it" can refer to it."""
    role = resolver.role(token)
    return role is not None and role.kind == "group" and token.tag_ == "NN"


def _named_modifier(resolver: PhraseResolver, token: Token) -> bool:
    """An organisation or person named as a modifier: "an Aeroflot passenger plane"."""
    ent = resolver.ent(token.i)
    return ent is not None and ent_head(ent).i == token.i and ent.label_ in {"ORG", "PERSON"}


def _actor_modifier(resolver: PhraseResolver, token: Token) -> bool:
    """A role noun modifying a noun that names no actor: "rebel positions", "police stations"."""
    if token.pos_ != "NOUN" or resolver.ent(token.i) is not None or resolver.role_type(token) is None:
        return False
    head = token.head
    return (
        resolver.ent(head.i) is None and resolver.role_type(head) is None and resolver.equipment(head) is None
    )


def _titles_beside_names(parsed: SpacyDoc, resolver: PhraseResolver, mentions: list[Mention]) -> None:
    """A named person and a one-person role set beside each other with a comma ("Qatar's emir, Sheikh X";
    "X, the Kenyan foreign minister,") are one person: the name takes the role's country and type where it
    has none. Read from the text, since the parser often hangs such pairs apart."""
    ordered = sorted(mentions, key=lambda m: m.start)
    text = parsed.text
    for first, second in zip(ordered, ordered[1:], strict=False):
        if text[first.end : second.start].strip() != ",":
            continue
        pair = {first.kind, second.kind}
        if pair != {"person", "role"}:
            continue
        person, role = (first, second) if first.kind == "person" else (second, first)
        found = resolver.role(parsed[role.head])
        if found is None or found.kind != "person" or role.country is None:
            continue
        person.country = person.country or role.country
        if person.type is None or person.type in GENERIC_PERSON_TYPES:
            person.type = role.type or person.type


NGO = "NGO"


def _default_ngo_country(mentions: list[Mention]) -> None:
    """A non-governmental body (or someone speaking for one) whose home no word gives is coded with the
    annotation guide's pseudo-country NGO ("humanitarian groups", "a researcher for the charity X")."""
    for m in mentions:
        if m.type == NGO and m.country is None:
            m.country = NGO


FOCUS_ORG_TYPES = frozenset({"GOV", "MIL", "REB", "OPP", "COP", "JUD"})
"""Organisations whose home country is evidence of what the article is about (media and companies are not:
"Reuters" and "AFP" say where the news agency is, not where the news is)."""
HEADLINE_WEIGHT = 2
"""A country named in the headline (first sentence) counts this many times towards the focus country."""


def focus_country(parsed: SpacyDoc, resolver: PhraseResolver) -> str | None:
    """The country the article names most often, by entity (names, capitals, demonyms, seats of government,
    and the home of the domestic organisations it names: "UNITA", "Hezbollah"; not of news agencies).

    Domestic actors that name no country ("the military", "police") default to it."""
    counts: Counter[str] = Counter()
    first = next(iter(parsed.sents), None)
    for ent in parsed.ents:
        entry = resolver.entry(ent)
        if entry is None or not entry.country:
            continue
        if entry.kind not in COUNTRY_KINDS and not (entry.kind == "org" and entry.type in FOCUS_ORG_TYPES):
            continue
        if entry.country in {"IGO", "NGO"} or _ethnic(ent) or stance_prefixed(ent[0]) or _language_name(ent):
            continue  # nor "anti-Syria", "pro-Russian" (a stance), "the Russian language"
        in_headline = first is not None and ent.end <= first.end
        counts[entry.country] += HEADLINE_WEIGHT if in_headline else 1
    if not counts:
        return None
    return counts.most_common(1)[0][0]


def _ethnic(ent: Span) -> bool:
    """ "ethnic Albanians": a people by descent, which says nothing of the country the article is about."""
    return any(c.lower_ in ETHNIC_MARKERS for c in ent.root.lefts)


LOCATIVE_PREPS = frozenset(
    {"in", "at", "near", "from", "across", "inside", "outside", "around", "throughout", "within"}
)


def sentence_countries(
    parsed: SpacyDoc,
    resolver: PhraseResolver,
    sent_start: int,
    sent_end: int,
    heads: dict[int, str] | None = None,
) -> list[str]:
    """Countries of the places named in a token range as places ("in Mali", "from the capital Bamako"),
    not as actors ("Russia said", "the Russian military"), in order of first mention. ``heads``, when
    given, gets each such place's head token and country."""
    out: list[str] = []
    for ent in parsed.ents:
        if ent.start < sent_start or ent.end > sent_end:
            continue
        root = ent.root
        if root.dep_ in {"appos", "compound", "conj"}:
            root = root.head
        country = resolver.place_country(ent)
        if not country and _place_noun_of(root):
            # "the town of Samarra": the noun says it is a place, whatever label the NER gave the name
            country = resolver.town_country(_place_text(ent)) if resolver.town_country else None
        if not country and root.dep_ in {"amod", "compound"} and _is_place_noun(root.head):
            # "in an Iraqi village", "the Malian town of X": a country's adjective before a place noun
            entry = resolver.entry(ent)
            country = entry.country if entry is not None and entry.kind in COUNTRY_KINDS else None
            root = root.head
        if not country or not _locative(root):
            continue
        if heads is not None:
            heads[ent.root.i] = country
        if country not in out:
            out.append(country)
    return out


PLACE_NOUNS = frozenset(
    {"town", "city", "village", "province", "region", "district", "capital", "port", "suburb", "suburbs",
     "outskirts", "sector", "area", "areas", "part", "parts", "street", "streets", "centre", "center",
     "heart", "county", "neighbourhood", "neighborhood", "quarter", "zone", "north", "south", "east",
     "west", "northeast", "northwest", "southeast", "southwest", "state", "island", "municipality",
     "prefecture", "governorate", "commune", "township", "hamlet", "settlement"}
)  # fmt: skip
"""Nouns for a place: a name "of" one is a place ("the town of X", "the north of Mali"), and a phrase they
head in a locative phrase locates the event ("in a residential sector of X", "near an Iraqi village")."""
MAX_PLACE_CHAIN = 3


def _is_place_noun(token: Token) -> bool:
    noun = token.pos_ in {"NOUN", "PROPN"}
    return noun and (token.lower_ in PLACE_NOUNS or token.lemma_.lower() in PLACE_NOUNS)


def _place_noun_of(token: Token) -> bool:
    """ "X" in "the town of X"."""
    return token.dep_ == "pobj" and token.head.lower_ == "of" and _is_place_noun(token.head.head)


def _place_text(ent: Span) -> str:
    toks = [t for t in ent if t.tag_ != "POS" and not (t.i == ent.start and t.lower_ == "the")]
    return " ".join(t.text for t in toks)


def _locative(root: Token) -> bool:
    """The phrase is the object of a locative preposition, directly ("in Mali") or through place nouns
    ("near the town of X", "outside of the city of X", "in a residential sector of X")."""
    tok = root
    for _ in range(MAX_PLACE_CHAIN):
        if tok.dep_ != "pobj":
            return False
        prep = tok.head
        if prep.lower_ in LOCATIVE_PREPS:
            return True
        if prep.lower_ != "of":
            return False
        up = prep.head
        if up.lower_ in LOCATIVE_PREPS:  # "outside of X"
            return True
        if not _is_place_noun(up):
            return False  # "in support of X", "in the name of X": no place
        tok = up.head if up.dep_ in {"appos", "conj"} else up
    return False


DEFINITE_DETERMINERS = frozenset({"the", "this", "these", "those", "that"})
MAX_DEFINITE_CHARS = 2000
"""How far back a definite role phrase ("the mercenaries", "the rebels") looks for a named antecedent."""


def _link_definite_roles(parsed: SpacyDoc, mentions: list[Mention]) -> None:
    """ "the mercenaries" after "the Wagner Group": a definite role phrase with no country of its own
    refers back to the nearest earlier named actor of the same type, and takes its country and name."""
    for i, m in enumerate(mentions):
        if m.kind != "role" or m.country is not None or m.type is None or m.name:
            continue
        head = parsed[m.head]
        if not any(c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS for c in head.children):
            continue
        for prev in reversed(mentions[:i]):
            if m.start - prev.end > MAX_DEFINITE_CHARS:
                break
            if prev.kind == "person" and not _same_title(parsed, head, prev):
                continue
            if prev.type == m.type and prev.country and prev.kind in {"org", "unknown-org", "person"}:
                m.country, m.name = prev.country, prev.name
                m.entity_id = prev.entity_id
                break


def _resolve_definites_and_pronouns(
    doc: Document, resolver: PhraseResolver, mentions: list[Mention], mention_at: dict[int, int]
) -> None:
    parsed = require_parse(doc)
    for token in parsed:
        lower = token.lower_
        is_pron = (
            token.pos_ == "PRON"
            and lower in PRONOUNS
            and token.dep_
            in {
                "nsubj",
                "nsubjpass",
                "dobj",
                "pobj",
                "poss",
                "dative",
            }
        )
        is_definite = (
            token.pos_ == "NOUN"
            and token.lemma_.lower() in DEFINITE_GROUP_NOUNS
            and token.i not in mention_at
            and any(c.lower_ in {"the", "this", "that"} for c in token.lefts)
        )
        if not (is_pron or is_definite):
            continue
        antecedent = _clause_subject(mentions, mention_at, token) if lower == "its" else None
        antecedent = antecedent or _antecedent(mentions, token.idx, lower, is_definite, parsed)
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
        _possessed_role(token, mentions, mention_at)


def _clause_subject(mentions: list[Mention], mention_at: dict[int, int], token: Token) -> Mention | None:
    """ "its" inside a clause is its subject's, not a nearer name in between: "the ministry said it has
    filed a complaint with the WTO over tariffs on its exports" (its = the ministry's, not the WTO's)."""
    verb = next((a for a in token.ancestors if a.pos_ in {"VERB", "AUX"}), None)
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb is not None else None
    if subject is None or subject.i > token.i or subject.i not in mention_at:
        return None
    mention = mentions[mention_at[subject.i]]
    if mention.kind in {"person", "role"} and not mention.collective:
        return None
    return mention


def _possessed_role(token: Token, mentions: list[Mention], mention_at: dict[int, int]) -> None:
    """A role phrase with no country whose possessor is a resolved pronoun takes the country of the
    pronoun's antecedent: "their forces" after "Bosnian Serbs", "his government" after a titled minister."""
    index = mention_at.get(token.head.i) if token.dep_ == "poss" else None
    if index is None:
        return
    owned, owner = mentions[index], mentions[mention_at[token.i]]
    if owned.kind == "role" and owned.country is None and owner.country:
        owned.country = owner.country


MAX_ANTECEDENT_CHARS = 600
"""How far back (characters) a pronoun or "the group" looks for its antecedent: about two sentences."""


def _antecedent(
    mentions: list[Mention], at: int, lower: str, definite: bool, parsed: SpacyDoc | None = None
) -> Mention | None:
    """The nearest earlier compatible mention; for "he"/"she", an earlier subject is preferred over a
    nearer object ("Frank ... criticised Buhari. He hailed ..." -> Frank)."""
    if lower in PERSON_PRONOUNS and parsed is not None:
        found = _antecedent_among(
            [m for m in mentions if m.head >= 0 and parsed[m.head].dep_ in {"nsubj", "nsubjpass"}],
            at,
            lower,
            definite,
        )
        if found is not None:
            return found
    return _antecedent_among(mentions, at, lower, definite)


def _antecedent_among(mentions: list[Mention], at: int, lower: str, definite: bool) -> Mention | None:
    for m in sorted((m for m in mentions if m.end <= at), key=lambda m: m.start, reverse=True):
        if at - m.end > MAX_ANTECEDENT_CHARS:
            return None
        if lower in PERSON_PRONOUNS:
            if m.kind == "person" or (m.kind == "role" and m.name):
                return m
        elif definite:
            if m.kind in {"org", "unknown-org"} and m.type in {"REB", "PMC", "BUS", "NGO", "IGO", "OPP"}:
                return m
        elif (
            m.kind in {"org", "unknown-org", "country", "metonym", "capital"}
            or (m.kind in {"role", "demonym"} and lower in {"they", "them", "their"})
            or (m.collective and lower in {"it", "its"})
        ):
            return m
    return None


def _same_title(parsed: SpacyDoc, head: Token, person: Mention) -> bool:
    """ "the Democratic governor" may be "California Governor Jerry Brown", but "the president" is not him,
    and a plural ("the governors") is never one person: the role word must be in the person's title."""
    if head.tag_ not in {"NN", "NNP"}:
        return False
    title = person.text.lower()
    return head.lemma_.lower() in title.split() or head.lower_ in title.split()
