"""Loaded resources shared by the stages: the spaCy model, the gazetteer, the lexicon, the CAMEO table.

Nothing is loaded at import time or in the constructor: each resource loads on first use, and
:meth:`Resources.check` loads everything up front so that a missing resource fails at start-up.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from eventwire.config import Config
from eventwire.errors import ResourceMissing

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language

    from eventwire.dictionaries import PetrarchDictionaries
    from eventwire.events.lexicon import PredicateLexicon
    from eventwire.geo.geocoder import Geocoder
    from eventwire.knowledge.cameo import CameoTable
    from eventwire.knowledge.gazetteer import Gazetteer


class Resources:
    def __init__(self, config: Config | None = None) -> None:
        self.config = config or Config()

    @cached_property
    def gazetteer(self) -> Gazetteer:
        from eventwire.knowledge.gazetteer import default_gazetteer

        if self.dictionaries is not None:  # their actors and agents alongside ours
            return self.dictionaries.gazetteer(default_gazetteer())
        return default_gazetteer()

    @cached_property
    def cameo(self) -> CameoTable:
        from eventwire.knowledge.cameo import default_cameo_table

        return default_cameo_table()

    @cached_property
    def lexicon(self) -> PredicateLexicon:
        from eventwire.events.lexicon import default_lexicon

        if self.dictionaries is not None:  # their verb patterns before our rows
            return default_lexicon().with_patterns(self.dictionaries.verb_patterns(self.cameo))
        return default_lexicon()

    @cached_property
    def dictionaries(self) -> PetrarchDictionaries | None:
        """PETRARCH/Phoenix dictionaries named by ``Config.dictionaries`` (None when not configured)."""
        if self.config.dictionaries is None:
            return None
        from eventwire.dictionaries import load_dictionaries

        return load_dictionaries(self.config.dictionaries)

    @cached_property
    def geocoder(self) -> Geocoder:
        from eventwire.geo import load_geocoder

        return load_geocoder(self.gazetteer)

    @cached_property
    def nlp(self) -> Language:
        from eventwire.nlp.model import load_model

        try:
            return load_model(self.config.model, self.gazetteer)
        except OSError as exc:
            raise ResourceMissing(
                self.config.model,
                f"the spaCy model could not be loaded ({exc})",
                "install the project with `pip install --require-hashes -r requirements.lock`",
            ) from exc

    def check(self) -> None:
        """Load every resource now, so a missing one fails before any input is read."""
        _ = self.dictionaries, self.gazetteer, self.cameo, self.lexicon, self.nlp, self.geocoder
