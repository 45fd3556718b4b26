""":func:`decompose`, one sentence to its pieces: the discourse markers, numbering and labels that head it
are set aside, dates' commas nested, the sentence cut into independent clauses (at ";" and at subordinators
that open a clause with its own subject), and each clause given to the rules in their order; a piece cut
out of a clause is split again like a sentence of its own."""

from __future__ import annotations

import re

from factcheck.claims.checkworthy import find_mentions
from factcheck.claims.decompose.additions import (
    _extract_addition,
    _extract_examples,
    _extract_time_place,
    _extract_with_clause,
    _extract_with_phrase,
)
from factcheck.claims.decompose.appositives import _extract_inserts, _extract_quoted_relative
from factcheck.claims.decompose.clause_lists import (
    _colon_list,
    _extract_year_lists,
    _name_subjects,
    _subject_list,
)
from factcheck.claims.decompose.coordination import _split_coordination
from factcheck.claims.decompose.ellipses import (
    _counted_subjects,
    _filled_ellipses,
    _shared_adjuncts,
    _split_alternatives,
)
from factcheck.claims.decompose.lists import _parallel_bounds
from factcheck.claims.decompose.names import (
    _cut_travel_purpose,
    _extract_bracketed_roles,
    _extract_lifespan,
    _extract_now_part,
    _extract_party_labels,
    _extract_place_participle,
    _extract_role_intro,
    _extract_title_before_name,
    _extract_title_year,
)
from factcheck.claims.decompose.participles import (
    _extract_leading_participle,
    _extract_name_participle,
    _extract_participial_clause,
)
from factcheck.claims.decompose.pieces import Piece, _Clause, tidy
from factcheck.claims.decompose.predicates import (
    _extract_adjective_phrase,
    _extract_modifier_stack,
    _extract_participle,
    _identification,
    _superlatives,
)
from factcheck.claims.decompose.relatives import (
    _extract_object_relative,
    _extract_place_where,
    _extract_predicate_relative,
    _extract_source_relative,
    _extract_where_clause,
)
from factcheck.claims.decompose.subjects import _bare_subject_verb, _clause_follows, _subject_range
from factcheck.claims.decompose.words import _DEMONSTRATIVES, _first_verb, _skip_adverbs
from factcheck.claims.grammar import (
    DISCOURSE,
    Token,
    depth_map,
    finite_at,
    is_capitalised,
    is_participle,
    is_verb,
    tokenize,
)
from factcheck.claims.lexicon import ADVERBS, SUBJECT_PRONOUNS
from factcheck.rules.quantities import extract

_QUOTE_MARK = re.compile(r"[\"“”]")


# Subordinators after which a sentence states a second fact: "X, because Y", "While X, Y".
_LEADING_SUBORDINATORS = {"while", "although", "though", "whereas", "because", "as"}
_INNER_SUBORDINATORS = {"because", "whereas", "although", "though"}
_COMMA_SUBORDINATORS = {"as", "since", "so", "while"}


def _clause_ranges(tokens: list[Token], begin: int, end: int, depth: list[int]) -> list[tuple[int, int]]:
    """The independent clauses of a sentence as token ranges: split at ";" and at subordinators that
    open a clause with its own subject ("..., because it uses ...", "While X has 38, there are none")."""
    ranges = []
    start = begin
    for i in range(begin, end):
        if tokens[i].text == ";" and depth[tokens[i].start] == 0:
            nxt = next((j for j in range(i + 1, end) if tokens[j].text == ";"), end)
            # "had two step-children; Henrietta and Freddie": a verb-less part is not a clause.
            if _first_verb(tokens, i + 1, nxt) is not None:
                ranges.append((start, i))
                start = i + 1
    ranges.append((start, end))
    out = []
    for a, b in ranges:
        out.extend(_subordinate_ranges(tokens, a, b, depth))
    return out


def _subordinate_ranges(tokens: list[Token], a: int, b: int, depth: list[int]) -> list[tuple[int, int]]:
    """``[a, b)`` cut at its first subordinate clause boundary (recursively), or ``[(a, b)]``."""
    if b - a < 5:
        return [(a, b)]
    if tokens[a].low in _LEADING_SUBORDINATORS:
        for c in range(a + 2, b - 2):
            if tokens[c].text == "," and depth[tokens[c].start] == 0:
                if _first_verb(tokens, a + 1, c) is not None and _clause_follows(
                    tokens, c + 1, b, comma=True
                ):
                    return [(a + 1, c), *_subordinate_ranges(tokens, c + 1, b, depth)]
                break
        return [(a, b)]
    for i in range(a + 2, b - 2):
        if depth[tokens[i].start]:
            continue
        low, comma = tokens[i].low, tokens[i - 1].text == ","
        which_means = comma and (
            low == "which" and tokens[i + 1].low in {"means", "meant"} or low == "meaning"
        )
        opens = low in _INNER_SUBORDINATORS or (comma and low in _COMMA_SUBORDINATORS) or which_means
        if not opens and not (low == "as" and not comma and _as_clause(tokens, i, b)):
            continue
        k = i + (2 if which_means and low == "which" else 1)
        k += tokens[k].low == "that"
        k = _skip_adverbs(tokens, k)
        if k < b and tokens[k].low in {"it", "they"} and _embedded_clause(tokens, a, i, depth):
            continue  # "critics say the investigation is inconclusive, as it was ordered by X": which "it"?
        if k < b and _first_verb(tokens, a, i) is not None and _clause_follows(tokens, k, b):
            stop = i - 1 if comma else i
            if tokens[i - 1].low == "even":  # ", even though X": "even" opens the subordinate clause
                stop = i - 2 if tokens[i - 2].text == "," else i - 1
            return [(a, stop), *_subordinate_ranges(tokens, k, b, depth)]
    return [(a, b)]


def _embedded_clause(tokens: list[Token], a: int, b: int, depth: list[int]) -> bool:
    """Whether ``[a, b)`` holds more than one finite verb (a clause inside the clause: "critics say the
    investigation is ..."): a pronoun after it may stand for either subject."""
    groups, after_verb = 0, False
    for j in range(a, b):
        if depth[tokens[j].start] or tokens[j].low in ADVERBS:
            continue
        verb = finite_at(tokens, j) or is_participle(tokens[j])
        groups += verb and not after_verb  # "have led": one verb group
        after_verb = verb
    return groups > 1


# Words after which "as" compares or names ("such as", "the same as", "known as"), not a clause's reason.
_AS_TAKERS = {"such", "same", "so", "well", "as", "just", "known", "regarded", "seen", "served", "serves"}


def _as_clause(tokens: list[Token], i: int, b: int) -> bool:
    """Whether the "as" at token ``i`` opens a clause with its own subject: a pronoun and its verb, or a
    bare noun phrase and its verb ("could have existed in 1490 as tomatoes and chilis were present");
    not "as" after a verb or participle ("served as", "grew as") or in a comparison ("such as", "as we
    know it"). "As it was writing", "as they built" are left whole: the pronoun may stand for a noun
    inside the clause before, or for people not named."""
    before = tokens[i - 1]
    if before.low in _AS_TAKERS or is_verb(before) or is_participle(before) or i + 2 >= b:
        return False
    first = tokens[i + 1]
    if first.low in {"it", "they", "we", "you", "i"}:
        return False
    if first.low in {"he", "she"}:
        return finite_at(tokens, _skip_adverbs(tokens, i + 2))
    return first.low not in ADVERBS and _bare_subject_verb(tokens, list(range(i + 1, b)))


def _protect_dates(sentence: str, depth: list[int]) -> list[int]:
    """The comma inside a date ("October 16, 1898") is not a clause or list separator: nest it."""
    if "," not in sentence:
        return depth
    for date in extract(sentence).dates:
        if "," in date.text:
            for i in range(date.start, date.end):
                depth[i] += 1
    return depth


# A list item's number ("2. ", "3.") and a discourse phrase between commas are not part of a claim.
_NUMBERING = re.compile(r"\d{1,2}[.)]\s*(?=[A-Z“\"])")
_PARENTHETICAL_MARKER = re.compile(
    r",\s+(?:on the other hand|however|for example|for instance|in fact|of course|therefore|thus|in turn|"
    r"as a result|in other words|in particular|in addition|moreover|though|too|also),(?=\s)",
    re.I,
)


def _parallel_list(clause: _Clause) -> list[Piece] | None:
    """One claim per purpose of a list of "to" phrases: "Firms advertise to create brand recognition, to
    provide information about features, benefits, and availability, and to build loyalty" gives "Firms
    advertise to create brand recognition", ...; each claim is then split like a sentence of its own (the
    lists inside the items). The first claim owns the clause's start."""
    found = _parallel_bounds(clause)
    if found is None:
        return None
    starts, ends = found
    tokens = clause.tokens
    begin = tokens[clause.begin].start
    prefix = clause.text(begin, tokens[starts[0]].start)
    pieces = []
    for n, (a, b) in enumerate(zip(starts, ends, strict=True)):
        item = clause.text(tokens[a].start, tokens[b - 1].end)
        start = begin if n == 0 else tokens[a].start
        piece = Piece(tidy(f"{prefix} {item}"), start, tokens[b - 1].end, "clause" if n == 0 else "item")
        pieces.extend(_resplit(clause.sentence, piece, always=True))
    return pieces


_RESPLIT_KINDS = {"relative", "participial", "addition"}


def _resplit(sentence: str, piece: Piece, always: bool = False) -> list[Piece]:
    """A relative or participial clause cut out of its clause (with ``always``, any piece), split like a
    sentence of its own ("Mondeca specializes in A, B and C" gives one claim per item); the pieces' spans
    map back into the clause's."""
    if piece.kind not in _RESPLIT_KINDS and not always:
        return [piece]
    body = sentence[piece.start : piece.end]
    offset = piece.text.find(body)
    rewritten = offset < 0 and piece.kind == "participial" and piece.subject is not None and " " in body
    if rewritten:
        # "creating 300 jobs and boosting exports" stated as "The plant will create 300 jobs and boost
        # exports": align on the words after the rewritten verb
        skipped = body.index(" ") + 1
        found = piece.text.find(body[skipped : skipped + 20])
        offset = found - skipped if found >= 0 else -1
    if offset < 0:
        return [piece]
    subs = decompose(piece.text)
    # A relative clause's figures stay together ("which consists of 21% oxygen and 79% nitrogen").
    if len(subs) < 2 or sum(bool(find_mentions(sub.text)) for sub in subs) > 1:
        return [piece]

    def place(i: int) -> int:
        return piece.start + min(len(body), max(0, i - offset))

    out = [Piece(sub.text, place(sub.start), place(sub.end), piece.kind, sub.subject) for sub in subs]
    if rewritten and not all(sub.text.startswith(piece.subject or "") for sub in subs):
        return [piece]  # each claim of a rewritten clause must still name its subject
    return out if all(p.end > p.start for p in out) else [piece]


def _clause_pieces(clause: _Clause) -> tuple[list[Piece], list[Piece]]:
    """The pieces of one clause: its main pieces (coordinated clauses, verb phrases, list items) and the
    pieces cut out of it (appositives, relative clauses, participles, additions)."""
    inserts: list[Piece] = []
    _extract_year_lists(clause, inserts)
    listed = (
        None
        if inserts
        else _colon_list(clause) or _identification(clause) or _parallel_list(clause) or _superlatives(clause)
    )
    if listed is not None:
        return listed, []
    _extract_role_intro(clause, inserts)
    _extract_title_before_name(clause, inserts)
    _extract_party_labels(clause, inserts)
    _cut_travel_purpose(clause)
    _extract_lifespan(clause, inserts)
    _extract_title_year(clause, inserts)
    _extract_bracketed_roles(clause, inserts)
    _extract_place_participle(clause, inserts)
    _extract_now_part(clause, inserts)
    _extract_with_phrase(clause, inserts)
    _extract_with_clause(clause, inserts)
    _extract_leading_participle(clause, inserts)
    _extract_time_place(clause, inserts)
    _extract_examples(clause, inserts)
    _extract_addition(clause, inserts)
    _extract_inserts(clause, inserts)
    _extract_quoted_relative(clause, inserts)
    _extract_participle(clause, inserts)
    _extract_name_participle(clause, inserts)
    _extract_predicate_relative(clause, inserts)
    _extract_where_clause(clause, inserts)
    _extract_place_where(clause, inserts)
    _extract_object_relative(clause, inserts)
    _extract_source_relative(clause, inserts)
    _extract_modifier_stack(clause, inserts)
    _extract_adjective_phrase(clause, inserts)
    _extract_participial_clause(clause, inserts)
    main = _subject_list(clause) or _name_subjects(clause)
    if main is None:
        main = []
        _split_coordination(clause, main)
    return main, [sub for piece in inserts for sub in _resplit(clause.sentence, piece)]


_LABEL_WORDS = 12
_ORDINAL_LABELS = {
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "next",
    "last", "final", "finally", "step", "item", "point", "part", "option", "stage", "phase",
}  # fmt: skip


def _label_end(tokens: list[Token], begin: int, end: int, depth: list[int]) -> int:
    """Where a sentence's own clause starts after the labels that head it: "Best Paper Award at EMNLP 2017:
    Augenstein received ...", "Here are some of them: Facebook Fellowship: In 2017, she received ..."
    (verbless capitalised labels, or a "Here are ..." lead-in, each before a colon, then a clause that
    opens with a capital and has a subject and a verb); ``begin`` when there is none. "Its albums are: A,
    B", "The answer is: the Sun", "Python: It is ..." (whose "It" the label names) and ordinal labels
    ("First item: ...") keep their words."""
    start = begin
    while True:
        colon = next(
            (j for j in range(start + 1, min(end - 2, start + _LABEL_WORDS + 1)) if tokens[j].text == ":"),
            None,
        )
        if colon is None or depth[tokens[colon].start]:
            break
        label = tokens[start:colon]
        second = label[1].text if len(label) > 1 else ""
        if label[0].low in _ORDINAL_LABELS and len(label) <= 3 and not second[:1].isupper():
            break  # "First item: ...", "Step 2: ...": the label orders the list, the draft's own words stay
        lead_in = label[0].low == "here" and len(label) > 1 and label[1].low in {"are", "is"}
        verbless = not any(finite_at(tokens, j) or tokens[j].text in {",", ";"} for j in range(start, colon))
        after = tokens[colon + 1]
        if not (lead_in or (verbless and is_capitalised(label[0]))) or not (
            is_capitalised(after) or after.text[:1].isdigit()
        ):
            break
        start = colon + 1
    if start == begin or tokens[start].low in SUBJECT_PRONOUNS | _DEMONSTRATIVES:
        return begin
    return start if _subject_range(tokens, start, end) is not None else begin


def decompose(sentence: str) -> list[Piece]:
    """The atomic pieces of one sentence, in reading order, with spans into ``sentence``."""
    if sentence[:1] in '"“' and len(_QUOTE_MARK.findall(sentence)) == 1:
        # a quotation mark that opens the sentence and is the only one in it belongs to the text before:
        # blanked, it quotes nothing (offsets are kept)
        sentence = " " + sentence[1:]
    tokens = tokenize(sentence)
    if not tokens:
        return []
    begin = 0
    opened = len(sentence) - len(sentence.lstrip())
    while opened < len(sentence) and (
        m := DISCOURSE.match(sentence[opened:]) or _NUMBERING.match(sentence[opened:])
    ):
        opened += m.end()  # "However, based on my general knowledge, ...": one marker after another
    if opened:
        while begin < len(tokens) and tokens[begin].start < opened:
            begin += 1
    end = len(tokens)
    while end > begin and tokens[end - 1].text in {".", "!", "?", "…"}:
        end -= 1
    if end <= begin:
        return []
    depth = _protect_dates(sentence, depth_map(sentence))
    labelled = _label_end(tokens, begin, end, depth)
    if labelled > begin:
        begin, opened = labelled, 0  # the clause's own span starts after its label
    pieces: list[Piece] = []
    for n, (a, b) in enumerate(_clause_ranges(tokens, begin, end, depth)):
        if b <= a:
            continue
        clause = _Clause(sentence, tokens, a, b, depth)
        for found in _PARENTHETICAL_MARKER.finditer(sentence, tokens[a].start, tokens[b - 1].end):
            clause.cuts.append((found.start(), found.end()))  # ", on the other hand," is no claim
        main, inserts = _clause_pieces(clause)
        if n == 0 and opened and main:
            # The discourse marker belongs to the first piece's span.
            first = main[0]
            main[0] = Piece(first.text, 0, first.end, first.kind, first.subject)
        pieces.extend(main)
        pieces.extend(inserts)
    # The final punctuation belongs to the last clause piece.
    last = max((i for i, p in enumerate(pieces) if p.kind == "clause"), default=None)
    if last is not None and end < len(tokens):
        p = pieces[last]
        if tokens[-1].end > p.end and p.end >= tokens[end - 1].end:
            pieces[last] = Piece(p.text, p.start, tokens[-1].end, p.kind, p.subject)
    pieces.sort(key=lambda p: (p.start, -p.end))
    pieces = _split_alternatives(sentence, _filled_ellipses([p for p in pieces if len(p.text) > 3]))
    pieces = _counted_subjects(_shared_adjuncts(sentence, pieces))
    # a claim said twice (an addition re-split onto its clause's own words) is kept once
    seen: set[str] = set()
    return [p for p in pieces if not (p.text in seen or seen.add(p.text))]
