"""Resolve a noun phrase of the parse to an actor: country (ISO3), type (GOV, MIL, ...) and name.

The evidence used, in order: a named entity the gazetteer knows (country, capital, seat of government,
organisation, demonym); the phrase's role noun ("army", "spokesman", "protesters"); its modifiers and
prepositional phrases ("the Malian army", "people in Mali", "the spokesman of the Defence Ministry"); an
apposition ("X, a Russian private military company"); and, for people, their title ("Defence Minister X").

A name the gazetteer does not list may still be a country spelled another way ("Quatar", "Afganistan"):
it is compared with the country names the gazetteer holds (:meth:`Gazetteer.near_country`), never with a
list of misspellings. A capital's name is read as a large namesake town when the sentence names that
town's country and the article never names the capital's ("Tripoli" beside "Lebanese").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventwire.actors.names import (
    TITLE_LINKS,
    in_linked_name,
    in_title,
    not_a_person,
    split_person,
    title_chain_before,
)
from eventwire.knowledge.gazetteer import Entry

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token

    from eventwire.knowledge.gazetteer import Gazetteer, Role

ACTOR_ENT_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "poss", "npadvmod"})
COUNTRY_PREPS = frozenset({"of", "in", "from", "for", "at"})
MAX_DEPTH = 4
ADJECTIVE_ROLES = {
    # adjectives that type a vague head noun ("diplomatic sources", "military government")
    "diplomatic": "GOV",
    "governmental": "GOV",
    "official": "GOV",
    "military": "MIL",
    "army": "MIL",
    "judicial": "JUD",
    "police": "COP",
    "rebel": "REB",
    "insurgent": "REB",
    "jihadist": "REB",
    "militant": "REB",
    "opposition": "OPP",
}
NAMESAKE_MIN_POPULATION = 100_000
"""Least population of a town that may take a capital's name from it (see ``PhraseResolver._namesake_town``):
smaller namesakes (Moscow, Idaho; Paris, Texas) are never what news about their country's capital means.
Chosen on the seed article that names Moscow and the United States in one sentence; re-run
benchmarks/quality.py when changing it."""
MISSPELLABLE_LABELS = frozenset({"GPE", "NORP", "LOC", "ORG"})
"""Entity labels whose unknown names are compared with the country names for a misspelling (not PERSON: a
person's name one letter off a demonym is still a person's name)."""
TOWN_LABELS = frozenset({"GPE"})
"""Entity labels that may name a town (looked up in the place gazetteer when the actor gazetteer lacks it)."""
BROKEN_ENTITY_ENDS = frozenset({"ADP", "DET", "CCONJ"})
"""An ORG entity ending in one of these was cut short by the NER ("Intervention of")."""
VAGUE_HEADS = frozenset({"source", "official", "figure", "member", "representative", "person", "people"})
CIVIL_MODIFIERS = frozenset(
    {"passenger", "civilian", "civil", "cargo", "commercial", "private", "airline", "fishing", "merchant",
     "ferry", "rescue", "medical", "ambulance", "tourist", "news", "delivery", "crop", "toy", "agricultural"}
)  # fmt: skip
"""Words that make a vehicle civilian ("a Russian passenger plane"): it no longer stands for the forces."""
BASE_PARTICIPLES = frozenset({"base", "headquarter", "headquartered", "station", "register"})
"""Participles after a body that say where it is at home ("a group based in X", "registered in X")."""
ORIGIN_WORDS = frozenset({"made", "built", "supplied", "manufactured", "designed", "produced", "donated"})
"""A country joined to one of these ("Turkish-made drones") made the equipment; it need not use it."""
ETHNIC_MARKERS = frozenset({"ethnic"})
"""A demonym marked as an ethnic group ("ethnic Albanians") names people by descent, not by state: CAMEO
codes them with the country they live in (the place in the phrase, else the sentence's), so the demonym's
country is not theirs."""
AFFILIATION_PREPS = frozenset({"for", "at", "with", "of", "from"})
"""A person's apposition "a researcher for/at/with X": X is the body they speak for."""
SPEAKER_FOR_ORG_TYPES = frozenset({"NGO", "IGO", "MED"})
"""Bodies whose type a member with a generic title ("researcher", "analyst", "lawyer": CVL) takes: people
who speak for a human-rights group, the UN or a newspaper are coded as that body (ANNOTATION.md types
international NGOs, IGOs and media by the body), not as private persons."""
GENERIC_PERSON_TYPES = frozenset({"CVL"})
IGO_CODE = "IGO"
"""Pseudo-country and type of intergovernmental bodies (ANNOTATION.md)."""
NGO_TYPE = "NGO"
ETHNONYMS = frozenset(
    {"serbs", "croats", "albanians", "hungarians", "russians", "tajiks", "uzbeks", "armenians", "azeris",
     "somalis", "pashtuns", "turkmens", "romanians", "greeks", "turks", "slovaks", "poles", "bulgarians"}
)  # fmt: skip
"""Peoples that live as minorities across borders: a country adjective before them names where they live
("Bosnian Serbs", "Macedonian Albanians"), not their descent (as it does for civic demonyms such as
"Turkish Cypriots" or "Chinese Americans")."""
ORG_HEAD_NOUNS = frozenset(
    {"faction", "movement", "network", "group", "organisation", "organization", "wing"}
)
"""Generic nouns for a body that a known organisation's name may modify ("the Hamas movement")."""
LEADER_BODY_HEADS = frozenset({"administration", "government", "camp", "regime", "cabinet"})
"""Heads that a leader's name may modify: "the Bush administration", "the Abiy government"."""


@dataclass(frozen=True)
class Resolved:
    start: int  # token index (inclusive)
    end: int  # token index (exclusive)
    name: str | None
    country: str | None
    type: str | None
    kind: str


class PhraseResolver:
    """Resolves head tokens of one parsed document against the gazetteer."""

    def __init__(
        self,
        doc: Doc,
        gazetteer: Gazetteer,
        town_country: Callable[[str], str | None] | None = None,
        known_place: Callable[[str], bool] | None = None,
        town_countries: Callable[[str], frozenset[str]] | None = None,
    ) -> None:
        self.doc = doc
        self.gaz = gazetteer
        self.town_country = town_country
        """Country of a town or city the actor gazetteer does not list ("Tel Aviv"), or None."""
        self.known_place = known_place
        """Whether the place gazetteer knows a name as some place ("Columbia"): such a name is not read as
        a misspelled country."""
        self.town_countries = town_countries
        """Countries with a sizeable town of a name ("Tripoli": Libya, Lebanon), for capitals' namesakes."""
        self._town_cache: dict[tuple[int, int], str | None] = {}
        self._ent_of: dict[int, Span] = {}
        for ent in doc.ents:
            for i in range(ent.start, ent.end):
                self._ent_of[i] = ent
        self._entry_cache: dict[tuple[int, int], Entry | None] = {}

    # -- entities ---------------------------------------------------------------------------------
    def ent(self, index: int) -> Span | None:
        return self._ent_of.get(index)

    def entry(self, ent: Span) -> Entry | None:
        key = (ent.start, ent.end)
        if key not in self._entry_cache and in_linked_name(ent):
            self._entry_cache[key] = None
        if key not in self._entry_cache:
            found = self.gaz.lookup(ent.text)
            if found is None and ent.label_ in {"ORG", "FAC", "GPE", "NORP", "LOC"}:
                # "the Wagner Group's", "Russia's": try without a trailing possessive token
                toks = [t for t in ent if t.tag_ != "POS"]
                if toks and len(toks) < len(ent):
                    found = self.gaz.lookup(self.doc[toks[0].i : toks[-1].i + 1].text)
            if found is None and ent.label_ in {"ORG", "FAC"} and len(ent) > 2:
                # an entity that swallowed words before a known organisation: "Intervention of Wagner Group"
                for i in range(ent.start + 1, ent.end - 1):
                    candidate = self.gaz.lookup(self.doc[i : ent.end].text)
                    if candidate is not None and candidate.kind == "org":
                        found = candidate
                        break
            if found is None:
                found = self._misspelled_country(ent)
            elif found.kind == "capital":
                found = self._namesake_town(ent, found) or found
            self._entry_cache[key] = found
        return self._entry_cache[key]

    def _namesake_town(self, ent: Span, capital: Entry) -> Entry | None:
        """A large town that shares a capital's name, when its sentence names the town's country and the
        article never names the capital's ("militias in Tripoli ... the north Lebanese port": Tripoli in
        Lebanon, not Libya's capital). Countries are named by entities as a country, people or capital;
        a town is large from :data:`NAMESAKE_MIN_POPULATION` people (Moscow, Idaho is not)."""
        if self.town_countries is None or capital.country is None:
            return None
        named: set[str] = set()
        for other in self.doc.ents:
            if other.start == ent.start:
                continue
            found = self.gaz.lookup(other.text)
            if found is None or not found.country or found.kind not in {"country", "demonym", "capital"}:
                continue
            if found.country == capital.country:
                return None  # the capital's own country is named in the article: it is that capital
            if other.sent.start == ent.sent.start:
                named.add(found.country)
        towns = self.town_countries(capital.text)
        hosts = named & towns
        if len(hosts) != 1:
            return None
        host = hosts.pop()
        return Entry(text=capital.text, kind="region", country=host, type=capital.type, name=capital.text)

    def _misspelled_country(self, ent: Span) -> Entry | None:
        """A country or demonym written with a spelling the gazetteer does not list ("Quatar's emir", "an
        offer from Afganistan"): a place or people entity, or a one-word organisation (the NER's label for
        an unknown possessor), close to one country's names (:meth:`Gazetteer.near_country`) and no place
        the place gazetteer knows by that name."""
        words = [t for t in ent if t.tag_ != "POS" and not (t.i == ent.start and t.lower_ == "the")]
        if not words or ent.label_ not in MISSPELLABLE_LABELS or not all(t.text[:1].isupper() for t in words):
            return None
        if ent.label_ == "ORG" and len(words) > 1:
            return None
        text = self.doc[words[0].i : words[-1].i + 1].text
        found = self.gaz.near_country(text)
        if found is None or (self.known_place is not None and self.known_place(text)):
            return None
        return found

    def token_country(self, token: Token) -> str | None:
        """The country a single token names (as a country, capital, demonym or metonym), if any."""
        ent = self.ent(token.i)
        if ent is not None:
            entry = self.entry(ent)
            if entry is not None and entry.country and entry.kind != "org":
                return entry.country
            if entry is not None and entry.kind == "org" and entry.country:
                return entry.country
            if entry is None:
                town = self.town(ent)
                if town:
                    return town
        if in_linked_name(self.doc[token.i : token.i + 1]):
            return None
        found = self.gaz.lookup(token.text)
        if (
            found is not None
            and found.country
            and found.kind in {"country", "demonym", "capital", "metonym", "region"}
        ):
            return found.country
        return None

    def town(self, ent: Span) -> str | None:
        """The country of a town named by a place entity the actor gazetteer does not know ("people in Tel
        Aviv"), when the place gazetteer gives the name one country only."""
        if self.town_country is None or ent.label_ not in TOWN_LABELS:
            return None
        key = (ent.start, ent.end)
        if key not in self._town_cache:
            toks = [t for t in ent if t.tag_ != "POS" and not (t.i == ent.start and t.lower_ == "the")]
            self._town_cache[key] = self.town_country(" ".join(t.text for t in toks)) if toks else None
        return self._town_cache[key]

    def place_country(self, ent: Span) -> str | None:
        """The country of a place entity: a country, capital or region the actor gazetteer lists, else a
        town (see :meth:`town`)."""
        entry = self.entry(ent)
        if entry is not None:
            return entry.country if entry.kind in {"country", "capital", "region"} else None
        return self.town(ent)

    # -- roles ------------------------------------------------------------------------------------
    def role_type(self, token: Token) -> str | None:
        """The actor type of a head noun, from the role lexicon (multiword roles included)."""
        role = self.role(token)
        return role.type if role is not None else None

    def role(self, token: Token) -> Role | None:
        """The role a head noun names ("prime minister", "security forces", "army"), if any."""
        if token.pos_ not in {"NOUN", "PROPN"}:
            return None
        left = [c for c in token.lefts if c.dep_ in {"compound", "amod"}]
        for c in left:
            role = self.gaz.role(f"{c.lower_} {token.lower_}") or self.gaz.role(
                f"{c.lower_} {token.lemma_.lower()}"
            )
            if role is not None:
                return role
        return self.gaz.role(token.lower_) or self.gaz.role(token.lemma_.lower())

    def equipment(self, token: Token) -> Role | None:
        """The military equipment a head noun names ("aircraft", "helicopter gunships"), if any."""
        if token.pos_ not in {"NOUN", "PROPN"}:
            return None
        for c in token.lefts:
            if c.dep_ in {"compound", "amod"}:
                found = self.gaz.equipment(f"{c.lower_} {token.lemma_.lower()}")
                if found is not None:
                    return found
        return self.gaz.equipment(token.lower_) or self.gaz.equipment(token.lemma_.lower())

    def equipment_country(self, token: Token) -> str | None:
        """The country whose forces a piece of equipment stands for: "Russian aircraft", "Israeli army
        bulldozers"; none for a civilian vehicle or one named by where it was made."""
        before = list(token.doc[token.left_edge.i : token.i])
        if any(t.lower_ in CIVIL_MODIFIERS or t.lower_ in ORIGIN_WORDS for t in before):
            return None
        for c in token.children:
            if c.dep_ in MODIFIER_DEPS and c.i < token.i:
                found = self.country_of(c, 1)
                if found:
                    return found
        return None

    def modifier_type(self, token: Token) -> str | None:
        for c in token.children:
            if c.dep_ in {"amod", "compound"}:
                t = ADJECTIVE_ROLES.get(c.lower_)
                if t:
                    return t
        return None

    # -- phrases ----------------------------------------------------------------------------------
    def country_of(self, token: Token, depth: int = 0) -> str | None:
        """Country of the phrase headed by ``token``: own entity, modifiers, "of/in X", appositions."""
        if depth > MAX_DEPTH:
            return None
        own = self.token_country(token)
        if own:
            return own
        if self.role_type(token) == NGO_TYPE:
            return self._ngo_country(token, depth)
        ent = self.ent(token.i)
        if ent is not None and ent.label_ in {"ORG", "NORP", "FAC"}:
            # a word inside an organisation's name ("the French Ministry of ..."), but not inside a
            # place name ("New Mexico" is not Mexico)
            for t in ent:
                named = self.token_country(t)
                if named:
                    return named
        for c in token.children:
            if c.dep_ in MODIFIER_DEPS and not stance_prefixed(c):
                found = self.country_of(c, depth + 1)
                if found:
                    return found
        for c in token.children:
            if c.dep_ == "prep" and c.lower_ in COUNTRY_PREPS:
                for obj in c.children:
                    if obj.dep_ == "pobj":
                        found = self.country_of(obj, depth + 1)
                        if found:
                            return found
        for c in token.children:
            if c.dep_ == "appos":
                found = self.country_of(c, depth + 1)
                if found:
                    return found
        return self._base_country(token, depth)

    def _base_country(self, token: Token, depth: int) -> str | None:
        """Where a body is based, said by a participle after it: "a group based in Trinidad", "a charity
        headquartered in Nairobi"."""
        for c in token.children:
            if c.dep_ != "acl" or c.lemma_.lower() not in BASE_PARTICIPLES:
                continue
            for prep in c.children:
                if prep.dep_ == "prep" and prep.lower_ in {"in", "at"}:
                    found = self._pobj_country(prep, depth)
                    if found:
                        return found
        return None

    def _pobj_country(self, prep: Token, depth: int) -> str | None:
        """The country the object of a preposition names ("in Mali", "from Kenya")."""
        for obj in prep.children:
            if obj.dep_ == "pobj":
                found = self.country_of(obj, depth + 1)
                if found:
                    return found
        return None

    def _ngo_country(self, token: Token, depth: int) -> str | None:
        """Country of a non-governmental body named by a role noun ("a Nigerian charity", "rights groups in
        Mali"): an adjective or a locative phrase, not the words of its name ("the charity Chinese Human
        Rights Defenders" names a cause, not a home). None when it names none."""
        for c in token.children:
            if c.dep_ == "amod" or (
                c.dep_ == "compound" and self.ent(c.i) is not None and c.ent_type_ != "ORG"
            ):
                found = self.token_country(c)
                if found:
                    return found
            if c.dep_ == "prep" and c.lower_ in {"in", "from"}:
                found = self._pobj_country(c, depth)
                if found:
                    return found
        return self._base_country(token, depth)

    def affiliation_type(self, token: Token) -> str | None:
        """The type of the body a role phrase works for: "a researcher for the charity X" -> NGO."""
        for c in token.children:
            if c.dep_ != "prep" or c.lower_ not in AFFILIATION_PREPS:
                continue
            for obj in c.children:
                if obj.dep_ != "pobj":
                    continue
                role = self.role(obj)
                if role is not None and role.kind == "group" and role.type in SPEAKER_FOR_ORG_TYPES:
                    return role.type
                found = self._org_type_token(obj)
                if found in SPEAKER_FOR_ORG_TYPES:
                    return found
        return None

    def person_type(self, token: Token, depth: int = 0) -> str | None:
        """Type of a named person from a title next to the name or an apposition."""
        if depth > MAX_DEPTH:
            return None
        head_ent = self.ent(token.i)
        if head_ent is not None and depth == 0:
            titled = self._title_before(head_ent)
            if titled:
                return titled
        for c in token.children:
            if c.dep_ in {"compound", "amod", "appos", "nmod"} and (
                head_ent is None or c.i not in range(head_ent.start, head_ent.end)
            ):
                t = self.role_type(c) or self.person_type(c, depth + 1)
                if c.dep_ == "appos" and (t is None or t in GENERIC_PERSON_TYPES):
                    t = self.affiliation_type(c) or t
                if t:
                    return t
        # the name may be an apposition of a title: "the minister, X", or "Minister X" parsed as head=title
        if token.dep_ in {"appos", "compound"} and token.head.i != token.i:
            t = self.role_type(token.head)
            if t:
                return t
        return None

    def _titled_name(self, ent: Span) -> tuple[str, str | None] | None:
        """(type, country) of a person's title right before a name the NER took for an organisation:
        "Vice-President Moody Awori". Not a title linked by "of" ("Chairman of Acme Holdings": the
        organisation) and not a name that ends in an institution's word."""
        if ent.start == 0 or ent.doc[ent.start - 1].lower_ in TITLE_LINKS or not_a_person(ent, self.gaz):
            return None
        if not all(t.pos_ == "PROPN" for t in ent) or len(ent) > MAX_TITLED_NAME:
            return None
        title = self.gaz.role(ent.doc[ent.start - 1].text)
        if title is None or title.kind != "person":
            return None
        type_, country = title_chain_before(ent, self.gaz)
        return (type_, country) if type_ is not None else None

    def _title_before(self, ent: Span) -> str | None:
        """A title just before a name ("Chief Justice David Maraga", "Minister of Defence of Mali X")."""
        return title_chain_before(ent, self.gaz)[0]

    def extent(self, token: Token) -> tuple[int, int]:
        """Token range of the noun phrase headed by ``token`` (determiners, modifiers, short PPs)."""
        ent = self.ent(token.i)
        start = token.i
        end = token.i + 1
        if ent is not None:
            start, end = min(start, ent.start), max(end, ent.end)
        for c in token.lefts:
            if c.dep_ in {"det", "amod", "compound", "poss", "nmod", "nummod", "quantmod", "advmod"} or (
                c.dep_ == "punct" and c.i > start
            ):
                start = min(start, c.left_edge.i)
        for c in token.rights:
            if c.dep_ == "prep" and c.lower_ in {"of", "in", "from", "for"}:
                right = c.right_edge.i + 1
                if right - token.i <= 10:
                    end = max(end, right)
            elif c.dep_ in {"compound", "appos"} and c.right_edge.i - token.i <= 12 and c.dep_ != "appos":
                end = max(end, c.right_edge.i + 1)
        while start < end and self.doc[start].is_punct:
            start += 1
        while end > start and self.doc[end - 1].is_punct:
            end -= 1
        return start, end

    def resolve(self, token: Token) -> Resolved | None:
        """Resolve the phrase headed by ``token`` to an actor, or None when it names no actor."""
        ent = self.ent(token.i)
        start, end = self.extent(token)
        if ent is not None and ent.label_ in ACTOR_ENT_LABELS:
            if is_dateline(ent):
                return None
            entry = self.entry(ent)
            if entry is not None:
                if entry.kind == "demonym":
                    # "Russian" as head: its role, else the people ("millions of South Koreans"), but "the
                    # Saudis" with nothing else are the state, as news writes of one side of a dispute
                    plural = token.tag_ in {"NNS", "NNPS"}
                    people = ("GOV" if _definite_bare(token) else "CVL") if plural else None
                    country = entry.country
                    if any(c.lower_ in ETHNIC_MARKERS for c in token.lefts):
                        country = self._residence(token)
                    elif plural:
                        country = self._home_of_people(token, ent, entry.country) or country
                    return Resolved(start, end, None, country, self.role_type(token) or people, "demonym")
                if entry.kind == "org" and entry.country == "IGO":
                    national = self._national_modifier(token, ent)
                    if national is not None:
                        # "Russia's Security Council": the country's own body of that name, not the UN's
                        return Resolved(start, end, clean_name(ent), national, "GOV", "unknown-org")
                if entry.kind == "metonym":
                    national = self._national_modifier(token, ent)
                    if national is not None and national != entry.country:
                        # "the German Foreign Office": that country's office, not the British one
                        return Resolved(start, end, clean_name(ent), national, entry.type, "unknown-org")
                type_ = (
                    entry.type if entry.kind == "org" else (self.modifier_type(token) or entry.type or "GOV")
                )
                name = entry.name if entry.kind == "org" else None
                return Resolved(start, end, name, entry.country, type_, entry.kind)
            if ent.label_ == "PERSON" and not_a_person(ent, self.gaz):
                return None
            if ent.label_ == "PERSON":
                split = split_person(ent, self.gaz)
                end = min(end, split.end) if split.end < ent.end else end
                country = split.country or self.country_of(token) or title_chain_before(ent, self.gaz)[1]
                type_ = split.type or self.person_type(token)
                return Resolved(start, end, split.name or clean_name(ent), country, type_, "person")
            if ent.label_ == "ORG" and ent[-1].pos_ in BROKEN_ENTITY_ENDS:
                return None  # "Intervention of" + "Wagner Group": the act's noun, not an organisation
            if ent.label_ == "ORG":
                titled = self._titled_name(ent)
                if titled is not None:
                    type_, country = titled
                    country = country or self.country_of(token)
                    return Resolved(start, end, clean_name(ent), country, type_, "person")
                # an organisation the gazetteer does not know: typed by its words when they say
                # ("Interior Ministry"), located by its modifiers, else left for the article's context
                type_ = self._org_type(ent) or self.role_type(token)
                country = self._ngo_country(token, 0) if type_ == NGO_TYPE else self.country_of(token)
                return Resolved(start, end, clean_name(ent), country, type_, "unknown-org")
            if ent.label_ == "NORP" and token.tag_ in {"NNS", "NNPS"}:
                # a people the gazetteer does not list, placed by a country word: "Iraqi Kurds", "the
                # Uighurs of China"; with none it says nothing of a country, and is left out
                country = self.country_of(token)
                if country is None:
                    return None
                return Resolved(start, end, None, country, self.role_type(token) or "CVL", "demonym")
            if ent.label_ == "FAC":
                type_ = self._org_type(ent) or self.role_type(token)
                country = self.country_of(token)
                if type_ is None and country is None:
                    return None
                return Resolved(start, end, clean_name(ent), country, type_, "unknown-org")
            return None
        role = self.role_type(token)
        if role is None and token.lemma_.lower() in ORG_HEAD_NOUNS:
            named = self._named_org_modifier(token)
            if named is not None:
                # "the Taliban religious faction", "the Hamas movement": the organisation itself
                return Resolved(start, end, named.name, named.country, named.type, "org")
        if role is not None and token.lemma_.lower() not in VAGUE_HEADS:
            armed = self._named_org_modifier(token)
            if armed is not None and armed.type in ARMED_GROUP_TYPES:
                # "al-Qaeda leaders", "Wagner mercenaries": members act for their group, of its country
                return Resolved(start, end, armed.name, armed.country, armed.type, "org")
        equipment = self.equipment(token) if role is None else None
        if equipment is not None:
            country = self.equipment_country(token)
            if country is None:
                return None
            return Resolved(start, end, None, country, equipment.type, "role")
        if role is None and token.lemma_.lower() in VAGUE_HEADS:
            role = self.modifier_type(token)
            if role is None:
                # "sources", "officials" typed by a PP: "officials of the ministry"
                for c in token.children:
                    if c.dep_ == "prep" and c.lower_ in {"of", "from", "at"}:
                        for obj in c.children:
                            if obj.dep_ == "pobj":
                                role = self.role_type(obj) or self._org_type_token(obj)
            if role is None and token.lemma_.lower() in {"people", "person"}:
                role = "CVL"
            if role is None:
                if token.lemma_.lower() == "source":
                    return None
                role = None
        elif role is not None:
            mod = self.modifier_type(token)
            if (
                mod
                and role == "GOV"
                and token.lemma_.lower() in {"government", "regime", "authority", "leader"}
            ):
                role = mod if mod in {"MIL"} else role
        if role is None and token.lemma_.lower() not in VAGUE_HEADS:
            if _bare_name(token):
                # a capitalised name the NER missed ("Najib, who denies ..."): an actor of unknown kind
                found = self.gaz.lookup(token.text)
                if found is None and not in_title(token, self.gaz):
                    bare = split_person(self.doc[start : token.i + 1], self.gaz)
                    country = bare.country or self.country_of(token)
                    type_ = (
                        bare.type
                        or self.person_type(token)
                        or title_chain_before(self.doc[start : token.i + 1], self.gaz)[0]
                    )
                    name = bare.name or self.doc[start:end].text
                    return Resolved(
                        start, max(token.i + 1, min(end, bare.end)), name, country, type_, "person"
                    )
            return None
        name = None
        person = None
        for i in range(start, end):
            e = self.ent(i)
            if e is not None and e.label_ == "PERSON":
                person = e
                break
        if person is not None:
            name = clean_name(person)
        elif token.lemma_.lower() in LEADER_BODY_HEADS:
            name = self._leader_name(token)
        country = self.country_of(token) or self._shared_modifier_country(token)
        if country == IGO_CODE and role == "GOV":
            role = IGO_CODE  # "EU member states", "UN officials": they act for the body, as the body
        return Resolved(start, end, name, country, role, "role")

    def _shared_modifier_country(self, token: Token) -> str | None:
        """A role noun that modifies a thing takes the country adjective in front of both: "a Cambodian
        refugee camp" (Cambodian refugees), "Syrian rebel positions". Not when the thing is an actor or a
        piece of equipment, which the adjective is about ("Iraqi police cars" are the Iraqi police's)."""
        if token.dep_ != "compound" or token.head.i <= token.i:
            return None
        head = token.head
        if self.ent(head.i) is not None or self.role(head) is not None or self.equipment(head) is not None:
            return None
        for c in head.children:
            if c.i < token.i and c.dep_ in {"amod", "compound", "nmod"} and not stance_prefixed(c):
                found = self.country_of(c, 1)
                if found:
                    return found
        return None

    def _leader_name(self, token: Token) -> str | None:
        """The leader's name in "the Abiy government", "the Bush administration" when the NER did not tag it
        as a person: capitalised words before the head that are no place, people or organisation. Coreference
        then joins it to the leader named elsewhere in the article, whose country it takes."""
        words = [
            c
            for c in token.lefts
            if c.dep_ == "compound" and c.pos_ == "PROPN" and c.text[:1].isupper() and self._unknown_name(c)
        ]
        if not words or self.gaz.lookup(words[-1].text) is not None or self.gaz.role(words[-1].text):
            return None
        return self.doc[words[0].left_edge.i : words[-1].i + 1].text.removeprefix("the ").strip()

    def _unknown_name(self, token: Token) -> bool:
        """Outside any entity, or inside one the gazetteer does not know (the NER often tags "the Akufo-Addo
        government" as an organisation)."""
        ent = self.ent(token.i)
        return ent is None or (ent.label_ in {"ORG", "PERSON"} and self.entry(ent) is None)

    def _residence(self, token: Token) -> str | None:
        """Where an ethnic group named in the phrase lives: "ethnic Albanians in south Serbia" -> SRB."""
        for c in token.children:
            if c.dep_ == "prep" and c.lower_ in {"in", "of", "from"}:
                for obj in c.children:
                    if obj.dep_ == "pobj":
                        found = self.country_of(obj, 1)
                        if found:
                            return found
        return None

    def _home_of_people(self, token: Token, ent: Span, own: str | None) -> str | None:
        """Where a people named by a plural demonym lives, when the phrase says so: another country's
        adjective before an ethnonym ("Bosnian Serbs", "Macedonian Albanians") or "of" a place ("the
        Albanians of southern Serbia"). A civic demonym keeps its own country ("Turkish Cypriots",
        "Chinese Americans" are Cypriots and Americans)."""
        if token.lower_ in ETHNONYMS:
            for c in token.lefts:
                if c.dep_ in {"amod", "compound", "nmod"}:
                    found = self._place_word_country(c)
                    if found and found != own:
                        return found
        for c in token.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for obj in c.children:
                    if obj.dep_ == "pobj" and obj.ent_type_ in {"GPE", "LOC"}:
                        found = self.country_of(obj, 1)
                        if found and found != own:
                            return found
        return None

    def _place_word_country(self, token: Token) -> str | None:
        """The country a modifier names as a country or its adjective ("Bosnian", "Kosovo")."""
        found = self.gaz.lookup(token.text)
        if found is not None and found.country and found.kind in {"country", "demonym"}:
            return found.country
        return None

    def _national_modifier(self, token: Token, ent: Span) -> str | None:
        """A country named before an international body's short name, outside its entity: "Russia's
        Security Council", "the Iranian Security Council" name a national body."""
        for c in token.lefts:
            if c.dep_ in {"poss", "amod", "compound", "nmod"} and not ent.start <= c.i < ent.end:
                found = self._place_word_country(c)
                if found:
                    return found
        return None

    def _named_org_modifier(self, token: Token) -> Entry | None:
        """A known organisation named before a generic group noun: "the Taliban faction" -> the Taliban."""
        for c in token.lefts:
            if c.dep_ not in {"compound", "nmod", "amod"}:
                continue
            ent = self.ent(c.i)
            if ent is None or ent_head(ent).i != c.i:
                continue
            entry = self.entry(ent)
            if entry is not None and entry.kind == "org":
                return entry
        return None

    def _org_type(self, ent: Span) -> str | None:
        for t in reversed(list(ent)):
            typ = self.role_type(t)
            if typ:
                return typ
        return None

    def _org_type_token(self, token: Token) -> str | None:
        ent = self.ent(token.i)
        if ent is not None:
            entry = self.entry(ent)
            if entry is not None and entry.type:
                return entry.type
            return self._org_type(ent)
        return None


MAX_TITLED_NAME = 3
"""Longest name (in words) that a title before it makes a person's."""
ARMED_GROUP_TYPES = frozenset({"REB", "PMC"})
"""Types of the non-state armed groups whose named members act as the group."""
STANCE_PREFIXES = frozenset({"anti", "pro"})
"""A country after one of these says what the actor is for or against ("an anti-Syria journalist",
"pro-Russian separatists"), not where it is from."""


def stance_prefixed(token: Token) -> bool:
    """ "Syria" in "anti-Syria", "pro-Russian" (split by the tokenizer or not)."""
    if token.lower_.split("-", 1)[0] in STANCE_PREFIXES and "-" in token.text:
        return True
    doc = token.doc
    return token.i >= 2 and doc[token.i - 1].text == "-" and doc[token.i - 2].lower_ in STANCE_PREFIXES


ENT_HEAD_POS = frozenset({"NOUN", "PROPN"})


def ent_head(ent: Span) -> Token:
    """The token that heads a named entity's phrase: spaCy's root, unless the parse split the name and the
    root is a preposition ("National Union | for the Total Independence of Angola": "Union")."""
    root = ent.root
    if root.pos_ in ENT_HEAD_POS:
        return root
    outside = (t for t in ent if t.pos_ in ENT_HEAD_POS and not ent.start <= t.head.i < ent.end)
    return next(outside, root)


def _definite_bare(token: Token) -> bool:
    """ "the Saudis": a definite article and nothing else before the head (no number, no adjective)."""
    lefts = [c for c in token.lefts if not c.is_punct]
    return len(lefts) == 1 and lefts[0].lower_ == "the" and not any(c.dep_ == "prep" for c in token.rights)


def _bare_name(token: Token) -> bool:
    """A proper-noun subject or object outside any entity (not an all-caps acronym)."""
    return (
        token.pos_ == "PROPN"
        and token.ent_type_ == ""
        and token.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj"}
        and token.text[:1].isupper()
        and len(token.text) > 2
        and not token.text.isupper()
    )


DATELINE_FOLLOWERS = frozenset({"(", "–", "—", "-", ":", ","})


def is_dateline(ent: Span) -> bool:
    """A place name opening a paragraph as a dateline ("HANOI (VNA) –", "Kuala Lumpur:", "LOME, March 3")."""
    if ent.label_ not in {"GPE", "LOC"}:
        return False
    doc = ent.doc
    first = ent.start == 0 or "\n" in doc[ent.start - 1].text or (ent.start == ent.sent.start)
    if not first or ent.end >= len(doc):
        return False
    nxt = doc[ent.end]
    return nxt.text in DATELINE_FOLLOWERS and (nxt.text != "," or ent.text.isupper())


NAME_NOISE = frozenset(
    {"the", "'s", "’s", "both", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "comrade"}
)
"""Words the NER sometimes keeps at the edge of a name ("Both Cerar", "Mr. Mesec")."""


def clean_name(ent: Span) -> str:
    toks = [t for t in ent if t.tag_ != "POS" and t.lower_ not in NAME_NOISE]
    if not toks:
        return ent.text
    return ent.doc[toks[0].i : toks[-1].i + 1].text
