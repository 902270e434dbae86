"""Shared pytest fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The shared benchmark folder ``shared`` next to the project root (CI always provides it).

    Fails (does not skip) when it is missing, so that benchmark tests cannot silently stop running.
    """
    path = PROJECT_ROOT.parent / "shared"
    if not (path / "benchmarks").is_dir():
        pytest.fail(
            f"shared benchmark folder not found: expected {path}/benchmarks next to the project root "
            f"{PROJECT_ROOT}. Provide the `shared` folder (CI does) before running these tests.",
            pytrace=False,
        )
    return path
