"""Code the 322 example sentences of the CAMEO manual (PLOVER gold-standard records) and compare.

usage: python benchmarks/gsr_cameo.py [--show wrong|all|none] [--subset N]

Reads ``../shared/benchmarks/plover/PLOVER_GSR_CAMEO.txt`` (a JSON array; see ``SOURCE.md`` there) and codes
every sentence on its own (no publication date, no context). Over **all** sentences (one where the coder
produces no event counts as wrong) it reports:

- event type: the PLOVER type of our event equals the record's ``event``. The records use PLOVER 0.5b1
  (2016) names; the older ones are mapped to the 2021 types as the PLOVER summary
  (``plover_reference.html``) and the 2021 CAMEO table do: DEMAND -> REQUEST, DISAPPROVE -> ACCUSE,
  INVESTIGATE -> ACCUSE (mode investigate), FIGHT -> ASSAULT.
- source / target country: our actor's country is one of the record's actor codes (compound actors: any of
  them; ``SRC/TAR`` records, whose actors are marked both ways, accept either direction). A record with no
  target accepts only an event with no target.

Each figure is given twice:
- ``matched``: the sentence's best event (most fields right: type, then source, then target) - the way
  the event scorer pairs a gold event with any predicted event;
- ``first``: the event that the coder ranks first (highest confidence, then earliest trigger), with no
  look at the record.
``events/sentence`` says how many events the coder proposes per sentence (over-generation inflates
``matched`` and not ``first``).
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass, field
from typing import Any

from corpora import shared_dir

from eventwire import Document, build_pipeline
from eventwire.document import Event

OLD_TO_2021 = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
"""PLOVER 0.5b1 type names of the records -> the 2021 types our CAMEO -> PLOVER table uses."""
CODE_ALIASES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
"""Country codes of the records that are CAMEO's old actor codes rather than ISO 3166 alpha-3."""
SYMMETRIC_MARK = "(SRC/TAR:"


@dataclass(frozen=True)
class GsrRecord:
    rid: str
    text: str
    event: str  # 2021 type
    sources: frozenset[str | None]
    targets: frozenset[str | None]  # {None} when the record has no target
    symmetric: bool


@dataclass
class Tally:
    n: int = 0
    type_ok: int = 0
    source_ok: int = 0
    target_ok: int = 0
    all_ok: int = 0

    def add(self, ok: tuple[bool, bool, bool]) -> None:
        self.n += 1
        self.type_ok += ok[0]
        self.source_ok += ok[1]
        self.target_ok += ok[2]
        self.all_ok += all(ok)

    def shares(self) -> dict[str, float]:
        n = self.n or 1
        return {
            "event_type": self.type_ok / n,
            "source_country": self.source_ok / n,
            "target_country": self.target_ok / n,
            "all_three": self.all_ok / n,
        }


@dataclass
class GsrResult:
    matched: Tally = field(default_factory=Tally)
    first: Tally = field(default_factory=Tally)
    events: int = 0
    no_event: int = 0
    rows: list[tuple[GsrRecord, list[Event], tuple[bool, bool, bool]]] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        n = self.matched.n or 1
        return {
            "sentences": self.matched.n,
            "matched": self.matched.shares(),
            "first": self.first.shares(),
            "events_per_sentence": self.events / n,
            "no_event": self.no_event,
        }


def _codes(actors: Any) -> frozenset[str | None]:
    if not isinstance(actors, list) or not actors:
        return frozenset({None})
    return frozenset(CODE_ALIASES.get(a.get("code"), a.get("code")) for a in actors)


def load_records(every: int = 1) -> list[GsrRecord]:
    """The coded sentences (the DOCUMENT header skipped); ``every`` > 1 keeps every n-th one."""
    path = shared_dir() / "benchmarks" / "plover" / "PLOVER_GSR_CAMEO.txt"
    rows = json.loads(path.read_text(encoding="utf-8"))
    out = []
    for row in rows:
        if row.get("event") == "DOCUMENT":
            continue
        info = row.get("textInfo")
        markup = info.get("markup", "") if isinstance(info, dict) else str(info or "")
        out.append(
            GsrRecord(
                rid=row["id"],
                text=row["text"],
                event=OLD_TO_2021.get(row["event"], row["event"]),
                sources=_codes(row.get("source")),
                targets=_codes(row.get("target")),
                symmetric=SYMMETRIC_MARK in markup,
            )
        )
    return out[::every]


def judge(record: GsrRecord, event: Event) -> tuple[bool, bool, bool]:
    """(type, source country, target country) right for one coded event."""
    src = event.source.country if event.source else None
    tgt = event.target.country if event.target else None
    type_ok = event.plover == record.event
    if record.symmetric:
        # SRC/TAR: the actors are each other's counterparts; either one may be the source
        both = record.sources | record.targets
        src_ok = src in both
        tgt_ok = tgt in both if record.targets != {None} or tgt is not None else True
        return type_ok, src_ok, tgt_ok
    return type_ok, src in record.sources, tgt in record.targets


def _first(events: list[Event]) -> Event:
    return sorted(events, key=lambda e: (-e.confidence, e.trigger.start))[0]


def evaluate(records: list[GsrRecord]) -> GsrResult:
    pipeline = build_pipeline()
    docs = [Document(doc_id=r.rid, original=r.text) for r in records]
    result = GsrResult()
    for record, doc in zip(records, pipeline.pipe(docs), strict=True):
        events = list(doc.events)
        result.events += len(events)
        if not events:
            result.no_event += 1
            none = (False, False, False)
            result.matched.add(none)
            result.first.add(none)
            result.rows.append((record, events, none))
            continue
        best = max((judge(record, e) for e in events), key=lambda ok: (sum(ok), ok))
        result.matched.add(best)
        result.first.add(judge(record, _first(events)))
        result.rows.append((record, events, best))
    return result


def _describe(event: Event) -> str:
    src = event.source.country if event.source else None
    tgt = event.target.country if event.target else None
    return f"{event.cameo}/{event.plover} {src}->{tgt} [{event.rule}]"


def render_rows(result: GsrResult, wrong_only: bool = True) -> str:
    """One block per sentence: the record's type and actors, which of type/source/target we got right
    (``ok=yyn``), the sentence and our events. ``wrong_only`` leaves out sentences with all three right."""
    lines = []
    for record, events, ok in result.rows:
        if wrong_only and all(ok):
            continue
        gold = f"{record.event} {sorted(map(str, record.sources))}->{sorted(map(str, record.targets))}"
        lines.append(f"{record.rid} gold {gold} ok={''.join('yn'[not x] for x in ok)}")
        lines.append("    " + " ".join(record.text.split())[:220])
        lines.extend(f"    -> {_describe(event)}" for event in events)
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--show", choices=("wrong", "all", "none"), default="none")
    parser.add_argument("--subset", type=int, default=1, help="keep every N-th sentence")
    args = parser.parse_args()
    result = evaluate(load_records(args.subset))
    if args.show != "none":
        print(render_rows(result, wrong_only=args.show == "wrong"))
    summary = result.summary()
    print(
        f"GSR (CAMEO manual examples): {summary['sentences']} sentences, "
        f"{summary['events_per_sentence']:.2f} events/sentence, {summary['no_event']} with no event"
    )
    for how in ("matched", "first"):
        shares = summary[how]
        print(
            f"  {how:8s} event type {shares['event_type']:.3f}  "
            f"source country {shares['source_country']:.3f}  "
            f"target country {shares['target_country']:.3f}  all three {shares['all_three']:.3f}"
        )


if __name__ == "__main__":
    main()
