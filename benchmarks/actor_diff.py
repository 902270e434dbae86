"""Where our actors differ from gold: per gold event of the seed and dev sets, the predicted event in the same
sentence with an acceptable CAMEO root, and whether its source/target country and type are acceptable.

usage: python benchmarks/actor_diff.py [--pred-dir DIR] [--people] [--gsr [--show wrong|all]]

``--pred-dir`` reads ``seed.jsonl``/``dev.jsonl`` written by ``dev_score.py --out DIR`` instead of coding
again. ``--people`` also prints each article's person clusters (in-document coreference) to judge linking.
The scorer in ../shared/eval is imported as it is (its acceptance test), never copied.

Lines: ``OK`` strict match; ``TYPE`` countries right, a type wrong; ``CTRY`` a country wrong; ``ROOT`` an
aligned prediction with another root; ``MISS`` nothing aligned. A summary counts the causes by side and by
(gold value -> our value).

``--gsr`` measures the actor stage alone on the CAMEO manual's sentences (PLOVER GSR, see gsr_cameo.py):
for every source and target actor the record marks, the mention we find over its words and whether its
country is the record's. It needs no event, so it separates actor errors from event misses. A mention with no
country of its own is shown with the sentence's default (the one place it names, else the focus country)
as ``~XXX``, which the event stage would give it, and counted with it.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

from corpora import Article, dev_articles, seed_articles, shared_dir

from eventwire import Document, build_pipeline
from eventwire.document import Mention
from eventwire.stage_errors import require_parse


def _scorer() -> ModuleType:
    path = shared_dir() / "eval" / "score_events.py"
    spec = importlib.util.spec_from_file_location("score_events", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _code(articles: list[Article], people: bool) -> list[dict[str, Any]]:
    pipeline = build_pipeline()
    docs = [Document(doc_id=a.doc_id, original=a.text, pub_date=a.pub_date) for a in articles]
    rows: list[dict[str, Any]] = []
    for doc in pipeline.pipe(docs):
        rows.extend(e.to_json() for e in doc.events)
        if people:
            clusters: dict[int, list[str]] = {}
            info: dict[int, tuple[str | None, str | None]] = {}
            for m in doc.mentions:
                if m.kind in {"person", "role", "pronoun"} and m.entity_id is not None and m.entity_id >= 0:
                    if m.kind == "role" and not m.name:
                        continue
                    clusters.setdefault(m.entity_id, []).append(f"{m.text!r}({m.kind})")
                    info[m.entity_id] = (m.country, m.type)
            print(f"== {doc.doc_id} people")
            for eid, items in clusters.items():
                print(f"  [{eid}] {info[eid]} " + ", ".join(items))
    return rows


def _actor(obj: dict[str, Any] | None) -> str:
    if not obj:
        return "-"
    return f"{obj.get('text')!r}:{obj.get('country')}/{obj.get('type')}"


def diff(name: str, gold: list[dict[str, Any]], pred: list[dict[str, Any]], sc: ModuleType) -> Counter[str]:
    causes: Counter[str] = Counter()
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for p in pred:
        by_doc.setdefault(p["doc"], []).append(p)
    for g in gold:
        cands = [p for p in by_doc.get(g["doc"], []) if sc._inside(sc._pred_span(p), g)]
        keys = [(p, sc._key(p)) for p in cands]
        rooted = [(p, k) for p, k in keys if k["root"] in sc._as_set(g["cameo_root"])]
        actors = f"{_actor(g['source'])} -> {_actor(g.get('target'))}"
        label = f"{g['doc']} {g['id']} {g['cameo_root']} {actors}"
        if not cands:
            print(f"MISS {label}")
            causes["miss"] += 1
            continue
        if not rooted:
            roots = ",".join(k["root"] for _, k in keys)
            print(f"ROOT {label}  (ours: {roots})")
            causes["root"] += 1
            continue
        strict = [(p, k) for p, k in rooted if sc.gold_accepts(g, k, strict=True, aligned=True)]
        if strict:
            print(f"OK   {label}")
            causes["ok"] += 1
            continue
        lenient = [(p, k) for p, k in rooted if sc.gold_accepts(g, k, strict=False, aligned=True)]
        p, k = (lenient or rooted)[0]
        kind = "TYPE" if lenient else "CTRY"
        causes[kind.lower()] += 1
        print(f"{kind} {label}\n       ours {_actor(p['source'])} -> {_actor(p.get('target'))}")
        for side, ck, tk in (("source", "scty", "styp"), ("target", "tcty", "ttyp")):
            gobj = g.get(side)
            gc = sc._as_set(gobj.get("country") if gobj else None)
            gt = sc._as_set(gobj.get("type") if gobj else None)
            if k[ck] not in gc:
                causes[f"{side} country {sorted(map(str, gc))} -> {k[ck]}"] += 1
            elif kind == "TYPE" and k[tk] not in gt:
                causes[f"{side} type {sorted(map(str, gt))} -> {k[tk]}"] += 1
    return causes


GSR_CODE_ALIASES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
"""The records' old CAMEO codes for three countries (as gsr_cameo.py reads them)."""


def _locate(text: str, actor_text: str) -> tuple[int, int] | None:
    """Character range of the first written fragment of a record's actor text ("Bosnian Serbs ... forces")."""
    fragment = " ".join(actor_text.replace("..", "\0").split("\0")[0].split())
    if not fragment:
        return None
    pattern = r"\s+".join(re.escape(w) for w in fragment.split())
    found = re.search(pattern, text)
    return (found.start(), found.end()) if found else None


def _best_mention(mentions: list[Mention], start: int, end: int) -> Mention | None:
    """The mention that covers most of the range, preferring one that names a country."""
    best: tuple[int, int, int] | None = None
    chosen: Mention | None = None
    for m in mentions:
        overlap = min(end, m.end) - max(start, m.start)
        if overlap <= 0:
            continue
        key = (overlap, m.country is not None, -(m.end - m.start))
        if best is None or key > best:
            best, chosen = key, m
    return chosen


def gsr_actors(show: str) -> None:
    from gsr_cameo import load_records

    path = shared_dir() / "benchmarks" / "plover" / "PLOVER_GSR_CAMEO.txt"
    rows = [r for r in json.loads(path.read_text(encoding="utf-8")) if r.get("event") != "DOCUMENT"]
    records = load_records()
    pipeline = build_pipeline()
    docs = [Document(doc_id=r.rid, original=r.text) for r in records]
    tally: Counter[str] = Counter()
    for row, doc in zip(rows, pipeline.pipe(docs), strict=True):
        lines = []
        for side in ("source", "target"):
            actors = row.get(side)
            if not isinstance(actors, list):
                continue
            for actor in actors:
                gold = GSR_CODE_ALIASES.get(actor.get("code"), actor.get("code"))
                where = _locate(doc.text, actor.get("actorText", ""))
                mention = _best_mention(doc.mentions, *where) if where else None
                if mention is None:
                    ours, verdict = "-", "none"
                elif mention.country is not None:
                    ours = mention.country
                    verdict = "ok" if ours == gold else "wrong"
                else:
                    sent = next(
                        (
                            i
                            for i, s in enumerate(require_parse(doc).sents)
                            if s.start_char <= mention.start < s.end_char
                        ),
                        -1,
                    )
                    named = doc.sent_countries[sent] if sent >= 0 else []
                    default = named[0] if len(named) == 1 else doc.focus_country
                    ours = f"~{default}"
                    verdict = "ok" if default == gold else "wrong"
                tally[f"{side} {verdict}"] += 1
                tally[f"{side} all"] += 1
                text = mention.text if mention else "-"
                lines.append(f"  {verdict:5s} {side} {actor.get('actorText')!r} {gold} <- {text!r} {ours}")
        if show == "all" or (show == "wrong" and any(not x.startswith("  ok") for x in lines)):
            print(f"{row['id']}: {' '.join(row['text'].split())[:200]}")
            print("\n".join(lines))
    for side in ("source", "target"):
        n = tally[f"{side} all"] or 1
        print(
            f"GSR {side} actors: {tally[f'{side} all']}, country right {tally[f'{side} ok'] / n:.3f}, "
            f"wrong {tally[f'{side} wrong'] / n:.3f}, no mention {tally[f'{side} none'] / n:.3f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pred-dir", type=Path)
    parser.add_argument("--people", action="store_true")
    parser.add_argument("--gsr", action="store_true", help="actor spans of the CAMEO manual's sentences")
    parser.add_argument("--show", choices=("wrong", "all", "none"), default="wrong")
    args = parser.parse_args()
    if args.gsr:
        gsr_actors(args.show)
        return
    sc = _scorer()
    shared = shared_dir()
    for name, articles, gold_path in (
        ("seed", seed_articles, shared / "seed" / "gold.jsonl"),
        ("dev", dev_articles, shared / "dev" / "gold.jsonl"),
    ):
        if args.pred_dir is not None and not args.people:
            pred = [json.loads(x) for x in (args.pred_dir / f"{name}.jsonl").read_text().splitlines() if x]
        else:
            pred = _code(articles(), args.people)
        gold = [json.loads(x) for x in gold_path.read_text().splitlines() if x.strip()]
        print(f"===== {name}")
        causes = diff(name, gold, pred, sc)
        print(f"----- {name} summary")
        for cause, n in causes.most_common():
            print(f"  {n:3d} {cause}")


if __name__ == "__main__":
    main()
