"""Loaders for the external material in ../shared (never copied into the project)."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@dataclass(frozen=True)
class Article:
    doc_id: str
    text: str
    pub_date: dt.date | None


def shared_dir() -> Path:
    if not SHARED.is_dir():
        raise SystemExit(f"{SHARED}: the shared folder is missing; it must sit next to the project root")
    return SHARED


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def seed_articles() -> list[Article]:
    seed = shared_dir() / "seed"
    index = {r["doc"]: r for r in map(json.loads, (seed / "index.jsonl").read_text().splitlines()) if r}
    out = []
    for path in sorted(seed.glob("*.txt")):
        row = index.get(path.stem, {})
        out.append(Article(path.stem, path.read_text(encoding="utf-8"), _date(row.get("pub_date"))))
    return out


def gwn_texts() -> dict[str, str]:
    """GeoWebNews article texts by GWN file id, exactly as the XML parser returns them."""
    path = shared_dir() / "benchmarks" / "geoparsing-gritta" / "GWN.xml.gz"
    with gzip.open(path, "rb") as fh:
        root = ET.parse(fh).getroot()
    return {a.get("file", ""): (a.findtext("text") or "") for a in root.iter("article")}


def dev_articles() -> list[Article]:
    dev = shared_dir() / "dev"
    texts = gwn_texts()
    out = []
    for line in (dev / "index.jsonl").read_text().splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        out.append(Article(row["doc"], texts[row["gwn_id"]], _date(row.get("pub_date"))))
    return out
