"""How the article presents an event: status (ANNOTATION.md's seven, by precedence) and on whose word.

The trigger's own modifiers and the clauses that govern it decide: a modal ("would", "could") or a
condition ("if") makes it hypothetical; a governing request verb ("urged X to") makes it requested; intent
("will", "plans to", "agreed to") makes it planned; "allegedly" or an accusing verb makes it alleged; a
reporting verb or "according to" makes it reported, attributed to the speaker. A denial verb governing the
act makes it denied. The first status that fits, in ANNOTATION.md's order, wins.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventwire.document import STATUSES
from eventwire.events.lexicon import PredicateLexicon, default_lexicon

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


FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})


def _own_tense(verb: Token, relation: str) -> bool:
    """A conjoined verb with a tense of its own does not share the first verb's modal: "will visit and sign"
    shares "will"; "will pass ..., persuaded X and sent Y" (a past tense) does not."""
    return relation == "conj" and verb.tag_ in FINITE_TAGS


def _modal(token: Token) -> str | None:
    for c in token.children:
        if c.dep_ == "aux" and c.tag_ == "MD":
            return c.lower_
    return None


SUBJECT_NOUN_DEPS = frozenset({"nsubj", "nsubjpass"})
PURSUING_VERBS = frozenset({"press", "push"})
"""Request verbs whose plain noun object is pursued, not asked for: "pressed its offensive" goes on ("pressed
X to go", "pressed for X" still ask)."""
MADE_BY_MENTION = frozenset({"request", "demand", "appeal", "proposal", "offer", "call", "warning", "threat"})
"""Nouns for statements that exist once mentioned: "is considering Russia's request" does not make the
request planned."""
OBLIGATION_MODALS = frozenset({"should", "must", "ought"})


SAYING_KINDS = frozenset({"say", "allege"})
"""Kinds of ``data/reporting.tsv`` whose verbs report a claim ("said", "claimed", "accused"): the one list of
saying verbs, used here for status and attribution and by :func:`eventwire.events.roles.sayer_of`."""
SAY_CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "conj", "advcl", "parataxis"})
"""Relations through which a clause hangs under the verb that reports it ("says [that] Russia was ...")."""
MAX_SAY_CLIMB = 4
"""Clauses climbed from an act to the saying verb that governs it. Chosen on the seed and dev sets
(benchmarks/dev_score.py, status agreement); re-run it when changing this."""


def governing_say(
    token: Token, reporting: Mapping[str, set[str]] | None = None, kinds: frozenset[str] = SAYING_KINDS
) -> Token | None:
    """The saying verb whose clause contains ``token`` ("Britain says Russia was behind ..." -> "says"), or
    None. ``reporting`` maps lemmas to kinds (default: the packaged ``data/reporting.tsv``)."""
    table = reporting if reporting is not None else default_lexicon().reporting
    current = token
    for _ in range(MAX_SAY_CLIMB):
        if current.head.i == current.i:
            return None
        if current.dep_ in SAY_CLAUSE_DEPS and kinds & table.get(current.head.lemma_.lower(), set()):
            return current.head
        current = current.head
    return None


def _has_condition(token: Token) -> bool:
    """ "if X attacks" (a condition on the act) or "X will attack if talks fail" (a condition under it);
    not "tell the world if X was ..." (an indirect question: "if" means "whether")."""
    if any(
        c.dep_ == "mark" and c.lower_ in CONDITION_MARKS and not _indirect_question(c) for c in token.children
    ):
        return True
    return any(
        c.dep_ == "advcl"
        and any(
            m.dep_ == "mark" and m.lower_ in CONDITION_MARKS and not _indirect_question(m) for m in c.children
        )
        for c in token.children
    )


def _indirect_question(mark: Token) -> bool:
    """ "if" right after a verb of asking, telling or knowing and its object."""
    if mark.lower_ != "if":
        return False
    doc = mark.doc
    for i in range(mark.i - 1, max(mark.i - 1 - MAX_QUESTION_GAP, mark.sent.start - 1), -1):
        tok = doc[i]
        if tok.pos_ in {"VERB", "AUX"}:
            return tok.lemma_.lower() in INDIRECT_QUESTION_VERBS
        if tok.is_punct:
            return False
    return False


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


COMPLETING_LEMMAS = frozenset({"complete", "finalize", "finalise", "conclude"})
"""Verbs of bringing an agreement to its end: in the progressive ("was finalizing the deal") the agreement
is not made yet, so it is planned."""


def _unfinished(trigger: Token) -> bool:
    return (
        trigger.tag_ == "VBG"
        and trigger.lemma_.lower() in COMPLETING_LEMMAS
        and any(c.dep_ == "aux" and c.lemma_.lower() == "be" for c in trigger.children)
    )


def decide_status(trigger: Token, lexicon: PredicateLexicon) -> StatusResult:
    """The status of the act ``trigger`` names, the span of whom it is attributed to, and the cue that
    decided it (the cue of the winning status, for the event's rule)."""
    cues: dict[str, str] = {}
    attributed: tuple[int, int] | None = None

    def note(status: str, cue: str) -> None:
        cues.setdefault(status, cue)

    modal = _modal(trigger)
    if modal in OBLIGATION_MODALS and governing_say(trigger, lexicon.reporting) is not None:
        note("requested", f"modal:{modal}+say")  # "X should release Y," Z said: Z asks for it
    elif modal == "would" and not _has_condition(trigger) and _future_in_past(trigger, lexicon):
        note("planned", "modal:would+announced")  # "X announced that it would sell": a plan, told later
    elif modal in HYPOTHETICAL_MODALS or _has_condition(trigger):
        note("hypothetical", f"modal:{modal or 'if'}")
    elif modal in PLANNED_MODALS:
        note("planned", f"modal:{modal}")
    if _unfinished(trigger):
        note("planned", "progressive:unfinished")
    adverb = next(
        (c.lower_ for c in trigger.children if c.dep_ == "advmod" and c.lower_ in ALLEGED_ADVERBS), None
    )
    if adverb is not None:
        note("reported" if adverb == "reportedly" else "alleged", f"adverb:{adverb}")
    current = trigger
    climb = MAX_CLIMB if not (trigger.pos_ == "NOUN" and trigger.lemma_.lower() in MADE_BY_MENTION) else 0
    if climb and trigger.pos_ == "NOUN" and trigger.dep_ in SUBJECT_NOUN_DEPS and trigger.head.i != trigger.i:
        # an act named by the subject of its clause takes that clause's status: "X says talks with Y
        # continue" (reported)
        current = trigger.head
    for _ in range(climb):
        if current.dep_ not in GOVERNING_DEPS or current.head.i == current.i:
            break
        relation = current.dep_
        head = current.head
        if relation in {"pcomp", "pobj"} and head.dep_ == "prep" and head.lower_ in {"of", "for"}:
            # "accused police of torturing": look through the preposition to the verb
            relation, head = "pcomp", head.head
        kinds = lexicon.reporting_kinds(head.lemma_.lower())
        negated_head = any(c.dep_ == "neg" for c in head.children)
        where = f"governed:{head.lemma_}"
        if relation == "advcl" and "request" in kinds and _for_clause(current):
            note("requested", where)  # "asked for X to receive a sentence"
        if relation in {"ccomp", "xcomp", "dobj", "pcomp"} and kinds:
            # a denied clause follows its verb ("dismissed claims that ..."); one before it is another
            # sentence the parse joined to it
            if (
                "deny" in kinds
                and not negated_head
                and not _claim_object(current, relation)
                and current.i > head.i
            ):
                note("denied", where)
            asked_for = relation in {"xcomp", "pcomp"} or (
                relation == "dobj" and current.pos_ == "NOUN" and head.lemma_.lower() not in PURSUING_VERBS
            )
            if "request" in kinds and (asked_for or (relation == "ccomp" and "say" not in kinds)):
                # "told X to go", "called for X's release", "demanded the release of X" ask; "told
                # reporters that" reports
                note("requested", where)
            if "plan" in kinds and relation in {"xcomp", "ccomp", "dobj"}:
                note("planned", where)
            if "hypothetical" in kinds:
                note("hypothetical", where)
            if "allege" in kinds:
                note("alleged", where)
            if "say" in kinds or "allege" in kinds:
                subj = next((c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
                if subj is not None and attributed is None:
                    attributed = _phrase_span(subj)
                note("reported", where)
        hm = _modal(head)
        if relation in {"xcomp", "ccomp"} and hm in HYPOTHETICAL_MODALS:
            note("hypothetical", f"modal:{hm}")
        elif relation in {"xcomp", "conj"} and hm in PLANNED_MODALS and not _own_tense(current, relation):
            note("planned", f"modal:{hm}")
        if relation == "ccomp" and "say" in kinds and head.dep_ == "conj":
            break  # "X denies A and says B": the verb "say" is conjoined with "deny", B is not denied
        current = head
    if _denied_by_apposition(trigger, lexicon):
        note("denied", "apposition:denied-claim")
    acc = according_to(trigger.sent)
    if acc is not None:
        note("reported", "according-to")
        attributed = attributed or acc
    anonymous = _anonymous_source(trigger)
    if anonymous is not None:
        note("reported", "source-subject")  # "French diplomatic sources criticized ...": on their word
        attributed = attributed or anonymous
    if "denied" in cues:
        cues.pop("planned", None)
    for status in STATUSES:
        if status in cues:
            # a request or a plan is the speaker's own act, not a claim on someone's word
            kept = (
                attributed if status not in UNATTRIBUTED_STATUSES or attributed in {acc, anonymous} else None
            )
            return StatusResult(status, kept, cues[status])
    return StatusResult("asserted", None, "")


UNATTRIBUTED_STATUSES = frozenset({"requested", "planned"})
"""Statuses whose speaker is not the event's ``attributed_to`` (only "according to X" or anonymous sources
are): in the seed and dev gold no requested event and 3 of 16 planned ones have one."""
ANONYMOUS_SOURCE_NOUNS = frozenset({"source", "insider"})
"""Subjects that are not actors but the article's sources: what they do is reported on their word."""
CLAIM_NOUNS = frozenset(
    {"charge", "accusation", "allegation", "claim", "report", "rumour", "rumor", "suggestion", "criticism"}
)  # fmt: skip
"""Objects of a denying verb that are claims: "dismissed the charges" drops them; it denies no act."""
FUTURE_IN_PAST_LEMMAS = frozenset({"announce", "confirm", "disclose", "reveal"})
"""Saying verbs that make their "would" clause a plan ("announced that the U.S. would sell")."""
INDIRECT_QUESTION_VERBS = frozenset(
    {"ask", "tell", "know", "wonder", "see", "check", "decide", "determine", "question", "inquire", "enquire",
     "clarify", "confirm", "reveal", "explain", "disclose", "say", "show", "establish", "learn"}
)  # fmt: skip
"""Verbs after which "if" means "whether" ("tell the world if X was still the leader"): no condition."""
MAX_QUESTION_GAP = 4
"""Words allowed between such a verb and its "if" ("tell the world if")."""


def _denied_by_apposition(trigger: Token, lexicon: PredicateLexicon) -> bool:
    """ "X says Russia was involved in the poisoning, a charge that Russia denies": the claim that a
    following "a charge (that X denies | denied by X)" names is denied; the act of claiming it is not
    ("May blamed Russia for the attack, a charge denied by the Kremlin": the blame is asserted)."""
    for noun in trigger.sent:
        claim = noun.lemma_.lower() in CLAIM_NOUNS and noun.dep_ in CLAIM_APPOSITION_DEPS
        if noun.i <= trigger.i or not claim:
            continue
        denying = [
            c for c in noun.children
            if c.dep_ in {"relcl", "acl"}
            and ("deny" in lexicon.reporting_kinds(c.lemma_.lower()) or c.lemma_.lower() in REJECTING_LEMMAS)
            and not any(n.dep_ == "neg" for n in c.children)
        ]  # fmt: skip
        if not denying:
            continue
        anchor = noun.head
        for _ in range(MAX_CLIMB * 2):
            if anchor.pos_ in {"VERB", "AUX"} or anchor.head.i == anchor.i:
                break
            anchor = anchor.head
        inside = trigger.i != anchor.i and anchor in trigger.ancestors
        if inside or (trigger.i == anchor.i and governing_say(trigger, lexicon.reporting) is not None):
            return True  # the claimed act, not the act of claiming it
    return False


REJECTING_LEMMAS = frozenset({"reject", "dismiss", "refute"})
"""Verbs that deny a claim named as their object ("a claim that Somalia rejects")."""
CLAIM_APPOSITION_DEPS = frozenset({"appos", "npadvmod", "dobj", "attr", "conj"})
"""How the parser hangs "..., a charge that X denies" on the sentence before it."""


def _anonymous_source(trigger: Token) -> tuple[int, int] | None:
    subj = next((c for c in trigger.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is None or subj.lemma_.lower() not in ANONYMOUS_SOURCE_NOUNS:
        return None
    return _phrase_span(subj)


def _for_clause(clause: Token) -> bool:
    """An infinitive clause introduced by "for" ("for X to receive"): what a request verb asks for."""
    return any(m.dep_ == "mark" and m.lower_ == "for" for m in clause.children)


def _claim_object(current: Token, relation: str) -> bool:
    return relation == "dobj" and current.pos_ == "NOUN" and current.lemma_.lower() in CLAIM_NOUNS


def _future_in_past(trigger: Token, lexicon: PredicateLexicon) -> bool:
    """ "would" reporting a plan: under an announcing or planning verb, or under a saying verb whose
    subject is the act's own ("Frank said he would resign"); not a prediction about others ("sources
    said the move would jeopardize ...")."""
    verb = governing_say(trigger, lexicon.reporting, SAYING_KINDS | {"plan"})
    if verb is None:
        return False
    lemma = verb.lemma_.lower()
    if lemma in FUTURE_IN_PAST_LEMMAS or "plan" in lexicon.reporting_kinds(lemma):
        return True
    subj = next((c for c in trigger.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    sayer = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is None or sayer is None:
        return False
    if subj.pos_ == "PRON" and subj.lower_ not in {"it", "this", "that"}:
        return True
    return subj.lemma_.lower() == sayer.lemma_.lower()
