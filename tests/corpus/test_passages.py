"""Sentence-aware passages: exact offsets, size limits, overlap, headings kept with their text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.corpus.passages import is_heading, split_passages
from factcheck.sources.sentences import split_sentences

ARTICLE = (
    "# Xiaomi picks Beijing\n\n"
    "BEIJING, Nov. 27 (Newsdesk) - Xiaomi will build its first car factory in Beijing. "
    "The plant will have capacity for 300,000 cars a year. It is to be built in two phases. "
    "Production is to start in 2024. Dr. Lei Jun leads the unit, which has 300 employees.\n\n"
    "## Reaction\n\n"
    "Shares rose 2.5 percent. Analysts at U.S. banks were upbeat. The city welcomed the plan. "
    "Rivals said nothing."
)


def prose_sentences(text: str, start: int, end: int) -> int:
    return sum(1 for s in split_sentences(text[start:end]) if not is_heading(s))


def test_offsets_overlap_and_sentence_counts() -> None:
    passages = split_passages(ARTICLE, sentences=4, overlap=1, max_chars=800)
    assert len(passages) >= 2
    for p in passages:
        assert ARTICLE[p.start : p.end] == p.text
        assert prose_sentences(ARTICLE, p.start, p.end) <= 4
    for before, after in zip(passages, passages[1:], strict=False):
        assert after.start < before.end  # one sentence of overlap
        assert after.end > before.end
    assert passages[0].start == 0 and passages[-1].end == len(ARTICLE.rstrip())


def test_headings_do_not_end_a_passage_or_stand_alone() -> None:
    for p in split_passages(ARTICLE, sentences=4, overlap=1):
        assert not p.text.rstrip().endswith(("Beijing", "Reaction"))
        assert prose_sentences(ARTICLE, p.start, p.end) >= 1


def test_max_chars_cuts_long_sentences_at_white_space() -> None:
    text = "Intro sentence. " + "word " * 400 + "end."
    passages = split_passages(text, sentences=4, overlap=1, max_chars=200)
    assert all(len(p.text) <= 200 for p in passages)
    assert all(text[p.start : p.end] == p.text for p in passages)
    covered = "".join(text[p.start : p.end] for p in passages)
    assert covered.count("word") >= 400  # nothing lost (overlap may repeat some)


def test_short_and_empty_documents() -> None:
    assert split_passages("") == []
    only = split_passages("Just one sentence.")
    assert [(p.start, p.end) for p in only] == [(0, 18)]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(alphabet="abcdefgh xyz.,!?€$0123456789", min_size=0, max_size=120),
            st.sampled_from(["\n", "\n\n", "# Heading\n", "Dr. Smith paid $2.5 million. ", "U.S. sales"]),
        ),
        max_size=30,
    ),
    st.integers(min_value=1, max_value=5),
    st.integers(min_value=20, max_value=400),
)
def test_every_passage_is_an_exact_slice_and_every_sentence_is_covered(pieces, sentences, max_chars) -> None:
    text = "".join(pieces)
    passages = split_passages(text, sentences=sentences, overlap=min(1, sentences - 1), max_chars=max_chars)
    for p in passages:
        assert text[p.start : p.end] == p.text
        assert len(p.text) <= max_chars
    for sentence in split_sentences(text):
        assert any(p.start <= sentence.start < p.end for p in passages)
