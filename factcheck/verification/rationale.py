"""Rationale selection: is a span about the claim's subject at all?

FEVER pipelines select rationale sentences before they judge stance; a sentence about another company,
plant or person cannot contradict a claim, whatever a stance model says of it. The claim's subject is the
first organisation or person it names (places are what a claim gets wrong, not what it is about), or the
place it opens with when it names nobody ("Libya is an African country"). A span
is about that subject when it names one of them, or, when it names nobody, when its document context (the
title and the rest of its passage) does. A span that names only others, or whose document is about others,
is about another subject - unless it refers back by a pronoun, when its document decides.
"""

from __future__ import annotations

import re
from functools import lru_cache

from factcheck.corpus.encoder import model_dir
from factcheck.rules.lexicon import STOPWORDS
from factcheck.rules.names import extract_names, place_within, same_organisation
from factcheck.verification.context import refers_back

SAME, OTHER, UNKNOWN = "same", "other", "unknown"
# A pronoun standing for someone: the span may name others and still be about its document's subject.
_PRONOUN = re.compile(r"\b(?:he|she|it|they|his|her|its|their)\b", re.IGNORECASE)
# An opening definite description of a common noun ("The film, starring Gary Oldman, ...", "The debates
# were held in ..."): the span speaks of something its document named before.
_DEFINITE = re.compile(r"\s*The\s+[a-z][a-z-]*\b")
# A work or body the span speaks of by a definite description after naming a source ("Metacritic assigned
# the film a score of 60", "On Rotten Tomatoes, the film holds ...").
_DESCRIBED = re.compile(
    r"\b(?:the|this)\s+(?:film|movie|album|song|single|series|show|book|novel|game|band|play|opera)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=8192)
def subject_keys(text: str) -> frozenset[str]:
    """Comparison keys of the organisations and people ``text`` names."""
    return frozenset(m.key for m in extract_names(text) if m.kind == "organisation" and not m.demonym)


@lru_cache(maxsize=8192)
def primary_subject(text: str) -> tuple[str, str] | None:
    """The first organisation or person ``text`` names (the subject of most news sentences), as (text,
    key), or None."""
    for mention in extract_names(text):
        if mention.kind == "organisation" and not mention.demonym:
            return mention.text, mention.key
    return None


def _named(subject: tuple[str, str], text: str) -> bool:
    """Whether ``subject`` is named in ``text`` (by key, or written out: a sentence-initial name may escape
    the name reader)."""
    name, key = subject
    return any(same_organisation(key, other) for other in subject_keys(text)) or bool(
        re.search(rf"\b{re.escape(name)}\b", text) or _written_apart(name, text) or _initialism(name, text)
    )


def _initials(name: str) -> str:
    return "".join(word[0] for word in name.split() if word[:1].isupper() and word != "The")


def _initialism(name: str, text: str) -> bool:
    """Whether one of ``name`` and a name of ``text`` is the other written by its initials ("the KKK" for
    "the Ku Klux Klan", "NASA" for "National Aeronautics and Space Administration"; three letters at
    least)."""
    initials = _initials(name)
    if len(initials) >= 3 and re.search(rf"\b{initials}\b", text):
        return True
    return (
        len(name) >= 3
        and name.isupper()
        and any(_initials(m.group(0)) == name for m in _SPELLED.finditer(text))
    )


# Capitalised words in a row, with the small words a long name holds ("Aeronautics and Space").
_SPELLED = re.compile(r"[A-Z][\w'-]*(?:\s+(?:(?:of|and|for|the|de)\s+)?[A-Z][\w'-]*)+")


def _written_apart(name: str, text: str) -> bool:
    """Whether ``text`` writes a name of two or more words with words between its first and last ("Duane
    Lee 'Dog' Chapman" for "Duane Chapman")."""
    parts = name.split()
    if len(parts) < 2:
        return False
    first, last = re.escape(parts[0]), re.escape(parts[-1])
    return bool(re.search(rf"\b{first}\b(?:\W+[\w.]+){{0,3}}?\W+{last}\b", text))


_FIRST_WORD = re.compile(r"^\s*([A-Z][\w-]{2,})\b")


def _leading_name(claim: str, document: str) -> tuple[str, str] | None:
    """The claim's opening word when it is a name the name reader cannot see at a sentence start
    ("Deepmotion had 150 employees ..."): the document writes it capitalised inside a sentence, or it is no
    English word."""
    first = _FIRST_WORD.match(claim)
    if first is None or first.group(1).lower() in STOPWORDS:
        return None
    word = first.group(1)
    if any(m.text.startswith(word) for m in extract_names(claim)):
        return None  # read already
    inside = re.search(rf"(?<=[a-z,;] ){re.escape(word)}\b", document)
    unknown = len(word) >= 4 and word.lower() not in _dictionary()
    return (word, word.lower()) if inside or unknown else None


@lru_cache(maxsize=1)
def _dictionary() -> frozenset[str]:
    """The whole words of the embedding model's English word-piece vocabulary: a capitalised opening word
    that is none of them ("Deepmotion", "Xiaomi") is a name."""
    path = model_dir() / "vocab.txt"
    words = path.read_text(encoding="utf-8").split()
    return frozenset(w for w in words if w.isalpha() and not w.startswith("##"))


_PLACE_BEFORE = re.compile(r"\b(?:in|at|near|from|to|outside)\s+(?:its\s+|the\s+|their\s+|his\s+|her\s+)?$")


def _parties(text: str) -> set[str]:
    """Keys of the organisations and people ``text`` names, less names written as a location ("at its Cluj
    plant", "in Leipzig": a town the gazetteer does not know reads as a name)."""
    return {
        m.key
        for m in extract_names(text)
        if m.kind == "organisation"
        and not m.demonym
        and not _PLACE_BEFORE.search(text[max(0, m.start - 16) : m.start])
    }


def _names_another_party(claim_text: str, span: str, subject: tuple[str, str]) -> bool:
    """Whether the span names an organisation or person of the claim other than its subject (the other
    party of its event, not where it happens)."""
    others = _parties(claim_text) - {subject[1]}
    return any(same_organisation(key, theirs) for key in others for theirs in _parties(span))


def _pronoun_first(span: str, own: str) -> bool:
    """Whether the span refers back by a pronoun before it names anyone ("In 2021 its unit, led by Lei Jun,
    ..."); a pronoun after its own subject ("Xiaomi EV has 300 employees, most of them engineers") is about
    that subject."""
    found = _PRONOUN.search(span)
    named_at = span.find(own)
    return found is not None and (named_at < 0 or found.start() < named_at)


def aboutness(claim_text: str, span: str, title: str | None, passage_text: str) -> str:
    """``same`` when the span names the claim's subject (its first-named organisation or person), or names
    nobody and its document context does; ``other`` when the span's own subject, or its document's, is
    someone else; ``unknown`` when the claim names nobody, nothing around the span does, or the span
    refers back ("she", "the film") in a document that names nobody else (a lone evidence sentence)."""
    around = f"{title or ''}. {passage_text}"
    subject = (
        _leading_name(claim_text, f"{span} {around}")
        or primary_subject(claim_text)
        or _place_first(claim_text)
    )
    if subject is None:
        return SAME if _in_claims_place(claim_text, span, around) else UNKNOWN
    if _named(subject, span):
        return SAME
    if _opening_term(subject[0], claim_text) and re.search(rf"\b{re.escape(subject[0])}\b", span, re.I):
        # a term the claim capitalises only because it opens the sentence ("Kefir, yogurt ...") may be the
        # same term in lower case inside the span ("traditional products such as kefir"); a common noun
        # ("Epigenetic changes") names no one, so the span is not known to be about another subject
        return UNKNOWN
    own = primary_subject(span)
    pointing = refers_back(span) or (own is not None and _pronoun_first(span, own[0]))
    rest = f"{title or ''}. {passage_text.replace(span, ' ', 1)}"
    described = _DEFINITE.match(span) or _DESCRIBED.search(span)
    if own is not None and not pointing and described:
        document = primary_subject(rest)
        if document is None:
            # "The film, starring Gary Oldman, ..." alone: which film is not said, so it may be the claim's.
            # (Inside a document a definite description is often its own subject: "The trial was stopped".)
            return UNKNOWN
        if same_organisation(document[1], subject[1]):
            # "On Rotten Tomatoes, the film holds ..." in a document about the claim's film: "the film" is
            # the document's own, whatever source the span names.
            return SAME
    if own is not None and not pointing:
        # The span's own subject is another name of the claim ("Daleport Pharma's chief executive is ..."
        # for "Tomas Halvorsen is the chief executive of Daleport Pharma"), or part of the subject's name
        # ("O'Neal" for "Tatum O'Neal"): it may speak to the claim.
        if _claim_names(own[1], claim_text) or _part_of(own, subject):
            return UNKNOWN
        if _names_another_party(claim_text, span, subject):
            # The span tells the claim's event with another actor ("Castell Group agreed to buy Harlan
            # Robotics" for "Xiaomi agreed to buy Harlan Robotics"): whether that is the wrong-company
            # error is for the comparison to say.
            return UNKNOWN
        if _same_surname(own, subject) and _named(subject, title or ""):
            # On the claim's subject's own page, a name with the subject's surname is the subject in full
            # ("David Michael Navarro (born June 7, 1967)" on the page "Dave Navarro").
            return SAME
        return OTHER
    if _named(subject, around):
        return SAME
    if pointing:
        # Whom "she" or "the company" stands for is for the document around the span to say; where it names
        # nobody (a lone evidence sentence), or its title is another name the claim gives ("He had a
        # half-brother" on the page "Bob Ross"), the span may well speak to the claim.
        return OTHER if primary_subject(rest) and not _titled_by_claim(claim_text, title) else UNKNOWN
    return OTHER if primary_subject(around) or primary_subject(span) else UNKNOWN


def _opening_term(name: str, claim_text: str) -> bool:
    """Whether a one-word subject opens the claim and is no English word the vocabulary knows ("Kefir"):
    written in lower case elsewhere it may be the same term. ("Apple" is a word: "an apple" in a span is no
    company.)"""
    return (
        " " not in name
        and claim_text.lstrip().startswith(name)
        and name.lower() not in _dictionary()
        and not name.isupper()
    )


def _same_surname(own: tuple[str, str], subject: tuple[str, str]) -> bool:
    """Whether two names of two words or more share their last word and their first initial ("David
    Michael Navarro", "Dave Navarro"; not "Pat Navarro")."""
    mine, theirs = own[0].split(), subject[0].split()
    return len(mine) > 1 and len(theirs) > 1 and mine[-1] == theirs[-1] and mine[0][0] == theirs[0][0]


def _titled_by_claim(claim_text: str, title: str | None) -> bool:
    """Whether the document's title names, as its own subject, an organisation, person or work the claim
    names (the page "Bob Ross" for a claim about Bob Ross's half-brother)."""
    document = primary_subject(title) if title else None
    return document is not None and _claim_names(document[1], claim_text)


def _claim_names(key: str, claim_text: str) -> bool:
    """Whether the organisation or person of comparison key ``key`` is one the claim names."""
    return any(same_organisation(key, theirs) for theirs in subject_keys(claim_text))


def _place_first(claim_text: str) -> tuple[str, str] | None:
    """The place a claim that names nobody opens with, as its subject ("Libya is an African country",
    "Guatemala's civil war was fought ..."), or None."""
    names = extract_names(claim_text)
    first = names[0] if names else None
    if first is None or first.kind != "place" or first.demonym:
        return None
    opening = claim_text[: first.start].strip().lower()
    return (first.text, first.key) if opening in ("", "the") else None


def _in_claims_place(claim_text: str, span: str, around: str) -> bool:
    """Whether a span names nobody and tells of the one place a claim of no organisation or person is
    about ("Under 30 cases have been confirmed in Germany"): the span names that place or its document does
    (the page "2020 coronavirus pandemic in Germany"), and the span names no other place."""
    places = {m.key for m in extract_names(claim_text) if m.kind == "place" and not m.demonym}
    if len(places) != 1 or primary_subject(span) is not None:
        return False
    (place,) = places
    named = [m.key for m in extract_names(span) if m.kind == "place" and not m.demonym]
    if any(not place_within(key, place) for key in named):
        return False
    return bool(named) or any(
        m.kind == "place" and place_within(m.key, place) for m in extract_names(around) if not m.demonym
    )


def _part_of(own: tuple[str, str], subject: tuple[str, str]) -> bool:
    """Whether the span's subject is written with some of the words of the claim's, such as a surname
    ("O'Neal" for "Tatum O'Neal")."""
    words, theirs = own[0].split(), subject[0].split()
    return len(words) < len(theirs) and all(word in theirs for word in words)
