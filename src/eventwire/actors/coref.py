"""In-document coreference of actor mentions.

People: a later mention joins an earlier person when its name is the same, is the surname alone, or is a
misspelled or machine-garbled form of it (close after a phonetic folding that merges letters translation
systems confuse: c/k/q, l/r, doubled letters, accents). Only names in the same article are compared, so no
list of known misspellings is needed. Pronouns and definite descriptions ("the group") join the nearest
earlier compatible mention.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Sequence

from eventwire.document import Mention

NAME_SIMILARITY = 0.8
"""Minimum difflib ratio between phonetically folded surnames to call two names the same person.
Chosen on hand-made pairs in tests/actors/test_coref.py (Camara/Kamara 1.0 after folding, Putin/Poutine 0.83,
Smith/Smyth 1.0, Brown/Green 0.4); re-run those tests when changing it."""

_FOLDS = (
    ("ph", "f"),
    ("ck", "k"),
    ("c", "k"),
    ("q", "k"),
    ("l", "r"),
    ("y", "i"),
    ("w", "v"),
    ("ou", "u"),
    ("ee", "i"),
    ("z", "s"),
    ("x", "ks"),
    ("dh", "d"),
    ("th", "t"),
    ("kh", "k"),
    ("gh", "g"),
)


def fold(name: str) -> str:
    """Phonetic folding of a name: accents off, lower case, confusable letters merged, doubles collapsed."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = re.sub(r"[^a-z ]", "", text)
    for a, b in _FOLDS:
        text = text.replace(a, b)
    text = re.sub(r"(.)\1+", r"\1", text)
    text = re.sub(r"e\b", "", text)  # silent final e: Poutine ~ Putin, Christophe ~ Christoph
    return text.strip()


def same_surname(a: str, b: str) -> bool:
    fa, fb = fold(a), fold(b)
    if not fa or not fb:
        return False
    if fa == fb:
        return True
    if min(len(fa), len(fb)) < 4:
        return False
    return difflib.SequenceMatcher(None, fa, fb).ratio() >= NAME_SIMILARITY


def names_match(later: str, earlier: str) -> bool:
    """True when ``later`` can be a repeat of the person named ``earlier`` (same article)."""
    lt = later.split()
    et = earlier.split()
    if not lt or not et:
        return False
    if fold(later) == fold(earlier):
        return True
    if len(lt) == 1 or len(et) == 1:
        # a single name repeats either end of a full name: "Putin" (surname), "Najib" (given name first),
        # "Park" (family name first)
        short, full = (lt, et) if len(lt) == 1 else (et, lt)
        return same_surname(short[0], full[-1]) or fold(short[0]) == fold(full[0])
    if not same_surname(lt[-1], et[-1]):
        return False
    if same_surname(lt[0], et[0]):
        return True
    # "J. Smith" may be "John Smith"; "Jane Smith" is not
    initial = min((lt[0], et[0]), key=len)
    return len(initial.rstrip(".")) == 1 and lt[0][0].lower() == et[0][0].lower()


def link_people(mentions: Sequence[Mention]) -> None:
    """Give person mentions an ``entity_id``; fill a repeat's missing country/type from its antecedent."""
    clusters: list[list[Mention]] = []
    next_id = max((m.entity_id for m in mentions), default=-1) + 1
    for m in mentions:
        if m.kind not in {"person", "role"} or not m.name:
            continue
        target = None
        for cluster in reversed(clusters):
            # a full name must agree with every full name of the cluster ("Hunter Biden" is not "Joe
            # Biden" though both match "Biden"); a single name needs to match one of them
            full = [o.name or "" for o in cluster if len((o.name or "").split()) > 1]
            single = len(m.name.split()) == 1
            if single and any(names_match(m.name, other.name or "") for other in cluster):
                target = cluster
                break
            if not single and full and all(names_match(m.name, f) for f in full):
                target = cluster
                break
            if not single and not full and any(names_match(m.name, other.name or "") for other in cluster):
                target = cluster
                break
        if target is None:
            m.entity_id = next_id
            next_id += 1
            clusters.append([m])
        else:
            m.entity_id = target[0].entity_id
            target.append(m)
    for cluster in clusters:
        best = max(cluster, key=lambda x: len(x.name or ""))
        country = next((x.country for x in cluster if x.country), None)
        type_ = next((x.type for x in cluster if x.type), None)
        for x in cluster:
            x.country = x.country or country
            x.type = x.type or type_
            if x.name and len(x.name.split()) < len((best.name or "").split()):
                x.name = best.name
