"""Places and organisations: extraction with offsets, the gazetteer, name keys."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.rules.names import extract_names, name_key, place_within, same_organisation


def names(text: str) -> list[tuple[str, str, str | None]]:
    return [(m.text, m.kind, m.place_type) for m in extract_names(text)]


def test_places_and_organisations_with_offsets():
    text = "Xiaomi, the world's second-largest smartphone maker, is building a factory in Beijing."
    found = extract_names(text)
    assert [(m.text, m.kind) for m in found] == [("Xiaomi", "organisation"), ("Beijing", "place")]
    for m in found:
        assert text[m.start : m.end] == m.text
    assert found[1].place_type == "city" and found[1].key == "beijing"


def test_gazetteer_aliases_demonyms_and_containment():
    assert names("Chinese carmaker BYD")[0] == ("Chinese", "place", "country")
    assert extract_names("Chinese carmaker BYD")[0].demonym
    assert [m.key for m in extract_names("in the U.S. and the UK")] == ["united states", "united kingdom"]
    assert name_key("Peking") == "beijing"
    assert place_within("beijing", "china") and place_within("china", "asia")
    assert not place_within("shanghai", "beijing")


def test_possessives_titles_and_sentence_initial_words():
    assert names("Tesla's Shanghai factory grew.") == [
        ("Tesla", "organisation", None),
        ("Shanghai", "place", "city"),
    ]
    assert names("Founder Lei Jun leads the unit.") == [("Lei Jun", "organisation", None)]
    assert names("Production starts in 2024. Analysts agree.") == []
    # a model's designation is part of its name
    assert [n[0] for n in names("The Lockheed Martin F-35 Lightning II first flew in 2006.")] == [
        "Lockheed Martin F-35 Lightning II"
    ]
    assert [n[0] for n in names("He flew the MiG-29 in 1990.")] == ["MiG-29"]
    # an opening preposition ("Due to", "Prior to") or "Review" is no name either
    assert [n[0] for n in names("Due to the pandemic, Washington closed.")] == ["Washington"]
    assert [n[0] for n in names("Prior to 2019, Xiaomi sold phones.")] == ["Xiaomi"]
    assert [n[0] for n in names("Review aggregator website Rotten Tomatoes gives the film 97%.")] == [
        "Rotten Tomatoes"
    ]
    assert names("Boeing delivered 528 aircraft.") == [("Boeing", "organisation", None)]
    # an opening participle is a verb ("Curated by ...", "Founded in 2010"); a name before a place stays
    assert names("Curated by Josie Rourke, it ran for a day.") == [("Josie Rourke", "organisation", None)]
    assert names("Founded in 2010, Wildfang sells clothes.") == [("Wildfang", "organisation", None)]
    assert names("Ahmed in Cairo said so.") == [("Ahmed", "organisation", None), ("Cairo", "place", "city")]
    assert [n[0] for n in names("Born in McComb, he sang.")] == ["McComb"]
    assert [n[0] for n in names("Produced during the Great Depression, it failed.")] == ["Great Depression"]


def test_places_whose_first_word_is_a_common_word_and_us_states():
    assert [(n[0], n[1]) for n in names("He moved to New York in 2010.")] == [("New York", "place")]
    assert [(n[0], n[1]) for n in names("She was raised in Mississippi and Ohio.")] == [
        ("Mississippi", "place"),
        ("Ohio", "place"),
    ]


def test_organisation_keys_drop_corporate_suffixes():
    assert name_key("Volkswagen Group") == "volkswagen"
    assert name_key("Tottenham Hotspur F.C.") == name_key("Tottenham Hotspur Football Club")
    assert name_key("Apple Inc.") == "apple"
    assert same_organisation("xiaomi", "xiaomi ev")
    assert not same_organisation("xiaomi", "byd")


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_name_extraction_never_crashes_and_keeps_offsets(text):
    for m in extract_names(text):
        assert text[m.start : m.end] == m.text
        assert m.kind in ("place", "organisation")


@pytest.mark.parametrize(
    "text", ["A" * 100_000, "New " * 20_000, "U.S. " * 10_000, "of " * 30_000 + "Beijing"]
)
def test_long_capitalised_runs_are_handled(text):
    extract_names(text)


def test_contractions_and_acronyms_are_not_names():
    assert names("I'm tired, said the TV host.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Romania has conducted 82,000 COVID-19 tests.",
        "HIV and AIDS cases fell.",
        "The DNA test was clear.",
        "Coronavirus has claimed 53 lives in the UK.",
        "53 people with a SARS-CoV-2 infection have died.",
    ],
)
def test_diseases_and_molecules_in_capitals_are_not_organisations(text):
    assert all(m.kind != "organisation" for m in extract_names(text))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Originally KENYA won the right to host the tournament.", "KENYA"),
        ("Currently Renault builds its vans in Maubeuge.", "Renault"),
        ("Previously Stellantis had planned a plant in Turin.", "Stellantis"),
    ],
)
def test_an_opening_adverb_is_no_part_of_the_name_after_it(text, name):
    assert names(text)[0][0] == name


def test_names_ending_in_ly_stay_whole():
    assert [n for n, _, _ in names("Sally Ride flew in 1983.")] == ["Sally Ride"]
