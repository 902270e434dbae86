"""detect_language: invented sentences in seven languages, short texts, and the model loaded offline, once."""

from __future__ import annotations

import socket
from typing import Any

import pytest

from eventwire.read.language import (
    DEFAULT_DETECTOR,
    MIN_LETTERS,
    MIN_SUPPORTED_PROBABILITY,
    SUPPORTED_LANGUAGES,
    UNDETERMINED,
    LanguageDetector,
    detect_language,
)

SENTENCES = {
    "en": "The regional council voted on Thursday to close two schools in the northern district, and parents "
    "said they would appeal the decision before the end of the month.",
    "fr": "Le conseil régional a voté jeudi la fermeture de deux écoles du district nord, et les parents ont "
    "annoncé qu'ils feraient appel de cette décision avant la fin du mois.",
    "de": "Der Regionalrat hat am Donnerstag beschlossen, zwei Schulen im nördlichen Bezirk zu schließen, "
    "und die Eltern kündigten an, noch vor Ende des Monats Einspruch einzulegen.",
    "es": "El consejo regional votó el jueves el cierre de dos escuelas del distrito norte, y los padres "
    "dijeron que recurrirán la decisión antes de que termine el mes.",
    "pt": "O conselho regional votou na quinta-feira o fechamento de duas escolas do distrito norte, e os "
    "pais disseram que vão recorrer da decisão antes do fim do mês.",
    "ru": "Региональный совет в четверг проголосовал за закрытие двух школ в северном районе, а родители "
    "заявили, что обжалуют это решение до конца месяца.",
    "ar": "صوّت المجلس الإقليمي يوم الخميس على إغلاق مدرستين في المنطقة الشمالية، وقال أولياء الأمور إنهم "
    "سيطعنون في القرار قبل نهاية الشهر.",
}


@pytest.mark.parametrize("code", sorted(SENTENCES))
def test_each_language_is_recognised_reliably(code: str) -> None:
    language = detect_language(SENTENCES[code])
    assert language.code == code
    assert language.reliable
    assert 0.0 <= language.confidence <= 1.0
    assert language.supported is (code in SUPPORTED_LANGUAGES)


def test_english_article_with_foreign_names_is_english() -> None:
    article = (
        "Jean-Baptiste Ouédraogo, the mayor of Ouagadougou, met Hans-Jürgen Müller of the Deutsche "
        "Gesellschaft für Internationale Zusammenarbeit and Nguyễn Thị Hương on Monday.\n\n"
        "They discussed a water project financed by the Société Générale and the Banco Santander, which "
        "will supply three districts by next year, according to a statement from the town hall.\n\n"
        "Residents of Bogodogo and Nongremassom said the shortages had grown worse since March."
    )
    language = detect_language(article)
    assert language.code == "en"
    assert language.reliable


@pytest.mark.parametrize("text", ["", "   ", "Paris", "Mali 2023", "Bamako, 12 March", "1234 5678 90"])
def test_short_texts_are_undetermined(text: str) -> None:
    assert sum(ch.isalpha() for ch in text) < MIN_LETTERS
    language = detect_language(text)
    assert language.code == UNDETERMINED
    assert not language.reliable
    assert not language.supported


def test_only_english_is_supported() -> None:
    assert SUPPORTED_LANGUAGES == frozenset({"en"})


def test_constructing_a_detector_loads_nothing() -> None:
    detector = LanguageDetector()
    assert not detector.loaded


def test_the_process_detector_loads_the_model_once() -> None:
    detect_language(SENTENCES["en"])
    model = DEFAULT_DETECTOR.model()
    detect_language(SENTENCES["fr"])
    assert DEFAULT_DETECTOR.model() is model


def test_model_loads_and_detects_with_no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """The model ships in the py3langid wheel: loading it and detecting must not open a socket."""

    def no_network(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("language detection tried to use the network")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    detector = LanguageDetector()  # a fresh one: the model is loaded inside this test
    assert detector.detect(SENTENCES["de"]).code == "de"
    assert detector.loaded


def test_english_called_pidgin_is_not_refused() -> None:
    """Regression (issue 3): py3langid calls short English news about Nigeria Nigerian Pidgin; with enough
    weight left on English it must still be coded."""
    english = detect_language("Nigeria will impose sanctions on Niger next month.")
    assert not english.refused and english.supported_probability >= MIN_SUPPORTED_PROBABILITY
    pidgin = detect_language(
        "Wetin dey happen for Lagos today? Di goment don talk say dem go close di market."
    )
    assert pidgin.code == "pcm" and pidgin.refused
    assert detect_language("Le gouvernement a annoncé une nouvelle loi hier soir à Paris.").refused
