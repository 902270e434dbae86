"""PETRARCH/Phoenix dictionaries used alongside eventwire's own knowledge.

Load a set with :func:`load_dictionaries` (a folder whose file names say what they hold, or a ``.toml``
manifest), or set ``Config(dictionaries=Path(...))`` and let :class:`~eventwire.resources.Resources` load it
once: its actors and agents then join the gazetteer, its verb patterns come before the predicate lexicon,
and its discard list drops sentences (see :mod:`eventwire.dictionaries.loaded`). The file formats and which
malformed lines are errors (:class:`~eventwire.errors.DictionaryFileError`, naming file and line) and which
are counted issues (lines PETRARCH itself skips with a warning) are described in :mod:`.actors`,
:mod:`.agents`, :mod:`.verbs` and :mod:`.discards`.
"""

from eventwire.dictionaries._lines import Issue
from eventwire.dictionaries.actors import ActorEntry, DatedCode, parse_actors
from eventwire.dictionaries.agents import AgentEntry, parse_agents
from eventwire.dictionaries.discards import DiscardEntry, parse_discards
from eventwire.dictionaries.loaded import (
    DictionaryFiles,
    DictionaryGazetteer,
    PetrarchDictionaries,
    load_dictionaries,
    petrarch_codes,
)
from eventwire.dictionaries.verbs import (
    Element,
    VerbBlock,
    VerbDictionary,
    VerbForm,
    VerbPattern,
    parse_verbs,
)

__all__ = [
    "ActorEntry",
    "AgentEntry",
    "DatedCode",
    "DictionaryFiles",
    "DictionaryGazetteer",
    "DiscardEntry",
    "Element",
    "Issue",
    "PetrarchDictionaries",
    "VerbBlock",
    "VerbDictionary",
    "VerbForm",
    "VerbPattern",
    "load_dictionaries",
    "parse_actors",
    "parse_agents",
    "parse_discards",
    "parse_verbs",
    "petrarch_codes",
]
