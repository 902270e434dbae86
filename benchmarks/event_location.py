"""Event location on ../shared/benchmarks/event-location (Halterman 2019; see its SOURCE.md).

usage: python benchmarks/event_location.py [--set gold|dev|heldout|train|ra] [--limit N] [--offset N] [--json]
                                          [--errors [overlap|exact|missed]]

Each record is one sentence, one event verb (the VERB span) and 0-n LOCATION spans: where *that* verb's
event happened. The sentence goes through the pipeline's read-to-actors stages, ``eventwire.geo.find_places``
and ``eventwire.geo.locate_event_places`` (the functions the attributes stage uses) with the verb's token as
the trigger; the predicted location spans (the linked place and the places listed with it, as events carry
them in ``location`` and ``other_locations``) are scored against the gold spans: precision (predicted spans
that match a gold span), recall (gold spans matched), with exact span match and with overlap. Records with no
gold location count for precision only (a prediction there is a false positive).

Sets: ``gold`` = the 496 records marked ``source: RELABEL`` (the gold standard); ``dev`` = its even
positions, ``heldout`` = its odd positions; ``train`` = N (``--limit``, default 400) of the other,
single-annotator records with ``answer: accept`` (used for development), from position ``--offset``
(default 0) of those records on, so that records not yet tuned on can be taken; ``ra`` = the records with
no ``answer`` field (research assistants' single annotations of the newswire sentences, APW, AFP, Xinhua
and Masdar, that the gold records were relabelled from: the gold records' own kind of text, where ``train``
is mostly other sources), less every record whose id or text is a gold record's, so that neither gold half
is seen through them; ``--limit``/``--offset`` take a slice of them too (no limit by default). Their
annotators marked fewer places than the relabelling did (on the tuning half's 243 records they have, as a
prediction of gold, P .860 R .683), so precision on them reads low; they serve to find missed places.
Gold spans are taken from the records' token offsets (the character offsets of their LOCATION spans are
unreliable).

``--errors`` prints the records scored wrong before the scores: ``overlap`` (the default) those whose
prediction overlaps no gold span (a wrong place, a place where gold has none, or none where gold has one),
``exact`` also those whose prediction overlaps a gold span with other boundaries (marked "boundary") or that
miss a place of a list they found another of ("incomplete"), and
``missed`` only those with a gold location and no prediction. It refuses ``gold`` and ``heldout`` (the
held-out half stays unseen).
"""

from __future__ import annotations

import argparse
import json
import sys
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from corpora import shared_dir

from eventwire import Document
from eventwire.geo import find_places, locate_event_places
from eventwire.resources import Resources
from eventwire.stages import stage

DEFAULT_TRAIN_LIMIT = 400


@dataclass(frozen=True)
class Record:
    text: str
    verb: tuple[int, int]
    locations: tuple[tuple[int, int], ...]


def _span(record: dict[str, Any], span: dict[str, Any]) -> tuple[int, int]:
    """A span's character offsets from its token offsets; IndexError if a token index is out of range."""
    tokens = record["tokens"]
    return tokens[span["token_start"]]["start"], tokens[span["token_end"]]["end"]


def load_records(which: str, limit: int = 0, offset: int = 0) -> list[Record]:
    path = shared_dir() / "benchmarks" / "event-location" / "labeled_text.jsonl.zip"
    with zipfile.ZipFile(path) as zf:
        raw = json.loads(zf.read("labeled_text.jsonl"))
    if which == "train":
        rows = [r for r in raw if r.get("source") != "RELABEL" and r.get("answer") == "accept"]
        rows = rows[offset : offset + (limit or DEFAULT_TRAIN_LIMIT)]
    elif which == "ra":
        gold = [r for r in raw if r.get("source") == "RELABEL"]
        gold_ids = {str(r.get("_id")).strip() for r in gold}
        gold_texts = {r["text"] for r in gold}
        rows = [
            r
            for r in raw
            if "answer" not in r and str(r.get("_id")).strip() not in gold_ids and r["text"] not in gold_texts
        ]
        rows = rows[offset : offset + limit] if limit else rows[offset:]
    else:
        rows = [r for r in raw if r.get("source") == "RELABEL"]
        if which in ("dev", "heldout"):
            rows = rows[0 if which == "dev" else 1 :: 2]
        if limit:
            rows = rows[:limit]
    out = []
    for r in rows:
        try:
            verbs = [_span(r, s) for s in r.get("spans", []) if s["label"] == "VERB"]
            locs = tuple(_span(r, s) for s in r.get("spans", []) if s["label"] == "LOCATION")
        except IndexError:
            # a few single-annotator records have a span whose token index is past the token list
            print(
                f"skipped record {r.get('_id', '?')!r}: a span's token index is out of range", file=sys.stderr
            )
            continue
        if len(verbs) != 1:
            continue  # 4 records have no verb or two
        out.append(Record(r["text"], verbs[0], locs))
    return out


Spans = tuple[tuple[int, int], ...]


def predict(records: Sequence[Record], resources: Resources) -> list[Spans]:
    """The location spans (original offsets) the pipeline's functions give each record's verb: the linked
    place and the places listed with it, none when nothing is linked."""
    docs = [Document(doc_id=str(n), original=r.text) for n, r in enumerate(records)]
    for doc in docs:
        stage("clean")(doc, resources)
    stage("nlp").run_batch(docs, resources)
    out: list[Spans] = []
    for record, doc in zip(records, docs, strict=True):
        stage("actors")(doc, resources)
        parsed = doc.nlp
        assert parsed is not None
        trigger = next(
            (
                t
                for t in parsed
                if not t.is_space and doc.span(t.idx, t.idx + len(t.text)).start == record.verb[0]
            ),
            None,
        )  # a run of spaces before the verb maps to the verb's offset too
        if trigger is None:
            out.append(())
            continue
        found = locate_event_places(trigger, find_places(doc, resources.geocoder))
        out.append(tuple((span.start, span.end) for span in (doc.span(m.start, m.end) for m in found)))
    return out


def score(records: Sequence[Record], predicted: Sequence[Spans]) -> dict[str, Any]:
    out: dict[str, Any] = {"records": len(records), "gold_spans": sum(len(r.locations) for r in records)}
    out["predicted_spans"] = sum(len(p) for p in predicted)
    for mode in ("exact", "overlap"):

        def same(a: tuple[int, int], b: tuple[int, int], mode: str = mode) -> bool:
            return a == b if mode == "exact" else (a[0] < b[1] and b[0] < a[1])

        pairs = list(zip(records, predicted, strict=True))
        tp_pred = sum(any(same(p, g) for g in r.locations) for r, spans in pairs for p in spans)
        tp_gold = sum(any(same(p, g) for p in spans) for r, spans in pairs for g in r.locations)
        precision = tp_pred / out["predicted_spans"] if out["predicted_spans"] else 0.0
        recall = tp_gold / out["gold_spans"] if out["gold_spans"] else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        out[mode] = {"precision": precision, "recall": recall, "f1": f1}
    return out


def error_kind(record: Record, predicted: Spans) -> str | None:
    """How a record's predictions are wrong: "missed" (gold has a location, none predicted), "spurious" (a
    prediction where gold has none), "wrong" (a prediction overlaps no gold span), "boundary" (each overlaps
    one, some with other boundaries), "incomplete" (each is exact, some gold span is not predicted) or None
    when they are right."""
    if not predicted:
        return "missed" if record.locations else None
    if not record.locations:
        return "spurious"
    gold = record.locations
    if any(not any(p[0] < g[1] and g[0] < p[1] for g in gold) for p in predicted):
        return "wrong"
    if any(p not in gold for p in predicted):
        return "boundary"
    return "incomplete" if any(g not in predicted for g in gold) else None


ERROR_KINDS = {
    "overlap": frozenset({"missed", "spurious", "wrong"}),
    "exact": frozenset({"missed", "spurious", "wrong", "boundary", "incomplete"}),
    "missed": frozenset({"missed"}),
}


def print_errors(records: Sequence[Record], predicted: Sequence[Spans], which: str) -> None:
    for r, spans in zip(records, predicted, strict=True):
        kind = error_kind(r, spans)
        if kind not in ERROR_KINDS[which]:
            continue
        gold = [r.text[s:e] for s, e in r.locations]
        got = [r.text[s:e] for s, e in spans]
        print(f"{kind}: verb {r.text[r.verb[0] : r.verb[1]]!r} gold {gold} got {got}")
        print(f"    {r.text[:300]!r}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--set", dest="which", choices=["gold", "dev", "heldout", "train", "ra"], default="gold"
    )
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--offset", type=int, default=0, help="first record to take (--set train or ra)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--errors",
        nargs="?",
        const="overlap",
        choices=["overlap", "exact", "missed"],
        help="print the records scored wrong: overlap (default), exact (boundary misses too), missed",
    )
    args = parser.parse_args()
    if args.offset and args.which not in ("train", "ra"):
        parser.error("--offset is for --set train or ra")
    if args.errors and args.which in ("gold", "heldout"):
        parser.error("--errors is not for the held-out records (use --set dev or train)")
    resources = Resources()
    records = load_records(args.which, args.limit, args.offset)
    predicted = predict(records, resources)
    result = score(records, predicted)
    if args.errors:
        print_errors(records, predicted, args.errors)
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"set {args.which}: {result['records']} records, {result['gold_spans']} gold location spans, "
          f"{result['predicted_spans']} predicted")  # fmt: skip
    for mode in ("exact", "overlap"):
        r = result[mode]
        print(f"  {mode:8s} P {r['precision']:.3f}  R {r['recall']:.3f}  F1 {r['f1']:.3f}")


if __name__ == "__main__":
    main()
