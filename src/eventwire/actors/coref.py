"""In-document coreference of actor mentions.

People: a later mention joins an earlier person when its name is the same, is the surname alone, or is a
misspelled or machine-garbled form of it (close after a phonetic folding that merges letters translation
systems confuse: c/k/q, l/r, doubled letters, accents). Only names in the same article are compared, so no
list of known misspellings is needed. Pronouns and definite descriptions ("the group") join the nearest
earlier compatible mention.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from eventwire.document import Mention
from eventwire.knowledge.spelling import fold

NAME_SIMILARITY = 0.8
"""Minimum difflib ratio between phonetically folded surnames to call two names the same person.
Chosen on hand-made pairs in tests/actors/test_coref.py (Camara/Kamara 1.0 after folding, Putin/Poutine 0.83,
Smith/Smyth 1.0, Brown/Green 0.4); re-run those tests when changing it."""


def same_surname(a: str, b: str) -> bool:
    fa, fb = fold(a), fold(b)
    if not fa or not fb:
        return False
    if fa == fb:
        return True
    if min(len(fa), len(fb)) < 4:
        return False
    return difflib.SequenceMatcher(None, fa, fb).ratio() >= NAME_SIMILARITY


HONORIFICS = frozenset(
    {"mr", "mrs", "ms", "dr", "comrade", "chief", "sir", "gov", "gen", "president", "prince", "princess",
     "king", "queen", "crown", "sheikh", "emir", "sultan", "lord", "lady", "sen", "rep", "prof", "col",
     "capt", "maj"}
)  # fmt: skip
"""Words before a name that are not part of it when two names are compared ("Chief Oyegun")."""


def _name_tokens(name: str) -> list[str]:
    tokens = name.split()
    while len(tokens) > 1 and tokens[0].lower().rstrip(".") in HONORIFICS:
        tokens = tokens[1:]
    return tokens


def _surname_parts(surname: str) -> list[str]:
    """A hyphenated surname and its parts: "Odigie-Oyegun" may be repeated as "Oyegun"."""
    parts = [p for p in surname.split("-") if len(p) > 2]
    return [surname, *parts] if len(parts) > 1 else [surname]


def names_match(later: str, earlier: str) -> bool:
    """True when ``later`` can be a repeat of the person named ``earlier`` (same article)."""
    lt = _name_tokens(later)
    et = _name_tokens(earlier)
    if not lt or not et:
        return False
    if fold(" ".join(lt)) == fold(" ".join(et)):
        return True
    if len(lt) == 1 or len(et) == 1:
        # a single name repeats either end of a full name: "Putin" (surname), "Najib" (given name first),
        # "Park" (family name first), or one part of a hyphenated surname ("Oyegun")
        short, full = (lt, et) if len(lt) == 1 else (et, lt)
        if len(full) == 1:
            return any(same_surname(a, b) for a in _surname_parts(short[0]) for b in _surname_parts(full[0]))
        return any(same_surname(short[0], part) for part in _surname_parts(full[-1])) or fold(
            short[0]
        ) == fold(full[0])
    if not same_surname(lt[-1], et[-1]):
        return False
    if same_surname(lt[0], et[0]):
        return True
    # "J. Smith" may be "John Smith"; "Jane Smith" is not
    initial = min((lt[0], et[0]), key=len)
    return len(initial.rstrip(".")) == 1 and lt[0][0].lower() == et[0][0].lower()


UNTITLED_PERSON_TYPE = "CVL"
"""Type of a named person whom the article never gives a title, role or organisation: a private person
(ANNOTATION.md types the public as CVL; the dev set's untitled people, such as Sergei Skripal, Choi Soon-sil
and Li Wenzu, are CVL). Measured with benchmarks/dev_score.py (strict mode)."""
LINKED_KINDS = frozenset({"person", "role"})
NAME_LIKE_ORG_KINDS = frozenset({"unknown-org"})
"""An organisation the gazetteer does not know may be a person the NER labelled ORG ("Trump's visit"): it
joins a person cluster only on an exact name (no fuzzy match), and then becomes a person."""


def _country(cluster: Sequence[Mention]) -> str | None:
    return next((x.country for x in _by_evidence(cluster) if x.country), None)


def _by_evidence(cluster: Sequence[Mention]) -> list[Mention]:
    """Mentions in the order their country and type are trusted: titled people first, then roles."""
    return sorted(cluster, key=lambda x: x.kind != "person")


def _fits(m: Mention, cluster: Sequence[Mention]) -> bool:
    """Context of country: a named person of one country is not a namesake of another country's."""
    country = _country(cluster)
    return m.country is None or country is None or m.country == country


def _exact_forms(name: str | None) -> set[str]:
    """The folded full name and its two ends ("Putin", "Wang" of "Wang Quanzhang")."""
    tokens = _name_tokens(name or "")
    return {fold(" ".join(tokens)), fold(tokens[0]), fold(tokens[-1])} if tokens else set()


def _candidates(m: Mention, clusters: list[list[Mention]]) -> list[list[Mention]]:
    name = m.name or ""
    single = len(_name_tokens(name)) == 1
    exact_only = m.kind in NAME_LIKE_ORG_KINDS
    found = []
    for cluster in clusters:
        if not _fits(m, cluster):
            continue
        if exact_only:
            if any(fold(name) in _exact_forms(o.name) for o in cluster if o.kind == "person"):
                found.append(cluster)
            continue
        # a full name must agree with every full name of the cluster ("Hunter Biden" is not "Joe
        # Biden" though both match "Biden"); a single name needs to match one of them
        full = [o.name or "" for o in cluster if len(_name_tokens(o.name or "")) > 1]
        if single or not full:
            if any(names_match(name, other.name or "") for other in cluster):
                found.append(cluster)
        elif all(names_match(name, f) for f in full):
            found.append(cluster)
    return found


def link_people(mentions: Sequence[Mention]) -> None:
    """Give person mentions an ``entity_id``; fill a repeat's missing country/type from its antecedent.

    When a repeat matches several people ("Park" after "Park Geun-hye" and "Park Chung-hee"), it joins
    the one named most often so far, the article's subject, and among equals the latest."""
    clusters: list[list[Mention]] = []
    next_id = max((m.entity_id for m in mentions), default=-1) + 1
    for m in mentions:
        if not m.name or m.kind not in LINKED_KINDS | NAME_LIKE_ORG_KINDS:
            continue
        found = _candidates(m, clusters)
        if m.kind in NAME_LIKE_ORG_KINDS:
            if not found:
                continue
            m.kind = "person"
        if not found:
            m.entity_id = next_id
            next_id += 1
            clusters.append([m])
            continue
        target = max(found, key=lambda c: (len(c), clusters.index(c)))
        m.entity_id = target[0].entity_id
        target.append(m)
    for cluster in clusters:
        best = max(cluster, key=lambda x: len(_name_tokens(x.name or "")))
        country = _country(cluster)
        type_ = next((x.type for x in _by_evidence(cluster) if x.type), None)
        if type_ is None and all(x.kind == "person" for x in cluster):
            type_ = UNTITLED_PERSON_TYPE
        for x in cluster:
            x.country = x.country or country
            x.type = x.type or type_
            if x.name and len(_name_tokens(x.name)) < len(_name_tokens(best.name or "")):
                x.name = best.name
