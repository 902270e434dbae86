"""How the article presents an event: status (ANNOTATION.md's seven, by precedence) and on whose word.

The trigger's own modifiers and the clauses that govern it decide: a modal ("would", "could") or a
condition ("if") makes it hypothetical; a governing request verb ("urged X to") makes it requested; intent
("will", "plans to", "agreed to") makes it planned; "allegedly" or an accusing verb makes it alleged; a
reporting verb or "according to" makes it reported, attributed to the speaker. A denial verb governing the
act makes it denied. The first status that fits, in ANNOTATION.md's order, wins.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventwire.document import STATUSES
from eventwire.events.lexicon import PredicateLexicon

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span, Token

HYPOTHETICAL_MODALS = frozenset({"would", "could", "might", "may", "should", "can"})
PLANNED_MODALS = frozenset({"will", "shall", "'ll", "wo"})
ALLEGED_ADVERBS = frozenset({"allegedly", "purportedly", "supposedly", "reportedly"})
CONDITION_MARKS = frozenset({"if", "unless"})
GOVERNING_DEPS = frozenset(
    {"ccomp", "xcomp", "advcl", "conj", "dobj", "pcomp", "relcl", "acl", "pobj", "prep"}
)
MAX_CLIMB = 5


@dataclass(frozen=True)
class StatusResult:
    status: str
    attributed_to: tuple[int, int] | None  # clean-text character span of the source of the claim
    cue: str  # what decided it, for the event's rule


def _modal(token: Token) -> str | None:
    for c in token.children:
        if c.dep_ == "aux" and c.tag_ == "MD":
            return c.lower_
    return None


OBLIGATION_MODALS = frozenset({"should", "must", "ought"})


def _governing_say(token: Token, lexicon: PredicateLexicon) -> bool:
    current = token
    for _ in range(MAX_CLIMB):
        if current.head.i == current.i:
            return False
        if current.dep_ in {"ccomp", "conj", "parataxis"} and "say" in lexicon.reporting_kinds(
            current.head.lemma_.lower()
        ):
            return True
        current = current.head
    return False


def _has_condition(token: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in token.children) or (
        token.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in token.children)
    )


def _phrase_span(token: Token) -> tuple[int, int]:
    start = token.left_edge
    end = token.right_edge
    # keep the subject phrase short: stop at a relative clause or long apposition
    for c in token.rights:
        if c.dep_ in {"relcl", "acl", "appos"}:
            end = doc_token_before(c)
            break
    return start.idx, end.idx + len(end.text)


def doc_token_before(token: Token) -> Token:
    return token.doc[max(token.left_edge.i - 1, token.head.i)]


def according_to(sent: Span) -> tuple[int, int] | None:
    """Span of X in "according to X" within the sentence."""
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
            to = tok.doc[tok.i + 1]
            objs = [c for c in to.children if c.dep_ == "pobj"]
            if objs:
                return _phrase_span(objs[0])
            nxt = to.i + 1
            if nxt < sent.end:
                obj = tok.doc[nxt]
                return _phrase_span(obj.head if obj.head.i > obj.i and obj.head.i < sent.end else obj)
    return None


def decide_status(trigger: Token, lexicon: PredicateLexicon) -> StatusResult:
    found: set[str] = set()
    attributed: tuple[int, int] | None = None
    cue = ""
    modal = _modal(trigger)
    if modal in OBLIGATION_MODALS and _governing_say(trigger, lexicon):
        found.add("requested")  # "X should release Y," Z said: Z asks for it
        cue = f"modal:{modal}+say"
    elif modal in HYPOTHETICAL_MODALS or _has_condition(trigger):
        found.add("hypothetical")
        cue = cue or f"modal:{modal or 'if'}"
    elif modal in PLANNED_MODALS:
        found.add("planned")
        cue = cue or f"modal:{modal}"
    if any(c.lower_ in ALLEGED_ADVERBS and c.dep_ == "advmod" for c in trigger.children):
        adverb = next(c.lower_ for c in trigger.children if c.lower_ in ALLEGED_ADVERBS)
        found.add("reported" if adverb == "reportedly" else "alleged")
        cue = cue or f"adverb:{adverb}"
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children) and trigger.dep_ in {
        "xcomp",
        "advcl",
    }:
        # "in order to send", "to restore": purpose and infinitive clauses are not yet done
        if trigger.dep_ == "advcl":
            found.add("planned")
            cue = cue or "infinitive"
    current = trigger
    for _ in range(MAX_CLIMB):
        if current.dep_ not in GOVERNING_DEPS or current.head.i == current.i:
            break
        relation = current.dep_
        head = current.head
        kinds = lexicon.reporting_kinds(head.lemma_.lower())
        negated_head = any(c.dep_ == "neg" for c in head.children)
        if relation in {"ccomp", "xcomp", "dobj", "pcomp"} and kinds:
            if "deny" in kinds and not negated_head:
                found.add("denied")
                cue = cue or f"governed:{head.lemma_}"
            if "request" in kinds and relation in {"xcomp", "ccomp"}:
                found.add("requested")
                cue = cue or f"governed:{head.lemma_}"
            if "plan" in kinds and relation in {"xcomp", "ccomp", "dobj"}:
                found.add("planned")
                cue = cue or f"governed:{head.lemma_}"
            if "hypothetical" in kinds:
                found.add("hypothetical")
                cue = cue or f"governed:{head.lemma_}"
            if "allege" in kinds:
                found.add("alleged")
                cue = cue or f"governed:{head.lemma_}"
            if "say" in kinds or "allege" in kinds:
                subj = next((c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
                if subj is not None and attributed is None:
                    attributed = _phrase_span(subj)
                found.add("reported")
                cue = cue or f"governed:{head.lemma_}"
        hm = _modal(head)
        if relation in {"xcomp", "ccomp"} and hm in HYPOTHETICAL_MODALS:
            found.add("hypothetical")
        elif relation in {"xcomp", "conj"} and hm in PLANNED_MODALS:
            found.add("planned")
        current = head
    sent = trigger.sent
    acc = according_to(sent)
    if acc is not None:
        found.add("reported")
        attributed = attributed or acc
        cue = cue or "according-to"
    if "denied" in found and "planned" in found:
        found.discard("planned")
    for status in STATUSES:
        if status in found:
            return StatusResult(status, attributed, cue)
    return StatusResult("asserted", attributed, "")
