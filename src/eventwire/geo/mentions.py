"""Place mentions of a parsed document, each told apart as a place or as an actor, and geocoded.

Candidates are the parse's GPE, LOC and FAC entities and the gazetteer tagger's countries, capitals and
regions (``nlp/model.py``), plus names the small model labels PERSON or ORG, or leaves unlabelled, that
the parse puts in a place's slot: after a locative preposition ("in Khanasir", when the place gazetteer
knows the name or the model labelled it), before or after a place noun ("the village of Ashmi", "Manger
Square", "al-Zahawi school") or after a noun for a part of a place ("the northern perimeter of Saraf"), or in
the object's slot of a verb that takes a place ("entered Quraytayn") or of a noun for an assault on one
("the siege of X", "their assault on Y"); unlabelled names the gazetteer knows count after a locative
preposition and, for a known city, in an object's slot ("airstrikes over southern Aleppo", "jets hit Aleppo"),
as does a known city the model took for an adjective before a place noun ("the southern Aleppo districts").
Names labelled LANGUAGE, WORK_OF_ART, EVENT or LAW count only when the gazetteer knows them or such a verb
takes them; names labelled NORP that are no faith or people count before a place noun ("the Aleppo
Governorate") or after a locative preposition. Two candidates that adjoin as one name are joined ("the
Persian Gulf"), a gazetteer place grows into a longer geographic name ("Guantanamo Bay", "South Lebanon"),
a people's adjective before a sea is a place ("the Indian Ocean"), and a name given an age ("Halim, 41,")
is a person's. Arabic articles and hyphens join a name ("al-Shaab Stadium"), a model entity grows over the
unlabelled proper nouns the parse compounds with it ("Sheikh" + "Lufti"), a gazetteer place over a longer
name in a place's slot ("Umm Batna", which is then not resolved as Batna) and over "of" after a feature word
("the Gulf of Aden"; "the Gulf" alone is no Gulf Province); acronyms ("the MFO base"), broken words ("the
Shiite- dominated"), times of day ("9 A.M."), words of hyphenated names and modifiers
("Lashkar-e-Tayyaba", "a U.S.-run prison"), titled people ("Governor X Y"), events' names ("the Vietnam
War") and names headed by a force's noun ("the Syrian Arab Army") are not places. A mention's span is the
name as the event-location gold marks it: a capitalised place noun is part of it ("Gaza City", "Baghdad
International Airport"), a lower-case one is not ("Aleppo province" -> "Aleppo"), a number after a capitalised
one is ("Hill 30"), an ayn mark that opens a
transliterated name is ("\u2018Arak"); the whole phrase is what the geocoder resolves. Each gets a *use*:

- ``place``: named as a location ("in Mali", "the Aleppo province", "Kabul's streets", "the Guarico state");
- ``dateline``: the place a story was filed from ("BEIRUT (AP) -"), a location but not of any event;
- ``actor``: the place stands for its government or people ("Moscow said", "Russia's support", "U.S.
  forces", "attacked by Turkey", "Peru's police chief") or says where a person is from ("England's Dan
  Smith"); a country that opens a building's name is a place ("outside the U.S. Embassy"); seats of
  government ("the Kremlin") and demonyms ("French troops") are classified as such by the actors stage
  (``Mention.kind``) and are never place mentions.

Places are resolved with the :class:`~eventwire.geo.geocoder.Geocoder`, biased to the article's focus
country, the countries the actors stage found named in it, and the countries of its unambiguous places.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, TypeAlias

from eventwire.actors.resolve import is_dateline
from eventwire.document import Document
from eventwire.geo.gazetteer import Place
from eventwire.geo.geocoder import Geocoder, GeoContext
from eventwire.stage_errors import require_parse

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token

PlaceUse: TypeAlias = Literal["place", "dateline", "actor"]

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
GAZETTEER_PLACE_KINDS = frozenset({"country", "capital", "region"})
"""Kinds of the gazetteer tagger's entity ids (``ent_id_`` "capital:RUS") that name places."""
NOT_PLACE_KINDS = frozenset({"metonym", "demonym", "org"})
"""Mention kinds the actors stage gives to seats of government, peoples and organisations: never places."""
LOCATIVE_PREPS = frozenset(
    {"in", "at", "near", "outside", "inside", "across", "throughout", "within", "around", "into", "from",
     "to", "towards", "toward", "through", "on", "off", "along", "over", "between", "of", "beyond", "via"}
)  # fmt: skip
"""Prepositions after which a PERSON or ORG entity the place gazetteer knows is taken as a place."""
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})
COMPASS_WORDS = frozenset(
    {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"}
)
"""Points of the compass: a lower-case one before a name is a part of the place ("east Jerusalem")."""
EDGE_WORDS = frozenset({"the", "'s", "\u2019s", "'", "\u2019"})


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place named in the clean text of a document (clean-text offsets and token indices)."""

    start: int
    end: int
    text: str
    token_start: int
    token_end: int  # exclusive
    root: int  # token index of the mention's syntactic head
    label: str  # spaCy entity label; "" for a name the model did not label
    use: PlaceUse
    place: Place | None  # None when no gazetteer knows the name

    @property
    def is_location(self) -> bool:
        """Named as a location (datelines included), not as an actor."""
        return self.use != "actor"


def _trimmed(ent: Span) -> Span:
    """The entity without a leading "the" or a lower-case point of the compass before the name ("east
    Jerusalem": a part of the place, the name is "Jerusalem"), without a trailing possessive, full stop or
    space."""
    start, end = ent.start, ent.end
    while start < end - 1 and (
        ent.doc[start].lower_ in EDGE_WORDS
        or (
            ent.doc[start].lower_ in COMPASS_WORDS
            and ent.doc[start].text.islower()
            and ent.doc[start + 1].text[:1].isupper()
        )
    ):
        start += 1
    while end > start + 1 and (
        ent.doc[end - 1].lower_ in EDGE_WORDS
        or ent.doc[end - 1].is_space
        or ent.doc[end - 1].text in {".", ","}
    ):
        end -= 1  # "Hazrama." with the full stop and the line break inside the entity
    opening = next((t.i for t in ent.doc[start:end] if t.text == "("), None)
    if opening is not None and opening > start and not any(t.text == ")" for t in ent.doc[opening:end]):
        end = opening  # "Palmyra (Tadmur": an unclosed bracket opens another name for the place
        while end > start + 1 and ent.doc[end - 1].lower_ in EDGE_WORDS:
            end -= 1
    return ent.doc[start:end]


def _entity_parts(parsed: Doc) -> list[Span]:
    """The model's entities, each split at a comma followed by a capitalised word: the model runs two names
    into one entity ("Sees, Tees", "Poso, Col.")."""
    out = []
    for ent in parsed.ents:
        start = ent.start
        for token in ent:
            if token.text == "," and start < token.i < ent.end - 1 and parsed[token.i + 1].text[:1].isupper():
                out.append(_labelled(parsed, start, token.i, ent.label_))
                start = token.i + 1
        out.append(ent if start == ent.start else _labelled(parsed, start, ent.end, ent.label_))
    return out


def _labelled(parsed: Doc, start: int, end: int, label: str) -> Span:
    last = parsed[end - 1]
    span = parsed.char_span(parsed[start].idx, last.idx + len(last.text), label=label)
    assert span is not None  # token boundaries
    return span


_APOSTROPHES = re.compile("['\u2018\u2019`]")
ARTICLE_PREFIXES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an"})
"""Lower-case Arabic articles that open a name, joined to it by a hyphen ("al-Shaab Stadium",
"al-Zahawi"): the name is still a proper name though its first letter is small."""


def _capitalised(span: Span) -> bool:
    """The span opens with a capital or a digit, or with an Arabic article joined by a hyphen."""
    first = span[0]
    if first.text[:1].isupper() or first.text[:1].isdigit():
        return True
    return (
        first.lower_.split("-")[0] in ARTICLE_PREFIXES
        and ("-" in first.text or (len(span) > 1 and span[1].text == "-"))
        and any(t.text[:1].isupper() for t in span)
    )


def _name_part(span: Span) -> Span:
    """The name in a place mention, as the gold convention of ``benchmarks/event_location.py`` marks it:
    without the lower-case words that follow it ("Aleppo province" -> "Aleppo", "the Radhwaniyah area"),
    with a capitalised place noun that follows it ("Gaza City", "al-Shaab Stadium")."""
    doc = span.doc
    start, end = span.start, span.end
    while (
        end > start + 1
        and doc[end - 1].text[:1].islower()
        and doc[end - 2].text != "-"
        and not any(c.isupper() for c in doc[end - 1].text)  # "Cote d'Ivoire"
    ):
        end -= 1
    if end == span.end and (following := _next_word(doc, end - 1)) is not None:
        if following.text[:1].isupper() and is_place_noun(following) and following.ent_type_ in ("", "GPE"):
            end = following.i + 1
    last = doc[end - 1]
    if end < span.sent.end and last.text[:1].isupper() and is_place_noun(last) and doc[end].text.isdigit():
        end += 1  # "Hill 30", "Camp 4": a numbered place
    if end > start + 1 and doc[end - 1].text.isupper() and is_place_noun(doc[end - 1]):
        end -= 1  # "Maru LGA": a unit word written as an acronym, like "Aleppo province"
    return doc[start:end]


_YEAR = re.compile(r"(?:19|20)\d\d")


def _numbered(name: Span) -> Span:
    """The name with the number that opens it ("the 1070 Housing Project", "the 3000 Apartment Project"): a
    number the parse attaches to a name of several capitalised words as a count is part of it; a year is
    not ("the 2014 Gaza war")."""
    doc = name.doc
    before = doc[name.start - 1] if name.start > name.sent.start else None
    if (
        before is not None
        and before.text.isdigit()
        and not _YEAR.fullmatch(before.text)
        and before.dep_ == "nummod"
        and name.start <= before.head.i < name.end
        and len(name) > 1
        and all(t.text[:1].isupper() or t.is_punct for t in name)
    ):
        return doc[before.i : name.end]
    return name


_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")
BARE_WORDS = COMPASS_WORDS | {"left", "right"}
"""Words that are no place name on their own ("East and West Berlin", "the South", "the Left")."""


def _given_an_age(span: Span) -> bool:
    """The name is followed by an age between commas ("Halim, 41, was shot"): a person's name."""
    doc = span.doc
    after = doc[span.end : span.end + 3]
    return (
        len(after) == 3
        and after[0].text == ","
        and after[1].text.isdigit()
        and len(after[1].text) <= 2
        and after[2].text == ","
    )


PERSON_TITLES = frozenset(
    {"governor", "mayor", "mullah", "mr", "mrs", "ms", "dr", "gen", "col", "capt", "judge"}
)
"""Titles that, inside a name and before a capitalised word, make it a person's ("Provincial Governor Duraid
X", "Mullah Muhammad Y"); not "sheikh" or "saint", which open place names too ("Sheikh Maqsoud")."""
CLOCK_WORDS = frozenset({"am", "pm", "gmt", "utc"})
"""Abbreviations of the time of day that the small model may label a place ("around 9 A.M.")."""
_HYPHENATED_MODIFIER = re.compile(r".+-[a-z]+$")


def _titled(span: Span) -> bool:
    """A title before a capitalised word inside the name: a person's name."""
    return any(
        t.lower_.rstrip(".") in PERSON_TITLES and n + 1 < len(span) and span[n + 1].text[:1].isupper()
        for n, t in enumerate(span)
    )


EVENT_NAME_WORDS = frozenset(
    {"war", "battle", "operation", "offensive", "campaign", "uprising", "revolution", "intifada", "crisis",
     "massacre"}
)  # fmt: skip
"""Words that make a name an event's, not a place's: as its last word ("the Vietnam War", "the Tet
Offensive") or, for "operation" and "battle", its first ("Operation Desert Storm")."""


def _event_name(name: Span) -> bool:
    """The name is an event's (:data:`EVENT_NAME_WORDS`)."""
    words = [t for t in name if t.is_alpha]
    return bool(words) and (
        (len(words) > 1 and words[-1].lower_ in EVENT_NAME_WORDS)
        or (len(words) > 1 and words[0].lower_ in {"operation", "battle"})
    )


def _clock_word(span: Span) -> bool:
    """The name is a time-of-day abbreviation ("A.M.", "GMT")."""
    return span.text.replace(".", "").lower() in CLOCK_WORDS


def _inside_hyphenated_name(span: Span) -> bool:
    """The name goes on a hyphenated name whose joint is a lower-case word ("Lashkar-e-Tayyaba",
    "Jaish-e-Mohammed"): a part of that (organisation's) name, not a place."""
    doc = span.doc
    start = span.start
    return (
        start >= 2
        and doc[start - 1].text == "-"
        and not doc[start - 1].whitespace_
        and doc[start - 2].text.isalpha()
        and doc[start - 2].text.islower()
        and doc[start - 2].lower_ not in ARTICLE_PREFIXES
    )


def _hyphenated_modifier_word(span: Span) -> bool:
    """The name's last word ends in a hyphen and a lower-case word ("a U.S.-run prison", "Israeli-held"):
    a modifier, not a place's name."""
    return bool(_HYPHENATED_MODIFIER.fullmatch(span[-1].text))


def _actor_headed(span: Span, geocoder: Geocoder) -> bool:
    """The name ends in a noun naming a body of people, not a place ("the Syrian Arab Army", "the X
    Militia"): a force's name, whatever slot the parse gives it ("Taybat Al-Imam", "the Handarat Refugee
    Camp": a person's role does not make a name an actor's)."""
    last = span[-1]
    if is_place_noun(last):
        return False
    roles = geocoder.places.actors
    role = roles.role(last.lower_) or roles.role(last.lemma_.lower())
    return role is not None and role.kind == "group"


def _broken_word(span: Span) -> bool:
    """A name ending in a hyphen, the first half of a word the text broke ("the Shiite- dominated")."""
    last = span.doc[span.end - 1]
    return last.text.endswith("-") and len(last.text) > 1


def in_hyphenated_modifier(doc: Doc, token_end: int) -> bool:
    """The name ending before ``token_end`` is joined by a hyphen to the next word: "a US-Kurdish
    operation", "the London-based company", "Hindi-speaking migrants" (a modifier: a place for
    geoparsing, but not where an event happened)."""
    return (
        token_end + 1 < len(doc)
        and doc[token_end].text == "-"
        and not doc[token_end - 1].whitespace_
        and not doc[token_end].whitespace_
        and doc[token_end + 1].is_alpha
    )


def _gazetteer_kind(ent: Span) -> str | None:
    kind, _, _ = ent.ent_id_.partition(":")
    return kind or None


LEADER_NOUNS = frozenset(
    {"chief", "head", "boss", "commander", "leader", "director", "spokesman", "spokeswoman", "spokesperson",
     "chairman", "chairwoman", "envoy", "ambassador"}
)  # fmt: skip
"""Nouns for a person who leads or speaks for a body: a place that modifies one stands for that body
("Mexico's police chief", "the Iraq army commander"), it does not locate anything."""


def _role_noun(token: Token, geocoder: Geocoder) -> bool:
    """A noun that names an actor ("forces", "government", "officials"), from the role lexicon, or one who
    leads or speaks for one (:data:`LEADER_NOUNS`)."""
    roles = geocoder.places.actors
    return (
        roles.role(token.lower_) is not None
        or roles.role(token.lemma_.lower()) is not None
        or token.lemma_.lower() in LEADER_NOUNS
    )


def place_use(doc: Document, span: Span, geocoder: Geocoder, kind: str | None = None) -> PlaceUse | None:
    """How the span is used: as a place, a dateline, an actor; None when the actors stage says it names a
    seat of government, a people or an organisation. ``kind`` is the gazetteer tagger's kind of the
    entity ("country", "capital", "region"), if it tagged it."""
    mention_index = doc.mention_at.get(span.root.i)
    if mention_index is not None and doc.mentions[mention_index].kind in NOT_PLACE_KINDS:
        return None
    if is_dateline(span):
        return "dateline"
    root = span.root
    while root.dep_ in {"conj", "appos"} and root.head.i != root.i:
        root = root.head  # "France and Germany said": the first conjunct's role
    head = root.head
    if root.dep_ in SUBJECT_DEPS and head.pos_ in {"VERB", "AUX"}:
        return "actor"
    if root.dep_ == "nsubjpass" and kind == "country" and head.lemma_.lower() not in PLACE_OBJECT_VERBS:
        return "actor"  # "Iran was warned"; but "Aleppo was shelled", "Kosovo is patrolled" are places
    if root.dep_ == "pobj" and head.lower_ == "by" and head.dep_ == "agent":
        return "actor"
    if (root.dep_ == "poss" and head.ent_type_ == "PERSON") or (
        root.dep_ == "pobj" and head.lower_ == "of" and head.head.ent_type_ == "PERSON"
    ):
        return "actor"  # "England's Dan Smith", "John Smith, of Canada": where a person is from
    if _owns_person_name(span):
        return "actor"  # "... by Brazil's X and England's Dan Smith", which the parse makes a conjunct
    if root.dep_ in MODIFIER_DEPS and head.pos_ in {"NOUN", "PROPN"} and head.i != root.i:
        if head.ent_type_ in {"DATE", "TIME"}:
            return "place"  # "marched through central Hong Kong Sunday": the parse hung the name on the date
        if kind == "country" and _named_building(span, head) and head.dep_ not in SUBJECT_DEPS:
            return "place"  # "outside the U.S. Embassy"; "the U.S. Embassy said" is an actor
        if _state_unit(head, kind, geocoder):
            return "place"  # "Venezuela's central Guarico state", "Kaduna State"
        if _role_noun(head, geocoder) or head.ent_type_ in {"ORG", "NORP"}:
            return "actor"  # "U.S. forces", "Russia's government", "the Syria Democratic Forces"
        if (
            kind == "country"
            and root.dep_ != "poss"
            and not _country_place_head(head)
            and not _after_locative(span)
        ):
            return "actor"  # "a U.S. airstrike", "the US military base"
    return "place"


def _owns_person_name(span: Span) -> bool:
    """The words after the name are "'s" and the first word of a person's name, whatever the parse made of
    them: where the person is from."""
    doc = span.doc
    return (
        span.end + 1 < span.sent.end
        and doc[span.end].lower_ in {"'s", "\u2019s"}
        and doc[span.end + 1].ent_type_ == "PERSON"
        and doc[span.end + 1].ent_iob_ == "B"
    )


PLACE_NOUNS = frozenset(
    {"street", "road", "avenue", "highway", "city", "town", "village", "province", "region", "capital",
     "outskirts", "suburb", "district", "area", "neighbourhood", "neighborhood", "county", "state", "camp",
     "prison", "base", "airbase", "airport", "embassy", "hospital", "square", "mosque", "church", "school",
     "university", "stadium", "market", "valley", "river", "lake", "island", "mountain", "border",
     "countryside", "municipality", "governorate", "prefecture", "sector", "quarter", "port", "bridge",
     "crossing", "checkpoint", "station", "hotel", "compound", "refinery", "plant", "field", "oilfield",
     "point", "post", "outpost", "hill", "farm", "junction", "roundabout", "zone", "stronghold", "enclave",
     "settlement", "commune", "township", "locality", "ward", "canton", "mountaintop", "hilltop", "forest",
     "resort", "islet", "gorge", "lga"}
)  # fmt: skip
"""Nouns that make the name they modify or follow a place: "Khanasir town", "the town of Bakwa", "the
Al-Nur hospital" ("LGA": a Nigerian local government area). A name so placed counts as a place mention
whatever label the small model gave it."""
STRONG_LOCATIVE_PREPS = frozenset(
    {"in", "near", "at", "outside", "inside", "around", "across", "throughout", "into", "within", "towards",
     "toward"}
)  # fmt: skip
"""After these, a capitalised name the model labelled PERSON or ORG is taken as a place ("killed in
Aziziyah", "fighting near Sirrin")."""
OTHER_LABELS = frozenset({"PERSON", "ORG", "NORP", "PRODUCT", "LANGUAGE", "WORK_OF_ART", "EVENT", "LAW"})
"""Labels the small model gives to names that may be places: such a name is a place only in a place's
slot."""
RARE_LABELS = frozenset({"LANGUAGE", "WORK_OF_ART", "EVENT", "LAW"})
"""Labels under which a name is a place only when the place gazetteer knows it ("in northeastern Aleppo"
as a LANGUAGE; "in the 1967 Mideast war" is no place) or a verb takes it as a place ("entered
Quraytayn" as an EVENT)."""
PLACE_OBJECT_VERBS = frozenset(
    {"enter", "storm", "overrun", "besiege", "invade", "liberate", "retake", "recapture", "capture", "seize",
     "encircle", "surround", "throng", "infiltrate", "shell", "bombard", "reach", "target", "patrol"}
)  # fmt: skip
"""Verbs whose object is a place ("entered Quraytayn", "the army stormed Bayyanoun"): a capitalised name
in their object's slot is taken as a place whatever label the small model gave it or left off. Set on the
training records of ``benchmarks/event_location.py`` ("patrol" on its research assistants' records:
"soldiers patrolled Kassa"); "occupy" left out ("the Israeli-occupied X" is often parsed as its object)."""
COUNTRY_PLACE_HEADS = frozenset(
    {"border", "side", "territory", "soil", "coast", "countryside", "province", "region", "capital", "city",
     "town", "airspace", "waters", "mainland", "interior"}
)  # fmt: skip
"""A country modifying one of these nouns is a place ("the Syria border"); modifying another noun it is
an actor ("a U.S. airstrike", "the US military base")."""


FORCES_PLACE_NOUNS = frozenset({"base", "airbase", "outpost", "post", "embassy", "checkpoint", "compound"})
"""Place nouns that a country modifies as their owner, not their location ("the US military base", "a
U.S. checkpoint"): the country stands for its state."""


def _named_building(span: Span, head: Token) -> bool:
    """The country opens the name of a place, the capitalised place noun right after it ("the U.S.
    Embassy", "the US Consulate"; "a U.S. base" is the state's)."""
    following = _next_word(span.doc, span.end - 1)
    return following is not None and following.i == head.i and head.text[:1].isupper() and is_place_noun(head)


def _state_unit(head: Token, kind: str | None, geocoder: Geocoder) -> bool:
    """A place noun that the role lexicon also lists as an actor ("state"), naming the unit a region's or a
    town's name is the name of ("the Guarico state", "Kaduna State"): a place, unless the unit itself
    modifies an actor's noun ("the Kaduna State government") or is a subject ("Lagos State said")."""
    return (
        kind != "country"
        and is_place_noun(head)
        and head.dep_ not in SUBJECT_DEPS
        and not (head.dep_ in MODIFIER_DEPS and head.head.i != head.i and _role_noun(head.head, geocoder))
    )


def _country_place_head(head: Token) -> bool:
    """A noun that a country modifies as the place where it is ("the Syria border", "a Hong Kong hotel",
    "a West Bank refugee camp")."""
    lemma = head.lemma_.lower()
    return lemma in COUNTRY_PLACE_HEADS or (is_place_noun(head) and lemma not in FORCES_PLACE_NOUNS)


def _after_locative(span: Span) -> bool:
    """The name comes straight after a locative preposition ("captured in Afghanistan sobs", where the
    parse makes the name modify the next noun)."""
    return span.start > span.sent.start and span.doc[span.start - 1].lower_ in STRONG_LOCATIVE_PREPS


def is_place_noun(token: Token) -> bool:
    """A noun that makes a name a place (:data:`PLACE_NOUNS`)."""
    return token.lemma_.lower() in PLACE_NOUNS or token.lower_ in PLACE_NOUNS


PART_NOUNS = frozenset(
    {"outskirts", "outskirt", "perimeter", "periphery", "slope", "slopes", "vicinity", "heart", "edge",
     "corridor", "environs", "entrance", "gates", "suburbs", "countryside", "centre", "center", "part",
     "parts", "half", "side", "bank", "banks", "flank", "axis", "sector"}
)  # fmt: skip
"""Nouns for a part or the surroundings of a place: a capitalised name after one and "of" is a place
("the northern perimeter of Saraf", "the southern slope of Tal X", "the vicinity of Y")."""


def is_part_noun(token: Token) -> bool:
    """A noun for a part of a place (:data:`PART_NOUNS`)."""
    return token.lower_ in PART_NOUNS or token.lemma_.lower() in PART_NOUNS


def _placed_by_syntax(ent: Span, known: bool = False, labelled: bool = True) -> bool:
    """A name the model did not label as a place that the parse puts in a place's slot; ``known`` when
    the place gazetteer knows the name, ``labelled`` when the model gave it a label (PERSON, ORG): a
    capitalised word it left unlabelled after "in" is a place only when the gazetteer knows it or it
    follows the preposition directly ("at An Loc"; "in the Museum", "after the Tsunami" are not)."""
    root = ent.root
    head = root.head
    if is_place_noun(ent[-1]) and len(ent) > 1:
        if ent[-1].text[:1].isupper():
            return True  # "Manger Square", "the Adiyat School", "the Baliem Valley"
        return root.dep_ in OBJECT_DEPS and (root.dep_ != "pobj" or head.lower_ in LOCATIVE_PREPS)
    if root.dep_ in {"compound", "nmod"} and is_place_noun(head):
        return True  # "Khanasir town"
    if root.dep_ == "appos" and is_place_noun(head) and head.pos_ != "PROPN":
        return True  # "the capital, Baku"; not "in Imo State and a member of ..., Toby Onyekele"
    if any(
        c.dep_ == "appos" and is_place_noun(c) and c.tag_ == "NN" and c.i > ent.end for c in root.children
    ):
        return True  # "Ngabe, a village in the Plateaux region"; not "X, captured towns in ..."
    if root.dep_ == "amod" and is_place_noun(head) and head.tag_ == "NN" and head.i == ent.end:
        return True  # "the Nakial sector": a name the parser took for an adjective
    if known and root.dep_ == "poss" and is_place_noun(head):
        return True  # "Grozny's streets"
    if (
        known
        and root.dep_ == "compound"
        and head.dep_ == "pobj"
        and head.head.lower_ in STRONG_LOCATIVE_PREPS | {"to", "into"}
    ):
        return True  # "marched to the Sydney offices", "in the Manbij campaign"
    if (
        root.dep_ == "conj" or (root.dep_ == "appos" and head.pos_ == "PROPN" and _listed(root))
    ) and head.i < root.i:  # "the towns of X and Y"; "at Al-Houla, Al-Rastan, Harbnafseh and Y"
        return _placed_by_syntax(_own_words(head), known, labelled or bool(head.ent_type_))
    if root.dep_ == "pobj" and head.lower_ == "of" and (is_place_noun(head.head) or is_part_noun(head.head)):
        return True  # "the town of Bakwa", "the northern perimeter of Saraf"
    if any(c.dep_ == "prep" and c.lower_ in {"in", "near"} and _names_place(c) for c in root.children) and (
        len(ent) == 1 or root.ent_type_ != "PERSON"
    ):
        return True  # "captured Lubumbashi in Shaba province"; not "the offices of Governor John Smith in X"
    return (
        root.dep_ == "pobj"
        and head.lower_ in STRONG_LOCATIVE_PREPS
        and (labelled or known or (ent.start == head.i + 1 and not ent.text.isupper()))
    )  # "fighting at An Loc"; "in the Museum" needs the gazetteer


def _own_words(token: Token) -> Span:
    """The token with the compound words and hyphens right before it that hang from it ("Al-Houla")."""
    start = token.i
    while start > token.sent.start and token.doc[start - 1].dep_ in {"compound", "punct"}:
        if token.doc[start - 1].head.i != token.i or token.doc[start - 1].text in {",", "(", '"'}:
            break
        start -= 1
    return token.doc[start : token.i + 1]


def _listed(root: Token) -> bool:
    """A name in apposition that is an item of a list ("X, Y (twice) and Z": the parser takes the comma for
    an apposition and joins Z to Y): it has a conjunct."""
    return any(c.dep_ == "conj" for c in root.children)


def _named_as_place(span: Span) -> bool:
    """The name follows a place noun and "of" ("the village of Qarmish"), or is listed after one ("the
    towns of X, Y and Z") or before one ("the X and Y districts"): the model labels each name of such a
    list as it will; a place whatever its label. Words for a faith or a people make no such list ("the
    Kurdish and Arab villages")."""
    root = span.root
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head
    if root.dep_ == "pobj" and root.head.lower_ == "of" and is_place_noun(root.head.head):
        return True
    return (
        root.i != span.root.i
        and root.dep_ in {"compound", "nmod"}
        and root.head.i > span.root.i
        and is_place_noun(root.head)
        and root.text[:1].isupper()
        and not any(t.lower_ in GROUP_WORDS for t in (*span, root))
    )


GROUP_WORDS = frozenset(
    {"sunni", "sunnis", "shiite", "shiites", "shia", "shi'ite", "shi\u2019ite", "muslim", "muslims",
     "islamic", "islamist", "christian", "christians", "catholic", "protestant", "orthodox", "jewish", "jew",
     "jews", "hindu", "hindus", "sikh", "buddhist", "druze", "alawite", "alawites", "yazidi", "kurdish",
     "kurd", "kurds", "arab", "arabs", "turkmen", "assyrian", "maronite", "coptic", "copt", "pashtun",
     "tamil", "baloch", "basque", "baltic", "marine", "marines", "tribal", "jihadist"}
)  # fmt: skip
"""Words naming a faith, a people or a service that the small model labels NORP and that modify a place
noun without naming the place ("a Shiite neighbourhood", "the Kurdish villages", "a Marine base")."""


def _norp_place(span: Span) -> bool:
    """A NORP name that is no faith or people (:data:`GROUP_WORDS`) in a place's slot: before a place noun
    it modifies ("the Aleppo Governorate", "Akida village") or the object of a locative preposition ("in
    Russia's North Caucasus"): the small model labels unfamiliar place names NORP."""
    if any(t.lower_ in GROUP_WORDS for t in span) or not _capitalised(span):
        return False
    root = span.root
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head  # "at X, Y and Z"
    listed = root.dep_ in {"nmod", "compound"} and is_place_noun(root.head) and root.head.i > span.end
    return (
        _named_before_place_noun(span)
        or (root.dep_ == "pobj" and root.head.lower_ in STRONG_LOCATIVE_PREPS)
        or (listed and any(c.dep_ == "conj" for c in root.children))  # "the X and Y neighbourhoods"
        or (listed and root.head.tag_ == "NNS" and _sibling_names(root))  # parsed as two modifiers
    )


def _sibling_names(root: Token) -> bool:
    """Another proper noun modifies the place noun the name modifies, "and" between them ("the X and
    Y suburbs" parsed as two modifiers of "suburbs")."""
    head = root.head
    others = [
        c for c in head.children if c.i != root.i and c.dep_ in {"compound", "nmod"} and c.pos_ == "PROPN"
    ]
    words = root.doc[min(root.i, *(c.i for c in others)) : head.i] if others else None
    return words is not None and any(t.lower_ == "and" for t in words)


def _named_before_place_noun(span: Span) -> bool:
    """A name right before a singular place noun it modifies ("the Aleppo Governorate", "Akida village")."""
    root = span.root
    following = _next_word(span.doc, span.end - 1)
    return (
        following is not None
        and is_place_noun(following)
        and following.tag_ not in {"NNS", "NNPS"}  # "many Chechen towns" is a kind of town, not a name
        and root.head.i == following.i
        and root.dep_ in {"compound", "nmod", "amod"}
    )


def _names_place(prep: Token) -> bool:
    for obj in prep.children:
        if obj.dep_ == "pobj" and (obj.ent_type_ in PLACE_LABELS or is_place_noun(obj)):
            return True
    return False


OBJECT_DEPS = frozenset({"dobj", "pobj", "appos"})
"""Slots in which a name the model labelled PERSON or ORG is taken as a place when the place gazetteer
knows it under its own name ("captured Lubumbashi", "patrolled Kakata")."""
TITLE_WORDS = frozenset(
    {"mr", "mrs", "ms", "dr", "president", "minister", "general", "gen", "gov", "sen", "rep", "king",
     "queen", "prince", "sheikh", "colonel", "col", "captain", "capt", "judge", "pope", "saint", "st"}
)  # fmt: skip
"""Words before a name that make it a person's."""


ASSAULT_NOUNS = frozenset(
    {"assault", "offensive", "siege", "battle", "liberation", "storming", "capture", "recapture", "fall",
     "shelling", "bombardment", "encirclement"}
)  # fmt: skip
"""Nouns for an assault on a place: a capitalised name after one and "on" or "of" is a place ("their assault
on Taqsis", "the siege of X", "the battle of Y"), as after a verb that takes a place. Set on the training
records of ``benchmarks/event_location.py``; "attack" left out ("an attack on Smith")."""


def _attacked(root: Token) -> bool:
    """The name is the object of "on" or "of" after a noun for an assault (:data:`ASSAULT_NOUNS`)."""
    head = root.head
    return (
        root.dep_ == "pobj"
        and head.lower_ in {"on", "of"}
        and head.head.lemma_.lower() in ASSAULT_NOUNS
        and head.head.pos_ == "NOUN"
    )


def _entered_place(span: Span, person_words: set[str]) -> bool:
    """A capitalised name that is the object of a verb that takes a place (:data:`PLACE_OBJECT_VERBS`) or of
    a noun for an assault (:func:`_attacked`), not a word of a person's name found elsewhere, not after a
    title, not an acronym."""
    root = span.root
    head = root.head
    if not (
        (root.dep_ == "dobj" and head.pos_ == "VERB" and head.lemma_.lower() in PLACE_OBJECT_VERBS)
        or _attacked(root)
    ):
        return False
    if not _capitalised(span) or span.text.isupper() or any(t.lower_ in person_words for t in span):
        return False
    previous = span.doc[span.start - 1] if span.start > span.sent.start else None
    return previous is None or previous.lower_.rstrip(".") not in TITLE_WORDS


def _object_place(span: Span, geocoder: Geocoder, person_words: set[str]) -> bool:
    """A PERSON or ORG name in an object's slot, or the passive subject of a verb that takes places
    (:func:`_place_verb_subject`), that the place gazetteer knows as a city or region under
    its own name, with guards for person names that are also towns: not a word of a longer person name
    found elsewhere in the document ("Clinton" after "Bill Clinton"), not after a title, not one of
    several words (first and last names)."""
    if len(span) != 1 or not (span.root.dep_ in OBJECT_DEPS or _place_verb_subject(span)):
        return False
    if span.root.lower_ in person_words:
        return False
    previous = span.doc[span.start - 1] if span.start > span.sent.start else None
    if previous is not None and previous.lower_.rstrip(".") in TITLE_WORDS:
        return False
    return any(
        not p.alternate and p.kind in ("city", "region") for p in geocoder.places.candidates(span.text)
    )


PERSONAL_PRONOUNS = frozenset({"he", "him", "his", "himself", "she", "her", "herself"})
"""Pronouns for a person: after a name, evidence that the name is a person's."""


def _place_verb_subject(span: Span) -> bool:
    """The passive subject of a verb that takes a place (:data:`PLACE_OBJECT_VERBS`: "Jaffna was captured",
    "X and Y were encircled"), with no personal pronoun after it in the sentence ("X was captured after his
    plane was shot down" is a person)."""
    root = span.root
    if root.dep_ != "nsubjpass" or root.head.lemma_.lower() not in PLACE_OBJECT_VERBS:
        return False
    return not any(t.lower_ in PERSONAL_PRONOUNS for t in span.doc[span.end : span.sent.end])


def _name_word(token: Token) -> bool:
    """A capitalised proper noun outside any entity, or inside a person's name."""
    return (
        token.pos_ == "PROPN"
        and token.text[:1].isupper()
        and token.is_alpha
        and token.ent_type_ in ("", "PERSON")
        and not is_place_noun(token)
    )


def _labelled_name_word(token: Token, span: Span) -> bool:
    """A capitalised proper noun the small model gave a label of its own (not the gazetteer tagger's)
    that the parse makes a compound of the name ("Kafr" as NORP in "Kafr Batna")."""
    return (
        token.pos_ == "PROPN"
        and token.text[:1].isupper()
        and token.is_alpha
        and token.ent_type_ in OTHER_LABELS
        and not token.ent_id_
        and token.dep_ == "compound"
        and span.start <= token.head.i < span.end
    )


def _longer_name(span: Span, geocoder: Geocoder) -> Span | None:
    """The gazetteer tagger's place, or the longer name it is part of ("South America" for "America"),
    or None when the longer name is not a place ("Farah" in "Mohamed Farah Aidid")."""
    doc = span.doc
    start, end = span.start, span.end
    while start > span.sent.start + 1 and (
        _name_word(doc[start - 1]) or _labelled_name_word(doc[start - 1], span)
    ):
        start -= 1  # the sentence's first word is capitalised anyway
    while end < span.sent.end and _name_word(doc[end]):
        end += 1
    if (start, end) == (span.start, span.end):
        return _feature_of(span) or span
    following = _next_word(doc, end - 1)
    if following is not None and following.text[:1].isupper() and is_place_noun(following):
        return doc[start : following.i + 1]  # "Baghdad International Airport"
    whole = doc[start:end]
    added = [*doc[start : span.start], *doc[span.end : end]]
    if all(t.lower_ in GEO_NAME_WORDS for t in added):
        return whole  # "Guantanamo Bay", "South Lebanon": still a place when the gazetteer lacks it
    if geocoder.places.candidates(whole.text) or _placed_by_syntax(whole):
        return whole  # "the village of Umm Batna": a longer name in a place's slot is that place's name
    return None


def _opens_longer_name(span: Span, geocoder: Geocoder) -> bool:
    """The name modifies a proper noun after it, only proper nouns and hyphens between, that is no place
    noun ("Jabhat" of "Jabhat Fateh Al-Sham", which the model labels GPE), and the gazetteer knows neither
    the name nor the longer one: a word of an organisation's or a person's name."""
    root = span.root
    head = root.head
    doc = span.doc
    if root.dep_ != "compound" or head.i < span.end or head.pos_ != "PROPN" or is_place_noun(head):
        return False
    if not all(t.pos_ == "PROPN" or t.text == "-" for t in doc[span.end : head.i]):
        return False
    return not geocoder.places.candidates(span.text) and not geocoder.places.candidates(
        doc[span.start : head.i + 1].text
    )


def _resolvable(text: str, span: Span, tagged: Span) -> bool:
    """Whether the geocoder may resolve a place mention by ``text``: not by a part the gazetteer tagger took
    out of a longer name unless the rest only says what kind of place it is ("Guantanamo" in "Guantanamo
    Bay"; not "Batna" in "Umm Batna", nor "Gulf" in "the Gulf of Aden"), nor by a name made of a sea's
    feature words alone ("the Gulf" is no Gulf Province of Papua New Guinea)."""
    words = [w for w in text.lower().split() if w != "the"]
    if words and all(w in FEATURE_WORDS for w in words):
        return False
    if text != tagged.text or (span.start, span.end) == (tagged.start, tagged.end):
        return True
    if is_place_noun(span[-1]):
        return True  # "Baghdad" for "Baghdad International Airport" when the gazetteer lacks the airport
    added = [*span.doc[span.start : tagged.start], *span.doc[tagged.end : span.end]]
    return all(t.lower_ in GEO_NAME_WORDS or not t.is_alpha for t in added)


def _feature_of(span: Span) -> Span | None:
    """A geographic feature word, "of" and the capitalised name after it, as one name ("the Gulf of
    Aden", "the Bay of Bengal", "the Strait of Hormuz"), or None."""
    doc = span.doc
    if len(span) != 1 or span[0].lower_ not in FEATURE_WORDS | {"bay", "isle", "lake"}:
        return None
    end = span.end
    if end + 1 >= span.sent.end or doc[end].lower_ != "of":
        return None
    stop = end + 1
    while stop < span.sent.end and (
        (doc[stop].pos_ == "PROPN" and doc[stop].text[:1].isupper()) or _name_joint(doc, stop)
    ):
        stop += 1
    return doc[span.start : stop] if stop > end + 1 else None


GEO_NAME_WORDS = frozenset(
    {"bay", "ocean", "sea", "gulf", "strait", "straits", "river", "lake", "island", "islands", "mountains",
     "hills", "valley", "desert", "peninsula", "coast", "canal", "gorge", "plain", "plateau", "delta",
     "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "upper",
     "lower", "greater"}
)  # fmt: skip
"""Words that make a longer place name of a place name they join ("Guantanamo Bay", "South Lebanon",
"the Red Sea"), as against the words of a person's name ("Mohamed Farah Aidid")."""
FEATURE_WORDS = frozenset({"ocean", "sea", "gulf", "strait", "straits", "peninsula", "subcontinent"})
"""Capitalised nouns that make a place name of a people's adjective before them ("the Indian Ocean", "the
Arabian Sea", "the Korean Peninsula")."""


def _next_word(doc: Doc, i: int) -> Token | None:
    """The token after ``doc[i]`` in its sentence, past runs of spaces."""
    n = i + 1
    while n < doc[i].sent.end and doc[n].is_space:
        n += 1
    return doc[n] if n < doc[i].sent.end else None


def _locative(span: Span) -> bool:
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPS


def _unlabelled_names(parsed: Doc) -> list[Span]:
    """Runs of capitalised proper nouns outside any entity, hyphenated names joined ("al-Shaab",
    "Al-Bayaa"): names the small model did not label."""
    out = []
    n = 0
    while n < len(parsed):
        start = n
        while n < len(parsed) and (
            _bare_name_word(parsed[n]) or (_name_joint(parsed, n) and (n > start or parsed[n].text != "-"))
        ):
            n += 1
        if n == start:
            n += 1
            continue
        span = parsed[start:n]
        if span.sent.start != span.start or len(span) > 1:  # a sentence's first word is capitalised anyway
            out.append(span)
    return out


NUMBER_LABELS = frozenset({"CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY"})
"""Labels for numbers: a capitalised word of letters under one of them is a name the model mislabelled
("near the town of Sirmeen" as CARDINAL), taken as if unlabelled."""


def _bare_name_word(token: Token) -> bool:
    return (
        (token.ent_type_ == "" or token.ent_type_ in NUMBER_LABELS)
        and (token.pos_ == "PROPN" or _name_after_place_noun(token))
        and token.text[:1].isupper()
        and _APOSTROPHES.sub("", token.text).replace("-", "").isalpha()
        and not token.text.endswith("-")
        and not is_place_noun(token)
    )  # "Al-Eiss" as one token


def _name_after_place_noun(token: Token) -> bool:
    """A capitalised word the tagger took for a common noun in a name's slot after a place noun and "of"
    ("the town of ‘Ibta")."""
    return (
        token.pos_ == "NOUN"
        and not token.is_sent_start
        and token.dep_ == "pobj"
        and token.head.lower_ == "of"
        and is_place_noun(token.head.head)
    )


def _name_joint(doc: Doc, n: int) -> bool:
    """An Arabic article or a hyphen inside a name: "al" and "-" in "al-Shaab", "-" in "Al-Bayaa"."""
    token = doc[n]
    after = doc[n + 1 : n + 3]
    if token.text == "-":
        return len(after) > 0 and _bare_name_word(after[0])
    return (
        token.lower_ in ARTICLE_PREFIXES
        and token.ent_type_ == ""
        and len(after) == 2
        and after[0].text == "-"
        and _bare_name_word(after[1])
    )


def _feature_after(ent: Span) -> Span | None:
    """A people's adjective and the capitalised feature word after it, as one place name ("the Indian
    Ocean", "the Arabian Sea"), or None."""
    following = _next_word(ent.doc, ent.end - 1)
    if following is None or not following.text[:1].isupper() or following.lower_ not in FEATURE_WORDS:
        return None
    return _trimmed(ent.doc[ent.start : following.i + 1])


def _person_word(token: Token) -> bool:
    """A word of a person's name that is evidence against a place of the same word: not punctuation, not an
    Arabic article ("al" in "Bashar al-Assad" says nothing about "al-Rai")."""
    return token.is_alpha and token.lower_ not in ARTICLE_PREFIXES


def _grown(span: Span) -> Span:
    """The model's entity with the unlabelled proper nouns next to it that the parse joins to it as
    compounds: one name the model labelled only a part of ("Sheikh" + "Lufti" in "the Sheikh Lufti area",
    "Tal" + "Al-Eiss"); not over an acronym ("X TIGER") or a word that is no place's ("the X Mayor")."""
    doc = span.doc
    start, end = span.start, span.end

    def joins(token: Token) -> bool:
        return (
            _bare_name_word(token) and not token.text.isupper() and token.lemma_.lower() not in LEADER_NOUNS
        )

    while (
        start > span.sent.start + 1
        and joins(doc[start - 1])
        and doc[start - 1].dep_ == "compound"
        and start <= doc[start - 1].head.i < end
    ):
        start -= 1
    while (
        end < span.sent.end
        and joins(doc[end])
        and doc[end - 1].dep_ == "compound"
        and doc[end - 1].head.i >= end
        and doc[end - 1].whitespace_
    ):
        end += 1
    return doc[start:end]


def _candidates(parsed: Doc, geocoder: Geocoder) -> list[tuple[Span, str, str | None]]:
    """Spans that may name places, with the model's label and the gazetteer tagger's kind: the model's
    entities first, then the names it did not label."""
    people = [ent for ent in parsed.ents if ent.label_ == "PERSON" and len(ent) > 1]
    person_words = {t.lower_ for ent in people for t in ent if _person_word(t)}
    out: list[tuple[Span, str, str | None]] = []
    for ent in _entity_parts(parsed):
        # words of the other people's names: "Dahiyat Al-Assad" as a PERSON is no evidence against itself
        others = {t.lower_ for other in people if other.start != ent.start for t in other if _person_word(t)}
        kind = _gazetteer_kind(ent)
        if ent.label_ in PLACE_LABELS or kind in GAZETTEER_PLACE_KINDS:
            if kind is not None and kind not in GAZETTEER_PLACE_KINDS:
                continue  # the tagger's organisations, demonyms and seats of government
        elif kind == "demonym" and (feature := _feature_after(ent)) is not None:
            out.append((feature, ent.label_, None))  # "the Indian Ocean"
            continue
        elif ent.label_ in OTHER_LABELS and kind is None:
            trimmed = _trimmed(ent)
            if not any(t.text[:1].isupper() for t in trimmed):
                continue  # "al-Tijara" is a name, "shelling" is not
            known = bool(geocoder.places.candidates(trimmed.text))
            if ent.label_ in RARE_LABELS and not known and not _entered_place(trimmed, others):
                continue
            if not known and trimmed.text.isupper():
                continue  # "the MFO base", "0450 GMT": an acronym names an organisation
            if (
                not (known and (_locative(ent) or _object_place(trimmed, geocoder, person_words)))
                and not (
                    _placed_by_syntax(trimmed, known) and (ent.label_ != "NORP" or _named_as_place(trimmed))
                )
                and not (ent.label_ == "NORP" and _norp_place(trimmed))
                and not (ent.label_ != "NORP" and _entered_place(trimmed, others))
            ):
                continue
        else:
            continue
        trimmed = _trimmed(ent)
        if kind is None and not geocoder.places.candidates(trimmed.text):
            trimmed = _grown(trimmed)  # a known name ("Cambridge" in "Cambridge Analytica") stays as it is
        out.append((trimmed, ent.label_, kind))
    for span in _unlabelled_names(parsed):
        known = bool(geocoder.places.candidates(span.text))
        if span.root.lower_ not in person_words and (
            _placed_by_syntax(span, known, labelled=False)
            or _entered_place(span, person_words)
            or (known and _known_in_place_slot(span, geocoder, person_words))
        ):
            out.append((span, "", None))
    for token in parsed:
        if _adjective_place(token, geocoder):
            out.append((parsed[token.i : token.i + 1], "", None))  # "the southern Aleppo districts"
    return out


def _adjective_place(token: Token, geocoder: Geocoder) -> bool:
    """A capitalised word the small model tagged as an adjective, outside any entity, that modifies a place
    noun and that the gazetteer knows as a city or region under its own name ("the southern Aleppo
    districts")."""
    return (
        token.pos_ == "ADJ"
        and token.ent_type_ == ""
        and token.text[:1].isupper()
        and token.is_alpha
        and not token.is_sent_start
        and token.dep_ in {"amod", "compound"}
        and is_place_noun(token.head)
        and any(
            not p.alternate and p.kind in ("city", "region") for p in geocoder.places.candidates(token.text)
        )
    )


def _known_in_place_slot(span: Span, geocoder: Geocoder, person_words: set[str]) -> bool:
    """An unlabelled name the gazetteer knows, after a locative preposition other than "of" ("airstrikes
    over southern Aleppo"; not "the fast of Ramadan") or a known city in an object's slot ("jets hit
    Aleppo"), that does not go on a name before it ("Jabhat Fateh Al-Sham")."""
    previous = span.doc[span.start - 1] if span.start > span.sent.start else None
    if previous is not None and previous.ent_type_ and previous.text[:1].isupper():
        return False
    if span.root.head.lower_ == "of":
        return False  # "the fast of Ramadan", "the Chamber of Commerce"
    return _locative(span) or _object_place(span, geocoder, person_words)


def _joined(candidates: list[tuple[Span, str, str | None]]) -> list[tuple[Span, str, str | None]]:
    """The candidates, two that adjoin with the first a compound of the second joined into one name in the
    first one's place ("the Persian Gulf" when the model and the gazetteer tagger each took a word of it,
    "Tal Afar" when one word was left unlabelled)."""
    starting = {span.start: n for n, (span, _, _) in enumerate(candidates)}
    joined: dict[int, tuple[Span, str, str | None]] = {}
    absorbed: set[int] = set()
    for n, (span, label, kind) in enumerate(candidates):
        last = span.doc[span.end - 1]
        after = starting.get(span.end)
        if after is None or after in absorbed or n in absorbed or not last.whitespace_:
            continue  # a hyphen joins "Aleppo-Khanasser" without a space: two places
        following = candidates[after][0]
        if last.dep_ == "compound" and following.start <= last.head.i < following.end:
            joined[n] = (span.doc[span.start : following.end], label or candidates[after][1], None)
            absorbed.add(after)
        elif last.dep_ == "compound" and last.head.i == following.root.head.i and not kind:
            # "Sheikh" and "Saeed" both compounds of "District" (a gazetteer place grows on its own)
            joined[n] = (span.doc[span.start : following.end], label or candidates[after][1], None)
            absorbed.add(after)
    return [joined.get(n, c) for n, c in enumerate(candidates) if n not in absorbed]


def find_places(doc: Document, geocoder: Geocoder) -> list[PlaceMention]:
    """Every place mention of the document, in text order, geocoded in the article's context."""
    parsed = require_parse(doc)
    found: list[tuple[Span, Span, str, PlaceUse, tuple[str, ...]]] = []
    covered: set[int] = set()
    for span, label, kind in _joined(_candidates(parsed, geocoder)):
        tagged = span
        if kind is not None:
            whole = _longer_name(span, geocoder)
            if whole is None:
                continue  # "Farah" in "Mohamed Farah Aidid": part of a longer name that is no place
            span = whole
        elif _opens_longer_name(span, geocoder):
            continue  # "Jabhat" in "Jabhat Fateh Al-Sham", "Liwaa" in "Liwaa Al-Quds"
        span = _hyphen_joint_name(span)
        name = _ayn_words(_numbered(_name_part(span)))
        tokens = set(range(min(span.start, name.start), max(span.end, name.end)))
        if tokens & covered:
            continue  # part of a longer name already taken ("Baghdad International Airport")
        if not _capitalised(span) or _broken_word(span):
            continue  # "veranda", "acre": the small model's lower-case GPEs are not names
        if _given_an_age(span) or _titled(span) or _owned_by_pronoun(span):
            continue  # "Lindh, 26, was captured", "Provincial Governor Duraid X", "his Mercedes"
        if _event_name(name):
            continue  # "the Vietnam War", "Operation Desert Storm": an event's name
        if _clock_word(span) or _inside_hyphenated_name(span) or _hyphenated_modifier_word(span):
            continue  # "around 9 A.M.", "the Lashkar-e-Tayyaba group", "a U.S.-run prison"
        if kind is None and label not in PLACE_LABELS and _actor_headed(span, geocoder):
            continue  # "stormed the Syrian Arab Army's positions": a name headed by an actor's noun
        if all(
            t.lower_ in BARE_WORDS or t.lower_ in EDGE_WORDS or _ORDINAL.fullmatch(t.lower_) for t in name
        ):
            continue  # "between East and West Berlin", "the Left", "the 304th": half a name, or no place
        covered |= tokens
        use = place_use(doc, span, geocoder, kind)
        if use is not None:
            longest = name if len(name) > len(span) else span
            texts = tuple(
                t
                for t in dict.fromkeys((longest.text, span.text, tagged.text))
                if _resolvable(t, span, tagged)
            )
            found.append((span, name, label, use, texts))
    for span in _conjoined_names(parsed, found, covered, geocoder):
        covered |= set(range(span.start, span.end))
        use = place_use(doc, span, geocoder, None)
        if use == "place":
            found.append((span, span, span.root.ent_type_, use, (span.text,)))
    for sent in parsed.sents:
        for items in counted_lists(sent):
            for start, end in items:
                if not covered & set(range(start, end)):
                    covered |= set(range(start, end))
                    item = parsed[start:end]
                    found.append((item, item, item.root.ent_type_, "place", (item.text,)))
    found.sort(key=lambda f: f[0].start)
    evidence = [s.text for s, _, label, use, _ in found if use != "actor" and label]
    context = article_context(doc, geocoder, evidence)  # names the model did not label are no evidence
    out = []
    for span, name, label, use, texts in found:
        # "Gaza City" before "Gaza"; "Baghdad" when "Baghdad International Airport" is not in the gazetteer
        place = next((p for p in (geocoder.resolve(t, context) for t in texts) if p is not None), None)
        end = _name_end(name, geocoder)
        start = _ayn_start(parsed.text, name.start_char, end)
        out.append(
            PlaceMention(
                start=start,
                end=end,
                text=parsed.text[start:end],
                token_start=name.start,
                token_end=name.end,
                root=span.root.i,
                label=label,
                use=use,
                place=place,
            )
        )
    return out


def _conjoined_names(
    parsed: Doc,
    found: Sequence[tuple[Span, Span, str, PlaceUse, tuple[str, ...]]],
    covered: set[int],
    geocoder: Geocoder,
) -> list[Span]:
    """Capitalised names not yet taken that are conjuncts of a place mention ("captured Qabasin and
    *Bzaah*", "attacking Muqdadiyah, *Balad Ruz*, Kanaan and Khalis"): items of a list of places, whatever
    label the model gave them (none, PERSON, ORG); not words for a people or a faith, a body's name, an
    acronym, nor a person's two-word name in a list with fewer than two places ("X, Dilan Perera, John
    Seneviratne")."""
    roots = {span.root.i for span, _, _, use, _ in found if use == "place"}
    if not roots:
        return []
    names = [*_unlabelled_names(parsed), *(e for e in parsed.ents if e.label_ in OTHER_LABELS)]
    out = []
    for span in names:
        root = span.root
        head = root.head
        while head.dep_ == "conj" and head.i not in roots and head.head.i < head.i:
            head = head.head  # "X, Y and Z": Z hangs from Y
        if (
            root.dep_ == "conj"
            and head.i in roots
            and head.i < root.i
            and not covered & set(range(span.start, span.end))
            and _capitalised(span)
            and not any(t.lower_ in GROUP_WORDS for t in span)
            and _gazetteer_kind(span) is None  # the tagger's organisations and people
            and not _actor_headed(span, geocoder)  # "the Y Brigade"
            and not _opens_longer_name(span, geocoder)
            and not any(t.lower_ in BODY_NAME_WORDS for t in span)  # "Jaysh Al-Mujahiddeen"
            and not (span.label_ == "PERSON" and _person_name(span) and _places_listed(root, roots) < 2)
            and not (span.text.isupper() and len(span.text) <= 5)  # "Oyegun and his NWC": an acronym
        ):
            out.append(span)
    return out


POSSESSIVE_ENDS = frozenset({"'s", "\u2019s", "s", "'", "\u2019"})
COUNT_WORDS = frozenset({"once", "twice", "thrice", "times", "time"})
"""Words of a count in brackets after an item of a list ("X (twice), Y (four times)")."""


def counted_lists(sent: Span) -> list[list[tuple[int, int]]]:
    """The lists of names after a plural place noun and "of" in a sentence where one name at least has a
    count in brackets after it ("shelled the settlements of X (twice), Y (four times), Z and W, and the
    districts of U and V"), or none: each list's items as token ranges (start, end), read from the words,
    since the small model parses such lists as it will (items as appositions, adverbs, a new clause). A list
    ends at the first item that is no capitalised name ("..., a sports ground in Y") or that goes on a noun
    after it ("..., and Aleppo's districts of ...")."""
    doc = sent.doc
    lists = []
    counted = False
    for token in sent:
        head = token.head
        if token.lower_ == "of" and head.tag_ in {"NNS", "NNPS"} and is_place_noun(head) and head.i < token.i:
            items, count = _counted_items(doc, token.i + 1, sent.end)
            counted = counted or count
            if items:
                lists.append(items)
    return lists if counted else []


def _counted_items(doc: Doc, n: int, end: int) -> tuple[list[tuple[int, int]], bool]:
    """The names of a list from token ``n`` on, and whether a count in brackets follows one of them."""
    items: list[tuple[int, int]] = []
    counted = False
    while n < end:
        start = n
        while n < end and _list_name_word(doc, n, first=n == start):
            n += 1
        if n == start or (
            n < end and (doc[n].is_space or doc[n].lower_ in POSSESSIVE_ENDS or doc[n].pos_ == "NOUN")
        ):
            break  # no name, or one going on a noun after it ("Aleppo's districts", "Tishreen University")
        items.append((start, n))
        if n < end and doc[n].text == "(":
            close = n + 1
            while close < min(end, n + 4) and (doc[close].lower_ in COUNT_WORDS or doc[close].like_num):
                close += 1
            if close == n + 1 or close >= end or doc[close].text != ")":
                break
            counted = True
            n = close + 1
        separator = n
        if n < end and doc[n].text == ",":
            n += 1
        if n < end and doc[n].lower_ == "and":
            n += 1
        if n == separator:
            break
    return items, counted


def _list_name_word(doc: Doc, n: int, first: bool) -> bool:
    """A word of a name in a counted list: a capitalised word, a number opening the name ("1070"), or a
    hyphen or Arabic article inside the name ("al-Khalidiya")."""
    token = doc[n]
    joint = token.text == "-" or (
        token.lower_ in ARTICLE_PREFIXES and n + 1 < len(doc) and doc[n + 1].text == "-"
    )
    if first:
        return (
            (token.text[:1].isupper() and token.is_alpha) or token.is_digit or (joint and token.text != "-")
        )
    return (token.text[:1].isupper() and token.is_alpha) or joint


def _places_listed(item: Token, roots: set[int]) -> int:
    """How many items of the list the token is an item of are place mentions (roots in ``roots``): "X, Dilan
    Perera, John Seneviratne" has one (a mistaken place), "Muqdadiyah, Balad Ruz, Kanaan and Khalis" three."""
    top = item
    while top.dep_ == "conj" and top.head.i < top.i:
        top = top.head
    items = [top]
    for token in items:
        items += [c for c in token.children if c.dep_ == "conj"]
    return sum(t.i in roots for t in items)


def _person_name(span: Span) -> bool:
    """A PERSON name of two or more words with no Arabic article or hyphen in it ("John Seneviratne"; not
    "Al-Bab" or "Khan Bani Saad")."""
    words = [t for t in span if t.is_alpha]
    return len(words) > 1 and not any(t.text == "-" or t.lower_ in ARTICLE_PREFIXES for t in span)


BODY_NAME_WORDS = frozenset(
    {"party", "front", "movement", "army", "council", "union", "league", "committee", "brigades", "forces",
     "harakat", "jaysh", "jaish", "jabhat", "liwaa", "liwa", "kataib", "ahrar", "faylaq", "saraya", "ansar",
     "jund", "tahrir", "hizb"}
)  # fmt: skip
"""Words that name a body of people, in English and in transliterated Arabic ("Harakat" movement, "Jaysh"
army, "Jabhat" front, "Liwaa" brigade, "Kataib" battalions, "Faylaq" legion): a name with one is a party's
or an armed group's, not a place listed with others ("captured X from Jaysh Y and Jabhat Z")."""


AYN = "\u2018"
"""A left single quotation mark written for the Arabic letter ayn at the start of a transliterated name
("the village of \u2018Arak"): part of the name, as the event-location gold marks it."""


POSSESSIVE_PRONOUNS = frozenset({"his", "her", "their", "its", "my", "our", "your"})


def _owned_by_pronoun(span: Span) -> bool:
    """A possessive pronoun determines the name ("detonated his Mercedes", "her Volvo"): a thing someone
    owns, not a place."""
    return any(c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS for c in span.root.children)


def _hyphen_joint_name(span: Span) -> Span:
    """The name with the rest of a hyphenated name whose joint is a short lower-case word ("Mazar-e-Sharif",
    "Dera-i-Ismail": the model labels only the first word)."""
    doc = span.doc
    end = span.end
    while (
        end + 3 < min(len(doc), span.sent.end)
        and doc[end].text == "-"
        and doc[end + 2].text == "-"
        and not any(doc[i].whitespace_ for i in range(end - 1, end + 3))
        and doc[end + 1].is_alpha
        and doc[end + 1].text.islower()
        and len(doc[end + 1]) <= 3
        and doc[end + 3].is_alpha
        and doc[end + 3].text[:1].isupper()
    ):
        end += 4
    return doc[span.start : end]


def _ayn_words(name: Span) -> Span:
    """The name with the capitalised words before it that an ayn mark splits off ("‘Ayn ‘Issa": the
    parser makes "‘", "Ayn", "‘" separate tokens and the model labels only "Issa")."""
    doc = name.doc
    start = name.start
    while (
        start - 2 >= name.sent.start
        and doc[start - 1].text == AYN
        and not doc[start - 1].whitespace_
        and doc[start - 2].is_alpha
        and doc[start - 2].text[:1].isupper()
        and name.start <= doc[start - 2].head.i < name.end
    ):
        start -= 2
        if start - 1 >= name.sent.start and doc[start - 1].text == AYN and not doc[start - 1].whitespace_:
            start -= 1
    return doc[start : name.end]


def _ayn_start(text: str, start: int, end: int) -> int:
    """Where the name starts: before an ayn mark attached to it (:data:`AYN`) that opens no quotation (no
    closing mark right after the name: "the \u2018Arak\u2019 village" is quoted)."""
    if (
        start == 0
        or text[start - 1] != AYN
        or (start >= 2 and not (text[start - 2].isspace() or text[start - 2] == "("))
    ):
        return start
    return start if text[end : end + 1] in {"\u2019", "'"} else start - 1


def _name_end(name: Span, geocoder: Geocoder) -> int:
    """Where the name ends: before trailing spaces and the sentence's full stop its last token carries
    ("killed in Poso."), unless the dotted word is an abbreviation the gazetteer knows and the bare word
    is not ("Calif.")."""
    words = [t for t in name if not t.is_space]
    last = words[-1] if words else name[-1]
    bare = last.text[:-1]
    if (
        last.text.endswith(".")
        and len(bare) > 1
        and bare.isalpha()
        and bare[-1].islower()
        and (bool(geocoder.places.candidates(bare)) or not geocoder.places.candidates(last.text))
    ):
        return last.idx + len(bare)
    return last.idx + len(last.text)


def article_context(doc: Document, geocoder: Geocoder, place_texts: Sequence[str] = ()) -> GeoContext:
    """The article's focus country, the countries the actors stage found named in it, and the countries of
    the places among ``place_texts`` that only one country has."""
    source = doc.text if doc.offsets is not None else doc.original
    named = (
        iso3
        for (start, end), iso3 in doc.ent_countries.items()
        if len({p.country for p in geocoder.places.candidates(source[start:end])}) <= 1
    )  # an ambiguous name ("Tripoli", "Georgia") is no evidence for its own reading
    context = GeoContext.of(doc.focus_country, named)
    sure = (geocoder.unambiguous(text) for text in dict.fromkeys(place_texts))
    return context.with_countries(p.country for p in sure if p is not None and p.country is not None)
