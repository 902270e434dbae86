"""Find the source and target phrases of a trigger in the dependency parse (active, passive, coordinated,
relative and complement clauses, appositions)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.attributes.status import SAYING_KINDS, governing_say
from eventwire.events.lexicon import default_lexicon

if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Callable

    from spacy.tokens import Token

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
OBJECT_DEPS = frozenset({"dobj", "obj"})
INHERIT_SUBJECT_DEPS = frozenset({"xcomp", "conj", "advcl", "pcomp", "acomp", "prep"})
LIGHT_VERBS = frozenset(
    {"hold", "make", "pay", "conduct", "launch", "stage", "carry", "begin", "start", "have", "wage", "mount",
     "organize", "organise", "lead", "resume", "open", "impose", "file", "issue",
     # verbs that authorise the act their object names: "approved arms sales to X"
     "approve", "authorize", "authorise", "green-light", "clear", "announce", "order", "propose",
     # verbs that carry on, renew or finish the act their object names
     "undertake", "renew", "lodge", "complete", "continue", "engage",
     # verbs that press on with or widen the act their object names: "pressing its military operations"
     "press", "intensify", "escalate", "expand", "step", "extend", "widen",
     # verbs that hurry the act their object names: "speeded up the withdrawal"
     "speed", "accelerate", "hasten", "expedite",
     # verbs that voice the verbal act their object names: "expressed concern", "voiced criticism"
     "express", "voice", "raise", "reiterate", "air", "register",
     # the English model's lemma of "staged" ("staged a hunger strike")
     "stag"}
)  # fmt: skip
"""Verbs whose object noun names the act ("held talks", "paid a visit", "launched an attack")."""
NON_VIOLENT_MODIFIERS = frozenset(
    {"diplomatic", "political", "charm", "media", "legal", "economic", "verbal", "trade", "press", "news"}
)
"""Modifiers that make an act noun figurative or a mere text ("a diplomatic offensive", "a charm offensive",
"a press release")."""
INSTRUMENT_VERBS = frozenset({"use", "employ", "utilize", "utilise"})
"""Verbs whose object is the means, not the doer, of their purpose clause: in "police used tear gas to
disperse the crowd" the police disperse it."""
STATEMENT_NOUNS = frozenset(
    {"statement", "declaration", "communique", "communiqué", "letter", "message", "resolution", "decree",
     "note", "reminder", "petition", "appeal", "warning", "ultimatum", "order"}
)  # fmt: skip
"""Documents whose participle clause states their issuer's act: "issued a statement condemning X" (the
issuer condemns), "adopted a resolution demanding Y"."""
ISSUING_VERBS = frozenset({"release", "publish", "adopt", "pass", "send", "sign", "deliver", "circulate"})
STATIVE_PARTICIPLES = frozenset({"oppose", "commit"})
"""Participles the parser takes for passives that state the subject's own stance ("is opposed to", "is
committed to")."""
MAX_CLIMB = 4
TIME_ENTITIES = frozenset({"DATE", "TIME"})


def is_passive(verb: Token) -> bool:
    if any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in verb.children):
        return True
    if verb.dep_ == "conj" and verb.tag_ == "VBN" and verb.head.i != verb.i and verb.head.tag_ == "VBN":
        # "was arrested and charged": the second verb shares the first one's passive auxiliary
        if not any(c.dep_ in SUBJECT_DEPS for c in verb.children) and is_passive(verb.head):
            return True
    if verb.dep_ == "conj" and verb.tag_ == "VBD" and verb.head.i != verb.i and is_passive(verb.head):
        # "was convicted and found guilty": a participle the tagger read as a past tense, sharing the first
        # verb's passive auxiliary; its predicate ("guilty") or agent shows it is not an active verb
        children = {c.dep_ for c in verb.children}
        if not children & (SUBJECT_DEPS | OBJECT_DEPS) and children & {"oprd", "agent"}:
            return True
    # headline / machine-translation style passives without auxiliary: "X arrested by Y"
    return verb.tag_ == "VBN" and any(c.dep_ == "agent" for c in verb.children)


def agent_of(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ == "agent":
            for obj in c.children:
                if obj.dep_ == "pobj":
                    return obj
    return None


def subject_of(verb: Token) -> Token | None:
    """The grammatical subject of ``verb``, climbing through xcomp/conj/advcl and relative clauses."""
    current = verb
    for step in range(MAX_CLIMB):
        for c in current.children:
            if c.dep_ in SUBJECT_DEPS or (step > 0 and c.dep_ in PASSIVE_SUBJECT_DEPS):
                if c.dep_ == "nsubj" and c.lower_ in {"who", "which", "that"} and current.dep_ == "relcl":
                    return current.head
                return c
        if current.dep_ == "relcl" and current.head.pos_ in {"NOUN", "PROPN"}:
            return current.head
        if current.dep_ == "acl" and _issued_document(current):
            current = current.head.head  # "X issued a statement condemning Y": X condemns
            continue
        if current.dep_ == "acl" and current.head.pos_ in {"NOUN", "PROPN"}:
            # "groups fighting X": the noun acts; "diplomats expelled": it is acted on, unless the
            # participle has an object of its own ("strikes killed 20 people", a misparsed main verb)
            if current.tag_ != "VBN" or any(c.dep_ in OBJECT_DEPS for c in current.children):
                return current.head
        if current.dep_ in INHERIT_SUBJECT_DEPS and current.head.i != current.i:
            # for xcomp the controller is the object of the governing verb when it has one ("asked X to go")
            if current.dep_ == "xcomp" and current.head.lemma_.lower() not in INSTRUMENT_VERBS:
                for c in current.head.children:
                    if c.dep_ in OBJECT_DEPS:
                        return c
                # "called on X to repeal": the addressee in "on X" does the asked-for act
                addressee = prep_object(current.head, "on") or prep_object(current.head, "upon")
                if addressee is not None:
                    return addressee
            current = current.head
            continue
        return None
    return None


def _issued_document(participle: Token) -> bool:
    """A present participle on a document that is the object of a verb of issuing ("issued a statement
    condemning the attack")."""
    document = participle.head
    if participle.tag_ != "VBG" or document.lemma_.lower() not in STATEMENT_NOUNS:
        return False
    verb = document.head
    if document.dep_ not in OBJECT_DEPS or verb.pos_ != "VERB" or verb.i == document.i:
        return False
    return verb.lemma_.lower() in LIGHT_VERBS | ISSUING_VERBS


def source_of(trigger: Token) -> Token | None:
    if trigger.pos_ == "NOUN":
        return noun_source(trigger)
    if is_passive(trigger):
        agent = agent_of(trigger)
        if agent is None and trigger.lemma_.lower() in STATIVE_PARTICIPLES:
            # "X is opposed to Y": an adjective, whose subject holds the stance
            return next((c for c in trigger.children if c.dep_ in PASSIVE_SUBJECT_DEPS), None)
        return agent
    return subject_of(trigger)


OWN_ACT_VERBS = frozenset(
    {"express", "voice", "raise", "reiterate", "air", "register", "renew", "repeat", "press", "intensify",
     "escalate", "step", "widen", "hold", "make", "launch", "stage", "wage", "mount", "resume", "continue"}
)  # fmt: skip
"""Light verbs whose subject is the one whose act the object names, even when a possessive pronoun marks
it: "X raised her concerns", "X stepped up its attacks" (not "approved their request")."""
OWN_POSSESSIVES = frozenset({"his", "her", "its", "their"})


def own_act_doer(noun: Token) -> Token | None:
    """The subject of an :data:`OWN_ACT_VERBS` verb whose object is ``noun`` when a possessive pronoun
    marks the act as the subject's own ("X raised her concerns"), and the subject is a noun phrase."""
    if not any(c.dep_ == "poss" and c.tag_ == "PRP$" and c.lower_ in OWN_POSSESSIVES for c in noun.children):
        return None
    verb = noun.head
    if noun.dep_ != "dobj" or verb.pos_ != "VERB" or verb.lemma_.lower() not in OWN_ACT_VERBS:
        return None
    subject = subject_of(verb)
    if subject is None or subject.pos_ not in {"NOUN", "PROPN"}:
        return None
    return subject


def noun_source(noun: Token) -> Token | None:
    """Source of a noun trigger: possessor, "by X", or the subject of a light verb ("X held talks")."""
    for c in noun.children:
        if c.dep_ == "poss" and not _undergoer(noun):
            return c
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "by":
            for obj in c.children:
                if obj.dep_ == "pobj":
                    return obj
    host = _measure_of(noun) or noun  # "made dozens of requests": the light verb's object is "dozens"
    if host.dep_ in OBJECT_DEPS and host.head.pos_ == "VERB" and host.head.lemma_.lower() in LIGHT_VERBS:
        return subject_of(host.head)
    if noun.dep_ in OBJECT_DEPS and noun.head.lemma_.lower() == "spend" and noun.lower_.endswith("ing"):
        return subject_of(noun.head)  # "spent the week meeting with X": a gerund the parse took for a noun
    claimant = _claimant(noun)
    if claimant is not None:
        return claimant
    for c in noun.children:
        # "Palestinian riots", "US tariffs", "the Israeli invasion": the nationality is the actor
        if c.dep_ in {"amod", "compound"} and c.ent_type_ in {"NORP", "GPE"} and c.i < noun.i:
            return c
    between = prep_object(noun, "between")
    if between is not None:
        return between  # "talks between X and Y": X, with Y as the target (see events.stage)
    return _party_to(noun)


CLAIMED_NOUNS = frozenset({"responsibility", "credit"})


def _claimant(noun: Token) -> Token | None:
    """Who claims an act as its own does it: "X claimed the attack", "X claimed responsibility for the
    bombing", "X took credit for the raid"."""
    host = noun
    if noun.dep_ == "pobj" and noun.head.lower_ == "for":
        above = noun.head.head
        if above.lemma_.lower() in CLAIMED_NOUNS:
            host = above
        elif above.pos_ == "VERB":  # "took credit for X": the preposition hangs on the verb
            objects = (c for c in above.children if c.dep_ in OBJECT_DEPS)
            claimed = (c for c in objects if c.lemma_.lower() in CLAIMED_NOUNS)
            host = next(claimed, noun)
    verb = host.head
    if host.dep_ not in OBJECT_DEPS or verb.pos_ != "VERB":
        return None
    lemma = verb.lemma_.lower()
    if lemma == "claim" or (host is not noun and lemma in {"take", "accept", "assume"}):
        return subject_of(verb)
    return None


PARTY_VERBS = frozenset({"engage", "involve", "participate", "implicate"})
"""Verbs whose subject is a party to the act that the noun after their "in" names: "X was engaged in ethnic
cleansing", "X was involved in the poisoning". ("X is responsible for the attack" is left to the
accusation it states: which act "the attack" is, the sentence often does not say.)"""


def _party_to(noun: Token) -> Token | None:
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "in" or prep.head.lemma_.lower() not in PARTY_VERBS:
        return None
    return next((c for c in prep.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)


UNDERGONE_NOUNS = frozenset(
    {"arrest", "detention", "imprisonment", "jailing", "release", "execution", "trial", "conviction",
     "sentencing", "deportation", "extradition", "abduction", "kidnapping", "assassination", "murder",
     "killing", "impeachment", "ouster", "dismissal", "removal", "expulsion", "torture", "disappearance"}
)  # fmt: skip
"""Nouns of acts that someone undergoes: their possessor is the one acted on ("his detention expired",
"Park's impeachment") unless an "of" phrase names that one ("Russia's expulsion of the diplomats")."""


def _undergoer(noun: Token) -> bool:
    if noun.lemma_.lower() not in UNDERGONE_NOUNS:
        return False
    return not any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)


DRAWING_VERBS = frozenset(
    {"draw", "spark", "prompt", "provoke", "trigger", "attract", "elicit", "earn", "face", "fuel", "stir",
     "invite", "receive", "generate"}
)  # fmt: skip
"""Verbs whose subject undergoes the act their object noun names: "the law drew criticism from X" (X
criticises the law's maker)."""
VOICE_PREPS = ("by", "from", "among")
"""Prepositions naming who voices a verbal act stated as a noun ("criticism from X", "concern among X")."""


def drawing_verb(noun: Token) -> Token | None:
    """The verb of drawing whose object is ``noun`` ("sparked criticism"), or None."""
    if noun.dep_ in OBJECT_DEPS and noun.head.lemma_.lower() in DRAWING_VERBS and noun.head.i != noun.i:
        return noun.head
    return None


def voiced_by(noun: Token, is_place: Callable[[Token], bool]) -> Token | None:
    """Who voices a verbal act stated as a noun, when no possessor or light verb names them: "criticism from
    X", "concern among X", "criticism on the part of X", "concerns in Congress" (an institution, not a place:
    ``is_place``), on the noun or on the verb of drawing above it ("drew condemnation from X")."""
    holders = [noun]
    verb = drawing_verb(noun)
    if verb is not None:
        holders.append(verb)
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ not in {"prep", "agent"}:
                continue
            word = prep.lower_
            for obj in prep.children:
                if obj.dep_ != "pobj" or obj.ent_type_ in TIME_ENTITIES:
                    continue
                if word in VOICE_PREPS or (word == "in" and not is_place(obj)):
                    return obj
                if word == "on" and obj.lower_ == "part":  # "on the part of X"
                    inner = prep_object(obj, "of")
                    if inner is not None:
                        return inner
    return None


def is_figurative(noun: Token) -> bool:
    return any(c.dep_ in {"amod", "compound"} and c.lower_ in NON_VIOLENT_MODIFIERS for c in noun.children)


RELATIVE_PRONOUNS = frozenset({"who", "whom", "which", "that"})


def object_of(verb: Token) -> Token | None:
    if verb.pos_ == "VERB" and is_passive(verb):
        for c in verb.children:
            if c.dep_ in PASSIVE_SUBJECT_DEPS:
                antecedent = verb.head if verb.dep_ == "relcl" else None
                if (
                    c.lower_ in RELATIVE_PRONOUNS
                    and antecedent is not None
                    and antecedent.pos_ in {"NOUN", "PROPN"}
                ):
                    return antecedent  # "Y, who was sentenced to six years": Y is sentenced
                return c
        for c in verb.children:
            if c.dep_ == "nsubj":
                return c
        if verb.dep_ in {"relcl", "acl"} and verb.head.pos_ in {"NOUN", "PROPN", "PRON"}:
            return verb.head  # "the journalist who was arrested", "diplomats being expelled"
        if verb.dep_ == "conj" and verb.head.i != verb.i:
            return object_of(verb.head)  # "X was arrested and charged"
        return None
    for c in verb.children:
        if c.dep_ in OBJECT_DEPS:
            return c
    counted = _up_to_count(verb)
    if counted is not None:
        return counted
    # "found X guilty", "want X to go": the subject of a small clause is the object
    for c in verb.children:
        if c.dep_ in {"ccomp", "oprd", "xcomp"} and c.i > verb.i:
            for s in c.children:
                if s.dep_ in SUBJECT_DEPS and s.i < c.i:
                    return s
    return None


def _up_to_count(verb: Token) -> Token | None:
    """ "killed up to 20 people": the parser reads "up" as the verb's particle and "to 20 people" as a
    prepositional phrase; the counted noun is the object."""
    up = next((c for c in verb.children if c.dep_ == "prt" and c.lower_ == "up"), None)
    if up is None:
        return None
    for prep in [*verb.children, *up.children]:
        if prep.dep_ == "prep" and prep.lower_ == "to" and prep.i == up.i + 1:
            for obj in prep.children:
                if obj.dep_ == "pobj" and any(c.dep_ == "nummod" for c in obj.children):
                    return obj
    return None


def shared_object(verb: Token) -> Token | None:
    """The object of a later coordinated verb that shares this verb's subject and object: "arrested and
    charged him", "condemned and rejected the plan" (the first verb has no object of its own)."""
    if verb.pos_ != "VERB" or is_passive(verb):
        return None
    for c in verb.children:
        if c.dep_ != "conj" or c.pos_ != "VERB" or c.i < verb.i or is_passive(c):
            continue
        if any(s.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS for s in c.children):
            return None  # "X resigned and Y criticised Z": another clause
        return object_of(c) or shared_object(c)
    return None


PARTITIVE_NOUNS = frozenset(
    {"part", "portion", "ton", "tonne", "kg", "kilogram", "kilo", "worth", "amount", "number", "batch",
     "shipment", "consignment", "load", "package", "million", "billion", "thousand", "hundred", "dozen",
     "lot", "some", "all", "most", "much", "many", "rest", "share", "round", "wave"}
)  # fmt: skip
"""Quantity and part words whose "of" phrase names what is acted on: "25,000 tons of food aid", "part of a
military aid programme", "$50,000 worth of goods"."""


def _measure_of(noun: Token) -> Token | None:
    """The quantity or part word whose "of" phrase ``noun`` is ("dozens of requests" -> dozens)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "of" or prep.head.i == prep.i:
        return None
    measure = prep.head
    return measure if measure.lemma_.lower() in PARTITIVE_NOUNS else None


def content_of(noun: Token) -> Token:
    """``noun``, or what it measures when it is a quantity or part word ("tons of aid" -> aid)."""
    current = noun
    for _ in range(2):
        if current.lemma_.lower() not in PARTITIVE_NOUNS:
            break
        inner = next(
            (o for c in current.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children
             if o.dep_ == "pobj"),
            None,
        )  # fmt: skip
        if inner is None:
            break
        current = inner
    return current


def prep_object(token: Token, prep: str) -> Token | None:
    for c in token.children:
        if c.dep_ in {"prep", "agent", "dative"} and c.lower_ == prep:
            for obj in [*c.children, *_orphan_object(c)]:
                # "on March 28" is a time, not a counterpart: "called on March 28 on the parliament to ..."
                if obj.dep_ in {"pobj", *SUBJECT_DEPS} and obj.ent_type_ not in TIME_ENTITIES:
                    return obj
    # the preposition may hang on the object: "held talks with X"
    direct = object_of(token) if token.pos_ == "VERB" else None
    of_someone = direct is not None and any(c.dep_ == "prep" and c.lower_ == "of" for c in direct.children)
    if prep == "from" and of_someone:
        direct = None  # "demanded the withdrawal of X from Y": where X leaves, not whom it is asked of
    if direct is not None:
        # on the object, or on what a part or quantity object measures ("part of a program for X")
        measured = content_of(direct)
        for c in [*direct.children, *(measured.children if measured != direct else ())]:
            if c.dep_ == "prep" and c.lower_ == prep:
                for o in c.children:
                    if o.dep_ == "pobj":
                        return o
    return None


def _orphan_object(prep: Token) -> list[Token]:
    """The object of a preposition left with none, which the parser made the subject of a participle
    after it: "granted asylum to five officers holed up in a residence" ("officers" under "holed")."""
    if any(True for _ in prep.children) or prep.i + 1 >= len(prep.doc):
        return []
    token = prep.doc[prep.i + 1]
    while token.dep_ not in SUBJECT_DEPS and token.head.i != token.i and token.head.i > prep.i:
        token = token.head
    if token.dep_ in SUBJECT_DEPS and token.left_edge.i == prep.i + 1 and token.head.pos_ == "VERB":
        return [token]
    return []


def target_of(trigger: Token, slots: tuple[str, ...]) -> Token | None:
    for slot in slots:
        found: Token | None = None
        if slot == "none":
            return None
        if slot == "required":
            continue
        if slot == "subj":
            found = subject_of(trigger)
        elif slot == "obj":
            found = (object_of(trigger) or shared_object(trigger)) if trigger.pos_ == "VERB" else None
        elif slot == "poss":
            # an act someone undergoes, named by a noun: "called for X's release", "X's arrest"
            if _undergoer(trigger):
                found = next((c for c in trigger.children if c.dep_ == "poss"), None)
        elif slot == "dative":
            found = next((c for c in trigger.children if c.dep_ == "dative" and c.pos_ != "ADP"), None)
        elif slot == "ccomp":
            # a noun's clause is often parsed as acl: "its demand that Israel ease the restrictions"
            clause_deps = {"ccomp", "advcl", "acl"} if trigger.pos_ == "NOUN" else {"ccomp", "advcl"}
            # an adverbial clause of time or cause is another act ("demanded elections after a court
            # cleared him"); one with no conjunction or "that" is often a misparsed content clause
            clauses = [c for c in trigger.children if c.dep_ in clause_deps and _content_clause(c)]
            if trigger.pos_ == "NOUN" and not clauses:
                clauses = _stranded_that_clause(trigger)
            # "asked for X to ...": the clause hangs under the preposition
            for p in trigger.children:
                if p.dep_ == "prep" and p.lower_ == "for":
                    clauses += [c for c in p.children if c.dep_ in {"pcomp", "pobj", "ccomp"}]
            for c in clauses:
                # "demanded that control of X be taken away": a passive clause's subject too
                found = next((s for s in c.children if s.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS), None)
                if found is not None:
                    break
        elif slot == "xcomp":
            for c in trigger.children:
                if c.dep_ == "xcomp":
                    found = object_of(c) or prep_object(c, "with") or prep_object(c, "to")
        else:
            found = (
                prep_object(trigger, slot) or _light_verb_prep(trigger, slot) or _stranded_prep(trigger, slot)
            )
        if found is not None:
            return found
    return None


CONTENT_MARKS = frozenset({"that", "whether", "for"})


def _trailing_attribution(clause: Token) -> bool:
    """ "..., diplomats quoted a declaration as saying": a saying clause after a comma that the parser hung
    under the act it reports. It tells who said so, not what was asked."""
    doc = clause.doc
    edge = clause.left_edge.i
    comma = doc[edge].text == "," or (edge > 0 and doc[edge - 1].text == ",")
    if clause.i < clause.head.i or not comma:
        return False
    return bool(SAYING_KINDS & default_lexicon().reporting.get(clause.lemma_.lower(), set()))


def _stranded_that_clause(noun: Token) -> list[Token]:
    """A noun's "that" clause the parser hung on the verb whose object the noun is: "reiterated its demand
    today that X ease the restrictions" (the clause under "reiterated")."""
    verb = noun.head
    if noun.dep_ not in OBJECT_DEPS or verb.pos_ != "VERB":
        return []
    clauses = [c for c in verb.children if c.dep_ == "ccomp" and c.i > noun.i]
    return [c for c in clauses if any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]


def _content_clause(clause: Token) -> bool:
    """A clause that may say what is asked or said ("that", "whether", "for X to"), not an adverbial one
    opened by "after", "because", "when", "if" ...: a clause parsed as adverbial with no conjunction or
    with one of :data:`CONTENT_MARKS` may still be one."""
    if clause.dep_ != "advcl":
        return not _trailing_attribution(clause)
    marks = [c.lower_ for c in clause.children if c.dep_ == "mark"]
    return all(m in CONTENT_MARKS for m in marks)


def _stranded_prep(noun: Token, prep: str) -> Token | None:
    """A noun trigger's preposition that the parser hung on the verb above it, right after the noun's
    phrase: "initiated a procedure over US tariffs on its imports" ("on" under "initiated")."""
    if noun.pos_ != "NOUN" or noun.right_edge.i + 1 >= len(noun.doc):
        return None
    after = noun.doc[noun.right_edge.i + 1]
    if after.dep_ != "prep" or after.lower_ != prep or after.head not in list(noun.ancestors):
        return None
    return next((o for o in after.children if o.dep_ == "pobj" and o.ent_type_ not in TIME_ENTITIES), None)


def _light_verb_prep(noun: Token, prep: str) -> Token | None:
    """A noun trigger's preposition on its light verb: "made a request to X", "launched an attack on X"."""
    if noun.pos_ != "NOUN":
        return None
    host = _measure_of(noun) or noun
    verb = host.head
    if host.dep_ not in OBJECT_DEPS or verb.pos_ != "VERB" or verb.lemma_.lower() not in LIGHT_VERBS:
        return None
    for c in verb.children:
        if c.dep_ in {"prep", "dative"} and c.lower_ == prep:
            for obj in c.children:
                if obj.dep_ == "pobj" and obj.ent_type_ not in TIME_ENTITIES:
                    return obj
    return None


def conjuncts(token: Token) -> list[Token]:
    """The token and the phrases coordinated with it ("Australia, India and Singapore")."""
    out = [token]
    for c in token.conjuncts:
        if c.pos_ in {"NOUN", "PROPN"}:
            out.append(c)
    return sorted(out, key=lambda t: t.i)


NEGATING_VERBS = frozenset({"refuse", "decline", "fail"})
"""Verbs whose infinitive complement did not happen: "refused to sign", "failed to reach a deal"."""
PREVENTING_VERBS = frozenset(
    {"prevent", "stop", "bar", "block", "ban", "keep", "prohibit", "restrain", "deter"}
)
"""Verbs whose "from" gerund did not happen: "prevented the government from signing the deal"."""


def is_prevented(verb: Token) -> bool:
    """ "stopped X from signing": the gerund's act is kept from happening."""
    prep = verb.head
    return (
        verb.dep_ == "pcomp"
        and verb.tag_ == "VBG"
        and prep.lower_ == "from"
        and prep.head.lemma_.lower() in PREVENTING_VERBS
    )


def is_negated(verb: Token) -> bool:
    if any(c.dep_ == "neg" for c in verb.children) or is_prevented(verb):
        return True
    if verb.dep_ == "acl" and verb.head.pos_ == "NOUN" and is_denied_noun(verb.head):
        return True  # "there was no request to send troops", "has no intention of leaving"
    if verb.dep_ == "conj" and verb.head.i != verb.i and verb.head.pos_ in {"VERB", "AUX"}:
        # "should never have been arrested or prosecuted": the negation covers both verbs, unless the
        # second has a subject of its own ("X did not respond, but Y criticized ...")
        own_subject = any(c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS for c in verb.children)
        if not own_subject and any(c.dep_ == "neg" for c in verb.head.children):
            return True
    if verb.dep_ != "xcomp":
        return False
    # "did not agree to send", "refused to sign": the governing verb negates its complement
    head = verb.head
    return any(c.dep_ == "neg" for c in head.children) or head.lemma_.lower() in NEGATING_VERBS


DENYING_DETERMINERS = frozenset({"no", "neither", "never"})
"""Determiners that deny a noun trigger: "there had been no request"."""


def is_denied_noun(noun: Token) -> bool:
    return any(c.dep_ in {"det", "neg"} and c.lower_ in DENYING_DETERMINERS for c in noun.children)


def sayer_of(token: Token) -> Token | None:
    """The subject of the reporting verb that governs ``token``'s clause ("Britain says Russia was ...").
    The saying verbs are ``data/reporting.tsv``'s and the climb is the status stage's (one of each)."""
    verb = governing_say(token)
    for _ in range(MAX_CLIMB):
        if verb is None:
            return None
        subject = subject_of(verb)
        if subject is None or subject.lemma_.lower() not in EVIDENCE_NOUNS:
            return subject
        verb = governing_say(verb)  # "the analysis shows that X is responsible," Y said: Y says so
    return None


EVIDENCE_NOUNS = frozenset(
    {"analysis", "evidence", "investigation", "study", "finding", "data", "test", "result", "inquiry",
     "probe", "examination", "review", "assessment", "research", "intelligence"}
)  # fmt: skip
"""Things that show rather than say: the one who cites them is the sayer."""
