"""Relative clauses that close a clause and state a fact of their own noun: on an indefinite object ("a
gunman who slaughtered seven"), on a source ("according to an association that tracks X"), on a predicate
noun ("is a social anthropologist who has conducted research"), and "where" clauses of a definition or a
named place."""

from __future__ import annotations

import re

from factcheck.claims.decompose.pieces import Piece, _Clause, _span_text, tidy
from factcheck.claims.decompose.predicates import _predicate_noun
from factcheck.claims.decompose.subjects import _clause_follows, _subject_range
from factcheck.claims.decompose.words import (
    _COPULAS,
    _RELATIVES,
    _SINGULAR_S,
    _YEAR,
    _first_verb,
    _is_name_start,
    _skip_adverbs,
)
from factcheck.claims.grammar import Token, finite_at, is_capitalised, is_participle, is_verb, verb_like
from factcheck.claims.lexicon import (
    ADVERBS,
    AUX,
    COMMON_VERBS,
    DETERMINERS,
    IRREGULAR,
    MODALS,
    PREPOSITIONS,
    REPORTING,
)


def _object_noun(tokens: list[Token], d: int, rel: int) -> bool:
    """Whether ``tokens[d:rel]`` is the head noun of an object with its modifiers: words, no verb, no
    preposition; "and" only between two modifiers ("a disillusioned and bored priest"), an "-ed" word
    only before the noun ("a bored priest")."""
    noun = tokens[d:rel]
    for n, t in enumerate(noun):
        last = n == len(noun) - 1
        if not t.text.isalpha() or t.low in PREPOSITIONS or t.low == "or":
            return False
        if t.low == "and" and (n == 0 or n >= len(noun) - 2 or noun[n + 1].low in DETERMINERS):
            return False
        if is_verb(t) and (last or not t.low.endswith("ed") or t.low in AUX or t.low in IRREGULAR):
            return False
    return True


def _bare_plural_object(tokens: list[Token], d: int, rel: int) -> bool:
    """Whether ``tokens[d:rel]`` is a plural object without a determiner, of up to three lower-case words
    after a preposition or a verb ("formed from elements that", "the production of proteins that")."""
    before = tokens[d - 1]
    if before.low not in PREPOSITIONS and not is_verb(before):
        return False
    words = tokens[d:rel]
    if not 1 <= len(words) <= 3 or not all(t.text.isalpha() and t.text.islower() for t in words):
        return False
    closed = DETERMINERS | PREPOSITIONS | ADVERBS | _RELATIVES | {"and", "or"}
    if any(t.low in closed or is_verb(t) for t in words):
        return False
    head = words[-1].low
    return len(head) > 3 and head.endswith("s") and not head.endswith(_SINGULAR_S)


def _relative_after_object(tokens: list[Token], d: int, close: int) -> int | None:
    """Where the relative pronoun after an object opening at ``d`` stands: after "a" or "an" and its noun
    (see :func:`_object_noun`), or after a bare plural (see :func:`_bare_plural_object`); else ``None``."""
    if tokens[d].low in {"a", "an"}:
        rel = next((j for j in range(d + 2, min(d + 7, close - 1)) if tokens[j].low in _RELATIVES), None)
        return rel if rel is not None and _object_noun(tokens, d + 1, rel) else None
    rel = next((j for j in range(d + 1, min(d + 4, close - 1)) if tokens[j].low in {"that", "which"}), None)
    return rel if rel is not None and _bare_plural_object(tokens, d, rel) else None


def _relative_states_fact(clause: _Clause, rel: int, close: int, article: bool) -> bool:
    """Whether the relative clause from ``rel`` to ``close`` states a fact of its object: a finite verb that
    reports nothing and has no modal ("a law that would ban X" is no fact), no description ("a service
    that is as fast as possible"), no list or aside; after a bare plural a plural verb or a passive."""
    tokens = clause.tokens
    k = _skip_adverbs(tokens, rel + 1)
    if (
        k >= close
        or not (finite_at(tokens, k) or verb_like(tokens[k]))
        or tokens[k].low in REPORTING | MODALS
    ):
        return False
    passive = k + 1 < close and is_participle(tokens[k + 1])
    # a description, or an "-s" word that may be a noun ("a bill that bans" reads "bill bans")
    if tokens[rel].low != "who" and ((tokens[k].low in _COPULAS and not passive) or not finite_at(tokens, k)):
        return False
    if not article and (verb_like(tokens[k]) or not (passive or tokens[k].low in COMMON_VERBS)):
        return False  # after a plural noun: "are made", "facilitate"; "proteins that facilitates" is no match
    return not any(
        clause.aside(t) or t.text in {",", ";", ":", "-", "–", "—", "--"} for t in tokens[rel:close]
    )


def _extract_object_relative(clause: _Clause, pieces: list[Piece]) -> None:
    """A relative clause closing the sentence on an indefinite object states a fact of its own: "Police
    killed a gunman who slaughtered seven" gives "Police killed a gunman" and "A gunman slaughtered seven";
    "drove to a cliff top that was known as a meeting place" gives "A cliff top was known as a meeting
    place" (cut out of the clause); a plural object without a determiner too ("formed from elements that
    are created through nuclear reactions" gives "Elements are created through nuclear reactions"). A
    closing stretch already cut out of the clause (", which ..." on the object's own phrase) stays with
    its own claim. Left alone: a definite object ("the first firm that made X"), a predicate noun (see
    :func:`_extract_predicate_relative`), a "that" opening a clause of its own ("a sign that prices
    rise"), a description ("a service that is as fast as possible"), and a relative clause holding a list
    or an aside."""
    text = _span_text(clause)
    if " who " not in text and " that " not in text and " which " not in text:
        return
    tokens = clause.tokens
    verb = _first_verb(tokens, clause.begin, clause.end)
    if verb is None or clause.aside(tokens[verb]):
        return
    if tokens[verb].low in _COPULAS:
        # a passive ("are formed from elements that ...") has an object of its preposition; a copula's
        # noun is the predicate's
        verb = _skip_adverbs(tokens, verb + 1)
        if verb >= clause.end or not is_participle(tokens[verb]):
            return
    # a closing stretch cut out of the clause: the relative clause ends before it
    close = clause.end
    while close > verb and (clause.aside(tokens[close - 1]) or tokens[close - 1].text == ","):
        close -= 1
    for d in range(verb + 1, min(close - 3, verb + 14)):
        if clause.aside(tokens[d]):
            continue
        rel = _relative_after_object(tokens, d, close)
        if rel is None:
            continue
        if not _relative_states_fact(clause, rel, close, tokens[d].low in {"a", "an"}):
            return
        stop = tokens[close - 1].end
        np = clause.sentence[tokens[d].start : tokens[rel - 1].end]
        body = clause.sentence[tokens[rel + 1].start : stop]
        span_end = tokens[clause.end - 1].end  # the closing cut stretch lies inside the span
        claim = tidy(f"{np[:1].upper()}{np[1:]} {body}")
        pieces.append(Piece(claim, tokens[d].start, span_end, "relative", np))
        clause.cuts.append((tokens[rel - 1].end, stop))
        return


_SOURCE_RELATIVE = re.compile(
    r",\s+according to (?P<np>(?:a|an)\s+(?:[\w'’-]+\s+){0,4}?[\w'’-]+)\s+(?:that|which|who)\s+"
    r"(?P<vp>(?-i:[a-z])[^,;:()]{3,120})$",
    re.I,
)


def _extract_source_relative(clause: _Clause, pieces: list[Piece]) -> None:
    """ "..., according to a national association that tracks such fatal fires": what the source is said
    to do is a fact of its own ("A national association tracks such fatal fires"); the clause keeps its
    source ("according to a national association")."""
    start, end = clause.tokens[clause.begin].start, clause.tokens[clause.end - 1].end
    if "according to a" not in clause.sentence[start:end]:
        return
    m = _SOURCE_RELATIVE.search(clause.sentence, start, end)
    if m is None or clause.cut(m.start("np"), m.end()):
        return
    np = m.group("np")
    pieces.append(
        Piece(tidy(f"{np[:1].upper()}{np[1:]} {m.group('vp')}"), m.start("np"), end, "relative", np)
    )
    clause.cuts.append((m.end("np"), end))


_DEFINING = {"is", "are", "was", "were", "refers", "refer", "describes", "denotes"}


def _extract_where_clause(clause: _Clause, pieces: list[Piece]) -> None:
    """A definition whose noun takes a "where" clause states that clause of the thing defined: "Multipass
    distillation is a process where the vapor is condensed" gives "Multipass distillation is a process" and
    "In multipass distillation, the vapor is condensed" (the clause cut out of the definition)."""
    text = _span_text(clause)
    if " where " not in text and " in which " not in text and " whereby " not in text:
        return
    tokens = clause.tokens
    subject = _subject_range(tokens, clause.begin, clause.end, clause.aside)
    if subject is None:
        return
    verb = _skip_adverbs(tokens, subject[1])
    if verb >= clause.end or tokens[verb].low not in _DEFINING:
        return
    noun = verb + 1 + (tokens[verb + 1].low == "to" if verb + 1 < clause.end else 0)
    if noun >= clause.end or tokens[noun].low not in {"a", "an", "the"}:
        return
    for j in range(noun + 2, min(clause.end - 3, noun + 12)):
        t = tokens[j]
        if t.text in {",", ";", ":", "("} or clause.aside(t) or (finite_at(tokens, j) and t.low != "where"):
            return
        opens = t.low in {"where", "whereby"} or (t.low == "in" and tokens[j + 1].low == "which")
        if not opens:
            continue
        body = j + 1 + (t.low == "in")
        if not _clause_follows(tokens, body, clause.end, clause.aside):
            return
        if all(is_capitalised(x) for x in tokens[subject[0] : subject[1]]):
            return  # "Paris is the city where she was born": a name, not a term defined
        name = clause.text(tokens[subject[0]].start, tokens[subject[1] - 1].end)
        name = name[:1].lower() + name[1:]
        stop = tokens[clause.end - 1].end
        rest = clause.sentence[tokens[body].start : stop]
        if not _is_name_start(rest):
            rest = rest[:1].lower() + rest[1:]
        pieces.append(Piece(tidy(f"In {name}, {rest}"), tokens[body].start, stop, "relative"))
        clause.cuts.append((tokens[j - 1].end, stop))
        return


_PLACE_PREPOSITIONS = {"at", "in", "to", "from", "into"}


def _name_start(tokens: list[Token], last: int, floor: int) -> int:
    """The first token of the capitalised words (with "of") ending at token ``last``; ``last + 1`` if
    ``last`` is no capitalised word."""
    j = last + 1
    while j - 1 > floor and (is_capitalised(tokens[j - 1]) or (tokens[j - 1].low == "of" and j - 1 < last)):
        j -= 1
    while j <= last and not is_capitalised(tokens[j]):
        j += 1
    return j


def _extract_place_where(clause: _Clause, pieces: list[Piece]) -> None:
    """A closing ", where <clause>" after a named place says that clause happened there: "He studied at
    Harvard University, where he earned a degree" gives "He earned a degree at Harvard University" (cut out
    of the clause); "moved to Paris in 1891, where ..." names Paris."""
    if ", where " not in _span_text(clause):
        return
    tokens = clause.tokens
    for c in range(clause.begin + 3, clause.end - 3):
        if tokens[c].text != "," or tokens[c + 1].low != "where" or clause.aside(tokens[c]):
            continue
        last = c - 1
        if _YEAR.fullmatch(tokens[last].text) and tokens[last - 1].low == "in":
            last -= 2  # "in 1891": the place is named before the year
        start = _name_start(tokens, last, clause.begin)
        while (
            start - 2 > clause.begin and tokens[start - 1].low == "in" and is_capitalised(tokens[start - 2])
        ):
            start = _name_start(tokens, start - 2, clause.begin)  # "the University of Jena in Germany"
        if tokens[start - 1].low == "the":
            start -= 1
        if start == last + 1 or start <= clause.begin or tokens[start - 1].low not in _PLACE_PREPOSITIONS:
            return
        if not _clause_follows(tokens, c + 2, clause.end, clause.aside):
            return
        place = clause.sentence[tokens[start].start : tokens[last].end]
        preposition = "at" if tokens[start - 1].low == "at" else "in"
        stop = tokens[clause.end - 1].end
        body = clause.sentence[tokens[c + 2].start : stop]
        # the place first, so that each claim of a list in the clause names it
        pieces.append(Piece(tidy(f"{preposition} {place}, {body}"), tokens[c + 2].start, stop, "relative"))
        clause.cuts.append((tokens[c].start, stop))
        return


def _extract_predicate_relative(clause: _Clause, pieces: list[Piece]) -> None:
    """Split "X is a social anthropologist who has conducted research on Y" into "X is a social
    anthropologist" and "X has conducted research on Y"."""
    tokens = clause.tokens
    skip = lambda t: clause.cut(t.start, t.end)  # noqa: E731
    found = _predicate_noun(clause, 3)
    if found is None:
        return
    subject, verb = found
    for j in range(verb + 2, min(clause.end - 2, verb + 12)):
        t = tokens[j]
        # "a Dutch astronomer and clockmaker who built ...": two nouns of one predicate share the relative.
        joined = t.low == "and" and tokens[j + 1].text[:1].islower() and not is_verb(tokens[j + 1])
        if (
            (t.text in {",", ";", ":", "(", "and", "or"} and not joined)
            or skip(t)
            or (t.low not in _RELATIVES and finite_at(tokens, j))
        ):
            return
        if t.low not in _RELATIVES:
            continue
        if tokens[j - 1].low in PREPOSITIONS:
            return  # "the process by which plants convert ...": "which" is no subject
        k = _skip_adverbs(tokens, j + 1)
        if k >= clause.end or tokens[k].low in REPORTING:
            return
        if not (finite_at(tokens, k) or verb_like(tokens[k])):
            return
        stop = clause.end
        while stop > k and skip(tokens[stop - 1]):
            stop -= 1
        subj_text = clause.text(tokens[subject[0]].start, tokens[subject[1] - 1].end)
        body = clause.text(tokens[j + 1].start, tokens[stop - 1].end)
        pieces.append(
            Piece(tidy(f"{subj_text} {body}"), tokens[j + 1].start, tokens[stop - 1].end, "relative")
        )
        clause.cuts.append((tokens[j - 1].end, tokens[stop - 1].end))
        return
