"""Input sources: files, directories, JSONL dumps, WARC archives, URLs, RSS/Atom feeds and stdin.

Every source yields :class:`RawInput` (an article's bytes and what is known about it) or
:class:`Rejection` (why an input could not be read); :func:`iter_inputs` takes any mix of input specs.
"""

from eventwire.sources.feeds import FeedEntry, parse_feed
from eventwire.sources.fetch import Fetcher, FetchResult, default_user_agent
from eventwire.sources.inputs import iter_inputs
from eventwire.sources.item import RawInput, Rejection, SourceItem
from eventwire.sources.limits import DEFAULT_MAX_BYTES

__all__ = [
    "DEFAULT_MAX_BYTES",
    "FeedEntry",
    "FetchResult",
    "Fetcher",
    "RawInput",
    "Rejection",
    "SourceItem",
    "default_user_agent",
    "iter_inputs",
    "parse_feed",
]
