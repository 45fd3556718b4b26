"""Closing additions to a clause that state facts of their own: ", with NP" (what the subject has, or an
absolute construction's actor and act), a place after a day ("born on October 22, 1767, in Mutschelleben"),
examples set off by "such as" and a closing ", including X" or ", particularly in X", one piece per item."""

from __future__ import annotations

from factcheck.claims.decompose.lists import _short_item
from factcheck.claims.decompose.pieces import Piece, _Clause, _span_text, tidy
from factcheck.claims.decompose.subjects import _np_before, _object_start, _phrase_head, _subject_range
from factcheck.claims.decompose.words import (
    _COPULAS,
    _COUNT_WORDS,
    _DEMONSTRATIVES,
    _LIST_FILLERS,
    _MONTHS,
    _NOT_PARTICIPIAL,
    _RELATIVES,
    _base_of,
    _first_verb,
    _has_phrase,
    _past,
    _plural_head,
)
from factcheck.claims.grammar import (
    Token,
    is_capitalised,
    is_participle,
    is_verb,
    past_of,
    present_of,
    verb_like,
)
from factcheck.claims.lexicon import APPROXIMATORS, COMMON_VERBS, DETERMINERS, PREPOSITIONS, SUBJECT_PRONOUNS
from factcheck.rules.quantities import extract

# Words that make a closing "with" phrase an absolute construction, not something the subject has
# (", with prices rising", ", with exports up 3%", ", with 20 people killed").
_ABSOLUTE_WORDS = {"up", "down", "out", "off", "over", "rising", "falling", "left", "remaining"}


def _absolute_word(clause: _Clause, phrase: list[Token], n: int) -> bool:
    """Whether word ``n`` of a "with" phrase makes it an absolute construction: a finite verb, an -ing
    form, a participle closing the phrase ("with 20 people killed (in ...)", not "simplified memory")."""
    t = phrase[n]
    nxt = phrase[n + 1] if n + 1 < len(phrase) else None
    closing = nxt is None or nxt.low in PREPOSITIONS or not nxt.text[:1].isalpha()
    return (
        t.low in _ABSOLUTE_WORDS
        or (is_verb(t) and not t.low.endswith("ed"))
        or (is_participle(t) and closing)
        or (t.low.endswith("ing") and t.text.islower() and t.low not in _NOT_PARTICIPIAL)
        or t.text in {";", ":"}
        or clause.cut(t.start, t.end)
    )


def _extract_with_phrase(clause: _Clause, pieces: list[Piece]) -> None:
    """A closing ", with NP" after a description says what the subject has: "Water molecules are highly
    polar, with a positive charge on the hydrogen atoms" gives "Water molecules have a positive charge on
    the hydrogen atoms"; "X is a city, with a population of 5 million" gives "X has a population of 5
    million". Absolute constructions (", with the loss of all hands", ", with prices rising") are left."""
    if ", with " not in _span_text(clause):
        return
    tokens = clause.tokens
    skip = clause.aside
    subject = _subject_range(tokens, clause.begin, clause.end, skip)
    verb = _first_verb(tokens, clause.begin, clause.end)
    if subject is None or verb is None or tokens[verb].low not in _COPULAS - {"be", "been"}:
        return
    if tokens[subject[0]].low in _DEMONSTRATIVES - {"it", "they"} | {"there"}:
        return  # "There are eight planets, with ...": no subject to have anything
    for c in range(verb + 2, clause.end - 2):
        if tokens[c].text != "," or skip(tokens[c]) or tokens[c + 1].low != "with":
            continue
        phrase = tokens[c + 2 : clause.end]
        if phrase[0].low in {"the", "this", "that", "these", "those"} or any(
            _absolute_word(clause, phrase, n) or phrase[n].low == "being" for n in range(len(phrase))
        ):
            return
        plural = _plural_head(tokens[subject[1] - 1])
        have = "had" if _past(tokens[verb]) else ("have" if plural else "has")
        subj_text = clause.text(tokens[subject[0]].start, tokens[subject[1] - 1].end)
        stop = tokens[clause.end - 1].end
        body = clause.sentence[tokens[c + 2].start : stop]
        pieces.append(
            Piece(tidy(f"{subj_text} {have} {body}"), tokens[c + 2].start, stop, "addition", subj_text)
        )
        clause.cuts.append((tokens[c].start, stop))
        return


def _extract_with_clause(clause: _Clause, pieces: list[Piece]) -> None:
    """A closing absolute ", with NP V-ing ..." states what NP did: "Hundreds fell sick, with some parents
    suspecting they were poisoned" gives "Some parents suspected they were poisoned" (the clause's tense;
    cut out of the clause). A bare ", with prices rising (sharply)" says how, not a fact of its own."""
    if ", with " not in _span_text(clause):
        return
    tokens = clause.tokens
    verb = _first_verb(tokens, clause.begin, clause.end)
    if verb is None:
        return
    for c in range(verb + 2, clause.end - 4):
        if tokens[c].text != "," or clause.aside(tokens[c]) or tokens[c + 1].low != "with":
            continue
        ing = next((j for j in range(c + 3, min(c + 9, clause.end)) if tokens[j].low.endswith("ing")), None)
        if ing is None or clause.end - ing < 3 or not tokens[ing].text.islower():
            return
        actor = tokens[c + 2 : ing]
        if any(t.text in {",", ";", ":", "(", ")"} or is_verb(t) or clause.aside(t) for t in actor):
            return
        being = tokens[ing].low == "being"  # "with Jupiter being the largest": Jupiter is the largest
        if (
            actor[0].low in {"this", "that", "it", "its"}
            or (tokens[ing].low in _NOT_PARTICIPIAL and not being)
            or tokens[ing + 1].low == "of"  # "with a strong reading of the index": a noun
        ):
            return
        present = "is" if being else present_of(tokens[ing].low)
        if present is None:
            return
        # the actor's head noun: before its first phrase ("teams in the region")
        head = next(t for n, t in enumerate(actor) if n + 1 == len(actor) or actor[n + 1].low in PREPOSITIONS)
        named_plural = is_capitalised(head) and verb_like(Token(head.low, head.start, head.end))
        plural = _plural_head(head) or named_plural or any(t.low == "and" for t in actor)
        if being:
            present = ("were" if plural else "was") if _past(tokens[verb]) else ("are" if plural else "is")
        elif _past(tokens[verb]):
            present = past_of(tokens[ing].low) or present
        elif plural:
            present = _base_of(present)
        name = clause.sentence[actor[0].start : actor[-1].end]
        stop = tokens[clause.end - 1].end
        rest = clause.sentence[tokens[ing + 1].start : stop]
        subject = _subject_range(tokens, clause.begin, c, clause.aside)
        if being and subject is not None and tokens[ing + 1].low in {"its", "their"}:
            # "Japan has ..., with Tokyo being its largest city": Japan's largest city
            owner = clause.text(tokens[subject[0]].start, tokens[subject[1] - 1].end)
            if owner.lower() not in SUBJECT_PRONOUNS | {"there", "this", "these"}:
                owner = "the" + owner[3:] if owner.startswith("The ") else owner
                possessive = f"{owner}'" if owner.endswith("s") else f"{owner}'s"
                rest = possessive + rest[len(tokens[ing + 1].text) :]
        text = tidy(f"{name[:1].upper()}{name[1:]} {present} {rest}")
        pieces.append(Piece(text, actor[0].start, stop, "addition", name))
        clause.cuts.append((tokens[c].start, stop))
        return


def _place_phrase(clause: _Clause, i: int) -> int | None:
    """The end (exclusive token) of a place phrase opening at token ``i`` ("in Mutschelleben, Germany", "at
    the Phillip Island Circuit"): "in" or "at", then capitalised words (a region or country after a comma
    included), no date; ``None`` when there is none."""
    tokens = clause.tokens
    if tokens[i].low not in {"in", "at"} or i + 1 >= clause.end:
        return None
    j = i + 1 + (tokens[i + 1].low == "the")
    if j >= clause.end or not is_capitalised(tokens[j]) or tokens[j].low in _MONTHS:
        return None
    while j < clause.end and (is_capitalised(tokens[j]) or tokens[j].low in {"of", "de"}):
        j += 1
    if j + 1 < clause.end and tokens[j].text == "," and is_capitalised(tokens[j + 1]):
        j += 1  # "in Mutschelleben, Germany"
        while j < clause.end and is_capitalised(tokens[j]):
            j += 1
    return j if tokens[j - 1].text[:1].isupper() else None


def _extract_time_place(clause: _Clause, pieces: list[Piece]) -> None:
    """A day and a place said of one event give one claim each: "X was born on October 22, 1767, in
    Mutschelleben, Germany" gives "X was born on October 22, 1767" and "X was born in Mutschelleben,
    Germany" (the place phrase cut out of the clause, its claim repeating what comes before the date)."""
    text = _span_text(clause)
    if " in " not in text and " at " not in text:
        return
    tokens = clause.tokens
    verb = _first_verb(tokens, clause.begin, clause.end)
    if verb is None or _subject_range(tokens, clause.begin, clause.end, clause.aside) is None:
        return
    base = tokens[clause.begin].start
    for date in extract(text).dates:
        first = next((j for j in range(verb + 1, clause.end) if tokens[j].start == base + date.start), None)
        cut = clause.cut(tokens[first].start, tokens[first].end) if first is not None else True
        if first is None or tokens[first - 1].low != "on" or cut:
            continue  # a day ("on 3 May 2001"): "in 1767 in Mutschelleben" reads as one setting
        after = next((j for j in range(first, clause.end) if tokens[j].end >= base + date.end), None)
        if after is None:
            return
        k = after + 1 + (after + 1 < clause.end and tokens[after + 1].text == ",")
        stop = _place_phrase(clause, k) if k < clause.end else None
        while stop is not None and stop < clause.end and (more := _place_phrase(clause, stop)) is not None:
            stop = more  # "at the Royal Infirmary in Edinburgh"
        if stop is None or (stop < clause.end and tokens[stop].text not in {",", ".", ";", "("}):
            return  # the place must close the clause or a stretch of it
        if any(clause.aside(t) for t in tokens[k:stop]):
            return
        prefix = clause.text(tokens[clause.begin].start, tokens[first - 1].start)
        place = clause.sentence[tokens[k].start : tokens[stop - 1].end]
        pieces.append(Piece(tidy(f"{prefix} {place}"), tokens[k].start, tokens[stop - 1].end, "addition"))
        clause.cuts.append((tokens[after].end, tokens[stop - 1].end))
        return


def _example_items(tokens: list[Token], a: int, b: int) -> bool:
    """Whether tokens ``[a, b)`` are a few short examples ("Jupiter and Saturn", "Earth, Mars and Venus"):
    no verb, each item at most four words."""
    items, n = [], 0
    for j in range(a, b):
        if tokens[j].low in {"and", "or"} and tokens[j - 1].text == ",":
            continue  # ", and": one separator
        if tokens[j].text == "," or tokens[j].low in {"and", "or"}:
            items.append(n)
            n = 0
        elif is_verb(tokens[j]) or tokens[j].text in {";", ":", "(", ")"}:
            return False
        else:
            n += 1
    items.append(n)
    return all(0 < k <= 4 for k in items)


def _extract_examples(clause: _Clause, pieces: list[Piece]) -> None:
    """Examples set off inside a clause name members of a plural noun phrase: "The giant planets in our
    solar system, such as Jupiter and Saturn, rotate faster" gives "Jupiter and Saturn are giant planets in
    our solar system" (one claim per insert); the examples are cut out of the clause."""
    if "such as" not in _span_text(clause):
        return
    tokens = clause.tokens
    commas = [
        i
        for i in range(clause.begin + 1, clause.end - 1)
        if tokens[i].text == ","
        and not clause.depth[tokens[i].start]
        and not clause.cut(tokens[i].start, tokens[i].end)
    ]
    for n, c1 in enumerate(commas[:-1]):
        if not (tokens[c1 + 1].low == "such" and tokens[c1 + 2].low == "as"):
            continue
        first = c1 + 3
        # the examples end at the first comma after which the clause goes on (not another example)
        later = commas[n + 1 :] + [clause.end]
        c2 = next((c for c, d in zip(later, later[1:], strict=False) if _example_end(tokens, c, d)), None)
        if c2 is None or not _example_items(tokens, first, c2):
            continue
        head = _np_before(tokens, c1, clause.begin)
        if head is None and c1 - clause.begin <= 4 and _first_verb(tokens, clause.begin, c1) is None:
            head = clause.begin  # "Large cities, such as Paris, ..."
        if head is None:
            continue
        head = _phrase_head(tokens, head, c1, clause.begin)
        noun = _attached_head(tokens, head, c1)
        if noun is None or not (_plural_head(tokens[noun]) or verb_like(Token(tokens[noun].low, 0, 0))):
            continue  # "Fruits, such as ...": a plural head, capitalised or not
        start = head + (tokens[head].low in {"the", "these", "those", "some", "many", "several"})
        phrase = clause.text(tokens[start].start, tokens[c1 - 1].end)
        if start == clause.begin and not (start + 1 < c1 and is_capitalised(tokens[start + 1])):
            phrase = phrase[:1].lower() + phrase[1:]  # "Large cities, such as Paris": not a name
        items = clause.text(tokens[first].start, tokens[c2 - 1].end)
        if not any(tokens[j].low in {"and", ","} for j in range(first, c2)):
            continue  # one example ("Many firms, such as Acme, grew") qualifies the phrase, it lists nothing
        text = tidy(f"{items[:1].upper()}{items[1:]} are {phrase}")
        pieces.append(Piece(text, tokens[first].start, tokens[c2 - 1].end, "example", items))
        clause.cuts.append((tokens[c1].start, tokens[c2].end))


def _example_end(tokens: list[Token], c: int, d: int) -> bool:
    """Whether the clause goes on after comma ``c`` (up to ``d``) with more than another example: a verb
    or a longer stretch, not "pears" or "and plums"."""
    if tokens[c + 1].low in {"and", "or"}:
        return False
    return d - c > 5 or any(is_verb(t) or t.low in COMMON_VERBS for t in tokens[c + 1 : d])


def _attached_head(tokens: list[Token], head: int, end: int) -> int | None:
    """The head noun of the noun phrase ``[head, end)``: the word before its first preposition."""
    for j in range(head + 1, end):
        if tokens[j].low in PREPOSITIONS:
            return j - 1 if j - 1 > head or tokens[head].low not in DETERMINERS else None
    return end - 1


# Words that open a closing addition to a clause: ", including X", ", such as X", ", particularly in X".
_FOCUS_OPENERS = {"particularly", "especially", "notably", "mainly", "primarily", "mostly", "chiefly"}


_PP_HEADS = PREPOSITIONS | {"outside", "inside", "across", "throughout", "beyond"}


def _addition_opener(clause: _Clause) -> tuple[int, int] | None:
    """(comma, first token of the addition) of a closing ", including X", ", such as X" or
    ", particularly in X", else ``None``."""
    tokens = clause.tokens
    for c in range(clause.begin + 2, clause.end - 2):
        t = tokens[c]
        if t.text != "," or clause.depth[t.start] or clause.cut(t.start, t.end):
            continue
        low = tokens[c + 1].low
        if low == "such" and tokens[c + 2].low == "as":
            return c, c + 3
        if low == "including" or (low in _FOCUS_OPENERS and tokens[c + 2].low not in {",", "and"}):
            return c, c + 2
    return None


def _addition_items(clause: _Clause, first: int) -> list[tuple[int, int]]:
    """The items of an addition from token ``first`` to the clause end: one per short item of a list
    ("including France, Spain and Italy"), else the whole addition; fillers ("and more") are left out."""
    tokens, end = clause.tokens, clause.end
    bounds, a = [], first
    for j in range(first, end):
        if clause.depth[tokens[j].start] == 0 and (tokens[j].text == "," or tokens[j].low in {"and", "or"}):
            if j > a:
                bounds.append((a, j))
            a = j + 1
    if end > a:
        bounds.append((a, end))
    if len(bounds) < 2 or not all(_short_item(tokens, x, y, 6, clause.depth, gerund=True) for x, y in bounds):
        return [(first, end)]
    if _has_phrase(tokens, *bounds[0]) and not any(_has_phrase(tokens, x, y) for x, y in bounds[1:]):
        return [(first, end)]  # "reactions with hydrochloric acid and nitric acid": one phrase
    kept = []
    for x, y in bounds:
        words = clause.text(tokens[x].start, tokens[y - 1].end).lower().strip(". ")
        if words not in _LIST_FILLERS:
            kept.append((x, y))
    return kept


_COUNT_MODIFIERS = APPROXIMATORS | {"than", "more", "less", "fewer", "least", "at", "just", "only", "exactly"}


def _addition_prefix(clause: _Clause, verb: int, comma: int, first: int) -> str | None:
    """What an addition's claim repeats before it: the clause up to its object for examples
    ("He has received | the Nobel Prize"), up to the first preposition for a focus ("is making progress |
    in oncology")."""
    tokens = clause.tokens
    start = tokens[clause.begin].start
    if tokens[first - 1].low in _FOCUS_OPENERS and tokens[first].low in _PP_HEADS:
        stop = next((j for j in range(verb + 1, comma) if tokens[j].low in _PP_HEADS - {"to", "of"}), comma)
        return clause.text(start, tokens[stop - 1].end)
    np_start = _object_start(tokens, verb, comma)
    if np_start is None:
        return None
    if tokens[np_start].text[:1].isdigit() or tokens[np_start].low in _COUNT_WORDS:
        # "composed more than 600 works, including symphonies": "more than" counts the works, not the items
        while np_start - 1 > verb and tokens[np_start - 1].low in _COUNT_MODIFIERS:
            np_start -= 1
    return clause.text(start, tokens[np_start - 1].end)


def _extract_addition(clause: _Clause, pieces: list[Piece]) -> None:
    """A closing addition states one more fact per item: "He has received awards, including the Nobel
    Prize" gives "He has received the Nobel Prize" (and the clause without the addition)."""
    tokens = clause.tokens
    skip = lambda t: clause.cut(t.start, t.end)  # noqa: E731
    found = _addition_opener(clause)
    subject = _subject_range(tokens, clause.begin, clause.end, skip)
    if found is None or subject is None:
        return
    comma, first = found
    verb = _first_verb(tokens, subject[1], comma)
    if verb is None or first >= clause.end or _first_verb(tokens, first, clause.end) is not None:
        return
    if any(t.low in _RELATIVES and not clause.depth[t.start] for t in tokens[verb + 1 : comma]):
        return  # "is an anthropologist who has conducted research on topics, such as X": the relative's list
    prefix = _addition_prefix(clause, verb, comma, first)
    if not prefix:
        return
    items = _addition_items(clause, first)
    # "particularly in Ivory Coast and Ghana": the first item's preposition is every item's
    lead = tokens[items[0][0]].text + " " if tokens[items[0][0]].low in _PP_HEADS else ""
    for n, (a, b) in enumerate(items):
        item = clause.text(tokens[a].start, tokens[b - 1].end)
        if n and lead and tokens[a].low not in _PP_HEADS:
            item = lead + item
        pieces.append(Piece(tidy(f"{prefix} {item}"), tokens[a].start, tokens[b - 1].end, "addition"))
    clause.cuts.append((tokens[comma].start, tokens[clause.end - 1].end))
