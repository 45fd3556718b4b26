"""The coordination rule for two objects of one verb ("a degree from Stanford and a doctorate from
Berkeley", "in A and in B", "helps the body absorb calcium and maintain strong bones"): where the first object
starts, whether both look like objects, and the names and adjectives ("Procter and Gamble", "new and
upcoming authors") that stay whole."""

from __future__ import annotations

from factcheck.claims.decompose.conjunctions import _Conjunction, _shared_modifiers, _Split
from factcheck.claims.decompose.subjects import _object_start
from factcheck.claims.decompose.words import _RELATIVES, _first_verb, _has_phrase
from factcheck.claims.grammar import Token, is_capitalised, is_participle, is_verb
from factcheck.claims.lexicon import (
    ADVERBS,
    AUX,
    BASE_VERBS,
    COMMON_VERBS,
    DETERMINERS,
    PREPOSITIONS,
    SUBJECT_PRONOUNS,
)


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
    if any(tokens[j].low in _CLAUSE_OPENERS for j in range(start - 1, conj.start)) or _as_opens_clause(
        tokens, start - 1, conj.start
    ):
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


def _as_opens_clause(tokens: list[Token], i: int, conj_start: int) -> bool:
    """Whether the "as" at token ``i`` opens a clause ("influenced over time as stars form and evolve"): a
    bare noun and a word after it, after a noun, not after a verb or participle ("served as A and B"), in a
    comparison ("such as", "known as") or before a role ("the area as a buffer and a base")."""
    if i < 1 or tokens[i].low != "as" or conj_start - i < 3 or tokens[i + 1].low in DETERMINERS:
        return False
    before = tokens[i - 1]
    return (
        before.text.isalpha()
        and before.text.islower()
        and before.low not in _AS_TAKERS
        and not (is_verb(before) or is_participle(before))
    )


# Words after which "as" compares or names ("such as", "the same as", "known as").
_AS_TAKERS = {
    "such",
    "same",
    "so",
    "well",
    "as",
    "just",
    "known",
    "regarded",
    "seen",
    "served",
    "serves",
    "both",
}


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
