"""Splitting one sentence into atomic claims, by hand-written rules over words and punctuation.

What is split, in this order:

1. independent clauses joined by ``;``;
2. non-restrictive appositives (``Xiaomi, the second-largest smartphone maker, will ...`` gives the extra
   claim ``Xiaomi is the second-largest smartphone maker``) and subject relative clauses
   (``Deepmotion, which develops ..., ...`` gives ``Deepmotion develops ...``), which are cut out of the main
   clause;
3. coordinated clauses (``..., and the plant will ...``), coordinated verb phrases sharing the subject
   (``Xiaomi bought X and plans Y`` gives ``Xiaomi plans Y``) and lists of figures sharing the verb
   (``a team of 300 employees and 8.5 billion euros of funding`` gives one claim per figure);
4. closing additions (``..., including X and Y``, ``..., particularly in X``), a noun's modifiers and its
   phrase (``a Java-based library for X``), closing adjective phrases (``..., capable of X``), which are cut
   out like appositives; two coordinated objects (``a degree from A and a doctorate from B``, ``similar to
   A or B``), participles sharing "be" and lists after "including" or "such as";
5. whole-clause shapes: a list after a colon (``Its albums are: A, B and C``), a subject listing common
   nouns (``Its temperature, size and luminosity are ...``) and an identification (``One scholar who has
   served as chair is Ming Zhou``).

Names with "and" but no determiner (``Procter and Gamble``), words in quotes or parentheses, ranges
(``between A and B``) and numbers joined by "or" are not split.

Every piece keeps a *source span* in the sentence. Spans of the pieces of one sentence never partly overlap:
the pieces of a coordination cover disjoint stretches, and an appositive's or relative clause's span lies
inside the span of the clause it was cut from (whose text no longer states it). So each figure of the
sentence is stated by exactly one piece among those whose span contains it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from factcheck.claims.checkworthy import find_mentions
from factcheck.claims.grammar import (
    DISCOURSE,
    Token,
    depth_map,
    finite_at,
    is_capitalised,
    is_gerund,
    is_participle,
    is_verb,
    known_base,
    past_of,
    present_of,
    tokenize,
    verb_like,
)
from factcheck.claims.lexicon import (
    ADVERBS,
    AFTER_PARTICIPLE,
    APPOSITIVE_OPENERS,
    APPROXIMATORS,
    AUX,
    BASE_VERBS,
    BODY_HEADS,
    COMMON_VERBS,
    DETERMINERS,
    EVENT_PARTICIPLES,
    HONORIFICS,
    IRREGULAR,
    IRREGULAR_PARTICIPLES,
    LEGISLATOR_TITLES,
    LIST_ANCHORS,
    MAKING_PARTICIPLES,
    MODALS,
    NOT_NAMES,
    NOUN_LIKE_S_FORMS,
    PARTICIPLE_OPENERS,
    PARTIES,
    PERSON_NOUNS,
    PREPOSITIONS,
    REPORTING,
    SUBJECT_PRONOUNS,
    SUBORDINATORS,
    THIRD_PERSON,
    TITLES,
    TRAVEL_VERBS,
    US_STATES,
    third_person,
)
from factcheck.rules.quantities import extract

# Precompiled: pysbd compiles many patterns per call and flushes the re module's cache.
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,;:%])")
# A mark that opens a word (".NET", ".5") keeps its space; one that closes the words before it does not.
_SPACE_BEFORE_STOP = re.compile(r"\s+([,;:.!?](?![\w#])|%)")
# A quotation closed after a space ('was a lobbyist. "'): the mark belongs to the full stop.
_DETACHED_CLOSE = re.compile(r"([.!?]) ([\"”])$")
_DOUBLE_COMMA = re.compile(r",\s*,")
_EMPTY_PARENS = re.compile(r"\(\s*\)")
_NUMBER = re.compile(r"\d[\d.,]*")


@dataclass(frozen=True)
class Piece:
    """One atomic claim cut from a sentence: its (not yet decontextualised) text and its span in the sentence.

    ``subject`` is the text of the piece's grammatical subject as written, when it was found.
    """

    text: str
    start: int
    end: int
    kind: str = "clause"
    subject: str | None = None


def _skip_adverbs(tokens: list[Token], i: int, keep: frozenset[str] = frozenset()) -> int:
    while i < len(tokens) and tokens[i].low in ADVERBS and tokens[i].low not in keep:
        i += 1
    return i


def _first_verb(tokens: list[Token], begin: int, end: int) -> int | None:
    for i in range(begin, end):
        if finite_at(tokens, i):
            return i
    return None


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


def _ly_adverb(token: Token) -> bool:
    """A lower-case "-ly" word: an adverb ("overwhelmingly", "typically"), not "family" or "Italy"."""
    low = token.low
    return token.text.islower() and low.endswith("ly") and len(low) > 5 and low not in _LY_NOUNS


# Nouns and verbs in "-ly" ("a monopoly is", "the assembly voted", "they apply").
_LY_NOUNS = {
    "family", "supply", "monopoly", "anomaly", "assembly", "butterfly", "homily", "melancholy", "reply",
    "apply", "comply", "multiply", "rely", "ally", "rally", "belly", "jelly", "bully", "lily", "holy",
}  # fmt: skip


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
    if first.low in DETERMINERS or is_capitalised(first):
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


def _embedded(tokens: list[Token], begin: int, end: int, skip: Callable[[Token], bool] | None = None) -> bool:
    """Whether a subordinate clause opens between ``begin`` and ``end`` ("held that the law was ... and"):
    a verb phrase coordinated after it may belong to that clause rather than to the main subject."""
    for i in range(begin, end):
        if skip and skip(tokens[i]):
            continue
        low = tokens[i].low
        if low in SUBORDINATORS:
            return True
        if tokens[i].text == "," and i + 1 < end and tokens[i + 1].low.endswith("ing"):
            return True
    return False


def _adjective_after_copula(tokens: list[Token], begin: int, end: int, k: int) -> bool:
    """Whether an -ed word coordinated after a copula's complement is an adjective ("is new and improved")."""
    low = tokens[k].low
    if low in AUX or low in IRREGULAR:
        return False
    verb = _first_verb(tokens, begin, end)
    if verb is None or tokens[verb].low not in {"is", "was", "are", "were", "be", "been"}:
        return False
    # "was born on October 16, 1898, and served": a long complement with a preposition is a verb phrase.
    complement = tokens[verb + 1 : end]
    if complement and is_participle(complement[0]) and tokens[k].low not in AUX and verb_like(tokens[k]):
        return False  # "is held every four years and features 32 teams": a passive, then a verb
    return len(complement) <= 4 and not any(t.low in PREPOSITIONS for t in complement)


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


_COPULAS = {"is", "are", "was", "were", "be", "been"}


class _Clause:
    """One clause of a sentence being decomposed, with stretches cut out of it."""

    def __init__(self, sentence: str, tokens: list[Token], begin: int, end: int, depth: list[int]) -> None:
        self.sentence = sentence
        self.depth = depth
        self.tokens = tokens
        self.begin = begin
        self.end = end
        self.cuts: list[tuple[int, int]] = []  # character ranges removed from the clause's own text

    def text(self, start: int, stop: int) -> str:
        """Sentence characters ``[start, stop)`` with the cut stretches removed, spaces normalised."""
        parts, pos = [], start
        for a, b in sorted(self.cuts):
            if b <= pos or a >= stop:
                continue
            parts.append(self.sentence[pos:a])
            pos = max(pos, b)
        parts.append(self.sentence[pos:stop])
        text = " ".join("".join(parts).split())
        return _SPACE_BEFORE_PUNCT.sub(r"\1", text).strip(" ,;:")

    def cut(self, a: int, b: int) -> bool:
        return any(x <= a < y or x < b <= y for x, y in self.cuts)

    def aside(self, token: Token) -> bool:
        """Whether ``token`` is off the clause's main line: cut out of it, or inside brackets."""
        return self.cut(token.start, token.end) or self.depth[token.start] > 0


def _span_text(clause: _Clause) -> str:
    """The clause's stretch of the sentence, as written (a cheap test before a rule looks closer)."""
    return clause.sentence[clause.tokens[clause.begin].start : clause.tokens[clause.end - 1].end]


def tidy(text: str) -> str:
    """Whitespace normalised, stray punctuation around cuts removed, one final full stop."""
    text = " ".join(text.split())
    text = _SPACE_BEFORE_STOP.sub(r"\1", text)
    text = _DOUBLE_COMMA.sub(",", text)
    text = _EMPTY_PARENS.sub("", text).strip()
    text = _DETACHED_CLOSE.sub(r"\1\2", text.strip(" ,;:-–—"))
    if text and not text.rstrip("\"”')").endswith((".", "!", "?")):
        text += "."
    return text


def _extract_inserts(clause: _Clause, pieces: list[Piece]) -> None:
    """Cut appositives and subject relative clauses out of ``clause``, adding a piece for each."""
    tokens, begin, end = clause.tokens, clause.begin, clause.end
    commas = [i for i in range(begin, end) if tokens[i].text == "," and clause.depth[tokens[i].start] == 0]
    intro = _intro_end(tokens, begin, end)
    for n, c1 in enumerate(commas):
        if c1 < intro or c1 + 1 >= end or clause.cut(tokens[c1].start, tokens[c1].end):
            continue
        nxt = commas[n + 1] if n + 1 < len(commas) else None
        closing = _insert_closing(clause, c1, nxt, intro)
        if closing is None and nxt is not None:
            _cut_named_object(clause, c1, nxt, intro, pieces)
            continue  # more commas follow: a list or a longer construction, leave it alone
        if tokens[c1 + 1].low in {"which", "who"}:
            _cut_relative(clause, c1, closing, intro, pieces)
        elif not _cut_named_subject(clause, c1, closing, intro, pieces):
            _cut_appositive(clause, c1, closing, intro, pieces)


def _extract_quoted_relative(clause: _Clause, pieces: list[Piece]) -> None:
    """A closing relative clause after a quoted term whose comma sits inside the quotes: 'a phenomenon
    known as "structural memory," which refers to X' gives "Structural memory refers to X"."""
    text = _span_text(clause)
    if ',"' not in text and ",”" not in text:
        return
    tokens = clause.tokens
    for q in range(clause.begin + 3, clause.end - 2):
        if not (
            tokens[q].text in {'"', "”"}
            and tokens[q - 1].text == ","
            and tokens[q + 1].low in {"which", "who"}
        ):
            continue
        opening = next(
            (j for j in range(q - 2, max(clause.begin, q - 9) - 1, -1) if tokens[j].text in {'"', "“"}), None
        )
        k = _skip_adverbs(tokens, q + 2)
        if opening is None or k >= clause.end or not (finite_at(tokens, k) or verb_like(tokens[k])):
            return
        if any(clause.cut(t.start, t.end) for t in tokens[q + 1 : clause.end]):
            return
        term = clause.sentence[tokens[opening + 1].start : tokens[q - 2].end]
        stop = tokens[clause.end - 1].end
        body = clause.sentence[tokens[q + 2].start : stop]
        text = tidy(f"{term[:1].upper()}{term[1:]} {body}")
        pieces.append(Piece(text, tokens[q + 2].start, stop, "relative", term))
        clause.cuts.append((tokens[q - 1].start, tokens[q - 1].end))
        clause.cuts.append((tokens[q].end, stop))
        return


def _insert_closing(clause: _Clause, c1: int, nxt: int | None, intro: int) -> int | None:
    """Where the stretch inserted after comma ``c1`` ends: the next comma when the main verb follows it (or
    a preposition, after a name and an indefinite noun phrase); ``None`` when it runs to the clause end."""
    if nxt is None:
        return None
    tokens, end = clause.tokens, clause.end
    after = tokens[c1 + 1]
    k = _skip_adverbs(tokens, nxt + 1)
    listed = k + 1 < end and tokens[k + 1].text in {",", "and", "or"}
    if k < end and (finite_at(tokens, k) or (verb_like(tokens[k]) and not listed)):
        return nxt
    if listed and after.low in {"who", "which"}:
        # "Lawson, which sells snacks, beverages and toiletries, is based in ...": a list inside the clause
        later = [j for j in range(k + 1, end - 1) if tokens[j].text == ","]
        later = [j for j in later if not clause.depth[tokens[j].start]]
        return next((j for j in later if finite_at(tokens, _skip_adverbs(tokens, j + 1))), None)
    if after.low in {"who", "which"} and k < end and tokens[k].low in {"and", "or"}:
        return nxt  # "Barack Obama, who served two terms, and Donald Trump": the next item of a list
    if (
        k < end
        and tokens[k].low in PREPOSITIONS
        and after.low in {"a", "an", "the"}
        and _proper_np_before(tokens, c1, intro) is not None
        and _first_verb(tokens, intro, c1) is not None
    ):
        return nxt  # "agreed to buy Harlan Robotics, a developer of software, for 700 million euros"
    return None


_DEGREE = {"much", "very", "so", "more", "less", "too", "far", "even"}


def _clear_antecedent(tokens: list[Token], head: int) -> bool:
    """Whether the phrase from token ``head`` is what a ", which" clause says something of: not a degree
    phrase ("much stronger, which allows ...")."""
    return tokens[head].low not in _DEGREE


def _person_noun(low: str) -> bool:
    """A common noun for a person or people ("classmate", "officials"), from the lexicon's lists."""
    people = PERSON_NOUNS | TITLES | {"classmate", "friend", "colleague", "partner", "neighbor", "neighbour"}
    return low in people or (low.endswith("s") and low[:-1] in people)


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


def _agrees(tokens: list[Token], head: int, end: int, verb: int) -> bool:
    """Whether the noun heading the phrase from ``head`` agrees in number with ``verb`` ("the result of
    the expression of different genes, which control": "control" is said of the genes, not the result)."""
    noun = next((j - 1 for j in range(head + 1, end) if tokens[j].low in _ATTACHING), end - 1)
    low = tokens[verb].low
    if low in {"are", "were", "have"} or (low in COMMON_VERBS | BASE_VERBS and tokens[verb].text.islower()):
        return _plural_head(tokens[noun])
    if low in {"is", "was", "has"} or verb_like(tokens[verb]):
        return not _plural_head(tokens[noun])
    return True


def _cut_relative(clause: _Clause, c1: int, closing: int | None, intro: int, pieces: list[Piece]) -> None:
    """A subject relative clause after comma ``c1``: ", which develops ..." / ", who founded ..."."""
    tokens = clause.tokens
    stop_tok = closing if closing is not None else clause.end
    k = _skip_adverbs(tokens, c1 + 2)
    if k >= stop_tok or not (finite_at(tokens, k) or verb_like(tokens[k])):
        return
    if tokens[c1 + 1].low == "which" and k + 1 < stop_tok and tokens[k + 1].low in {"it", "them"}:
        # "Everest is the highest mountain, which makes it a popular destination": "it" is the clause's
        # subject, so "which" stands for the whole clause, not for the noun before it
        _cut_clause_relative(clause, c1, k, stop_tok, closing, pieces)
        return
    head = _np_before(tokens, c1, intro)
    if head is None or not _clear_antecedent(tokens, head):
        return
    if all(t.text[:1].isdigit() for t in tokens[head:c1]):
        return  # "cut 500 jobs in 2020, which saved ...": a year or a figure does nothing, the clause does
    if tokens[c1 + 1].low == "which" and _person_noun(tokens[c1 - 1].low):
        # "which" never stands for a person: "a canoe trip with a former classmate, which quickly leads to
        # ..." is said of the trip, the phrase the person's phrase attaches to; with no such phrase it may
        # be said of all that came before, and is no claim of its own
        p = head - 1
        attached = p > intro and tokens[p].low in _ATTACHING | {"with"}
        before = _np_before(tokens, p, intro) if attached else None
        if before is None or _person_noun(tokens[p - 1].low) or not _agrees(tokens, before, c1, k):
            return
        head = before
    if tokens[c1 + 1].low == "which":
        wider = _phrase_head(tokens, head, c1, intro)
        if _agrees(tokens, wider, c1, k):
            head = wider
    antecedent = clause.sentence[tokens[head].start : tokens[c1].start]
    if tokens[c1 + 1].low == "which":
        antecedent = _described_subject(clause, head, c1, k, stop_tok) or antecedent
    body_end = tokens[stop_tok - 1].end
    text = tidy(antecedent + " " + clause.sentence[tokens[c1 + 2].start : body_end])
    pieces.append(Piece(text, tokens[c1 + 2].start, body_end, "relative", antecedent))
    clause.cuts.append((tokens[c1].start, tokens[closing].end if closing is not None else body_end))


def _described_subject(clause: _Clause, head: int, c1: int, k: int, stop: int) -> str | None:
    """The subject a ", which" clause is said of when its antecedent is the whole description after the
    subject's copula: "Python is a programming language, which was created by ..." is said of Python.
    ``None`` when the antecedent is a name or a bare noun ("... is "Attention Is All You Need", which ...",
    "... is compressed air, which ..."), a part of the description, or the clause judges the fact of a
    person ("He is a Dutch painter, which is rare")."""
    tokens = clause.tokens
    if tokens[head].low not in DETERMINERS and not tokens[head].text.endswith(("'s", "’s")):
        return None
    subject = _subject_range(tokens, clause.begin, c1, clause.aside)
    if subject is None or tokens[subject[0]].low in {"he", "she", "i", "we", "you"}:
        return None
    verb = _skip_adverbs(tokens, subject[1])
    if tokens[verb].low not in {"is", "are", "was", "were"} or _skip_adverbs(tokens, verb + 1) != head:
        return None
    if tokens[k].low in _COPULAS and stop - k == 2 and tokens[k + 1].text.islower():
        return None  # "..., which is rare": a judgement of the whole statement
    return clause.text(tokens[subject[0]].start, tokens[subject[1] - 1].end)


def _cut_clause_relative(
    clause: _Clause, c1: int, k: int, stop_tok: int, closing: int | None, pieces: list[Piece]
) -> None:
    """A ", which makes it <noun phrase>" said of the whole clause: "<subject> is <noun phrase>" (cut out
    of the clause); any other such clause stays in the clause's claim, which alone says what it is about."""
    tokens = clause.tokens
    predicate = _made_predicate(tokens, k, stop_tok)
    subject = _subject_range(tokens, clause.begin, c1, clause.aside)
    if predicate is None or subject is None:
        return
    subj_text = clause.text(tokens[subject[0]].start, tokens[subject[1] - 1].end)
    body_end = tokens[stop_tok - 1].end
    text = _made_claim(subj_text, tokens, k, predicate, body_end, clause.sentence, False, "")
    clause.cuts.append((tokens[c1].start, tokens[closing].end if closing is not None else body_end))
    pieces.append(Piece(text, tokens[c1 + 2].start, body_end, "relative", subj_text))


_NAME_LINKS = {"of", "de", "van", "von", "bin", "al", "&"}


def _cut_named_subject(
    clause: _Clause, c1: int, closing: int | None, intro: int, pieces: list[Piece]
) -> bool:
    """A subject described, then named between commas: "TikTok's parent company, ByteDance, is based in
    China" gives "ByteDance is based in China" (the description cut out of the clause) and "ByteDance is
    TikTok's parent company". Only a common noun phrase opening the clause and a name of up to six words
    followed by the clause's verb; "Xiaomi, the maker, ..." (a name first) is an ordinary appositive."""
    if closing is None or c1 - intro < 2:
        return False
    return _cut_described_name(clause, intro, c1, closing, pieces)


def _cut_named_object(clause: _Clause, c1: int, nxt: int, intro: int, pieces: list[Piece]) -> bool:
    """An object described, then named between commas: "transfers made by the world's largest crypto
    exchange, Binance, last year" gives "... made by Binance last year" and "Binance is the world's largest
    crypto exchange" (after a verb or a preposition, a determiner or an owner opening the description)."""
    tokens = clause.tokens
    j = c1 - 1
    while j > intro and tokens[j].text.islower() and (tokens[j].text.isalpha() or "-" in tokens[j].text):
        if tokens[j].low in DETERMINERS | PREPOSITIONS or is_verb(tokens[j]):
            break
        j -= 1
    if tokens[j].text.endswith(("'s", "’s")) and j - 1 > intro and tokens[j - 1].low == "the":
        j -= 1  # "the world's largest exchange"
    owner = any(t.text.endswith(("'s", "’s")) for t in tokens[j:c1])
    # a definite description with an owner or two words ("the capital, Phnom Penh" names too little; "a
    # separate unit, Renova Auto," introduces the name the text goes on with)
    if j >= c1 - 1 or not (tokens[j].low == "the" or owner) or j - 1 < intro or (c1 - j < 3 and not owner):
        return False
    if nxt + 1 < clause.end and tokens[nxt + 1].low in {"who", "which"}:
        return False  # "..., Samir Rao, who allegedly ...": the relative clause is cut at that comma
    before = tokens[j - 1]
    if not (before.low in PREPOSITIONS or is_verb(before)):
        return False
    return _cut_described_name(clause, j, c1, nxt, pieces)


def _cut_described_name(clause: _Clause, a: int, c1: int, closing: int, pieces: list[Piece]) -> bool:
    """The cut of a description (tokens ``[a, c1)``) named between commas ``c1`` and ``closing``: the
    clause keeps the name, a claim says what the name is."""
    tokens = clause.tokens
    if not 0 < closing - c1 - 1 <= 6:
        return False
    name = tokens[c1 + 1 : closing]
    if not is_capitalised(name[0]) or name[0].low in DETERMINERS or not is_capitalised(name[-1]):
        return False
    if not all(is_capitalised(t) or t.low in _NAME_LINKS or t.text in {".", "-"} for t in name):
        return False
    described = tokens[a:c1]
    opener, head = described[0], described[-1]
    owner = opener.text.endswith(("'s", "’s"))
    if not (opener.low in DETERMINERS or owner) or opener.low in {"this", "that"}:
        return False
    if not head.text.isalpha() or not head.text.islower() or head.low in _RELATIVES:
        return False
    if any(t.text in {",", ";", ":", "(", ")"} or is_verb(t) or clause.aside(t) for t in described):
        return False
    name_text = clause.sentence[name[0].start : name[-1].end]
    description = clause.sentence[opener.start : head.end]
    if opener.text[:1].isupper() and opener.low in DETERMINERS:
        description = description[:1].lower() + description[1:]
    copula = "are" if _plural_head(head) else "is"  # as an ordinary appositive: "is", whatever the tense
    text = tidy(f"{name_text} {copula} {description}")
    pieces.append(Piece(text, opener.start, name[-1].end, "appositive", name_text))
    clause.cuts.append((opener.start, name[0].start))
    clause.cuts.append((name[-1].end, tokens[closing].end))
    return True


_PARTICIPLE_PHRASE_OPENERS = AFTER_PARTICIPLE | {"off", "along", "outside", "inside", "beside", "throughout"}


def _cut_appositive(clause: _Clause, c1: int, closing: int | None, intro: int, pieces: list[Piece]) -> None:
    """An appositive after comma ``c1``: "Xiaomi, the world's second-largest smartphone maker, ..."."""
    tokens = clause.tokens
    final = closing is None
    after = tokens[c1 + 1]
    opener = after.low
    possessive = after.text.endswith(("'s", "’s")) and is_capitalised(after)
    # "The novel, published in 1960, won ...": any participle with its phrase before the main verb
    passive = (
        closing is not None
        and after.text.islower()
        and is_participle(after)
        and tokens[c1 + 2].low in _PARTICIPLE_PHRASE_OPENERS
    )
    if not (opener in APPOSITIVE_OPENERS or possessive or passive):
        return
    inner = tokens[c1 + 1 : closing if closing is not None else clause.end]
    participial = opener in PARTICIPLE_OPENERS or passive
    if not _appositive_shape(inner, participial) or (final and participial):
        return  # ", led by X." at the end qualifies the whole clause, not a name
    head = _proper_np_before(tokens, c1, intro)
    if head is None and not final:
        subject = _subject_range(tokens, clause.begin, clause.end)
        if subject is not None and subject[1] == c1:
            head = subject[0]
        elif _plain_subject(tokens, intro, c1) and opener not in {"also", "known", "formerly"}:
            # "The ditcher, a flatcar-mounted crane, was invented ...": the clause's own subject (an alias,
            # "X, also known as Y, ...", stays with the name it gives)
            head = intro
    if head is None or (final and opener in {"then", "now", "also"}):
        return
    name = clause.sentence[tokens[head].start : tokens[c1].start]
    app_end = inner[-1].end
    copula = "was" if opener in EVENT_PARTICIPLES else "is"
    if passive and opener not in PARTICIPLE_OPENERS:
        # "published in 1960" happened once; "located in Paris" holds still, in the clause's tense
        verb = _first_verb(tokens, closing, clause.end)
        dated = any(_YEAR.fullmatch(t.text) for t in inner)
        past = dated or opener in MAKING_PARTICIPLES or (verb is not None and _past(tokens[verb]))
        agrees = tokens[verb].low if verb is not None else ""
        plural = agrees in {"are", "were", "have"} or (
            agrees not in {"is", "was", "has"} and _plural_head(tokens[c1 - 1])
        )
        copula = ("were" if plural else "was") if past else ("are" if plural else "is")
    text = tidy(f"{name} {copula} {clause.sentence[inner[0].start : app_end]}")
    # A name with a figure ("COLING 2020") is stated by the clause: the appositive's span starts after it.
    first = inner[0].start if any(c.isdigit() for c in name) else tokens[head].start
    pieces.append(Piece(text, first, app_end, "appositive", name))
    clause.cuts.append((tokens[c1].start, tokens[closing].end if closing is not None else app_end))


def _plain_subject(tokens: list[Token], a: int, b: int) -> bool:
    """Whether tokens ``[a, b)`` can be a clause's subject before an appositive: a few words with no verb,
    pronoun or punctuation."""
    return (
        0 < b - a <= 8
        and not any(
            is_verb(t)
            or t.low in SUBJECT_PRONOUNS | _RELATIVES | PREPOSITIONS  # "Symptoms of the flu, known as H5N1"
            or not (t.text[:1].isalnum() or "-" in t.text)
            for t in tokens[a:b]
        )
    )


def _appositive_shape(inner: list[Token], participial: bool) -> bool:
    """Whether the words of an appositive form a noun phrase (or a participle phrase): short, with no verb
    and no coordination outside a restrictive relative clause."""
    # "the company that acquired Mondeca in 2020": a restrictive relative clause inside is allowed.
    rel = next((n for n, t in enumerate(inner) if t.low in {"that", "who", "which"} and n > 1), len(inner))
    if not inner or rel > 14 or len(inner) > 24:
        return False
    # A participle phrase inside the noun phrase is fine: "the car unit led by founder Lei Jun".
    if any(
        is_verb(t) and not (is_participle(t) and n + 1 < len(inner) and inner[n + 1].low in AFTER_PARTICIPLE)
        for n, t in enumerate(inner[1:rel], start=1)
        if not (participial and t is inner[0])
    ):
        return False
    return participial or not any(t.low in {"and", "or", "but"} for t in inner[:rel])


def _is_life_date(text: str) -> bool:
    """Whether ``text`` is one whole date of a lifespan ("13 April 1944", "c. 1944", "April 1944")."""
    core = re.sub(r"^c\.\s*", "", text.strip())
    dates = extract(core).dates
    return (
        len(dates) == 1 and dates[0].start == 0 and dates[0].end == len(core) and dates[0].first is not None
    )


_PARENTHETICAL = re.compile(r"\s*\([^()]*\)")
_LIFESPAN = re.compile(
    r"(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4})\s*\((?:born\s+|b\.\s*)?"
    r"(?P<d1>[^()–—;]*?\b\d{4})(?:\s*(?:–|—|-|to)\s*(?:died\s+|d\.\s*)?(?P<d2>[^()–—;]*?\b\d{4}))?\s*\)"
)


# "Mutschelleben, Germany (now part of Saale-Holzland-Kreis, Thuringia)": what a place is now.
_NOW_PART = re.compile(
    r"(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})(?P<region>,\s+[A-Z][\w'’ -]*?)?\s*"
    r"\((?P<now>now\s+(?:part\s+of|in|called|known\s+as)\s+[^()]{2,60})\)"
)


def _extract_now_part(clause: _Clause, pieces: list[Piece]) -> None:
    """A parenthesis saying what a place is now ("born in Mutschelleben, Germany (now part of
    Saale-Holzland-Kreis)") gives "Mutschelleben is now part of Saale-Holzland-Kreis", cut out of the
    clause; the name before a country or region it is set off from is the place."""
    if "(now " not in _span_text(clause):
        return
    start, stop = clause.tokens[clause.begin].start, clause.tokens[clause.end - 1].end
    m = _NOW_PART.search(clause.sentence, start, stop)
    if m is None or any(clause.cut(i, i + 1) for i in range(m.start("now"), m.end("now"))):
        return
    now = m.group("now")
    pieces.append(Piece(tidy(f"{m.group('name')} is {now}"), m.start("now"), m.end("now"), "appositive"))
    clause.cuts.append((m.start("now") - 1, m.end("now") + 1))


# A range of years after a name is a lifespan when it spans a life: "(1797-1801)" is a term or a reign.
_MIN_LIFE, _MAX_LIFE = 15, 120


_ROLE_SUFFIXES = ("ist", "er", "or", "ian", "ant", "ent", "ee", "man", "woman")
_ROLE_NOUNS = {"member", "leader", "politician", "child", "student", "teenager", "boy", "girl", "native"}
_NOT_ROLES = {"result", "consequence", "rule", "whole", "matter", "example", "number", "order", "center"}


def _extract_role_intro(clause: _Clause, pieces: list[Piece]) -> None:
    """ "As a physicist, Marie Curie worked on radioactivity": the opening role is a fact of the subject
    ("Marie Curie was a physicist"), cut out of the clause; "As a result, ..." names no role."""
    tokens, a = clause.tokens, clause.begin
    if clause.end - a < 6 or tokens[a].low != "as" or tokens[a + 1].low not in {"a", "an"}:
        return
    comma = next((j for j in range(a + 2, min(clause.end - 2, a + 12)) if tokens[j].text == ","), None)
    if comma is None or any(is_verb(t) or clause.aside(t) for t in tokens[a + 2 : comma]):
        return
    head = next((j - 1 for j in range(a + 3, comma) if tokens[j].low in PREPOSITIONS), comma - 1)
    low = tokens[head].low
    role = _person_noun(low) or low in _ROLE_NOUNS or (len(low) > 4 and low.endswith(_ROLE_SUFFIXES))
    if not role or low in _NOT_ROLES or not tokens[head].text.isalpha():
        return
    subject = _subject_range(tokens, comma + 1, clause.end, clause.aside)
    if subject is None:
        return
    verb = _skip_adverbs(tokens, subject[1])
    name = clause.text(tokens[subject[0]].start, tokens[subject[1] - 1].end)
    plural = name.lower() in {"they", "we"} or _plural_head(tokens[subject[1] - 1])
    if plural:
        return  # "As a team, they ...": a role said of them together
    be = "was" if _past(tokens[verb]) else "is"
    text = tidy(f"{name} {be} {clause.sentence[tokens[a + 1].start : tokens[comma - 1].end]}")
    pieces.append(Piece(text, tokens[a].start, tokens[comma - 1].end, "appositive", name))
    clause.cuts.append((tokens[a].start, tokens[comma].end))


_NAME_WORDS = 4
_FORMER = {"former", "ex", "then"}
_INTERIM = {"acting", "interim", "deputy", "incoming", "outgoing"}


def _title_end(tokens: list[Token], a: int, end: int) -> int | None:
    """Where a title opening a subject at ``a`` ends: its owner ("TikTok's", "Xiaomi", "Ukrainian"), then
    title words ("CEO", "chief executive"), or title words "of" a body ("Chairman of the House Foreign Affairs
    Committee"); ``None`` without an owner or a body, or with an honorific ("Dr.")."""
    i = a
    while i < end and i - a < _NAME_WORDS and is_capitalised(tokens[i]) and tokens[i].low not in TITLES:
        i += 1
        if tokens[i - 1].text.endswith(("'s", "’s")):
            break
    owned = i > a and tokens[a].low not in DETERMINERS
    j = i
    while j < end and tokens[j].low in TITLES:
        if tokens[j].low in HONORIFICS:
            return None
        j += 1
    if j == i:
        return None
    if not owned and j + 2 < end and tokens[j].low == "of":
        k = j + 1 + (tokens[j + 1].low == "the")
        run = k
        while run < min(end, k + 8) and is_capitalised(tokens[run]):
            run += 1
        # the body's name ends at its last head word ("the House Foreign Affairs Committee")
        body = next((m for m in range(run - 1, k - 1, -1) if tokens[m].low in BODY_HEADS), None)
        return None if body is None else body + 1
    return j if owned else None


def _extract_title_before_name(clause: _Clause, pieces: list[Piece]) -> None:
    """ "TikTok's CEO Shou Zi Chew is expected to testify", "Chairman of the House Foreign Affairs Committee
    Michael McCaul traveled to Kyiv": a title written before the subject's name is a fact of that name
    ("Shou Zi Chew is TikTok's CEO"), cut out of the clause."""
    tokens = clause.tokens
    a = _intro_end(tokens, clause.begin, clause.end)
    if clause.end - a < 5 or not is_capitalised(tokens[a]):
        return
    n = _title_end(tokens, a, clause.end)
    if n is None:
        return
    verb = n
    while verb < clause.end and verb - n < _NAME_WORDS and is_capitalised(tokens[verb]):
        if tokens[verb].low in TITLES or not tokens[verb].text.replace("-", "").isalpha():
            return
        verb += 1
    if verb - n < 2 or verb >= clause.end or not finite_at(tokens, verb) or clause.aside(tokens[a]):
        return
    name = clause.sentence[tokens[n].start : tokens[verb - 1].end]
    title = clause.sentence[tokens[a].start : tokens[n - 1].end]
    be = "is"
    if tokens[a].low in _FORMER:
        # "Former President Barack Obama": he was President; "Acting Chief Executive Jane Doe": she is one
        be, title = "was", clause.sentence[tokens[a + 1].start : tokens[n - 1].end]
    elif tokens[a].low in _INTERIM:
        title = title[:1].lower() + title[1:]
    pieces.append(
        Piece(tidy(f"{name} {be} {title}"), tokens[a].start, tokens[verb - 1].end, "appositive", name)
    )
    clause.cuts.append((tokens[a].start, tokens[n].start))


# A role in brackets after a name: "Tom Hanks (voice of Woody)", "Jane Doe (head of research at X)".
_BRACKETED_ROLE = re.compile(
    r"(?P<name>(?-i:[A-Z][\w.'’-]*)(?:\s+(?-i:[A-Z][\w.'’-]*)){0,3})\s+\("
    r"(?P<role>(?:the\s+)?(?-i:[a-z][a-z-]+)(?:\s+(?-i:[a-z][a-z-]+)){0,2}\s+(?:of|for|at)\s+[^()]{2,60}?)\)"
)


_NO_ROLES = {"one", "part", "some", "most", "all", "each", "many", "any", "none"}


def _extract_bracketed_roles(clause: _Clause, pieces: list[Piece]) -> None:
    """ "voice cast members Tom Hanks (voice of Woody) and Tim Allen (voice of Buzz Lightyear)": each role in
    brackets after a name is a fact of the name ("Tom Hanks is the voice of Woody"); the clause keeps it."""
    start, end = clause.tokens[clause.begin].start, clause.tokens[clause.end - 1].end
    if "(" not in clause.sentence[start:end]:
        return
    for m in _BRACKETED_ROLE.finditer(clause.sentence, start, end):
        role = m.group("role")
        if any(c.isdigit() for c in role):
            continue  # the clause, which keeps the brackets, states their figures
        words = role.split()
        if words[0] in ADVERBS or words[0].endswith("ly") or words[0] in _NO_ROLES:
            continue  # "Mutschelleben, Germany (now part of Thuringia)", "(one of the largest)": no role
        if is_participle(tokenize(words[0])[0]):
            continue  # "(born in Paris)", "(seen at right)": no role
        name = m.group("name")
        article = "" if words[0].lower() == "the" else "the "
        pieces.append(Piece(tidy(f"{name} is {article}{role}"), m.start(), m.end(), "appositive", name))


# A place joined to a participle before a name: "Los Angeles-born Johnson", "Boston-based Acme".
_QUOTE_MARK = re.compile(r"[\"“”]")
_POSSESSIVE_END = re.compile(r"['’]s$")
_PLACE_PARTICIPLE = re.compile(
    r"\b(?P<place>(?-i:[A-Z][\w.]*)(?:\s(?-i:[A-Z][\w.]*)){0,2})-(?P<verb>born|based|raised|educated)\s+"
    r"(?P<name>(?-i:[A-Z][\w.'’-]*)(?:\s(?-i:[A-Z][\w.'’-]*)){0,3})"
)
_PLACE_VERBS = {
    "born": "was born in",
    "based": "is based in",
    "raised": "was raised in",
    "educated": "was educated in",
}


def _extract_place_participle(clause: _Clause, pieces: list[Piece]) -> None:
    """ "The family of Los Angeles-born Johnson fought ...": where the name was born (or is based) is a fact
    of its own ("Johnson was born in Los Angeles"), cut out of the clause; a people's adjective
    ("German-born") names no place."""
    start, end = clause.tokens[clause.begin].start, clause.tokens[clause.end - 1].end
    if "-" not in clause.sentence[start:end]:
        return
    for m in _PLACE_PARTICIPLE.finditer(clause.sentence, start, end):
        place = m.group("place")
        if place.lower() in NOT_NAMES or place.lower().endswith(("ian", "ese", "ish")):
            continue
        name = _POSSESSIVE_END.sub("", m.group("name"))
        text = tidy(f"{name} {_PLACE_VERBS[m.group('verb')]} {place}")
        pieces.append(Piece(text, m.start(), m.start("name") + len(name), "appositive", name))
        clause.cuts.append((m.start(), m.start("name")))


_PARTY_LABEL = re.compile(
    r"(?P<name>(?-i:[A-Z][\w.'’-]*)(?:\s(?-i:[A-Z][\w'’-]*)){0,3}),\s(?P<party>[RDI])-"
    r"(?P<state>[A-Z](?:[a-z]+\.?|\.(?:[A-Z][a-z]?\.)))(?=[\s,;.]|$)"
)


def _extract_party_labels(clause: _Clause, pieces: list[Piece]) -> None:
    """A US legislator's party and state after the name ("McCaul, R-Texas, was joined by Reps. Darrell
    Issa, R-Calif., Keith Self, R-Texas, ...") are a fact of the name ("Darrell Issa is a Republican from
    California"), cut out of the clause (and out of the list of names it may be in)."""
    start, end = clause.tokens[clause.begin].start, clause.tokens[clause.end - 1].end
    if "-" not in clause.sentence[start:end]:
        return
    for m in _PARTY_LABEL.finditer(clause.sentence, start, end + 1):
        # "R-Texas." at a sentence's end: the full stop is the sentence's, not an abbreviation's
        written = m.group("state")
        state = US_STATES.get(written) or US_STATES.get(written.rstrip("."))
        if state is None:
            continue
        words = m.group("name").split()
        if words[0].rstrip(".").lower() in LEGISLATOR_TITLES and len(words) > 1:
            words = words[1:]  # "Reps. Darrell Issa"
        name = " ".join(words)
        text = tidy(f"{name} is {PARTIES[m.group('party')]} from {state}")
        stop = m.end("state") - (written not in US_STATES)
        pieces.append(Piece(text, m.start("party"), stop, "appositive", name))
        # "McCaul, R-Texas, was joined": the label's closing comma goes with it before the verb
        after = re.match(r",\s+(?P<word>(?-i:[a-z])\w*)", clause.sentence[stop:])
        closing = after is not None and is_verb(tokenize(after.group("word"))[0])
        clause.cuts.append((m.end("name"), stop + 1 if closing else stop))


_DESTINATIONS = {"home", "there", "abroad", "overseas", "here"}


def _cut_travel_purpose(clause: _Clause) -> None:
    """ "McCaul traveled to Kyiv Tuesday with a delegation to see what is happening on the ground": why
    someone went is an intent, not a fact to check; the claim ends where the purpose starts."""
    tokens = clause.tokens
    verb = _first_verb(tokens, clause.begin, clause.end)
    if verb is None or tokens[verb].low not in TRAVEL_VERBS:
        return
    for j in range(verb + 2, clause.end - 1):
        t = tokens[j]
        if t.text in {",", ";", ":", "(", "-", "–", "—"} or clause.aside(t) or finite_at(tokens, j):
            return
        nxt = tokens[j + 1]
        # a destination reached first ("to Kyiv", "home"): "went on to win" and "went back to work" say no
        # purpose
        reached = any(is_capitalised(x) or x.low in _DESTINATIONS for x in tokens[verb + 1 : j])
        if t.low == "to" and reached and nxt.text.islower() and (nxt.low in COMMON_VERBS | BASE_VERBS):
            begin = j - 2 if tokens[j - 1].low == "order" and tokens[j - 2].low == "in" else j
            clause.cuts.append((tokens[begin].start, tokens[clause.end - 1].end))
            return


def _extract_lifespan(clause: _Clause, pieces: list[Piece]) -> None:
    """A lifespan after a name: "Brian Pendleton (13 April 1944 – 16 May 2001) was ..." gives
    "Brian Pendleton was born on 13 April 1944" and "... died on 16 May 2001", cut out of the main clause."""
    start = clause.tokens[clause.begin].start
    m = _LIFESPAN.match(clause.sentence, start)
    if not m or not all(_is_life_date(d) for d in (m.group("d1"), m.group("d2")) if d):
        return
    years = [int(y) for d in (m.group("d1"), m.group("d2")) if d for y in re.findall(r"\d{4}", d)[-1:]]
    if len(years) == 2 and not _MIN_LIFE <= years[1] - years[0] <= _MAX_LIFE:
        return  # "Hillary Clinton (2017-2021)": a term of office, not a life
    name = m.group("name")
    for group, verb in (("d1", "was born"), ("d2", "died")):
        when = m.group(group)
        if not when:
            continue
        preposition = "in" if re.fullmatch(r"(?:c\.\s*)?\d{4}", when.strip()) else "on"
        pieces.append(
            Piece(
                tidy(f"{name} {verb} {preposition} {when.strip()}"), m.start(group), m.end(group), "lifespan"
            )
        )
    clause.cuts.append((m.end("name"), m.end()))


def _predicate_noun(clause: _Clause, room: int) -> tuple[tuple[int, int], int] | None:
    """The subject and copula of "X is a|the|one|Y's <noun> ..." with at least ``room`` tokens after the
    copula, else ``None``."""
    tokens = clause.tokens
    subject = _subject_range(tokens, clause.begin, clause.end, lambda t: clause.cut(t.start, t.end))
    if subject is None:
        return None
    verb = subject[1]
    while verb < clause.end and (
        clause.cut(tokens[verb].start, tokens[verb].end) or tokens[verb].low in ADVERBS
    ):
        verb += 1
    if verb + room >= clause.end or tokens[verb].low not in {"is", "was", "are", "were"}:
        return None
    det = tokens[verb + 1]
    determined = det.low in {"a", "an", "the", "one"} or det.text.endswith(("'s", "’s"))
    if not determined and (
        tokens[verb].low not in {"are", "were"} or not _bare_plural(tokens, verb + 1, clause.end)
    ):
        return None
    return subject, verb


def _bare_plural(tokens: list[Token], i: int, end: int) -> bool:
    """Whether a plural noun with no determiner opens at ``i`` ("are ripples in ...", "are small rocky
    bodies that ..."): up to two lower-case modifiers, then a plural head followed by a phrase or a
    relative; not an adjective ("are responsible for"), a participle ("are made of") or a function word."""
    closed = DETERMINERS | PREPOSITIONS | ADVERBS | SUBJECT_PRONOUNS | _RELATIVES | AUX
    for j in range(i, min(i + 3, end - 1)):
        t = tokens[j]
        if not t.text.isalpha() or not t.text.islower() or t.low in closed or is_verb(t) or is_participle(t):
            return False
        if t.low.endswith("ing") or _ly_adverb(t):
            return False
        following = tokens[j + 1].low
        if _plural_head(t) and (following in PREPOSITIONS or following in _RELATIVES):
            return True
    return False


def _adjective_comma(tokens: list[Token], j: int) -> bool:
    """Whether the comma at ``j`` separates two adjectives of one noun ("a modern, multi-paradigm
    language"): a lower-case word on each side that is no verb, participle or function word."""
    if j + 2 >= len(tokens):
        return False
    closed = DETERMINERS | PREPOSITIONS | ADVERBS | SUBJECT_PRONOUNS | _RELATIVES | {"and", "or", "but"}

    def adjective(t: Token) -> bool:
        participle = is_participle(t) and "-" not in t.text  # "family-owned" is an adjective
        return t.text[:1].islower() and t.low not in closed and not is_verb(t) and not participle

    nxt = tokens[j + 2]
    return adjective(tokens[j - 1]) and adjective(tokens[j + 1]) and nxt.text[:1].isalpha()


def _extract_participle(clause: _Clause, pieces: list[Piece]) -> None:
    """Split "X is a film directed by Z" into "X is a film" and "X was directed by Z" (a participle of making
    states a past act; others keep the clause's tense: "X is a firm owned by Z" -> "X is owned by Z")."""
    tokens = clause.tokens
    skip = lambda t: clause.cut(t.start, t.end)  # noqa: E731
    found = _predicate_noun(clause, 2)
    if found is None:
        return
    subject, verb = found
    for j in range(verb + 2, min(clause.end - 1, verb + 12)):
        t = tokens[j]
        if t.text == "," and _adjective_comma(tokens, j):
            continue  # "a modern, multi-paradigm language developed by X"
        closing = t.text == "," and j + 2 < clause.end and not clause.depth[t.start]
        if closing and is_participle(tokens[j + 1]) and tokens[j + 2].low in AFTER_PARTICIPLE:
            continue  # "a lattice tower in Paris, named after Gustave Eiffel": said of the subject too
        if closing and _place_tail(clause, j) > j:
            continue  # "in Paris, France": a place's country is part of the phrase
        if t.text in {",", ";", ":", "(", "and", "or"} or skip(t):
            return
        if is_participle(t) and "-" not in t.text:  # "a family-owned firm": an adjective
            if tokens[j + 1].low not in AFTER_PARTICIPLE or tokens[j - 1].low in PREPOSITIONS | AUX:
                return
            stop = j + 1
            while stop < clause.end and not skip(tokens[stop]):
                if tokens[stop].text == ";":
                    break
                if tokens[stop].text == ",":
                    # "in Melbourne, Victoria, Australia": a place's region or country is part of the phrase.
                    tail = _place_tail(clause, stop)
                    if tail == stop:
                        break
                    stop = tail
                    continue
                stop += 1
            subj_text = clause.text(tokens[subject[0]].start, tokens[subject[1] - 1].end)
            copula = tokens[verb].low
            # "a language developed by X": a past act; "a hormone produced by the pancreas", "by cells": a
            # kind's agent, which still does it
            after = tokens[j + 2 : j + 4] if tokens[j + 1].low == "by" else []
            generic = bool(after) and (
                after[0].text.islower()
                and after[0].low not in DETERMINERS
                or (after[0].low == "the" and len(after) > 1 and after[1].text.islower())
            )
            if t.low in MAKING_PARTICIPLES and copula in {"is", "are"} and not generic:
                copula = {"is": "was", "are": "were"}[copula]
            # "a technique commonly used in X": the adverb goes with the participle.
            first = j - 1 if tokens[j - 1].low.endswith("ly") and j - 1 > verb + 2 else j
            begin, finish = tokens[first].start, tokens[stop - 1].end
            phrase = clause.sentence[begin:finish]
            pieces.append(Piece(tidy(f"{subj_text} {copula} {phrase}"), begin, finish, "participle"))
            clause.cuts.append((tokens[first - 1].end, tokens[stop - 1].end))
            return
        if is_verb(t):
            return


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


_RELATIVES = {"who", "which", "that"}
# Nouns that need their "of" phrase: "a number of people" is not "a number".
_OF_NOUNS = {
    "number", "lot", "variety", "range", "kind", "type", "sort", "series", "group", "set", "couple", "pair",
    "member", "part", "total", "share", "majority", "minority", "percentage", "portion", "amount", "piece",
    "form", "collection", "mix", "combination", "list", "handful", "host", "wealth", "bit", "cut", "unit",
}  # fmt: skip
_RANKS = {
    "senior", "junior", "chief", "former", "principal", "lead", "assistant", "associate", "deputy", "vice",
    "executive", "general", "managing", "head", "acting", "interim", "visiting", "adjunct", "emeritus",
}  # fmt: skip
_STACK_PREPOSITIONS = {"for", "of", "in", "at", "from", "with", "on", "about", "by", "within"}


def _modifier_stack(clause: _Clause, det: int) -> int | None:
    """The preposition after "a <modifiers> <noun>" that opens at token ``det`` ("a Java-based library |
    for ..."), when at least one modifier stands before the noun; else ``None``."""
    tokens = clause.tokens
    for p in range(det + 1, min(clause.end, det + 6)):
        t = tokens[p]
        if clause.cut(t.start, t.end) or clause.depth[t.start]:
            return None
        if t.low == "of" and tokens[p - 1].low not in PERSON_NOUNS | TITLES:
            # An "of" phrase completes a thing's noun ("a blue solution of copper sulfate", "a cut of meat"):
            # the noun without it ("a blue solution") states nothing to check; a person's role stands alone
            # ("a distinguished professor | of economics").
            return None
        if t.low in _STACK_PREPOSITIONS:
            head = tokens[p - 1]
            verbal = is_verb(head) or is_participle(head) or head.low.endswith("ed")
            noun = not verbal and head.low not in _OF_NOUNS
            # "a senior researcher at X": a rank is part of the title, not a separate fact.
            ranks = all(tokens[j].low in _RANKS for j in range(det + 1, p - 1))
            return p if p - det >= 3 and noun and not ranks else None
        hyphenated = "-" in t.text and t.text[:1].isalpha()
        if not (t.text[:1].islower() or hyphenated) or t.text in {",", ";", ":", "(", "and", "or"}:
            return None
        if t.low in DETERMINERS | ADVERBS | AUX or any(c.isdigit() for c in t.text):
            return None
    return None


def _place_tail(clause: _Clause, stop: int) -> int:
    """``stop`` moved past the regions of a place that end just before it ("in Paris | , France", "in
    Melbourne | , Victoria, Australia"): each a comma, then up to three capitalised words up to the next
    comma or the clause end."""
    tokens = clause.tokens
    while stop + 1 < clause.end and tokens[stop].text == "," and is_capitalised(tokens[stop - 1]):
        j = stop + 1
        while j < clause.end and is_capitalised(tokens[j]) and not clause.cut(tokens[j].start, tokens[j].end):
            j += 1
        if not (stop + 1 < j <= stop + 4 and (j == clause.end or tokens[j].text in {",", ";"})):
            break
        stop = j
    return stop


def _extract_modifier_stack(clause: _Clause, pieces: list[Piece]) -> None:
    """Split "X is a Java-based library for data visualization" into "X is a Java-based library" and "X is
    a library for data visualization": the noun's modifiers and its phrase are two facts."""
    tokens = clause.tokens
    found = _predicate_noun(clause, 3)
    if found is None or tokens[found[1] + 1].low not in {"a", "an"}:
        return
    subject, verb = found
    p = _modifier_stack(clause, verb + 1)
    if p is None:
        return
    stop = p + 1
    while (
        stop < clause.end
        and tokens[stop].text not in {",", ";", ":"}
        and not clause.cut(tokens[stop].start, tokens[stop].end)
    ):
        stop += 1
    stop = _place_tail(clause, stop)
    head = tokens[p - 1].text
    article = "an" if head[:1].lower() in "aeio" else "a"
    subj_text = clause.text(tokens[subject[0]].start, tokens[subject[1] - 1].end)
    phrase = clause.sentence[tokens[p].start : tokens[stop - 1].end]
    text = tidy(f"{subj_text} {tokens[verb].text} {article} {head} {phrase}")
    pieces.append(Piece(text, tokens[p].start, tokens[stop - 1].end, "modifier", subj_text))
    clause.cuts.append((tokens[p - 1].end, tokens[stop - 1].end))


# Adjectives that open a closing phrase about the subject: "It is the fastest animal, capable of ...".
_PREDICATE_ADJECTIVES = {
    "capable", "able", "unable", "responsible", "known", "famous", "notable", "similar", "comparable",
    "equivalent", "popular", "available", "eligible", "rich", "prone", "vulnerable", "resistant", "sensitive",
    "essential", "necessary", "important", "useful", "common", "native", "endemic", "unique", "critical",
}  # fmt: skip


def _copula_for(tokens: list[Token], verb: int, subject: tuple[int, int]) -> str:
    """The copula that agrees with a clause's verb and subject: "is", "are", "was" or "were"."""
    low = tokens[verb].low
    plural = low in {"are", "were", "have"} or tokens[subject[1] - 1].low in {"they", "we"}
    past = low in {"was", "were", "had", "did"} or (low.endswith("ed") and low not in AUX)
    return ("were" if plural else "was") if past else ("are" if plural else "is")


def _extract_adjective_phrase(clause: _Clause, pieces: list[Piece]) -> None:
    """A closing adjective phrase says a fact of the subject: "It is the fastest animal, capable of
    reaching 240 mph" gives "It is capable of reaching 240 mph"."""
    tokens = clause.tokens
    skip = lambda t: clause.cut(t.start, t.end)  # noqa: E731
    subject = _subject_range(tokens, clause.begin, clause.end, skip)
    if subject is None or tokens[subject[0]].low in _DEMONSTRATIVES - {"it", "they"}:
        return
    verb = subject[1]
    for c in range(verb + 2, clause.end - 2):
        t = tokens[c]
        if t.text != "," or clause.depth[t.start] or skip(t):
            continue
        if tokens[c + 1].low not in _PREDICATE_ADJECTIVES or tokens[c + 2].low not in PREPOSITIONS:
            continue
        if _first_verb(tokens, c + 1, clause.end) is not None:
            return
        stop = tokens[clause.end - 1].end
        subj_text = clause.text(tokens[subject[0]].start, tokens[subject[1] - 1].end)
        copula = _copula_for(tokens, _first_verb(tokens, verb, c) or verb, subject)
        text = tidy(f"{subj_text} {copula} {clause.sentence[tokens[c + 1].start : stop]}")
        pieces.append(Piece(text, tokens[c + 1].start, stop, "adjective", subj_text))
        clause.cuts.append((t.start, stop))
        return


_DEMONSTRATIVES = {"this", "that", "these", "those", "it", "they"}


# "-ing" words after a comma that are not a verb's participle ("including", "according to"...).
_NOT_PARTICIPIAL = {
    "including", "according", "following", "regarding", "meaning", "concerning", "depending", "excluding",
    "during", "nothing", "something", "everything", "anything", "being", "notwithstanding", "pending",
    "morning", "evening", "spring", "thing", "king", "string", "ceiling", "building", "meeting", "ring",
    "wedding",
}  # fmt: skip


_OBJECT_PARTICIPLES = {"ranging", "varying", "totaling", "totalling", "numbering", "averaging", "amounting"}
# Participles that describe a work: after a copula it is the subject ("is their second album, featuring X"),
# after another verb its object ("was adapted into a film in 1962, starring Gregory Peck").
_CAST_PARTICIPLES = {"starring", "featuring"}


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


_MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december",
}  # fmt: skip


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
# Items of an example list that name nothing ("..., and more").
_LIST_FILLERS = {"more", "others", "many more", "many others", "etc", "so on", "much more", "the like"}
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
    if j < stop and tokens[j].low in PREPOSITIONS:
        j += 1
    elif j + 1 < stop and tokens[j].low not in DETERMINERS and tokens[j + 1].low in PREPOSITIONS:
        j += 2
        if j < stop and tokens[j - 1].low == "to" and tokens[j].low in COMMON_VERBS | BASE_VERBS:
            j += 1  # "uses ads to | influence | preferences and behavior": the verb of a purpose
    return j if j < stop else None


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


def _conjunctions(clause: _Clause) -> list[tuple[int, int]]:
    """(conjunction's first token, first token after it) of each top-level ``and``, ``but``, ``, while``."""
    tokens = clause.tokens
    depth = clause.depth
    out = []
    for i in range(clause.begin + 1, clause.end - 1):
        t = tokens[i]
        if depth[t.start] or clause.cut(t.start, t.end):
            continue
        if t.low == "but" and tokens[i + 1].low == "not":
            # "on Earth but not on Neptune": an alternative denied (see _but_not); "but not everyone can":
            # the negation belongs to what follows, which is left whole
            continue
        if t.low in {"and", "but"} or (t.low == "or" and _alternative_objects(tokens, clause.begin, i)):
            start = i - 1 if tokens[i - 1].text == "," else i
            out.append((start, i + 1))
        elif t.low in {"while", "whereas"} and tokens[i - 1].text == ",":
            out.append((i - 1, i + 1))
        elif _as_well_as(tokens, i, clause.end):
            out.append((i - 1 if tokens[i - 1].text == "," else i, i + 3))
    return out


_NOT_AFTER_AS_WELL_AS = {"possible", "ever", "before", "usual", "expected", "planned", "hoped", "needed"}


def _as_well_as(tokens: list[Token], i: int, end: int) -> bool:
    """Whether "as well as" at token ``i`` joins two things ("makes phones as well as laptops"), not a
    comparison ("played as well as expected", "as well as he could")."""
    if i + 3 >= end or [t.low for t in tokens[i : i + 3]] != ["as", "well", "as"]:
        return False
    after = tokens[i + 3]
    if after.low in _NOT_AFTER_AS_WELL_AS or after.low in SUBJECT_PRONOUNS | {"to"} or is_verb(after):
        return False  # "as well as to measure X": a verb phrase, left whole
    return after.text[:1].isalnum() and not _ly_adverb(after) and not after.low.endswith("ing")


def _alternative_objects(tokens: list[Token], begin: int, i: int) -> bool:
    """Whether the "or" at token ``i`` joins two things ("similar to 7-Eleven or Family Mart") rather than
    numbers ("two or three"), a fixed phrase ("or more", "whether or not") or an "either ... or"."""
    if i + 1 >= len(tokens):
        return False
    after, before = tokens[i + 1], tokens[i - 1]
    if after.low in {"more", "less", "so", "fewer", "not", "other", "otherwise", "else"}:
        return False
    if _NUMBER.fullmatch(after.text) or _NUMBER.fullmatch(before.text):
        return False
    return not any(t.low in {"either", "whether"} for t in tokens[begin:i])


@dataclass
class _Split:
    """One clause being split at its conjunctions: the segments closed so far and the one still open.

    A segment is ``(first token, end token, prefix)``: the prefix is the shared text written before the
    segment's own words in its claim ("Xiaomi " before "plans to start production").
    """

    clause: _Clause
    subject: tuple[int, int] | None
    subject_text: str
    intro: int
    start: int
    prefix: str = ""
    list_prefix: str | None = None
    segments: list[tuple[int, int, str]] = field(default_factory=list)
    # the open segment is a second object whose prefix holds the verb ("He has published in A and | B")
    after_object: bool = False

    def cut(self, token: Token) -> bool:
        """Whether ``token`` lies in a stretch cut out of the clause (an appositive, a relative clause)."""
        return self.clause.cut(token.start, token.end)

    def close(self, end: int, prefix: str | None = None) -> None:
        """Close the open segment at token ``end``."""
        self.segments.append((self.start, end, self.prefix if prefix is None else prefix))

    def reopen(
        self, start: int, prefix: str, list_prefix: str | None = None, after_object: bool = False
    ) -> None:
        """Open the next segment at token ``start`` with ``prefix``."""
        self.start, self.prefix, self.list_prefix = start, prefix, list_prefix
        self.after_object = after_object

    def has_verb(self, end: int, k: int) -> bool:
        """Whether the open segment up to token ``end`` holds a verb, or its prefix does (a second object)
        and word ``k`` after the conjunction is surely a verb: an auxiliary or an "-s" form ("and has
        received", "and sells"; not "classic and established writers")."""
        tokens = self.clause.tokens
        if _first_verb(tokens, self.start, end) is not None:
            return True
        return self.after_object and (tokens[k].low in AUX or verb_like(tokens[k]))

    def shared_intro(self) -> str:
        """The intro adverbial every piece repeats ("In 2021, ")."""
        tokens = self.clause.tokens
        begin = self.clause.begin
        return (
            self.clause.sentence[tokens[begin].start : tokens[self.intro].start] if self.intro > begin else ""
        )

    def figures(self, a: int, b: int) -> int:
        """The quantities and dates of tokens ``[a, b)`` (a number inside a name like "X-15" is not one)."""
        if b <= a:
            return 0
        tokens = self.clause.tokens
        text = self.clause.text(tokens[a].start, tokens[b - 1].end)
        count = 0
        for m in find_mentions(text):
            before = text[: m.start].rstrip()
            last_word = before.split()[-1] if before.split() else ""
            if m.kind == "number" and (before.endswith("-") or last_word[:1].isupper()):
                continue
            count += 1
        return count


@dataclass(frozen=True)
class _Conjunction:
    """A top-level conjunction of a clause: where it starts, the first word after it (adverbs skipped) and
    where the next conjunction (or the clause) ends."""

    start: int
    after: int
    next_word: int
    limit: int


def _is_range(split: _Split, conj: _Conjunction) -> bool | None:
    """ "between X and Y", "both X and Y" without a verb: a range or a pair, not a coordination."""
    tokens = split.clause.tokens
    left = range(split.start, conj.start)
    if any(tokens[j].low in {"between", "both"} for j in left) and not any(is_verb(tokens[j]) for j in left):
        return True
    # "could hold between 50,000 and 80,000 spectators": "between" just before, after the verb
    near = range(conj.start - 1, max(split.start, conj.start - 4) - 1, -1)
    if any(tokens[j].low == "between" for j in near) and _NUMBER.match(tokens[conj.next_word].text):
        return True
    return None


def _reported_speech(split: _Split, conj: _Conjunction) -> bool | None:
    """ "X said it had no plans ... and would keep ...", "X said A and that B": both keep "X said"."""
    if split.prefix:
        return None
    reported = _reported_prefix(split.clause, split.subject, split.start, conj.start, conj.next_word)
    if reported is None:
        return None
    split.close(conj.start)
    split.reopen(conj.next_word, reported + " ")
    return True


_DEMONYM_ENDINGS = ("an", "ese", "ish", "i", "ic", "ch")


def _demonym(token: Token) -> bool:
    """A capitalised word shaped like a people's adjective ("Israeli", "Palestinian", "Chinese")."""
    return token.text[:1].isupper() and token.text[1:].islower() and token.low.endswith(_DEMONYM_ENDINGS)


def _shared_modifiers(tokens: list[Token], conj: _Conjunction) -> bool:
    """ "Israeli and Palestinian officials": two adjectives of peoples before one noun, no two items."""
    before, k = conj.start - 1, conj.next_word
    return (
        k + 1 < conj.limit
        and _demonym(tokens[before])
        and _demonym(tokens[k])
        and tokens[k + 1].text.isalpha()
        and tokens[k + 1].text.islower()
    )


def _compound_name_subject(tokens: list[Token], conj: _Conjunction, end: int) -> bool:
    """ "that Medicare and Social Security are drivers": a name, "and", a name and a plural verb are one
    subject of two names, not a clause after "and"."""
    if not is_capitalised(tokens[conj.start - 1]) or tokens[conj.start].text == ",":
        return False
    k = conj.next_word
    while k < end and is_capitalised(tokens[k]):
        k += 1
    return k > conj.next_word and k < end and tokens[k].low in {"are", "were", "have", "do"}


def _new_clause(split: _Split, conj: _Conjunction) -> bool | None:
    """ "..., and the plant will ...": a clause with its own subject follows."""
    tokens, end = split.clause.tokens, split.clause.end
    if _shared_modifiers(tokens, conj) or _compound_name_subject(tokens, conj, end):
        return None
    # after a comma, unless the conjunction closes a list ("by offering A, B, and ongoing feedback can ...")
    comma = tokens[conj.start].text == "," and not _list_commas(split.clause, split.start, conj.start)
    if _clause_follows(tokens, conj.next_word, end, split.cut, comma) and (
        _first_verb(tokens, split.start, conj.start) is not None
    ):
        split.close(conj.start)
        split.reopen(conj.next_word, "")
        return True
    return None


def _conditional_clause(split: _Split, conj: _Conjunction) -> bool | None:
    """ "..., and once an animal is slaughtered, the cells ...": a clause opened by its condition."""
    tokens, end, k = split.clause.tokens, split.clause.end, conj.next_word
    if tokens[k].low not in _CONDITION_OPENERS | {"once"}:
        return None
    if _first_verb(tokens, split.start, conj.start) is None:
        return None
    comma = next((j for j in range(k + 2, min(conj.limit, k + 20)) if tokens[j].text == ","), None)
    if comma is None or comma + 1 >= end or _first_verb(tokens, k + 1, comma) is None:
        return None
    opener = tokens[comma + 1]
    if not (opener.low in DETERMINERS | SUBJECT_PRONOUNS or is_capitalised(opener)):
        return None
    split.close(conj.start)
    split.reopen(k, "")
    return True


_ASIDE_VERBS = {"keep", "bear", "note", "remember"}


def _imperative_aside(split: _Split, conj: _Conjunction) -> bool | None:
    """ "..., but keep in mind that the Milky Way is vast": what follows "that" is the fact."""
    tokens, k = split.clause.tokens, conj.next_word
    if tokens[k].low not in _ASIDE_VERBS:
        return None
    that = next((j for j in range(k + 1, min(conj.limit, k + 4)) if tokens[j].low == "that"), None)
    if that is None or that + 1 >= conj.limit:
        return None
    split.close(conj.start)
    split.reopen(that + 1, "")
    return True


def _shared_subject(split: _Split, conj: _Conjunction) -> bool | None:
    """ "Xiaomi bought X and plans Y": a verb phrase that shares the subject."""
    tokens, k = split.clause.tokens, conj.next_word
    if (
        tokens[conj.start].text == ","
        and _list_commas(split.clause, split.start, conj.start)
        and not _surely_verb(tokens, k)
    ):
        return None  # "benefits in terms of A, B, and reduced C": the last item of a list
    if not (
        (is_verb(tokens[k]) or _plural_verb(tokens, split.subject, k) or _parallel_s_verb(split, conj))
        and split.subject is not None
        and not is_verb(tokens[conj.start - 1])  # "has directed and created many works": shared object
        and split.has_verb(conj.start, k)  # "has published in A and B and has received C": the subject's
        and (tokens[k].low in REPORTING or not _embedded(tokens, split.subject[1], conj.start, split.cut))
        and not _adjective_after_copula(tokens, split.start, conj.start, k)
    ):
        return None
    split.close(conj.start)
    split.reopen(k, f"{split.shared_intro()} {split.subject_text} ")
    return True


# Pasts of verbs that take no object, so are never a passive's participle ("and later served as mayor").
_INTRANSITIVE_PASTS = {
    "served", "worked", "lived", "died", "moved", "played", "stayed", "remained", "graduated", "retired",
    "returned", "arrived", "travelled", "traveled", "competed", "emigrated", "belonged", "existed",
    "occurred", "happened", "appeared", "participated", "starred", "resigned", "studied", "went", "came",
    "grew", "rose", "fell", "ran", "sat", "stood", "fought", "failed", "succeeded", "peaked", "collapsed",
}  # fmt: skip


def _shared_be(split: _Split, conj: _Conjunction) -> bool | None:
    """Participles sharing the subject and its "be": a list of them ("configurations that can be easily
    managed, tested and deployed", "the vapor is condensed and fed back into the column": one claim per
    participle, a phrase after the last one going with it), or a second passive participle with its own
    phrase ("Python was created by Guido van Rossum and first released in 1991" gives "Python was first
    released in 1991"); an "-ed" word with an object ("was signed in 1919 and ended the war") is the
    subject's own verb."""
    return _participle_list(split, conj) or _second_passive(split, conj)


def _second_passive(split: _Split, conj: _Conjunction) -> bool | None:
    """ "was created by Guido van Rossum and first released in 1991" (see :func:`_shared_be`)."""
    clause = split.clause
    tokens, k = clause.tokens, conj.next_word
    if split.subject is None or tokens[conj.after - 1].low != "and" or k + 1 >= conj.limit:
        return None
    if not (is_participle(tokens[k]) and tokens[k].low not in AUX | _INTRANSITIVE_PASTS):
        return None
    if tokens[k + 1].low not in AFTER_PARTICIPLE or tokens[conj.start].text == ",":
        return None
    if is_participle(tokens[conj.start - 1]):
        return None  # a list of participles: see _participle_list
    be = _skip_adverbs(tokens, split.subject[1])
    if be >= conj.start or tokens[be].low not in _BE - {"be", "being"} or split.start > be:
        return None
    if not is_participle(tokens[_skip_adverbs(tokens, be + 1)]):
        return None  # "was a poet and translated into ...": no passive to share
    adverbs = clause.text(tokens[conj.after].start, tokens[k - 1].end) if k > conj.after else ""
    split.close(conj.start)
    prefix = f"{split.shared_intro()} {split.subject_text} {tokens[be].text} {adverbs} "
    split.reopen(k, prefix)
    return True


def _surely_verb(tokens: list[Token], k: int) -> bool:
    """Whether token ``k`` after ", and" is a verb whatever the commas before ("born in Chicago,
    Illinois, and grew up in ...", "headquartered in Seattle, Washington, and employs over ..."): an
    auxiliary, an irregular past, or an "-ed" / "-s" verb followed by a preposition, a determiner or a
    figure (not "and reduced costs")."""
    t = tokens[k]
    if t.low in AUX or (t.low in IRREGULAR and t.text.islower()):
        return True
    if k + 1 >= len(tokens) or not (t.low.endswith("ed") or verb_like(t)) or not is_verb(t):
        return False
    after = tokens[k + 1]
    return after.low in PREPOSITIONS | DETERMINERS or after.text[:1].isdigit()


def _parallel_s_verb(split: _Split, conj: _Conjunction) -> bool:
    """An "-s" word after "and" that takes an object, when the clause's verb is an "-s" verb too: "The law
    requires a license and limits the reasons" ("limits" is no noun here)."""
    tokens, k = split.clause.tokens, conj.next_word
    if split.subject is None or k + 1 >= split.clause.end:
        return False
    verb = _first_verb(tokens, split.subject[1], conj.start)
    # "and features a display": a noun-like "-s" word right before "a" is a verb
    counted = tokens[k + 1].text[:1].isdigit()  # "and features 32 teams"
    noun_like = tokens[k].low in NOUN_LIKE_S_FORMS and tokens[k + 1].low not in {"a", "an"} and not counted
    if verb is None or not verb_like(tokens[k]) or noun_like:
        return False
    if (tokens[k + 1].low in _OBJECT_OPENERS or counted) and (
        verb_like(tokens[verb]) or not _plural_head(tokens[split.subject[1] - 1])
    ):
        # not "meanings and interpretations that ..."; "The iPhone was released in 2022 and features a
        # 6.1-inch display": after a singular subject an "-s" word with an object is its verb
        return True
    if not verb_like(tokens[verb]):
        return False
    # "Water boils at 100 degrees and freezes at 0 degrees": two verbs each with a preposition, not a
    # plural noun after another ("consists of proteins and lipids in membranes")
    return (
        tokens[_skip_adverbs(tokens, verb + 1)].low in PREPOSITIONS
        and tokens[k + 1].low in PREPOSITIONS
        and not verb_like(tokens[conj.start - 1])
    )


_OBJECT_OPENERS = {"a", "an", "the", "its", "their", "his", "her", "our", "your", "my"}


def _plural_verb(tokens: list[Token], subject: tuple[int, int] | None, k: int) -> bool:
    """A common verb's base form after "and" when the subject is plural ("stores sell X and carry Y")."""
    if subject is None or tokens[k].low not in COMMON_VERBS or not tokens[k].text[:1].islower():
        return False
    head = tokens[subject[1] - 1].low
    return head in {"they", "we", "you"} or (len(head) > 3 and head.endswith("s") and not head.endswith("ss"))


def _copula_complement(split: _Split, conj: _Conjunction) -> bool | None:
    """ "X was a British guitarist, and a founder member of Y": X was a founder member of Y."""
    tokens, k = split.clause.tokens, conj.next_word
    one_of = tokens[k].low == "one" and k + 1 < split.clause.end and tokens[k + 1].low == "of"
    if not (
        (tokens[k].low in {"a", "an", "the"} or one_of)
        and split.subject is not None
        and not _embedded(tokens, split.subject[1], conj.start, split.cut)
    ):
        return None
    verbs = [j for j in range(split.start, conj.start) if is_verb(tokens[j]) and not split.cut(tokens[j])]
    if len(verbs) != 1 or tokens[verbs[0]].low not in {"is", "was", "are", "were"}:
        return None
    if tokens[_skip_adverbs(tokens, verbs[0] + 1)].low not in {"a", "an", "the"}:
        return None  # "was born in X to a mother ..., and a father ...": not the copula's complement
    split.close(conj.start)
    split.reopen(k, f"{split.shared_intro()} {split.subject_text} {tokens[verbs[0]].text} ")
    return True


# Verbs that frame a reported clause ("found that", "suggest that") whose own modal its verbs may share.
_FRAMING_VERBS = REPORTING | {
    "say", "find", "finds", "found", "show", "shows", "showed", "suggest", "suggests", "suggested",
    "indicate", "indicates", "indicated", "believe", "argue", "claim", "estimate", "predict", "warn",
}  # fmt: skip


def _modal_before_base(split: _Split, conj: _Conjunction) -> bool | None:
    """A base form after "and" when a modal opens the first verb phrase ("can create X and publish Y"):
    the modal is shared, not only the subject."""
    tokens, k = split.clause.tokens, conj.next_word
    if tokens[k].low not in COMMON_VERBS or is_verb(tokens[k]) or split.subject is None:
        return None
    verb = _first_verb(tokens, split.subject[1], conj.start)
    if verb is not None and tokens[verb].low in _FRAMING_VERBS:
        # "The study found that exercise can reduce X and improve Y": the modal of the reported clause
        verb = next((j for j in range(conj.start - 1, verb, -1) if tokens[j].low in MODALS - {"to"}), None)
    if verb is None or tokens[verb].low not in MODALS - {"to"}:
        return None
    if any(tokens[j].low == "to" for j in range(verb + 1, conj.start)):
        return None  # "can go to X and ...": the "to" of a phrase, not a modal's verb
    return _shared_modal(split, conj, common=True)


def _shared_modal(split: _Split, conj: _Conjunction, common: bool = False) -> bool | None:
    """ "plans to invest X and hire Y": share everything up to the last modal or "to" (with ``common``,
    after any common verb's base form: "developers can create charts and publish them")."""
    clause = split.clause
    tokens, k = clause.tokens, conj.next_word
    base = tokens[k].low in BASE_VERBS or (
        common and tokens[k].low in COMMON_VERBS and not is_verb(tokens[k])
    )
    if not (base and tokens[conj.after - 1].low in {"and", "or"}):
        return None
    anchor = next((j for j in range(conj.start - 1, split.start - 1, -1) if tokens[j].low in MODALS), None)
    if anchor is None or split.subject is None:
        return None
    if tokens[anchor].low == "to" and not _verb_after_to(tokens[anchor + 1]):
        return None  # "beat a path to the Museum ... and have kept coming": a preposition, no infinitive
    split.close(conj.start)
    # the open segment's own start: after "..., and it took centuries to spread and become ..." the
    # shared words are the second clause's ("it took centuries to"), not the sentence's
    split.reopen(k, split.prefix + clause.text(tokens[split.start].start, tokens[anchor].end) + " ")
    return True


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


_BE = {"be", "been", "being", "is", "are", "was", "were"}


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


def _second_item_start(tokens: list[Token], verb: int, conj_start: int, opener: Token) -> int | None:
    """Where the first of two coordinated objects starts, from how the second one opens: at the same
    preposition ("in A and in B"), at the determiner of a phrase not inside an "of" phrase ("a degree from
    A and a doctorate from B"), or after the last verb or preposition ("focuses on A and B")."""
    floor = _object_start(tokens, verb, conj_start)
    if floor is None:
        return None
    if opener.low in DETERMINERS:
        # "a positive charge on the atoms and a negative charge on ...": the same determiner opening an
        # object, not one inside its prepositional phrase ("recover the shotgun used in the massacre and
        # the truck")
        same = [j for j in range(floor, conj_start) if tokens[j].low == opener.low]
        outer = [j for j in same if j == floor or tokens[j - 1].low not in PREPOSITIONS]
        if outer:
            return outer[-1]
    for j in range(conj_start - 1, floor - 1, -1):
        low, before = tokens[j].low, tokens[j - 1].low
        if opener.low in PREPOSITIONS:
            if low == opener.low:
                return j
        elif opener.low in DETERMINERS:
            if low in DETERMINERS and before != "of":
                return j
        elif low == "both" and (before in PREPOSITIONS or j == floor):
            return _after_determiners(tokens, j + 1, conj_start)  # "of both Oman and Saudi Arabia"
        elif j == floor or before in PREPOSITIONS:
            # "a blue solution of copper sulfate and solid iron": after "of" the head may be shared,
            # unless the second item is a bare noun of the same shape ("a branch of mathematics and
            # physics") and the head is no mixture of its parts ("a mix of A and B").
            if before != "of" or _of_items(tokens, j, conj_start):
                return _after_determiners(tokens, j, conj_start)
            return None
    if opener.low in PREPOSITIONS and tokens[floor - 1].low == opener.low:
        return floor - 1  # "served as Governor and as a Senator": the verb's own preposition again
    return None


# Heads whose "of A and B" is one thing made of both ("a mixture of sand and clay"), not one fact each.
_JOINT_HEADS = {
    "mix", "mixture", "combination", "blend", "ratio", "balance", "fusion", "merger", "union", "pair",
    "intersection", "comparison", "contrast", "difference", "relationship", "interplay", "marriage", "sum",
    "product", "alliance", "coalition", "partnership", "compound", "hybrid", "cross", "composite", "series",
}  # fmt: skip


def _of_items(tokens: list[Token], j: int, conj_start: int) -> bool:
    """Whether "of" before token ``j`` governs both items of "N of A and B": one-word items ("the laws of
    physics and chemistry", "a branch of mathematics and computer science") after a head that is no mixture,
    the second of at most two words and followed by a phrase, a relative or the end, not by a verb ("where
    people and animals interact") or another alternative ("of gas and dust, or cavities")."""
    head = tokens[j - 2].low if j >= 2 else ""
    if head in _JOINT_HEADS or conj_start - j != 1 or not tokens[j].text.isalpha():
        return False
    if tokens[conj_start].low != "and":
        return False  # "made of plastic or fiberglass": an alternative states neither

    def word(i: int) -> bool:
        t = tokens[i]
        return t.text.isalpha() and t.low not in DETERMINERS | PREPOSITIONS | ADVERBS | _RELATIVES | AUX

    k = conj_start + 1
    for n in (1, 2):
        after = k + n
        if after > len(tokens) or not all(word(i) and not is_verb(tokens[i]) for i in range(k, after)):
            return False
        if after == len(tokens):
            return True
        nxt = tokens[after]
        if nxt.text in {".", ";", ")"} or nxt.low in PREPOSITIONS | _RELATIVES:
            return True
        if nxt.text == ",":
            return after + 1 >= len(tokens) or tokens[after + 1].low not in {"and", "or"}
    return False


def _after_determiners(tokens: list[Token], j: int, stop: int) -> int:
    """Token ``j`` moved past the determiners and possessives that two bare nouns share ("his friend's
    life and death", "a businessman and reality television personality")."""
    k = j
    while k < stop and (tokens[k].low in DETERMINERS or tokens[k].text.endswith(("'s", "’s"))):
        k += 1
    return k if k < stop else j


def _object_item(tokens: list[Token], a: int, b: int) -> bool:
    """A coordinated object: a few words with no verb (an -ed word before a noun is an adjective), no
    clause punctuation and no pronoun."""
    return 0 < b - a <= 14 and not any(
        (is_verb(tokens[j]) and not (tokens[j].low.endswith("ed") and j + 1 < b))
        or tokens[j].text in {",", ";", ":"}
        or tokens[j].low in SUBJECT_PRONOUNS | {"that", "which", "who"}
        for j in range(a, b)
    )


def _parallel(tokens: list[Token], a: int, b: int, c: int, d: int) -> bool:
    """Two alternatives that look alike: both open with a determiner or a name, or have as many words."""

    def opens(i: int) -> bool:
        return tokens[i].low in DETERMINERS or is_capitalised(tokens[i]) or tokens[i].text[:1].isdigit()

    return (opens(a) and opens(c)) or b - a == d - c


_NOUN_SUFFIXES = (
    "man", "men", "er", "or", "ist", "ian", "ity", "ion", "ment", "ness", "ship", "ure", "ism", "ance",
)  # fmt: skip


# Adjectives whose "-er" form is a comparative ("broader"), not a noun in "-er" ("teacher").
_GRADABLE = {
    "broad", "deep", "large", "big", "small", "high", "low", "strong", "weak", "fast", "slow", "old", "young",
    "long", "short", "great", "wide", "narrow", "bright", "dark", "rich", "poor", "cheap", "hot", "cold",
    "warm", "cool", "easy", "heavy", "early", "late", "hard", "soft", "thick", "thin", "tall", "close", "new",
    "clear", "simple", "safe", "quick", "light", "dense", "fine", "loud", "quiet", "smooth", "rough", "tight",
    "loose", "mild", "wise", "happy", "busy", "healthy", "wealthy", "tough", "fresh", "sharp", "calm",
}  # fmt: skip


def _comparative(word: str) -> bool:
    """A gradable adjective's "-er" form: "broader", "larger", "bigger", "easier"."""
    if not word.endswith("er"):
        return False
    stem = word[:-2]
    doubled = stem[:-1] if stem[-1:] == stem[-2:-1] else ""  # "bigger"
    y_form = stem[:-1] + "y" if stem.endswith("i") else ""  # "easier"
    return bool({stem, word[:-1], doubled, y_form} & _GRADABLE)


def _noun_form(word: str) -> bool:
    """A word whose ending makes it a noun ("businessman", "teacher", "scientist"), not an adjective."""
    return len(word) > 4 and word.endswith(_NOUN_SUFFIXES) and not _comparative(word)


def _has_phrase(tokens: list[Token], a: int, b: int) -> bool:
    """Whether an item carries a prepositional phrase after its first word."""
    return any(tokens[j].low in PREPOSITIONS for j in range(a + 1, b))


def _bare_name(tokens: list[Token], a: int, b: int) -> bool:
    """A name with no determiner ("Procter", "Gamble", "Pride"): "Procter and Gamble" may be one name."""
    return is_capitalised(tokens[a]) and tokens[a].low not in DETERMINERS


def _coordinated_objects(split: _Split, conj: _Conjunction) -> bool | None:
    """Two objects of one verb: "He holds a degree from Stanford and a doctorate from Berkeley" gives one
    claim per object. Names without a determiner ("Procter and Gamble") and a second object whose trailing
    phrase may qualify both ("sells the Mi 11 and the Redmi 10 in 2021") are left whole."""
    clause = split.clause
    tokens, k = clause.tokens, conj.next_word
    if (
        split.list_prefix is not None
        or tokens[conj.after - 1].low not in {"and", "or", "as"}
        or (tokens[conj.start].text == "," and tokens[conj.after - 1].low != "as")
    ):
        return None
    verb = _first_verb(tokens, split.start, conj.start)
    if verb is None or is_verb(tokens[k]) or tokens[k].low in ADVERBS or _shared_modifiers(tokens, conj):
        return None
    base = _base_verb_before(tokens, verb, conj.start) if tokens[k].low in COMMON_VERBS | BASE_VERBS else None
    if base is not None:
        # "helps the body absorb calcium and maintain strong bones": two base verbs after one object
        split.close(conj.start)
        split.reopen(k, split.prefix + clause.text(tokens[split.start].start, tokens[base].start) + " ")
        return True
    start = _second_item_start(tokens, verb, conj.start, tokens[k])
    stop = k
    # the second object ends at a comma or where a parenthesis opens ("... the oxygen atom (Eisenberg, 1969)")
    while stop < conj.limit and tokens[stop].text not in {",", ";", ":"} and tokens[stop].text != "(":
        stop += 1
    if (
        start is None
        or any(split.cut(tokens[j]) or clause.depth[tokens[j].start] for j in range(start, stop))
        or not (_object_item(tokens, start, conj.start) and _object_item(tokens, k, stop))
        or (
            _bare_name(tokens, start, conj.start)
            and _bare_name(tokens, k, stop)
            and tokens[start - 1].low != "both"  # "both Oman and Saudi Arabia": two names, not one
        )
    ):
        return None
    if any(tokens[j].low in _CLAUSE_OPENERS for j in range(start - 1, conj.start)):
        return None  # "settings where people and animals interact": the subject of a clause inside
    one = tokens[start].low
    # "cars as well as solar panels": a bare plural is a noun, not one of two adjectives of one noun
    plural = tokens[conj.after - 1].low == "as" and one.endswith("s") and not one.endswith(("ss", "us"))
    adjective = conj.start - start == 1 and tokens[start].text.islower() and not (_noun_form(one) or plural)
    if adjective and stop - k > 1 and tokens[k].low not in DETERMINERS:
        return None  # "new and upcoming authors": two adjectives of one noun
    if tokens[conj.after - 1].low == "or" and not _parallel(tokens, start, conj.start, k, stop):
        return None  # "not to touch dead or sick wild animals"
    if _has_phrase(tokens, k, stop) and not _has_phrase(tokens, start, conj.start):
        return None
    if tokens[k].low == "other":
        return None  # "weather conditions and other factors": the rest of a kind, not a second fact
    if tokens[start - 1].low == "both":
        clause.cuts.append((tokens[start - 1].start, tokens[start].start))  # each claim names one of them
    split.close(conj.start)
    prefix = split.prefix + clause.text(tokens[split.start].start, tokens[start].start) + " "
    split.reopen(k, prefix, after_object=True)
    return True


def _base_verb_before(tokens: list[Token], verb: int, conj_start: int) -> int | None:
    """A verb's base form after the object of ``verb`` ("helps the body | absorb calcium"): a common verb
    after a noun, before the conjunction; ``None`` when there is none."""
    for j in range(conj_start - 2, verb + 1, -1):
        t, before = tokens[j], tokens[j - 1]
        if t.low in COMMON_VERBS | BASE_VERBS and t.text.islower() and not is_verb(t):
            noun_before = before.text.isalpha() and before.low not in DETERMINERS | PREPOSITIONS | ADVERBS
            return j if noun_before and before.low not in AUX and j >= verb + 2 else None
    return None


# Words after which two nouns are the subject of a clause of their own, not objects of the verb before.
_CLAUSE_OPENERS = {
    "where", "when", "whenever", "while", "whereas", "if", "because", "that", "which", "who", "whom",
}  # fmt: skip


def _verb_phrase_opener(tokens: list[Token], k: int, strict: bool = True) -> str | None:
    """ "to" when token ``k`` opens an infinitive ("to ensure"), "ing" when it is a gerund ("ensuring"; a
    listed verb's only, unless not ``strict``: "incorporating"), else ``None``."""
    t = tokens[k]
    if t.low == "to" and k + 1 < len(tokens) and _verb_after_to(tokens[k + 1]):
        return "to"
    if t.low in _NOT_PARTICIPIAL or not t.text.islower():
        return None
    gerund = is_gerund(t) if strict else t.low.endswith("ing") and len(t.low) > 5
    return "ing" if gerund else None


def _coordinated_verb_phrases(split: _Split, conj: _Conjunction) -> bool | None:
    """Two infinitives or gerunds with their own objects: "necessary to address the risks and to ensure
    that they are safe", "involves incorporating feedback and ensuring that X" give one claim each, both
    repeating what comes before the first ("This involves | ensuring that X")."""
    clause = split.clause
    tokens, k = clause.tokens, conj.next_word
    if tokens[conj.after - 1].low != "and":
        return None
    kind = _verb_phrase_opener(tokens, k)
    if kind is None and k + 1 < conj.limit and tokens[k + 1].low in DETERMINERS | {"it", "them"}:
        kind = _verb_phrase_opener(tokens, k, False)  # "and then cooling it": an "-ing" word with an object
    if kind is None:
        return None
    first = next(
        (j for j in range(conj.start - 2, split.start, -1) if _verb_phrase_opener(tokens, j, False) == kind),
        None,
    )
    if first is None or (
        kind == "ing" and not (is_verb(tokens[first - 1]) or tokens[first - 1].low in PREPOSITIONS)
    ):
        return None
    if _first_verb(tokens, split.start, first) is None:
        return None  # "To A and to B, ...": no clause before the verb phrases
    least = 3 if kind == "to" else 2
    if conj.start - first < least or conj.limit - k < least:
        return None  # "for collecting and processing data": one object shared
    if any(
        split.cut(tokens[j]) or clause.depth[tokens[j].start] or tokens[j].text in {";", ":"}
        for j in range(first, conj.limit)
    ):
        return None
    split.close(conj.start)
    split.reopen(k, split.prefix + clause.text(tokens[split.start].start, tokens[first].start) + " ")
    return True


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


_CONNECTIVES = (("as", "such"), ("as", "a", "result"), ("in", "turn"), ("therefore",), ("thus",), ("hence",))


def _skip_connective(tokens: list[Token], k: int, end: int) -> int:
    """Token ``k`` moved past a connective set off by a comma ("and as such, it ...", "and thus, ...")."""
    for words in _CONNECTIVES:
        n = len(words)
        if k + n < end and tuple(t.low for t in tokens[k : k + n]) == words and tokens[k + n].text == ",":
            return k + n + 1
    return k


def _coordinating(clause: _Clause) -> list[_Conjunction]:
    """The conjunctions of a clause that may split it (not those inside a closing attribution)."""
    conjunctions = _conjunctions(clause)
    # A trailing attribution (", the city government and the company said on Saturday") is not split.
    attribution = _trailing_attribution(clause)
    conjunctions = [c for c in conjunctions if c[0] < attribution]
    out = []
    for start, after in conjunctions:
        limit = next((cs for cs, _ in conjunctions if cs > after), clause.end)
        # "and once X, Y": a condition; "A, B and more": the close of a list, no adverb
        k = _skip_adverbs(clause.tokens, after, frozenset({"once", "more"}))
        k = _skip_connective(clause.tokens, k, clause.end)
        if k < clause.end:
            out.append(_Conjunction(start, after, k, limit))
    return out


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


def _trailing_attribution(clause: _Clause) -> int:
    """Where a closing attribution (", the company said on Monday") starts; the clause end if none."""
    tokens = clause.tokens
    for i in range(clause.end - 1, max(clause.begin, clause.end - 14), -1):
        if tokens[i].text == "," and clause.depth[tokens[i].start] == 0:
            rest = tokens[i + 1 : clause.end]
            verb = next((n for n, t in enumerate(rest) if t.low in REPORTING or t.low == "according"), None)
            if (
                verb is not None
                and verb <= 8
                and len(rest) - verb <= 5
                and not any(is_verb(t) or t.low == "that" for t in rest[:verb] + rest[verb + 1 :])
            ):
                return i
            break
    return clause.end


def _reported_prefix(
    clause: _Clause, subject: tuple[int, int] | None, seg_start: int, conj_start: int, k: int
) -> str | None:
    """The shared start of a coordination inside reported speech, or ``None``.

    "Meridian said it had no plans ... and would keep ..." shares "Meridian said it";
    "Xiaomi said it had held talks ... and that it had cash" shares "Xiaomi said".
    """
    tokens = clause.tokens
    if subject is None or tokens[k].low in REPORTING:
        return None
    skip = lambda t: clause.cut(t.start, t.end)  # noqa: E731
    verb = next(
        (j for j in range(subject[1], conj_start) if tokens[j].low in REPORTING and not skip(tokens[j])), None
    )
    if verb is None or any(is_verb(tokens[j]) for j in range(subject[1], verb)):
        return None
    start = tokens[clause.begin].start
    if tokens[k].low == "that":
        return clause.text(start, tokens[verb].end)
    if not is_verb(tokens[k]):
        return None
    inner = verb + 1 + (1 if tokens[verb + 1].low == "that" else 0)
    inner_verb = _first_verb(tokens, inner, conj_start)
    if inner_verb is None or not 1 <= inner_verb - inner <= 6:
        return None
    if any(t.text in {",", ";", ":"} for t in tokens[inner:inner_verb]):
        return None
    return clause.text(start, tokens[inner_verb - 1].end)


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


def _is_name_start(text: str) -> bool:
    word = text.split(" ", 1)[0]
    return word[:1].isupper() and word.lower() not in DETERMINERS | SUBJECT_PRONOUNS | PREPOSITIONS


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
        if k < b and _first_verb(tokens, a, i) is not None and _clause_follows(tokens, k, b):
            stop = i - 1 if comma else i
            if tokens[i - 1].low == "even":  # ", even though X": "even" opens the subordinate clause
                stop = i - 2 if tokens[i - 2].text == "," else i - 1
            return [(a, stop), *_subordinate_ranges(tokens, k, b, depth)]
    return [(a, b)]


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


def _colon_items(clause: _Clause) -> tuple[int, list[tuple[int, int]]] | None:
    """The colon and the items of a list it introduces ("Its albums are: A, B, C and D", "won two
    titles: 1989, 1991"): two or more short, verb-less items separated by commas, else ``None``."""
    tokens, depth = clause.tokens, clause.depth
    colons = (i for i in range(clause.begin + 2, clause.end - 3) if tokens[i].text == ":")
    colon = next((i for i in colons if not depth[tokens[i].start]), None)
    if colon is None or _first_verb(tokens, clause.begin, colon) is None:
        return None
    items, a = [], colon + 1
    for j in range(colon + 1, clause.end):
        if tokens[j].text == "," and not depth[tokens[j].start]:
            items.append((a, j))
            a = j + 1
    items.append((a, clause.end))
    if len(items) == 1:
        items = _counted_pair(tokens, clause, colon)
    if len(items) < 2:
        return None
    last_start, last_end = items[-1]
    if tokens[last_start].low in {"and", "or"}:
        items[-1] = (last_start + 1, last_end)
    elif len(items) >= 2:
        # "red, green and blue": the last item holds the last two (common nouns; "Procter and Gamble" stays)
        joint = [j for j in range(last_start + 1, last_end - 1) if tokens[j].low in {"and", "or"}]
        words = tokens[last_start:last_end]
        if len(joint) == 1 and all(t.text.islower() or t.low in {"and", "or"} for t in words):
            items[-1:] = [(last_start, joint[0]), (joint[0] + 1, last_end)]
    for a, b in items:
        words = tokens[a:b]
        if not 0 < len(words) <= 8 or any(
            t.text in {":", ";"} or (is_verb(t) and t.text[:1].islower()) or clause.cut(t.start, t.end)
            for t in words
        ):
            return None
    return colon, items


_YEAR = re.compile(r"(?:1[5-9]|20)\d\d")
_COUNT_WORDS = {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"}


def _singular_noun(word: str) -> str:
    """A plural noun's singular, by its spelling ("titles" -> "title", "matches" -> "match")."""
    low = word.lower()
    if low.endswith("ies") and len(low) > 4:
        return word[:-3] + "y"
    if low.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if low.endswith("s") and not low.endswith(("ss", "us", "series")):
        return word[:-1]
    return word


def _year_list(clause: _Clause, colon: int) -> tuple[int, list[int]] | None:
    """For a colon after a counted noun ("four league titles: 1989, 1991 and 1998"): the count's token and
    the tokens of the years listed after the colon (two or more, nothing else), else ``None``."""
    tokens = clause.tokens
    count = colon - 1
    while count > colon - 4 and tokens[count].low not in _COUNT_WORDS and not tokens[count].text.isdigit():
        if tokens[count].text in {",", ";"} or is_verb(tokens[count]):
            return None
        count -= 1
    if tokens[count].low not in _COUNT_WORDS and not tokens[count].text.isdigit() or count >= colon - 1:
        return None
    years, j = [], colon + 1
    while j < clause.end and _YEAR.fullmatch(tokens[j].text):
        years.append(j)
        j += 1
        nxt = tokens[j].low if j < clause.end else ""
        if nxt == "," and j + 1 < clause.end and tokens[j + 1].low in {"and", "or"}:
            j += 2
        elif nxt in {",", "and"}:
            j += 1
        else:
            break
    after = years[-1] + 1 if years else clause.end
    if len(years) < 2 or (after < clause.end and tokens[after].text not in {",", ";"}):
        return None
    return count, years


def _article(word: str) -> str:
    """ "a" or "an" before ``word``, by its sound ("an album", "an FA Cup", "a league title")."""
    if word.isupper() and len(word) <= 5:
        return "an" if word[0] in "AEFHILMNORSX" else "a"
    return "an" if word[:1].lower() in "aeio" else "a"


def _extract_year_lists(clause: _Clause, pieces: list[Piece]) -> None:
    """A counted noun listed by year gives one claim per year: "Arsenal won four league titles: 1989, 1991
    and 1998" gives "Arsenal won four league titles", "Arsenal won a league title in 1989", ...; the years
    are cut out of the clause (which is then split as usual: "..., and six FA Cups: 1993, 2002")."""
    if ":" not in _span_text(clause):
        return
    tokens = clause.tokens
    skip = clause.aside
    subject = _subject_range(tokens, clause.begin, clause.end, skip)
    if subject is None:
        return
    verb = _first_verb(tokens, subject[1], clause.end)
    if verb is None:
        return
    for colon in range(verb + 2, clause.end - 2):
        if tokens[colon].text != ":" or skip(tokens[colon]):
            continue
        found = _year_list(clause, colon)
        if found is None:
            continue
        count, years = found
        # The subject and the verb phrase before the object ("Arsenal won", "The band has released").
        head = verb
        while head + 1 < count and (is_verb(tokens[head + 1]) or tokens[head + 1].low in ADVERBS):
            head += 1
        prefix = clause.text(tokens[subject[0]].start, tokens[head].end)
        noun = [t.text for t in tokens[count + 1 : colon]]
        noun[-1] = _singular_noun(noun[-1])
        for y in years:
            text = tidy(f"{prefix} {_article(noun[0])} {' '.join(noun)} in {tokens[y].text}")
            subj_text = clause.text(tokens[subject[0]].start, tokens[subject[1] - 1].end)
            pieces.append(Piece(text, tokens[y].start, tokens[y].end, "item", subj_text))
        clause.cuts.append((tokens[colon].start, tokens[years[-1]].end))


def _counted_pair(tokens: list[Token], clause: _Clause, colon: int) -> list[tuple[int, int]]:
    """ "two programming languages: JavaScript and LiveScript": the count says the "and" joins two items
    (not one name like "Procter and Gamble")."""
    if not any(tokens[j].low in {"two", "2", "both"} for j in range(clause.begin, colon)):
        return []
    joints = [j for j in range(colon + 1, clause.end) if tokens[j].low == "and"]
    joints = [j for j in joints if not clause.depth[tokens[j].start]]
    return [(colon + 1, joints[0]), (joints[0] + 1, clause.end)] if len(joints) == 1 else []


def _colon_list(clause: _Clause) -> list[Piece] | None:
    """One claim per item of a list after a colon, each repeating what introduces the list; the first
    owns the clause's start (and its figures)."""
    found = _colon_items(clause)
    if found is None:
        return None
    colon, items = found
    tokens = clause.tokens
    start = tokens[clause.begin].start
    prefix = clause.text(start, tokens[colon].end)
    if not (is_verb(tokens[colon - 1]) or tokens[colon - 1].low in LIST_ANCHORS | COMMON_VERBS):
        prefix += ":"  # "... to make it more dynamic: JavaScript", but "Its albums are Violator"
    member = _membership(clause, colon)
    pieces = []
    for n, (a, b) in enumerate(items):
        item = clause.text(tokens[a].start, tokens[b - 1].end)
        first = start if n == 0 else tokens[a].start
        text = f"{item} {member}" if member else f"{prefix} {item}"
        pieces.append(Piece(tidy(text[:1].upper() + text[1:]), first, tokens[b - 1].end))
    return pieces


def _membership(clause: _Clause, colon: int) -> str | None:
    """ "is one of Depeche Mode's albums" for a list introduced by "Depeche Mode's albums are:" (a plural
    subject, "are" or "were" before the colon), else ``None``."""
    tokens = clause.tokens
    verb = colon - 1
    if tokens[verb].low not in {"are", "were"} or verb - clause.begin < 2:
        return None
    subject = clause.text(tokens[clause.begin].start, tokens[verb - 1].end)
    head = next((j - 1 for j in range(clause.begin + 1, verb) if tokens[j].low in PREPOSITIONS), verb - 1)
    if not _plural_head(tokens[head]) or any(t.text in {",", ";"} for t in tokens[clause.begin : verb]):
        return None  # "The primary colours of light are:": the head is "colours"
    if tokens[clause.begin].low in _DEMONSTRATIVES or not tokens[verb - 1].text.isalpha():
        return None  # "They are:": nothing to be one of
    owner = (
        subject
        if tokens[clause.begin].text.endswith(("'s", "’s"))
        or is_capitalised(tokens[clause.begin])
        and tokens[clause.begin].low not in DETERMINERS
        else subject[:1].lower() + subject[1:]
    )
    return f"{_SINGULAR_COPULA[tokens[verb].low]} one of {owner}"


_SINGULAR_COPULA = {"are": "is", "were": "was", "have": "has"}
_SINGULAR_S = ("ss", "us", "sis", "ics")  # "glass", "virus", "analysis", "physics"


def _subject_items(clause: _Clause) -> tuple[int, list[tuple[int, int]], int] | None:
    """A subject that lists common nouns ("a star's temperature, size, and luminosity are ..."): the first
    item's token, the items, and the verb; ``None`` for names ("Hoppus and Barker were ...")."""
    tokens = clause.tokens
    start = _intro_end(tokens, clause.begin, clause.end)
    verb = _first_verb(tokens, start, clause.end)
    if verb is None or tokens[verb].low not in _SINGULAR_COPULA:
        return None
    cuts = [j for j in range(start, verb) if clause.cut(tokens[j].start, tokens[j].end)]
    if cuts or any(clause.depth[tokens[j].start] for j in range(start, verb)):
        return None
    if tokens[start].low in _DEMONSTRATIVES:
        return None  # "These gases and dusts": one reference back, not two
    first = start
    while first < verb and (tokens[first].low in DETERMINERS or tokens[first].text.endswith(("'s", "’s"))):
        first += 1  # the determiner and owner the items share
    items, a = [], first
    for j in range(first, verb):
        if tokens[j].text == "," or tokens[j].low in {"and", "or"}:
            if j > a:
                items.append((a, j))
            a = j + 1
    items.append((a, verb))
    if len(items) < 2 or not any(tokens[j].low in {"and", "or"} for j in range(first, verb)):
        return None
    for a, b in items:
        words = tokens[a:b]
        if not 0 < len(words) <= 3 or any(
            is_capitalised(t)
            and not (n == 0 and a == clause.begin)
            or is_verb(t)
            or t.low in DETERMINERS | SUBJECT_PRONOUNS  # "officials suspect they were": a clause of its own
            for n, t in enumerate(words)
        ):
            return None
    return start, items, verb


def _subject_list(clause: _Clause) -> list[Piece] | None:
    """One claim per item of a listed subject, each with the predicate ("A star's temperature, size and
    luminosity are determined by its mass" gives "A star's temperature is determined by its mass", ...).
    The first piece owns the clause's start, the last its predicate."""
    found = _subject_items(clause)
    if found is None:
        return None
    start, items, verb = found
    tokens = clause.tokens
    begin = tokens[clause.begin].start
    shared = clause.text(begin, tokens[items[0][0]].start) if items[0][0] > clause.begin else ""
    after = verb + 1 + (verb + 1 < clause.end and tokens[verb + 1].low in {"all", "both", "each"})
    predicate = clause.text(tokens[after].start, tokens[clause.end - 1].end) if after < clause.end else ""
    if any(t.low in _TOGETHER for t in tokens[after : min(after + 2, clause.end)]):
        return None  # "Coffee and tea are similar": said of them together
    nominal = _predicate_of_one(clause, after) if tokens[verb].low in {"are", "were"} else None
    pieces = []
    for n, (a, b) in enumerate(items):
        item = clause.text(tokens[a].start, tokens[b - 1].end)
        head = tokens[b - 1].low
        plural = head in {"people", "data"} or (head.endswith("s") and not head.endswith(_SINGULAR_S))
        copula = tokens[verb].text if plural else _SINGULAR_COPULA[tokens[verb].low]
        if shared:
            item = item[:1].lower() + item[1:]
        first = begin if n == 0 else tokens[a].start
        last = tokens[clause.end - 1].end if n == len(items) - 1 else tokens[b - 1].end
        # "Coffee and tea are popular beverages": coffee is a popular beverage
        said = nominal if nominal is not None and not plural else predicate
        text = tidy(f"{shared} {item} {copula} {said}")
        pieces.append(Piece(text[:1].upper() + text[1:], first, last))
    return pieces


# Predicates said of two or more together, not of each: "were partners", "are similar", "married".
_COLLECTIVE = {
    "together", "partners", "friends", "married", "related", "similar", "different", "equal", "rivals",
    "neighbours", "neighbors", "siblings", "brothers", "sisters", "colleagues", "co-founders", "allies",
    "twins", "identical", "separate", "alike", "connected", "linked", "close", "distinct", "opposites",
    "the", "one", "a", "an", "two", "three", "four", "five", "both", "among", "between", "in", "at", "on",
}  # fmt: skip


def _name_items(clause: _Clause, start: int, verb: int) -> list[tuple[int, int]] | None:
    """The names listed from ``start`` to ``verb`` ("Earth, Jupiter, and Mars", "Neptune and the Sun"), else
    ``None``; adverbs before the verb ("Xiaomi and BYD also sell") belong to the predicate."""
    tokens = clause.tokens
    # "Both the United States and China are ...": "both" names no one
    a = start + (tokens[start].low == "both")
    while verb > a and tokens[verb - 1].low in ADVERBS:
        verb -= 1
    items = []
    for j in range(a, verb + 1):
        if j == verb or tokens[j].text == "," or tokens[j].low in {"and", "or"}:
            if j > a:
                items.append((a, j))
            a = j + 1
    if len(items) < 2 or not any(tokens[j].low == "and" for j in range(start, verb)):
        return None
    for x, y in items:
        first = x + (tokens[x].low == "the")
        if not 0 < y - first <= 4 or not all(is_capitalised(tokens[j]) for j in range(first, y)):
            return None
    return items


_TOGETHER = {
    "similar",
    "alike",
    "related",
    "connected",
    "linked",
    "identical",
    "different",
    "distinct",
    "equal",
}


def _predicate_of_one(clause: _Clause, after: int) -> str | None:
    """The predicate noun phrase from token ``after`` said of one of several subjects: "popular
    beverages around the world" -> "a popular beverage around the world"; ``None`` when it is no short
    noun phrase or is said of them together ("were partners", "are similar")."""
    tokens = clause.tokens
    phrase = []
    for j in range(after, clause.end):
        if tokens[j].low in PREPOSITIONS | _RELATIVES or not tokens[j].text.isalpha():
            break
        phrase.append(j)
    if (
        not phrase
        or len(phrase) > 4
        or any(
            tokens[j].low in _COLLECTIVE
            or not tokens[j].text.islower()
            or is_verb(tokens[j])
            or is_participle(tokens[j])
            for j in phrase
        )
    ):
        return None
    words = [tokens[j].text for j in phrase]
    if _plural_head(tokens[phrase[-1]]):
        words[-1] = _singular_noun(words[-1])
        words.insert(0, _article(words[0]))
    rest = (
        clause.text(tokens[phrase[-1]].end, tokens[clause.end - 1].end) if phrase[-1] + 1 < clause.end else ""
    )
    return " ".join(words) + (" " + rest if rest else "")


def _name_subjects(clause: _Clause) -> list[Piece] | None:
    """Names sharing a predicate noun or adjective give one claim each: "Neptune and the Sun are gaseous
    bodies without solid surfaces" gives "Neptune is a gaseous body without solid surfaces" and "The Sun is
    ..."; a predicate said of them together ("were partners", "are similar", "formed a band") keeps them."""
    tokens = clause.tokens
    if any(clause.cut(t.start, t.end) for t in tokens[clause.begin : clause.end]):
        return None
    start = _intro_end(tokens, clause.begin, clause.end)
    verb = _bare_verb(tokens, start, clause.end) or _first_verb(tokens, start, clause.end)
    copula = verb is not None and tokens[verb].low in {"are", "were"}
    if verb is None or verb + 1 + copula >= clause.end:
        return None
    # a bracket in the subject hides who is listed; one in a copula's predicate may hold its own claim,
    # while a verb's predicate ("on June 08, 2019") is carried whole into each claim
    inside = tokens[clause.begin : clause.end if copula else verb]
    if any(clause.depth[t.start] for t in inside):
        return None
    items = _name_items(clause, start, verb)
    if items is None:
        return None
    if copula:
        after = verb + 1 + (tokens[verb + 1].low in {"all", "each", "both"})
        nominal = _predicate_of_one(clause, after)
        if nominal is None:
            return None
        predicate = f"{'is' if tokens[verb].low == 'are' else 'was'} {nominal}"
    else:
        predicate = _predicate_of_each(clause, items[-1][1], verb)
        if predicate is None:
            return None
    begin = tokens[clause.begin].start
    intro = clause.text(begin, tokens[start].start) + "," if start > clause.begin else ""
    pieces = []
    for n, (a, b) in enumerate(items):
        name = clause.text(tokens[a].start, tokens[b - 1].end)
        first = begin if n == 0 else tokens[a].start
        last = tokens[clause.end - 1].end if n == len(items) - 1 else tokens[b - 1].end
        text = tidy(f"{intro} {name} {predicate}")
        pieces.append(Piece(text[:1].upper() + text[1:], first, last, "clause", name))
    return pieces


# Verbs said of two or more with one another ("Google and Microsoft merged", "met", "signed an agreement")
_RECIPROCAL_VERBS = {
    "merge", "merged", "meet", "met", "marry", "married", "divorce", "divorced", "date", "dated", "agree",
    "agreed", "collaborate", "collaborated", "cooperate", "cooperated", "partner", "partnered", "compete",
    "competed", "combine", "combined", "unite", "united", "differ", "differed", "disagree", "disagreed",
    "clash", "clashed", "fight", "fought", "negotiate", "negotiated", "talk", "talked", "share", "shared",
    "split", "form", "formed", "co-founded", "co-wrote", "co-authored", "coincide", "coincided", "tie",
    "tied", "overlap", "overlapped", "interact", "interacted", "exchange", "exchanged", "debate", "debated",
}  # fmt: skip
# Words that make a predicate one of them together: "work together", "between", "each other", "a deal"
_JOINT_WORDS = {
    "together", "jointly", "between", "among", "each", "other", "another", "mutual", "respectively",
    "combined", "altogether", "total", "agreement", "agreements", "deal", "deals", "pact", "accord",
    "partnership", "alliance", "merger", "venture", "truce", "ceasefire", "coalition", "joint", "duo", "band",
    "they", "them", "their", "themselves", "we", "us", "our", "both", "rivals", "against", "versus", "vs",
}  # fmt: skip


def _predicate_of_each(clause: _Clause, begin: int, verb: int) -> str | None:
    """The predicate from token ``begin`` (its adverbs, ``verb`` and the rest) said of one of several names,
    its verb made singular ("sell cars" -> "sells cars", "have joined" -> "has joined"); ``None`` when it is
    said of them with one another ("merged", "met", "signed an agreement", "work together") or states an
    amount that may be their sum ("sold 5 million cars")."""
    tokens = clause.tokens
    low = tokens[verb].low
    rest = tokens[verb + 1 : clause.end]
    if low in _RECIPROCAL_VERBS or any(t.low in _JOINT_WORDS or t.low in _RECIPROCAL_VERBS for t in rest):
        return None
    if any(
        t.text[:1].isdigit() and not (len(t.text) == 4 and t.text.isdigit() or tokens[j - 1].low in _MONTHS)
        for j, t in enumerate(rest, verb + 1)
    ):
        return None  # "Xiaomi and BYD sold 5 million cars": perhaps between them; "on June 08" is a date
    known = COMMON_VERBS | BASE_VERBS
    if low in {"is", "was", "be", "been", "being"} or low.endswith("s") and low not in known:
        return None  # a verb already singular: the names are no subject list of it
    if low in known | {"have", "do"}:
        singular = third_person(low)
    elif low in {"don't", "haven't", "aren't", "weren't"}:
        return None  # "Xiaomi and BYD don't sell": rare enough to keep whole
    else:
        singular = tokens[verb].text  # a past ("withdrew") or a modal ("will") says the same of one
    head = clause.text(tokens[begin].start, tokens[verb].start) if begin < verb else ""
    tail = clause.text(tokens[verb].end, tokens[clause.end - 1].end) if rest else ""
    return tidy(f"{head} {singular} {tail}")


def _bare_verb(tokens: list[Token], begin: int, end: int) -> int | None:
    """A plural present verb after the names from ``begin`` ("Xiaomi and BYD sell cars"), which a name
    before it hides from ``finite_at``: the first lower-case word past the names and their "and"s and
    adverbs, when it is a known verb; else ``None``."""
    j = begin
    while j < end and (
        is_capitalised(tokens[j]) or tokens[j].text == "," or tokens[j].low in {"and", "or", "the", "both"}
    ):
        j += 1
    while j < end and tokens[j].low in ADVERBS:
        j += 1
    # "Apple and Google phone sales are": a noun before the verb, not the verb
    if begin < j < end - 1 and tokens[j].low in COMMON_VERBS | BASE_VERBS and tokens[j + 1].low not in AUX:
        return j
    return None


_CLEFT = re.compile(
    r"(?P<det>One|A|An|Another)\s+(?P<np>[^,;:]{2,60}?)\s+(?:who|that)\s+(?P<vp>[^;:]{3,}?)\s+(?P<cop>is|was)\s+"
    r"(?P<name>[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|van|von|of)){0,4})\s*$"
)


def _identification(clause: _Clause) -> list[Piece] | None:
    """ "One Chinese scholar who has served as chair is Ming Zhou" gives "Ming Zhou is a Chinese scholar"
    (spanning the clause) and "Ming Zhou has served as chair" (spanning the relative clause)."""
    tokens = clause.tokens
    start, stop = tokens[clause.begin].start, tokens[clause.end - 1].end
    m = _CLEFT.fullmatch(clause.sentence, start, stop)
    if m is None or any(clause.depth[i] for i in range(m.start("vp"), m.end("vp"))):
        return None
    name, np = m.group("name"), m.group("np")
    article = "an" if np[:1].lower() in "aeio" else "a"
    return [
        Piece(tidy(f"{name} {m.group('cop')} {article} {np}"), start, stop, "clause", name),
        Piece(tidy(f"{name} {m.group('vp')}"), m.start("vp"), m.end("vp"), "relative", name),
    ]


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


def _verb_after_to(token: Token) -> bool:
    """A verb's base form after "to": a lower-case word that is no determiner or number."""
    return token.text[:1].islower() and token.text.isalpha() and token.low not in DETERMINERS


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


def _superlative(token: Token) -> bool:
    """A superlative adjective in "-est" ("largest", "deepest"; not "forest", "interest", "honest")."""
    low = token.low
    return token.text.islower() and len(low) > 5 and low.endswith("est") and low not in _NOT_SUPERLATIVES


_NOT_SUPERLATIVES = {"interest", "contest", "protest", "request", "harvest", "conquest", "honest", "modest"}


def _superlatives(clause: _Clause) -> list[Piece] | None:
    """Two superlatives of one noun: "The Pacific is the largest and deepest ocean on Earth" gives "The
    Pacific is the largest ocean on Earth" and "The Pacific is the deepest ocean on Earth"."""
    tokens = clause.tokens
    own = [t for t in tokens[clause.begin : clause.end] if not clause.aside(t)]
    joins = [n for n, t in enumerate(own) if t.low in {"and", "or", ",", ";", ":"}]
    if len(joins) != 1 or own[joins[0]].low != "and":
        return None
    n = joins[0]
    if not (0 < n < len(own) - 2 and _superlative(own[n - 1]) and _superlative(own[n + 1])):
        return None
    if own[n + 2].text[:1].isupper() or not own[n + 2].text.isalpha() or is_verb(own[n + 2]):
        return None  # "the largest and the deepest": a noun must follow the second one
    first, second = own[n - 1], own[n + 1]
    begin, stop = tokens[clause.begin].start, tokens[clause.end - 1].end
    head = clause.text(begin, first.end)
    tail = clause.text(second.end, stop)
    one = Piece(tidy(f"{head} {tail}"), begin, first.end)
    other = Piece(
        tidy(clause.text(begin, first.start) + " " + clause.text(second.start, stop)), second.start, stop
    )
    return [one, other]


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
