"""The ``output`` stage: the last checks before events leave the pipeline."""

from __future__ import annotations

from eventwire.document import Document, Event, TextSpan
from eventwire.errors import PipelineConfigError
from eventwire.resources import Resources


def event_spans(event: Event) -> list[TextSpan]:
    spans = [event.evidence, event.trigger, *event.other_mentions]
    spans += [a.span for a in (event.source, event.target) if a is not None]
    spans += [q.span for q in event.quantities]
    if event.location is not None:
        spans.append(event.location.span)
    spans += [loc.span for loc in event.other_locations]
    if event.attributed_to is not None:
        spans.append(event.attributed_to)
    if event.date_span is not None:
        spans.append(event.date_span)
    return spans


def finalize(doc: Document, resources: Resources) -> None:
    """Drop events under the configured confidence and check every span against the original text."""
    doc.events = [e for e in doc.events if e.confidence >= resources.config.min_confidence]
    for event in doc.events:
        for span in event_spans(event):
            if doc.original[span.start : span.end] != span.text:
                raise PipelineConfigError(
                    doc.doc_id,
                    f"event {event.id}: span {span.start}-{span.end} does not match the original text",
                    "this is a bug in eventwire: please report it with the input file",
                )
