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


def test_a_dangling_letter_after_an_article_does_not_end_a_sentence():
    text = "Bruen is a case heard by the r. Supreme Court of the United States. It was decided."
    spans = split_sentences(text)
    assert [s.text for s in spans] == [
        "Bruen is a case heard by the r. Supreme Court of the United States.",
        "It was decided.",
    ]


def test_a_list_number_glued_to_a_closing_quotation_opens_the_next_sentence():
    text = 'It includes "Whistle" and "Boombayah."2. "Square Two" (2016) is their second album.'
    spans = [s.text for s in split_sentences(text)]
    assert spans[0] == 'It includes "Whistle" and "Boombayah."'
    assert " ".join(spans[1:]) == '2. "Square Two" (2016) is their second album.'


def test_a_closing_initial_before_a_sentence_opening_word_ends_the_sentence():
    text = "It features Selena Gomez and Cardi B. Please note that this is accurate as of 2021."
    assert [s.text for s in split_sentences(text)] == [
        "It features Selena Gomez and Cardi B.",
        "Please note that this is accurate as of 2021.",
    ]
    # a middle initial before a surname stays inside the sentence
    assert [s.text for s in split_sentences("Harry S. Truman won in 1948. John F. Kennedy won in 1960.")] == [
        "Harry S. Truman won in 1948.",
        "John F. Kennedy won in 1960.",
    ]
