"""Lists inside a clause: short items and the commas between them, where a list starts, items that open
with the same word, and the coordination rules that give one piece per item of an enumeration ("found in
fields, meadows and forests"), of participles sharing "be" and of figures sharing a verb."""

from __future__ import annotations

from factcheck.claims.decompose.conjunctions import _Conjunction, _Split
from factcheck.claims.decompose.pieces import _Clause, _span_text
from factcheck.claims.decompose.words import (
    _BE,
    _COUNT_WORDS,
    _NUMBER,
    _YEAR,
    _first_verb,
    _gerund_item,
    _skip_adverbs,
    _verb_after_to,
)
from factcheck.claims.grammar import Token, is_capitalised, is_gerund, is_participle, is_verb
from factcheck.claims.lexicon import (
    ADVERBS,
    APPROXIMATORS,
    BASE_VERBS,
    COMMON_VERBS,
    DETERMINERS,
    LIST_ANCHORS,
    MODALS,
    PREPOSITIONS,
    SUBJECT_PRONOUNS,
)


def _listed_items(split: _Split, conj: _Conjunction) -> bool | None:
    """An enumeration of three or more short items: "found in fields, meadows and forests"."""
    if split.list_prefix is not None or (
        split.figures(conj.next_word, conj.limit) and split.figures(split.start, conj.start)
    ):
        return None
    clause = split.clause
    enum = _enumeration(clause, split.start, conj.start, conj.next_word, conj.limit)
    if enum is None:
        return None
    np_start, starts, ends = enum
    tokens = clause.tokens
    if any(split.cut(tokens[j]) for j in range(np_start, conj.next_word + 1)):
        return None  # the list lies in a stretch cut out of the clause
    base = split.prefix + clause.text(tokens[split.start].start, tokens[np_start].start).rstrip(".")
    if tokens[np_start].low in _SHARED_OWNERS and all(_shape(tokens[a]) == "word" for a in starts[1:]):
        base += (
            " " + tokens[np_start].text
        )  # "due to its stability, scalability, and security": its scalability
    list_prefix = base + " "
    split.close(ends[0])
    for a, b in zip(starts[1:], ends[1:], strict=True):
        split.segments.append((a, b, list_prefix))
    split.reopen(conj.next_word, list_prefix, list_prefix)
    return True


_SHARED_OWNERS = {"its", "their", "his", "her", "our", "your", "my"}


def _participle_items(tokens: list[Token], seg_start: int, conj: _Conjunction) -> list[int] | None:
    """The first tokens of a list of participles after a form of "be" ("can be easily managed, tested and
    deployed"), the one after the conjunction included, else ``None``."""
    items = [conj.next_word]
    j = conj.start - 1
    while j > seg_start and is_participle(tokens[j]):
        items.insert(0, j)
        if tokens[j - 1].text != ",":
            break
        j -= 2
    first = items[0]
    k = first - 1
    while k > seg_start and (tokens[k].low in ADVERBS or tokens[k].low.endswith("ly")):
        k -= 1
    if len(items) < 2 or tokens[k].low not in _BE or not is_participle(tokens[conj.next_word]):
        return None
    # "cleaned, painted and assembled in Ohio": a phrase of place, time or agent after the last one may
    # qualify them all; a particle or a direction ("condensed and fed back into the column") is its own.
    after = conj.next_word + 1
    return items if after == conj.limit or tokens[after].low in _OWN_COMPLEMENTS else None


# Words after a participle that complete that verb alone: particles and directions.
_OWN_COMPLEMENTS = {"back", "out", "up", "down", "off", "away", "into", "onto", "to", "towards", "toward"}


def _participle_list(split: _Split, conj: _Conjunction) -> bool | None:
    """Participles sharing "be" (see :func:`_shared_be`): "configurations that can be easily managed, tested
    and deployed" gives one claim per participle."""
    if split.list_prefix is not None:
        return None
    clause = split.clause
    tokens = clause.tokens
    items = _participle_items(tokens, split.start, conj)
    if items is None or any(split.cut(tokens[j]) for j in items):
        return None
    prefix = split.prefix + clause.text(tokens[split.start].start, tokens[items[0]].start) + " "
    split.close(items[0] + 1)
    for a in items[1:-1]:
        split.segments.append((a, a + 1, prefix))
    split.reopen(conj.next_word, prefix, prefix)
    return True


def _figure_list(split: _Split, conj: _Conjunction) -> bool | None:
    """A list of figures sharing the verb: "a team of 300 employees and 8.5 billion euros of funding"."""
    if not (split.figures(conj.next_word, conj.limit) and split.figures(split.start, conj.start)):
        return None
    if split.list_prefix is not None:
        split.close(conj.start, split.list_prefix)
        split.reopen(conj.next_word, split.list_prefix, split.list_prefix)
        return True
    np_start = _figure_list_start(split, conj)
    if np_start is None:
        return True  # no shared verb to repeat: the figures stay in one claim
    clause, tokens = split.clause, split.clause.tokens
    if _YEAR.fullmatch(tokens[conj.next_word].text):
        # "won the Cup five times, in 1958, 1962 and 2002": years after a preposition that the figure
        # before them does not share; the list stays in one claim
        years = next(
            (j for j in range(conj.start - 1, np_start, -1) if tokens[j].low in {"in", "on", "by"}), None
        )
        counted = any(t.text[:1].isdigit() or t.low in _COUNT_WORDS for t in tokens[np_start:years])
        if years is not None and counted:
            return True
    # Items separated by commas before this "and" belong to the same list.
    items = [np_start] + [
        j + 1
        for j in range(np_start, conj.start)
        if tokens[j].text == "," and not split.cut(tokens[j]) and not clause.depth[tokens[j].start]
    ]
    if len(items) > 1 and not all(
        split.figures(a, b - 1) for a, b in zip(items, items[1:] + [conj.start + 1], strict=False)
    ):
        items = [np_start]
    base = split.prefix + clause.text(tokens[split.start].start, tokens[np_start].start).rstrip(".")
    list_prefix = base + " "
    split.close(items[1] - 1 if len(items) > 1 else conj.start)
    for a, b in zip(items[1:], items[2:] + [conj.start + 1], strict=False):
        split.segments.append((a, b - 1, list_prefix))
    split.reopen(conj.next_word, list_prefix, list_prefix)
    return True


def _figure_list_start(split: _Split, conj: _Conjunction) -> int | None:
    """The first token of a figure list's first item, after the verb and what the items share after it
    ("to" + verb, a preposition: "rose to 5 million"); ``None`` when there is no such verb."""
    tokens = split.clause.tokens
    verb = next(
        (
            j
            for j in range(conj.start - 1, split.start - 1, -1)
            # "662 tons when surfaced": the participle of an elliptical clause is not the verb
            if (is_verb(tokens[j]) or tokens[j].low == "to") and tokens[j - 1].low not in _ELLIPSIS_OPENERS
        ),
        None,
    )
    if verb is None:
        return None
    np_start = verb + 1
    while np_start < conj.start and (
        tokens[np_start].low in BASE_VERBS | {"to"}
        or (tokens[np_start].low in PREPOSITIONS and tokens[np_start].low not in APPROXIMATORS)
        # "has slowed, with 170 infections and 50 deaths": the figures share ", with"
        or (tokens[np_start].text == "," and tokens[np_start + 1].low in PREPOSITIONS)
    ):
        np_start += 1
    if np_start >= conj.start or not split.figures(np_start, conj.start):
        return None
    # "had a displacement of 662 tons ... and 834 tons ...": the figures share "a displacement of"
    of = next((j for j in range(np_start + 1, min(np_start + 5, conj.start)) if tokens[j].low == "of"), None)
    second = tokens[conj.next_word]
    if (
        of is not None
        and tokens[np_start].low in {"a", "an", "the"}
        and _NUMBER.match(tokens[of + 1].text)
        and _NUMBER.match(second.text)
        and not split.figures(np_start, of)
        # the same unit ("662 tons ... and 834 tons"), not another ("300 employees and 8.5 billion euros")
        and of + 2 < conj.start
        and conj.next_word + 1 < len(tokens)
        and tokens[of + 2].low == tokens[conj.next_word + 1].low
    ):
        return of + 1
    return np_start


_ELLIPSIS_OPENERS = {"when", "if", "once", "while", "unless", "where"}


def _short_item(
    tokens: list[Token], a: int, b: int, most: int = 5, depth: list[int] | None = None, gerund: bool = False
) -> bool:
    """A list item is a few words, with no verb, pronoun or participle ("uncovering hidden subtypes"; with
    ``gerund``, after "including" or "such as", an -ing noun is fine: "scheduling, manufacturing");
    words in parentheses do not count ("CEO (Chief Executive Officer)")."""
    if depth is not None:
        words = [j for j in range(a, b) if not depth[tokens[j].start] and tokens[j].text not in "()"]
    else:
        words = list(range(a, b))
    return (
        0 < len(words) <= most
        and not any(
            # an -ed word before a noun, or before "and" ("simplified and efficient memory management")
            (is_verb(tokens[j]) and not (tokens[j].low.endswith("ed") and (j + 1 < b or _and_at(tokens, b))))
            or tokens[j].text in {";", ":"}
            or tokens[j].low in SUBJECT_PRONOUNS
            for j in words
        )
        and not (tokens[a].low.endswith(_NOT_ITEM_ENDINGS[gerund]) and tokens[a].text[:1].islower())
    )


_NOT_ITEM_ENDINGS = {False: ("ing", "ly"), True: ("ly",)}


def _and_at(tokens: list[Token], i: int) -> bool:
    return i < len(tokens) and tokens[i].low == "and"


def _list_commas(clause: _Clause, seg_start: int, conj_start: int, gerund: bool = False) -> list[int] | None:
    """The commas between the short items of a list that ends at ``conj_start`` (or ``None``)."""
    tokens = clause.tokens
    commas = [
        j
        for j in range(seg_start, conj_start)
        if tokens[j].text == ","
        and clause.depth[tokens[j].start] == 0
        and not clause.cut(tokens[j].start, tokens[j].end)
    ]
    if not commas or not _short_item(tokens, commas[-1] + 1, conj_start, depth=clause.depth, gerund=gerund):
        return None
    kept = [commas[-1]]
    for j in reversed(commas[:-1]):
        if not _short_item(tokens, j + 1, kept[0], depth=clause.depth, gerund=gerund):
            break
        kept.insert(0, j)
    return kept


def _list_start(
    tokens: list[Token], seg_start: int, kept: list[int], depth: list[int]
) -> tuple[int | None, list[int]]:
    """The first item's token: after the word that introduces the list (a verb, a preposition,
    "including", "such as"); and the commas that still separate items. Words in parentheses do not count
    towards the few words looked back ("include CEO (Chief Executive Officer), COO ...")."""
    if tokens[kept[0] + 1].low in LIST_ANCHORS | {"such"}:
        # "habitats, including fields, meadows, ...": the list starts after "including" / "such as".
        return kept[0] + 2 + (1 if tokens[kept[0] + 1].low == "such" else 0), kept[1:]
    back = [j for j in range(kept[0] - 1, seg_start - 1, -1) if not depth[tokens[j].start]][:6]
    for j in back:
        if tokens[j].low in _BASE_AFTER and tokens[j].low != "to":
            # "can cause nausea, headaches and dizziness": a modal's verb is shared, not an item
            k = _skip_adverbs(tokens, j + 1)
            if k + 1 < kept[0] and tokens[k].text.isalpha() and tokens[k].text.islower():
                return k + 1, kept
        if j + 1 < kept[0] and is_gerund(tokens[j]) and tokens[j - 1].low in PREPOSITIONS:
            return j + 1, kept  # "an interface for creating charts, graphs and maps": the gerund's objects
        if is_verb(tokens[j]) or tokens[j].low in PREPOSITIONS or tokens[j].low in LIST_ANCHORS:
            after_to = tokens[j].low == "to" and (
                tokens[j + 1].low in COMMON_VERBS | BASE_VERBS
                or (
                    tokens[j + 1].text.isalpha()
                    and tokens[j + 1].text.islower()
                    and j + 2 < kept[0]
                    and tokens[j + 1].low not in DETERMINERS
                )
            )
            return j + 1 + after_to, kept
    return None, kept


# Words followed by a verb's base form ("can cause", "does include").
_BASE_AFTER = MODALS | {"do", "does", "did", "doesn't", "don't", "didn't", "cannot", "can't", "won't"}

_PARALLEL_OPENERS = {"to", "for", "by", "in", "on", "with", "as", "from", "at"}


def _parallel_items(
    clause: _Clause, seg_start: int, conj_start: int, final_start: int
) -> tuple[int, list[int], list[int]] | None:
    """A list whose items all open with the same word, however long they are: "to create A, to
    influence B, and to provide C" (the items' first token, item starts, item ends), else ``None``."""
    tokens = clause.tokens
    opener = tokens[final_start].low
    gerunds = _gerund_item(tokens[final_start])  # "focus on enhancing A, developing B, and involving C"
    if opener not in _PARALLEL_OPENERS and not gerunds:
        return None

    def same(t: Token) -> bool:
        return _gerund_item(t) if gerunds else t.low == opener

    commas = [
        j
        for j in range(seg_start, conj_start)
        if tokens[j].text == ","
        and clause.depth[tokens[j].start] == 0
        and not clause.cut(tokens[j].start, tokens[j].end)
    ]
    if not commas or not all(same(tokens[j + 1]) for j in commas):
        return None
    first = next((j for j in range(commas[0] - 1, seg_start - 1, -1) if same(tokens[j])), None)
    if (
        gerunds
        and first is not None
        and not (tokens[first - 1].low in PREPOSITIONS or is_verb(tokens[first - 1]))
    ):
        return None  # the gerunds must be what a verb or preposition takes, not a list of nouns
    verb = _first_verb(tokens, seg_start, conj_start)
    after_verb = first is not None and (first > verb if verb is not None else first >= seg_start + 2)
    if not after_verb or any(tokens[j].text in {";", ":"} for j in range(first, conj_start)):
        return None
    starts, ends = [first] + [j + 1 for j in commas], commas + [conj_start]
    if gerunds and any(b - a < 2 for a, b in zip(starts, ends, strict=True)):
        return None  # "for planning, organizing and monitoring behavior": one object shared
    return first, starts, ends


def _enumeration(
    clause: _Clause, seg_start: int, conj_start: int, final_start: int, final_limit: int
) -> tuple[int, list[int], list[int]] | None:
    """Items of a list "A, B(,) and C" of three or more short, verb-less items ending at ``conj_start``:
    (first item's token, item starts, item ends) for the items before the conjunction, else ``None``."""
    tokens = clause.tokens
    parallel = _parallel_items(clause, seg_start, conj_start, final_start)
    if parallel is not None:
        return parallel
    # After "including" or "such as", -ing words are nouns ("including logistics, scheduling, ...").
    anchors = {"including", "such", "include", "includes"}
    gerund = any(tokens[j].low in anchors for j in range(seg_start, conj_start))
    kept = _list_commas(clause, seg_start, conj_start, gerund)
    if kept is None:
        return None
    first, kept = _list_start(tokens, seg_start, kept, clause.depth)
    if (
        not kept
        or first is None
        or first >= kept[0]
        or not _short_item(tokens, first, kept[0], depth=clause.depth, gerund=gerund)
    ):
        return None
    # Only lists after the verb (objects) share a prefix: "Taylor, Singh and Patel withdrew" stays whole.
    verb = _first_verb(tokens, seg_start, conj_start)
    if verb is None or first <= verb:
        return None
    # The last item (after the conjunction) is short as well.
    final_end = final_start
    while final_end < final_limit and tokens[final_end].text not in {",", ";"}:
        final_end += 1
    if not _short_item(tokens, final_start, final_end, 6, clause.depth, gerund):
        return None
    starts = [first] + [j + 1 for j in kept]
    ends = kept + [conj_start]
    # The items must look alike ("televisions, scooters and appliances"; "the Mi 11, the Redmi 10 and ...");
    # "Camden, London with his wife, a doctor, and their dog" is not one list.
    shapes = {_item_shape(tokens, a) for a in [*starts[1:], final_start]}
    first_shape = _item_shape(tokens, starts[0])
    if first_shape == "determiner" and starts[0] + 1 < ends[0] and shapes == {"word"}:
        first_shape = _shape(tokens[starts[0] + 1])  # "due to its stability, scalability, and security"
    if len(shapes | {first_shape}) != 1:
        return None
    return first, starts, ends


def _shape(token: Token) -> str:
    if token.low in DETERMINERS:
        return "determiner"
    if token.text[:1].isdigit():
        return "number"
    if is_capitalised(token):
        return "name"
    if token.low in PREPOSITIONS:
        return "preposition"
    return "word"


def _item_shape(tokens: list[Token], a: int) -> str:
    """The shape of a list item opening at token ``a``; "the Middle East" is a name like "Europe"."""
    if tokens[a].low == "the" and a + 1 < len(tokens) and is_capitalised(tokens[a + 1]):
        return "name"
    return _shape(tokens[a])


def _parallel_bounds(clause: _Clause) -> tuple[list[int], list[int]] | None:
    """Where the items of a list whose items open with the same word start and end, however long and
    whatever lists they hold: "to create A and B, to provide X, Y, and Z, and to C"."""
    if _span_text(clause).count(",") < 2 and " and " not in _span_text(clause):
        return None
    tokens, depth = clause.tokens, clause.depth

    def top(j: int) -> bool:
        return not depth[tokens[j].start] and not clause.cut(tokens[j].start, tokens[j].end)

    bounds: list[int] = []
    opener = None
    for j in range(clause.begin + 3, clause.end - 2):
        if not top(j):
            continue
        k = j + 1 + (tokens[j].text == "," and tokens[j + 1].low in {"and", "or"})
        is_bound = tokens[j].text == "," or (tokens[j].low in {"and", "or"} and tokens[j - 1].text != ",")
        if not is_bound or tokens[k].low not in _PARALLEL_OPENERS:
            continue
        if opener is not None and tokens[k].low != opener:
            return None
        opener = tokens[k].low
        bounds.append(j)
    # Three items or more, the last after "and" / "or" (", and to C" or "and to C").
    if len(bounds) < 2 or not {tokens[bounds[-1]].low, tokens[bounds[-1] + 1].low} & {"and", "or"}:
        return None
    # The first item opens with the last such word before the first boundary, after the clause's verb
    # ("used to build schools, to ...", "Firms advertise to create ...": a verb of no list comes first).
    first = next((j for j in range(bounds[0] - 1, clause.begin + 1, -1) if tokens[j].low == opener), None)
    verb = _first_verb(tokens, clause.begin, bounds[0])
    if first is None or (verb is not None and first < verb):
        return None
    items = [first] + [b + 1 + (tokens[b + 1].low in {"and", "or"}) for b in bounds]
    if opener == "to" and not all(_verb_after_to(tokens[i + 1]) for i in items):
        return None  # "to Paris, to the sea": places, not purposes
    ends = bounds + [clause.end]
    if any(
        b - a > 30 or any(t.text in {";", ":"} for t in tokens[a:b]) for a, b in zip(items, ends, strict=True)
    ):
        return None
    return items, ends
