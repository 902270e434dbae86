"""Where an event happened: the place mention the parse links to the event's trigger word.

:func:`locate_event` takes the trigger token and the document's place mentions (:func:`find_places`) and
returns the mention that names where the trigger's event took place, or None. Only places in the trigger's
sentence that are named as places count (not datelines, not places standing for actors). The link is the
dependency path between the place and the trigger:

- a place in the trigger's own phrase ("demonstrated *in Rome*", "captured *Badme*", "killed in an ambush
  north *of Karbala*", "a policeman *in Amara* was killed") costs one per step down from the trigger;
- a place attached to a verb the trigger is coordinated with or subordinated to ("shot dead a soldier and
  wounded five *in Fallujah*") costs more (:data:`UP_STEP_COST` per step up);
- a path through a reporting clause ("said *in Paris* that troops attacked ..."), a time clause ("since
  the war *in Yemen* began"), an origin ("*from* Libreville", but "150 meters from a mosque *in X*" is a
  reference point) or a source ("according to a *Chicago* station") does not link, nor does the object of
  another verb ("the rebels that ruled *Herat*"; but "marchers who thronged *X*" does, the verb taking a
  place). A place inside a "from" phrase that names no place ("the toll from the bombing *in X*") is
  where that thing happened, at a reference point's cost.

A place named after a place noun and "of" ("the southern city of *Homs*") costs what the place alone
would; a place in a phrase that dates the event by another ("weeks after the fall of *X*") costs a
reference point's extra; "against" blocks like "from", but "an attack against fighters inside *X*" and "an
offensive against a base in *X*" locate, and after a verb of protest so does a town ("demonstrated against
the war in *Washington*"; not a country: "protested against the war in X"); where a march or patrol starts
"from" is where it was ("marched from *X* to Y"; "fled from X" does not link); a relative clause saying who
the subject or agent is ("X, who was born in Y, was captured") does not link;
a place in the phrase of the trigger's active subject costs a little more ("people in X patrolled the banks
of *Y*"); a trigger inside a subject's phrase, or a participle that modifies a noun, goes up through it ("a
rocket aimed at the airport hit a school in *X*", "Shiite-dominated units in *X*"); a verb that takes a place
in a "by ...ing" phrase or a participle links its object ("began the assault by storming *X*", "bombed the
farms surrounding *X*"). A place in the subject's
phrase of the reporting verb whose clause holds the trigger ("a police source in *X* said the blast killed
four") locates the event at :data:`SOURCE_COST` extra, when nothing in the report itself does.
A phrase that opens the sentence ("*In Vienna*, 200,000 people marched") links as if it hung from the
sentence's root, wherever the parse put it, for the clause a reporting verb takes too ("In *Jericho*, police
said a man was shot"). Areas cost more (:data:`AREA_COST`); among linked places those in the trigger's own
phrase come first ("launched an offensive in X province, targeting positions near *Y*": Y for "targeting";
not those of a later act coordinated with it: "was captured in *X* and taken to Y"), then the cheapest
wins, at equal cost the most specific (a city before a region before a country: "in the Belarus capital
*Minsk*"). A participle phrase after a comma that the parse links to no place of its own
("launched an offensive in the X region, targeting the farms located near *Y*") takes the first place its
words name, since the small model often misparses such phrases. The winner then gives way to a place the
text puts inside it ("near *Sirrin* town in the southern countryside to Kobane", "Iraq's northern city of
*Mosul*", "*Kakata*, 60 kilometers northeast of Monrovia"; not to a country before a city: "in Pakistan's
largest city, *Karachi*"; but "the *Tarbat* area of Hasakah district", where the unit after the second name
is the larger; nor "*X* town north of Y", where Y is a reference point). A named building gives way to
the town named right after it ("the Blue Parrot bar in *Tijuana*"), as the event-location annotations
mark it, and a known town naming a thing gives way to the part of town the thing is in ("a Baghdad
square in the neighbourhood of *X*"; "X village in Y" keeps X). The possessor of a part of a place is
that place, not an owner ("*X*'s southern flank"); words saying what kind of place a name is do not break
its containment ("*X* refugee camp near Y"), nor does a description after a comma ("*Mosul*, Iraq's third
city and capital of Y province"). A name in the trigger's object slot that names the person the act was done
to is no place ("gunmen shot Oudeh", "captured guerrilla leader Abdullah Ocalan": :func:`_victim`), and
where a later act coordinated with the trigger took someone is not where the trigger's act happened
("captured in X and flown to Y"). Nothing linked means None: the event gets no location rather than the
article's country.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING

from eventwire.events.lexicon import default_lexicon
from eventwire.geo.mentions import (
    COMPASS_WORDS,
    EDGE_WORDS,
    PERSONAL_PRONOUNS,
    PLACE_OBJECT_VERBS,
    PlaceMention,
    counted_lists,
    in_hyphenated_modifier,
    is_part_noun,
    is_place_noun,
)

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token

BLOCKING_PREPS = frozenset(
    {"from", "like", "about", "against", "for", "than", "unlike", "despite", "until", "according"}
)
"""A place reached through one of these prepositions is not where the event happened ("fled from X",
"aid for X", "sanctions against X", "according to a station in X"). Set on the development records of
``benchmarks/event_location.py`` ("since" tried and left out: "killed since the launch of the X
operation" is located in X)."""
TIME_PREPS = frozenset({"after", "before", "following", "since", "amid"})
"""Prepositions that date an event by another one ("after the siege of X"): a place in that other event
costs a reference point's extra. "during" too, except in the trigger's own phrase: there the event
happens within the other one and in its place ("shot during an ambush 30 km northeast of X", "killed
during clashes in X"); set on the research assistants' records of ``benchmarks/event_location.py``."""
WITHIN_PREPS = frozenset({"during"})
BLOCKING_MARKS = frozenset({"since"})
"""A clause opened by one of these tells of another, earlier act ("since Syria's conflict erupted")."""
BLOCKING_DEPS = frozenset({"ccomp", "parataxis", "csubj"})
"""Clauses whose places belong to other acts (reported speech, asides)."""
CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl"})
CLAUSE_COST = 2.0
"""Extra cost of a step into a relative or adverbial clause: a place there may belong to another act."""
UP_DEPS = frozenset(
    {"conj", "xcomp", "advcl", "pcomp", "prep", "pobj", "acl", "dobj", "nsubjpass", "relcl", "nsubj", "amod",
     "compound"}
)  # fmt: skip
"""Steps up from the trigger through which a place attached higher still locates the event ("compound": a
verb of a headline-style sentence the small model took for a noun modifier, "militants detonate bombs in
X")."""
UP_STEP_COST = 2.0
"""Cost of one step up from the trigger, against 1 for a step down (set on the development records)."""
SUBJECT_COST = 0.5
"""Extra cost of a place in the phrase of the trigger's active subject: at equal cost a place in the rest of
the clause is where the act happened. Set on the records of ``benchmarks/event_location.py``."""
REFERENCE_COST = 3.0
"""Extra cost of a place named as a reference point ("50 km south of Baghdad", "north of Karbala"): it is
the location only when nothing else is."""
DIRECTIONS = frozenset(
    {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "north-east",
     "north-west", "south-east", "south-west", "northwards", "southwards"}
)  # fmt: skip
OWNER_COST = 3.0
"""Extra cost of a place that is the possessor of a noun that is no place (:func:`_owner`)."""
OWNED_PLACE_NOUNS = frozenset(
    {"streets", "street", "outskirts", "centre", "center", "heart", "edge", "north", "south", "east", "west",
     "side", "part", "parts", "soil", "territory", "coast", "shore", "downtown", "suburbs", "countryside",
     "interior", "mainland", "waters", "airspace", "border", "borders", "frontier", "capital", "hospital",
     "market", "mosque", "zone"}
)  # fmt: skip
"""Nouns that a place possesses as a part of itself ("Aleppo's outskirts", "Gaza's coast")."""
SCENE_COST = 5.0
"""Extra cost of a place in a phrase that opens the sentence ("In X on Sunday, soldiers shot a man near the
Y crossing"): it sets the scene, and a place the clause itself links is the more specific location. Set on
the development records of ``benchmarks/event_location.py`` (3, 4, 5 tried)."""
MAX_COST = 10.0
"""Places farther than this along the parse are not linked."""
AREA_COST: Mapping[str | None, float] = MappingProxyType({"region": 1.0, "country": 2.0, "continent": 2.0})
"""Extra cost of a linked place that is an area: the event is located by the most specific place linked to
the trigger, a town a step or two deeper in the parse before the country around it. Set on the development
records of ``benchmarks/event_location.py`` (0/0/0 and 1/2/2 tried; 1/2/2 better on both P and R)."""
CONTAINMENT_PREPS = frozenset({"in", "to", "near", "outside", "within"})
"""Words that put the place before them inside or next to the one after ("X in central Y", "X near Y");
"of" joins both ways ("X district of Y", "the Y district of X") and is told apart by the places' kinds."""
DISTANCE_UNITS = frozenset({"km", "kilometers", "kilometres", "miles", "mile", "meters", "metres", "some",
                            "about", "around", "nearly", "almost", "roughly", "(", ")"})  # fmt: skip
LENGTH_UNITS = frozenset(
    {"km", "kilometers", "kilometres", "miles", "mile", "meters", "metres", "yards", "feet"}
)
MAX_CONTAINMENT_GAP = 10
"""At most this many words between a place and the place said to contain it."""
KIND_RANK = {"city": 0, None: 0, "region": 1, "country": 2, "continent": 3}
"""Tie-break at equal cost: the most specific place (an unresolved name is usually a small place)."""


def _ancestors(token: Token) -> list[Token]:
    chain = [token]
    while chain[-1].head.i != chain[-1].i and len(chain) < 40:
        chain.append(chain[-1].head)
    return chain


def _down_cost(path: Sequence[Token], own_phrase: bool = False) -> float | None:
    """Cost of the downward path ``path[0]`` (the top) -> ... -> ``path[-1]`` (the place's head), or None
    when it goes through a blocking preposition or clause; ``own_phrase``: the top is the trigger."""
    extra = 0.0
    for n, child in enumerate(path[1:], start=1):
        if child.dep_ in BLOCKING_DEPS:
            return None
        if child.dep_ == "relcl" and own_phrase and _describes_doer(path[1], child):
            return None  # "X, who was born in Y, was captured": who the person is, not where the act was
        if _coordinated_verb(child) and n + 1 < len(path) and path[n + 1].lower_ in DESTINATION_PREPS:
            return None  # "was captured in X and shipped to *Y*": where a later act took someone
        if child.dep_ == "prep" and child.lower_ in BLOCKING_PREPS:
            if n == 1 and own_phrase and _route_start(child):
                continue  # "marched from X to Y": the route starts where the march was
            if (
                (child.lower_ == "from" and _measured(child))
                or (
                    (
                        (
                            child.lower_ in PLACED_INSIDE_PREPS
                            and (child.lower_ == "from" or child.head.pos_ == "NOUN")  # "an assault against"
                        )
                        or _protest_town(child, path[n + 1 :])
                    )
                    and _placed_inside(path[n + 1 :], origin=child.lower_ == "from")
                )
            ):
                extra += REFERENCE_COST  # "150 meters from a mosque in X", "the toll from a bombing in X"
                continue
            return None
        dating = child.lower_ in TIME_PREPS or (child.lower_ in WITHIN_PREPS and not own_phrase)
        if child.dep_ == "prep" and dating and n + 1 < len(path):
            extra += REFERENCE_COST  # "weeks after the fall of X": another, earlier event's place
        if child.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in BLOCKING_MARKS for c in child.children
        ):
            return None
    extra += sum(CLAUSE_COST for child in path[1:] if child.dep_ in CLAUSE_DEPS)
    if len(path) > 2 and path[1].dep_ == "nsubj":
        extra += SUBJECT_COST  # "people in X patrolled the banks of Y": Y is where they patrolled
    place = path[-1]
    if place.dep_ == "pobj" and place.head.lower_ == "of" and place.head.head.lower_ in DIRECTIONS:
        extra += REFERENCE_COST
    elif _named_by_place_noun(path):
        extra -= NAMED_PLACE_STEPS  # "in the southern city of X" costs what "in X" does
    if _owner(place):
        extra += OWNER_COST
    return float(len(path) - 1) + extra


DESCRIBING_VERBS = frozenset(
    {"be", "bear", "live", "reside", "work", "serve", "study", "teach", "hail", "grow", "describe", "head",
     "lead", "command", "have", "own", "represent", "belong"}
)  # fmt: skip
"""Verbs of a relative clause that says who a person is ("who was born in X", "who lived in X", "whom the
sources described as the leader in X", "who commanded forces south of X", "troops which have their bases in
X"); "hold" left out ("rebels who hold a third of X captured ..."). Set on the research assistants'
records of ``benchmarks/event_location.py``."""


def _describes_doer(first_step: Token, clause: Token) -> bool:
    """A relative clause with a describing verb (:data:`DESCRIBING_VERBS`) in the phrase of the trigger's
    subject or agent (``first_step`` is the first step down from the trigger)."""
    return first_step.dep_ in {"nsubj", "nsubjpass", "agent"} and clause.lemma_.lower() in DESCRIBING_VERBS


ROUTE_VERBS = frozenset({"march", "patrol", "parade", "walk", "trek"})
"""Verbs of moving along a route: where they start from is where the act was ("marched from X to Y",
"patrolling from X city to the airport"), unlike "fled from X". Set on the research assistants' records of
``benchmarks/event_location.py``."""


def _route_start(prep: Token) -> bool:
    """The preposition "from" right after a verb of moving along a route (:data:`ROUTE_VERBS`)."""
    verb = prep.head
    return prep.lower_ == "from" and verb.pos_ == "VERB" and verb.lemma_.lower() in ROUTE_VERBS


NAMED_PLACE_STEPS = 2.0
"""Steps not counted for a place named after a place noun and "of" ("the town of X", "the outskirts of X"):
the noun and "of" are part of how the place is named, not a further step away from the trigger. Set on the
records of ``benchmarks/event_location.py``."""


def _named_by_place_noun(path: Sequence[Token]) -> bool:
    """The path ends ... -> place noun -> "of" -> the place ("the city of X", "the outskirts of X")."""
    end = len(path)
    while end > 1 and path[end - 1].dep_ == "compound":
        end -= 1  # "the Al-Hasakah Governorate": the name's own words
    if end < 3:
        return False
    noun, of, place = path[end - 3], path[end - 2], path[end - 1]
    return (
        place.dep_ == "pobj"
        and of.lower_ == "of"
        and (is_place_noun(noun) or noun.lemma_.lower() in OWNED_PLACE_NOUNS or is_part_noun(noun))
        and not any(c.dep_ in {"poss", "compound"} and c.pos_ == "PROPN" for c in noun.children)
    )  # "Baghdad's district of X", "the Homs neighbourhood of X": the place inside the other one


PLACED_INSIDE_PREPS = frozenset({"from", "against"})
"""Blocking prepositions after which a thing placed somewhere ("the toll from the bombing in X", "an attack
against fighters inside X", "against" after a noun only: "protested against the war in X" does not locate
the protest) locates the event at a reference point's cost."""
INNER_PREPS = frozenset({"in", "at", "near", "inside", "outside"})
"""Prepositions that place a thing named after "from" somewhere ("the death toll from the bombing *in* X",
"demonstrators from all walks of life *in* X"): X is where that thing is, not the origin."""


PROTEST_VERBS = frozenset({"demonstrate", "protest", "march", "rally"})
"""Verbs of protest: "against" or "for" after one names what was protested, and a town placed after that is
where the protest was ("demonstrated against the war in Washington and New York", "demonstrated for land
rights in X"); a country or a region there is the war's or the policy's place ("protested against the war in
X"). Set on the research assistants' records of ``benchmarks/event_location.py``."""
AREA_TAGS = ("country:", "region:", "demonym:")
"""Prefixes of the gazetteer tagger's entity ids for places larger than a town, and for peoples."""


def _protest_town(prep: Token, rest: Sequence[Token]) -> bool:
    """The preposition "against" or "for" after a verb of protest (:data:`PROTEST_VERBS`), and below it a
    town (no country, region or people's name), not reached through a conjunct ("against the war and the
    bombing of X")."""
    place = rest[-1] if rest else prep
    return (
        prep.lower_ in {"against", "for"}
        and prep.head.lemma_.lower() in PROTEST_VERBS
        and not place.ent_id_.startswith(AREA_TAGS)
        and place.ent_type_ != "NORP"
        and not any(t.dep_ == "conj" for t in rest)
    )


def _placed_inside(rest: Sequence[Token], origin: bool = True) -> bool:
    """The path below a "from" or "against" goes on from a thing through a locative preposition to the
    place: the place locates that thing rather than being the origin itself. After "from" (``origin``) the
    thing is no place ("a youth from Kurar village in Malad": the origin is a place itself); after
    "against" it may be one ("an offensive against a military base in X")."""
    return (
        len(rest) > 0
        and not (origin and (is_place_noun(rest[0]) or rest[0].ent_type_ in {"GPE", "LOC", "FAC"}))
        and any(t.dep_ == "prep" and t.lower_ in INNER_PREPS for t in rest)
    )


def _owner(place: Token) -> bool:
    """A place that owns a thing or a state of affairs rather than locating it: the possessor of a noun
    that is no place ("Kosovo's declaration", "the country's new constitution"); "Kabul's streets",
    "Iraq's northern city of Mosul" and "the city's main market" locate."""
    head = place.head
    return (
        place.dep_ == "poss"
        and head.i != place.i
        and head.pos_ == "NOUN"
        and not is_place_noun(head)
        and not is_part_noun(head)  # "X's southern flank", "X's eastern perimeter": a part of the place
        and head.lemma_.lower() not in OWNED_PLACE_NOUNS
    )


def _measured(prep: Token) -> bool:
    """A preposition after a distance or a direction ("150 meters from", "north of")."""
    head = prep.head
    before = prep.doc[prep.i - 1] if prep.i > prep.sent.start else head
    return any(
        t.lower_ in LENGTH_UNITS or t.lower_ in DIRECTIONS or t.lower_ in {"away", "far"}
        for t in (head, before)
    )


def link_cost(trigger: Token, place_root: Token) -> float | None:
    """How far the place is from the trigger along the parse, or None when the path does not link them."""
    if place_root.sent.start != trigger.sent.start:
        return None
    if (
        place_root.dep_ == "dobj"
        and place_root.head.i != trigger.i
        and place_root.head.pos_ == "VERB"
        and not _takes_place(place_root.head)
    ):
        return None  # "... the Taliban that then ruled X": the object of another act ("stormed X" locates)
    up_from_place = _ancestors(place_root)
    up_from_trigger = _ancestors(trigger)
    parsed = _parse_cost(up_from_place, up_from_trigger)
    fronted = _fronted_cost(up_from_place, up_from_trigger)
    cost = fronted if parsed is None or (fronted is not None and fronted < parsed) else parsed
    if cost is None:
        cost = _source_cost(up_from_place, up_from_trigger)
    if cost is not None and _opening_phrase(up_from_place):
        cost += SCENE_COST
    return cost


def _takes_place(verb: Token) -> bool:
    """A verb whose object is a place (:data:`PLACE_OBJECT_VERBS`: "demonstrators who thronged X"), in a
    clause or phrase of its own: with a subject, or sharing one ("captured X and stormed Y"), after "by"
    ("by storming X"), or a participle ("the farms surrounding X"); a participle the parse misread ("the
    Israeli occupied south X": "occupy" is no such verb) is not one."""
    return verb.lemma_.lower() in PLACE_OBJECT_VERBS and (
        verb.dep_ in {"conj", "xcomp", "relcl", "pcomp", "acl"}
        or any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)
    )


def _fronted_cost(up_from_place: Sequence[Token], up_from_trigger: Sequence[Token]) -> float | None:
    """A place in a phrase that opens the sentence ("In Vienna, 200,000 people marched") sets the scene
    for the main clause, wherever the parse attached it: cost as if it hung from the sentence's root, for
    a trigger anywhere in the main clause (not in reported speech or a relative clause)."""
    sent = up_from_place[0].sent
    for n, token in enumerate(up_from_place):
        if token.dep_ == "prep" and token.i == sent.start and token.lower_ not in BLOCKING_PREPS:
            following = token.doc[token.right_edge.i + 1] if token.right_edge.i + 1 < sent.end else None
            if following is None or following.text != ",":
                return None
            down = _down_cost([sent.root, *reversed(up_from_place[: n + 1])])
            steps_up = len(up_from_trigger) - 1
            if down is None or any(
                (t.dep_ in BLOCKING_DEPS and not _reported(t)) or t.dep_ in {"relcl", "acl"}
                for t in up_from_trigger[:steps_up]
            ):  # "In Jericho, police said a man was shot": the scene of the report is the event's
                return None
            cost = down + UP_STEP_COST * steps_up
            return cost if cost <= MAX_COST else None
    return None


def _reporting_verb(verb: Token) -> bool:
    """A saying verb of the project's one list (``data/reporting.tsv``), whose subject reports the event of
    the clause it takes (:func:`_source_cost`)."""
    return "say" in default_lexicon().reporting.get(verb.lemma_.lower(), set())


SOURCE_COST = 2.0
"""Extra cost of a place in the phrase of the source that reports the event ("a police source in X said the
blast killed four people"): where the source is, the event usually happened, when nothing in the report
itself says where. Set on the training records of ``benchmarks/event_location.py``."""


def _source_cost(up_from_place: Sequence[Token], up_from_trigger: Sequence[Token]) -> float | None:
    """A place in the subject's phrase of the reporting verb whose reported clause holds the trigger ("a
    doctor in X said seven people were killed"): it locates the event at :data:`SOURCE_COST` extra, as the
    event-location annotations do."""
    for n, token in enumerate(up_from_trigger[:-1]):
        if token.dep_ != "ccomp":
            if token.dep_ not in UP_DEPS:
                return None
            continue
        verb = up_from_trigger[n + 1]
        if not _reporting_verb(verb):
            return None
        below = next((k for k, t in enumerate(up_from_place) if t.head.i == verb.i and t.i != verb.i), None)
        if below is None or up_from_place[below].dep_ != "nsubj":
            return None
        down = _down_cost([verb, *reversed(up_from_place[: below + 1])])
        if down is None:
            return None
        cost = down + UP_STEP_COST * (n + 1) + SOURCE_COST
        return cost if cost <= MAX_COST else None
    return None


def _reported(clause: Token) -> bool:
    """The clause is what a reporting verb (:func:`_reporting_verb`) reports ("police said *a man was
    shot*")."""
    return clause.dep_ == "ccomp" and _reporting_verb(clause.head)


def _opening_phrase(up_from_place: Sequence[Token]) -> bool:
    """The place is in a phrase that opens the sentence and ends at a comma, a date between them or not
    ("In Vienna, ...", "In Vienna on Sunday, ...")."""
    sent = up_from_place[0].sent
    doc = sent.doc
    for token in up_from_place:
        if token.dep_ == "prep" and token.i == sent.start:
            end = token.right_edge.i + 1
            while end < sent.end and (doc[end].ent_type_ in {"DATE", "TIME"} or doc[end].lower_ == "on"):
                end += 1
            return end < sent.end and doc[end].text == ","
    return False


def _parse_cost(up_from_place: Sequence[Token], up_from_trigger: Sequence[Token]) -> float | None:
    trigger_chain = {t.i: n for n, t in enumerate(up_from_trigger)}
    for n, token in enumerate(up_from_place):
        if token.i in trigger_chain:
            steps_up = trigger_chain[token.i]
            down = _down_cost(list(reversed(up_from_place[: n + 1])), own_phrase=steps_up == 0)
            if down is None:
                return None
            if steps_up and any(t.dep_ not in UP_DEPS for t in up_from_trigger[:steps_up]):
                return None
            cost = down + UP_STEP_COST * steps_up
            return cost if cost <= MAX_COST else None
    return None


def locate_event(
    trigger: Token, places: Sequence[PlaceMention], exclude: Collection[tuple[int, int]] = ()
) -> PlaceMention | None:
    """The place mention naming where the trigger's event happened, or None.

    ``places`` are the document's place mentions (clean-text offsets); ``exclude`` lists ``(start, end)``
    clean-text spans not to take (the event's actors, when a place stands for one)."""
    best: tuple[int, float, int, int] | None = None
    chosen = None
    doc = trigger.doc
    candidates = _sentence_places(places, trigger, exclude)
    for mention in candidates:
        if in_hyphenated_modifier(doc, mention.token_end):
            continue  # "a US-Kurdish operation"
        cost = link_cost(trigger, doc[mention.root])
        if cost is None:
            continue
        kind = mention.place.kind if mention.place is not None else None
        own = 0 if _in_phrase(trigger, doc[mention.root]) else 1
        key = (own, cost + AREA_COST.get(kind, 0.0), KIND_RANK[kind], mention.start)
        if best is None or key < best:
            best, chosen = key, mention
    if chosen is None or (chosen.token_start < trigger.i and not _in_phrase(trigger, doc[chosen.root])):
        chosen = _participle_phrase_place(trigger, candidates) or chosen
    if chosen is None:
        return None
    seen = {id(chosen)}
    while (inner := _contained(chosen, candidates, doc)) is not None and id(inner) not in seen:
        seen.add(id(inner))
        chosen = inner
    town = _town_of_building(chosen, candidates, doc)
    if town is not None:
        return town
    inner = _place_of_named_thing(chosen, candidates, doc)
    return inner if inner is not None else chosen


PERSON_PATIENT_VERBS = frozenset(
    {"kill", "shoot", "wound", "injure", "murder", "assassinate", "arrest", "detain", "kidnap", "abduct",
     "execute", "behead", "stab"}
)  # fmt: skip
"""Verbs whose object is a person: a name in the object's slot is the victim, not where the act happened,
whatever label the small model gave it ("assailants shot Oudeh seven times", "Zubaydah was shot")."""
TAKING_VERBS = frozenset({"capture", "seize", "encircle"})
"""Verbs whose object is a place ("captured Badme") or a person ("captured Ocalan in Kenya")."""


def _victim(trigger: Token, mention: PlaceMention) -> bool:
    """The mention fills the trigger's object slot (its object, or its subject in the passive) and names the
    person the act was done to: always after a verb whose object is a person
    (:data:`PERSON_PATIENT_VERBS`); after a verb that takes places or persons (:data:`TAKING_VERBS`) when
    the sentence shows a person (:func:`_named_person`), or, for a name no gazetteer knows, when a personal
    pronoun follows ("Police captured Bertolazzi ... where he was staying"). The small model's PERSON label
    alone is no evidence ("seized Umm Hosh")."""
    root = trigger.doc[mention.root]
    if root.head.i != trigger.i or root.dep_ not in {"dobj", "nsubjpass"}:
        return False
    verb = trigger.lemma_.lower()
    if verb in PERSON_PATIENT_VERBS:
        return True
    if verb not in TAKING_VERBS:
        return False
    return _named_person(mention, root) or (
        mention.place is None
        and any(t.lower_ in PERSONAL_PRONOUNS for t in trigger.doc[root.i + 1 : trigger.sent.end])
    )


def _named_person(mention: PlaceMention, root: Token) -> bool:
    """The words around the name say it is a person's: a noun before it says who ("guerrilla leader
    Abdullah Ocalan"), an age ("the 25-year-old Jimenez"), a relative clause with "who" ("Jose Laija, who is
    accused of"), or an apposition whose noun is no place ("X, a former party chairman")."""
    doc = root.doc
    before = doc[mention.token_start - 1] if mention.token_start > root.sent.start else None
    if (
        before is not None
        and before.pos_ == "NOUN"
        and before.dep_ == "compound"
        and before.lower_ not in COMPASS_WORDS  # "captured west Mosul": a part of the city
    ):
        return True
    for child in root.children:
        if child.dep_ == "amod" and child.lower_.endswith("-year-old"):
            return True
        if child.dep_ == "relcl" and any(t.lower_ in {"who", "whom"} for t in child.children):
            return True
        if (
            child.dep_ == "appos"
            and child.pos_ == "NOUN"
            and not (is_place_noun(child) or is_part_noun(child) or child.lemma_.lower() in BUILDING_NOUNS)
        ):
            return True  # not "X, the last rebel-held part of Y", "X Palace, once a headquarters"
    return False


PHRASE_ENDS = frozenset({";", ":", "\u2013", "\u2014"})
"""Marks that end a participle phrase ("..., targeting X; the attack ...")."""


def _participle_phrase_place(trigger: Token, places: Sequence[PlaceMention]) -> PlaceMention | None:
    """The first place named in the participle phrase the trigger opens after a comma ("launched an
    offensive in the X region, *targeting* the farms located near the town of *Y*"), up to a semicolon, a
    colon, a dash or the next such phrase; None when the trigger opens none. The small model often misparses
    these phrases ("the SAA controlled Y District", "the SAA held village of Y"), so the place comes from the
    words, not the parse."""
    doc = trigger.doc
    sent = trigger.sent
    if trigger.tag_ != "VBG" or trigger.i == sent.start or doc[trigger.i - 1].text != ",":
        return None
    end = trigger.i + 1
    while end < sent.end and doc[end].text not in PHRASE_ENDS:
        if doc[end].text == "," and end + 1 < sent.end and doc[end + 1].tag_ == "VBG":
            break
        end += 1
    return next(
        (
            m
            for m in places
            if trigger.i < m.token_start
            and m.token_end <= end
            and not in_hyphenated_modifier(doc, m.token_end)
        ),
        None,
    )


def locate_event_places(
    trigger: Token, places: Sequence[PlaceMention], exclude: Collection[tuple[int, int]] = ()
) -> list[PlaceMention]:
    """Every place mention naming where the trigger's event happened: the one :func:`locate_event` links,
    then the places named in one list with it (:func:`listed_with`: "attacked the villages of X, Y and Z",
    "protested in X and in Y"), in text order; empty when nothing is linked."""
    chosen = locate_event(trigger, places, exclude)
    if chosen is None:
        return []
    doc = trigger.doc
    candidates = [
        m for m in _sentence_places(places, trigger, exclude) if not in_hyphenated_modifier(doc, m.token_end)
    ]
    listed = listed_with(chosen, candidates, doc)
    items = [item for items in counted_lists(trigger.sent) for item in items]
    if any(start < chosen.token_end and chosen.token_start < end for start, end in items):
        listed += [
            m
            for m in candidates
            if m is not chosen
            and m not in listed
            and any(start < m.token_end and m.token_start < end for start, end in items)
        ]  # "shelled the settlements of X (twice), Y (four times) and Z, and the districts of U and V"
    return [chosen, *sorted(listed, key=lambda m: m.start)]


def _sentence_places(
    places: Sequence[PlaceMention], trigger: Token, exclude: Collection[tuple[int, int]]
) -> list[PlaceMention]:
    """The place mentions of the trigger's sentence named as places, less the excluded spans (the event's
    actors) and the trigger's victims (:func:`_victim`)."""
    sent = trigger.sent
    return [
        m
        for m in places
        if m.use == "place"
        and sent.start <= m.root < sent.end
        and (m.start, m.end) not in exclude
        and not _victim(trigger, m)
    ]


LIST_PREPS = frozenset({"in", "at", "near", "inside", "outside", "on", "into"})
"""Prepositions whose phrases, joined by "and", place one event in several places ("in X and in Y")."""


def listed_with(chosen: PlaceMention, places: Sequence[PlaceMention], doc: Doc) -> list[PlaceMention]:
    """The places the parse coordinates with ``chosen`` (conjuncts of one list: "the towns of X, Y and Z",
    "X village and Y village", "in X and in Y"), in text order. The event-location annotations mark every
    place of such a list as where the event happened."""
    anchors = _list_anchors(doc[chosen.root])
    joined = _conjuncts(anchors)
    listed = _conjuncts(anchors, LIST_DEPS)
    if not any(doc[i].dep_ == "conj" for i in listed):
        listed = set()  # commas alone make no list ("X district, Y"; "X, the main town of Y")
    noun = _modified_plural_place(doc[chosen.root])
    out = []
    for other in places:
        if other is chosen or (other.token_start < chosen.token_end and chosen.token_start < other.token_end):
            continue
        first = doc[other.root]
        while first.dep_ in LIST_DEPS and first.head.i < first.i:
            first = first.head  # the list's first item names what the list is ("the districts of X, Y")
        other_anchors = {t.i for t in (*_list_anchors(doc[other.root]), *_list_anchors(first))}
        if (
            other_anchors & joined
            or (other_anchors & listed and _rank(other) <= _rank(chosen))
            or (noun is not None and _modified_plural_place(doc[other.root]) == noun)
        ):
            out.append(other)
    return sorted(out, key=lambda m: m.start)


LIST_DEPS = frozenset({"conj", "appos"})
"""Links between the items of a list: the parser often takes a comma for an apposition ("the settlements of
X, Y (twice) and Z"); a place in apposition is an item only when no larger than the linked one ("X, Syria" is
where X is)."""


def _list_anchors(root: Token) -> list[Token]:
    """The tokens a place name takes part in a list through: its head word, the place noun it names
    ("X village", "the town of X"), and a locative preposition it is the object of ("in X")."""
    anchors = [root]
    token = root
    while token.dep_ in {"compound", "amod", "nmod"} and token.head.i > token.i and is_place_noun(token.head):
        token = token.head  # "Akida village and Mbuta village"
        anchors.append(token)
    if token.dep_ == "pobj" and token.head.lower_ == "of" and is_place_noun(token.head.head):
        token = token.head.head  # "the town of X and the town of Y"
        anchors.append(token)
    if token.dep_ == "pobj" and token.head.lower_ in LIST_PREPS:
        anchors.append(token.head)  # "in X and in Y"
    return anchors


def _modified_plural_place(root: Token) -> int | None:
    """The plural place noun the name modifies directly, or None: names modifying one such noun are a list
    the parser left without a conjunct link ("the X and Y suburbs")."""
    head = root.head
    if root.dep_ in {"compound", "nmod", "amod"} and head.i > root.i and head.tag_ in {"NNS", "NNPS"}:
        return head.i if is_place_noun(head) else None
    return None


def _conjuncts(anchors: Sequence[Token], deps: Collection[str] = ("conj",)) -> set[int]:
    """Token indices of every item of the lists the anchors belong to, the anchors left out; items are
    linked by ``deps`` (conjuncts, and appositions when asked)."""
    out: set[int] = set()
    for anchor in anchors:
        top = anchor
        while top.dep_ in deps and top.head.i != top.i:
            top = top.head
        stack = [top]
        while stack:
            token = stack.pop()
            out.add(token.i)
            stack.extend(c for c in token.children if c.dep_ in deps and (c.dep_ != "appos" or _list_item(c)))
    return out - {a.i for a in anchors}


def _list_item(token: Token) -> bool:
    """A token in apposition that can be an item of a list of places: a name, or a plural place noun ("X, Y
    and Z's districts of ..."), not a singular noun that describes the place before it ("X, the main town
    of Y")."""
    return token.pos_ == "PROPN" or (token.tag_ in {"NNS", "NNPS"} and is_place_noun(token))


def _in_phrase(trigger: Token, place_root: Token) -> bool:
    """The place is in the trigger's own phrase (the trigger is above it in the parse, with no relative or
    adverbial clause between them): it tells where the trigger's act happened more closely than a place
    reached by going up from the trigger ("launched an offensive in X province, targeting positions near
    *Y*": Y for "targeting"; not "to enter the village located near the *X* river")."""
    chain = _ancestors(place_root)
    below = next((n for n, t in enumerate(chain) if t.i == trigger.i), None)
    return below is not None and not any(t.dep_ in CLAUSE_DEPS or _next_act(t) for t in chain[:below])


DESTINATION_PREPS = frozenset({"to", "into", "toward", "towards"})
"""Prepositions naming where a verb coordinated with the trigger took someone or something ("captured and
flown to X", "was shot and evacuated to Y"): that place is not where the trigger's act happened."""


def _coordinated_verb(token: Token) -> bool:
    return token.dep_ == "conj" and token.pos_ in {"VERB", "AUX"}


def _next_act(token: Token) -> bool:
    """A verb coordinated with an earlier one and not right after it: the next act of a sequence ("was
    captured in X ... and taken to *Y*", "captured a third of X in 1991, and ... took *Y*"), whose places
    are not the first act's own; "shot and killed a man near *X*" shares them."""
    return _coordinated_verb(token) and token.i - token.head.i > 2


def _place_of_named_thing(
    chosen: PlaceMention, places: Sequence[PlaceMention], doc: Doc
) -> PlaceMention | None:
    """A place that a place noun the chosen name modifies is said to be in, no larger than the chosen one,
    the first such place, or None: when the chosen name is a known town and the noun no unit of its own
    ("a Baghdad square in the district of X": the town the square is in, the phrase after it the part of
    town; "X village in Y" keeps X), or the noun names a building (:data:`BUILDING_NOUNS`: "the Y mosque
    in X", as :func:`_town_of_building` for a town the gazetteer does not know)."""
    root = doc[chosen.root]
    head = root.head
    if root.dep_ not in {"compound", "nmod", "amod"} or not is_place_noun(head) or head.i < chosen.token_end:
        return None
    lemma = head.lemma_.lower()
    known_town = chosen.place is not None and chosen.place.kind in {"city", "region"}
    if not ((known_town and lemma not in UNIT_SCALE) or lemma in BUILDING_NOUNS):
        return None
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in {"in", "at"}:
            continue
        inside = {t.i for t in prep.subtree}
        for inner in places:
            if inner is not chosen and inner.root in inside and _rank(inner) <= _rank(chosen):
                return inner
    return None


BUILDING_NOUNS = frozenset(
    {"theater", "theatre", "museum", "bar", "restaurant", "cafe", "club",
     "school", "university", "college", "embassy", "consulate", "church", "cathedral", "mosque", "temple",
     "synagogue", "shrine", "center", "centre", "parliament", "court", "courthouse",
     "palace", "office", "offices", "headquarters", "library", "mall", "bank", "building", "tower", "hall"}
)  # fmt: skip
"""Nouns naming a building. The event-location annotations mark the town a named building is in rather than
the building ("a bar in X", "the museum in X"): an event placed at a named building is located in the town
the text names right after it. Set on the records of ``benchmarks/event_location.py``; hospitals and hotels
left out (the annotations keep them: "pronounced dead at X Hospital in Y" is located at the hospital), and
stadiums (a place of their own: "a bomb exploded near the X Stadium in Y")."""
TOWN_KINDS = frozenset({"city", "region", "country"})


def _town_of_building(chosen: PlaceMention, places: Sequence[PlaceMention], doc: Doc) -> PlaceMention | None:
    """The town right after a named building, joined by "in" or a comma ("the Rio Bar in X", "St Mary's
    Church, X"), or None."""
    last = doc[chosen.token_end - 1]
    following = doc[chosen.token_end] if chosen.token_end < len(doc) else None
    building = (
        last.lemma_.lower() in BUILDING_NOUNS
        or last.lower_ in BUILDING_NOUNS
        or (following is not None and following.lower_ in BUILDING_NOUNS)
    )
    if not building:
        return None
    for town in places:
        if town.token_start <= chosen.token_start or town.token_start - chosen.token_end > 3:
            continue
        between = doc[chosen.token_end : town.token_start]
        if not any(t.lower_ == "in" or t.text == "," for t in between):
            continue
        if all(
            t.is_punct
            or t.lower_ in {"in", "the"}
            or t.lower_ in BUILDING_NOUNS
            or t.tag_ in {"JJ", "VBG", "VBN"}
            for t in between
        ) and (town.place is not None and town.place.kind in TOWN_KINDS):
            return town
    return None


def _rank(mention: PlaceMention) -> int:
    return KIND_RANK[mention.place.kind if mention.place is not None else None]


def _contained(outer: PlaceMention, places: Sequence[PlaceMention], doc: Doc) -> PlaceMention | None:
    """A place the text puts inside ``outer``, the nearest, or None:

    - before it, joined by a preposition or a comma: "Sirrin town in the southern countryside to *Kobane*",
      "Kakata, 60 kilometers northeast of *Monrovia*" (never a country before a city: "Pakistan's largest
      city, Karachi"), or by "of" when it is no larger ("the Ghat area of
      *Doda* district");
    - after it, joined by a place noun without such a preposition, when it is no larger: "*Iraq*'s
      northern city of Mosul", "the south *Baghdad* neighbourhood of Al-Bayaa"."""
    best: tuple[int, PlaceMention] | None = None
    for inner in places:
        if inner is outer:
            continue
        no_larger = _rank(inner) <= _rank(outer)
        if inner.token_end <= outer.token_start:
            between = doc[inner.token_end : outer.token_start]
            joined = (
                not _country_in_city(inner, outer)
                and any(t.lower_ in CONTAINMENT_PREPS or t.text == "," for t in between)
            ) or (
                no_larger
                and any(t.lower_ == "of" for t in between)
                and not _town_names_unit(inner, outer, doc)
            )
        elif outer.token_end <= inner.token_start:
            between = doc[outer.token_end : inner.token_start]
            joined = (
                no_larger
                and (any(is_place_noun(t) for t in between) or _possessed_unit(between, inner, doc))
                and not any(t.lower_ in CONTAINMENT_PREPS or t.text == "," for t in between)
                and not _measured_from(between)
                and not _larger_unit_follows(between, inner, doc)
                # "the Vedeno region of Chechnya": an unknown name that modifies the place noun is that
                # unit itself, and the name after "of" is around it (a known city keeps "the Baghdad
                # neighbourhood of Al-Bayaa")
                and not (outer.place is None and doc[outer.root].head.i in {t.i for t in between})
            )
        else:
            continue
        named = {i for m in places for i in range(m.token_start, m.token_end)}
        if len(between) <= MAX_CONTAINMENT_GAP and (
            (joined and all(_containment_word(t) or t.i in named for t in between))
            or (inner.token_end <= outer.token_start and no_larger and _describing_gap(between))
        ):
            if best is None or len(between) < best[0]:
                best = (len(between), inner)
    return best[1] if best is not None else None


def _describing_gap(between: Span) -> bool:
    """The words between two places describe the first after a comma and place it by the second ("*Mosul*,
    Iraq's third main city and capital of Nineveh province", "*Khost*, an al-Qaida hotbed in eastern
    Afghanistan", "*Hilla*, also just south of Baghdad"): a noun phrase or adverbs with a locative
    preposition or "of", no verb, no clause, no second comma."""
    return (
        len(between) >= 2
        and between[0].text == ","
        and not any(t.text == "," for t in between[1:])
        and any(t.lower_ in CONTAINMENT_PREPS or t.lower_ == "of" for t in between)
        and not any(t.pos_ in {"VERB", "AUX", "PRON", "SCONJ"} for t in between)
    )


def _country_in_city(inner: PlaceMention, outer: PlaceMention) -> bool:
    """The inner place is a country and the outer a city known by its own name: the city is in the country
    ("in Pakistan's largest city, *Karachi*", "in Syria's largest city, *Aleppo*"), not the other way."""
    return (
        inner.place is not None
        and inner.place.kind in {"country", "continent"}
        and outer.place is not None
        and outer.place.kind == "city"
        and not outer.place.alternate
    )


def _town_names_unit(town: PlaceMention, unit: PlaceMention, doc: Doc) -> bool:
    """A known town modifies the place noun whose "of" names an unknown place: the place is a part of the
    town ("the Beirut southern suburb of *X*", "Baghdad's Shiite neighbourhood of *X*"), not the town part of
    it (an unknown name does: "the Ghat area of Doda district")."""
    head = doc[town.root].head
    return (
        town.place is not None
        and town.place.kind in {"city", "region"}
        and unit.place is None
        and doc[town.root].dep_ in {"compound", "nmod", "poss", "amod"}
        and town.token_end <= head.i < unit.token_start
        and is_place_noun(head)
    )


UNIT_SCALE: Mapping[str, int] = MappingProxyType(
    {"neighbourhood": 0, "neighborhood": 0, "quarter": 0, "suburb": 0, "area": 1, "village": 1, "town": 1,
     "city": 2, "municipality": 2, "district": 3, "county": 3, "province": 4, "governorate": 4,
     "region": 4, "state": 4, "prefecture": 4, "lga": 3, "commune": 2, "township": 2}
)  # fmt: skip
"""Sizes of the units place nouns name, to read "the X area of Y district" (Y is the larger) apart from
"the Y neighbourhood of X" (X is inside Y)."""


def _measured_from(between: Span) -> bool:
    """The words between two places measure the second as a reference point ("X town north of Y", "X
    village 5 km from Y"): the first is not inside the second's phrase, it is near it."""
    return any(
        (t.lower_ in DIRECTIONS or t.lower_ in LENGTH_UNITS)
        and t.i + 1 < len(t.doc)
        and t.nbor().lower_ in {"of", "from"}
        for t in between
    )


def _larger_unit_follows(between: Span, inner: PlaceMention, doc: Doc) -> bool:
    """The inner place is followed by, or ends with, a noun naming a larger unit than the noun before it
    ("the Ghat area of Doda district", "X village of Konduga LGA"): it is the larger place, not one
    inside."""
    before = [UNIT_SCALE[t.lemma_.lower()] for t in between if t.lemma_.lower() in UNIT_SCALE]
    last = doc[inner.token_end - 1]
    after = doc[inner.token_end] if inner.token_end < len(doc) else None
    if inner.token_end - inner.token_start > 1 and last.lemma_.lower() in UNIT_SCALE:
        after = last
    if not before or after is None or after.lemma_.lower() not in UNIT_SCALE:
        return False
    return UNIT_SCALE[after.lemma_.lower()] > max(before)


def _possessed_unit(between: Span, inner: PlaceMention, doc: Doc) -> bool:
    """A place after a possessive and before a place noun is inside the possessor ("X's Y district")."""
    after = doc[inner.token_end] if inner.token_end < len(doc) else None
    last = doc[inner.token_end - 1]
    return (
        len(between) > 0
        and any(t.lower_ in EDGE_WORDS for t in between)
        and all(t.lower_ in EDGE_WORDS or _direction_word(t) for t in between)
        and (
            (after is not None and is_place_noun(after))
            or (inner.token_end - inner.token_start > 1 and is_place_noun(last))
        )
    )


def _direction_word(token: Token) -> bool:
    """A compass word or its adjective ("north", "northern", "south-western", "central")."""
    word = token.lower_.removesuffix("most").removesuffix("ern").removesuffix("ward")
    return token.lower_ in {"central", "eastern", "western", "northern", "southern"} or word in DIRECTIONS


def _containment_word(token: Token) -> bool:
    return (
        token.is_punct
        or token.is_space
        or token.lower_ in CONTAINMENT_PREPS
        or token.lower_ == "of"
        or token.lower_ in EDGE_WORDS
        or _direction_word(token)
        or token.pos_ in {"DET", "ADJ", "NUM"}
        or (token.pos_ == "ADV" and token.head.pos_ == "ADJ")  # "Baghdad's mainly Shiite neighbourhood of X"
        or token.like_num
        or token.lower_ in DISTANCE_UNITS
        or is_place_noun(token)
        or (token.dep_ in {"compound", "amod"} and is_place_noun(token.head) and token.head.i > token.i)
    )  # "X refugee camp near Y": a word that says what kind of place
