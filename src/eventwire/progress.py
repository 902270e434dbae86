"""Progress of a long run: a bar with documents/s and ETA on a terminal, nothing otherwise."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TextIO

SINGLE_ARTICLE_SUFFIXES = frozenset({".txt", ".text", ".html", ".htm", ".xhtml"})


class Progress:
    """Counts inputs as they are done; draws a tqdm bar only when ``stream`` is a terminal."""

    def __init__(self, stream: TextIO, total: int | None = None, enabled: bool | None = None) -> None:
        self.done = 0
        self._bar: Any = None
        if enabled if enabled is not None else stream.isatty():
            from tqdm import tqdm

            self._bar = tqdm(total=total, file=stream, unit="doc", dynamic_ncols=True, smoothing=0.1)

    def advance(self, n: int, events: int) -> None:
        self.done += n
        if self._bar is not None:
            self._bar.set_postfix(events=events, refresh=False)
            self._bar.update(n)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()


def estimate_total(specs: list[str]) -> int | None:
    """How many inputs ``specs`` hold, when that is cheap to know (files, directories, JSONL line counts);
    None when some input's size is only known as it is read (URLs, feeds, WARC archives, stdin)."""
    total = 0
    for spec in specs:
        path = Path(spec)
        if spec == "-" or "://" in spec or not path.exists():
            return None
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            suffix = file.suffix.lower()
            if suffix in SINGLE_ARTICLE_SUFFIXES:
                total += 1
            elif suffix == ".jsonl":
                with file.open("rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            elif suffix in {".warc", ".gz", ".urls"}:
                return None
    return total
