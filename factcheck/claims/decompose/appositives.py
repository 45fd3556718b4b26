"""What a clause sets off between commas about a noun: appositives ("Xiaomi, the second-largest smartphone
maker, ..."), subject relative clauses (", which develops ...", ", who founded ..."), a description named
between commas ("TikTok's parent company, ByteDance, ...") and a relative clause after a quoted term; each
is cut out of the clause and becomes a piece of its own."""

from __future__ import annotations

from factcheck.claims.decompose.participles import _made_claim, _made_predicate
from factcheck.claims.decompose.pieces import Piece, _Clause, _span_text, tidy
from factcheck.claims.decompose.subjects import (
    _ATTACHING,
    _intro_end,
    _np_before,
    _phrase_head,
    _proper_np_before,
    _subject_range,
)
from factcheck.claims.decompose.words import (
    _COPULAS,
    _RELATIVES,
    _YEAR,
    _first_verb,
    _past,
    _person_noun,
    _plural_head,
    _skip_adverbs,
)
from factcheck.claims.grammar import Token, finite_at, is_capitalised, is_participle, is_verb, verb_like
from factcheck.claims.lexicon import (
    AFTER_PARTICIPLE,
    APPOSITIVE_OPENERS,
    BASE_VERBS,
    COMMON_VERBS,
    DETERMINERS,
    EVENT_PARTICIPLES,
    MAKING_PARTICIPLES,
    PARTICIPLE_OPENERS,
    PREPOSITIONS,
    SUBJECT_PRONOUNS,
)


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
