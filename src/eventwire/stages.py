"""The registered pipeline stages, in order. This is the one place that lists them (a test pins it)."""

from __future__ import annotations

from eventwire.actors.stage import find_actors
from eventwire.attributes.stage import add_attributes
from eventwire.clean.stage import clean
from eventwire.events.stage import find_events
from eventwire.merge.stage import merge_events
from eventwire.nlp.stage import parse, parse_batch
from eventwire.output.stage import finalize
from eventwire.pipeline import Stage
from eventwire.read.stage import read

STAGES: tuple[Stage, ...] = (
    Stage(
        "read",
        read,
        requires=("doc_id",),
        assigns=(
            "original",
            "title",
            "pub_date",
            "origin",
            "url",
            "canonical_url",
            "outlet",
            "author",
            "language",
        ),
    ),
    Stage("clean", clean, requires=("original",), assigns=("text", "offsets", "removed_lines")),
    Stage("nlp", parse, requires=("text",), assigns=("nlp",), batch=parse_batch),
    Stage(
        "actors",
        find_actors,
        requires=("nlp",),
        assigns=("mentions", "mention_at", "focus_country", "sent_countries", "ent_countries"),
    ),
    Stage("events", find_events, requires=("nlp", "mentions"), assigns=("events",)),
    Stage("attributes", add_attributes, requires=("events", "pub_date"), assigns=("events",)),
    Stage("merge", merge_events, requires=("events",), assigns=("events",)),
    Stage("output", finalize, requires=("events", "offsets"), assigns=("events",)),
)

STAGE_ORDER: tuple[str, ...] = tuple(s.name for s in STAGES)


def stage(name: str) -> Stage:
    for s in STAGES:
        if s.name == name:
            return s
    raise KeyError(f"no stage named {name!r}; the stages are {', '.join(STAGE_ORDER)}")
