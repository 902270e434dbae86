"""The parsed-set cache: written once, read back equal, ignored when it cannot be used (issue 5)."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.dictionaries import load_dictionaries
from eventwire.dictionaries.cache import CACHE_ENV, default_cache_dir

ACTORS = (
    "FREEDONIA_ [FRE]\n+FREEDONIAN\nRUFUS_FIREFLY\n\t[FREGOV 19330101-19331231]\n"
    "GROUCHO [FRE]\nGROUCHO [SYL]\n"
)
VERBS = "&COAST\n+NORTHERN\n\n--- BLOCKADE [191] ---\nBLOCKADE\n- * &COAST COAST [192]\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "t.actors.txt").write_text(ACTORS, encoding="utf-8")
    (tmp_path / "t.verbs.txt").write_text(VERBS, encoding="utf-8")
    (tmp_path / "t.agents.txt").write_text("ADMIRAL [~MIL]\n", encoding="utf-8")
    return tmp_path


def test_a_set_is_parsed_once_then_read_back_equal(folder: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = load_dictionaries(folder, cache_dir=cache)
    second = load_dictionaries(folder, cache_dir=cache)
    assert not first.cached and "cache written" in first.cache_note
    assert second.cached and "read from" in second.cache_note
    assert second.actors == first.actors and second.agents == first.agents
    assert second.verbs[0].blocks[0].patterns == first.verbs[0].blocks[0].patterns
    assert second.issues == first.issues  # the duplicate GROUCHO, counted once either way
    assert len(list(cache.glob("*.pickle"))) == 1


def test_a_changed_file_is_parsed_again(folder: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    load_dictionaries(folder, cache_dir=cache)
    (folder / "t.actors.txt").write_text(ACTORS + "SYLVANIA [SYL]\n", encoding="utf-8")
    again = load_dictionaries(folder, cache_dir=cache)
    assert not again.cached and again.actor("Sylvania") is not None


def test_a_corrupt_or_unwritable_cache_falls_back_to_the_files(folder: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    load_dictionaries(folder, cache_dir=cache)
    [entry] = cache.glob("*.pickle")
    entry.write_bytes(b"not a pickle")
    loaded = load_dictionaries(folder, cache_dir=cache)
    assert not loaded.cached and "corrupt (UnpicklingError)" in loaded.cache_note
    assert "cache written" in loaded.cache_note  # and replaced
    entry.write_bytes(b"\x80\x04K\x01.")  # a valid pickle of something else (the int 1)
    assert not load_dictionaries(folder, cache_dir=cache).cached
    blocked = tmp_path / "a-file"
    blocked.write_text("", encoding="utf-8")
    unwritable = load_dictionaries(folder, cache_dir=blocked / "sub")
    assert not unwritable.cached and "not written" in unwritable.cache_note
    assert unwritable.actor("Freedonian") is not None


def test_the_default_folder_follows_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    assert default_cache_dir() == tmp_path
    monkeypatch.setenv(CACHE_ENV, "")
    assert default_cache_dir() is None
    monkeypatch.delenv(CACHE_ENV)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert default_cache_dir() == tmp_path / "eventwire" / "dictionaries"
