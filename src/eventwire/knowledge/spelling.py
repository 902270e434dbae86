"""Spelling variation of proper names: a phonetic folding that merges the letters translation and
transliteration systems confuse, and a closeness test on folded names.

Used for people's names within one article (:mod:`eventwire.actors.coref`) and for misspelled or
transliterated country names and demonyms ("Quatar", "Afganistan", "Phillipines"), which are compared with
the names the gazetteer already holds, so that no list of misspellings is needed.
"""

from __future__ import annotations

import difflib
import re
import unicodedata

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


def plain(name: str) -> str:
    """A lighter folding that keeps every letter distinct: accents, case, non-letters and doubled letters
    off ("Phillipines" -> "philipines"). Country names are compared in this form: the phonetic merges of
    :func:`fold` (l/r, c/k) would make ordinary names ("Marian") into demonyms ("Malian")."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = re.sub(r"[^a-z]", "", text)
    return re.sub(r"(.)\1+", r"\1", text)


def similarity(a: str, b: str) -> float:
    """Closeness (0..1, difflib's ratio) of two names after :func:`plain`."""
    pa, pb = plain(a), plain(b)
    if not pa or not pb:
        return 0.0
    return difflib.SequenceMatcher(None, pa, pb).ratio()
