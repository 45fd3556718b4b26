"""Splitting one sentence into atomic claims, by hand-written rules over words and punctuation.

What is split, in this order:

1. independent clauses joined by ``;``;
2. non-restrictive appositives (``Xiaomi, the second-largest smartphone maker, will ...`` gives the extra
   claim ``Xiaomi is the second-largest smartphone maker``) and subject relative clauses
   (``Deepmotion, which develops ..., ...`` gives ``Deepmotion develops ...``), which are cut out of the main
   clause;
3. coordinated clauses (``..., and the plant will ...``), coordinated verb phrases sharing the subject
   (``Xiaomi bought X and plans Y`` gives ``Xiaomi plans Y``) and lists of figures sharing the verb
   (``a team of 300 employees and 8.5 billion euros of funding`` gives one claim per figure).

Every piece keeps a *source span* in the sentence. Spans of the pieces of one sentence never partly overlap:
the pieces of a coordination cover disjoint stretches, and an appositive's or relative clause's span lies
inside the span of the clause it was cut from (whose text no longer states it). So each figure of the
sentence is stated by exactly one piece among those whose span contains it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from factcheck.sources.markup import MONTH_RE

AUX = {
    "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "can", "could", "may",
    "might", "shall", "should", "must", "does", "do", "did", "'s", "won't", "isn't", "wasn't", "hasn't",
}  # fmt: skip
MODALS = {"will", "would", "can", "could", "may", "might", "shall", "should", "must", "to"}
IRREGULAR = {
    "bought", "built", "made", "said", "says", "led", "leads", "began", "begins", "set", "took", "takes",
    "gave", "sold", "paid", "pays", "won", "grew", "grows", "rose", "rises", "fell", "falls", "became",
    "becomes", "held", "holds", "left", "ran", "runs", "got", "gets", "went", "goes", "came", "comes", "saw",
    "sees", "told", "tells", "spent", "spends", "brought", "kept", "keeps", "hit", "cut", "put", "shut",
    "employs", "plans", "aims", "expects", "intends", "wants", "owns", "makes", "builds", "sells",
    "produces", "operates", "includes", "controls", "develops", "designs", "targets", "invests", "opens",
    "starts", "hopes", "needs", "seeks", "remains", "ranks", "supplies", "ships", "offers", "provides",
    "uses", "reports", "announces", "has", "counts", "lists", "owes", "costs", "manufactures",
    "delivers", "hires", "raises", "lost", "found", "meant", "drove", "drives", "wrote", "writes", "thinks",
    "thought", "knew", "knows", "chose", "chooses", "stood", "stands", "met", "meets", "beat", "beats",
    "bet", "bets", "sank", "sinks", "overtook", "overtakes", "heads", "chairs", "joined", "joins",
    "ended", "ends", "launched", "launches", "acquires", "employed", "totals", "exceeds", "reached",
    "reaches", "accounts", "represents", "covers", "returns", "turned", "turns", "lies", "sits",
}  # fmt: skip
BASE_VERBS = {
    "invest", "hire", "build", "open", "start", "produce", "make", "sell", "launch", "begin", "create",
    "develop", "buy", "acquire", "expand", "employ", "spend", "raise", "deliver", "manufacture", "ship",
    "reach", "cut", "add", "set", "run", "lead", "become", "own", "operate", "offer", "provide", "double",
    "triple", "target", "enter", "compete", "challenge", "release", "unveil", "introduce", "complete",
    "finish", "move", "shift", "focus", "grow", "increase", "reduce", "close", "pay", "hold", "take",
    "keep", "give", "get", "have", "be", "fund", "finance", "recruit", "train", "export", "supply",
}  # fmt: skip
DETERMINERS = {
    "the", "a", "an", "its", "his", "her", "their", "our", "this", "that", "these", "those", "some", "many",
    "several", "all", "both", "each", "every", "no", "another", "any", "most", "few",
}  # fmt: skip
SUBJECT_PRONOUNS = {"it", "he", "she", "they", "we", "i", "you"}
PREPOSITIONS = {
    "in", "on", "at", "by", "for", "with", "from", "to", "of", "about", "over", "under", "after", "before",
    "since", "during", "into", "through", "between", "among", "against", "per", "via", "across", "near",
    "within", "without", "around", "like", "than", "as", "until", "toward", "towards", "including",
}  # fmt: skip
ADVERBS = {
    "also", "already", "still", "now", "then", "later", "recently", "reportedly", "currently", "previously",
    "initially", "eventually", "soon", "just", "only", "even", "further", "first", "once", "formally",
    "officially", "jointly", "quickly", "finally", "subsequently", "again", "not", "never", "last",
}  # fmt: skip
DISCOURSE = re.compile(
    r"^(?:(?:however|therefore|thus|meanwhile|moreover|furthermore|indeed|additionally|nevertheless|"
    r"nonetheless|consequently)\b,?\s+|(?:and|but)\s+|(?:still|also|in addition|besides|as a result|in fact|"
    r"of course|for example|for instance|so|yet|then|now|overall|finally|first|second|third|lastly)\s*,\s+)",
    re.I,
)
APPOSITIVE_OPENERS = {
    "the", "a", "an", "its", "his", "her", "their", "one", "founder", "co-founder", "chief", "former",
    "then", "now", "chairman", "chairwoman", "president", "ceo", "head", "owner", "maker", "operator",
    "parent", "rival", "led", "based", "founded", "owned", "run", "known", "headquartered", "backed",
    "controlled", "listed", "created", "established", "formerly", "also",
}  # fmt: skip
# "Deepmotion, founded in 2017," -> "Deepmotion was founded in 2017"; "led by X" -> "is led by X".
_EVENT_PARTICIPLES = {
    "founded",
    "established",
    "created",
    "built",
    "set",
    "launched",
    "formed",
    "started",
    "born",
}
PARTICIPLES = {
    "led", "based", "founded", "owned", "run", "known", "headquartered", "backed", "controlled", "listed",
    "created", "established", "built", "made", "located", "set", "chaired", "headed", "managed", "valued",
}  # fmt: skip

# Precompiled: pysbd compiles many patterns per call and flushes the re module's cache.
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,;:%])")
_SPACE_BEFORE_STOP = re.compile(r"\s+([,;:.!?%])")
_DOUBLE_COMMA = re.compile(r",\s*,")
_EMPTY_PARENS = re.compile(r"\(\s*\)")
_TOKEN = re.compile(r"[A-Za-z0-9\u00C0-\u024F]+(?:['’.,&-][A-Za-z0-9\u00C0-\u024F]+)*(?:'s|’s)?|\S")


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        return self.text.lower()


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


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Words, numbers and punctuation marks of ``text`` with their offsets (plus ``offset``)."""
    return [Token(m.group(0), m.start() + offset, m.end() + offset) for m in _TOKEN.finditer(text)]


def is_verb(token: Token | None) -> bool:
    """A finite verb or auxiliary, recognised from a closed list and the ``-ed`` ending."""
    if token is None:
        return False
    low = token.low
    if low in AUX or low in IRREGULAR:
        return True
    # "-ed" words are verbs unless hyphenated ("state-owned", "self-funded" are adjectives).
    return bool(
        low.endswith("ed")
        and len(low) > 4
        and token.text[0].islower()
        and "-" not in low
        and low not in {"need", "speed", "seed"}
    )


def _verb_like(token: Token) -> bool:
    """A lower-case word in -s right after a subject ("Deepmotion, founded in 2017, works on ..."): a verb."""
    low = token.low
    return (
        token.text[:1].islower()
        and len(low) > 3
        and low.endswith("s")
        and not low.endswith(("ss", "us", "is", "'s", "’s"))
    )


_SAY = {"said", "says", "told", "tells", "added", "adds", "stated", "states", "announced", "announces"}
_REPORT = {"reported", "reports", "noted", "notes", "warned", "warns", "argued", "argues", "wrote", "writes"}
_THINK = {"believes", "believed", "thinks", "thought", "expects", "expected", "claimed", "claims", "insisted"}
_CONFIRM = {"explained", "confirmed", "confirms", "estimated", "estimates", "predicted", "predicts", "denied"}
REPORTING = _SAY | _REPORT | _THINK | _CONFIRM | {"insists", "denies"}


def _is_capitalised(token: Token) -> bool:
    return token.text[:1].isupper() and any(c.isalpha() for c in token.text)


def _depth_map(text: str) -> list[int]:
    """Nesting depth (parentheses, brackets, quotes) at each character: splits only happen at depth 0."""
    depth, quote, out = 0, False, []
    for ch in text:
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth = max(0, depth - 1)
        elif ch in '"“”':
            quote = not quote if ch == '"' else ch == "“"
        out.append(depth + (1 if quote else 0))
    return out


def _skip_adverbs(tokens: list[Token], i: int) -> int:
    while i < len(tokens) and tokens[i].low in ADVERBS:
        i += 1
    return i


def _first_verb(tokens: list[Token], begin: int, end: int) -> int | None:
    for i in range(begin, end):
        if is_verb(tokens[i]):
            return i
    return None


def _intro_end(tokens: list[Token], begin: int, end: int) -> int:
    """Index after an intro adverbial ("In August 2021, ...", "According to X, ..."), else ``begin``."""
    if begin >= end:
        return begin
    first = tokens[begin].low
    if first in PREPOSITIONS or first in {"last", "earlier", "later", "next", "this", "according", "since"}:
        for i in range(begin, min(end, begin + 12)):
            if tokens[i].text == ",":
                return i + 1
            if is_verb(tokens[i]):
                break
    return begin


def _subject_range(
    tokens: list[Token], begin: int, end: int, skip: Callable[[Token], bool] | None = None
) -> tuple[int, int] | None:
    """The subject noun phrase of a clause: from its start (after an intro) to its first verb.

    Tokens for which ``skip`` is true (stretches cut out of the clause) are ignored.
    """
    start = _intro_end(tokens, begin, end)
    kept = [i for i in range(start, end) if not (skip and skip(tokens[i]))]
    verb = next((i for i in kept if is_verb(tokens[i])), None)
    if verb is None or verb == start:
        return None
    before = [i for i in kept if i < verb]
    while before and tokens[before[-1]].low in ADVERBS:
        before.pop()
    if not before or len(before) > 10 or any(tokens[i].text in {",", ";", ":"} for i in before):
        return None
    return (start, before[-1] + 1)


def _clause_follows(
    tokens: list[Token], i: int, end: int, skip: Callable[[Token], bool] | None = None
) -> bool:
    """Whether a new clause with its own subject starts at token ``i`` ("it will...", "the plant has...",
    "production is..."). Tokens for which ``skip`` is true (cut-out appositives) are ignored."""
    kept = [j for j in range(i, end) if not (skip and skip(tokens[j]))]
    if not kept:
        return False
    first = tokens[kept[0]]
    rest = kept[1:]
    if first.low in SUBJECT_PRONOUNS:
        following = [j for j in rest if tokens[j].low not in ADVERBS]
        return bool(following) and is_verb(tokens[following[0]])
    if (
        first.text[:1].islower()
        and first.low not in DETERMINERS | PREPOSITIONS | ADVERBS
        and not is_verb(first)
    ):
        # "production is to start": a bare noun followed by a finite verb
        return bool(rest) and (tokens[rest[0]].low in AUX or tokens[rest[0]].low in IRREGULAR)
    if first.low in DETERMINERS or _is_capitalised(first):
        for j in rest[:7]:
            if tokens[j].text in {",", ";", ":"}:
                return False
            if is_verb(tokens[j]):
                if tokens[j - 1].low in PREPOSITIONS:
                    return False
                # "the only one dedicated to ...": after a common noun phrase, an -ed word is a participle.
                finite = tokens[j].low in AUX or tokens[j].low in IRREGULAR
                return finite or (_is_capitalised(first) and first.low not in DETERMINERS)
    return False


_SUBORDINATORS = {
    "that", "which", "who", "whom", "whose", "because", "if", "when", "whether", "where", "while", "although",
    "though", "since", "unless", "so",
}  # fmt: skip


def _embedded(tokens: list[Token], begin: int, end: int, skip: Callable[[Token], bool] | None = None) -> bool:
    """Whether a subordinate clause opens between ``begin`` and ``end`` ("held that the law was ... and"):
    a verb phrase coordinated after it may belong to that clause rather than to the main subject."""
    for i in range(begin, end):
        if skip and skip(tokens[i]):
            continue
        low = tokens[i].low
        if low in _SUBORDINATORS:
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
    return verb is not None and tokens[verb].low in {"is", "was", "are", "were", "be", "been"}


def _proper_np_before(tokens: list[Token], idx: int, floor: int) -> int | None:
    """Start index of the run of capitalised words (a name) that ends just before token ``idx``."""
    j = idx
    while j > floor and (_is_capitalised(tokens[j - 1]) or tokens[j - 1].low in {"of", "de", "&"}):
        j -= 1
    while j < idx and not _is_capitalised(tokens[j]):
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
        if low in PREPOSITIONS or is_verb(tokens[j]) or tokens[j].text in {",", ";", ":"}:
            return j + 1 if j + 1 < idx and j + 1 > floor - 1 else None
    return None


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


def tidy(text: str) -> str:
    """Whitespace normalised, stray punctuation around cuts removed, one final full stop."""
    text = " ".join(text.split())
    text = _SPACE_BEFORE_STOP.sub(r"\1", text)
    text = _DOUBLE_COMMA.sub(",", text)
    text = _EMPTY_PARENS.sub("", text).strip()
    text = text.strip(" ,;:-–—")
    if text and not text.rstrip("\"”')").endswith((".", "!", "?")):
        text += "."
    return text


def _extract_inserts(clause: _Clause, pieces: list[Piece]) -> None:
    """Cut appositives and subject relative clauses out of ``clause``, adding a piece for each."""
    tokens, begin, end = clause.tokens, clause.begin, clause.end
    depth = clause.depth
    commas = [i for i in range(begin, end) if tokens[i].text == "," and depth[tokens[i].start] == 0]
    intro = _intro_end(tokens, begin, end)
    for n, c1 in enumerate(commas):
        if c1 < intro or c1 + 1 >= end:
            continue
        if clause.cut(tokens[c1].start, tokens[c1].end):
            continue
        nxt = commas[n + 1] if n + 1 < len(commas) else None
        after = tokens[c1 + 1]
        # Where the inserted stretch ends: at a comma followed by the main verb, or at the clause end.
        closing = None
        if nxt is not None:
            k = _skip_adverbs(tokens, nxt + 1)
            if k < end and (is_verb(tokens[k]) or _verb_like(tokens[k])):
                closing = nxt
            elif (
                k < end
                and tokens[k].low in PREPOSITIONS
                and after.low in {"a", "an", "the"}
                and _proper_np_before(tokens, c1, intro) is not None
                and _first_verb(tokens, intro, c1) is not None
            ):
                # "agreed to buy Harlan Robotics, a developer of software, for 700 million euros"
                closing = nxt
        stop_tok = closing if closing is not None else end
        final = closing is None
        if final and nxt is not None:
            continue  # more commas follow: a list or a longer construction, leave it alone
        # ---- subject relative clause: ", which develops ..." / ", who founded ..."
        if after.low in {"which", "who"}:
            k = _skip_adverbs(tokens, c1 + 2)
            if k >= stop_tok or not is_verb(tokens[k]):
                continue
            head = _np_before(tokens, c1, intro)
            if head is None:
                continue
            antecedent = clause.sentence[tokens[head].start : tokens[c1].start]
            body_end = tokens[stop_tok - 1].end
            text = tidy(antecedent + " " + clause.sentence[tokens[c1 + 2].start : body_end])
            pieces.append(Piece(text, tokens[c1 + 2].start, body_end, "relative", antecedent))
            clause.cuts.append((tokens[c1].start, tokens[closing].end if closing is not None else body_end))
            continue
        # ---- appositive: "Xiaomi, the world's second-largest smartphone maker, ..."
        opener = after.low
        possessive = after.text.endswith(("'s", "’s")) and _is_capitalised(after)
        if not (opener in APPOSITIVE_OPENERS or possessive):
            continue
        inner = tokens[c1 + 1 : stop_tok]
        # "the company that acquired Mondeca in 2020": a restrictive relative clause inside is allowed.
        rel = next(
            (n for n, t in enumerate(inner) if t.low in {"that", "who", "which"} and n > 1), len(inner)
        )
        if not inner or rel > 14 or len(inner) > 24:
            continue
        participial = opener in PARTICIPLES
        # A participle phrase inside the noun phrase is fine: "the car unit led by founder Lei Jun".
        if any(
            is_verb(t)
            and not (_is_participle(t) and n + 1 < len(inner) and inner[n + 1].low in _AFTER_PARTICIPLE)
            for n, t in enumerate(inner[1:rel], start=1)
            if not (participial and t is inner[0])
        ):
            continue
        if any(t.low in {"and", "or", "but"} for t in inner[:rel]) and not participial:
            continue
        if final and participial:
            continue  # ", led by X." at the end qualifies the whole clause, not a name
        head = _proper_np_before(tokens, c1, intro)
        if head is None and not final:
            subject = _subject_range(tokens, begin, end)
            if subject is not None and subject[1] == c1:
                head = subject[0]
        if head is None:
            continue
        if final and opener in {"then", "now", "also"}:
            continue
        name = clause.sentence[tokens[head].start : tokens[c1].start]
        app_end = inner[-1].end
        copula = "was" if opener in _EVENT_PARTICIPLES else "is"
        text = tidy(f"{name} {copula} {clause.sentence[inner[0].start : app_end]}")
        pieces.append(Piece(text, tokens[head].start, app_end, "appositive", name))
        cut_end = tokens[closing].end if closing is not None else app_end
        clause.cuts.append((tokens[c1].start, cut_end))


_LIFE_DATE = re.compile(
    rf"(?:c\.\s*)?(?:\d{{1,2}}\s+{MONTH_RE}\s+|{MONTH_RE}\s+\d{{1,2}},?\s+|{MONTH_RE}\s+)?\d{{4}}"
)
_PARENTHETICAL = re.compile(r"\s*\([^()]*\)")
_LIFESPAN = re.compile(
    r"(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4})\s*\((?:born\s+|b\.\s*)?"
    r"(?P<d1>[^()–—;]*?\b\d{4})(?:\s*(?:–|—|-|to)\s*(?:died\s+|d\.\s*)?(?P<d2>[^()–—;]*?\b\d{4}))?\s*\)"
)


def _extract_lifespan(clause: _Clause, pieces: list[Piece]) -> None:
    """A lifespan after a name: "Brian Pendleton (13 April 1944 – 16 May 2001) was ..." gives
    "Brian Pendleton was born on 13 April 1944" and "... died on 16 May 2001", cut out of the main clause."""
    start = clause.tokens[clause.begin].start
    m = _LIFESPAN.match(clause.sentence, start)
    if not m or not all(_LIFE_DATE.fullmatch(d.strip()) for d in (m.group("d1"), m.group("d2")) if d):
        return
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


_PARTICIPLES = {
    "written", "built", "made", "held", "known", "founded", "led", "run", "shown", "sung", "drawn", "given",
    "taken", "born", "set", "sold", "grown", "brought", "won", "found", "begun", "chosen", "driven", "seen",
    "spoken", "thrown", "hidden", "bought", "paid", "struck", "sent", "spent", "told", "kept", "left",
}  # fmt: skip
_AFTER_PARTICIPLE = {
    "by", "in", "on", "at", "for", "from", "as", "with", "to", "between", "during", "since", "under", "into",
    "near", "after", "before", "around", "across", "through",
}  # fmt: skip


def _is_participle(token: Token) -> bool:
    low = token.low
    return token.text[:1].islower() and (low in _PARTICIPLES or (low.endswith("ed") and len(low) > 4))


def _extract_participle(clause: _Clause, pieces: list[Piece]) -> None:
    """Split "X is a film directed by Z" into "X is a film" and "X was directed by Z"."""
    tokens = clause.tokens
    skip = lambda t: clause.cut(t.start, t.end)  # noqa: E731
    subject = _subject_range(tokens, clause.begin, clause.end, skip)
    if subject is None:
        return
    verb = subject[1]
    while verb < clause.end and (skip(tokens[verb]) or tokens[verb].low in ADVERBS):
        verb += 1
    if verb + 2 >= clause.end or tokens[verb].low not in {"is", "was", "are", "were"}:
        return
    det = tokens[verb + 1]
    if det.low not in {"a", "an", "the", "one"} and not det.text.endswith(("'s", "’s")):
        return
    for j in range(verb + 2, min(clause.end - 1, verb + 12)):
        t = tokens[j]
        if t.text in {",", ";", ":", "(", "and", "or"} or skip(t):
            return
        if _is_participle(t):
            if tokens[j + 1].low not in _AFTER_PARTICIPLE or tokens[j - 1].low in PREPOSITIONS | AUX:
                return
            stop = j + 1
            while stop < clause.end and not skip(tokens[stop]):
                if tokens[stop].text == ";":
                    break
                if tokens[stop].text == ",":
                    # "in Victoria, Australia": a place's region or country is part of the phrase.
                    rest = tokens[stop + 1 : clause.end]
                    if not (rest and len(rest) <= 3 and all(_is_capitalised(x) for x in rest)):
                        break
                stop += 1
            subj_text = clause.text(tokens[subject[0]].start, tokens[subject[1] - 1].end)
            copula = tokens[verb].low
            phrase = clause.sentence[t.start : tokens[stop - 1].end]
            pieces.append(
                Piece(tidy(f"{subj_text} {copula} {phrase}"), t.start, tokens[stop - 1].end, "participle")
            )
            clause.cuts.append((tokens[j - 1].end, tokens[stop - 1].end))
            return
        if is_verb(t):
            return


def _conjunctions(clause: _Clause) -> list[tuple[int, int]]:
    """(conjunction's first token, first token after it) of each top-level ``and``, ``but``, ``, while``."""
    tokens = clause.tokens
    depth = clause.depth
    out = []
    for i in range(clause.begin + 1, clause.end - 1):
        t = tokens[i]
        if depth[t.start] or clause.cut(t.start, t.end):
            continue
        if t.low in {"and", "but"}:
            start = i - 1 if tokens[i - 1].text == "," else i
            out.append((start, i + 1))
        elif t.low in {"while", "whereas"} and tokens[i - 1].text == ",":
            out.append((i - 1, i + 1))
    return out


def _split_coordination(clause: _Clause, pieces: list[Piece]) -> None:
    """Split ``clause`` at coordinated clauses, verb phrases and lists of figures; add its pieces."""
    from factcheck.claims.checkworthy import find_mentions

    tokens, sentence = clause.tokens, clause.sentence
    begin, end = clause.begin, clause.end
    subject = _subject_range(
        tokens, begin, end, lambda t: clause.cut(t.start, t.end) or clause.depth[t.start] > 0
    )
    intro = _intro_end(tokens, begin, end)
    subj_str = clause.text(tokens[subject[0]].start, tokens[subject[1] - 1].end) if subject else ""
    subj_str = _PARENTHETICAL.sub("", subj_str)

    def span_text(a: int, b: int) -> str:
        return clause.text(tokens[a].start, tokens[b - 1].end) if b > a else ""

    def figures(a: int, b: int) -> int:
        # Quantities and dates; a number that is part of a name ("X-15", "Friendship 7", "Mi 11") is not one.
        if b <= a:
            return 0
        text = span_text(a, b)
        count = 0
        for m in find_mentions(text):
            before = text[: m.start].rstrip()
            last_word = before.split()[-1] if before.split() else ""
            if m.kind == "number" and (before.endswith("-") or last_word[:1].isupper()):
                continue
            count += 1
        return count

    segments: list[tuple[int, int, str]] = []  # (first token, end token, text prefix to prepend)
    seg_start = begin
    prefix = ""
    list_prefix: str | None = None
    conjunctions = _conjunctions(clause)
    # A trailing attribution (", the city government and the company said on Saturday") is not split.
    attribution = _trailing_attribution(clause)
    conjunctions = [c for c in conjunctions if c[0] < attribution]
    for conj_start, after in conjunctions:
        if conj_start <= seg_start:
            continue
        nxt_end = end
        for cs, _ in conjunctions:
            if cs > after:
                nxt_end = cs
                break
        k = _skip_adverbs(tokens, after)
        if k >= end:
            continue
        left = range(seg_start, conj_start)
        # "between X and Y" is a range, not a coordination.
        if any(tokens[j].low in {"between", "both"} for j in left) and not any(
            is_verb(tokens[j]) for j in left
        ):
            continue
        # Reported speech: "X said it had no plans ... and would keep ...", "X said A and that B".
        reported = _reported_prefix(clause, subject, seg_start, conj_start, k) if not prefix else None
        if reported is not None:
            segments.append((seg_start, conj_start, prefix))
            seg_start, prefix, list_prefix = k, reported + " ", None
            continue
        if (
            _clause_follows(tokens, k, end, lambda t: clause.cut(t.start, t.end))
            and _first_verb(tokens, seg_start, conj_start) is not None
        ):
            segments.append((seg_start, conj_start, prefix))
            seg_start, prefix, list_prefix = k, "", None
            continue
        if (
            is_verb(tokens[k])
            and subject is not None
            and not is_verb(tokens[conj_start - 1])  # "has directed and created many works": shared object
            and _first_verb(tokens, seg_start, conj_start) is not None
            and (
                tokens[k].low in REPORTING
                or not _embedded(tokens, subject[1], conj_start, lambda t: clause.cut(t.start, t.end))
            )
            and not _adjective_after_copula(tokens, seg_start, conj_start, k)
        ):
            segments.append((seg_start, conj_start, prefix))
            shared = sentence[tokens[begin].start : tokens[intro].start] if intro > begin else ""
            subj = subj_str
            seg_start, prefix, list_prefix = k, f"{shared} {subj} ", None
            continue
        if (
            tokens[k].low in {"a", "an", "the"}
            and subject is not None
            and not _embedded(tokens, subject[1], conj_start, lambda t: clause.cut(t.start, t.end))
        ):
            verbs = [
                j
                for j in range(seg_start, conj_start)
                if is_verb(tokens[j]) and not clause.cut(tokens[j].start, tokens[j].end)
            ]
            if len(verbs) == 1 and tokens[verbs[0]].low in {"is", "was", "are", "were"}:
                # "X was a British guitarist, and a founder member of Y": X was a founder member of Y.
                segments.append((seg_start, conj_start, prefix))
                shared = sentence[tokens[begin].start : tokens[intro].start] if intro > begin else ""
                seg_start, prefix, list_prefix = k, f"{shared} {subj_str} {tokens[verbs[0]].text} ", None
                continue
        if tokens[k].low in BASE_VERBS and tokens[after - 1].low in {"and", "or"}:
            # "plans to invest X and hire Y": share everything up to the last modal or "to".
            anchor = None
            for j in range(conj_start - 1, seg_start - 1, -1):
                if tokens[j].low in MODALS:
                    anchor = j
                    break
            if anchor is not None and subject is not None:
                segments.append((seg_start, conj_start, prefix))
                shared_text = prefix + clause.text(
                    tokens[begin if not prefix else seg_start].start, tokens[anchor].end
                )
                seg_start, prefix, list_prefix = k, shared_text + " ", None
                continue
        # An enumeration of three or more short items: "found in fields, meadows and forests".
        figure_list = bool(figures(k, nxt_end) and figures(seg_start, conj_start))
        enum = None
        if list_prefix is None and not figure_list:
            enum = _enumeration(clause, seg_start, conj_start, k, nxt_end)
        if enum is not None:
            np_start, starts, ends = enum
            base = prefix + clause.text(tokens[seg_start].start, tokens[np_start].start).rstrip(".")
            list_prefix = base + " "
            segments.append((seg_start, ends[0], prefix))
            for a, b in zip(starts[1:], ends[1:], strict=True):
                segments.append((a, b, list_prefix))
            seg_start, prefix = k, list_prefix
            continue
        # A list of figures sharing the verb: "a team of 300 employees and 8.5 billion euros of funding".
        if figures(k, nxt_end) and figures(seg_start, conj_start):
            if list_prefix is None:
                verb = None
                for j in range(conj_start - 1, seg_start - 1, -1):
                    if is_verb(tokens[j]) or tokens[j].low == "to":
                        verb = j
                        break
                if verb is None:
                    continue
                # Skip what the items share after the verb: "to" + verb, a preposition ("rose to 5 million").
                np_start = verb + 1
                while np_start < conj_start and (
                    tokens[np_start].low in BASE_VERBS | {"to"}
                    or (tokens[np_start].low in PREPOSITIONS and tokens[np_start].low not in _APPROXIMATORS)
                ):
                    np_start += 1
                if np_start >= conj_start or not figures(np_start, conj_start):
                    continue
                # Items separated by commas before this "and" belong to the same list.
                items = [np_start]
                for j in range(np_start, conj_start):
                    if tokens[j].text == "," and not clause.cut(tokens[j].start, tokens[j].end):
                        items.append(j + 1)
                if len(items) > 1 and not all(
                    figures(a, b - 1) for a, b in zip(items, items[1:] + [conj_start + 1], strict=False)
                ):
                    items = [np_start]
                base = prefix + clause.text(tokens[seg_start].start, tokens[np_start].start).rstrip(".")
                list_prefix = base + " "
                first_end = items[1] - 1 if len(items) > 1 else conj_start
                segments.append((seg_start, first_end, prefix))
                for a, b in zip(items[1:], items[2:] + [conj_start + 1], strict=False):
                    segments.append((a, b - 1, list_prefix))
            else:
                segments.append((seg_start, conj_start, list_prefix))
            seg_start, prefix = k, list_prefix
            continue
    segments.append((seg_start, end, prefix))

    for n, (a, b, pre) in enumerate(segments):
        if b <= a:
            continue
        # The first segment owns the clause's start (its intro and subject); later ones own their own words.
        start = tokens[begin].start if n == 0 else tokens[a].start
        stop = tokens[b - 1].end
        own = clause.text(tokens[a if n else begin].start, stop)
        if pre and own[:1].isupper() and not _is_name_start(own):
            own = own[:1].lower() + own[1:]
        text = tidy(f"{pre}{own}")
        subj_text = None
        if n == 0 and subject is not None or (pre and subject is not None and pre.strip().endswith(subj_str)):
            subj_text = subj_str
        elif not pre:
            sub = _subject_range(tokens, a, b)
            if sub is not None:
                subj_text = sentence[tokens[sub[0]].start : tokens[sub[1] - 1].end]
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


# "about 450 employees and revenue of ...": an approximation belongs to its own figure, not to the list.
_APPROXIMATORS = {"about", "around", "over", "under", "nearly", "almost", "roughly", "some", "up"}
_LIST_ANCHORS = {"including", "include", "includes", "included", ":", "as", "like"}


def _enumeration(
    clause: _Clause, seg_start: int, conj_start: int, final_start: int, final_limit: int
) -> tuple[int, list[int], list[int]] | None:
    """Items of a list "A, B(,) and C" of three or more short, verb-less items ending at ``conj_start``:
    (first item's token, item starts, item ends) for the items before the conjunction, else ``None``."""
    tokens = clause.tokens
    depth = clause.depth

    def short(a: int, b: int, most: int = 5) -> bool:
        # A list item is a few words, with no verb, pronoun or participle ("uncovering hidden subtypes").
        return (
            0 < b - a <= most
            and not any(
                is_verb(tokens[j]) or tokens[j].text in {";", ":"} or tokens[j].low in SUBJECT_PRONOUNS
                for j in range(a, b)
            )
            and not (tokens[a].low.endswith(("ing", "ly")) and tokens[a].text[:1].islower())
        )

    commas = [
        j
        for j in range(seg_start, conj_start)
        if tokens[j].text == ","
        and depth[tokens[j].start] == 0
        and not clause.cut(tokens[j].start, tokens[j].end)
    ]
    if not commas or not short(commas[-1] + 1, conj_start):
        return None
    kept = [commas[-1]]
    for j in reversed(commas[:-1]):
        if not short(j + 1, kept[0]):
            break
        kept.insert(0, j)
    # The first item starts after the word that introduces the list (a verb, a preposition, "including").
    first = None
    if kept and tokens[kept[0] + 1].low in _LIST_ANCHORS | {"such"}:
        # "habitats, including fields, meadows, ...": the list starts after "including" / "such as".
        first = kept[0] + 2 + (1 if tokens[kept[0] + 1].low == "such" else 0)
        kept = kept[1:]
        if not kept:
            return None
    for j in range(kept[0] - 1, max(seg_start, kept[0] - 6) - 1, -1):
        if first is not None:
            break
        if is_verb(tokens[j]) or tokens[j].low in PREPOSITIONS or tokens[j].low in _LIST_ANCHORS:
            first = j + 1
            break
    if first is None or first >= kept[0] or not short(first, kept[0]):
        return None
    # Only lists after the verb (objects) share a prefix: "Taylor, Singh and Patel withdrew" stays whole.
    verb = _first_verb(tokens, seg_start, conj_start)
    if verb is None or first <= verb:
        return None
    # The last item (after the conjunction) is short as well.
    final_end = final_start
    while final_end < final_limit and tokens[final_end].text not in {",", ";"}:
        final_end += 1
    if not short(final_start, final_end, 6):
        return None
    starts = [first] + [j + 1 for j in kept]
    ends = kept + [conj_start]
    # The items must look alike ("televisions, scooters and appliances"; "the Mi 11, the Redmi 10 and ...");
    # "Camden, London with his wife, a doctor, and their dog" is not one list.
    shapes = {_shape(tokens[a]) for a in [*starts, final_start]}
    if len(shapes) != 1:
        return None
    return first, starts, ends


def _shape(token: Token) -> str:
    if token.low in DETERMINERS:
        return "determiner"
    if token.text[:1].isdigit():
        return "number"
    if _is_capitalised(token):
        return "name"
    if token.low in PREPOSITIONS:
        return "preposition"
    return "word"


def _is_name_start(text: str) -> bool:
    word = text.split(" ", 1)[0]
    return word[:1].isupper() and word.lower() not in DETERMINERS | SUBJECT_PRONOUNS | PREPOSITIONS


def decompose(sentence: str) -> list[Piece]:
    """The atomic pieces of one sentence, in reading order, with spans into ``sentence``."""
    tokens = tokenize(sentence)
    if not tokens:
        return []
    begin = 0
    if m := DISCOURSE.match(sentence):
        while begin < len(tokens) and tokens[begin].start < m.end():
            begin += 1
    end = len(tokens)
    while end > begin and tokens[end - 1].text in {".", "!", "?", "…"}:
        end -= 1
    if end <= begin:
        return []
    depth = _depth_map(sentence)
    bounds = [begin]
    for i in range(begin, end):
        if tokens[i].text == ";" and depth[tokens[i].start] == 0:
            nxt = next((j for j in range(i + 1, end) if tokens[j].text == ";"), end)
            # "had two step-children; Henrietta and Freddie": a verb-less part is not a clause.
            if _first_verb(tokens, i + 1, nxt) is not None:
                bounds.append(i + 1)
    bounds.append(end + 1)
    pieces: list[Piece] = []
    for n in range(len(bounds) - 1):
        a, b = bounds[n], bounds[n + 1] - 1
        if b <= a:
            continue
        clause = _Clause(sentence, tokens, a, b, depth)
        inserts: list[Piece] = []
        _extract_lifespan(clause, inserts)
        _extract_inserts(clause, inserts)
        _extract_participle(clause, inserts)
        main: list[Piece] = []
        _split_coordination(clause, main)
        if n == 0 and begin > 0 and main:
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
    return [p for p in pieces if len(p.text) > 3]
