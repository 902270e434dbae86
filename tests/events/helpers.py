"""Helpers shared by the events tests."""

from __future__ import annotations

from eventwire.document import Event


def summary(events: list[Event]) -> list[tuple[str, str | None, str | None]]:
    """(CAMEO code, source country, target country) of each event, in order."""
    return [
        (e.cameo, e.source.country if e.source else None, e.target.country if e.target else None)
        for e in events
    ]
