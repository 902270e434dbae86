"""Which language an article is written in: py3langid's naive Bayes model, offline, loaded once per process.

The model ships inside the py3langid wheel (``py3langid/data/model.npz.xz``), so detection never touches the
network. Loading it takes about 1.5 s (decompressing the model), so it happens on first use, not at import,
and once per process through :data:`DEFAULT_DETECTOR`.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

UNDETERMINED = "und"
"""ISO 639-2 code for "undetermined": too little text to tell, or no linguistic content."""

SUPPORTED_LANGUAGES = frozenset({"en"})
"""Languages the coder's lexicons, gazetteer and parser model cover; others are read but not coded."""

MIN_LETTERS = 20
"""Texts with fewer letters than this are ``und``: a name or a two-word headline says nothing about the
language (on 30-character snippets of the benchmark's gold bodies only 57% of calls are reliable)."""

MIN_SUPPORTED_PROBABILITY = 0.05
"""Probability of a supported language below which a reliable other call refuses the text (see
:attr:`Language.refused`); set from py3langid's scores on short English sentences about West Africa
(English 0.18 under a Pidgin call) against real Pidgin, French and German (English < 0.001)."""

RELIABLE_CONFIDENCE = 0.7
"""Normalised probability from which a call is ``reliable``. Chosen with ``benchmarks/extraction.py``
(snippet table): on 30-240 character snippets of the 181 gold article bodies, calls at or above 0.7 were
right 99.6-100% of the time, and 87% of 60-character snippets (97% of 120-character ones) reach it. An
exploratory run at 0.5 let accuracy fall to 98.7% on 20-character snippets. Re-run the benchmark when
changing it."""

MAX_SAMPLE_CHARS = 1500
"""Only the first 1,500 characters are scored: on the 181 gold bodies of article-extraction this gives the
same answers as 5,000 characters or the whole text (181/181 right, 180 reliable) in a quarter of the time
of 5,000 (1.05 s against 3.9 s for all 181 on the 2-core dev machine; 1,000 characters also gave 181/181).
A model of character n-grams needs no more. Re-run ``benchmarks/extraction.py`` when changing it."""

MACROLANGUAGE_CODES = {
    "arz": "ar",  # Egyptian Arabic
    "ary": "ar",  # Moroccan Arabic
    "yue": "zh",  # Cantonese
    "wuu": "zh",  # Wu Chinese
    "uzs": "uz",  # Southern Uzbek
    "gug": "gn",  # Paraguayan Guarani
    "sdh": "ku",  # Southern Kurdish
    "fuv": "ff",  # Nigerian Fulfulde
}
"""py3langid labels some varieties with an ISO 639-3 code; these have an ISO 639-1 macrolanguage code, which
is what :attr:`Language.code` gives. Other 3-letter labels (languages without a 639-1 code) are kept."""

NO_LANGUAGE_LABEL = "zxx"
"""py3langid's label for "no linguistic content" (code, numbers, markup); reported as ``und``."""


@dataclass(frozen=True, slots=True)
class Language:
    """A language call: ``code`` is ISO 639-1 (``"en"``), ISO 639-3 for languages without a 2-letter code,
    or ``"und"``; ``confidence`` is the model's normalised probability (0-1); ``reliable`` says whether the
    call can be acted on (confidence at least :data:`RELIABLE_CONFIDENCE` and enough text)."""

    code: str
    confidence: float
    reliable: bool
    supported_probability: float = 0.0  # the model's probability mass on SUPPORTED_LANGUAGES

    @property
    def supported(self) -> bool:
        """Whether this is a reliable call of a language in :data:`SUPPORTED_LANGUAGES`."""
        return self.reliable and self.code in SUPPORTED_LANGUAGES

    @property
    def refused(self) -> bool:
        """Whether the text is reliably in a language eventwire does not code. A reliable other call is
        not enough when a supported language keeps :data:`MIN_SUPPORTED_PROBABILITY` of the mass: English
        news about Nigeria ("Nigeria will impose sanctions on Niger") is called Nigerian Pidgin at 0.80
        with English at 0.18, while real Pidgin, French or German text leaves English under 0.001."""
        return (
            self.reliable
            and self.code not in SUPPORTED_LANGUAGES
            and self.supported_probability < MIN_SUPPORTED_PROBABILITY
        )


class LanguageDetector:
    """py3langid with normalised probabilities; the model is loaded on the first :meth:`detect` call.

    Thread-safe: concurrent first calls load the model once.
    """

    def __init__(self) -> None:
        self._identifier: Any = None
        self._lock = threading.Lock()

    @property
    def loaded(self) -> bool:
        """Whether the model has been loaded yet."""
        return self._identifier is not None

    def model(self) -> Any:
        """The py3langid identifier, loaded on the first call and kept."""
        if self._identifier is None:
            with self._lock:
                if self._identifier is None:
                    from py3langid.langid import MODEL_FILE, LanguageIdentifier

                    self._identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        return self._identifier

    def detect(self, text: str) -> Language:
        """The language of ``text``; ``und`` (unreliable) below :data:`MIN_LETTERS` letters."""
        sample = text[:MAX_SAMPLE_CHARS]
        if sum(1 for ch in sample if ch.isalpha()) < MIN_LETTERS:
            return Language(UNDETERMINED, 0.0, reliable=False)
        ranked = self.model().rank(sample)
        label, confidence = ranked[0][0], float(ranked[0][1])
        supported = sum(
            float(p) for lang, p in ranked if MACROLANGUAGE_CODES.get(lang, lang) in SUPPORTED_LANGUAGES
        )
        if label == NO_LANGUAGE_LABEL:
            return Language(UNDETERMINED, confidence, reliable=False, supported_probability=supported)
        code = MACROLANGUAGE_CODES.get(label, label)
        return Language(code, confidence, confidence >= RELIABLE_CONFIDENCE, supported)


DEFAULT_DETECTOR = LanguageDetector()
"""The process's detector: holds no model until the first call (constructing it loads nothing)."""


def detect_language(text: str) -> Language:
    """The language of ``text`` with the process's :data:`DEFAULT_DETECTOR` (loads the model on first use)."""
    return DEFAULT_DETECTOR.detect(text)
