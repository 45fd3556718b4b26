"""The coordination rules for clauses and verb phrases: a new clause after "and" (or one opened by a
condition, or the fact after "keep in mind that"), reported speech sharing "X said", a verb phrase sharing
the subject (or its modal, its "be", its copula), two infinitives or gerunds with their own objects, and the
ranges and pairs ("between X and Y") that are no coordination."""

from __future__ import annotations

from collections.abc import Callable

from factcheck.claims.decompose.conjunctions import _Conjunction, _shared_modifiers, _Split
from factcheck.claims.decompose.lists import _list_commas, _participle_list
from factcheck.claims.decompose.pieces import _Clause
from factcheck.claims.decompose.subjects import _CONDITION_OPENERS, _clause_follows
from factcheck.claims.decompose.words import (
    _BE,
    _NOT_PARTICIPIAL,
    _NUMBER,
    _first_verb,
    _plural_head,
    _skip_adverbs,
    _verb_after_to,
)
from factcheck.claims.grammar import Token, is_capitalised, is_gerund, is_participle, is_verb, verb_like
from factcheck.claims.lexicon import (
    AFTER_PARTICIPLE,
    AUX,
    BASE_VERBS,
    COMMON_VERBS,
    DETERMINERS,
    IRREGULAR,
    MODALS,
    NOUN_LIKE_S_FORMS,
    PREPOSITIONS,
    REPORTING,
    SUBJECT_PRONOUNS,
    SUBORDINATORS,
)


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
