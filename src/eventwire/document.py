"""The one document object that flows through every pipeline stage.

A :class:`Document` starts with the original text (the decoded ``.txt`` file, or the article text that
trafilatura extracted from a page) and each stage adds to it: the clean text and its offset map, the
spaCy parse, actor mentions, events. Every span that leaves eventwire is expressed in offsets into
``Document.original``; stages work on the clean text and convert with :meth:`Document.span`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc as SpacyDoc

    from eventwire.clean.offsets import OffsetMap
    from eventwire.sources.item import RawInput


@dataclass(frozen=True, slots=True)
class TextSpan:
    """A piece of the original text: ``original[start:end] == text``."""

    text: str
    start: int
    end: int

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(slots=True)
class Actor:
    """One actor as coded: the mention as written plus its normalised identity."""

    span: TextSpan
    name: str | None = None  # canonical name of a named person or organisation
    country: str | None = None  # ISO 3166-1 alpha-3, "IGO", "NGO" or None
    type: str | None = None  # GOV, MIL, REB, PMC, COP, JUD, OPP, CVL, MED, BUS, IGO, NGO or None
    entity_id: int | None = None  # in-document coreference cluster
    kind: str = ""  # the mention kind it came from (person, role, org, country, ...); not exported
    implicit: bool = False
    """The text names no such actor; the coder infers it (the police behind "X was arrested", the
    government a protest is aimed at, the maker of a criticised law). Its span is then the word it is
    inferred from (the trigger, or the law), not a mention of the actor."""

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.span.text,
            "name": self.name,
            "country": self.country,
            "type": self.type,
            "start": self.span.start,
            "end": self.span.end,
            "implicit": self.implicit,
        }


@dataclass(slots=True)
class Location:
    span: TextSpan
    name: str | None
    country: str | None
    lat: float | None = None
    lon: float | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.span.text,
            "name": self.name,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
            "start": self.span.start,
            "end": self.span.end,
        }


@dataclass(slots=True)
class Quantity:
    span: TextSpan
    value: float | int
    unit: str  # "persons" or an ISO 4217 currency code
    period: str | None = None  # "day", "week", "month", "year" or None

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.span.text,
            "value": self.value,
            "unit": self.unit,
            "period": self.period,
            "start": self.span.start,
            "end": self.span.end,
        }


STATUSES = ("denied", "hypothetical", "requested", "planned", "alleged", "reported", "asserted")
"""The seven statuses of ANNOTATION.md, in their order of precedence (first that fits wins)."""


@dataclass(slots=True)
class Event:
    """One coded event. Offsets are into ``Document.original``."""

    doc: str
    cameo: str
    source: Actor | None
    target: Actor | None
    evidence: TextSpan
    trigger: TextSpan
    rule: str
    plover: str | None = None
    goldstein: float | None = None
    quad_class: int | None = None
    date: str | None = None
    date_precision: str | None = None
    date_span: TextSpan | None = None
    location: Location | None = None
    other_locations: list[Location] = field(default_factory=list)
    """Further places named in one list with ``location`` ("attacked the villages of X, Y and Z"): the
    event happened in each."""
    status: str = "asserted"
    attributed_to: TextSpan | None = None
    quantities: list[Quantity] = field(default_factory=list)
    confidence: float = 0.5
    other_mentions: list[TextSpan] = field(default_factory=list)
    id: str = ""
    # clean-text positions of the trigger and the sentence, for later stages (not exported)
    sent_index: int = -1
    trigger_token: int = -1

    @property
    def cameo_root(self) -> str:
        return self.cameo[:2]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "doc": self.doc,
            "cameo": self.cameo,
            "cameo_root": self.cameo_root,
            "plover": self.plover,
            "goldstein": self.goldstein,
            "quad_class": self.quad_class,
            "source": self.source.to_json() if self.source else None,
            "target": self.target.to_json() if self.target else None,
            "date": self.date,
            "date_precision": self.date_precision,
            "date_span": self.date_span.to_json() if self.date_span else None,
            "location": self.location.to_json() if self.location else None,
            "other_locations": [loc.to_json() for loc in self.other_locations],
            "status": self.status,
            "attributed_to": self.attributed_to.to_json() if self.attributed_to else None,
            "quantities": [q.to_json() for q in self.quantities],
            "evidence": self.evidence.to_json(),
            "trigger": self.trigger.to_json(),
            "other_mentions": [m.to_json() for m in self.other_mentions],
            "confidence": round(self.confidence, 3),
            "rule": self.rule,
        }


@dataclass(slots=True)
class Mention:
    """An actor mention found in the clean text (clean offsets), before it is attached to events."""

    start: int  # clean-text character offsets
    end: int
    text: str
    name: str | None
    country: str | None
    type: str | None
    kind: str  # person, org (gazetteer), unknown-org, country, capital, metonym, demonym, role, pronoun
    head: int = -1  # token index of the mention's head in Document.nlp
    collective: bool = False  # a singular institution or group ("the army"), which "it" may refer to
    entity_id: int = -1  # in-document coreference cluster


@dataclass(slots=True)
class Document:
    """The article and everything the pipeline has found in it so far."""

    doc_id: str
    original: str
    path: str | None = None
    pub_date: dt.date | None = None
    title: str | None = None
    # read stage: where the article came from and what the page says about itself
    raw: RawInput | None = None  # the input as received (bytes), when it came from a source
    origin: str | None = None  # path, path:LINE, path@OFFSET, URL or "-" (names the input in messages)
    url: str | None = None
    canonical_url: str | None = None
    outlet: str | None = None
    author: str | None = None
    language: str | None = None  # ISO 639-1 code detected from the article text
    # clean stage
    text: str = ""
    offsets: OffsetMap | None = None
    removed_lines: list[TextSpan] = field(default_factory=list)
    # nlp stage
    nlp: SpacyDoc | None = None
    # actors stage
    mentions: list[Mention] = field(default_factory=list)
    mention_at: dict[int, int] = field(default_factory=dict)  # head token index -> index into mentions
    focus_country: str | None = None  # the country the article is mostly about
    sent_countries: list[list[str]] = field(default_factory=list)  # countries named in each sentence
    ent_countries: dict[tuple[int, int], str] = field(default_factory=dict)  # entity span -> its country
    place_heads: dict[int, str] = field(default_factory=dict)  # head token of a place as such -> country
    # events stage and later
    events: list[Event] = field(default_factory=list)
    stages_run: list[str] = field(default_factory=list)

    def span(self, start: int, end: int) -> TextSpan:
        """Turn clean-text offsets into a span of the original text (``original[s:e] == text``).
        Whitespace at either end (a sentence's trailing line breaks) is left out."""
        source = self.text if self.offsets is not None else self.original
        while start < end and source[start].isspace():
            start += 1
        while end > start and source[end - 1].isspace():
            end -= 1
        if self.offsets is None:
            s, e = start, end
        else:
            s, e = self.offsets.to_original(start, end)
        return TextSpan(self.original[s:e], s, e)
