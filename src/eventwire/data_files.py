"""Reading eventwire's versioned data files (``eventwire/data``) or a user-supplied replacement."""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

from eventwire.errors import BadDataFile, ResourceMissing


def read_data_file(
    name: str, path: Path | Traversable | None = None, bad_file: type[BadDataFile] = BadDataFile
) -> tuple[str, str]:
    """Text and display name of ``path``, or of the packaged ``eventwire/data/<name>``.

    Raises :class:`ResourceMissing` if the file does not exist and ``bad_file`` if it is not UTF-8.
    """
    resource: Path | Traversable = path if path is not None else files("eventwire") / "data" / name
    source = str(resource)
    try:
        text = resource.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ResourceMissing(
            source, f"the data file {name} does not exist", "reinstall eventwire or pass an existing file"
        ) from exc
    except UnicodeDecodeError as exc:
        raise bad_file(source, f"not UTF-8 text ({exc.reason})", "save the file as UTF-8") from exc
    return text, source
