"""Governing frames that change the code of the act in their infinitive complement.

"agreed to withdraw", "offered to mediate": an announcement of intent (root 03; ANNOTATION.md: one event,
roots 03 plus the intended act's root, status planned). "threatened to cut off aid": a threat (root 13).
"refused to lift the curfew", "declined to resign": a rejection (root 12). "stopped selling arms to X": a
cut in relations or aid (root 16). "X will lift the curfew", "X would retaliate": an act announced in the
future tense is an intent (03) when cooperative and a threat (13) when it is force or coercion, as the
CAMEO codebook's 03 and 13 definitions do ("express intent to ...", "threaten to ...").
The codes follow the structure of
the CAMEO codebook, where roots 03, 12 and 13 each mirror the acts of other roots (033 pledge aid / 07 aid,
1243 refuse to free / 0841 free, 1312 threaten sanctions / 163 sanctions). The mapping is by code prefix,
longest first; an act with no listed prefix takes the frame's general code.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

INTENT_VERBS = frozenset(
    {"agree", "offer", "promise", "pledge", "vow", "commit", "undertake", "volunteer", "propose", "plan",
     "intend"}
)  # fmt: skip
INTENT_ADJECTIVES = frozenset({"willing", "ready", "prepared", "committed", "determined", "eager"})
THREAT_VERBS = frozenset({"threaten"})
REFUSAL_VERBS = frozenset({"refuse", "decline", "fail"})
CESSATION_VERBS = frozenset({"stop", "halt", "cease", "suspend", "end", "discontinue"})
FUTURE_MODALS = frozenset({"will", "would", "shall", "'ll"})
"""Auxiliaries that announce an act instead of reporting it ("Israel will evacuate the settlements")."""

INTENT_CODES: dict[str, str] = {
    "04": "036", "05": "032", "06": "031", "061": "0311", "062": "0312", "063": "0313", "064": "0314",
    "07": "033", "071": "0331", "072": "0332", "073": "0333", "074": "0334",
    "08": "035", "081": "0351", "082": "0352", "084": "0353", "085": "0354", "086": "0355", "087": "0356",
    "083": "034", "0831": "0341", "0832": "0342", "0833": "0343", "0834": "0344", "045": "039",
}  # fmt: skip
"""Act code prefix -> CAMEO 03 code for an announced intent to do it (04 meet -> 036, 07 aid -> 033, ...)."""
INTENT_ROOTS = frozenset({"03", "04", "05", "06", "07", "08"})
"""Cooperative roots whose acts become intents; a conflictive act under "agreed to" keeps its own code."""
THREAT_ROOTS = frozenset({"14", "16", "17", "18", "19", "20"})
"""Conflictive roots whose announced acts ("will impose a curfew", "vowed to fight") are threats (13). Root 15
(force posture: "troops will be sent") is itself the threatening act and keeps its code."""
INTENT_THREAT_HEADS = frozenset(
    {"vow", "pledge", "promise", "swear", "determined", "ready", "prepared", "plan", "intend"}
)
"""Intent words that make a conflictive act a threat ("vowed to fight on"); "agreed to impose sanctions" is
the act agreed, not a threat."""

THREAT_CODES: dict[str, str] = {
    "14": "133", "16": "131", "161": "1313", "162": "1311", "163": "1312", "164": "134", "165": "135",
    "166": "136", "17": "137", "172": "132", "1721": "1321", "1722": "1322", "1723": "1323", "1724": "1324",
    "174": "132", "18": "1383", "19": "1384", "191": "1381", "192": "1382", "20": "1385",
}  # fmt: skip
"""Act code prefix -> CAMEO 13 code for a threat to do it (163 sanctions -> 1312, 191 blockade -> 1381)."""

REFUSAL_CODES: dict[str, str] = {
    "03": "120", "04": "125", "045": "126", "05": "120", "057": "127", "06": "121", "061": "1211",
    "062": "1212", "07": "122", "08": "124", "081": "1241", "082": "1242", "083": "123", "0831": "1231",
    "0832": "1232", "0833": "1233", "0834": "1234", "084": "1243", "085": "1244", "086": "1245",
    "087": "1246",
}  # fmt: skip
"""Act code prefix -> CAMEO 12 code for a refusal to do it (04 meet -> 125, 0841 free -> 1243)."""
REFUSAL_ROOTS = frozenset({"03", "04", "05", "06", "07", "08"})
"""Refusing a conflictive act ("refused to attack") is no rejection event; it stays uncoded."""


CESSATION_CODES: dict[str, str] = {
    "04": "164", "045": "165", "05": "161", "06": "163", "062": "1622", "07": "162", "071": "1621",
    "072": "1622", "073": "1623", "074": "1661",
}  # fmt: skip
"""Act code prefix -> CAMEO 16 code for stopping it ("stopped selling arms to X" -> 1622 cut military aid)."""
CESSATION_ROOTS = frozenset({"04", "05", "06", "07"})
"""Stopping a cooperative act reduces relations; stopping a conflictive one is left uncoded."""


@dataclass(frozen=True)
class Frame:
    kind: str  # intent | vow | threat | refusal | cessation | future
    head: Token  # the governing verb or adjective


def governing_frame(token: Token) -> Frame | None:
    """The frame that governs ``token`` through an infinitive complement, if any."""
    # the parser sometimes attaches the infinitive as an adverbial clause ("have sworn to fight")
    if token.dep_ not in {"xcomp", "ccomp", "advcl"} or token.head.i == token.i:
        return None
    if token.dep_ != "xcomp" and not any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return None
    head = token.head
    lemma = head.lemma_.lower()
    if head.pos_ == "ADJ" and lemma in INTENT_ADJECTIVES:
        return Frame("vow" if lemma in INTENT_THREAT_HEADS else "intent", head)
    if head.pos_ not in {"VERB", "AUX"}:
        return None
    if lemma in INTENT_VERBS or lemma == "swear":
        return Frame("vow" if lemma in INTENT_THREAT_HEADS else "intent", head)
    if lemma in THREAT_VERBS:
        return Frame("threat", head)
    if lemma in REFUSAL_VERBS:
        return Frame("refusal", head)
    if lemma in CESSATION_VERBS and token.tag_ == "VBG":
        return Frame("cessation", head)
    return None


def future_frame(token: Token) -> Frame | None:
    """A future-tense announcement of ``token``'s act by its own (active) subject: "X will lift", "X is
    going to impose". A passive ("will be sent") reports a plan, not who announced it."""
    if token.pos_ not in {"VERB", "AUX"} or any(c.dep_ in {"auxpass", "nsubjpass"} for c in token.children):
        return None
    if any(c.dep_ == "aux" and c.lower_ in FUTURE_MODALS for c in token.children):
        return Frame("future", token)
    head = token.head
    if token.dep_ == "xcomp" and head.lemma_.lower() == "go" and head.tag_ == "VBG":
        return Frame("future", token)  # "is going to impose"
    return None


def _by_prefix(code: str, table: dict[str, str]) -> str | None:
    for n in range(len(code), 1, -1):
        found = table.get(code[:n])
        if found is not None:
            return found
    return None


def framed_code(kind: str, code: str) -> str | None:
    """The code of act ``code`` under a frame of ``kind``; None when the frame leaves no event."""
    root = code[:2]
    if kind in {"intent", "future", "vow"}:
        if root in THREAT_ROOTS and kind != "intent":
            return framed_code("threat", code)
        if root not in INTENT_ROOTS:
            return code
        return code if root == "03" else _by_prefix(code, INTENT_CODES) or "030"
    if kind == "threat":
        return code if root == "13" else _by_prefix(code, THREAT_CODES) or "130"
    if kind == "refusal":
        if root not in REFUSAL_ROOTS:
            return None
        return _by_prefix(code, REFUSAL_CODES) or "120"
    if kind == "cessation":
        if root not in CESSATION_ROOTS:
            return None
        return _by_prefix(code, CESSATION_CODES) or "160"
    return code
