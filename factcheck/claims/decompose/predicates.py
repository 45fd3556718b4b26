"""What a copula's predicate says besides its noun: a participle after the noun ("X is a film directed by
Z"), modifiers and a phrase of one noun ("a Java-based library for data visualization"), a closing adjective
phrase (", capable of X"), two superlatives of one noun ("the largest and deepest ocean") and an
identification ("One scholar who has served as chair is Ming Zhou")."""

from __future__ import annotations

import re

from factcheck.claims.decompose.pieces import Piece, _Clause, tidy
from factcheck.claims.decompose.subjects import _subject_range
from factcheck.claims.decompose.words import (
    _DEMONSTRATIVES,
    _RELATIVES,
    _first_verb,
    _ly_adverb,
    _plural_head,
)
from factcheck.claims.grammar import Token, is_capitalised, is_participle, is_verb
from factcheck.claims.lexicon import (
    ADVERBS,
    AFTER_PARTICIPLE,
    AUX,
    DETERMINERS,
    MAKING_PARTICIPLES,
    PERSON_NOUNS,
    PREPOSITIONS,
    SUBJECT_PRONOUNS,
    TITLES,
)


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
