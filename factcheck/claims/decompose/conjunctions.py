"""The conjunctions a clause may be split at and the state of the split: which top-level "and", "but",
"or", ", while" and "as well as" join things (not those of a closing attribution, a number pair or a fixed
phrase), and ``_Split``, the segments closed so far and the one still open, that the coordination rules
read and extend."""

from __future__ import annotations

from dataclasses import dataclass, field

from factcheck.claims.checkworthy import find_mentions
from factcheck.claims.decompose.pieces import _Clause
from factcheck.claims.decompose.words import _NUMBER, _first_verb, _ly_adverb, _skip_adverbs
from factcheck.claims.grammar import Token, is_verb, verb_like
from factcheck.claims.lexicon import AUX, REPORTING, SUBJECT_PRONOUNS


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
