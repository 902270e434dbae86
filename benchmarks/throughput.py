"""Throughput of the full eventwire pipeline against bare spaCy ``nlp.pipe`` on the same texts, same run.

usage: python benchmarks/throughput.py [--corpus GWN|TR-News|lgl|GeoVirus|all] [--limit N] [--repeat K]

Texts: the real news articles of ../shared/benchmarks/geoparsing-gritta (see its SOURCE.md). Reports words/s,
articles/s and peak RSS of each, and the ratio pipeline/baseline (target >= 0.6). The baseline is bare spaCy:
``spacy.load`` of the same model and ``nlp.pipe`` over the same texts, nothing else. Peak RSS is the process
high-water mark (resource.getrusage) after each phase; the baseline runs first, so the pipeline's figure
includes both.
"""

from __future__ import annotations

import argparse
import gzip
import platform
import resource
import time
import xml.etree.ElementTree as ET

import spacy
from corpora import shared_dir

from eventwire import Document, build_pipeline

CORPORA = {"GWN": "GWN.xml.gz", "TR-News": "TR-News.xml", "lgl": "lgl.xml.gz", "GeoVirus": "GeoVirus.xml.gz"}


def load_texts(name: str) -> list[str]:
    folder = shared_dir() / "benchmarks" / "geoparsing-gritta"
    names = list(CORPORA) if name == "all" else [name]
    texts = []
    for n in names:
        path = folder / CORPORA[n]
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rb") as fh:
            root = ET.parse(fh).getroot()
        texts += [t.text for t in root.iter("text") if t.text and t.text.strip()]
    return texts


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", default="GWN", choices=[*CORPORA, "all"])
    parser.add_argument("--limit", type=int, default=0, help="use only the first N articles (0: all)")
    parser.add_argument("--batch-size", type=int, default=16)
    args = parser.parse_args()
    texts = load_texts(args.corpus)
    if args.limit:
        texts = texts[: args.limit]
    words = sum(len(t.split()) for t in texts)
    pipeline = build_pipeline()
    nlp = spacy.load(pipeline.resources.config.model)
    print(f"machine: {platform.machine()} {platform.processor() or ''} python {platform.python_version()}")
    print(
        f"corpus {args.corpus}: {len(texts)} articles, {words} words; model {pipeline.resources.config.model}"
    )
    print(f"after loading the bare spaCy model: peak RSS {peak_rss_mb():.0f} MB")

    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=args.batch_size):
        pass
    base = time.perf_counter() - t0
    pipeline.resources.check()  # load eventwire's resources outside the timed part
    print(f"baseline spaCy nlp.pipe: {len(texts) / base:7.2f} articles/s  {words / base:9.0f} words/s  "
          f"peak RSS {peak_rss_mb():.0f} MB")  # fmt: skip

    docs = (Document(doc_id=f"t{i}", original=t) for i, t in enumerate(texts))
    t0 = time.perf_counter()
    n_events = 0
    for doc in pipeline.pipe(docs, batch_size=args.batch_size):
        n_events += len(doc.events)
    full = time.perf_counter() - t0
    print(f"eventwire full pipeline: {len(texts) / full:7.2f} articles/s  {words / full:9.0f} words/s  "
          f"peak RSS {peak_rss_mb():.0f} MB  ({n_events} events)")  # fmt: skip
    print(f"ratio pipeline/baseline (articles/s): {base / full:.2f}  (target >= 0.6)")


if __name__ == "__main__":
    main()
