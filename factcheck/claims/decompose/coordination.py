"""Splitting a clause at its conjunctions: the rules tried at each conjunction, in order (the first that
decides wins; an "or" only splits lists and objects), and one piece per segment, each with the shared words
its claim repeats."""

from __future__ import annotations

import re
from collections.abc import Callable

from factcheck.claims.decompose.conjunctions import _Conjunction, _coordinating, _Split
from factcheck.claims.decompose.coordinated_clauses import (
    _conditional_clause,
    _coordinated_verb_phrases,
    _copula_complement,
    _imperative_aside,
    _is_range,
    _modal_before_base,
    _new_clause,
    _reported_speech,
    _shared_be,
    _shared_modal,
    _shared_subject,
)
from factcheck.claims.decompose.coordinated_objects import _coordinated_objects
from factcheck.claims.decompose.lists import _figure_list, _listed_items
from factcheck.claims.decompose.pieces import Piece, _Clause, tidy
from factcheck.claims.decompose.subjects import _intro_end, _subject_range
from factcheck.claims.decompose.words import _LIST_FILLERS, _is_name_start

_PARENTHETICAL = re.compile(r"\s*\([^()]*\)")


# The ways a conjunction can split a clause, tried in this order; the first that decides wins.
_COORDINATION_RULES: tuple[Callable[[_Split, _Conjunction], bool | None], ...] = (
    _is_range,
    _reported_speech,
    _conditional_clause,
    _imperative_aside,
    _new_clause,
    _modal_before_base,
    _shared_be,
    _shared_subject,
    _copula_complement,
    _shared_modal,
    _coordinated_verb_phrases,
    _listed_items,
    _figure_list,
    _coordinated_objects,
)
# An "or" only splits lists and objects: "could rise or fall" states no fact of either.
_ALTERNATIVE_RULES: tuple[Callable[[_Split, _Conjunction], bool | None], ...] = (
    _is_range,
    _listed_items,
    _coordinated_objects,
)


def _split_coordination(clause: _Clause, pieces: list[Piece]) -> None:
    """Split ``clause`` at coordinated clauses, verb phrases and lists of figures; add its pieces."""
    tokens = clause.tokens
    subject = _subject_range(
        tokens, clause.begin, clause.end, lambda t: clause.cut(t.start, t.end) or clause.depth[t.start] > 0
    )
    subject_text = clause.text(tokens[subject[0]].start, tokens[subject[1] - 1].end) if subject else ""
    split = _Split(
        clause,
        subject,
        _PARENTHETICAL.sub("", subject_text),
        _intro_end(tokens, clause.begin, clause.end),
        clause.begin,
    )
    for conj in _coordinating(clause):
        if conj.start <= split.start:
            continue
        # an "or" or an "as well as" only splits lists and objects
        alternative = clause.tokens[conj.after - 1].low in {"or", "as"}
        for rule in _ALTERNATIVE_RULES if alternative else _COORDINATION_RULES:
            if rule(split, conj) is not None:
                break
    split.close(clause.end)
    _emit_segments(split, pieces)


def _emit_segments(split: _Split, pieces: list[Piece]) -> None:
    """One piece per segment: its prefix and own words; the first segment owns the clause's start."""
    clause, tokens, subject = split.clause, split.clause.tokens, split.subject
    for n, (a, b, pre) in enumerate(split.segments):
        if b <= a:
            continue
        # The first segment owns the clause's start (its intro and subject); later ones own their own words.
        start = tokens[clause.begin].start if n == 0 else tokens[a].start
        stop = tokens[b - 1].end
        own = clause.text(tokens[a if n else clause.begin].start, stop)
        if n and own.lower().strip(". ") in _LIST_FILLERS:
            continue  # "line charts, bar charts and more": "more" names nothing
        if pre and own[:1].isupper() and not _is_name_start(own):
            own = own[:1].lower() + own[1:]
        text = tidy(f"{pre}{own}")
        subj_text = None
        if (
            n == 0
            and subject is not None
            or (pre and subject is not None and pre.strip().endswith(split.subject_text))
        ):
            subj_text = split.subject_text
        elif not pre:
            sub = _subject_range(tokens, a, b)
            if sub is not None:
                subj_text = clause.sentence[tokens[sub[0]].start : tokens[sub[1] - 1].end]
        pieces.append(Piece(text, start, stop, "clause", subj_text))
