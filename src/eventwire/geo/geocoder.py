"""The geocoder: a place name and what the article is about -> one place.

Each candidate of :meth:`PlaceGazetteer.candidates` gets a score in powers of ten of population: the log of
its population, plus a bonus for its kind (a country's name means the country more often than a town of the
same name), plus bonuses when its country is the article's focus country or another country the article
names, minus a penalty when only an alternate name matched. The best candidate wins. All weights were set on
the development half of GeoWebNews (even file numbers) with ``benchmarks/geoparse.py``; re-run it (and
report the held-out half) after changing any of them.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from eventwire.geo.gazetteer import Place, PlaceGazetteer, PlaceKind

KIND_BONUS: Mapping[PlaceKind, float] = MappingProxyType(
    {"country": 4.0, "continent": 4.0, "region": 0.5, "city": 0.0}
)
"""Head start by kind, in powers of ten of population: "Georgia" is a country before it is a town."""
FOCUS_BONUS = 1.5
"""For a place in the article's focus country (Document.focus_country)."""
FOCUS_REGION_BONUS = 3.5
"""For a region of the article's focus country that shares its name with a country, on top of
:data:`FOCUS_BONUS`: in an American article "Georgia" is the state before it is the country (the region
then starts level with a country's head start). Only against a country, so that "Aleppo" in a Syrian
article stays the city. Set on the GeoWebNews development half with ``benchmarks/geoparse.py``."""
ARTICLE_COUNTRY_BONUS = 1.5
"""For a place in another country the article names as a country, capital, region, people or government,
or in which it names an unambiguous place."""
ALTERNATE_NAME_PENALTY = 2.0
"""For a candidate found only under an alternate name ("Salisbury" is also an old name of Harare)."""
UNKNOWN_POPULATION = 1000
"""Population assumed when the gazetteer gives none (regions without a figure)."""


@dataclass(frozen=True, slots=True)
class GeoContext:
    """What the article is about: its focus country and every country it names, with counts."""

    focus: str | None = None
    countries: Mapping[str, int] = field(default_factory=dict)

    @classmethod
    def of(cls, focus: str | None, countries: Iterable[str]) -> GeoContext:
        return cls(focus, dict(Counter(c for c in countries if c)))

    def with_countries(self, more: Iterable[str]) -> GeoContext:
        counts = Counter(self.countries)
        counts.update(c for c in more if c)
        return GeoContext(self.focus, dict(counts))


class Geocoder:
    """Resolves place names against a :class:`PlaceGazetteer`, biased to the article's countries."""

    __slots__ = ("places",)

    def __init__(self, places: PlaceGazetteer) -> None:
        self.places = places

    def score(self, place: Place, context: GeoContext, *, rival_country: bool = False) -> float:
        """The candidate's score (higher is better); see the module docstring. ``rival_country``: a
        country is among the name's candidates too."""
        score = math.log10(max(place.population, UNKNOWN_POPULATION)) + KIND_BONUS[place.kind]
        if place.country is not None:
            if place.country == context.focus:
                score += FOCUS_BONUS
                if rival_country and place.kind == "region":
                    score += FOCUS_REGION_BONUS
            elif place.country in context.countries:
                score += ARTICLE_COUNTRY_BONUS
        if place.alternate:
            score -= ALTERNATE_NAME_PENALTY
        return score

    def resolve(self, text: str, context: GeoContext | None = None) -> Place | None:
        """The place a name most likely refers to in this article, or None when no gazetteer knows it."""
        candidates = self.places.candidates(text)
        if not candidates:
            return None
        context = context or GeoContext()
        rival = any(p.kind == "country" for p in candidates)
        return max(candidates, key=lambda p: self.score(p, context, rival_country=rival))

    def unambiguous(self, text: str) -> Place | None:
        """The place a name refers to whatever the article: its only candidate (own names), or None."""
        own = [p for p in self.places.candidates(text) if not p.alternate]
        countries = {p.country for p in own}
        return own[0] if own and len(countries) == 1 and None not in countries else None
