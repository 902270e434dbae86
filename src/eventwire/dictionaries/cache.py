"""Parsed dictionary sets kept between runs, so that a large set (Phoenix: 27k actor records) is parsed once.

The cache is a pickle of the parsed entries (actors, agents, verbs, discards and the issues counted while
parsing) in one file per dictionary set, named by a key that hashes:

- :data:`FORMAT` and the Python version (pickles of other versions are not read);
- the source of the parsing modules (a change to the parser makes old entries unused);
- each file's kind, name and content (sha256), in the set's order.

Where it lives: the folder given to :func:`~eventwire.dictionaries.load_dictionaries` (``cache_dir``), by
default ``$EVENTWIRE_CACHE_DIR``, else ``$XDG_CACHE_HOME/eventwire/dictionaries``, else
``~/.cache/eventwire/dictionaries``; ``EVENTWIRE_CACHE_DIR=`` (empty) turns it off. The cache never makes a
load fail: an unreadable, corrupt or foreign file is ignored and the dictionaries are parsed from their
files; a folder that cannot be written is left alone. What happened is reported in
:attr:`~eventwire.dictionaries.PetrarchDictionaries.cache_note`. Only read cache folders you own (a pickle
can run code when it is read).
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from eventwire.dictionaries._lines import Issue
from eventwire.dictionaries.actors import ActorEntry
from eventwire.dictionaries.agents import AgentEntry
from eventwire.dictionaries.discards import DiscardEntry
from eventwire.dictionaries.verbs import VerbDictionary

if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Iterable

FORMAT = 1
"""Bump when the pickled classes change in a way the parser sources do not show."""
CACHE_ENV = "EVENTWIRE_CACHE_DIR"
_PARSERS = ("_lines.py", "actors.py", "agents.py", "verbs.py", "discards.py", "cache.py")
_SUFFIX = ".pickle"


@dataclass(frozen=True)
class Parsed:
    """What parsing a dictionary set gives, before the lookup indexes are built."""

    actors: list[ActorEntry]
    agents: list[AgentEntry]
    verbs: list[VerbDictionary]
    discards: list[DiscardEntry]
    issues: list[Issue]


def default_cache_dir() -> Path | None:
    """``$EVENTWIRE_CACHE_DIR`` (empty: no cache), else the user cache folder (XDG)."""
    value = os.environ.get(CACHE_ENV)
    if value is not None:
        return Path(value).expanduser() if value.strip() else None
    base = os.environ.get("XDG_CACHE_HOME", "").strip()
    root = Path(base).expanduser() if base else Path.home() / ".cache"
    return root / "eventwire" / "dictionaries"


def cache_key(files: Iterable[tuple[str, Path]]) -> str | None:
    """The key of a set of (kind, path) files; None when a file cannot be read (parsing reports it)."""
    digest = hashlib.sha256(f"format {FORMAT} python {sys.version_info[:2]}".encode())
    here = Path(__file__).parent
    try:
        for name in _PARSERS:
            digest.update(hashlib.sha256((here / name).read_bytes()).digest())
        for kind, path in files:
            digest.update(f"\0{kind}\0{path.name}\0".encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    except OSError:
        return None
    return digest.hexdigest()[:32]


def read_cache(folder: Path, key: str) -> tuple[Parsed | None, str]:
    """The cached set of ``key`` (None when there is none or it cannot be used) and a note saying why."""
    path = folder / f"{key}{_SUFFIX}"
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None, f"no cache entry in {folder}"
    except OSError as exc:
        return None, f"cache {path} unreadable ({exc})"
    collecting = gc.isenabled()
    gc.disable()  # ~100k objects at once: the collector's passes doubled the time (0.25 s -> 0.5-1 s)
    try:
        loaded = pickle.loads(raw)  # noqa: S301 - our own cache folder, see the module docstring
    except Exception as exc:  # noqa: BLE001 - a corrupt pickle can raise nearly anything; we parse instead
        return None, f"cache {path} corrupt ({type(exc).__name__})"
    finally:
        if collecting:
            gc.enable()
    if not (isinstance(loaded, tuple) and len(loaded) == 3 and loaded[:2] == (FORMAT, key)):
        return None, f"cache {path} is not this set's"
    if not isinstance(loaded[2], Parsed):
        return None, f"cache {path} holds something else"
    return loaded[2], f"read from {path}"


def write_cache(folder: Path, key: str, parsed: Parsed) -> str:
    """Write the cache entry of ``key`` (atomically); returns a note (the reason when it was not written)."""
    path = folder / f"{key}{_SUFFIX}"
    temporary: Path | None = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, suffix=".tmp", delete=False) as fh:
            temporary = Path(fh.name)
            pickle.dump((FORMAT, key, parsed), fh, protocol=pickle.HIGHEST_PROTOCOL)
        temporary.replace(path)
    except OSError as exc:
        if temporary is not None:
            temporary.unlink(missing_ok=True)
        return f"files parsed; cache not written to {folder} ({exc})"
    return f"files parsed; cache written to {path}"
