"""Invented news articles for store and ingest tests (our own text, made from templates).

Each article is distinct (a serial number in its text) and short, so hundreds can be coded in seconds.
"""

from __future__ import annotations

import random
from pathlib import Path

COUNTRIES = [
    ("Mali", "Malian"), ("France", "French"), ("Ghana", "Ghanaian"), ("Kenya", "Kenyan"),
    ("Peru", "Peruvian"), ("Norway", "Norwegian"), ("Egypt", "Egyptian"), ("Chile", "Chilean"),
    ("Japan", "Japanese"), ("Poland", "Polish"), ("Nigeria", "Nigerian"), ("Turkey", "Turkish"),
]  # fmt: skip
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
TEMPLATES = [
    "{d1} troops attacked rebel positions near the border on {day}, the army said.",
    "The {d1} foreign minister met his {d2} counterpart in {c2} on {day} to discuss trade.",
    "Police in {c1} arrested {n} protesters on {day} after demonstrations against fuel prices.",
    "{c1} accused {c2} of supporting armed groups, the government said in a statement on {day}.",
    "The president of {c1} signed a security agreement with {c2} on {day}.",
    "{c1} expelled the {d2} ambassador on {day}, state television reported.",
]
FILLER = [
    "Officials said talks would continue next month.",
    "The region has seen repeated unrest in recent years.",
    "Residents described the situation as calm by evening.",
    "Analysts said the move could affect regional stability.",
]
FRENCH = (
    "Le gouvernement du Mali a annoncé mardi la suspension des négociations avec les groupes armés du nord. "
    "Les ministres se réuniront de nouveau la semaine prochaine pour examiner la situation sécuritaire."
)


def article_text(i: int, rng: random.Random) -> str:
    (c1, d1), (c2, d2) = rng.sample(COUNTRIES, 2)
    lines = [f"Report {i}: news from {c1}", ""]
    for template in rng.sample(TEMPLATES, 2):
        lines.append(template.format(c1=c1, d1=d1, c2=c2, d2=d2, day=rng.choice(DAYS), n=rng.randint(3, 90)))
    lines.append(rng.choice(FILLER) + f" (ref. {i})")
    return "\n".join(lines) + "\n"


def write_corpus(root: Path, n_articles: int, *, seed: int = 7, bad: bool = True) -> dict[str, int]:
    """Write ``n_articles`` .txt articles (some as .html) plus, with ``bad``, a few inputs that must be
    rejected or skipped. Returns the expected counts by kind."""
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    for i in range(n_articles):
        text = article_text(i, rng)
        sub = root / f"part{i % 7}"
        sub.mkdir(exist_ok=True)
        if i % 5 == 0:
            title, *body = text.splitlines()
            paras = "".join(f"<p>{line}</p>" for line in body if line)
            html = (
                f"<html><head><title>{title}</title></head>"
                f"<body><article><h1>{title}</h1>{paras}</article></body></html>"
            )
            (sub / f"a{i:04d}.html").write_text(html, encoding="utf-8")
        else:
            (sub / f"a{i:04d}.txt").write_text(text, encoding="utf-8")
    counts = {"articles": n_articles, "empty": 0, "binary": 0, "french": 0}
    if bad:
        for j in range(3):
            (root / f"empty{j}.txt").write_bytes(b"")
            (root / f"binary{j}.txt").write_bytes(bytes(range(256)) * 4)
            (root / f"french{j}.txt").write_text(f"{FRENCH} ({j})", encoding="utf-8")
        counts.update(empty=3, binary=3, french=3)
    return counts
