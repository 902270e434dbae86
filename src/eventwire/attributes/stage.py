"""The ``attributes`` stage: CAMEO facts, status, attribution, date, location and quantities of each event."""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.attributes.dates import find_dates
from eventwire.attributes.places import event_locations
from eventwire.attributes.quantities import find_quantities
from eventwire.attributes.status import decide_status
from eventwire.document import Document, Event, Quantity
from eventwire.geo import PlaceMention, find_places
from eventwire.resources import Resources
from eventwire.stage_errors import require_parse

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span, Token

LOCATION_ROOTS = frozenset({"04", "14", "15", "17", "18", "19", "20"})
"""Roots whose events happen somewhere in particular; statements and appeals get no location."""


def add_attributes(doc: Document, resources: Resources) -> None:
    parsed = require_parse(doc)
    sents = list(parsed.sents)
    places: list[PlaceMention] | None = None  # found once, when an event needs a location
    for event in doc.events:
        facts = resources.cameo.get(event.cameo)
        event.plover = facts.plover
        event.goldstein = facts.goldstein
        event.quad_class = facts.quad_class
        trigger = parsed[event.trigger_token]
        sent = sents[event.sent_index]
        result = decide_status(trigger, resources.lexicon)
        event.status = result.status
        if result.cue:
            event.rule = f"{event.rule};status:{result.cue}"
        if result.attributed_to is not None:
            if event.status == "reported" and _own_statement(doc, event, result.attributed_to, result.cue):
                event.status = "asserted"  # "X supports Y, said X's leader": X's own stance, as made
                event.rule = f"{event.rule}+own-voice"
            else:
                event.attributed_to = doc.span(*result.attributed_to)
        _add_date(doc, event, trigger, sent)
        if event.cameo_root in LOCATION_ROOTS:
            if places is None:
                places = find_places(doc, resources.geocoder)
            located = event_locations(doc, event, trigger, places)
            event.location = located[0] if located else None
            event.other_locations = located[1:]
        event.quantities = _quantities(doc, sent)


STANCE_ROOTS = frozenset({"01", "02", "03", "05", "10", "11", "12", "13"})
"""Roots of acts done by saying: stated by the actor's own side, they are the actor's statement as made
(ANNOTATION.md: asserted), not a claim on someone's word."""
OWN_VOICE_TYPES = frozenset({"GOV", "MIL", "JUD", "COP", "OPP", "REB", "IGO", "NGO"})


def _own_statement(doc: Document, event: Event, sayer: tuple[int, int], cue: str) -> bool:
    """Whether a reported stance was said by its own actor's side: the saying phrase names an actor of the
    source's country (or body) and the source is an institution, not a person speaking for others."""
    source = event.source
    if event.cameo_root not in STANCE_ROOTS or source is None or not cue.startswith("governed:"):
        return False
    if source.country is None or source.type not in OWN_VOICE_TYPES:
        return False
    start, end = sayer
    for mention in doc.mentions:
        if start <= mention.start and mention.end <= end and mention.type in OWN_VOICE_TYPES:
            return mention.country == source.country and mention.type == source.type
    return False


def _add_date(doc: Document, event: Event, trigger: Token, sent: Span) -> None:
    # a planned act's bare weekday or month lies ahead of the publication date ("will visit on Friday")
    future = event.status == "planned"
    found = [
        d
        for d in find_dates(sent.text, doc.pub_date, future=future)
        if not _dates_another_act(trigger, sent, d.start)
    ]
    if not found:
        return
    # prefer a date inside the trigger's own clause, else the one nearest the trigger
    lo, hi = trigger.left_edge.idx - sent.start_char, trigger.right_edge.idx - sent.start_char + 1
    own = [d for d in found if lo <= d.start and d.end <= hi + len(trigger.right_edge.text)]
    rel = trigger.idx - sent.start_char
    best = min(own or found, key=lambda d: abs(d.start - rel))
    if best.iso is None and best.precision is None:
        return
    event.date = best.iso
    event.date_precision = best.precision if best.iso else None
    event.date_span = doc.span(sent.start_char + best.start, sent.start_char + best.end)


RELATIVE_PREPS = frozenset({"after", "before", "since", "following", "until", "prior", "ahead"})
"""A date inside "after the coup at the end of May" dates the coup, not the act the clause is about."""


def _dates_another_act(trigger: Token, sent: Span, start: int) -> bool:
    """True when the date at ``start`` (sentence offset) belongs to another act: it sits in a relative
    clause or in an "after/before/since X" phrase between it and the trigger."""
    doc = trigger.doc
    at = doc.char_span(sent.start_char + start, sent.start_char + start + 1, alignment_mode="expand")
    if at is None:
        return False
    token = at[0]
    for _ in range(12):
        if token.i == trigger.i or token.head.i == token.i:
            return False
        if token.dep_ in {"relcl", "acl"} or (token.dep_ == "prep" and token.lower_ in RELATIVE_PREPS):
            return not any(t.i == token.i for t in trigger.ancestors)
        token = token.head
    return False


def _quantities(doc: Document, sent: Span) -> list[Quantity]:
    out = []
    for q in find_quantities(sent.text):
        span = doc.span(sent.start_char + q.start, sent.start_char + q.end)
        out.append(Quantity(span=span, value=q.value, unit=q.unit, period=q.period))
    return out
