"""What the PETRARCH/Phoenix dictionaries cost: load time, start-up time and articles/s, same texts, same run.

usage: python benchmarks/dictionary_speed.py [--limit N] [--rounds K] [--dictionaries PATH] [--batch-size B]

Dictionaries: ../shared/benchmarks/petrarch2/dictionaries (the Phoenix actors, agents and discards and
CAMEO.2.0.txt; PETR.Validate.* and Phoenix.IssueCoding.txt are left out through a manifest). Texts: the
GeoWebNews articles of ../shared/benchmarks/geoparsing-gritta (GWN.xml.gz).

Figures:
- load: parsing the dictionary files (no cache), then loading the same set from the compiled cache
  (a fresh temporary cache folder, so the first load writes it and the second reads it);
- start-up: ``Resources.check()`` (model, gazetteer, lexicon, geocoder ...) without and with the
  dictionaries, each in a fresh ``Resources``; the dictionary run reads the cache written above;
- throughput: both pipelines code the same articles, alternating, ``--rounds`` times; the best round of
  each is reported, with seconds per stage (summed over rounds) to show where the difference lies. The
  added cost is ``(articles/s without) / (articles/s with) - 1`` (target <= 10% for geocoding and
  dictionary lookups together, issue 5).
"""

from __future__ import annotations

import argparse
import platform
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from corpora import gwn_texts, shared_dir

from eventwire import Document, build_pipeline
from eventwire.config import Config
from eventwire.dictionaries import load_dictionaries
from eventwire.errors import EventwireError
from eventwire.pipeline import Pipeline
from eventwire.resources import Resources

DICTIONARIES = "benchmarks/petrarch2/dictionaries"
PHOENIX = {
    "actors": [
        "Phoenix.Countries.actors.txt.gz",
        "Phoenix.International.actors.txt",
        "Phoenix.MilNonState.actors.txt",
    ],
    "agents": ["Phoenix.agents.txt"],
    "verbs": ["CAMEO.2.0.txt"],
    "discards": ["Phoenix.discards.txt"],
}
ADDED_TARGET = 0.10


def phoenix_manifest(folder: Path, out: Path) -> Path:
    path = out / "phoenix.toml"
    lines = [f"{k} = [{', '.join(repr((folder / f).as_posix()) for f in v)}]" for k, v in PHOENIX.items()]
    path.write_text("\n".join(lines).replace("'", '"') + "\n", encoding="utf-8")
    return path


def timed_run(pipeline: Pipeline, texts: list[str], batch_size: int, seconds: dict[str, float]) -> float:
    """Code ``texts`` stage by stage in batches (as ``Pipeline.pipe`` does), adding each stage's time to
    ``seconds``; returns the wall time."""
    start = time.perf_counter()
    for first in range(0, len(texts), batch_size):
        docs = [
            Document(doc_id=f"t{first + i}", original=t) for i, t in enumerate(texts[first:][:batch_size])
        ]
        for stage in pipeline.stages:
            t0 = time.perf_counter()
            if stage.batch is not None:
                stage.run_batch(docs, pipeline.resources)
            else:
                ok = []
                for doc in docs:
                    try:
                        stage(doc, pipeline.resources)
                    except EventwireError:
                        continue
                    ok.append(doc)
                docs = ok
            seconds[stage.name] += time.perf_counter() - t0
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="use only the first N articles (0: all)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument(
        "--dictionaries", type=Path, help="a dictionary folder or manifest (default: Phoenix)"
    )
    args = parser.parse_args()
    texts = [t for t in gwn_texts().values() if t.strip()]
    if args.limit:
        texts = texts[: args.limit]
    words = sum(len(t.split()) for t in texts)
    machine = f"{platform.machine()} python {platform.python_version()}"
    print(f"machine: {machine}; {len(texts)} GWN articles, {words} words")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = args.dictionaries or phoenix_manifest(shared_dir() / DICTIONARIES, folder)
        cache = folder / "cache"

        t0 = time.perf_counter()
        parsed = load_dictionaries(path, cache_dir=None)
        cold = time.perf_counter() - t0
        load_dictionaries(path, cache_dir=cache)  # writes the cache
        t0 = time.perf_counter()
        cached = load_dictionaries(path, cache_dir=cache)
        warm = time.perf_counter() - t0
        summary = parsed.summary()
        print(
            f"dictionaries: {summary['actor_phrases']} actor phrases, {summary['agent_forms']} agent forms, "
            f"{summary['verb_patterns']} verb patterns, {summary['discards']} discards"
        )
        print(f"load: parse the files {cold:6.2f} s   from the cache {warm:6.2f} s   ({cached.cache_note})")

        plain = Resources(Config())
        t0 = time.perf_counter()
        plain.check()
        check_plain = time.perf_counter() - t0
        with_dicts = Resources(Config(dictionaries=path))
        with_dicts.__dict__["dictionaries"] = cached  # the set loaded above, from the temporary cache
        t0 = time.perf_counter()
        with_dicts.check()
        check_dicts = time.perf_counter() - t0
        print(f"Resources.check(): without {check_plain:6.2f} s   with dictionaries {check_dicts:6.2f} s")

        pipelines = {"without": build_pipeline(resources=plain), "with": build_pipeline(resources=with_dicts)}
        timed_run(pipelines["without"], texts[:4], args.batch_size, defaultdict(float))  # warm-up
        timed_run(pipelines["with"], texts[:4], args.batch_size, defaultdict(float))
        best = {name: float("inf") for name in pipelines}
        stages: dict[str, dict[str, float]] = {name: defaultdict(float) for name in pipelines}
        for _ in range(args.rounds):
            for name, pipeline in pipelines.items():
                best[name] = min(best[name], timed_run(pipeline, texts, args.batch_size, stages[name]))
    rate = {name: len(texts) / best[name] for name in pipelines}
    added = rate["without"] / rate["with"] - 1
    for name in pipelines:
        print(f"{name + ' dictionaries:':22} {rate[name]:7.2f} articles/s  {words / best[name]:8.0f} words/s")
    print(f"added by the dictionaries: {added:+.1%} time per article (target <= {ADDED_TARGET:.0%})")
    print(f"seconds per stage over {args.rounds} rounds:")
    print(f"  {'stage':12} {'without':>9} {'with':>9}")
    for stage in pipelines["with"].names:
        print(f"  {stage:12} {stages['without'][stage]:9.2f} {stages['with'][stage]:9.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
