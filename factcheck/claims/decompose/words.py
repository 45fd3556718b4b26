"""Word tests and word sets that rules of several kinds share: skipping adverbs, the first finite verb,
plural heads, past and base forms of verbs, "-ly" adverbs, gerunds opening an item, person nouns, years and
counts, and the small closed sets (copulas, relative pronouns, demonstratives, months) the rules look for."""

from __future__ import annotations

import re

from factcheck.claims.grammar import Token, finite_at, verb_like
from factcheck.claims.lexicon import (
    ADVERBS,
    AUX,
    DETERMINERS,
    IRREGULAR,
    PERSON_NOUNS,
    PREPOSITIONS,
    SUBJECT_PRONOUNS,
    TITLES,
)

_NUMBER = re.compile(r"\d[\d.,]*")


def _skip_adverbs(tokens: list[Token], i: int, keep: frozenset[str] = frozenset()) -> int:
    while i < len(tokens) and tokens[i].low in ADVERBS and tokens[i].low not in keep:
        i += 1
    return i


def _first_verb(tokens: list[Token], begin: int, end: int) -> int | None:
    for i in range(begin, end):
        if finite_at(tokens, i):
            return i
    return None


def _ly_adverb(token: Token) -> bool:
    """A lower-case "-ly" word: an adverb ("overwhelmingly", "typically"), not "family" or "Italy"."""
    low = token.low
    return token.text.islower() and low.endswith("ly") and len(low) > 5 and low not in _LY_NOUNS


# Nouns and verbs in "-ly" ("a monopoly is", "the assembly voted", "they apply").
_LY_NOUNS = {
    "family", "supply", "monopoly", "anomaly", "assembly", "butterfly", "homily", "melancholy", "reply",
    "apply", "comply", "multiply", "rely", "ally", "rally", "belly", "jelly", "bully", "lily", "holy",
}  # fmt: skip


_COPULAS = {"is", "are", "was", "were", "be", "been"}


def _person_noun(low: str) -> bool:
    """A common noun for a person or people ("classmate", "officials"), from the lexicon's lists."""
    people = PERSON_NOUNS | TITLES | {"classmate", "friend", "colleague", "partner", "neighbor", "neighbour"}
    return low in people or (low.endswith("s") and low[:-1] in people)


_RELATIVES = {"who", "which", "that"}


_DEMONSTRATIVES = {"this", "that", "these", "those", "it", "they"}


# "-ing" words after a comma that are not a verb's participle ("including", "according to"...).
_NOT_PARTICIPIAL = {
    "including", "according", "following", "regarding", "meaning", "concerning", "depending", "excluding",
    "during", "nothing", "something", "everything", "anything", "being", "notwithstanding", "pending",
    "morning", "evening", "spring", "thing", "king", "string", "ceiling", "building", "meeting", "ring",
    "wedding",
}  # fmt: skip


def _plural_head(token: Token) -> bool:
    """A plural common noun at the end of a subject ("ions", "planets"; not "glass", "Texas", "physics"):
    the lower-case -s shape of :func:`verb_like`, read as a noun."""
    low = token.low
    return (verb_like(token) and not low.endswith("ics")) or low in {"they", "we", "people", "children"}


def _base_of(present: str) -> str:
    """The base form of a verb's third-person present ("causes" -> "cause", "carries" -> "carry")."""
    if present == "has":
        return "have"
    if present.endswith("ies"):
        return present[:-3] + "y"
    if present.endswith(("sses", "shes", "ches", "xes", "zes", "oes")):
        return present[:-2]
    return present[:-1] if present.endswith("s") else present


# Irregular past forms that are also a present ("set", "put") are not taken for a past.
_PRESENT_TOO = {"set", "put", "cut", "hit", "shut", "bet", "beat"}
_PAST_FORMS = {"was", "were", "had", "did"} | {w for w in IRREGULAR if not w.endswith("s")} - _PRESENT_TOO


def _past(verb: Token) -> bool:
    """Whether a finite verb is in the past: "was", "held", "founded" (not "uses", "set", "will")."""
    low = verb.low
    return low in _PAST_FORMS or (low.endswith("ed") and low not in AUX and low not in {"need", "speed"})


_MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december",
}  # fmt: skip


# Items of an example list that name nothing ("..., and more").
_LIST_FILLERS = {"more", "others", "many more", "many others", "etc", "so on", "much more", "the like"}


_BE = {"be", "been", "being", "is", "are", "was", "were"}


def _has_phrase(tokens: list[Token], a: int, b: int) -> bool:
    """Whether an item carries a prepositional phrase after its first word."""
    return any(tokens[j].low in PREPOSITIONS for j in range(a + 1, b))


def _gerund_item(token: Token) -> bool:
    """A lower-case "-ing" form opening a list item ("enhancing teacher competence"), not "during"."""
    low = token.low
    return (
        token.text.isalpha()
        and token.text.islower()
        and low.endswith("ing")
        and len(low) > 5
        and (low not in _NOT_PARTICIPIAL)
    )


def _is_name_start(text: str) -> bool:
    word = text.split(" ", 1)[0]
    return word[:1].isupper() and word.lower() not in DETERMINERS | SUBJECT_PRONOUNS | PREPOSITIONS


_YEAR = re.compile(r"(?:1[5-9]|20)\d\d")
_COUNT_WORDS = {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"}


_SINGULAR_S = ("ss", "us", "sis", "ics")  # "glass", "virus", "analysis", "physics"


def _verb_after_to(token: Token) -> bool:
    """A verb's base form after "to": a lower-case word that is no determiner or number."""
    return token.text[:1].islower() and token.text.isalpha() and token.low not in DETERMINERS
