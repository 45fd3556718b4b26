"""Where the parts of a clause are: the intro adverbial before it, its subject noun phrase and verb,
whether a new clause with its own subject starts at a word, the noun phrase that ends before a word (a name,
or back to its determiner, or the whole phrase its prepositional phrases belong to) and where a verb's object
starts."""

from __future__ import annotations

from collections.abc import Callable

from factcheck.claims.decompose.words import _BE, _COPULAS, _RELATIVES, _first_verb, _ly_adverb
from factcheck.claims.grammar import Token, finite_at, is_capitalised, is_participle, is_verb, verb_like
from factcheck.claims.lexicon import (
    ADVERBS,
    AUX,
    BASE_VERBS,
    COMMON_VERBS,
    DETERMINERS,
    IRREGULAR,
    MODALS,
    PREPOSITIONS,
    SUBJECT_PRONOUNS,
)

# Subordinators that open a leading condition or circumstance ("When X, ...", "If X, ...", "Since X, ...").
_CONDITION_OPENERS = {"when", "if", "since", "once", "as", "whenever", "unless", "until", "after", "before"}


def _intro_end(tokens: list[Token], begin: int, end: int) -> int:
    """Index after an intro adverbial ("In August 2021, ...", "According to X, ..."), else ``begin``."""
    if begin >= end:
        return begin
    first = tokens[begin].low
    if first in _CONDITION_OPENERS:
        # "When a substance is mixed with water, its ions ...": a leading condition is the clause's intro.
        for i in range(begin + 2, min(end - 2, begin + 25)):
            if tokens[i].text == ",":
                return i + 1 if _first_verb(tokens, begin + 1, i) is not None else begin
            if tokens[i].text in {";", ":"}:
                break
        return begin
    opener = tokens[begin].text
    # "Sinking sand, ...": a gerund and one noun before the comma is the subject, not an intro
    noun_only = begin + 2 < end and tokens[begin + 2].text == "," and tokens[begin + 1].text.islower()
    if (
        opener[:1].isupper()
        and opener.isalpha()
        and len(first) > 4
        and first.endswith(("ing", "ed"))
        and not noun_only
    ):
        # "Compared to halogen bulbs, LED lamps ...", "Using ECharts Java, developers can ...": a participle
        # phrase before the subject
        for i in range(begin + 2, min(end - 2, begin + 14)):
            if tokens[i].text == ",":
                return i + 1
            if finite_at(tokens, i) or tokens[i].text in {";", ":"}:
                break
        return begin
    if first in PREPOSITIONS or first in {"last", "earlier", "later", "next", "this", "according", "since"}:
        for i in range(begin, min(end, begin + 12)):
            if tokens[i].text == ",":
                return i + 1
            if is_verb(tokens[i]):
                break
    return begin


def _adjectival(tokens: list[Token], i: int, start: int) -> bool:
    """An -ed word inside a noun phrase before its verb ("the resulting encoded text is"): an adjective."""
    low = tokens[i].low
    if i == start or i + 2 >= len(tokens) or low in AUX or low in IRREGULAR or not low.endswith("ed"):
        return False
    before, after, then = tokens[i - 1], tokens[i + 1], tokens[i + 2]
    # "its encoded form changes": right after a determiner, the verb may be any finite verb
    verb_then = then.low in AUX or (before.low in DETERMINERS and (is_verb(then) or verb_like(then)))
    return (
        (before.low in DETERMINERS or (before.text[:1].islower() and not is_verb(before)))
        and after.text[:1].islower()
        and after.low not in PREPOSITIONS | DETERMINERS | ADVERBS
        and not is_verb(after)
        and verb_then
    )


def _subject_range(
    tokens: list[Token], begin: int, end: int, skip: Callable[[Token], bool] | None = None
) -> tuple[int, int] | None:
    """The subject noun phrase of a clause: from its start (after an intro) to its first verb.

    Tokens for which ``skip`` is true (stretches cut out of the clause) are ignored.
    """
    found = _subject_and_verb(tokens, begin, end, skip)
    return found[0] if found else None


def _subject_and_verb(
    tokens: list[Token], begin: int, end: int, skip: Callable[[Token], bool] | None = None
) -> tuple[tuple[int, int], int] | None:
    """The subject noun phrase of a clause (see :func:`_subject_range`) and its verb, the first finite
    one after the intro that is no adjective inside the noun phrase ("its encoded form changes": the "-s"
    word after the noun is the verb)."""
    start = _intro_end(tokens, begin, end)
    kept = [i for i in range(start, end) if not (skip and skip(tokens[i]))]
    verb = None
    for i in kept:
        if not finite_at(tokens, i):
            continue
        if not _adjectival(tokens, i, start):
            verb = i
            break
        if verb_like(tokens[i + 2]) and i + 2 in kept:
            verb = i + 2
            break
    if verb is None or verb == start:
        return None
    before = [i for i in kept if i < verb]
    # "China overwhelmingly relies": an adverb before the verb is not part of the subject
    while (
        before and (tokens[before[-1]].low in ADVERBS or _ly_adverb(tokens[before[-1]])) and len(before) > 1
    ):
        before.pop()
    if not before or len(before) > 12 or any(tokens[i].text in {";", ":"} for i in before):
        return None
    if any(tokens[i].text == "," for i in before) and not _named_list_in_phrase(tokens, before):
        return None
    return (start, before[-1] + 1), verb


def _named_list_in_phrase(tokens: list[Token], before: list[int]) -> bool:
    """Whether the commas of a subject only separate the capitalised words of a name inside its phrase
    ("The position of Minister for Food, Agriculture and Fisheries"), not items of a subject list."""
    commas = [i for i in before if tokens[i].text == ","]
    first_phrase = next((i for i in before if tokens[i].low in PREPOSITIONS), None)
    if tokens[before[0]].low not in DETERMINERS or first_phrase is None or first_phrase > commas[0]:
        return False
    return all(
        0 < i < len(tokens) - 1 and is_capitalised(tokens[i - 1]) and is_capitalised(tokens[i + 1])
        for i in commas
    )


def _clause_follows(
    tokens: list[Token], i: int, end: int, skip: Callable[[Token], bool] | None = None, comma: bool = False
) -> bool:
    """Whether a new clause with its own subject starts at token ``i`` ("it will...", "the plant has...",
    "production is..."; after a ``comma``, also "insecure attachment styles may ..."). Tokens for which
    ``skip`` is true (cut-out appositives) are ignored."""
    kept = [j for j in range(i, end) if not (skip and skip(tokens[j]))]
    if not kept:
        return False
    first = tokens[kept[0]]
    rest = kept[1:]
    if first.low in SUBJECT_PRONOUNS:
        following = [j for j in rest if tokens[j].low not in ADVERBS]
        return bool(following) and finite_at(tokens, following[0])
    if (
        first.text[:1].islower()
        and first.low not in DETERMINERS | PREPOSITIONS | ADVERBS
        and not is_verb(first)
    ):
        # "production is to start": a bare noun followed by a finite verb; "tomatoes and chilis were"
        if len(rest) > 2 and tokens[rest[0]].low == "and" and tokens[rest[1]].text.islower():
            rest = rest[2:]
        if bool(rest) and (tokens[rest[0]].low in AUX or tokens[rest[0]].low in IRREGULAR):
            return True
        return comma and _bare_subject_verb(tokens, kept)
    if comma and first.text[:1].islower() and first.low not in PREPOSITIONS | DETERMINERS:
        return _bare_subject_verb(tokens, kept)  # "..., more efforts are required"
    # after a comma, a figure may open a subject too: "..., and 457 deaths have been reported"
    figure = comma and (first.text[:1].isdigit() or first.text[:1] in "€$£¥")
    if first.low in DETERMINERS or is_capitalised(first) or figure:
        participle = False
        # a subject of up to ten words, none in parentheses ("Keanu Reeves (voice of Duke Caboom) showed"
        # belongs to a list, "the cover of the proceedings book that year was" is a clause)
        for n, j in enumerate(rest[:10]):
            if tokens[j].text in {",", ";", ":", "("}:
                return False
            named = all(is_capitalised(tokens[x]) for x in rest[:n])
            if is_capitalised(first) and named and verb_like(tokens[j]):
                return True  # "New York experiences colder winters"
            if finite_at(tokens, j):
                if tokens[j - 1].low in PREPOSITIONS or tokens[j - 1].low in {"and", "or"}:
                    return False  # "Manhattan and Brooklyn and was completed": a verb phrase, no clause
                # "the only one dedicated to ...": after a common noun phrase, an -ed word is a participle;
                # a finite verb may still follow it ("a small number of stars added each year can ...").
                low = tokens[j].low
                finite = low in AUX or low in IRREGULAR or not low.endswith("ed")
                if finite and participle:
                    return low in AUX or low in MODALS
                if finite or (is_capitalised(first) and first.low not in DETERMINERS):
                    return True
                participle = True
    return False


def _bare_subject_verb(tokens: list[Token], kept: list[int]) -> bool:
    """Whether a noun phrase without a determiner, of up to four lower-case words (a bracketed aside
    skipped), is followed by an auxiliary or a finite verb that is no "-ed" word: "insecure attachment
    styles (e.g., avoidant) may contribute", "rising prices have hurt sales"."""
    words = 0
    n = 0
    while n < len(kept):
        t = tokens[kept[n]]
        if t.text == "(":
            close = next(
                (m for m in range(n + 1, min(len(kept), n + 15)) if tokens[kept[m]].text == ")"), None
            )
            if close is None:
                return False
            n = close + 1
            continue
        if words and (t.low in AUX or (is_verb(t) and not t.low.endswith("ed"))):
            return n + 1 < len(kept)  # a verb with words after it: "societal influences." is no clause
        if t.low in {"and", "or"} and words and n + 1 < len(kept) and tokens[kept[n + 1]].text.islower():
            n += 1  # "authoritarian and permissive parenting styles may ..."
            continue
        closed = DETERMINERS | PREPOSITIONS | SUBJECT_PRONOUNS | _RELATIVES | {"and", "or", "but"}
        if not (t.text.isalpha() or "-" in t.text) or not t.text.islower() or t.low in closed or is_verb(t):
            return False
        if _ly_adverb(t) or words == 5:
            return False
        words += 1
        n += 1
    return False


def _proper_np_before(tokens: list[Token], idx: int, floor: int) -> int | None:
    """Start index of the run of capitalised words (a name) that ends just before token ``idx``."""
    j = idx
    if j - 2 >= floor and tokens[j - 1].text.isdigit() and is_capitalised(tokens[j - 2]):
        j -= 1  # "COLING 2020", "Windows 10": a number closing a name
    while j > floor and (is_capitalised(tokens[j - 1]) or tokens[j - 1].low in {"of", "de", "&"}):
        j -= 1
    while j < idx and not is_capitalised(tokens[j]):
        j += 1
    if j >= idx:
        return None
    before = tokens[j - 1].low if j > 0 else ""
    if j == floor or before in PREPOSITIONS | BASE_VERBS | {",", "and", "by"} or is_verb(tokens[j - 1]):
        return j
    # "the Beijing factory, which..." : a determiner before the name makes it a longer noun phrase.
    return None


def _np_before(tokens: list[Token], idx: int, floor: int) -> int | None:
    """Start index of the noun phrase ending just before token ``idx`` (a name, or back to its determiner)."""
    if idx <= floor:
        return None
    proper = _proper_np_before(tokens, idx, floor)
    if proper is not None:
        return proper
    for j in range(idx - 1, max(floor, idx - 7) - 1, -1):
        low = tokens[j].low
        if low in DETERMINERS or tokens[j].text.endswith(("'s", "’s")):
            # include a possessive owner written before the determiner-less phrase ("Xiaomi's new unit")
            return j
        if is_verb(tokens[j]) and low.endswith("ed") and j > 0 and tokens[j - 1].low in _COPULAS:
            return j  # "is compressed air, which ...": the -ed word qualifies the noun
        if low in PREPOSITIONS or is_verb(tokens[j]) or tokens[j].text in {",", ";", ":"}:
            return j + 1 if j + 1 < idx and j + 1 > floor - 1 else None
    return None


_ATTACHING = {"of", "on", "in", "at", "for", "from", "by", "about"}


def _phrase_head(tokens: list[Token], head: int, end: int, floor: int) -> int:
    """The start of the whole noun phrase whose last prepositional phrase starts at ``head``: a ", which"
    after "a layer of foam on the deck" or "a paper by Vaswani et al." may say something of any noun of
    it, so the claim names the whole phrase ("A layer of foam on the deck provides ...")."""
    # A name is the antecedent ("a house in Paris, which is the capital"), but not authors ("et al.").
    name = is_capitalised(tokens[head]) and tokens[head].low not in DETERMINERS
    if name and not any(t.low == "al" for t in tokens[head:end]):
        return head
    found = head
    for _ in range(3):
        p = head - 1
        if p <= floor or tokens[p].low not in _ATTACHING:
            break
        if tokens[p - 1].text in {'"', "”"}:
            # a quoted title: "Attention Is All You Need" by Vaswani et al.
            opening = next((j for j in range(p - 2, floor - 1, -1) if tokens[j].text in {'"', "“"}), None)
            if opening is None or p - opening > 14:
                break
            head = found = opening
            continue
        before = _np_before(tokens, p, floor)
        if before is None or before >= p or found - before > 12:
            break
        head = before
        if tokens[before].low in DETERMINERS or is_capitalised(tokens[before]):
            found = before
    return found


def _progressive(token: Token) -> bool:
    """A lower-case "-ing" word of a verb (after "is", "was"...: "is building", "were facing")."""
    return token.text.islower() and token.low.endswith("ing") and len(token.low) > 4 and token.low != "being"


def _object_start(tokens: list[Token], verb: int, stop: int) -> int | None:
    """The first token of the object after ``verb`` (its auxiliaries, participles and adverbs skipped, and
    an adjective's or the verb's preposition kept before it: "is resistant to | most reactions")."""
    j = verb + 1
    while j < stop and (
        is_verb(tokens[j])
        or is_participle(tokens[j])
        or tokens[j].low in ADVERBS | BASE_VERBS | {"to"}
        or (tokens[j - 1].low == "to" and tokens[j].low in COMMON_VERBS)  # "to | influence"
        or (tokens[j - 1].low in _BE and _progressive(tokens[j]))  # "is building | factories"
    ):
        j += 1
    if j + 1 < stop and tokens[j].text == "," and tokens[j + 1].low in PREPOSITIONS:
        j += 2  # "has slowed, with | only 170 infections and 50 deaths"
    elif j < stop and tokens[j].low in PREPOSITIONS:
        j += 1
    elif (
        j + 1 < stop
        and tokens[j].text.isalpha()
        and tokens[j].low not in DETERMINERS
        and tokens[j + 1].low in PREPOSITIONS
    ):
        j += 2
        if j < stop and tokens[j - 1].low == "to" and tokens[j].low in COMMON_VERBS | BASE_VERBS:
            j += 1  # "uses ads to | influence | preferences and behavior": the verb of a purpose
    return j if j < stop else None
