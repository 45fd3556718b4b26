"""Open-retrieval dev settings: readers, the restricted corpus of a sample, the cached index."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from factcheck.errors import InputError
from factcheck.evaluation import opensets
from factcheck.evaluation.datasets import select


def _jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _evidence(eid: str, text: str, label: str) -> dict:
    return {"evidence_id": eid, "article": eid.split(":")[0], "evidence": text, "evidence_label": label}


CLIMATE = [
    {
        "claim_id": "1",
        "claim": "Sea level rose 20 cm in the last century.",
        "claim_label": "SUPPORTS",
        "evidences": [
            _evidence("Sea level rise:3", "Sea level rose by about 20 cm between 1900 and 2000.", "SUPPORTS"),
            _evidence("Sea level rise:9", "Tide gauges measure sea level.", "NOT_ENOUGH_INFO"),
        ],
    },
    {
        "claim_id": "2",
        "claim": "Arctic ice is growing.",
        "claim_label": "DISPUTED",
        "evidences": [
            _evidence("Arctic sea ice decline:1", "Arctic sea ice has declined since 1979.", "REFUTES")
        ],
    },
    {
        "claim_id": "3",
        "claim": "Volcanoes emit more CO2 than humans.",
        "claim_label": "REFUTES",
        "evidences": [
            _evidence("Volcano:4", "Humans emit about 100 times more CO2 than volcanoes.", "REFUTES"),
            _evidence("Sea level rise:9", "Tide gauges measure sea level.", "NOT_ENOUGH_INFO"),
        ],
    },
]


def test_climate_fever_indexes_every_evidence_sentence_once_with_its_article(tmp_path):
    setting = opensets.climate_fever_open(_jsonl(tmp_path / "cf.jsonl", CLIMATE))
    ids = [d.id for d in setting.documents]
    # the DISPUTED claim's evidence stays in the corpus; the shared sentence is indexed once
    assert ids == ["Sea level rise:3", "Sea level rise:9", "Arctic sea ice decline:1", "Volcano:4"]
    assert {d.id: d.title for d in setting.documents}["Volcano:4"] == "Volcano"
    assert [c.id for c in setting.claims] == ["1", "3"]
    first, third = setting.claims
    assert first.label == "supported" and first.evidence_doc == ("Sea level rise:3",)
    assert third.label == "contradicted" and third.evidence_doc == ("Volcano:4",)
    assert setting.own_docs["3"] == ("Volcano:4", "Sea level rise:9")


def test_fever_lite_sentences_are_detokenised_and_shared_between_claims(tmp_path):
    sentence = "Soul Food is a 1997 film released by Fox 2000 Pictures -LRB- US -RRB- ."
    path = _jsonl(
        tmp_path / "fever.jsonl",
        [
            {"claim": "Fox 2000 Pictures released Soul Food .", "label": "SUPPORTS", "evidence": [sentence]},
            {"claim": "Soul Food was released in 2001 .", "label": "REFUTES", "evidence": [sentence]},
        ],
    )
    setting = opensets.fever_lite_open(path)
    assert len(setting.documents) == 1
    document = setting.documents[0]
    assert (
        document.text == "Soul Food is a 1997 film released by Fox 2000 Pictures (US)."
        and document.title is None
    )
    assert [c.evidence_doc for c in setting.claims] == [(document.id,), (document.id,)]
    assert (
        setting.claims[1].claim == "Soul Food was released in 2001."
        and setting.claims[1].label == "contradicted"
    )


def test_fm2_indexes_gold_and_retrieved_evidence_titled_with_the_page(tmp_path):
    record = {
        "id": "x1",
        "text": "Gandhi premiered in New Delhi.",
        "label": "SUPPORTS",
        "wikipedia_page": "Gandhi (film)",
        "gold_evidence": [{"section_header": "Release", "text": "Gandhi premiered in New Delhi, India."}],
        "retrieved_evidence": [
            {"section_header": "Release", "text": "Gandhi premiered in New Delhi, India."},
            {"section_header": "Box office", "text": "It could only be shown three times a day."},
        ],
    }
    setting = opensets.fm2_open(_jsonl(tmp_path / "fm2.jsonl", [record]))
    assert [d.text for d in setting.documents] == [
        "Gandhi premiered in New Delhi, India.",
        "It could only be shown three times a day.",
    ]
    assert {d.title for d in setting.documents} == {"Gandhi (film)"}
    claim = setting.claims[0]
    assert claim.evidence_doc == (setting.documents[0].id,) and claim.evidence == (
        "Gandhi premiered in New Delhi, India.",
    )
    assert setting.own_docs["x1"] == tuple(d.id for d in setting.documents)
    with pytest.raises(InputError, match="fm2.jsonl:1"):
        opensets.fm2_open(_jsonl(tmp_path / "fm2.jsonl", [{**record, "gold_evidence": "oops"}]))


def test_scifact_documents_lead_with_the_title_and_cited_abstracts_come_with_the_claim(tmp_path):
    with gzip.open(tmp_path / "corpus.jsonl.gz", "wt", encoding="utf-8") as handle:
        for doc_id, title, abstract in [(11, "Stem cells", ["A.", "B."]), (12, "Ion channels", ["C."])]:
            handle.write(json.dumps({"doc_id": doc_id, "title": title, "abstract": abstract}) + "\n")
    rationale = {"11": [{"sentences": [1], "label": "SUPPORT"}]}
    claims = _jsonl(
        tmp_path / "claims_train.jsonl",
        [
            {"id": 1, "claim": "B holds.", "evidence": rationale, "cited_doc_ids": [11, 12]},
            {"id": 2, "claim": "Nothing is known.", "evidence": {}, "cited_doc_ids": [12]},
        ],
    )
    setting = opensets.scifact_open(claims)
    assert [(d.id, d.title, d.text) for d in setting.documents] == [
        ("11", "Stem cells", "Stem cells\n\nA. B."),
        ("12", "Ion channels", "Ion channels\n\nC."),
    ]
    assert [c.label for c in setting.claims] == ["supported", "unverified"]
    assert setting.own_docs == {"1": ("11", "12"), "2": ("12",)}


def _toy_setting(count: int = 30) -> opensets.OpenSetting:
    """Claims about numbered plants; each claim's gold sentence has a look-alike about the same plant."""
    documents, claims, own = [], [], {}
    from factcheck.evaluation.datasets import LabelledClaim

    for i in range(count):
        gold = opensets.OpenDocument(f"g{i}", f"Plant{i} in Town{i} builds {i}00 cars a year.")
        alike = opensets.OpenDocument(f"a{i}", f"Plant{i} opened its second line in Town{i} in 2019.")
        documents += [gold, alike]
        claims.append(
            LabelledClaim(str(i), f"Plant{i} builds {i}00 cars.", "supported", (gold.text,), (gold.id,))
        )
        own[str(i)] = (gold.id,)
    return opensets.OpenSetting("toy", tuple(claims), tuple(documents), own)


def test_restrict_keeps_the_sample_its_own_documents_and_their_look_alikes():
    setting = _toy_setting()
    small = opensets.restrict(setting, 5, seed=3, neighbours=2, per_evidence=1)
    assert [c.id for c in small.claims] == [c.id for c in select(setting.claims, 5, 3)]
    kept = {d.id for d in small.documents}
    for claim in small.claims:
        assert f"g{claim.id}" in kept and f"a{claim.id}" in kept  # gold, and its same-plant look-alike
    assert len(kept) < len(setting.documents)
    # deterministic: the same sample and corpus (so the same cached index) every time
    again = opensets.restrict(setting, 5, seed=3, neighbours=2, per_evidence=1)
    assert again.documents == small.documents and again.digest() == small.digest()
    assert opensets.restrict(setting, None) is setting and opensets.restrict(setting, 100) is setting


def test_lexical_neighbours_rank_the_closest_text_first():
    setting = _toy_setting(5)
    index = opensets.LexicalNeighbours(setting.documents)
    assert index.nearest("Plant3 builds 300 cars in Town3", 2)[0] == "g3"
    assert index.nearest("", 3) == [] and index.nearest("Plant3", 0) == []


def test_load_setting_refuses_unknown_names_and_missing_files(tmp_path):
    with pytest.raises(InputError, match="unknown open setting"):
        opensets.load_setting("nope", tmp_path)
    with pytest.raises(InputError, match="no such file"):
        opensets.load_setting("fm2-open", tmp_path / "missing.jsonl")


@pytest.mark.slow
def test_cached_index_is_built_once_and_reused(tmp_path, embedder):
    from factcheck.corpus.index import CorpusIndex
    from factcheck.settings import load_settings

    settings = load_settings()
    setting = opensets.restrict(_toy_setting(12), 3, neighbours=2, per_evidence=1)
    first = opensets.cached_index(setting, tmp_path, settings)
    assert first.built and first.documents == len(setting.documents) == first.passages
    again = opensets.cached_index(setting, tmp_path, settings)
    assert not again.built and again.folder == first.folder
    with CorpusIndex.open(first.folder, settings) as index:
        claim = setting.claims[0]
        found = index.search(claim.claim, k=3)
        assert found[0].doc_id == claim.evidence_doc[0]
    other = opensets.cached_index(opensets.restrict(_toy_setting(12), 4, neighbours=2), tmp_path, settings)
    assert other.folder != first.folder  # another sample is another corpus, so another index


def test_real_settings_read_and_restrict(shared_data):
    paths = {
        "climate-fever-open": shared_data / "climate-fever" / "climate-fever.dev-half.jsonl",
        "fever-lite-open": shared_data / "fever-lite" / "validation.jsonl",
        "fm2-open": shared_data / "fm2" / "dev.jsonl",
    }
    expected_claims = {"climate-fever-open": 697, "fever-lite-open": 6666, "fm2-open": 1169}
    for name, path in paths.items():
        setting = opensets.load_setting(name, path)
        assert len(setting.claims) == expected_claims[name]
        ids = {d.id for d in setting.documents}
        assert len(ids) == len(setting.documents)
        assert all(set(c.evidence_doc) <= ids for c in setting.claims)
        assert all(c.evidence_doc for c in setting.claims if c.label != "unverified")
        small = opensets.restrict(setting, 20, neighbours=5)
        kept = {d.id for d in small.documents}
        assert all(set(small.own_docs[c.id]) <= kept for c in small.claims)
        assert len(kept) < len(ids)
