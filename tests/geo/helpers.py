"""Helpers shared by the place and event-location tests: a document parsed up to the actors stage, its
place mentions, and the place the locator links to a trigger word."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import ModuleType

from eventwire.document import Document
from eventwire.geo import PlaceMention, find_places, locate_event, locate_event_places
from eventwire.pipeline import Pipeline
from eventwire.stages import stage


def parsed(pipeline: Pipeline, text: str) -> Document:
    doc = Document(doc_id="t", original=text)
    for name in ("clean", "nlp", "actors"):
        stage(name)(doc, pipeline.resources)
    return doc


def places_in(pipeline: Pipeline, text: str) -> tuple[Document, list[PlaceMention]]:
    doc = parsed(pipeline, text)
    return doc, find_places(doc, pipeline.resources.geocoder)


def location_of(pipeline: Pipeline, text: str, verb: str) -> str | None:
    """The text of the place linked to the first token ``verb`` of ``text``, or None."""
    doc, places = places_in(pipeline, text)
    assert doc.nlp is not None
    trigger = next(t for t in doc.nlp if t.text == verb)
    found = locate_event(trigger, places)
    return found.text if found is not None else None


def locations_of(pipeline: Pipeline, text: str, verb: str) -> list[str]:
    """The texts of every place located for the first token ``verb``: the linked one, then those listed
    with it."""
    doc, places = places_in(pipeline, text)
    assert doc.nlp is not None
    trigger = next(t for t in doc.nlp if t.text == verb)
    return [m.text for m in locate_event_places(trigger, places)]


BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def import_benchmark(name: str) -> ModuleType:
    """A script of ``benchmarks/`` as a module (its own imports, such as ``corpora``, resolve there)."""
    sys.path.insert(0, str(BENCHMARKS))
    try:
        return importlib.import_module(name)
    finally:
        sys.path.remove(str(BENCHMARKS))
