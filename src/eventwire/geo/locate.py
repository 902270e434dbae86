"""Where an event happened: the place mention the parse links to the event's trigger word.

:func:`locate_event` takes the trigger token and the document's place mentions (:func:`find_places`) and
returns the mention that names where the trigger's event took place, or None. Only places in the trigger's
sentence that are named as places count (not datelines, not places standing for actors). The link is the
dependency path between the place and the trigger:

- a place in the trigger's own phrase ("demonstrated *in Rome*", "captured *Badme*", "killed in an ambush
  north *of Karbala*", "a policeman *in Amara* was killed") costs one per step down from the trigger;
- a place attached to a verb the trigger is coordinated with or subordinated to ("shot dead a soldier and
  wounded five *in Fallujah*") costs more (:data:`UP_STEP_COST` per step up);
- a path through a reporting clause ("said *in Paris* that troops attacked ..."), a relative clause, a
  time clause ("since the ceasefire *in Lebanon*") or an origin ("*from* Libreville") does not link.

Among linked places the cheapest wins; at equal cost the most specific (a city before a region before a
country: "in the Belarus capital *Minsk*"). Nothing linked means None: the event gets no location rather
than the article's country.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

from eventwire.geo.mentions import PlaceMention

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

BLOCKING_PREPS = frozenset({"from", "like", "about", "against", "for", "than", "unlike", "despite", "until"})
"""A place reached through one of these prepositions is not where the event happened ("fled from X",
"aid for X", "sanctions against X"). Set on the development records of
``benchmarks/event_location.py``."""
BLOCKING_DEPS = frozenset({"ccomp", "parataxis", "csubj"})
"""Clauses whose places belong to other acts (reported speech, asides)."""
CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl"})
CLAUSE_COST = 2.0
"""Extra cost of a step into a relative or adverbial clause: a place there may belong to another act."""
UP_DEPS = frozenset({"conj", "xcomp", "advcl", "pcomp", "prep", "pobj", "acl", "dobj", "nsubjpass"})
"""Steps up from the trigger through which a place attached higher still locates the event."""
UP_STEP_COST = 2.0
"""Cost of one step up from the trigger, against 1 for a step down (set on the development records)."""
REFERENCE_COST = 3.0
"""Extra cost of a place named as a reference point ("50 km south of Baghdad", "north of Karbala"): it is
the location only when nothing else is."""
DIRECTIONS = frozenset(
    {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "north-east",
     "north-west", "south-east", "south-west", "northwards", "southwards"}
)  # fmt: skip
MAX_COST = 10.0
"""Places farther than this along the parse are not linked."""
KIND_RANK = {"city": 0, None: 0, "region": 1, "country": 2, "continent": 3}
"""Tie-break at equal cost: the most specific place (an unresolved name is usually a small place)."""


def _ancestors(token: Token) -> list[Token]:
    chain = [token]
    while chain[-1].head.i != chain[-1].i and len(chain) < 40:
        chain.append(chain[-1].head)
    return chain


def _down_cost(path: Sequence[Token]) -> float | None:
    """Cost of the downward path ``path[0]`` (the top) -> ... -> ``path[-1]`` (the place's head), or None
    when it goes through a blocking preposition or clause."""
    for child in path[1:]:
        if child.dep_ in BLOCKING_DEPS:
            return None
        if child.dep_ == "prep" and child.lower_ in BLOCKING_PREPS:
            return None
    extra = sum(CLAUSE_COST for child in path[1:] if child.dep_ in CLAUSE_DEPS)
    place = path[-1]
    if place.dep_ == "pobj" and place.head.lower_ == "of" and place.head.head.lower_ in DIRECTIONS:
        extra += REFERENCE_COST
    return float(len(path) - 1) + extra


def link_cost(trigger: Token, place_root: Token) -> float | None:
    """How far the place is from the trigger along the parse, or None when the path does not link them."""
    if place_root.sent.start != trigger.sent.start:
        return None
    up_from_place = _ancestors(place_root)
    up_from_trigger = _ancestors(trigger)
    trigger_chain = {t.i: n for n, t in enumerate(up_from_trigger)}
    for n, token in enumerate(up_from_place):
        if token.i in trigger_chain:
            steps_up = trigger_chain[token.i]
            down = _down_cost(list(reversed(up_from_place[: n + 1])))
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
    best: tuple[float, int, int] | None = None
    chosen = None
    sent = trigger.sent
    doc = trigger.doc
    for mention in places:
        if mention.use != "place" or not (sent.start <= mention.root < sent.end):
            continue
        if (mention.start, mention.end) in exclude:
            continue
        cost = link_cost(trigger, doc[mention.root])
        if cost is None:
            continue
        kind = mention.place.kind if mention.place is not None else None
        key = (cost, KIND_RANK[kind], mention.start)
        if best is None or key < best:
            best, chosen = key, mention
    return chosen
