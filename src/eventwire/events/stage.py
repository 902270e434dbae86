"""The ``events`` stage: triggers from the predicate lexicon, actors from the parse."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from eventwire.document import Actor, Document, Event, Mention
from eventwire.events.frames import FUTURE_MODALS, Frame, framed_code, future_frame, governing_frame
from eventwire.events.lexicon import Predicate, PredicateLexicon
from eventwire.events.roles import (
    LIGHT_VERBS,
    SUBJECT_DEPS,
    TIME_ENTITIES,
    agent_of,
    conjuncts,
    content_of,
    drawing_verb,
    is_denied_noun,
    is_figurative,
    is_negated,
    is_passive,
    is_prevented,
    noun_source,
    object_of,
    own_act_doer,
    prep_object,
    sayer_of,
    source_of,
    subject_of,
    target_of,
    voiced_by,
)
from eventwire.resources import Resources
from eventwire.stage_errors import require_parse

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span, Token

ACT_NOUNS = frozenset(
    {"decision", "plan", "policy", "move", "order", "request", "proposal", "call", "statement", "remark",
     "comment", "action", "campaign", "offer", "demand", "initiative", "measure", "assessment", "position",
     "stance", "view", "approach", "claim", "accusation", "allegation", "bid", "effort", "offensive",
     "ouster", "release", "resignation", "removal", "impeachment", "dismissal", "trial", "prosecution",
     "punishment", "return", "withdrawal", "arrest", "rule", "regime",
     "operation", "mission", "push", "drive", "diplomacy", "invitation", "appeal", "ultimatum",
     "recommendation", "resolution", "suggestion", "warning", "threat", "pressure"}
)  # fmt: skip
"""Nouns whose possessor is the actor ("the government's decision" stands for the government)."""
VERB_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ"})
BASE_CONFIDENCE = 0.5
ACTOR_BONUS = 0.15
"""Confidence: 0.5 for a lexicon match, +0.15 for each actor with a known country. Not calibrated yet."""


def find_events(doc: Document, resources: Resources) -> None:
    parsed = require_parse(doc)
    lexicon = resources.lexicon
    dictionaries = resources.dictionaries  # PETRARCH/Phoenix dictionaries (Config.dictionaries), if any
    discarded = dictionaries.prepare(doc) if dictionaries is not None else frozenset()
    events: list[Event] = []
    framed_heads: set[int] = set()
    for sent_index, sent in enumerate(parsed.sents):
        if sent_index in discarded:
            continue  # a sentence (or story) the dictionaries' discard list rules out
        for token in sent:
            predicate = match_predicate(token, lexicon)
            if predicate is None:
                events.extend(_bare_appeals(doc, token, sent_index))
                events.extend(_same_act(doc, token, sent_index, events))
                continue
            if (
                token.pos_ == "NOUN"
                and token.dep_ in {"dobj", "nsubjpass"}
                and _codes_the_noun(token, match_predicate(token.head, lexicon))
            ):
                continue  # "imposed sanctions": the verb codes the act; the noun would repeat it
            if (
                token.pos_ == "NOUN"
                and token.dep_ == "nsubj"
                and _violence_by_violence(token, predicate, lexicon)
            ):
                continue  # "Israeli attacks killed 20 people": one act, coded by the verb
            anchor = _frame_anchor(token)
            frame = governing_frame(anchor) or future_frame(anchor)
            if frame is not None and frame.kind == "future" and is_negated(anchor):
                # "will not accept more refugees": an announced refusal (a conflictive act is just dropped)
                if framed_code("refusal", predicate.cameo) is None:
                    continue
                frame = Frame("refusal", frame.head)
            elif token.pos_ in {"VERB", "NOUN"} and _negated(token, frame):
                continue
            if predicate.cameo == "016" and is_passive(token):
                continue  # "were denied an education" is a refusal done to them, not a denial they made
            found = _events_for(doc, token, predicate, sent_index, lexicon)
            if frame is not None and frame.kind == "future" and not _own_announcement(doc, frame, found):
                frame = None
            if frame is not None and frame.kind in {"future", "vow"} and _conditional(token):
                frame = Frame("threat", frame.head)  # "will withdraw its force unless X holds elections"
            if frame is not None and found:
                # the frame verb is not coded by its own row either way ("refused to attack": no event)
                framed_heads.add(frame.head.i)
                found = _apply_frame(doc, frame, found)
            events.extend(found)
            events.extend(_reverse_events(found, predicate))
            events.extend(_appeals_for(doc, token, found))
    _address_requests(doc, events)
    # a frame verb whose complement was coded ("refused to lift", "threatened to cut") is not coded again
    # by its own lexicon row ("refuse" -> 120 with no target)
    doc.events = [
        e for e in events if not (e.trigger_token in framed_heads and FRAME_RULE_MARK not in e.rule)
    ]


FRAME_RULE_MARK = ";frame:"
REQUEST_ROOTS = frozenset({"02", "10"})


NOT_ASKED_PREPS = frozenset({"in", "as", "over"})
"""Prepositions of phrases beside what a request asks for: "in retaliation for X's move", "as X did"."""


def _walk(trigger: Token, enter: Callable[[Token], bool]) -> Iterator[Token]:
    """``trigger`` and the tokens below it, breadth first, going into a child only when ``enter`` says so:
    the phrase of one act, without the clauses and phrases the caller leaves out."""
    frontier = deque([trigger])
    while frontier:
        token = frontier.popleft()
        yield token
        frontier.extend(c for c in token.children if enter(c))


def _asked_tokens(trigger: Token) -> set[int]:
    """The tokens of what a request asks for: its object and complements, not its adverbial clauses or
    phrases of time, cause or manner ("calling for talks in retaliation for X's deployment": not X's)."""

    def enter(c: Token) -> bool:
        circumstance = c.dep_ in {"prep", "pcomp"} and c.lower_ in CIRCUMSTANCE_WORDS | NOT_ASKED_PREPS
        return c.dep_ not in {"advcl", "relcl", "parataxis", "npadvmod"} and not circumstance

    return {t.i for t in _walk(trigger, enter)} - {trigger.i}


def _address_requests(doc: Document, events: list[Event]) -> None:
    """An appeal or demand that names no addressee is made of whoever must do the act it asks for: "called
    for the former president's release" asks it of the authorities holding her (the release's source,
    named or implicit), as CAMEO codes "X called on Y to do Z" as X -> Y."""
    parsed = require_parse(doc)
    for request in events:
        if request.target is not None or request.cameo[:2] not in REQUEST_ROOTS or request.trigger_token < 0:
            continue
        asked = _asked_tokens(parsed[request.trigger_token])
        for act in events:
            if act.trigger_token not in asked or act.source is None or act.cameo[:2] in REQUEST_ROOTS:
                continue
            if request.source is not None and _same_actor(request.source, act.source):
                continue
            request.target = act.source
            break


def _codes_the_noun(noun: Token, verb_predicate: Predicate | None) -> bool:
    """Whether the verb above a noun trigger codes the act the noun names ("imposed sanctions"). A demand
    or appeal does not: the act asked for is an event of its own ("demanded the release of X": a demand,
    and a requested release)."""
    if verb_predicate is None:
        return False
    return verb_predicate.cameo[:2] not in REQUEST_ROOTS


VIOLENT_ROOTS = frozenset({"18", "19", "20"})


def _violence_by_violence(noun: Token, predicate: Predicate, lexicon: PredicateLexicon) -> bool:
    """A violent act named by a noun that is the subject of a violent verb ("air strikes killed ...")."""
    verb = match_predicate(noun.head, lexicon)
    return predicate.cameo[:2] in VIOLENT_ROOTS and verb is not None and verb.cameo[:2] in VIOLENT_ROOTS


def _frame_anchor(token: Token) -> Token:
    """The verb whose complement relation places ``token`` under a frame: the token itself, or the light
    verb of a noun trigger ("threatened to launch an offensive")."""
    if token.pos_ == "NOUN" and token.dep_ in {"dobj", "obj"} and token.head.lemma_.lower() in LIGHT_VERBS:
        return token.head
    return token


def _negated(token: Token, frame: Frame | None) -> bool:
    """Negation drops the act ("did not sign", "no request"); a refusal frame recodes it instead ("refused
    to sign")."""
    if token.pos_ == "NOUN":
        if _frame_anchor(token) is not token and is_prevented(_frame_anchor(token)):
            return True  # "prevented the opposition from holding a rally"
        return is_denied_noun(token)
    if frame is None or frame.kind != "refusal":
        return is_negated(token)
    return any(c.dep_ == "neg" for c in token.children) or any(c.dep_ == "neg" for c in frame.head.children)


THIRD_PARTY_REPORTERS = frozenset(
    {"source", "witness", "resident", "analyst", "observer", "expert", "report", "media", "newspaper",
     "diplomat", "insider", "activist", "rescuer"}
)  # fmt: skip
"""Reporters who tell of others' plans ("sources said X will ..."): what they report is no announcement."""


def _own_announcement(doc: Document, frame: Frame, found: list[Event]) -> bool:
    """A future act is an announced intent or threat only in its actor's own voice: "Israel will evacuate
    the settlements, a spokesman said", not "sources explained that the mercenaries will train the army"
    (a planned act that others report). The reporter must name no other country than the actor."""
    sayer = sayer_of(frame.head)
    if sayer is None or not found or found[0].source is None:
        return True
    if sayer.lemma_.lower() in THIRD_PARTY_REPORTERS:
        return False
    speaker = actor_for(doc, sayer)
    if speaker is None:
        return True
    actor = found[0].source
    return not (speaker.country and actor.country and speaker.country != actor.country)


def _apply_frame(doc: Document, frame: Frame, found: list[Event]) -> list[Event]:
    """Recode the complement's events as intents, threats or refusals (see :mod:`eventwire.events.frames`).
    Threats, refusals and cessations take the frame verb as their trigger: that is what happened."""
    head = frame.head
    out = []
    for event in found:
        code = framed_code(frame.kind, event.cameo)
        if code is None:
            return []
        event.cameo = code
        event.rule += f"{FRAME_RULE_MARK}{frame.kind}:{head.lemma_.lower()}"
        if frame.kind in {"threat", "refusal", "cessation"}:
            event.trigger = doc.span(head.idx, head.idx + len(head.text))
            event.trigger_token = head.i
        out.append(event)
    return out


SAME_ACT_NOUNS = frozenset({"measure", "step", "move", "action", "decision"})
SAME_ACT_MARKS = frozenset({"such", "same", "similar"})
SAME_ACT_VERBS = {"follow": "suit", "do": "same"}
"""Anaphoric acts: "such a measure was also taken by X", "Y adopted the same measure", "Z followed suit"."""
MAX_SAME_ACT_DISTANCE = 2
"""How many sentences back the act that "such a measure" repeats may be (chosen on gwn-277; re-run
benchmarks/dev_score.py when changing it)."""


def _same_act(doc: Document, token: Token, sent_index: int, events: list[Event]) -> list[Event]:
    """The act of a recent event repeated by other actors: one event per new actor, with the earlier event's
    code and target."""
    lemma = token.lemma_.lower()
    if lemma in SAME_ACT_NOUNS and any(c.lower_ in SAME_ACT_MARKS for c in token.children):
        verb = token.head if token.dep_ in {"dobj", "nsubjpass"} and token.head.pos_ == "VERB" else None
    elif token.pos_ == "VERB" and any(
        c.dep_ == "dobj" and c.lower_ == SAME_ACT_VERBS.get(lemma) for c in token.children
    ):
        verb = token
    else:
        return []
    if verb is None or is_negated(verb) or _named_in_place(verb) or _named_in_place(token):
        return []
    actor_head = source_of(verb)
    earlier = [e for e in events if sent_index - MAX_SAME_ACT_DISTANCE <= e.sent_index < sent_index]
    if actor_head is None or not earlier:
        return []
    model = earlier[-1]
    if model.target is None or model.cameo[:2] in SYMMETRIC_ROOTS:
        return []
    sources = [a for a in _member_actors(doc, conjuncts(actor_head)) if a is not None]
    _fill_countries(doc, verb, sent_index, [*sources])
    sent = require_parse(doc)[token.i].sent
    out = []
    for source in sources:
        if model.source is not None and _same_actor(source, model.source):
            continue
        out.append(
            replace(
                model,
                source=source,
                target=replace(model.target),
                evidence=doc.span(sent.start_char, sent.end_char),
                trigger=doc.span(token.idx, token.idx + len(token.text)),
                rule=f"same-act:{lemma}<{model.rule}",
                sent_index=sent_index,
                trigger_token=token.i,
                other_mentions=[],
            )
        )
    return out


def _named_in_place(token: Token) -> bool:
    """ "adopted the same measure, by recalling its ambassador": the act is coded from its own verb."""
    by_phrases = (c for c in token.children if c.dep_ == "prep" and c.lower_ == "by")
    return any(g.tag_ == "VBG" for c in by_phrases for g in c.children)


OBLIGATION_MODALS = {"should": "020", "must": "100", "ought": "020"}
"""'X should release Y,' Z said: Z's appeal (02) or demand (10, for "must") that X act; the act itself is
requested (see attributes.status)."""


def _bare_appeals(doc: Document, token: Token, sent_index: int) -> list[Event]:
    """The demand in "X must cooperate with the inspectors," Y said: Y asks X even when the act asked for
    has no code of its own. Only for a verb with an obligation modal, not negated, whose subject is an
    actor, in a clause reported by an actor."""
    if token.pos_ not in {"VERB", "AUX"} or is_negated(token) or _obligation_modal(token) is None:
        return []
    subject = subject_of(token)
    if subject is None or subject.lower_ in {"you", "we", "i", "it", "this", "that"}:
        return []
    addressee = actor_for(doc, subject)
    if addressee is None:
        return []
    _fill_countries(doc, token, sent_index, [addressee])
    parsed = require_parse(doc)
    sent = parsed[token.i].sent
    placeholder = Event(
        doc=doc.doc_id,
        cameo="000",
        source=addressee,
        target=None,
        evidence=doc.span(sent.start_char, sent.end_char),
        trigger=doc.span(token.idx, token.idx + len(token.text)),
        rule="",
        confidence=BASE_CONFIDENCE,
        sent_index=sent_index,
        trigger_token=token.i,
    )
    return _appeals_for(doc, token, [placeholder])


def _obligation_modal(token: Token) -> str | None:
    return next((c.lower_ for c in token.children if c.dep_ == "aux" and c.lower_ in OBLIGATION_MODALS), None)


def _appeals_for(doc: Document, trigger: Token, events: list[Event]) -> list[Event]:
    modal = _obligation_modal(trigger)
    if modal is None or not events:
        return []
    sayer = sayer_of(trigger)
    if sayer is None:
        return []
    speaker = actor_for(doc, sayer)
    if speaker is None:
        return []
    _fill_countries(doc, sayer.head, events[0].sent_index, [speaker])
    say = sayer.head
    say_span = doc.span(say.idx, say.idx + len(say.text))
    out = []
    seen: set[tuple[str | None, str | None]] = set()
    for event in events:
        addressee = event.source
        key = (addressee.country, addressee.type) if addressee else (None, None)
        if key in seen or (addressee is not None and _same_actor(speaker, addressee)):
            continue
        seen.add(key)
        out.append(
            Event(
                doc=doc.doc_id,
                cameo=OBLIGATION_MODALS[modal],
                source=speaker,
                target=addressee,
                evidence=event.evidence,
                trigger=say_span,
                rule=f"appeal:{modal}+{say.lemma_}",
                confidence=event.confidence,
                sent_index=event.sent_index,
                trigger_token=say.i,
            )
        )
    return out


def match_predicate(token: Token, lexicon: PredicateLexicon) -> Predicate | None:
    if token.pos_ == "VERB" or (token.tag_ in VERB_TAGS and token.pos_ != "AUX"):
        pos = "VERB"
    elif token.pos_ == "NOUN":
        if is_figurative(token):
            return None
        pos = "NOUN"
    elif token.pos_ == "ADJ" and token.dep_ == "acomp":
        pos = "ADJ"
    else:
        return None
    if pos == "VERB" and token.dep_ == "pobj" and token.tag_ != "VBG":
        return None  # a noun the tagger took for a verb: "languish in Azerbaijani jails"
    if pos == "VERB" and lexicon.patterns is not None:
        found = lexicon.patterns.match(token)  # dictionary verb patterns come before the lexicon rows
        if found is not None:
            return found if found.cameo else None  # no code: the dictionaries list the verb as no event
    lemma = token.lemma_.lower()
    candidates = lexicon.candidates(lemma, pos)
    if not candidates and pos == "NOUN":
        candidates = lexicon.candidates(token.lower_, pos)  # plural-only nouns: "talks"
    for predicate in candidates:
        if all(_cue_holds(token, cue.key, cue.arg, cue.lemmas, cue.negated) for cue in predicate.cues):
            return predicate
    return None


GENERIC_ACT_HEADS = frozenset(
    {"effort", "process", "programme", "program", "initiative", "bid", "agreement", "accord", "deal", "pact"}
)


def _cue_holds(
    token: Token, key: str, arg: str | None, lemmas: frozenset[str], negated: bool = False
) -> bool:
    def ok(t: Token) -> bool:
        listed = t.lemma_.lower() in lemmas or t.lower_ in lemmas
        if negated:
            return not listed
        return not lemmas or listed

    if key == "obj":
        obj = object_of(token) if token.pos_ == "VERB" else None
        if lemmas == {"none"} and not negated:
            return obj is None
        if obj is None:
            return False
        # "providing aerial photographs and other military intelligence": any of the coordinated objects
        if any(ok(o) or ok(content_of(o)) for o in [obj, *obj.conjuncts]):
            return True
        # "ended mediation efforts", "suspended aid programmes": the modifier of a generic head names the act
        return obj.lemma_.lower() in GENERIC_ACT_HEADS and any(
            c.dep_ == "compound" and ok(c) for c in obj.children
        )
    if key == "prt":
        return any(c.dep_ == "prt" and ok(c) for c in token.children)
    if key == "subj":
        # the subject, or a modifier of it: "peacekeepers arrived", "peacekeeping troops arrived", "the
        # first contingent of peacekeepers arrived"
        subject = subject_of(token) if token.pos_ == "VERB" else None
        if subject is None:
            return False
        heads = [subject, *(o for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"
                            for o in c.children if o.dep_ == "pobj")]  # fmt: skip
        return any(ok(h) or any(c.dep_ in {"amod", "compound"} and ok(c) for c in h.children) for h in heads)
    if key == "gerund":
        # a preposition (one of ``lemmas``) with a gerund clause: "prevented X from signing"
        return any(
            c.dep_ == "prep" and ok(c) and any(g.dep_ == "pcomp" and g.tag_ == "VBG" for g in c.children)
            for c in token.children
        )
    if key == "xcomp":
        # an infinitive complement; the parser often attaches "wants X to go" as ccomp
        return any(
            (c.dep_ == "xcomp" or (c.dep_ == "ccomp" and any(a.lower_ == "to" for a in c.children))) and ok(c)
            for c in token.children
        )
    if key == "mod":
        # a noun's modifier: "combat missions", "air strikes"
        return any(c.dep_ in {"amod", "compound"} and ok(c) for c in token.children)
    if key == "oprd":
        return any(
            c.dep_ in {"oprd", "acomp", "xcomp", "ccomp"} and ok(c) for c in token.subtree if c.head == token
        )
    if key == "prep":
        hosts = [token]
        if token.pos_ == "NOUN" and token.dep_ == "dobj" and token.head.lemma_.lower() in LIGHT_VERBS:
            hosts.append(token.head)  # "opened a hearing on Monday into X": the phrase hangs on the verb
        for c in (c for host in hosts for c in host.children):
            if c.dep_ in {"prep", "dative", "agent"} and arg is not None and c.lower_ in arg.split("|"):
                if not lemmas:
                    # any object but a time: "called on X", not "called ... on Thursday"
                    if any(o.ent_type_ not in {"DATE", "TIME"} for o in _prep_objects(c)):
                        return True
                    continue
                if any(ok(o) for o in _prep_objects(c)):
                    return True
        if lemmas and not negated and arg is not None and token.pos_ == "VERB":
            # "stripped the monk of his citizenship": the parser hangs the phrase on the object
            for obj in token.children:
                if obj.dep_ != "dobj":
                    continue
                for c in obj.children:
                    if c.dep_ == "prep" and c.lower_ in arg.split("|"):
                        if any(o.dep_ == "pobj" and ok(o) for o in c.children):
                            return True
        return False
    return False


def _prep_objects(prep: Token) -> list[Token]:
    """The objects of a preposition, also of a two-word one ("out of the country": "out" -> "of" -> X)."""
    found = [o for o in prep.children if o.dep_ == "pobj"]
    if not found:
        found = [o for c in prep.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children
                 if o.dep_ == "pobj"]  # fmt: skip
    return found


def _events_for(
    doc: Document, trigger: Token, predicate: Predicate, sent_index: int, lexicon: PredicateLexicon
) -> list[Event]:
    parsed = require_parse(doc)
    passive = trigger.pos_ == "VERB" and is_passive(trigger)
    src_head, tgt_head = _heads(doc, trigger, predicate, passive)
    targets: list[Actor | None]
    if tgt_head is None:
        if not _has_content(trigger, predicate) or predicate.needs_target:
            return []
        targets = [None]
    else:
        tgt_heads = (
            [tgt_head] if src_head is not None and src_head in conjuncts(tgt_head) else conjuncts(tgt_head)
        )
        targets = [a for a in _member_actors(doc, tgt_heads) if a is not None] or [None]
        if targets == [None] and predicate.needs_target:
            return []
        aimed_at_thing = predicate.target_slots[0] == "obj" and predicate.cameo[:2] not in FORCE_ROOTS
        if targets == [None] and (aimed_at_thing or predicate.cameo[:2] in VERBAL_ROOTS):
            # the act is aimed at a thing, not an actor ("released a list", "critical of the agreement"),
            # unless the thing is an act: "condemned the coup" is an event with no named target
            if not (predicate.cameo[:2] in ACT_OBJECT_ROOTS and _names_an_act(tgt_head, lexicon)):
                if predicate.cameo[:2] not in THING_OBJECT_ROOTS:
                    return []
    if src_head is None:
        implicit = _implicit_source(doc, trigger, predicate, passive, targets[0])
        implicit = implicit or _unattributed_attack(doc, trigger, predicate, None, passive)
        if implicit is None:
            return []
        sources = [implicit]
    else:
        heads = (
            [src_head] if tgt_head is not None and tgt_head in conjuncts(src_head) else conjuncts(src_head)
        )
        sources = [a for a in _member_actors(doc, heads) if a is not None]
        if not sources:
            attack = _unattributed_attack(doc, trigger, predicate, src_head, passive)
            sources = [attack] if attack is not None else []
    if not sources:
        return []
    _fill_countries(doc, trigger, sent_index, [*sources, *targets])
    sent = parsed[trigger.i].sent
    evidence = doc.span(sent.start_char, sent.end_char)
    trig = doc.span(trigger.idx, trigger.idx + len(trigger.text))
    out = []
    for source in sources:
        acting = _official_protest(trigger, predicate, source)
        for target in targets:
            if target is None:
                target = _domestic_target(doc, trigger, acting, source, sent_index)
            if target is None and tgt_head is not None:
                target = _maker_target(doc, tgt_head, acting, sent_index)
            if target is None and (tgt_head is None or actor_for(doc, tgt_head) is None):
                target = _foreign_place_target(doc, trigger, acting, source, src_head)
            if target is not None and (_same_actor(source, target) or _self_pronoun(source, target)):
                continue
            if not _political(acting, source, target):
                continue
            confidence = BASE_CONFIDENCE + ACTOR_BONUS * (source.country is not None)
            if target is not None:
                confidence += ACTOR_BONUS * (target.country is not None)
            cameo, rule = _restriction(trigger, acting, source, target)
            out.append(
                Event(
                    doc=doc.doc_id,
                    cameo=cameo,
                    source=source,
                    target=target,
                    evidence=evidence,
                    trigger=trig,
                    rule=rule,
                    confidence=min(confidence, 1.0),
                    sent_index=sent_index,
                    trigger_token=trigger.i,
                )
            )
    return out


STATE_TYPES = frozenset({"GOV", "MIL", "COP", "JUD"})
OBSTRUCTION = "120"
RESTRICTION = "172"
DEMONSTRATION = "141"
OFFICIAL_COMPLAINT = "114"
OFFICIAL_TYPES = frozenset({"GOV", "JUD", "IGO"})


def _official_protest(trigger: Token, predicate: Predicate, source: Actor) -> Predicate:
    """A government, court or international body that "protests" something complains officially (114);
    only people demonstrate (141). Said of the verb "protest" alone: "Mali took to the streets" or "Chile
    marched" are its people."""
    if (
        predicate.cameo == DEMONSTRATION
        and trigger.lemma_.lower() == "protest"
        and source.type in OFFICIAL_TYPES
    ):
        return replace(predicate, cameo=OFFICIAL_COMPLAINT)
    return predicate


def _restriction(
    trigger: Token, predicate: Predicate, source: Actor, target: Actor | None
) -> tuple[str, str]:
    """The code and rule of an event: an obstruction ("blocked X from visiting", 120) that a state body does
    to its own people, parties or press is a restriction on them (172), as CAMEO codes bans and bars."""
    if (
        predicate.cameo != OBSTRUCTION
        or not _cue_holds(trigger, "gerund", None, frozenset({"from"}))
        or source.type not in STATE_TYPES
        or target is None
        or target.type in STATE_TYPES | {"IGO"}
        or target.country is None
        or target.country != source.country
    ):
        return predicate.cameo, predicate.rule
    return RESTRICTION, f"{predicate.rule};restriction"


PLURAL_TAGS = frozenset({"NNS", "NNPS"})


def _member_actors(doc: Document, heads: list[Token]) -> list[Actor | None]:
    """The actors of ``heads``; a plural role with coordinated members ("the governors of Texas, Arizona and
    New Mexico", "the foreign ministers of France and Germany") is one actor per member, of the role's type
    (one event per source-target pair, as ANNOTATION.md asks)."""
    if len(heads) == 1 and heads[0].tag_ in PLURAL_TAGS:
        role = actor_for(doc, heads[0])
        inner = next(
            (o for c in heads[0].children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children
             if o.dep_ == "pobj"),
            None,
        )  # fmt: skip
        members = conjuncts(inner) if inner is not None else []
        if role is not None and len(members) > 1 and all(m.i in doc.mention_at for m in members):
            found = [actor_for(doc, m) for m in members]
            # each member is named by its own words, so that the merge stage keeps them apart
            return [
                replace(a, type=role.type or a.type, name=a.name or a.span.text) if a is not None else None
                for a in found
            ]
    return [actor_for(doc, t) for t in heads]


def _heads(
    doc: Document, trigger: Token, predicate: Predicate, passive: bool
) -> tuple[Token | None, Token | None]:
    """The head tokens of the source and target phrases of ``trigger``."""
    if predicate.source == "sayer":
        return sayer_of(trigger), source_of(trigger)
    src_head = prep_object(trigger, "from") if predicate.source == "from" else None
    src_head = src_head or source_of(trigger)
    requested = predicate.cameo[:2] in {"02", "03", "10"}
    if src_head is not None and trigger.pos_ == "NOUN" and src_head.tag_ == "PRP$" and not requested:
        # "X raised his concerns": X, not whatever "his" resolves to (a request keeps its possessor: the
        # one who considers "Russia's request" is its addressee, see below)
        doer = own_act_doer(trigger)
        if doer is not None and actor_for(doc, doer) is not None:
            src_head = doer
    if src_head is None and trigger.pos_ == "NOUN" and predicate.cameo[:2] in VERBAL_ROOTS:
        src_head = voiced_by(trigger, lambda t: _is_place(doc, t))  # "criticism from X", "drew ... from X"
    if src_head is None and trigger.pos_ == "NOUN" and predicate.cameo[:2] in SYMMETRIC_ROOTS:
        # "X says talks with Y aim to ...": the one who tells of its own talks or deal takes part in them
        sayer = sayer_of(trigger)
        if sayer is not None and sayer.lemma_.lower() not in THIRD_PARTY_REPORTERS:
            src_head = sayer
    if (
        (src_head is None or actor_for(doc, src_head) is None)
        and _subjectless_gerund(trigger)
        and predicate.cameo[:2] in SYMMETRIC_ROOTS
    ):
        # "the minister said strengthening cooperation with Russia is a priority": the speaker's side
        # means to cooperate; no one else is named as doing it
        sayer = sayer_of(trigger)
        if sayer is not None and sayer.lemma_.lower() not in THIRD_PARTY_REPORTERS:
            src_head = sayer
    if predicate.source.startswith("implicit:") and predicate.target_slots[0] == "subj":
        src_head = None  # the subject undergoes the act ("X is serving a sentence"): the source is implicit
    if predicate.source_at:  # the actor a dictionary pattern's markers point at comes first
        src_head = _first_actor(doc, predicate.source_at, None) or src_head
    tgt_head = _target_head(doc, trigger, predicate.target_slots)
    drawn = drawing_verb(trigger) if trigger.pos_ == "NOUN" else None
    if drawn is not None and (tgt_head is None or actor_for(doc, tgt_head) is None):
        tgt_head = subject_of(drawn) or tgt_head  # "the plan drew criticism": aimed at the plan's maker
    if tgt_head is None and predicate.target_slots[0] == "obj" and passive:
        tgt_head = _nearest_mention_before(doc, trigger)
    if tgt_head is None and predicate.cameo[:2] == "14":
        tgt_head = _purpose_target(doc, trigger)
    if tgt_head is None and trigger.pos_ == "NOUN" and predicate.cameo[:2] in {"02", "03", "10"}:
        # "Britain is considering Russia's request": the request is addressed to the one considering it
        if trigger.dep_ in {"dobj", "nsubjpass"} and trigger.head.pos_ == "VERB":
            tgt_head = subject_of(trigger.head) if trigger.dep_ == "dobj" else agent_of(trigger.head)
    deep = predicate.target_slots[0] != "none" and (
        "required" not in predicate.target_slots or trigger.pos_ == "NOUN"
    )  # a noun's required target may sit inside its phrase: "concern about Russia's buildup"
    if deep and (tgt_head is None or actor_for(doc, tgt_head) is None):
        # an object the row's cue names is what is acted with ("sent mercenaries"), not the target
        theme = object_of(trigger) if any(c.key == "obj" for c in predicate.cues) else None
        # a place is no target of force (see FORCE_ROOTS); "lifted the curfew in Montenegro" aims at it
        places = predicate.cameo[:2] not in FORCE_ROOTS
        start = trigger if trigger.pos_ == "NOUN" else tgt_head or trigger  # "concern about Russia's buildup"
        doers = predicate.cameo[:2] in JUDGED_DOER_ROOTS
        deep_head = _deep_target(doc, start, src_head, theme, places, doers)
        if deep_head is not None and not _own_country_place(doc, deep_head, src_head):
            tgt_head = deep_head
    if tgt_head is None or actor_for(doc, tgt_head) is None:
        tgt_head = _first_actor(doc, predicate.target_at, src_head) or tgt_head  # dictionary patterns
    if (tgt_head is None or actor_for(doc, tgt_head) is None) and _announced(trigger):
        # "threatened to launch an offensive unless Baghdad accepted": the threat is aimed at Baghdad
        tgt_head = _condition_subject(trigger) or tgt_head
    if src_head is not None and _two_sided(trigger, predicate, src_head, tgt_head):
        # "talks between X and Y", "X and Y signed a deal": one side is the source, the other the target
        sides = conjuncts(src_head)
        if len(sides) > 1:
            src_head, tgt_head = sides[0], sides[1]
    return src_head, tgt_head


def _subjectless_gerund(trigger: Token) -> bool:
    """A gerund that names an act with no one doing it: "... is conducive to strengthening ties with X"."""
    if trigger.tag_ != "VBG" or trigger.dep_ not in {"pcomp", "csubj", "pobj", "nsubj"}:
        return False
    return not any(c.dep_ in SUBJECT_DEPS or c.dep_ == "poss" for c in trigger.children)


PLACE_KINDS = frozenset({"country", "capital"})
PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})


def _is_place(doc: Document, token: Token) -> bool:
    """A country, capital or other place ("concern in Germany" says where, not who)."""
    index = doc.mention_at.get(token.i)
    if index is not None and doc.mentions[index].kind in PLACE_KINDS:
        return True
    return token.ent_type_ in PLACE_ENTITIES


def _first_actor(doc: Document, indexes: tuple[int, ...], besides: Token | None) -> Token | None:
    """The first of the tokens a pattern source found that names an actor (not one of ``besides``'s)."""
    parsed = require_parse(doc)
    taken = {t.i for c in conjuncts(besides) for t in c.subtree} if besides is not None else set()
    found = (parsed[i] for i in indexes if i not in taken and actor_for(doc, parsed[i]) is not None)
    return next(found, None)


CONDITION_MARKS = frozenset({"unless", "if"})
ANNOUNCING_LEMMAS = frozenset({"threaten", "warn", "vow", "swear"}) | FUTURE_MODALS
MAX_FRAME_CLIMB = 3
"""How many complement links (xcomp, ccomp, dobj) lie between an act and the verb that announces it."""


def _frame_path(trigger: Token) -> list[Token]:
    """The trigger and the verbs above it through complement links ("threatened to launch an offensive")."""
    path = [trigger]
    current = trigger
    for _ in range(MAX_FRAME_CLIMB):
        if current.dep_ not in {"xcomp", "ccomp", "dobj"} or current.head.i == current.i:
            break
        current = current.head
        path.append(current)
    return path


def _announced(trigger: Token) -> bool:
    """The act is threatened or announced for the future (so a condition names whom it is aimed at)."""
    for token in _frame_path(trigger):
        if token.lemma_.lower() in ANNOUNCING_LEMMAS:
            return True
        if any(c.dep_ == "aux" and c.lower_ in FUTURE_MODALS for c in token.children):
            return True
    return False


def _conditional(trigger: Token) -> bool:
    """An "unless" clause on the act or the verbs announcing it: the announcement is a threat."""
    return any(
        clause.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in clause.children)
        for token in _frame_path(trigger)
        for clause in token.children
    )


def _condition_subject(trigger: Token) -> Token | None:
    """The subject of an "unless" or "if" clause attached to the act or the verbs that announce it, or to the
    act a threat announces ("threatened to stop the talks if the United States goes ahead")."""
    below = [c for c in trigger.children if c.dep_ in {"xcomp", "ccomp"}]
    for token in [*_frame_path(trigger), *below]:
        for clause in token.children:
            if clause.dep_ != "advcl":
                continue
            if not any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in clause.children):
                continue
            subject = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None)
            if subject is not None and subject.lower_ not in {"it", "they", "he", "she", "we", "i", "you"}:
                return subject
    return None


DEEP_FIRST_DEPS = frozenset({"dobj", "dative", "prep", "xcomp", "attr", "oprd", "acomp"})
DEEP_DEPS = DEEP_FIRST_DEPS | {"pobj", "appos", "compound", "amod", "poss", "conj", "acl"}
CIRCUMSTANCE_WORDS = frozenset(
    {"after", "before", "following", "during", "since", "until", "amid", "despite", "because"}
)
"""Words opening a phrase of time or cause under an act: the actors in it take part in another event."""
LOCATIVE_PREPS = frozenset({"in", "at", "near", "inside", "across", "throughout", "around", "outside"})
MAX_TARGET_DEPTH = 4
"""How far below the trigger (or its non-actor object) an actor may sit to be the target: "lift the
embargoes on sales to Iran" (3 levels: embargoes, on sales, to Iran); "promised to continue military aid to
Mozambique" (4: continue, aid, to, Mozambique). Chosen on the dev set and the CAMEO
manual examples (benchmarks/gsr_cameo.py); re-run both when changing it."""


def _own_country_place(doc: Document, head: Token, src_head: Token | None) -> bool:
    """A country or place of the source's own country found deep in the act's phrase is where the act is
    done, not whom it is aimed at: "promised to democratize Serbia", "completed their withdrawal from the
    town of Gorazde"."""
    index = doc.mention_at.get(head.i)
    if index is None or doc.mentions[index].kind not in PLACE_KINDS | {"region"}:
        return False
    source = actor_for(doc, src_head) if src_head is not None else None
    return source is not None and source.country is not None and source.country == doc.mentions[index].country


JUDGED_DOER_ROOTS = frozenset({"09", "10", "11", "12", "13"})
"""Roots of acts aimed at whoever did the act they judge: "investigated crimes committed by X", "condemned
the attack by X" aim at X. Other acts are not aimed at a doer named with "by" ("ordered patrols by
police")."""


def _deep_target(
    doc: Document, start: Token, src_head: Token | None, theme: Token | None, places: bool, doers: bool
) -> Token | None:
    """The nearest actor phrase inside the object and complements of ``start``, when the lexicon's slots
    name none: "promised to continue military aid to Mozambique", "lifted the embargo on Iran". The doer
    of an act inside the object ("by X") is a target only when ``doers`` (see :data:`JUDGED_DOER_ROOTS`)."""
    source_tokens = {t.i for c in conjuncts(src_head) for t in c.subtree} if src_head is not None else set()
    frontier = [c for c in start.children if c.dep_ in DEEP_FIRST_DEPS]
    for _ in range(MAX_TARGET_DEPTH):
        following: list[Token] = []
        for token in frontier:
            if token.i in source_tokens or token.ent_type_ in TIME_ENTITIES:
                continue
            if not places and token.dep_ == "prep" and token.lower_ in LOCATIVE_PREPS:
                continue  # "shelled positions in northern Syria": where it happened, not to whom
            if not doers and token.dep_ in {"prep", "agent"} and token.lower_ == "by" and token.i != start.i:
                continue
            if token.dep_ in {"prep", "pcomp", "advcl"} and token.lower_ in CIRCUMSTANCE_WORDS:
                continue  # "reimposed blockades following the deaths of two Israelis": another event's actors
            named = token.i in doc.mention_at or token.pos_ == "NOUN"  # "the Mali agreement": Mali
            if token != theme and named and actor_for(doc, token) is not None:
                mention = _mention_for(doc, token)
                if mention is None or mention.head not in source_tokens:  # "on the part of X": the source
                    return token
            following.extend(c for c in token.children if c.dep_ in DEEP_DEPS)
            if doers and token.dep_ == "acl":  # "crimes committed by X": the doer of the act, one step
                following.extend(o for c in token.children if c.dep_ == "agent" for o in c.children
                                 if o.dep_ == "pobj")  # fmt: skip
        frontier = following
    return None


def _target_head(doc: Document, trigger: Token, slots: tuple[str, ...]) -> Token | None:
    """The first slot whose phrase names an actor; failing that, the first slot that finds a phrase at all
    ("threatened further action against Russia": "against" names an actor, the object does not)."""
    first: Token | None = None
    for slot in slots:
        if slot == "none":
            break
        if slot == "required":
            continue
        found = target_of(trigger, (slot,))
        if found is None:
            continue
        if actor_for(doc, found) is not None:
            return found
        first = first or found
    return first


FORCE_ROOTS = frozenset({"14", "15", "16", "17", "18", "19", "20"})
"""Roots of material conflict: shelling a town or seizing a building is an event without a named target."""
VERBAL_ROOTS = frozenset({"01", "02", "03", "04", "05", "09", "10", "11", "12", "13"})
"""Roots of verbal acts: aimed at a thing rather than an actor, they are no event."""
SYMMETRIC_ROOTS = frozenset({"03", "04", "05", "06"})
"""Cooperative acts where coordinated subjects act with each other ("X and Y signed an agreement")."""


def _reverse_events(events: list[Event], predicate: Predicate) -> list[Event]:
    """The events back from target to source of a predicate with a reverse code (PETRARCH's 'a:b')."""
    if predicate.reverse_cameo is None:
        return []
    return [
        replace(e, cameo=predicate.reverse_cameo, source=e.target, target=e.source, rule=f"{e.rule}:reverse")
        for e in events
        if e.target is not None
    ]


def _two_sided(trigger: Token, predicate: Predicate, src_head: Token, tgt_head: Token | None) -> bool:
    if predicate.symmetric:
        return True
    if trigger.pos_ == "NOUN" and src_head.dep_ == "pobj" and src_head.head.lower_ == "between":
        return True
    return tgt_head is None and predicate.cameo[:2] in SYMMETRIC_ROOTS


ACT_OBJECT_ROOTS = frozenset({"11", "12", "13"})
"""Verbal acts aimed at an act are events with no named target ("condemned the coup", "threatened action")."""
THING_OBJECT_ROOTS = frozenset({"09", "10"})
"""Demands name what they ask for, which is rarely an actor ("demanded immediate elections"); inquiries what
they look into ("a hearing into the legality of the techniques")."""
SPEECH_ROOTS = frozenset({"02", "10", "13"})
CONTENT_DEPS = frozenset({"dobj", "ccomp", "xcomp", "prep", "dative", "advcl"})


EVENT_NOUNS = frozenset(
    {"coup", "killing", "killings", "violence", "crackdown", "bombing", "invasion", "law", "bill", "ban",
     "execution", "sentence", "verdict", "ruling", "massacre", "shelling", "airstrike", "strike", "raid",
     "occupation", "annexation", "referendum", "election", "vote", "test", "launch", "poisoning", "murder",
     "assassination", "detention", "abduction", "kidnapping", "deportation", "blockade", "siege"}
)  # fmt: skip
"""Nouns naming acts: condemning or rejecting one is an event even when no actor is named."""


def _names_an_act(head: Token, lexicon: PredicateLexicon) -> bool:
    lemma = head.lemma_.lower()
    return lemma in EVENT_NOUNS or lemma in ACT_NOUNS or bool(lexicon.candidates(lemma, "NOUN"))


def _has_content(trigger: Token, predicate: Predicate) -> bool:
    """An appeal, demand or threat with neither addressee nor content ("he asked.") is no event."""
    if predicate.cameo[:2] == "04":
        return False  # a meeting or visit needs a counterpart
    if predicate.cameo[:2] not in SPEECH_ROOTS:
        return True
    return any(c.dep_ in CONTENT_DEPS and c.i > trigger.i for c in trigger.children)


PURPOSE_VERBS = frozenset(
    {"demand", "call", "protest", "oppose", "denounce", "condemn", "urge", "seek", "press", "show", "express",
     "voice", "defy"}
)  # fmt: skip
STANCE_NOUNS = frozenset({"defiance", "protest", "opposition", "solidarity", "response", "anger", "outrage"})
"""Nouns of a protest's stance whose phrase names whom it is aimed at: "in defiance of Chinese authorities",
"in protest at the Israeli raid"."""


def _purpose_target(doc: Document, trigger: Token) -> Token | None:
    """The target of a protest from its purpose clause ("took to the streets to demand X's ouster", "blocked a
    road to show their anger at X's policies") or its stance ("in defiance of X", "in protest at X")."""
    for prep in trigger.children:
        if prep.dep_ != "prep" or prep.lower_ != "in":
            continue
        for stance in prep.children:
            if stance.dep_ == "pobj" and stance.lemma_.lower() in STANCE_NOUNS:
                found = target_of(stance, ("of", "at", "against", "over", "to", "with"))
                if found is not None:
                    return found
    for c in trigger.subtree:
        if c.i > trigger.i and c.pos_ == "VERB" and c.lemma_.lower() in PURPOSE_VERBS:
            if not any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children) and c.head.i != trigger.i:
                continue
            found = target_of(c, ("obj", "on", "against", "for"))
            if found is not None and actor_for(doc, found) is None:
                # "to show their disapproval of the United States' policies": the actor inside the object
                found = _deep_target(doc, found, None, None, True, True) or found
            if found is not None:
                return found
    return None


DOMESTIC_KIND = "domestic"
"""``Actor.kind`` of an implicit domestic target: the merge stage treats it as no named target."""
DOMESTIC_ROOTS = frozenset({"14"})
DOMESTIC_CODES = ("170", "172")
"""Acts aimed at the authorities or people of the actor's own country when the text names no target, as CAMEO
and GDELT code them: protests and strikes ("students demonstrated in Algiers": against Algeria's government),
seizures of power and curfews, bans and states of emergency ("imposed a curfew in Cizre": on Turkey)."""


def _domestic_target(
    doc: Document, trigger: Token, predicate: Predicate, source: Actor, sent_index: int
) -> Actor | None:
    """The implicit target of a protest or a domestic restriction: the government (for protests) or the
    people (for restrictions) of the one country named in the sentence, else of the source's country."""
    protest = predicate.cameo[:2] in DOMESTIC_ROOTS
    if not (protest or predicate.cameo.startswith(DOMESTIC_CODES)):
        return None
    named = doc.sent_countries[sent_index] if 0 <= sent_index < len(doc.sent_countries) else []
    local = [c for c in dict.fromkeys(named) if c not in {"IGO", "NGO"}]
    country = local[0] if len(local) == 1 else source.country
    if country is None or source.type in {"IGO", "NGO"}:
        return None
    span = doc.span(trigger.idx, trigger.idx + len(trigger.text))
    return Actor(
        span=span,
        name=None,
        country=country,
        type="GOV" if protest else "CVL",
        kind=DOMESTIC_KIND,
        implicit=True,
    )


PLACE_KIND = "place"
"""``Actor.kind`` of a target inferred from the foreign place where force was used (see below)."""
PLACE_TARGET_ROOTS = frozenset({"15", "16", "17", "18", "19", "20"})
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "xcomp", "csubj", "parataxis"})


def _foreign_place_target(
    doc: Document, trigger: Token, predicate: Predicate, source: Actor, src_head: Token | None
) -> Actor | None:
    """Force used in another country, with no one named as its target, is aimed at that country, as
    CAMEO codes it: "Israeli tanks fired at targets in Jericho" (Palestine), "troops retook a village in
    western Cambodia" (Cambodia). The place must be in the act's own phrase (not in another clause or a
    phrase of time or cause) and of a country other than the source's; force used at home has no such
    target ("shelled rebel positions in the north"), nor has force spread over a list of places."""
    if predicate.cameo[:2] not in PLACE_TARGET_ROOTS or source.country in {None, "IGO"}:
        return None
    skip = {t.i for c in conjuncts(src_head) for t in c.subtree} if src_head is not None else set()

    def enter(c: Token) -> bool:
        clause = c.dep_ in CLAUSE_DEPS or (c.dep_ == "conj" and c.pos_ == "VERB")
        circumstance = c.dep_ in {"prep", "pcomp", "advcl"} and c.lower_ in CIRCUMSTANCE_WORDS
        return c.i not in skip and not clause and not circumstance

    for token in _walk(trigger, enter):
        country = doc.place_heads.get(token.i)
        listed = token.dep_ == "conj" or any(c.dep_ == "conj" for c in token.children)
        if listed and country is not None:
            return None  # "missions in Ukraine, Libya and Syria": a spread of operations, aimed at none
        if token.i not in skip and country is not None and country not in {source.country, "IGO", "NGO"}:
            parsed = require_parse(doc)
            ent = next((e for e in parsed.ents if e.start <= token.i < e.end), parsed[token.i : token.i + 1])
            span = doc.span(ent.start_char, ent.end_char)
            return Actor(span=span, name=None, country=country, type=None, kind=PLACE_KIND, implicit=True)
    return None


MADE_BY = {
    **dict.fromkeys(("law", "bill", "legislation", "decree", "amendment", "regulation", "policy"), "GOV"),
    **dict.fromkeys(("ruling", "verdict", "judgment", "judgement"), "JUD"),
}
"""Acts whose maker a judgement aims at when the text names none: a law or policy is the government's, a
ruling the court's ("the law drew criticism", "condemned the verdict")."""
MAKER_ROOTS = frozenset({"11", "12"})


def _maker_target(doc: Document, head: Token, predicate: Predicate, sent_index: int) -> Actor | None:
    """The unnamed maker of a criticised or rejected law or ruling: of the one country named in the
    sentence, else of the article's focus country."""
    type_ = MADE_BY.get(head.lemma_.lower())
    if type_ is None or predicate.cameo[:2] not in MAKER_ROOTS:
        return None
    named = doc.sent_countries[sent_index] if 0 <= sent_index < len(doc.sent_countries) else []
    local = [c for c in dict.fromkeys(named) if c not in {"IGO", "NGO"}]
    country = local[0] if len(local) == 1 else doc.focus_country
    if country is None:
        return None
    span = doc.span(head.idx, head.idx + len(head.text))
    return Actor(span=span, name=None, country=country, type=type_, kind=DOMESTIC_KIND, implicit=True)


def _implicit_source(
    doc: Document, trigger: Token, predicate: Predicate, passive: bool, target: Actor | None
) -> Actor | None:
    """The unnamed agent of a passive coercion verb ("X was arrested": the police of X's country)."""
    undergoer_subject = predicate.target_slots[0] == "subj"  # "X is serving a sentence"
    undergone_noun = trigger.pos_ == "NOUN"  # "called for X's release": by the authorities
    if not (passive or undergoer_subject or undergone_noun) or target is None:
        return None
    if not predicate.source.startswith("implicit:"):
        return None
    type_ = predicate.source.split(":", 1)[1]
    span = doc.span(trigger.idx, trigger.idx + len(trigger.text))
    country = _place_country(doc, trigger) or target.country
    return Actor(span=span, name=None, country=country, type=type_, implicit=True)


def _place_country(doc: Document, trigger: Token) -> str | None:
    """The country of the place where an act was done, named by a locative phrase on the trigger ("was
    arrested in Lebanon"): the unnamed police or court that did it are that country's."""
    for prep in trigger.children:
        if prep.dep_ != "prep" or prep.lower_ not in {"in", "at"}:
            continue
        for obj in prep.children:
            index = doc.mention_at.get(obj.i)
            if (
                obj.dep_ == "pobj"
                and index is not None
                and doc.mentions[index].kind in PLACE_KINDS | {"region"}
            ):
                return doc.mentions[index].country
    return None


ATTACK_NOUNS = frozenset(
    {"bomb", "bombing", "explosion", "blast", "device", "ied", "mine", "landmine", "grenade", "attack",
     "ambush", "shelling", "airstrike", "strike", "rocket", "mortar", "shell", "missile", "drone",
     "gunfire", "shooting", "attacker", "gunman", "bomber", "assailant"}
)  # fmt: skip
"""Attacks, weapons and unnamed attackers that do the killing when no one is named: "a roadside bomb killed
two soldiers", "three police officers were killed in a suicide bombing", "gunmen shot dead a judge"."""
UNATTRIBUTED_ROOTS = frozenset({"18", "19", "20"})
ATTACK_KIND = "attack"
"""``Actor.kind`` of an unnamed perpetrator: it takes the country of the one place its sentence names, if
any, never the article's focus (an attack in Kabul is by someone in Afghanistan; the victims' country says
nothing of who attacked them)."""


def _unattributed_attack(
    doc: Document, trigger: Token, predicate: Predicate, src_head: Token | None, passive: bool
) -> Actor | None:
    """The unnamed perpetrator of an act of violence whose doer is an attack or weapon with no nationality
    ("a car bomb killed ..."), or a passive whose "by"/"in" phrase names one ("were killed in an attack")."""
    if predicate.cameo[:2] not in UNATTRIBUTED_ROOTS or trigger.pos_ != "VERB":
        return None
    candidates = [src_head] if src_head is not None else []
    if passive and src_head is None:
        candidates += [o for p in ("by", "in") if (o := prep_object(trigger, p)) is not None]
    for noun in candidates:
        if noun.lemma_.lower() in ATTACK_NOUNS or noun.lower_ in ATTACK_NOUNS:
            doer = noun_source(noun) if noun is not src_head else None  # "in an attack by X"
            named = actor_for(doc, doer) if doer is not None else None
            if named is not None:
                return named
            start = min(t.idx for t in noun.subtree if t.i <= noun.i)
            span = doc.span(start, noun.idx + len(noun.text))
            return Actor(span=span, name=None, country=None, type=None, kind=ATTACK_KIND)
    return None


def _nearest_mention_before(doc: Document, trigger: Token) -> Token | None:
    """For a passive with no parsed subject (headline or machine-translated syntax, "X, Y, arrested by Z"):
    the nearest actor phrase before the verb in its sentence that is not inside a prepositional phrase."""
    parsed = require_parse(doc)
    sent = trigger.sent
    for i in range(trigger.i - 1, sent.start - 1, -1):
        if i in doc.mention_at and parsed[i].dep_ not in {"pobj", "poss"}:
            return parsed[i]
    return None


def _fill_countries(doc: Document, trigger: Token, sent_index: int, actors: list[Actor | None]) -> None:
    """Give the actors of one event that name no country their default (see :func:`default_country`).
    Organisations the gazetteer lists without a country are transnational and keep none."""
    for actor in actors:
        if actor is None or actor.country is not None or actor.type in {"IGO", "NGO"} or actor.kind == "org":
            continue
        if actor.kind == ATTACK_KIND:
            named = doc.sent_countries[sent_index] if 0 <= sent_index < len(doc.sent_countries) else []
            local = {c for c in named if c not in {"IGO", "NGO"}}
            actor.country = local.pop() if len(local) == 1 else None
            continue
        others = {a.country for a in actors if a is not None and a is not actor}
        facing = {
            a.country for a in actors if a is not None and a is not actor and _state_actor(doc, a, sent_index)
        }
        speaker = _speaker_country(doc, trigger, actor)
        person = actor.kind == "person"
        actor.country = default_country(doc, sent_index, others, speaker, person=person, facing=facing)


STATE_KINDS = frozenset({"country", "capital", "metonym"})
"""Mention kinds that name a state as such ("China", "Moscow", "the Kremlin"), as opposed to a group of
its people or officials ("Malian protesters", "the Malian president")."""


def _state_actor(doc: Document, actor: Actor, sent_index: int) -> bool:
    """An actor that names a state as such, not a capital named as the place of the act ("postponed the
    rally in Baku": where, not whom)."""
    if actor.kind == "capital":
        places = doc.sent_countries[sent_index] if 0 <= sent_index < len(doc.sent_countries) else []
        return actor.country not in places
    return actor.kind in STATE_KINDS


def default_country(
    doc: Document,
    sent_index: int,
    exclude: set[str | None],
    speaker: str | None = None,
    person: bool = False,
    facing: set[str | None] | None = None,
) -> str | None:
    """Country of an actor that names none ("the police", "Deputy Minister X"), in order:
    - the one place named in its sentence ("in Mali"; not for people, who travel);
    - the country of the official speaker reporting the clause ("the Russian ministry said Deputy
      Minister X met ...");
    - the article's focus country, unless the other side of the event is that state itself ("the
      administration criticised China" in an article about China: an unnamed actor facing a state is
      rarely that state's own); then the one other country the sentence names, else none."""
    named = doc.sent_countries[sent_index] if 0 <= sent_index < len(doc.sent_countries) and not person else []
    local = [c for c in named if c not in exclude and c not in {"IGO", "NGO"}]
    if len(local) == 1:
        return local[0]
    if speaker is not None and speaker not in exclude:
        return speaker
    if facing and doc.focus_country in facing:
        others = {c for c in _sentence_actor_countries(doc, sent_index) if c not in exclude}
        return others.pop() if len(others) == 1 else None
    return doc.focus_country


def _sentence_actor_countries(doc: Document, sent_index: int) -> list[str]:
    """Countries of the actors and places named in one sentence (not IGO or NGO)."""
    parsed = require_parse(doc)
    sents = list(parsed.sents)
    if not 0 <= sent_index < len(sents):
        return []
    sent = sents[sent_index]
    out = list(doc.sent_countries[sent_index]) if sent_index < len(doc.sent_countries) else []
    for m in doc.mentions:
        if m.country and sent.start <= m.head < sent.end:
            out.append(m.country)
    return [c for c in dict.fromkeys(out) if c not in {"IGO", "NGO"}]


OFFICIAL_TYPES = frozenset({"GOV", "MIL", "COP", "JUD"})


def _speaker_country(doc: Document, trigger: Token, actor: Actor) -> str | None:
    """The country of the official body whose statement reports this clause, for officials without one."""
    if actor.type not in OFFICIAL_TYPES and actor.type is not None:
        return None
    head = sayer_of(trigger)
    if head is None:
        return None
    speaker = _mention_for(doc, head)
    if speaker is None or speaker.type not in OFFICIAL_TYPES:
        return None
    return speaker.country


POLITICAL_TYPES = frozenset({"GOV", "MIL", "REB", "PMC", "COP", "JUD", "OPP", "IGO", "NGO", "MED"})
"""Actor types that make an act political whoever it is done to."""
COOPERATION_ROOTS = frozenset({"03", "04", "05", "06", "07"})
"""Intents, meetings, support, cooperation and aid: everyday acts of firms, clubs and people, political
events only when a political actor takes part (demands, protests, accusations and violence by anyone are)."""


NAMED_KINDS = frozenset({"country", "capital", "metonym", "demonym", "org"})
"""Mention kinds of actors named as such (a nation by its country or people, a body the gazetteer or a
loaded dictionary knows): actors of interest even with no type. A private person is not one by name alone."""


def _political_actor(actor: Actor | None) -> bool:
    """A political body, or an actor named as such (:data:`NAMED_KINDS`: "Palestinians and Israelis")."""
    return actor is not None and (actor.type in POLITICAL_TYPES or actor.kind in NAMED_KINDS)


def _political(predicate: Predicate, source: Actor, target: Actor | None) -> bool:
    """Filters for acts that are not political events: business with business, private travel,
    domestic trips."""
    if source.type == "BUS" and (target is None or target.type == "BUS"):
        return False
    if (
        not _political_actor(source)
        and not _political_actor(target)
        and predicate.cameo[:2] in COOPERATION_ROOTS
    ):
        return False  # "the team invested in training its members": no political actor on either side
    if predicate.cameo[:2] == "04" and source.type in {"CVL", None} and source.name is None:
        return False
    if predicate.cameo in {"042", "043"} and target is not None and target.country == source.country:
        return False
    return True


TARGET_PRONOUNS = frozenset({"it", "they", "them"})


def _self_pronoun(source: Actor, target: Actor) -> bool:
    """A collective pronoun target resolved to the source's own country and type ("France asked on what
    basis they ...", "the U.S. demanded that they improve"): a body acting on itself is almost always a
    wrong antecedent. (A person is not: "he was forced out by his own party".)"""
    return (
        target.span.text.lower() in TARGET_PRONOUNS
        and target.country is not None
        and (target.country, target.type) == (source.country, source.type)
    )


def _same_actor(a: Actor, b: Actor) -> bool:
    if a.entity_id is not None and a.entity_id == b.entity_id and a.entity_id >= 0:
        return True
    return a.span == b.span


def actor_for(doc: Document, head: Token) -> Actor | None:
    """The actor named by the phrase headed by ``head`` (its mention, or one inside it)."""
    mention = _mention_for(doc, head)
    if mention is None:
        crowd = _crowd_of(head)
        if crowd is not None:
            return actor_for(doc, crowd)
        return _weapon_actor(doc, head) or _act_maker(doc, head) or _nationality_actor(doc, head)
    country = mention.country
    span = doc.span(mention.start, mention.end)
    return Actor(
        span=span,
        name=mention.name,
        country=country,
        type=mention.type,
        entity_id=mention.entity_id if mention.entity_id >= 0 else None,
        kind=mention.kind,
    )


CROWD_WORDS = frozenset(
    {"thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "million", "millions", "score",
     "scores", "crowd", "crowds", "tens"}
)  # fmt: skip
"""Number and crowd words whose "of" phrase names the actor: "thousands of Iraqi Kurds marched"."""


def _crowd_of(head: Token) -> Token | None:
    if head.lemma_.lower() not in CROWD_WORDS and head.lower_ not in CROWD_WORDS:
        return None
    return next(
        (o for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children
         if o.dep_ == "pobj"),
        None,
    )  # fmt: skip


WEAPON_NOUNS = frozenset(
    {"strike", "airstrike", "missile", "shell", "jet", "warplane", "drone", "bombing", "tank", "rocket",
     "artillery", "gunboat", "warship", "bomber", "helicopter", "fighter", "raid", "shelling", "fire",
     "aircraft", "plane", "gunship", "bulldozer", "mortar", "attack", "offensive", "bombardment"}
)  # fmt: skip
"""Weapons and attacks that stand for the armed forces whose country modifies them ("Israeli air strikes
killed ...", "Russian missiles hit ...")."""


def _weapon_actor(doc: Document, head: Token) -> Actor | None:
    if head.lemma_.lower() not in WEAPON_NOUNS:
        return None
    modifiers = [c for c in head.children if c.dep_ in {"amod", "compound", "poss"}]
    # "US Predator attacks": the country may modify the weapon's name
    modifiers += [g for c in modifiers if c.dep_ == "compound" for g in c.children if g.dep_ == "compound"]
    for child in modifiers:
        if child.dep_ in {"amod", "compound", "poss"}:
            index = doc.mention_at.get(child.i)
            country = doc.mentions[index].country if index is not None else None
            if country is None:
                parsed = require_parse(doc)
                ent = next((e for e in parsed.ents if e.start <= child.i < e.end), None)
                country = _ent_country(doc, ent)
            if country:
                start, end = child.left_edge.idx, head.idx + len(head.text)
                return Actor(span=doc.span(start, end), country=country, type="MIL", kind="weapon")
    return None


def _act_maker(doc: Document, head: Token) -> Actor | None:
    """The government behind an act named with its nationality: "an Indian proposal", "the US request"."""
    if head.lemma_.lower() not in ACT_NOUNS:
        return None
    parsed = require_parse(doc)
    for child in head.children:
        if child.dep_ != "amod" or child.ent_type_ not in {"NORP", "GPE"}:
            continue
        ent = next((e for e in parsed.ents if e.start <= child.i < e.end), None)
        country = _ent_country(doc, ent)
        if country:
            span = doc.span(child.idx, child.idx + len(child.text))
            return Actor(span=span, country=country, type="GOV", kind="demonym")
    return None


NATIONALITY_ENTITIES = frozenset({"NORP", "GPE"})


def _nationality_actor(doc: Document, head: Token) -> Actor | None:
    """People or things named by their nationality stand for that country, as CAMEO codes them: "shelled
    Iraqi towns" (Iraq), "restrictions against German goods" (Germany), "Palestinian lorries"."""
    parsed = require_parse(doc)
    if head.ent_type_ in NATIONALITY_ENTITIES and head.pos_ in {"ADJ", "PROPN"}:
        ent = next((e for e in parsed.ents if e.start <= head.i < e.end), None)
        country = _ent_country(doc, ent)
        if country and ent is not None:
            return Actor(span=doc.span(ent.start_char, ent.end_char), country=country, kind="demonym")
    if head.pos_ not in {"NOUN", "PROPN"}:
        return None  # "Iraqi towns", "Iraqi Kurds"
    for child in head.children:
        if child.dep_ not in {"amod", "compound"} or child.ent_type_ not in NATIONALITY_ENTITIES:
            continue
        ent = next((e for e in parsed.ents if e.start <= child.i < e.end), None)
        country = _ent_country(doc, ent)
        if country and ent is not None:
            span = doc.span(ent.start_char, head.idx + len(head.text))
            # "the Ukrainian law" is the government's, "the Russian verdict" a court's (MADE_BY)
            return Actor(span=span, country=country, type=MADE_BY.get(head.lemma_.lower()), kind="demonym")
    return None


def _ent_country(doc: Document, ent: Span | None) -> str | None:
    if ent is None:
        return None
    return doc.ent_countries.get((ent.start_char, ent.end_char))


BACKER_PARTICIPLES = frozenset(
    {"backed", "supported", "sponsored", "funded", "financed", "armed", "trained", "inspired", "allied"}
)
"""Participles joining a country to an act as its backer ("the Russian-backed offensive"): the backer does
not carry out the act, so it is not the act's doer (unlike "the Saudi-led campaign")."""


def _mention_for(doc: Document, head: Token) -> Mention | None:
    index = doc.mention_at.get(head.i)
    if index is not None:
        return doc.mentions[index]
    # "the arrival of Russian mercenaries", "X's adviser Y": look one level down for an actor phrase,
    # first for the same actor (apposition, compound), then "of X"; a possessor names the actor only of
    # an act ("the government's decision"), not of a person ("Zuma's adviser")
    act = head.lemma_.lower() in ACT_NOUNS
    of_phrase = any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children)
    passes = (
        lambda c: c.dep_ in {"appos", "compound", "nmod"},  # "the Asia-Pacific Economic Cooperation forum"
        # "China's treatment of the Uighurs": the possessor does what the noun names
        lambda c: c.dep_ == "poss" and of_phrase,
        lambda c: c.dep_ == "prep" and c.lower_ == "of",
        lambda c: c.dep_ == "poss" and act,
        # "an Indian proposal", "calls by Belarus's rulers", "an offer from Afghanistan": who made the act
        lambda c: (
            act
            and (
                (c.dep_ == "amod" and c.lower_ not in BACKER_PARTICIPLES)
                or (c.dep_ in {"prep", "agent"} and c.lower_ in {"by", "from"})
            )
        ),
    )
    for wanted in passes:
        for child in head.children:
            if not wanted(child):
                continue
            for cand in [child, *child.children]:
                index = doc.mention_at.get(cand.i)
                if index is not None:
                    return doc.mentions[index]
    return None
