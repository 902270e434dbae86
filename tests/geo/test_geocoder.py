"""The geocoder on a hand-built place gazetteer: population, kind, focus and article-country bias; point in
country by ray casting."""

from __future__ import annotations

import pytest

from eventwire.geo import CountryShapes, Geocoder, GeoContext, Place, PlaceGazetteer, place_key
from eventwire.geo.shapes import CountryInfo, _polygon, point_in_ring
from eventwire.knowledge.gazetteer import Gazetteer, default_gazetteer

SQUARE = ((0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0), (0.0, 0.0))


@pytest.fixture(scope="module")
def actors() -> Gazetteer:
    return default_gazetteer()


def _geocoder(actors: Gazetteer, places: list[Place]) -> Geocoder:
    index: dict[str, list[Place]] = {}
    for p in places:
        index.setdefault(place_key(p.name), []).append(p)
    shapes = CountryShapes({}, {})
    countries = {"LBY": Place("Libya", "LBY", 27.0, 17.0, "country", 6_000_000)}
    return Geocoder(PlaceGazetteer(index, countries, actors, shapes))


TRIPOLI_LBY = Place("Tripoli", "LBY", 32.89, 13.19, "city", 1_150_000)
TRIPOLI_LBN = Place("Tripoli", "LBN", 34.43, 35.84, "city", 229_000)
PARIS_FRA = Place("Paris", "FRA", 48.85, 2.35, "city", 2_138_000)
PARIS_USA = Place("Paris", "USA", 33.66, -95.55, "city", 24_000)


def test_most_populous_without_context(actors: Gazetteer) -> None:
    geo = _geocoder(actors, [TRIPOLI_LBN, TRIPOLI_LBY])
    assert geo.resolve("Tripoli") == TRIPOLI_LBY


def test_focus_country_breaks_a_close_tie(actors: Gazetteer) -> None:
    geo = _geocoder(actors, [TRIPOLI_LBN, TRIPOLI_LBY])
    assert geo.resolve("Tripoli", GeoContext("LBN")) == TRIPOLI_LBN


def test_article_countries_bias_but_do_not_override_a_hundredfold_population(actors: Gazetteer) -> None:
    geo = _geocoder(actors, [PARIS_FRA, PARIS_USA])
    assert geo.resolve("Paris", GeoContext.of(None, ["USA"])) == PARIS_FRA
    assert geo.resolve("Paris", GeoContext.of("USA", ["USA", "USA"])) == PARIS_FRA


def test_country_name_beats_a_town_of_the_same_name(actors: Gazetteer) -> None:
    town = Place("Libya", "USA", 40.0, -80.0, "city", 5_000)
    geo = _geocoder(actors, [town])
    found = geo.resolve("Libya", GeoContext("USA"))
    assert found is not None and found.kind == "country" and found.country == "LBY"


def test_alternate_name_ranks_below_an_own_name(actors: Gazetteer) -> None:
    own = Place("Salisbury", "GBR", 51.07, -1.79, "city", 44_000)
    old_name = Place("Harare", "ZWE", -17.83, 31.05, "city", 1_500_000, alternate=True)
    geo = _geocoder(actors, [own, old_name])
    assert geo.resolve("Salisbury") == own


@pytest.mark.parametrize("text", ["EU", "the Kremlin", "French", "Va.", "Xyzzyville", ""])
def test_organisations_peoples_seats_and_short_unknown_names_are_not_places(
    actors: Gazetteer, text: str
) -> None:
    geo = _geocoder(
        actors, [Place("Eu", "FRA", 50.0, 1.4, "city", 7_000), Place("Wa", "GHA", 10.0, -2.5, "city", 70_000)]
    )
    assert geo.resolve(text) is None


def test_unambiguous_needs_one_country(actors: Gazetteer) -> None:
    geo = _geocoder(actors, [TRIPOLI_LBN, TRIPOLI_LBY, PARIS_FRA])
    assert geo.unambiguous("Tripoli") is None
    assert geo.unambiguous("Paris") == PARIS_FRA


@pytest.mark.parametrize(
    ("lon", "lat", "inside"), [(5, 5, True), (11, 5, False), (-1, -1, False), (9.9, 0.1, True)]
)
def test_ray_casting(lon: float, lat: float, inside: bool) -> None:
    assert point_in_ring(lon, lat, SQUARE) is inside


def test_holes_are_outside() -> None:
    hole = ((4.0, 4.0), (6.0, 4.0), (6.0, 6.0), (4.0, 6.0), (4.0, 4.0))
    shapes = CountryShapes(
        {"AAA": [_polygon([SQUARE, hole])]}, {"AAA": CountryInfo("AAA", "A", None, None, None, 0)}
    )
    assert shapes.contains("AAA", 2.0, 2.0)
    assert not shapes.contains("AAA", 5.0, 5.0)
    assert not shapes.contains("BBB", 2.0, 2.0) and not shapes.has_shape("BBB")


def test_real_outlines() -> None:
    shapes = CountryShapes.load()
    assert shapes.contains("FRA", 48.85, 2.35)  # Paris
    assert not shapes.contains("FRA", 51.5, -0.12)  # London
    assert shapes.country_at(-1.29, 36.82) == "KEN"  # Nairobi


GEORGIA_GEO = Place("Georgia", "GEO", 42.0, 43.5, "country", 3_731_000)
GEORGIA_USA = Place("Georgia", "USA", 33.2, -83.7, "region", 4_114_000)


def test_issue5_state_named_like_a_country_in_an_american_article(actors: Gazetteer) -> None:
    geo = _geocoder(actors, [GEORGIA_GEO, GEORGIA_USA])
    assert geo.resolve("Georgia", GeoContext("USA")) == GEORGIA_USA
    assert geo.resolve("Georgia", GeoContext("RUS")) == GEORGIA_GEO
    assert geo.resolve("Georgia") == GEORGIA_GEO


def test_issue5_focus_region_bonus_only_against_a_country(actors: Gazetteer) -> None:
    city = Place("Aleppo", "SYR", 36.2, 37.16, "city", 1_600_000)
    region = Place("Aleppo", "SYR", None, None, "region")
    geo = _geocoder(actors, [city, region])
    assert geo.resolve("Aleppo", GeoContext("SYR")) == city


def test_issue5_dotted_state_abbreviations(actors: Gazetteer) -> None:
    montana = Place("Montana", "USA", 46.9, -110.9, "region", 487_000)
    mons = Place("Mons", "BEL", 50.45, 3.95, "city", 91_000, alternate=True)
    index = {place_key("Montana"): [montana], place_key("Mont"): [mons]}
    gaz = PlaceGazetteer(index, {}, actors, CountryShapes({}, {}), {"Mont.": montana})
    assert gaz.candidates("Mont.") == (montana,)
    assert gaz.candidates("Mont") == (mons,)


def test_issue5_country_near_a_point(actors: Gazetteer) -> None:
    geo = _geocoder(actors, [PARIS_FRA, TRIPOLI_LBY, TRIPOLI_LBN])
    assert geo.places.country_near(48.0, 2.0) == "FRA"
    assert geo.places.country_near(33.0, 14.0) == "LBY"
    empty = PlaceGazetteer({}, {}, actors, CountryShapes({}, {}))
    assert empty.country_near(0.0, 0.0) is None


def test_a_country_acronym_names_it_only_in_capitals(actors: Gazetteer) -> None:
    """The acronym SADR is Western Sahara; "Sadr" (Sadr City, Moqtada al-Sadr) is no country."""
    geo = Geocoder(PlaceGazetteer.load(actors))
    found = geo.resolve("SADR")
    assert found is not None and found.country == "ESH"
    assert geo.resolve("Sadr") is None
    assert geo.resolve("Uae") is None and geo.resolve("UAE") is not None
