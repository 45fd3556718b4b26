"""Facts written around a name: a lifespan in brackets, a quoted title's year in brackets, what a place is
now, an opening role ("As a physicist, ..."), a title before the name ("TikTok's CEO Shou Zi Chew"), a role
in brackets, a place joined to a participle ("Los Angeles-born Johnson") and a legislator's party label
("McCaul, R-Texas"); and the purpose of a trip, an intent that is cut off the claim."""

from __future__ import annotations

import re

from factcheck.claims.decompose.pieces import Piece, _Clause, _span_text, tidy
from factcheck.claims.decompose.subjects import _intro_end, _subject_range
from factcheck.claims.decompose.words import _first_verb, _past, _person_noun, _plural_head, _skip_adverbs
from factcheck.claims.grammar import Token, finite_at, is_capitalised, is_participle, is_verb, tokenize
from factcheck.claims.lexicon import (
    ADVERBS,
    BASE_VERBS,
    BODY_HEADS,
    COMMON_VERBS,
    DETERMINERS,
    HONORIFICS,
    LEGISLATOR_TITLES,
    NOT_NAMES,
    PARTIES,
    PREPOSITIONS,
    TITLES,
    TRAVEL_VERBS,
    US_STATES,
)
from factcheck.rules.quantities import extract


def _is_life_date(text: str) -> bool:
    """Whether ``text`` is one whole date of a lifespan ("13 April 1944", "c. 1944", "April 1944")."""
    core = re.sub(r"^c\.\s*", "", text.strip())
    dates = extract(core).dates
    return (
        len(dates) == 1 and dates[0].start == 0 and dates[0].end == len(core) and dates[0].first is not None
    )


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


# A year in brackets after a quoted title: "“Violator” (1990)", '"Square One" (2016) - This is their debut'.
_TITLE_YEAR = re.compile(r"(?P<open>[“\"])(?P<title>[^“”\"()]{1,80}?)[”\"]\s*\((?P<year>(?:1[5-9]|20)\d\d)\)")
_CLOSING_QUOTE = {"“": "”", '"': '"'}


def _extract_title_year(clause: _Clause, pieces: list[Piece]) -> None:
    """A year in brackets after a quoted title is when the work came out: '"Square One" (2016) is their
    debut album' gives '"Square One" was released in 2016', and the year is cut out of the clause (a name not
    in quotes with a year is a person's birth, :func:`_extract_lifespan`)."""
    start, end = clause.tokens[clause.begin].start, clause.tokens[clause.end - 1].end
    if "(" not in clause.sentence[start:end]:
        return
    for m in _TITLE_YEAR.finditer(clause.sentence, start, end):
        if clause.cut(m.start(), m.end()):
            continue
        quoted = f"{m.group('open')}{m.group('title').strip()}{_CLOSING_QUOTE[m.group('open')]}"
        pieces.append(
            Piece(tidy(f"{quoted} was released in {m.group('year')}"), m.start(), m.end(), "appositive")
        )
        clause.cuts.append((m.start("year") - 1, m.end("year") + 1))


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


_POSSESSIVE_END = re.compile(r"['’]s$")
# A place joined to a participle before a name: "Los Angeles-born Johnson", "Boston-based Acme".
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
