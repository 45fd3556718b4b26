"""Claim extraction: the demo draft, splitting, decontextualisation, formats and offsets."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.claims.checkworthy import find_mentions, has_quantity
from factcheck.claims.decompose import decompose, tidy
from factcheck.claims.extraction import claims_of, extract_claims, load_draft, prepare
from factcheck.claims.grammar import past_of, present_of
from factcheck.domain import Claim
from factcheck.errors import InputError
from factcheck.sources.markup import HEADING

ROOT = Path(__file__).resolve().parents[2]
DRAFT = ROOT / "claims" / "xiaomi-draft.md"
FACTS = ROOT / "claims" / "xiaomi-draft.facts.jsonl"
PRONOUNS = {"it", "its", "he", "she", "his", "her", "they", "their", "this", "these", "that", "those"}
RELATIVE = re.compile(r"\b(?:last|next|this) (?:year|month|week|[A-Z][a-z]+)\b|\byesterday\b|\btoday\b")


@pytest.fixture(scope="module")
def draft():
    return load_draft(DRAFT)


@pytest.fixture(scope="module")
def claims(draft):
    return claims_of(draft)


def _texts(text: str, **kwargs) -> list[str]:
    return [c.text for c in extract_claims(text, **kwargs)]


# ------------------------------------------------------------------------------------------ demo draft


def test_demo_draft_gives_the_listed_claims(draft, claims):
    facts = [json.loads(line) for line in FACTS.read_text(encoding="utf-8").splitlines()]
    assert [c.text for c in claims] == [f["text"] for f in facts]
    assert [draft.raw[c.start : c.end] for c in claims] == [f["span"] for f in facts]
    assert {f["expected"] for f in facts} == {"supported", "contradicted", "unverified"}
    assert draft.date == "2021-09-01"
    assert draft.title == "Xiaomi bets on electric cars"


def test_offsets_are_exact_and_figures_appear_in_the_span(draft, claims):
    for claim in claims:
        assert 0 <= claim.start < claim.end <= len(draft.raw)
        span = " ".join(draft.plain.text[claim.start : claim.end].split())
        for mention in find_mentions(claim.text):
            # A figure of the claim is in its source span, unless it is an anchored relative date.
            assert mention.text in span or RELATIVE.search(span), (claim.text, mention.text)


def test_every_figure_of_the_draft_is_stated_by_exactly_one_claim(draft, claims):
    """Rule: among the claims whose span contains a number, date or money mention, exactly one states it.

    A claim whose span merely encloses the mention (the main clause around an appositive that was cut out)
    or that repeats shared context from another span does not count twice.
    """
    mentions = []
    for block in draft.plain.blocks:
        if block.kind == HEADING:
            continue
        text = draft.plain.text[block.start : block.end]
        mentions += [(block.start + m.start, m.text) for m in find_mentions(" ".join(text.split(" ")))]
    assert {m for _, m in mentions} >= {"8.5 billion euros", "10 billion US dollars", "2025", "3,000"}
    assert {m for _, m in mentions} >= {"700 million euros", "300,000"}
    for offset, figure in mentions:
        holders = [c for c in claims if c.start <= offset < c.end and figure in c.text]
        assert len(holders) == 1, (figure, [c.text for c in holders])


def test_spans_of_one_sentence_are_nested_or_disjoint(claims):
    for a in claims:
        for b in claims:
            if a is b:
                continue
            disjoint = a.end <= b.start or b.end <= a.start
            nested = (a.start <= b.start and b.end <= a.end) or (b.start <= a.start and a.end <= b.end)
            assert disjoint or nested, (a.text, b.text)


def test_no_claim_starts_with_an_unresolved_reference(claims):
    for claim in claims:
        first = claim.text.split()[0].lower()
        assert first not in PRONOUNS, claim.text
        assert not re.match(r"the (?:new )?(?:company|division|unit|factory|plant|deal)\b", claim.text, re.I)
        assert not claim.needs_context


def test_questions_opinion_boilerplate_and_headings_are_dropped(claims):
    joined = " ".join(c.text for c in claims)
    for dropped in (
        "objective",
        "bold bet",
        "Read more",
        "business desk",
        "Nobody",
        "phone maker want",
        "bets on",
    ):
        assert dropped not in joined


def test_demo_claims_are_decontextualised(claims):
    texts = [c.text for c in claims]
    assert "Xiaomi EV is led by founder Lei Jun." in texts  # "The new division" -> its name
    assert "Xiaomi plans to start production in 2025." in texts  # "it" -> Xiaomi
    assert "Xiaomi's first factory will be built in Shanghai." in texts  # "The factory" -> the one introduced
    assert any("in August 2021" in t for t in texts)  # "last month" with the draft date
    assert any(t.startswith("Xiaomi will open a design centre in Munich in 2022") for t in texts)


def test_ids_are_stable_across_drafts(draft, claims):
    edited = draft.raw.replace(
        "# Xiaomi bets on electric cars\n",
        "# Xiaomi bets on electric cars\n\nA new first paragraph about Xiaomi.\n",
    )
    again = claims_of(prepare(edited, "md"))
    by_text = {c.text: c.id for c in again}
    for claim in claims:
        assert by_text[claim.text] == claim.id
        assert claim.id == Claim.make_id(claim.text)
    assert len({c.id for c in claims}) == len(claims)


# ------------------------------------------------------------------------------------------- splitting
# Sentences and their claims are in tests/claims/cases/splits.jsonl (tests/claims/test_cases.py).


def test_pieces_of_one_sentence_resolve_their_shared_reference_alike():
    claims = extract_claims(
        "It shared the hall with the Bell X-1, the North American X-15 and the Friendship 7."
    )
    assert [c.text for c in claims] == [
        "It shared the hall with the Bell X-1.",
        "It shared the hall with the North American X-15.",
        "It shared the hall with the Friendship 7.",
    ]
    assert all(c.needs_context for c in claims)


def test_piece_spans_follow_the_sentence():
    sentence = "Xiaomi, the world's second-largest smartphone maker, is moving into cars and plans 10 models."
    pieces = decompose(sentence)
    spans = [sentence[p.start : p.end] for p in pieces]
    assert spans[0].startswith("Xiaomi, the world's") and "moving into cars" in spans[0]
    assert "Xiaomi, the world's second-largest smartphone maker" in spans
    assert spans[-1] == "plans 10 models."
    assert [p.text for p in pieces][-1] == "Xiaomi plans 10 models."


# ------------------------------------------------------------------------------------ decontextualising


def test_pronouns_and_definite_references_are_resolved():
    text = (
        "Justice William O. Douglas served on the Supreme Court. He was born on October 16, 1898. "
        "Xiaomi bought the start-up Deepmotion. The deal closed in August 2021. "
        "Founder Lei Jun leads Xiaomi EV. It has 300 employees. Its factory is in Beijing."
    )
    texts = _texts(text)
    assert any(t.endswith("William O. Douglas was born on October 16, 1898.") for t in texts)
    assert "Xiaomi's purchase of Deepmotion closed in August 2021." in texts
    assert "Lei Jun leads Xiaomi EV." in texts or "Founder Lei Jun leads Xiaomi EV." in texts


def test_unclear_references_are_flagged_not_guessed():
    claims = extract_claims("They said the plant would open in 2024. This changes the market in Europe.")
    assert [c.needs_context for c in claims] == [True, True]
    assert claims[0].text.startswith("They")
    # Two people, neither the previous subject: "he" is ambiguous.
    claims = extract_claims(
        "Sales rose after analyst Ann Lee met chief executive Bo Chen. Later, he said it was 5%."
    )
    assert claims[-1].needs_context and claims[-1].text.startswith("Later, he said")
    # The previous sentence's subject is the preferred referent.
    claims = extract_claims(
        "Analyst Ann Lee met chief executive Bo Chen in 2020. Later, he said sales rose 5%."
    )
    assert claims[-1].text == "Later, Analyst Ann Lee said sales rose 5%." and not claims[-1].needs_context


def test_expletive_it_is_not_a_reference():
    claims = extract_claims(
        "Mondeca sells software. It is worth noting that Openlink bought Mondeca in 2020."
    )
    # the frame is stripped, and its "it" is resolved to nothing
    assert claims[-1].text == "Openlink bought Mondeca in 2020." and not claims[-1].needs_context


def test_relative_dates_are_anchored_to_the_draft_date():
    text = "Xiaomi bought Deepmotion last August. Production starts next year. Sales rose 10% yesterday."
    dated = extract_claims(text, draft_date="2021-09-01")
    assert [c.text for c in dated] == [
        "Xiaomi bought Deepmotion in August 2021.",
        "Production starts in 2022.",
        "Sales rose 10% yesterday (as of 2021-09-01).",
    ]
    assert not any(c.needs_context for c in dated)
    undated = extract_claims(text)
    assert [c.needs_context for c in undated] == [True, True, True]
    assert undated[0].text == "Xiaomi bought Deepmotion last August."


# ------------------------------------------------------------------------------------ check-worthiness


# The kind of each sentence (question, imperative, opinion...) is in tests/claims/cases/kinds.jsonl.


def test_has_quantity():
    assert has_quantity("Xiaomi bought Deepmotion for €70M.")
    assert has_quantity("The plant will build three hundred thousand cars.")
    assert has_quantity("Xiaomi is the second-largest smartphone maker.")
    assert has_quantity("The deal closed in August 2021.")
    assert not has_quantity("Xiaomi is moving into electric cars.")
    assert [m.text for m in find_mentions("€8.5bn (10 billion US dollars) on 1 March 2021, up 5%")] == [
        "€8.5bn",
        "10 billion US dollars",
        "1 March 2021",
        "5%",
    ]


# --------------------------------------------------------------------------------------------- formats


def test_markdown_offsets_point_into_the_original_file(draft, claims):
    invest = next(c for c in claims if "8.5 billion euros" in c.text)
    assert "**8.5 billion euros**" in draft.raw[invest.start : invest.end]
    unit = next(c for c in claims if "new division" in c.text)
    assert "[Xiaomi EV](https://example.com/xiaomi-ev)" in draft.raw[unit.start : unit.end]
    assert len(draft.plain.text) == len(draft.raw)


def test_markdown_syntax_is_removed_from_claims():
    text = (
        "---\ndate: 2022-03-01\n---\n# Title of the piece\n\n"
        "- First item: BYD sold `600,000` cars in *2021*.\n"
        "- Second item: ![chart](c.png) Tesla sold 900,000 cars <!-- check --> in 2021.\n\n"
        "> Nio delivered 91,000 cars in 2021.\n"
    )
    claims = extract_claims(text, "md")
    assert [c.text for c in claims] == [
        "First item: BYD sold 600,000 cars in 2021.",
        "Second item: Tesla sold 900,000 cars in 2021.",
        "Nio delivered 91,000 cars in 2021.",
    ]
    assert text[claims[0].start : claims[0].end] == "First item: BYD sold `600,000` cars in *2021*."


def test_html_offsets_map_back_to_the_html_source():
    html = (
        "<html><head><title>Xiaomi &amp; cars</title><meta name='date' content='2021-09-01'>"
        "<script>var claim = 'Tesla sold 5 cars.';</script><style>p {color: red}</style></head>"
        "<body><h1>Xiaomi &amp; cars</h1><p>Xiaomi paid <b>&euro;70M</b> for\n   Deepmotion last month.</p>"
        "<p>The deal&nbsp;closed quickly.</p><p>Why?</p></body></html>"
    )
    draft = prepare(html, "html")
    assert draft.date == "2021-09-01" and draft.title == "Xiaomi & cars"
    claims = claims_of(draft)
    assert [c.text for c in claims] == [
        "Xiaomi paid €70M for Deepmotion in August 2021.",
        "Xiaomi's purchase of Deepmotion closed quickly.",
    ]
    assert (
        html[claims[0].start : claims[0].end] == "Xiaomi paid <b>&euro;70M</b> for\n   Deepmotion last month."
    )
    assert html[claims[1].start : claims[1].end] == "The deal&nbsp;closed quickly."


def test_plain_text_dateline_gives_the_draft_date():
    text = "BEIJING, Sept. 1, 2021 — Xiaomi bought Deepmotion last month for 70 million euros."
    draft = prepare(text, "txt")
    assert draft.date == "2021-09-01"
    claims = claims_of(draft)
    assert [c.text for c in claims] == ["Xiaomi bought Deepmotion in August 2021 for 70 million euros."]
    assert text[claims[0].start : claims[0].end].startswith("Xiaomi bought")


def test_drafts_without_sentences_give_no_claims(tmp_path):
    assert extract_claims("# Only a heading\n", "md") == []
    assert extract_claims("---\ndate: 2021-01-01\n---\n", "md") == []
    assert extract_claims("<html><script>x = 1</script></html>", "html") == []
    assert extract_claims("... ?!", "txt") == []


def test_bad_files_raise_input_errors(tmp_path):
    empty = tmp_path / "empty.md"
    empty.write_text("")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02 PNG")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Caf\xe9 in M\xfcnchen".encode("latin-1"))
    big = tmp_path / "big.txt"
    big.write_text("Xiaomi sold 5 cars. " * 600_000)
    for path in (empty, binary, latin, big, tmp_path / "missing.md"):
        with pytest.raises(InputError):
            load_draft(path)
    with pytest.raises(InputError):
        prepare("text", "docx")
    with pytest.raises(InputError):
        prepare("text", "txt", draft_date="soon")


def test_claim_extractor_component():
    from haystack import Pipeline

    from factcheck.claims.extractor import ClaimExtractor

    extractor = ClaimExtractor(default_format="md")
    result = extractor.run(text="# T\n\nXiaomi bought Deepmotion for **70 million euros**.")
    assert [c.text for c in result["claims"]] == ["Xiaomi bought Deepmotion for 70 million euros."]
    pipeline = Pipeline()
    pipeline.add_component("claims", extractor)
    restored = Pipeline.loads(pipeline.dumps(), allowed_modules=["factcheck.claims.extractor"])
    out = restored.run({"claims": {"text": "Lei Jun leads Xiaomi EV.", "fmt": "txt"}})
    assert [c.text for c in out["claims"]["claims"]] == ["Lei Jun leads Xiaomi EV."]


# ------------------------------------------------------------------------------------------- robustness

_ALPHABET = list("abcXY Z.,;:?!'\"()[]*_#>-\n0123456789€$%<>&/") + ["and ", "it ", "The ", "which ", ", the "]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_ALPHABET), max_size=80).map("".join), st.sampled_from(["txt", "md", "html"]))
def test_extraction_never_crashes_and_offsets_stay_in_range(text, fmt):
    claims = extract_claims(text, fmt)
    sentences = [c.sentence for c in claims]
    assert sentences == sorted(sentences)
    for claim in claims:
        assert 0 <= claim.start < claim.end <= len(text)
        assert claim.text.strip() and claim.id == Claim.make_id(claim.text)
        if claim.text.split()[0].lower() in PRONOUNS - {"that"}:
            assert claim.needs_context or re.match(r"it\b", claim.text, re.I)


def test_long_paragraphs_are_split_in_windows_with_the_same_sentences():
    from factcheck.claims.extraction import _sentences
    from factcheck.sources.sentences import split_sentences

    parts = [
        f"Dr. Lei Jun said on Jan. {n % 28 + 1} that the U.S. market grew {n}.5% in Q2. "
        f"Xiaomi paid about €{n}M for unit No. {n}!"
        for n in range(150)
    ]
    text = " ".join(parts)
    assert len(text) > 12_000
    assert [(s.start, s.end) for s in _sentences(text)] == [(s.start, s.end) for s in split_sentences(text)]


def test_newswire_constructions():
    text = (
        "Meridian Auto said on Monday it would double the capacity of its Guangzhou plant to 200,000 cars. "
        "The expanded plant will build the company's first electric sedan. "
        "Meridian, a joint venture with a state-owned group, employs about 5,000 people. "
        "The company said it had no plans to open a factory in Beijing and would keep its research centre in "
        "Shanghai. Xiaomi said it had held talks for months and that it had more than 100 billion yuan in "
        "cash. Deepmotion, founded in 2017, works on maps. Xiaomi will build its first car factory in "
        "Beijing, the city government and the company said on Saturday."
    )
    texts = _texts(text, draft_date="2021-03-17")
    assert texts == [
        "Meridian Auto said on Monday it would double the capacity of its Guangzhou plant to 200,000 cars"
        " (as of 2021-03-17).",
        "Meridian Auto's Guangzhou plant will build the company's first electric sedan.",
        "Meridian Auto employs about 5,000 people.",
        "Meridian Auto is a joint venture with a state-owned group.",
        "Meridian Auto said it had no plans to open a factory in Beijing.",
        "Meridian Auto said it would keep its research centre in Shanghai.",
        "Xiaomi said it had held talks for months.",
        "Xiaomi said that it had more than 100 billion yuan in cash.",
        "Deepmotion works on maps.",
        "Deepmotion was founded in 2017.",
        "Xiaomi will build its first car factory in Beijing, the city government and the company said on"
        " Saturday (as of 2021-03-17).",
    ]


def test_html_page_furniture_is_not_a_claim():
    html = (
        "<html><body><nav><a href='/'>Home</a> <a href='/autos'>Autos</a></nav><article>"
        "<h1>Meridian doubles plant</h1><p class='byline'>Newsdesk staff</p>"
        "<p>GUANGZHOU, March 15, 2021 (Newsdesk) - Meridian Auto will invest 6 billion yuan.</p></article>"
        "<footer>Copyright 2021 Newsdesk. All rights reserved.</footer></body></html>"
    )
    draft = prepare(html, "html")
    assert draft.date == "2021-03-15"
    claims = claims_of(draft)
    assert [c.text for c in claims] == ["Meridian Auto will invest 6 billion yuan."]
    assert html[claims[0].start : claims[0].end] == "Meridian Auto will invest 6 billion yuan."


def test_the_component_path_gives_the_same_claims_as_the_draft_path(draft, claims, tmp_path):
    """The check pipeline runs ``ClaimExtractor`` on ``draft.text`` (the file as written) and its format."""
    assert draft.text == draft.raw == DRAFT.read_text(encoding="utf-8")
    assert extract_claims(draft.text, draft.format, draft.date) == claims
    page = tmp_path / "page.html"
    page.write_text("<html><body><h1>Deal</h1><p>Xiaomi paid <b>70 million euros</b> for Deepmotion.</p>")
    html_draft = load_draft(page)
    assert extract_claims(html_draft.text, html_draft.format) == claims_of(html_draft)
    assert html_draft.plain_text.strip().startswith("Deal")


NEWS = [
    "BEIJING, Nov. 27, 2021 - Xiaomi will build its first car factory in Beijing, the city and the company "
    "said. The plant will have capacity for 300,000 cars a year. It is to be built in two phases of 150,000 "
    "vehicles each, and production is to start in 2024.",
    "Xiaomi, which ranks second with a 17% share, shipped 52.8 million phones in the second quarter of 2021, "
    "and Apple, the third-largest maker, shipped 44.2 million. Samsung sold 57.5 million, 18% more than a "
    "year earlier, while Oppo and Vivo each sold about 32 million.",
    "Castell Group agreed to buy Harlan Robotics, a developer of driver-assistance software founded in 2009, "
    "for 700 million euros in cash on August 18, 2021. Harlan has about 450 employees and revenue of €95m.",
]


@pytest.mark.parametrize("text", NEWS)
def test_each_figure_is_stated_by_exactly_one_claim_in_news_prose(text):
    from factcheck.sources.markup import dateline

    claims = extract_claims(text)
    assert claims
    for mention in find_mentions(text):
        if mention.start < dateline(text)[0]:
            continue  # the dateline is the draft's date, not a claim
        inside = [c for c in claims if c.start <= mention.start < c.end]
        assert len([c for c in inside if mention.text in c.text]) == 1, (
            mention.text,
            [c.text for c in inside],
        )


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("---\ntitle: T\ndate: 2021-09-01\n---\n\n# T\n\nXiaomi has 300 employees.\n", "md"),
        ("Xiaomi paid **€70M** for [Deepmotion](https://example.com).", "md"),
        ("<!DOCTYPE html><html><body><p>Xiaomi has 300 employees.</p></body></html>", "html"),
        ("Xiaomi has 300 employees. It is based in Beijing.", "txt"),
    ],
)
def test_drafts_on_standard_input_are_read_in_their_own_format(raw, expected, monkeypatch):
    import io

    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(raw.encode("utf-8"))))
    draft = load_draft("-")
    assert draft.format == expected
    assert all(c.text.split()[0] != "Title:" for c in extract_claims(draft.raw, draft.format))


def test_tidy_keeps_marks_that_open_a_word():
    """A full stop or comma closes the words before it; one that opens a word (".NET") keeps its space."""
    assert (
        tidy("part of the .NET platform , with a 5 % share") == "part of the .NET platform, with a 5% share."
    )
    assert tidy("It grew by .5 points .") == "It grew by .5 points."


def test_past_and_present_of_an_ing_form():
    """The tense a closing participial clause is given: the past after a past verb, the present otherwise."""
    forms = {w: (past_of(w), present_of(w)) for w in ("finding", "committing", "carrying", "promoting")}
    assert forms == {
        "finding": ("found", "finds"),
        "committing": ("committed", "commits"),
        "carrying": ("carried", "carries"),
        "promoting": ("promoted", "promotes"),
    }


def test_a_listed_item_points_at_its_introduction_and_itself():
    """ "The winners were:" then "1. Anna Berg (1997)" on its own line: the claim's span is the item, and
    it also points at the introduction it repeats."""
    text = "The winners were:\n1. Anna Berg (1997)\n2. Maria Lund (2009)\n"
    claims = extract_claims(text)
    assert [c.text for c in claims] == [
        "The winners were Anna Berg (1997).",
        "The winners were Maria Lund (2009).",
    ]
    intro = (0, text.index(":") + 1)
    for claim, item in zip(claims, ("1. Anna Berg (1997)", "2. Maria Lund (2009)"), strict=True):
        assert text[claim.start : claim.end] == item
        assert claim.spans == (intro, (claim.start, claim.end))


def test_a_full_stop_opening_a_name_does_not_end_the_sentence():
    """ "part of the .NET platform": a sentence cut at " ." glued to the next word is joined again."""
    text = "C# was developed by Microsoft as part of the .NET platform. It is designed to be simple."
    claims = extract_claims(text)
    assert [c.text for c in claims] == [
        "C# was developed by Microsoft as part of the .NET platform.",
        "C# is designed to be simple.",
    ]
    assert (
        text[claims[0].start : claims[0].end] == "C# was developed by Microsoft as part of the .NET platform."
    )
