from hypothesis import given
from hypothesis import strategies as st

from factcheck.sources.sentences import split_sentences


def test_abbreviations_and_decimals_do_not_split():
    text = "Dr. Lei Jun said the U.S. market grew 2.5% in Q2. Xiaomi paid about €70M for Deepmotion."
    spans = split_sentences(text)
    assert [s.text for s in spans] == [
        "Dr. Lei Jun said the U.S. market grew 2.5% in Q2.",
        "Xiaomi paid about €70M for Deepmotion.",
    ]


def test_blank_lines_separate_sentences():
    spans = split_sentences("# Title\n\nFirst sentence without a stop\n\nSecond one.")
    assert [s.text for s in spans] == ["# Title", "First sentence without a stop", "Second one."]


@given(st.text(alphabet=st.sampled_from(list("ab .?!\n\"'12,")), max_size=200))
def test_offsets_are_exact(text):
    for span in split_sentences(text):
        assert text[span.start : span.end] == span.text
        assert span.text == span.text.strip()
