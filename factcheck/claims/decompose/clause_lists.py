"""Whole clauses that list: one piece per item of a list after a colon ("Its albums are: A, B and C"), per
year of a counted noun ("four league titles: 1989, 1991 and 1998"), per common noun of a listed subject ("Its
temperature, size and luminosity are ...") and per name sharing a predicate ("Neptune and the Sun are gaseous
bodies"), each claim repeating the rest of the clause."""

from __future__ import annotations

from factcheck.claims.decompose.pieces import Piece, _Clause, _span_text, tidy
from factcheck.claims.decompose.subjects import _intro_end, _subject_range
from factcheck.claims.decompose.words import (
    _COUNT_WORDS,
    _DEMONSTRATIVES,
    _MONTHS,
    _RELATIVES,
    _SINGULAR_S,
    _YEAR,
    _first_verb,
    _plural_head,
)
from factcheck.claims.grammar import Token, is_capitalised, is_participle, is_verb
from factcheck.claims.lexicon import (
    ADVERBS,
    AUX,
    BASE_VERBS,
    COMMON_VERBS,
    DETERMINERS,
    LIST_ANCHORS,
    PREPOSITIONS,
    SUBJECT_PRONOUNS,
    third_person,
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
