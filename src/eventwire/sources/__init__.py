"""Input sources: files, directories, JSONL dumps, WARC archives, URLs, RSS/Atom feeds and stdin."""

from eventwire.sources.item import RawInput, Rejection, SourceItem

__all__ = ["RawInput", "Rejection", "SourceItem"]
