"""Places and organisations: extraction with offsets, the gazetteer, and name conflicts in comparisons."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.rules.consistency import AGREE, CONFLICT, UNRELATED, compare
from factcheck.rules.names import extract_names, name_key, place_within, same_organisation


def names(text: str) -> list[tuple[str, str, str | None]]:
    return [(m.text, m.kind, m.place_type) for m in extract_names(text)]


def by_kind(claim: str, evidence: str, kind: str):
    return [f for f in compare(claim, evidence) if f.kind == kind]


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
    assert names("Boeing delivered 528 aircraft.") == [("Boeing", "organisation", None)]


def test_organisation_keys_drop_corporate_suffixes():
    assert name_key("Volkswagen Group") == "volkswagen"
    assert name_key("Apple Inc.") == "apple"
    assert same_organisation("xiaomi", "xiaomi ev")
    assert not same_organisation("xiaomi", "byd")


def test_different_cities_in_the_same_slot_conflict():
    [place] = by_kind(
        "Xiaomi's car factory is in Shanghai.", "Xiaomi's factory in Beijing builds 300,000 cars.", "place"
    )
    assert place.outcome == CONFLICT
    assert place.reason == "claim says Shanghai; evidence says Beijing"


def test_a_place_inside_the_named_place_agrees():
    [place] = by_kind("Xiaomi is a Chinese company.", "Xiaomi, based in Beijing, makes phones.", "place")
    assert place.outcome == AGREE
    [place] = by_kind(
        "CATL is building a plant in Hungary.", "CATL plans a factory in Debrecen, Hungary.", "place"
    )
    assert place.outcome == AGREE


def test_a_city_in_the_right_country_but_the_wrong_city_conflicts():
    [place] = by_kind(
        "Volkswagen is headquartered in Munich.", "Volkswagen, headquartered in Wolfsburg, Germany.", "place"
    )
    assert place.outcome == CONFLICT


def test_places_in_unrelated_slots_are_not_conflicts():
    findings = compare("Xiaomi's car factory is in Beijing.", "Xiaomi sells phones in India and Europe.")
    assert all(f.outcome != CONFLICT for f in findings)
    assert (
        by_kind("Tesla builds cars in Shanghai.", "Tesla's chief spoke in Paris.", "place")[0].outcome
        == UNRELATED
    )


def test_same_figure_for_another_company_is_an_organisation_conflict():
    [org] = by_kind(
        "BYD will invest €8.5bn over ten years.",
        "Xiaomi will invest about €8.5bn over ten years.",
        "organisation",
    )
    assert org.outcome == CONFLICT
    assert org.claim_mention == "BYD" and org.evidence_mention == "Xiaomi"
    [rank_org] = by_kind(
        "Apple is the world's second-largest smartphone maker.",
        "Xiaomi is the world's second-largest smartphone maker.",
        "organisation",
    )
    assert rank_org.outcome == CONFLICT


def test_buyer_swapped_with_the_target_kept_is_a_conflict():
    [byd, deepmotion] = by_kind(
        "BYD bought Deepmotion for about €70M.", "Xiaomi bought Deepmotion for €70M.", "organisation"
    )
    assert byd.outcome == CONFLICT and byd.evidence_mention == "Xiaomi"
    assert deepmotion.outcome == AGREE


def test_a_pronoun_subject_is_not_taken_for_another_company():
    claim = "Last Flag Flying scored 70% on Rotten Tomatoes."
    evidence = "On review aggregator Rotten Tomatoes, the film has an approval rating of 70%."
    assert all(f.outcome != CONFLICT for f in compare(claim, evidence))
    claim = "A Dog's Purpose grossed less than $200 million worldwide."
    evidence = "It was released by Universal Pictures and grossed over $196 million worldwide."
    assert all(f.outcome != CONFLICT for f in compare(claim, evidence))


def test_same_company_agrees_and_extra_people_do_not_conflict():
    findings = compare("Lei Jun said Xiaomi will invest €8.5bn.", "Xiaomi will invest about €8.5bn.")
    assert all(f.outcome != CONFLICT for f in findings)
    [org] = by_kind("Xiaomi bought Deepmotion.", "Xiaomi EV bought Deepmotion.", "organisation")[:1]
    assert org.outcome == AGREE


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
