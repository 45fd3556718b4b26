"""What a sentence's pieces leave unsaid, filled in from the pieces around them once the sentence is cut:
"X but not Y" as its two facts, a place and time that coordinated clauses share, a bare count that counts
the subject before it ("and scores have been hospitalized") and a copula without its complement ("while
strawberries are not")."""

from __future__ import annotations

import re

from factcheck.claims.decompose.pieces import Piece, tidy
from factcheck.claims.decompose.words import _base_of, _first_verb
from factcheck.claims.grammar import (
    Token,
    finite_at,
    is_capitalised,
    is_participle,
    is_verb,
    known_base,
    tokenize,
    verb_like,
)
from factcheck.claims.lexicon import (
    ADVERBS,
    AUX,
    BASE_VERBS,
    COMMON_VERBS,
    DETERMINERS,
    PREPOSITIONS,
    THIRD_PERSON,
)

_BUT_NOT = re.compile(r",? but not (?=\S)")
_ITEM_BREAK = re.compile(r",? (?:and|or) |, ")
# Words after "but not" that qualify the first statement rather than name an alternative ("but not always").
_NOT_ALTERNATIVES = ADVERBS | {"least", "all", "every", "only", "limited", "exclusively", "necessarily"}


def _negated_verb(tokens: list[Token], verb: int) -> str | None:
    """The negation of the finite verb at ``verb``: "can" -> "cannot", "is" -> "is not", "infects" ->
    "does not infect", "live" -> "do not live", "visited" -> "did not visit"; ``None`` when the verb is
    already negated or its base form is unknown."""
    low = tokens[verb].low
    if verb + 1 < len(tokens) and tokens[verb + 1].low in {"not", "never", "n't"}:
        return None
    if low in AUX:
        return None if "'" in low or low.endswith("n't") else ("cannot" if low == "can" else f"{low} not")
    known = COMMON_VERBS | BASE_VERBS
    if low in THIRD_PERSON:
        return f"does not {THIRD_PERSON[low]}"
    if verb_like(tokens[verb]):
        return f"does not {_base_of(low)}"
    if low in known:
        return f"do not {low}"
    base = known_base(low) if low.endswith("ed") else None
    return f"did not {base}" if base else None


def _alternative_items(rest: str) -> list[tuple[int, str]] | None:
    """The items of the alternative after "but not" with their offsets in ``rest``: "on Neptune and the
    Sun" gives "on Neptune" and "on the Sun" (a leading preposition is shared)."""
    words = rest.split()
    preposition = words[0] if words[0].lower() in PREPOSITIONS else ""
    body = len(preposition) + 1 if preposition else 0
    items, last = [], body
    for m in _ITEM_BREAK.finditer(rest, body):
        items.append((last, rest[last : m.start()]))
        last = m.end()
    items.append((last, rest[last:]))
    out = []
    for at, item in items:
        first = item.split()[0] if item.split() else ""
        named = first.lower() in DETERMINERS or first[:1].isupper() or first[:1].isdigit()
        phrase = bool(preposition) and first.isalpha()  # "but not to children"
        if not first or first.lower() in _NOT_ALTERNATIVES or not (named or phrase):
            return None
        out.append((at, item))
    return out


def _replaced_phrase(after: list[Token], preposition: str) -> int | None:
    """Where, among the words after the verb, the phrase an alternative takes the place of starts: the last
    phrase with the alternative's ``preposition``, or without one the verb's object when nothing follows
    it ("infects humans, but not dogs")."""
    if preposition in PREPOSITIONS:
        return next((i for i in range(len(after) - 1, -1, -1) if after[i].low == preposition), None)
    objects = [t for t in after if t.low not in ADVERBS]
    phrases = any(t.low in PREPOSITIONS or not t.text[:1].isalnum() for t in after)
    return 0 if objects and not phrases else None


def _but_not(sentence: str, piece: Piece) -> list[Piece] | None:
    """ "You can find land on Earth but not on Neptune and the Sun" states three facts: "You can find land
    on Earth", "You cannot find land on Neptune" and "You cannot find land on the Sun". The alternative
    after "but not" takes the place of the first statement's last phrase with the same preposition (or,
    without a preposition, of the verb's object), with the verb negated."""
    m = _BUT_NOT.search(piece.text)
    if m is None or "(" in piece.text:
        return None
    stretch = sentence[piece.start : piece.end]
    found = _BUT_NOT.search(stretch)
    rest = piece.text[m.end() :].rstrip(".")
    if found is None or not rest or _BUT_NOT.search(piece.text, m.end()):
        return None
    at = piece.start + found.end()
    if sentence[at : at + len(rest)] != rest or any(c in rest for c in ';:"“”'):
        return None
    main = piece.text[: m.start()]
    tokens = tokenize(main)
    verb = next((i for i in range(1, len(tokens)) if finite_at(tokens, i)), None)
    alternatives = _alternative_items(rest)
    rest_tokens = tokenize(rest)
    if verb is None or alternatives is None or _first_verb(rest_tokens, 0, len(rest_tokens)) is not None:
        return None
    negated = _negated_verb(tokens, verb)
    if negated is None:
        return None
    preposition = rest.split()[0].lower()
    after = tokens[verb + 1 :]
    k = _replaced_phrase(after, preposition)
    if k is None:
        return None
    head = main[: tokens[verb].start] + negated + " " + main[tokens[verb].end : after[k].start].strip()
    pieces = [Piece(tidy(main), piece.start, piece.start + found.start(), piece.kind, piece.subject)]
    shared = rest.split()[0] if preposition in PREPOSITIONS else ""
    for n, (offset, item) in enumerate(alternatives):
        start = piece.start + found.start() if n == 0 else at + offset
        claim = tidy(f"{head.rstrip()} {shared} {item}")
        pieces.append(Piece(claim, start, at + offset + len(item), piece.kind, piece.subject))
    return pieces


def _split_alternatives(sentence: str, pieces: list[Piece]) -> list[Piece]:
    """Each piece stating "X but not Y" as its two facts (see :func:`_but_not`), where the new spans stay
    nested in or disjoint from every other piece's."""
    if " but not " not in sentence:
        return pieces
    out: list[Piece] = []
    for piece in pieces:
        parts = _but_not(sentence, piece)
        if parts is not None and all(
            not (o.start < p.start < o.end < p.end or p.start < o.start < p.end < o.end)
            for p in parts
            for o in pieces
            if o is not piece
        ):
            out.extend(parts)
        else:
            out.append(piece)
    return out


# Prepositions of a closing place or time that coordinated clauses share ("in Qom in recent months").
_SHARED_PREPOSITIONS = {"in", "on", "at", "during", "across", "throughout", "since"}
_BARE_CLAUSE_WORDS = 6
_TIME_WORDS = {
    "recent",
    "last",
    "past",
    "early",
    "late",
    "mid",
    "months",
    "years",
    "weeks",
    "days",
    "decades",
}


def _trailing_adjunct(text: str) -> str | None:
    """The closing place and time phrases of a clause ("in Iran's holy city of Qom in recent months"):
    from the first such preposition after its last verb, with no verb or punctuation after it."""
    tokens = tokenize(text.rstrip("."))
    last_verb = max((i for i, t in enumerate(tokens) if is_verb(t)), default=None)
    if last_verb is None:
        return None
    for i in range(last_verb + 1, len(tokens) - 1):
        # a place or a time: "in Qom", "in 2020", "in recent months", "on Tuesday"; not "in the exercise of
        # their functions" or "on their generalizability"
        head = tokens[i + 2] if tokens[i + 1].low == "the" and i + 2 < len(tokens) else tokens[i + 1]
        placed = is_capitalised(head) or head.text[0].isdigit() or head.low in _TIME_WORDS
        if tokens[i].low in _SHARED_PREPOSITIONS and placed:
            rest = tokens[i:]
            if any(is_verb(t) or not (t.text[0].isalnum() or t.text in {"'s", "’s", "-"}) for t in rest):
                return None
            return text[tokens[i].start : tokens[-1].end]
    return None


def _shared_adjuncts(sentence: str, pieces: list[Piece]) -> list[Piece]:
    """ "Hundreds of schoolgirls have fallen sick and scores have been hospitalized in Qom in recent
    months": a bare first clause (a subject and its verb, nothing placing it) shares the place and time
    that close the clause after "and" ("Hundreds of schoolgirls have fallen sick in Qom in recent
    months")."""
    out = list(pieces)
    for n in range(len(out) - 1):
        first, second = out[n], out[n + 1]
        if first.kind != "clause" or second.kind != "clause" or first.end > second.start:
            continue
        if sentence[first.end : second.start].strip(" ,") != "and":
            continue
        words = tokenize(first.text.rstrip("."))
        verbs = [i for i, t in enumerate(words) if is_verb(t) or is_participle(t)]
        after = words[verbs[-1] + 1 :] if verbs else words
        # a subject and its verb, with at most an adjective or adverb after it ("have fallen sick", "rose
        # sharply"), no object ("makes laptops")
        bare = len(words) <= _BARE_CLAUSE_WORDS and len(after) <= 1
        bare = bare and not any(t.low.endswith("s") or t.low in DETERMINERS for t in after)
        bare = bare and not any(t.text[0].isdigit() or (t.low in PREPOSITIONS - {"of"}) for t in words)
        adjunct = _trailing_adjunct(second.text) if bare else None
        if adjunct:
            text = f"{first.text.rstrip('.')} {adjunct}."
            out[n] = Piece(text, first.start, first.end, first.kind, first.subject)
    return out


_VAGUE_COUNTS = r"scores|dozens|hundreds|thousands|millions|many|several|most|some|others"
_COUNTED = re.compile(
    rf"^(?:{_VAGUE_COUNTS}) of (?P<what>[^,;:]{{2,40}}?)\s+(?=(?:have|has|had|were|was|are|is)\b)", re.I
)
_BARE_COUNT = re.compile(rf"^(?P<count>{_VAGUE_COUNTS})(?=\s+(?:have|has|had|were|was|are|is)\b)", re.I)


def _counted_subjects(pieces: list[Piece]) -> list[Piece]:
    """ "Hundreds of schoolgirls have fallen sick and scores have been hospitalized": a bare count after a
    counted subject counts the same people ("Scores of schoolgirls have been hospitalized")."""
    out = list(pieces)
    for n in range(1, len(out)):
        counted = _COUNTED.match(out[n - 1].text)
        bare = _BARE_COUNT.match(out[n].text)
        if counted and bare and out[n].kind == "clause":
            p = out[n]
            count = bare.group("count")
            text = f"{count[:1].upper()}{count[1:]} of {counted.group('what')}{p.text[bare.end() :]}"
            out[n] = Piece(text, p.start, p.end, p.kind, p.subject)
    return out


_ELLIPSIS = re.compile(r"^(?P<subject>[^,;:]{1,60}?) (?P<be>is|are|was|were) not\.$", re.I)
_COMPLEMENT = re.compile(r"^.*\b(?:is|are|was|were) (?P<complement>(?!not\b)[^,;:]{2,80}?)\.$")


def _filled_ellipses(pieces: list[Piece]) -> list[Piece]:
    """ "Bananas are berries, while strawberries are not": the second claim says what the first one's
    copula says ("Strawberries are not berries")."""
    out: list[Piece] = []
    for piece in pieces:
        gap = _ELLIPSIS.match(piece.text)
        said = _COMPLEMENT.match(out[-1].text) if gap and out else None
        if gap and said:
            text = f"{gap.group('subject')} {gap.group('be')} not {said.group('complement')}."
            piece = Piece(text, piece.start, piece.end, piece.kind, piece.subject)
        out.append(piece)
    return out
