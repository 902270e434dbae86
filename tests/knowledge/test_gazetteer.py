"""The actor gazetteer: data coverage, lookups, roles, EntityRuler patterns and the loader's rules."""

from __future__ import annotations

import unicodedata
from importlib.resources import files
from pathlib import Path

import pycountry
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.knowledge.gazetteer import (
    ACTOR_TYPES,
    COUNTRIES_FILE,
    ORGANISATIONS_FILE,
    PSEUDO_COUNTRIES,
    ROLES_FILE,
    Country,
    Entry,
    Gazetteer,
    GazetteerError,
    Role,
    UnknownCountryCode,
    default_gazetteer,
)
from eventwire.knowledge.spelling import plain, similarity

DATA_DIR = files("eventwire") / "data"  # the packaged data files

# The 193 member states of the United Nations (ISO 3166-1 alpha-3).
UN_MEMBERS = frozenset(
    """
    AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA BRN BGR
    BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG COD CRI CIV HRV CUB CYP CZE PRK DNK DJI DMA DOM ECU
    EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND
    IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX MDG MWI MYS
    MDV MLI MLT MHL MRT MUS MEX FSM MCO MNG MNE MAR MOZ MMR NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK
    PLW PAN PNG PRY PER PHL POL PRT QAT KOR MDA ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP
    SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE
    GBR TZA USA URY UZB VUT VEN VNM YEM ZMB ZWE
    """.split()
)

# Forms deliberately listed for more than one country: the first country owns the form, the others
# carry it marked '*' (see the comments at the top of countries.tsv).
DELIBERATELY_AMBIGUOUS = {
    "congo": "COD",
    "congolese": "COD",
    "korean": "KOR",
    "dominican": "DOM",
    "dominicans": "DOM",
}


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return default_gazetteer()


def _copy_data(tmp_path: Path) -> dict[str, Path]:
    paths = {}
    for name in (COUNTRIES_FILE, ORGANISATIONS_FILE, ROLES_FILE):
        target = tmp_path / name
        target.write_text((DATA_DIR / name).read_text(encoding="utf-8"), encoding="utf-8")
        paths[name] = target
    return paths


def _load(paths: dict[str, Path]) -> Gazetteer:
    return Gazetteer.load(paths[COUNTRIES_FILE], paths[ORGANISATIONS_FILE], paths[ROLES_FILE])


def _fold(text: str) -> str:
    bare = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return bare.replace("-", " ").casefold()


# --- coverage ---------------------------------------------------------------------------------------


def test_the_un_member_list_is_complete() -> None:
    assert len(UN_MEMBERS) == 193
    assert all(pycountry.countries.get(alpha_3=code) is not None for code in UN_MEMBERS)


@pytest.mark.parametrize("iso3", sorted(UN_MEMBERS))
def test_every_un_member_has_a_name_a_demonym_and_a_capital(gaz: Gazetteer, iso3: str) -> None:
    country = gaz.country(iso3)
    assert isinstance(country, Country)
    assert country.demonyms, f"{iso3} has no demonym"
    assert country.capital, f"{iso3} has no capital"
    entry = gaz.lookup(country.name)
    assert entry is not None and entry.country == iso3 and entry.kind == "country"


def test_the_countries_file_has_a_row_with_demonyms_for_most_countries() -> None:
    rows = [
        line.split("\t")
        for line in (DATA_DIR / COUNTRIES_FILE).read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ][1:]
    assert sum(1 for row in rows if row[2].strip()) >= 190


def test_every_pycountry_country_is_covered(gaz: Gazetteer) -> None:
    for record in pycountry.countries:
        country = gaz.country(record.alpha_3)
        assert country.names, record.alpha_3
        entry = gaz.lookup(country.name)
        assert entry is not None and entry.country == record.alpha_3, (record.alpha_3, country.name)
    assert gaz.country_name("BOL") == "Bolivia"
    assert "Bolivia, Plurinational State of" in gaz.country("BOL").names  # pycountry's name added


def test_every_listed_form_resolves(gaz: Gazetteer) -> None:
    """Each name, demonym, capital and metonym finds a country (its own or, for '*' forms, the owner)."""
    missing = []
    for country in gaz.countries():
        for form in (*country.names, *country.demonyms, *country.metonyms):
            entry = gaz.lookup(form)
            if entry is None:
                missing.append((country.iso3, form))
            elif entry.country != country.iso3:
                assert DELIBERATELY_AMBIGUOUS.get(_fold(form)) == entry.country, (country.iso3, form, entry)
    assert not missing


def test_no_form_is_listed_for_two_countries_unless_marked() -> None:
    """An independent check of countries.tsv: an unmarked form names one country only."""
    owner: dict[str, str] = {}
    lines = (DATA_DIR / COUNTRIES_FILE).read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line.strip() and not line.startswith("#")][1:]
    for iso3, *fields in rows:
        for field in fields:
            for form in filter(None, (f.strip() for f in field.split("|"))):
                if form.startswith("*"):
                    continue
                key = _fold(form.lstrip("="))
                assert owner.setdefault(key, iso3) == iso3, f"{form!r}: {owner[key]} and {iso3}"
    for form, iso3 in DELIBERATELY_AMBIGUOUS.items():
        assert owner[form] == iso3


def test_organisations_are_well_formed(gaz: Gazetteer) -> None:
    orgs = gaz.organisations()
    assert len(orgs) >= 150
    for org in orgs:
        assert org.type in ACTOR_TYPES
        if org.country in PSEUDO_COUNTRIES:
            assert org.type == org.country
        elif org.country is not None:
            gaz.country(org.country)  # a known country


# --- lookups ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "kind", "country", "type_"),
    [
        ("Mali", "country", "MLI", "GOV"),
        ("Malian", "demonym", "MLI", None),
        ("Malians", "demonym", "MLI", None),
        ("the Kremlin", "metonym", "RUS", "GOV"),
        ("Élysée Palace", "metonym", "FRA", "GOV"),
        ("Elysee Palace", "metonym", "FRA", "GOV"),
        ("the Elysee", "metonym", "FRA", "GOV"),
        ("Moscow", "capital", "RUS", "GOV"),
        ("U.S.", "country", "USA", "GOV"),
        ("US", "country", "USA", "GOV"),
        ("the United States", "country", "USA", "GOV"),
        ("Britain's", "country", "GBR", "GOV"),
        ("Britain’s", "country", "GBR", "GOV"),
        ("Philippines'", "country", "PHL", "GOV"),
        ("Côte d’Ivoire", "country", "CIV", "GOV"),
        ("Cote d'Ivoire", "country", "CIV", "GOV"),
        ("Ivory Coast", "country", "CIV", "GOV"),
        ("Guinea Bissau", "country", "GNB", "GOV"),
        ("Russian Federation", "country", "RUS", "GOV"),
        ("South Korea", "country", "KOR", "GOV"),
        ("Republic of Korea", "country", "KOR", "GOV"),
        ("North Korean", "demonym", "PRK", None),
        ("Georgia", "country", "GEO", "GOV"),
        ("Congo", "country", "COD", "GOV"),
        ("Republic of the Congo", "country", "COG", "GOV"),
        ("Congo-Brazzaville", "country", "COG", "GOV"),
        ("TURKEY", "country", "TUR", "GOV"),
        ("Türkiye", "country", "TUR", "GOV"),
        ("Kyiv", "capital", "UKR", "GOV"),
        ("Kiev", "capital", "UKR", "GOV"),
        ("White House", "metonym", "USA", "GOV"),
        ("Downing Street", "metonym", "GBR", "GOV"),
        ("British", "demonym", "GBR", None),
        ("Wagner Group", "org", "RUS", "PMC"),
        ("Wagner", "org", "RUS", "PMC"),
        ("IS", "org", None, "REB"),
        ("Islamic State", "org", None, "REB"),
        ("ECOWAS", "org", "IGO", "IGO"),
        ("the U.N.", "org", "IGO", "IGO"),
        ("Human Rights Watch", "org", "NGO", "NGO"),
        ("Doctors Without Borders", "org", "NGO", "NGO"),
        ("al-Shabab", "org", "SOM", "REB"),
        ("Reuters", "org", "GBR", "MED"),
        ("FBI", "org", "USA", "COP"),
    ],
)
def test_lookup(gaz: Gazetteer, phrase: str, kind: str, country: str | None, type_: str | None) -> None:
    entry = gaz.lookup(phrase)
    assert entry is not None, phrase
    assert isinstance(entry, Entry)
    assert (entry.kind, entry.country, entry.type) == (kind, country, type_)


@pytest.mark.parametrize(
    "phrase",
    [
        "us",
        "is",
        "who",
        "Us",
        "turkey",
        "jersey",
        "chile",
        "polish",
        "male",
        "Male",
        "let",
        "amnesty",
        "the",
        "",
        "  ",
    ],
)
def test_ordinary_words_are_not_entities(gaz: Gazetteer, phrase: str) -> None:
    assert gaz.lookup(phrase) is None


@pytest.mark.parametrize(
    ("word", "country", "kind"),
    [
        ("Tadjikistan", "TJK", "country"),  # a French transliteration
        ("Morrocco", "MAR", "country"),  # a doubled letter
        ("Phillipines", "PHL", "country"),
        ("Azerbaidjan", "AZE", "country"),
        ("Palestinan", "PSE", "demonym"),  # a letter dropped
        ("Britian's", "GBR", "country"),  # possessive
    ],
)
def test_near_country_reads_a_misspelled_name(gaz: Gazetteer, word: str, country: str, kind: str) -> None:
    entry = gaz.near_country(word)
    assert entry is not None, word
    assert (entry.country, entry.kind) == (country, kind)


@pytest.mark.parametrize(
    "word",
    [
        "Marian",  # 0.83 to "Malian": below NEAR_NAME_SIMILARITY
        "Indiana",  # 0.83 to "India"
        "Kenyatta",  # 0.77 to "Kenya"
        "Malin",  # too short to judge (MIN_NEAR_LETTERS)
        "Omar",
        "Kenya",  # spelled right: lookup's business, not a misspelling
        "Johnson",
        "",
    ],
)
def test_near_country_leaves_other_words(gaz: Gazetteer, word: str) -> None:
    assert gaz.near_country(word) is None


def test_canonical_names(gaz: Gazetteer) -> None:
    assert gaz.lookup("Kremlin") == Entry("Kremlin", "metonym", "RUS", "GOV", "Russia")
    assert gaz.lookup("Moscow") == Entry("Moscow", "capital", "RUS", "GOV", "Moscow")
    assert gaz.lookup("IS") == Entry("IS", "org", None, "REB", "Islamic State")
    assert gaz.country_name("USA") == "United States"
    assert gaz.country("RUS").capital == "Moscow"
    assert "Kremlin" in gaz.country("RUS").metonyms
    entry = gaz.lookup("Daesh")
    assert entry is not None and gaz.organisation(entry.name) is not None


def test_unknown_country_code(gaz: Gazetteer) -> None:
    with pytest.raises(KeyError):
        gaz.country("XYZ")
    with pytest.raises(UnknownCountryCode, match="XYZ"):
        gaz.country_name("XYZ")


def test_default_gazetteer_is_cached() -> None:
    assert default_gazetteer() is default_gazetteer()


_ALL_FORMS = sorted(
    {
        form
        for country in default_gazetteer().countries()
        for form in (*country.names, *country.demonyms, *country.capitals, *country.metonyms)
    }
    | {form for org in default_gazetteer().organisations() for form in (org.name, *org.aliases)}
)


def _meaning(entry: Entry | None) -> tuple[str, str | None, str | None, str] | None:
    """What an entry names, whatever its listed spelling ("AfDB" and "AFDB" name the same bank)."""
    return None if entry is None else (entry.kind, entry.country, entry.type, entry.name)


@settings(max_examples=300, deadline=None)
@given(form=st.sampled_from(_ALL_FORMS))
def test_lookup_ignores_capitals_and_possessives(form: str) -> None:
    gaz = default_gazetteer()
    meaning = _meaning(gaz.lookup(form))
    assert _meaning(gaz.lookup(form.upper())) == meaning
    if meaning is not None and not form.endswith(("s", "S", "'")):
        assert _meaning(gaz.lookup(form + "'s")) == meaning
        assert _meaning(gaz.lookup(form + "’s")) == meaning


# --- roles ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("term", "type_", "kind"),
    [
        ("troops", "MIL", "group"),
        ("soldiers", "MIL", "group"),
        ("soldier", "MIL", "person"),
        ("prime minister", "GOV", "person"),
        ("Prime Minister", "GOV", "person"),
        ("prime ministers", "GOV", "group"),
        ("police", "COP", "group"),
        ("policemen", "COP", "group"),
        ("protesters", "CVL", "group"),
        ("protester", "CVL", "person"),
        ("junta", "MIL", "group"),
        ("opposition", "OPP", "group"),
        ("judge", "JUD", "person"),
        ("lawyer", "CVL", "person"),
        ("defense minister", "GOV", "person"),
        ("defence ministers", "GOV", "group"),
        ("state department", "GOV", "group"),
        ("security forces", "COP", "group"),
        ("mercenaries", "PMC", "group"),
        ("jihadists", "REB", "group"),
        ("journalists", "MED", "group"),
        ("authorities", "GOV", "group"),
        ("vice-president", "GOV", "person"),
        ("ministers of defence", "GOV", "group"),
        ("brigade", "MIL", "group"),
        ("battalions", "MIL", "group"),
    ],
)
def test_role(gaz: Gazetteer, term: str, type_: str, kind: str) -> None:
    role = gaz.role(term)
    assert role is not None, term
    assert isinstance(role, Role)
    assert (role.type, role.kind) == (type_, kind)


def test_role_terms(gaz: Gazetteer) -> None:
    terms = gaz.role_terms()
    assert "prime minister" in terms and "soldier" in terms
    assert len(terms) == len(set(terms))
    assert gaz.role("president") == Role("president", "GOV", "person")
    assert gaz.role("banana") is None
    assert "soldiers" in gaz.role_forms()


# --- spaCy EntityRuler ------------------------------------------------------------------------------


def test_entity_ruler_patterns_tag_countries_and_capitals(gaz: Gazetteer) -> None:
    import spacy

    patterns = gaz.entity_ruler_patterns()
    assert {p["label"] for p in patterns} == {"GPE", "NORP", "ORG"}
    assert all(
        p["id"].split(":", 1)[0] in {"country", "capital", "demonym", "metonym", "org", "region"}
        for p in patterns
    )
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(patterns)  # type: ignore[attr-defined]
    doc = nlp(
        "Protesters in Mali asked Moscow to send the Wagner Group, us included; "
        "Malians marched as the Élysée Palace and the U.S. and the US watched. IS is active."
    )
    found = {(ent.text, ent.label_, ent.ent_id_) for ent in doc.ents}
    assert ("Mali", "GPE", "country:MLI") in found
    assert ("Moscow", "GPE", "capital:RUS") in found
    assert ("Wagner Group", "ORG", "org:Wagner Group") in found
    assert ("Malians", "NORP", "demonym:MLI") in found
    assert ("Élysée Palace", "ORG", "metonym:FRA") in found
    assert ("U.S.", "GPE", "country:USA") in found
    assert ("US", "GPE", "country:USA") in found
    assert ("IS", "ORG", "org:Islamic State") in found
    assert not any(ent.text in {"us", "is"} for ent in doc.ents)


def test_entity_ruler_patterns_accept_a_tokenizer(gaz: Gazetteer) -> None:
    patterns = gaz.entity_ruler_patterns(tokenize=str.split)
    assert {"label": "GPE", "pattern": [{"LOWER": "mali"}], "id": "country:MLI"} in patterns
    assert {"label": "GPE", "pattern": [{"ORTH": "US"}], "id": "country:USA"} in patterns


# --- the loader's rules -----------------------------------------------------------------------------


def test_packaged_files_load(gaz: Gazetteer) -> None:
    assert len(gaz.countries()) >= len(pycountry.countries)
    assert "countries" in repr(gaz)


def _append(path: Path, line: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + line + "\n", encoding="utf-8")


@pytest.mark.parametrize(
    ("file", "line", "message"),
    [
        (COUNTRIES_FILE, "Xq1\tNowhere", "not an ISO 3166-1 alpha-3 code"),
        (COUNTRIES_FILE, "QQQ\tNowhere\ta\tb\tc\td", "expected 5 tab-separated fields"),
        (COUNTRIES_FILE, "QQQ\t*Nowhere", "no common short name"),
        (COUNTRIES_FILE, "MLI\tMali again", "country MLI already on line"),
        (COUNTRIES_FILE, "QQQ\tNowhere|Mali", "'Mali' is already indexed for MLI"),
        (COUNTRIES_FILE, "QQQ\tNowhere||Elsewhere", "empty or doubly marked form"),
        (ORGANISATIONS_FILE, "Nowhere Army\t\tQQQ\tREB", "not a known country code"),
        (ORGANISATIONS_FILE, "Nowhere Army\t\tMLI\tARMY", "not an actor type"),
        (ORGANISATIONS_FILE, "Nowhere Army\tECOWAS\tMLI\tREB", "'ECOWAS' is already indexed"),
        (ORGANISATIONS_FILE, "Nowhere Army\tMLI\tREB", "expected 4 tab-separated fields"),
        (ROLES_FILE, "grand vizier\tGOV\tofficial", "not a role kind"),
        (ROLES_FILE, "grand vizier\tKING\tperson", "not an actor type"),
        (ROLES_FILE, "president\tGOV\tperson", "already on line"),
    ],
)
def test_malformed_lines_name_the_file_and_line(tmp_path: Path, file: str, line: str, message: str) -> None:
    paths = _copy_data(tmp_path)
    _append(paths[file], line)
    lineno = len(paths[file].read_text(encoding="utf-8").splitlines())
    with pytest.raises(GazetteerError, match=message) as info:
        _load(paths)
    assert isinstance(info.value, ValueError)
    assert f"{paths[file]}, line {lineno}" in str(info.value)


def test_a_missing_header_is_an_error(tmp_path: Path) -> None:
    paths = _copy_data(tmp_path)
    paths[ROLES_FILE].write_text("# comment only\npresident\tGOV\tperson\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match="expected the column header"):
        _load(paths)


def test_marked_forms(tmp_path: Path) -> None:
    paths = _copy_data(tmp_path)
    _append(paths[COUNTRIES_FILE], "QQQ\tNowhere|*Mali|=Somewhere\tNowherian\t*Capital City\t")
    gaz = _load(paths)
    assert gaz.lookup("Mali").country == "MLI"  # type: ignore[union-attr]
    assert gaz.lookup("Somewhere").country == "QQQ"  # type: ignore[union-attr]
    assert gaz.lookup("SOMEWHERE").country == "QQQ"  # type: ignore[union-attr]
    assert gaz.lookup("somewhere") is None
    assert gaz.lookup("Capital City") is None
    assert gaz.country("QQQ").capital == "Capital City"
    assert gaz.lookup("Nowherian") == Entry("Nowherian", "demonym", "QQQ", None, "Nowhere")


def test_the_default_tokenizer_matches_spacy(gaz: Gazetteer) -> None:
    import spacy

    tokenizer = spacy.blank("en").tokenizer
    assert gaz.entity_ruler_patterns() == gaz.entity_ruler_patterns(lambda s: [t.text for t in tokenizer(s)])


def test_first_level_subdivisions_are_places_of_their_country(gaz: Gazetteer) -> None:
    texas = gaz.lookup("Texas")
    assert texas is not None and (texas.kind, texas.country) == ("region", "USA")
    assert gaz.lookup("Borno") is not None and gaz.lookup("Borno").country == "NGA"  # type: ignore[union-attr]
    # a name shared by subdivisions of two countries is not indexed
    assert gaz.lookup("Punjab") is None
    # nor a name wider than its subdivision, nor a generic one
    assert gaz.lookup("Sahel") is None and gaz.lookup("Western") is None
    # the data files win over pycountry's subdivisions
    georgia = gaz.lookup("Georgia")
    assert georgia is not None and georgia.kind == "country"


# --- issue 4: former states, equipment -------------------------------------------------------------


@pytest.mark.parametrize(
    ("form", "iso3"),
    [
        ("Soviet Union", "RUS"),
        ("Yugoslavia", "SRB"),
        ("Yugoslav", "SRB"),
        ("West Germany", "DEU"),
        ("East German", "DEU"),
        ("Czechoslovakia", "CZE"),
        ("Zaire", "COD"),
        ("Rhodesia", "ZWE"),
        ("Kampuchean", "KHM"),
    ],
)
def test_former_states_take_the_successor_code(gaz: Gazetteer, form: str, iso3: str) -> None:
    found = gaz.lookup(form)
    assert found is not None and found.country == iso3, form


def test_longer_names_win_over_former_state_names(gaz: Gazetteer) -> None:
    found = gaz.lookup("Former Yugoslav Republic of Macedonia")
    assert found is not None and found.country == "MKD"
    tribunal = gaz.lookup("International Criminal Tribunal for the former Yugoslavia")
    assert tribunal is not None and tribunal.country == "IGO"


def test_equipment_is_not_a_role(gaz: Gazetteer) -> None:
    assert gaz.role("helicopter gunships") is None and gaz.role("tank") is None
    gunships = gaz.equipment("helicopter gunships")
    assert gunships is not None and (gunships.type, gunships.kind) == ("MIL", "equipment")
    assert gaz.equipment("soldier") is None
    assert "tank" not in gaz.role_terms() and "tanks" not in gaz.role_forms()


def test_plain_spelling_and_similarity() -> None:
    assert plain("Phillipines") == plain("Philippines") == "philipines"
    assert plain("Côte d'Ivoire") == "cotedivoire"
    assert similarity("Quatar", "Qatar") == pytest.approx(10 / 11)
    assert similarity("", "Qatar") == 0.0
