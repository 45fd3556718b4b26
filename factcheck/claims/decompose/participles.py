"""Participle and gerund phrases that state a fact of the subject: a closing participial clause
(", providing X", "while warning that Y", ", making it the largest X"), a passive's agent and its gerund
("won by Bill Thompson driving a Bugatti") and a leading participle phrase ("Founded in 1998, Google ...")."""

from __future__ import annotations

import re

from factcheck.claims.decompose.pieces import Piece, _Clause, _span_text, tidy
from factcheck.claims.decompose.subjects import _subject_and_verb, _subject_range
from factcheck.claims.decompose.words import (
    _COPULAS,
    _DEMONSTRATIVES,
    _NOT_PARTICIPIAL,
    _RELATIVES,
    _base_of,
    _first_verb,
    _gerund_item,
    _past,
    _plural_head,
    _skip_adverbs,
)
from factcheck.claims.grammar import (
    Token,
    is_capitalised,
    is_gerund,
    is_participle,
    is_verb,
    past_of,
    present_of,
)
from factcheck.claims.lexicon import (
    AFTER_PARTICIPLE,
    DETERMINERS,
    IRREGULAR_PARTICIPLES,
    MAKING_PARTICIPLES,
    MODALS,
    PREPOSITIONS,
    SUBORDINATORS,
)

_OBJECT_PARTICIPLES = {"ranging", "varying", "totaling", "totalling", "numbering", "averaging", "amounting"}
# Participles that describe a work: after a copula it is the subject ("is their second album, featuring X"),
# after another verb its object ("was adapted into a film in 1962, starring Gregory Peck").
_CAST_PARTICIPLES = {"starring", "featuring"}


_MAKE_FORMS = {"make", "makes", "made", "making"}
_PREDICATE_OPENERS = {"the", "a", "an", "one"}


def _made_predicate(tokens: list[Token], k: int, end: int) -> int | None:
    """Where the noun phrase starts that "making it" / "which makes them" says the clause's subject is
    ("..., making it the largest EV maker": the subject is the largest EV maker), else ``None``; an
    adjective ("making it possible to ...") or another object ("making Paris the capital") is not read so."""
    if k + 3 >= end or tokens[k].low not in _MAKE_FORMS or tokens[k + 1].low not in {"it", "them"}:
        return None
    first = tokens[k + 2]
    return k + 2 if first.low in _PREDICATE_OPENERS or first.text[:1].isdigit() else None


# "The population of Tokyo": a measure of a name, which "it" of a later "making it" stands for.
_OWNED_SUBJECT = re.compile(r"^[Tt]he [a-z]+ of (?P<name>[A-Z][\w.'’-]*(?: (?:of )?[A-Z][\w.'’-]*)*)$")


def _made_claim(
    subject: str,
    tokens: list[Token],
    k: int,
    predicate: int,
    stop: int,
    sentence: str,
    past: bool,
    modal: str,
) -> str:
    """ "<subject> is <predicate>" for :func:`_made_predicate`: "was" when ``past`` (or the verb is "made"),
    "<modal> be" after a modal, plural for "them"."""
    plural = tokens[k + 1].low == "them"
    owner = _OWNED_SUBJECT.match(subject)
    if owner:
        subject = owner.group("name")  # "The population of Tokyo is 14 million, making it ...": Tokyo
    if modal:
        be = f"{modal} be"
    elif past or tokens[k].low == "made":
        be = "were" if plural else "was"
    else:
        be = "are" if plural else "is"
    return tidy(f"{subject} {be} {sentence[tokens[predicate].start : stop]}")


# Words that open a closing gerund phrase of something the subject also did ("praised X while warning that
# Y", "joined Google after leaving Yahoo"); not "before": "died before completing the book" did not do it.
_TIMED_GERUND_LEADS = {"while", "after"}
_TIME_UNITS = {
    "second",
    "minute",
    "hour",
    "day",
    "week",
    "month",
    "year",
    "decade",
    "shortly",
    "soon",
    "long",
}


def _gerund_lead(clause: _Clause, verb: int, c: int) -> int | None:
    """Where the "-ing" word of a closing phrase opened at token ``c`` sits, less one: after a comma, or
    after "while" or "after" (and "also") that go with the clause's own verb; ``None`` when
    token ``c`` opens no such phrase."""
    tokens = clause.tokens
    timed = tokens[c].low in _TIMED_GERUND_LEADS
    if not (tokens[c].text == "," or timed) or clause.depth[tokens[c].start] or clause.aside(tokens[c]):
        return None
    if timed and not _gerund_of_main_verb(tokens, verb, c):
        return None
    return c + 1 if timed and tokens[c + 1].low == "also" and c + 3 < clause.end else c


def _gerund_of_main_verb(tokens: list[Token], verb: int, lead: int) -> bool:
    """Whether the gerund after ``tokens[lead]`` ("while", "after") goes with the clause's own
    verb: nothing between them opens another clause or a phrase of its own (no comma, finite verb or
    subordinator: "the firm Graham worked for after earning her degree"), and "after" is no point in
    time ("six months after opening day")."""
    between = tokens[verb + 1 : lead]
    if any(t.text in {",", ";", ":"} or t.low in SUBORDINATORS | _RELATIVES or is_verb(t) for t in between):
        return False
    before = tokens[lead - 1].low
    return before.rstrip("s") not in _TIME_UNITS


def _extract_participial_clause(clause: _Clause, pieces: list[Piece]) -> None:
    """A closing participial clause says a fact of the subject: "Single-cell multiomics allows X,
    providing a higher resolution" gives "Single-cell multiomics provides a higher resolution"; so does one
    after "while" or "after" ("She joined Google after leaving Yahoo" gives "She left Yahoo"; not after
    "before": "died before completing the book")."""
    tokens = clause.tokens
    skip = lambda t: clause.cut(t.start, t.end)  # noqa: E731
    found = _subject_and_verb(tokens, clause.begin, clause.end, skip)
    verb = _first_verb(tokens, clause.begin, clause.end)
    if found is None or verb is None or tokens[found[0][0]].low in _DEMONSTRATIVES:
        return  # "That meant ..., crossing over Jordan": no subject to give the participle
    subject = found[0]
    if subject[0] <= verb < subject[1]:
        verb = found[1]  # "its encoded form changes": the verb after the subject, not "encoded"
    for lead in range(verb + 2, clause.end - 2):
        at = _gerund_lead(clause, verb, lead)
        if at is None:
            continue
        c, t = at, tokens[at + 1]
        if not (t.text[:1].islower() and t.low.endswith("ing") and t.low not in _NOT_PARTICIPIAL):
            continue
        if c + 2 >= clause.end or tokens[c + 2].text in {",", ".", ";"} or tokens[c + 2].low in {"and", "or"}:
            continue  # "scheduling, manufacturing, and telecommunications": a list of nouns
        if c + 3 < clause.end and tokens[c + 3].text == "," and not is_capitalised(tokens[c + 2]):
            # "based on reactor design, operating conditions, and ...": an item of a list ("spanning
            # Europe, North Africa and ..." takes a list of names)
            continue
        if t.low in _OBJECT_PARTICIPLES:
            return  # ", ranging from 110 million to 1.5 billion": a measure of the object, not the subject
        if t.low in _CAST_PARTICIPLES and (
            tokens[verb].low not in _COPULAS or is_participle(tokens[_skip_adverbs(tokens, verb + 1)])
        ):
            return
        if _gerund_list_item(tokens, verb, c, clause.end):
            return  # "involves obtaining A, performing B, and ordering C": the next item of a list
        stop = tokens[clause.end - 1].end
        subj_text = clause.text(tokens[subject[0]].start, tokens[subject[1] - 1].end)
        predicate = _made_predicate(tokens, c + 1, clause.end)
        if predicate is not None:
            # "The bridge opened in 1937, making it the longest bridge" -> "The bridge was the longest bridge"
            modal = tokens[verb].low if tokens[verb].low in MODALS - {"to"} else ""
            past = _past(tokens[verb])
            made = _made_claim(subj_text, tokens, c + 1, predicate, stop, clause.sentence, past, modal)
            pieces.append(Piece(made, t.start, stop, "participial", subj_text))
            clause.cuts.append((tokens[lead].start, stop))
            return
        present = present_of(t.low)
        if present is None:
            continue

        def finite(ing: str, form: str) -> str:
            if _past(tokens[verb]):
                return past_of(ing) or form  # "The court held X, finding Y" -> "The court found Y"
            if tokens[verb].low in MODALS - {"to"}:
                return _base_of(form)  # "will open, creating" -> "will create"
            if _plural_head(tokens[subject[1] - 1]):
                return _base_of(form)  # "the ions ..., causing X" -> "the ions cause X"
            return form

        present = finite(t.low, present)
        if tokens[verb].low in MODALS - {"to"}:
            present = f"{tokens[verb].low} {present}"
        # "..., killing 12 people and destroying 100 homes": the second "-ing" takes the same form
        parts, pos = [], tokens[c + 2].start if c + 2 < clause.end else stop
        for j in range(c + 3, clause.end - 1):
            later = tokens[j + 1]
            if _gerund_item(tokens[j]) and tokens[j - 1].low != "and":
                break  # "making it a treatment for preventing X and managing Y": gerunds of a phrase
            form = present_of(later.low) if tokens[j].low == "and" and _gerund_item(later) else None
            if form is not None and not clause.depth[later.start]:
                parts.append(clause.sentence[pos : later.start] + finite(later.low, form))
                pos = later.end
        rest = "".join(parts) + clause.sentence[pos:stop]
        pieces.append(Piece(tidy(f"{subj_text} {present} {rest}"), t.start, stop, "participial", subj_text))
        clause.cuts.append((tokens[lead].start, stop))
        return


def _gerund_list_item(tokens: list[Token], verb: int, c: int, end: int) -> bool:
    """Whether the "-ing" word after comma ``c`` is an item of a list of gerunds that a verb or preposition
    after ``verb`` takes, closed by "and" or "or" and a gerund later on."""
    opened = any(
        _gerund_item(tokens[j]) and (is_verb(tokens[j - 1]) or tokens[j - 1].low in PREPOSITIONS)
        for j in range(verb + 1, c)
    )
    return opened and any(
        tokens[j].low in {"and", "or"} and _gerund_item(tokens[j + 1]) for j in range(c + 2, end - 1)
    )


def _extract_name_participle(clause: _Clause, pieces: list[Piece]) -> None:
    """A passive's agent followed by a gerund and its object says what the agent did: "The race was won by
    driver Bill Thompson driving a Bugatti" gives "Bill Thompson drove a Bugatti" (and the clause without
    it), in the clause's tense."""
    if " by " not in _span_text(clause):
        return
    tokens = clause.tokens
    skip = clause.aside
    subject = _subject_range(tokens, clause.begin, clause.end, skip)
    verb = _first_verb(tokens, clause.begin, clause.end)
    if subject is None or verb is None:
        return
    for j in range(verb + 2, clause.end - 1):
        t = tokens[j]
        if not (is_gerund(t) and t.low not in _NOT_PARTICIPIAL and is_capitalised(tokens[j - 1])) or skip(t):
            continue
        start = j - 1
        while start > verb + 1 and is_capitalised(tokens[start - 1]) and not skip(tokens[start - 1]):
            start -= 1
        if not any(tokens[x].low == "by" for x in range(max(verb, start - 2), start)):
            continue  # a passive's agent only: "a statement to Yahoo Finance calling X" is what calls
        nxt = tokens[j + 1]
        if not (nxt.low in DETERMINERS or is_capitalised(nxt) or nxt.text.isdigit()):
            return  # "Bill Thompson driving": the object is what makes it a fact
        stop = j + 1
        while stop < clause.end and tokens[stop].text not in {",", ";", ":"} and not skip(tokens[stop]):
            stop += 1
        form = past_of(t.low) if _past(tokens[verb]) else present_of(t.low)
        if form is None:
            return
        name = clause.text(tokens[start].start, tokens[j - 1].end)
        rest = clause.text(tokens[j + 1].start, tokens[stop - 1].end)
        pieces.append(Piece(tidy(f"{name} {form} {rest}"), t.start, tokens[stop - 1].end, "participle", name))
        clause.cuts.append((tokens[j - 1].end, tokens[stop - 1].end))
        return


# Participles that open a hedge or a comparison ("Compared to X, ...", "Given X, ...", "Based on X, ..."),
# not a fact of the subject.
_HEDGE_PARTICIPLES = {
    "compared", "given", "granted", "provided", "assumed", "combined", "coupled", "taken", "added", "meant",
    "supposed", "used", "asked", "pressed", "considered", "seen", "viewed", "judged", "measured", "put",
    # a naming lead ("Called gravitational lensing, this phenomenon ..."): the references read it
    "called", "named", "dubbed", "termed", "nicknamed", "titled", "labelled", "labeled",
}  # fmt: skip


def _extract_leading_participle(clause: _Clause, pieces: list[Piece]) -> None:
    """A clause opening with a participle phrase states a fact of its subject: "Founded in 1998, Google is
    ..." gives "Google was founded in 1998" (a participle of making or "born": a past act) and "Google is
    ..." (the phrase cut out of the clause); "Located in X, the museum attracts ..." gives "The museum is
    located in X". Hedges and comparisons ("Based on my knowledge", "Compared to X") are left alone."""
    tokens = clause.tokens
    first = tokens[clause.begin]
    low = first.low
    if not is_capitalised(first) or clause.begin + 3 >= clause.end:
        return
    if (
        not (low in IRREGULAR_PARTICIPLES or (low.endswith("ed") and len(low) > 4))
        or low in _HEDGE_PARTICIPLES
    ):
        return
    after = tokens[clause.begin + 1]
    if after.low not in AFTER_PARTICIPLE or (low == "based" and after.low == "on"):
        return
    comma = next(
        (j for j in range(clause.begin + 2, min(clause.end - 2, clause.begin + 16)) if tokens[j].text == ","),
        None,
    )
    if comma is None or clause.aside(tokens[comma]):
        return
    if any(is_verb(t) or t.text in {";", ":"} for t in tokens[clause.begin + 2 : comma]):
        return
    subject = _subject_range(tokens, comma + 1, clause.end, clause.aside)
    if subject is None:
        return
    verb = _first_verb(tokens, subject[1], clause.end)
    if verb is None:
        return
    subj_text = clause.text(tokens[subject[0]].start, tokens[subject[1] - 1].end)
    plural = _plural_head(tokens[subject[1] - 1])
    past = low in MAKING_PARTICIPLES or low == "born" or _past(tokens[verb])
    copula = ("were" if plural else "was") if past else ("are" if plural else "is")
    phrase = clause.sentence[first.start : tokens[comma - 1].end]
    text = tidy(f"{subj_text[:1].upper()}{subj_text[1:]} {copula} {low}{phrase[len(low) :]}")
    pieces.append(Piece(text, first.start, tokens[comma - 1].end, "participle", subj_text))
    clause.cuts.append((first.start, tokens[comma].end))
