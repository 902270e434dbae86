"""The ``merge`` stage.

Two proposed events are the same event when they have the same CAMEO code and the same source and target
(same coreference cluster, or same country, type and name) and do not carry different dates. The first
mention in the text is kept as the evidence; later sentences that state it again (a headline repeated in the
body, a quote) become ``other_mentions``. Within one sentence, several triggers for one act ("took to the
streets and demanded") also collapse, keeping the more specific code.
"""

from __future__ import annotations

from eventwire.document import Actor, Document, Event
from eventwire.events.stage import DOMESTIC_KIND, PLACE_KIND
from eventwire.resources import Resources


def actor_key(actor: Actor | None) -> tuple[object, ...]:
    if actor is None:
        return (None,)
    if actor.entity_id is not None:
        return ("entity", actor.entity_id)
    return (actor.country, actor.type, (actor.name or "").lower() or None)


UNREALISED_STATUSES = frozenset({"requested", "denied", "hypothetical"})
"""Statuses of an act that the text does not present as having happened: an act asked for ("prosecutors asked
for X to be jailed"), denied or conditional is a different event from the same act stated as done ("X was
jailed"), even with the same code and actors."""


def realisation(event: Event) -> str:
    return event.status if event.status in UNREALISED_STATUSES else "realised"


def event_key(event: Event) -> tuple[object, ...]:
    return (event.cameo, actor_key(event.source), actor_key(event.target), realisation(event))


def merge_events(doc: Document, resources: Resources) -> None:
    kept: list[Event] = []
    by_key: dict[tuple[object, ...], list[Event]] = {}
    # in order of first mention (a merged event keeps the sentence and trigger of its first mention)
    for event in sorted(doc.events, key=lambda e: (e.sent_index, e.trigger.start, e.evidence.start)):
        same = [k for k in by_key.get(event_key(event), []) if not _dates_differ(k, event)]
        if same:
            _absorb(same[0], event)
            continue
        by_key.setdefault(event_key(event), []).append(event)
        kept.append(event)
    kept = _merge_partial_repeats(kept)
    kept = _merge_protest_demands(kept)
    kept = _merge_verdicts(kept)
    if has_headline(doc.original):
        # a lead sentence is a full statement: only the same act (same code and actors) joins it
        kept = _merge_headline(kept)
        for event in kept:
            _prefer_body_evidence(event)
    kept.sort(key=lambda e: (e.evidence.start, e.trigger.start))
    for n, event in enumerate(kept, 1):
        event.id = f"e{n}"
    doc.events = kept


HEADLINE_MAX_CHARS = 130
"""A first line longer than this is the article's lead sentence, not a headline (headlines run to 60-110
characters)."""


def has_headline(original: str) -> bool:
    """The first sentence is a headline when it stands on a short first line of its own; an article that
    opens with its full lead sentence ("X said on Monday that ...") has none, and that sentence is the first
    statement of its events."""
    text = original.lstrip()
    if "\n" not in text:
        return False
    return len(text.split("\n", 1)[0].strip()) <= HEADLINE_MAX_CHARS


def _dates_differ(a: Event, b: Event) -> bool:
    return bool(a.date and b.date and a.date != b.date)


def _absorb(keep: Event, other: Event) -> None:
    for span in (other.evidence, *other.other_mentions):
        if span != keep.evidence and span not in keep.other_mentions:
            keep.other_mentions.append(span)
    keep.date = keep.date or other.date
    keep.date_precision = keep.date_precision or other.date_precision
    keep.date_span = keep.date_span or other.date_span
    if keep.location is None:
        keep.location, keep.other_locations = other.location, other.other_locations
    keep.attributed_to = keep.attributed_to or other.attributed_to
    if not keep.quantities:
        keep.quantities = other.quantities
    keep.confidence = min(1.0, max(keep.confidence, other.confidence) + 0.05)


ROOT_FAMILIES = ({"02", "10"}, {"11", "12", "13"}, {"03", "05"}, {"18", "19", "20"})
"""Roots close enough that a headline's wording and the body's may differ ("asked" / "demanded")."""


def _roots_compatible(a: str, b: str) -> bool:
    return a == b or any(a in fam and b in fam for fam in ROOT_FAMILIES)


def _prefer_body_evidence(event: Event) -> None:
    """A headline event that the body restates takes the body sentence as its evidence and keeps the
    headline among the other mentions (its trigger stays the headline's word)."""
    if event.sent_index != 0 or not event.other_mentions:
        return
    if event.evidence.start > min(m.start for m in event.other_mentions):
        return  # already the body sentence
    body = event.other_mentions[0]
    event.other_mentions[0] = event.evidence
    event.evidence = body
    event.other_mentions.sort(key=lambda span: span.start)


def _unnamed(target: Actor | None) -> bool:
    """No target, or only an implicit one the events stage infers: the domestic one of protests and curfews,
    the country where force was used."""
    return target is None or target.kind in {DOMESTIC_KIND, PLACE_KIND}


def _merge_partial_repeats(events: list[Event]) -> list[Event]:
    """In one sentence, an event without a target that repeats another's root and source is the same act
    stated with less ("met X ... and discussed"): it joins the fuller one, or the first of them when none
    names a target ("stayed away from work to protest": one protest)."""
    kept: list[Event] = []
    for event in events:
        fuller = None
        if _unnamed(event.target):
            fuller = next((k for k in events if k is not event and _fuller_repeat(k, event)), None)
            fuller = fuller or next((k for k in kept if _same_act_in_sentence(k, event)), None)
        if fuller is not None:
            _absorb(fuller, event)
        else:
            kept.append(event)
    return kept


def _fuller_repeat(candidate: Event, event: Event) -> bool:
    return not _unnamed(candidate.target) and _same_act_in_sentence(candidate, event)


def _same_act_in_sentence(candidate: Event, event: Event) -> bool:
    return (
        candidate.sent_index == event.sent_index
        and candidate.cameo_root == event.cameo_root
        and actor_key(candidate.source) == actor_key(event.source)
    )


PROTEST_ROOT = "14"
DEMAND_ROOTS = frozenset({"02", "10"})


def _merge_protest_demands(events: list[Event]) -> list[Event]:
    """A protest and the demand it voices, in one sentence by the same source ("took to the streets and
    demanded that X ...", "marched to demand X's release"), are one act: the protest. Its target is the
    demand's when the protest has none of its own."""
    protests = [e for e in events if e.cameo_root == PROTEST_ROOT]
    if not protests:
        return events
    kept: list[Event] = []
    for event in events:
        protest = None
        if event.cameo_root in DEMAND_ROOTS:
            protest = next(
                (
                    p
                    for p in protests
                    if p.sent_index == event.sent_index
                    and _same_party(p.source, event.source)
                    and (_unnamed(p.target) or _unnamed(event.target) or _same_party(p.target, event.target))
                ),
                None,
            )
        if protest is None:
            kept.append(event)
            continue
        if _unnamed(protest.target) and not _unnamed(event.target):
            protest.target = event.target
        _absorb(protest, event)
    return kept


VERDICT_CODES = ("173", "116")
"""One court verdict stated with two verbs ("found X guilty and sentenced him", "convicted X and sentenced
him"): 116 (find guilty) and 173 (sentence, imprison). ANNOTATION.md codes the verdict once, roots 17 or
11; the first listed code is the one kept."""


def _same_party(a: Actor | None, b: Actor | None) -> bool:
    """The same actor, or two mentions of one (a name and a pronoun) with the same country and type."""
    if a is None or b is None:
        return a is b
    return actor_key(a) == actor_key(b) or (a.country, a.type) == (b.country, b.type)


def _merge_verdicts(events: list[Event]) -> list[Event]:
    kept: list[Event] = []
    for event in events:
        if event.cameo in VERDICT_CODES:
            twin = next(
                (
                    k
                    for k in kept
                    if k.cameo in VERDICT_CODES
                    and k.cameo != event.cameo
                    and k.sent_index == event.sent_index
                    and _same_party(k.source, event.source)
                    and _same_party(k.target, event.target)
                ),
                None,
            )
            if twin is not None:
                if VERDICT_CODES.index(event.cameo) < VERDICT_CODES.index(twin.cameo):
                    twin.cameo, twin.rule, twin.plover = event.cameo, event.rule, event.plover
                    twin.goldstein, twin.quad_class = event.goldstein, event.quad_class
                _absorb(twin, event)
                continue
        kept.append(event)
    return kept


def _country(actor: Actor | None) -> str | None:
    return actor.country if actor is not None else None


def _headline_repeat(body: Event, headline: Event) -> bool:
    """A body event that the headline restates: compatible root, same source country, and the same
    target country unless one of them has no target."""
    if body.sent_index == 0 or not _roots_compatible(body.cameo_root, headline.cameo_root):
        return False
    if realisation(body) != realisation(headline):
        return False  # the act done and the same act asked for (or denied) are two events
    if _country(body.source) != _country(headline.source):
        return False
    if _unnamed(body.target) or _unnamed(headline.target):
        return True
    return _country(body.target) == _country(headline.target)


def _merge_headline(events: list[Event]) -> list[Event]:
    """Headline events (first sentence) join a body event that restates them."""
    kept: list[Event] = []
    for event in events:
        body = None
        if event.sent_index == 0:
            body = next((k for k in events if _headline_repeat(k, event)), None)
        if body is not None:
            _absorb(body, event)
            body.other_mentions.sort(key=lambda span: span.start)  # the headline first
        else:
            kept.append(event)
    return kept
