"""Making claims understandable alone: references resolved, relative dates anchored.

A small, deterministic discourse model reads the draft in order. It remembers the names mentioned (people,
organisations, places, told apart by titles, ``who`` clauses, a short list of places and company suffixes)
with how recently and how prominently (as a subject) each was mentioned, and the things introduced by an
indefinite noun phrase ("a factory in Beijing", "a new unit, Xiaomi EV,"). A claim that opens with a
pronoun ("It", "He", "Its") or a short definite reference ("The company", "The new division",
"The factory") has it replaced by its referent when one candidate clearly wins; otherwise the claim is left
as written and flagged ``needs_context``.

Relative dates ("last August", "next year") are resolved against the draft's date when it is known
("in August 2021"); those that cannot be resolved exactly ("yesterday", "on Tuesday") get "(as of <date>)"
appended; without a draft date the claim is flagged ``needs_context``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from factcheck.claims.grammar import finite_at, is_gerund, is_participle, is_verb, tokenize
from factcheck.claims.lexicon import (
    ADVERBS,
    AUX,
    COMMON_VERBS,
    COMPANY_NOUNS,
    DETERMINERS,
    FEMININE_NOUNS,
    HEADS,
    MASCULINE_NOUNS,
    MONTH_NAMES,
    NOT_NAMES,
    ORG_SUFFIXES,
    OWNED_NOUNS,
    PERSON_NOUNS,
    PLACES,
    PREPOSITIONS,
    PRODUCT_NOUNS,
    REFERRING_HEADS,
    REFERRING_PRONOUNS,
    SUBORDINATORS,
    TITLES,
    WEEKDAYS,
    third_person,
)

PERSON, ORG, PLACE = "person", "org", "place"
# A name nothing has typed yet: an organisation for "it" and "the company", a person for "he" and "she"
# when it is the previous sentence's subject.
NAME = "name"

_HEAD_ALT = "|".join(sorted((re.escape(n) for n in HEADS), key=len, reverse=True))
_REF = re.compile(
    r"^(?P<ref>(?P<pron>it|its|he|his|she|her|they|their|(?:this|these|those|that)(?!\s+(?-i:[A-Z])))\b"
    r"|(?P<def>(?:the|this|that)\s+(?:(?:new|same|planned|future|proposed|latest|first|[a-z][a-z-]+ed|"
    r"(?-i:[a-z][a-z-]+))\s+){0,2}?(?P<head>"
    + "|".join(sorted((re.escape(n) for n in HEADS | {n: set() for n in OWNED_NOUNS}), key=len, reverse=True))
    + r")\b(?!\s+(?:of|in|at|for|called|named|['’]s)\b)"
    + r"(?!\s+(?:"
    + _HEAD_ALT
    + r")\b)))",  # "the electric vehicle startup": the last head noun is the head
    re.I,
)
_NAME_RE = r"[A-Z][\w&-]*(?: [A-Z][\w&-]*)*"
_THING = re.compile(
    rf"\b(?P<det>an?|its|(?P<poss>{_NAME_RE})['’]s)\s+(?P<mods>(?:[\w-]+\s+){{0,3}})"
    rf"(?P<head>{_HEAD_ALT})\b(?P<tail>(?:,\s+(?P<alias>{_NAME_RE}),)"
    rf"|(?:\s+(?:called|named)\s+(?P<alias2>{_NAME_RE}))"
    rf"|(?:\s+in\s+(?P<place>{_NAME_RE})))?"
)
_PURCHASE = re.compile(
    rf"\b(?P<buyer>{_NAME_RE}) (?:(?:has|have|had|will|would) )?(?:agreed to |plans to |is to )?"
    rf"(?:buy|bought|buys|acquire|acquired|acquires|purchase|purchased|take over|took over|takes over)"
    rf" (?:(?:the|a|an) )?(?:[a-z][\w-]* ){{0,3}}?(?P<target>{_NAME_RE})"
)
_BORN = re.compile(r"^ (?:was|were) (?:born|raised|married)\b|^ (?:died|married)\b")
_PAID = re.compile(
    rf"\b(?P<buyer>{_NAME_RE}) (?:paid|spent|offered) [^.;]{{1,40}}? for (?P<target>{_NAME_RE})"
)
_FOUNDER = re.compile(r"^ (?:is|was) (?:the |a |an |its |\w+['’]s )?(?:\w+ )?(?:co-)?founder")
_EXPLETIVE = re.compile(
    r"^it(?:['’]s|\s+is|\s+was|\s+has been|\s+had been|\s+would be|\s+will be|\s+remains|\s+seems|\s+appears)"
    r"\s+(?:\w+\s+)?(?:(?:worth(?: noting| mentioning)?|important|likely|unlikely|possible|impossible|clear|"
    r"unclear|difficult|hard|easy|true|false|necessary|notable|interesting|essential|common|rare|not clear)"
    r"(?=\s+(?:that|to|whether|how|what|when|why|if|for)\b|\s*[,.]|$)|"
    r"(?:estimated|believed|said|reported|expected|known|thought|understood|claimed|rumou?red|argued)"
    r"\s+(?:that|to)\b)|"
    # "it took several centuries for the technology to spread": the time something took ("It took three
    # years to build" may be said of the bridge before)
    r"^it\s+(?:took|takes|take|will take|would take|has taken|had taken|could take|may take)\s+"
    r"(?:\w+\s+){1,4}?for\s+[^.,;]{1,60}?\bto\s+\w",
    re.I,
)
# "Geranium is a restaurant ...", "Binance is the world's largest crypto exchange": what a name is.
# A name may hold numbers after its first word ("The 1932 Australian Grand Prix"); the category ends before
# a participle ("a motorsport race held on ...").
_CATEGORY = re.compile(
    r"^(?P<name>[A-Z][\w&'.-]*(?: (?:[A-Z]|\d)[\w&'.-]*)*) (?:is|was) (?:also )?(?:a|an|the|one of the)\s+"
    r"(?P<np>[^,.;:()]+?)(?=\s+(?:in|of|at|for|on|that|which|who|with|from|by|to|and|located|held|used|known|"
    r"built|made|(?-i:[a-z]{3,}ed))\b|[,.;:(]|$)"
)
# The reverse: a description identified as a name or a quoted title ("The largest city in Australia is
# Sydney", "The most cited paper is "Attention Is All You Need" by Vaswani et al.").
_NAMED_DESCRIPTION = re.compile(
    r"^the\s+(?:[\w-]+\s+){0,5}?(?P<head>(?-i:[a-z]+))(?:\s+(?:in|of|on|at|for|by)\s+[^,;\"“]{1,40}?)?"
    r"\s+(?:is|was)\s+(?P<name>\"[^\"”]{2,80}[\"”]|“[^”\"]{2,80}[”\"]|"
    r"(?-i:[A-Z][\w&'’.-]*(?:\s+(?:[A-Z]|\d)[\w&'’.-]*){0,5}))(?=[\s,.;]|$)(?!\s+(?:is|was|are|were)\b)",
    re.I,
)


def _opening_verb_form(word: str) -> bool:
    """A capitalised "-ing" form of a known verb opening a sentence ("Using", "Following"; not "Sterling"):
    never a word of the name after it."""
    low = word.lower()
    return word[:1].isupper() and low.endswith("ing") and is_gerund(tokenize(low)[0])


_DEFINITE_NOUN = re.compile(r"^(?P<det>the|this|that|these|those)\s+(?P<noun>(?-i:[a-z])[a-z-]+)\b", re.I)
_POSSESSIVE = re.compile(r"['’]s$")
_OWNER = re.compile(r"['’]s\b")
# "Yang Liu: He served ...", "“Square One” (2016) - This is the debut album": a label, then a pronoun.
_LABELLED = re.compile(
    r"^(?P<name>(?-i:[A-Z“\"])[^:–—;]{1,60}?)\s*(?::|\s[-–—])\s+(?:he|she|it|they|this)\b(?=\s+(?-i:[a-z]))",
    re.I,
)
# An identification: a superlative or unique description, then what it is ("The most common gas mixture used
# in diving is compressed air.").
_IDENTITY = re.compile(
    r"^the\s+(?:most|least|only|first|main|best|largest|[a-z]+est)\b[^,;:]*?\s(?:is|was)\s+"
    # a quoted name may carry its spelling in another script: 'is "MAYIM" (מים)'
    r"(?P<np>\"[^\"”]{1,60}[\"”]|“[^”\"]{1,60}[”\"]|(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+){0,3})"
    r"(?:\s*\([^()]{1,40}\))?\.?$",
    re.I,
)
_SPOKE = {"said", "says", "told", "tells", "added", "adds", "explained", "wrote", "writes", "noted", "argued"}
# A name that speaks: "Name said", "Name, a spokesperson for X, told ...".
_SPEAKER_AFTER = re.compile(
    r"^(?:,\s+(?:an?|the)\s+[^,;.]{1,80})?,?(?:\s+[a-z]+ly)?\s+(?:" + "|".join(sorted(_SPOKE)) + r")\b"
)
# An intro before the subject: a prepositional phrase, or an -ing phrase (not a name with its alias).
_INTRO = re.compile(
    r"^(?:(?:in|on|by|since|after|before|during|until|from|as of|last|this|next|earlier|later|between|among|"
    r"within|throughout|across|despite|following|under|at|for|with)\b"
    r"[^,]{0,40},\s+|[A-Z][a-z]+ing\b[^,]{0,60},\s+(?!(?:also\s+)?(?:known|called)\s+as\b)|"
    # a place named without a comma before the reference: "In the U.S. the app got banned"
    r"(?:in|across|at)\s+(?:the\s+)?(?-i:[A-Z][\w.]*)(?:\s+(?-i:[A-Z][\w.]*)){0,3}\s+"
    r"(?=(?-i:the|it|its|he|his|she|her|they|their)\s))",
    re.I,
)


@dataclass
class _Mention:
    name: str
    kind: str
    sentence: int
    subject: bool
    initial: bool = False  # the text's first word: capitalised anyway, perhaps no name at all
    modifier: bool = False  # written before a lower-case noun: "various Sydney locations"


@dataclass
class Discourse:
    """What a draft has mentioned so far: names, things introduced, the last subject."""

    draft_date: str | None = None
    mentions: list[_Mention] = field(default_factory=list)
    kinds: dict[str, str] = field(default_factory=dict)
    things: dict[str, tuple[str, int]] = field(default_factory=dict)  # head noun -> (description, sentence)
    last_subject: tuple[str, str, int] | None = None  # (text, kind, sentence)
    proper: set[str] = field(default_factory=set)
    first_seen: dict[str, int] = field(default_factory=dict)
    possessors: set[str] = field(default_factory=set)
    acronyms: dict[str, str] = field(default_factory=dict)  # "BPE" -> "Byte Pair Encoding"
    # what a passive clause did to its subject, as a noun: "X is appointed by Y" -> "appointment" -> (X, 3)
    events: dict[str, tuple[str, int]] = field(default_factory=dict)
    asked: tuple[str, int] | None = None  # the noun a "What state ...?" question asked for
    sentence_refs: dict[tuple[int, str], str | None] = field(
        default_factory=dict
    )  # names written with "'s" ("Jarome Iginla's No. 12")
    categories: dict[str, tuple[str, int]] = field(default_factory=dict)  # "restaurant" -> ("Geranium", 3)
    recent: list[tuple[int, str]] = field(default_factory=list)  # the last texts observed
    sentences: list[str] = field(default_factory=list)  # the last whole sentences read
    history: list[str] = field(default_factory=list)  # the last six, for what a description refers back to
    defined: tuple[str, int] | None = None  # what the last definition defined: "X refers to ..."
    # what evidence was said to show ("Some evidence suggests that ironworking ..."): (text, sentence)
    framed: tuple[str, int] | None = None

    # ------------------------------------------------------------------------------------------ names

    def names(self, text: str) -> list[tuple[str, int, int]]:
        """The names written in ``text`` as (name, start, end)."""
        tokens = tokenize(text)
        out: list[tuple[str, int, int]] = []
        i = 0
        while i < len(tokens):
            t = tokens[i]
            word = _POSSESSIVE.sub("", t.text)
            if word.lower() in TITLES and i + 1 < len(tokens) and tokens[i + 1].text[:1].isupper():
                i += 1  # "Founder Lei Jun", "Justice William O. Douglas": the title is not part of the name
                continue
            if word.lower() in TITLES and word.lower() not in {"general"}:
                i += 1
                continue
            if i == 0 and i + 1 < len(tokens) and _opening_verb_form(word):
                i += 1  # "Using ECharts Java, ...": the opening participle is no part of the name
                continue
            if word[:1].isupper() and any(c.isalpha() for c in word) and word.lower() not in NOT_NAMES:
                j = i
                end_text = word
                while j + 1 < len(tokens):
                    nxt = tokens[j + 1]
                    if tokens[j].text.endswith(("'s", "’s")):
                        break
                    if nxt.text in {"#", "+"} and nxt.start == tokens[j].end:
                        j += 1  # "C#", "C++": the marks are part of the name
                        end_text = nxt.text
                        continue
                    if nxt.start != tokens[j].end + 1 and nxt.text != ".":
                        break
                    nword = _POSSESSIVE.sub("", nxt.text)
                    if nxt.text == "." and len(tokens[j].text) == 1 and tokens[j].text.isupper():
                        # an initial: "William O. Douglas"
                        if j + 2 < len(tokens) and tokens[j + 2].text[:1].isupper():
                            j += 1
                            end_text = "."
                            continue
                        break
                    if nxt.start != tokens[j].end + 1 and tokens[j].text != ".":
                        break
                    if nword[:1].isupper() and nword.lower() not in NOT_NAMES - {"ev"}:
                        j += 1
                        end_text = nword
                    else:
                        break
                start = t.start
                stop = tokens[j].start + len(end_text)
                out.append((text[start:stop], start, stop))
                i = j + 1
                continue
            i += 1
        return out

    def _kind(self, name: str, text: str, start: int, end: int) -> str:
        low = name.lower()
        if low in PLACES or low.rstrip(".") in PLACES:
            return PLACE
        if self.kinds.get(name, NAME) != NAME:
            return self.kinds[name]  # typed already; a plain name may still turn out a person ("Manuel, who")
        before = [w for w in (t.low.strip(".,") for t in tokenize(text[:start])) if w][-3:]
        after = text[end : end + 12].lower()
        words = low.split()
        if words[-1] in ORG_SUFFIXES:
            return ORG
        # "WHO director-general Tedros ...": a hyphenated title counts as its parts
        title = before[-1] if before else ""
        titled = bool(before) and (
            title in TITLES or before[-2:] == ["former", title] or bool(set(title.split("-")) & TITLES)
        )
        if titled or after.startswith((", who", " who")) or words[0] in TITLES:
            return PERSON
        if _FOUNDER.match(text[end:]) or _BORN.match(text[end:]):
            return PERSON
        if _person_shaped(name) and (_SPEAKER_AFTER.match(text[end:]) or (before and before[-1] in _SPOKE)):
            return PERSON  # "..., Jonathan Sivarajah, an aviation commentator, told CNN", "said Jane Doe"
        for known, kind in self.kinds.items():
            # "Obama" after "Barack Obama": the same person.
            if kind == PERSON and len(words) == 1 and known.lower().split()[-1] == low:
                return PERSON
        return NAME

    # ---------------------------------------------------------------------------------------- observe

    def learn(self, text: str) -> None:
        """Type the names of a whole sentence ("X, who ..." is a person) before its pieces are resolved."""
        for name, start, end in self.names(text):
            if self.kinds.get(name, NAME) == NAME:
                self.kinds[name] = self._kind(name, text, start, end)
        self._learn_kinds(text, max(len(self.recent) and self.recent[-1][0], 0))
        for m in _ACRONYM.finditer(text):
            long = _long_form(text[: m.start()], m.group("short"))
            if long:
                self.acronyms.setdefault(m.group("short"), long)
        self.sentences = [*self.sentences[-2:], text]
        self.history = [*self.history[-5:], text]

    def _learn_kinds(self, text: str, sentence: int) -> None:
        """ "What kind of u-boat was the SM U-30?": the u-boat is the SM U-30; '"Human Compatible" by
        Stuart Russell': the author is Stuart Russell."""
        for m in _KIND_QUESTION.finditer(text):
            self.categories[_singular(m.group("np").split()[-1].lower())] = (m.group("name"), sentence)
        which = _WHICH_QUESTION.match(text.strip())
        if which:
            self.asked = (_singular(which.group("noun").lower()), sentence)
        authored = _AUTHORED.search(text)
        if authored:
            name = authored.group("name")
            name = name[:-1] if name.endswith(".") and len(name.split()[-1]) > 2 else name  # "Russell."
            self.categories.setdefault("author", (name, sentence))

    def observe(self, text: str, sentence: int, heading: bool = False, main: bool = True) -> None:
        """Remember the names and things of a (resolved) claim or heading; only a ``main`` clause (not an
        appositive or a relative clause) becomes the subject later pronouns refer to."""
        if heading:
            self._learn_kinds(text, sentence)
        subject = _subject(text)
        for name, start, end in self.names(text):
            kind = self._kind(name, text, start, end)
            if self.kinds.get(name, NAME) == NAME:
                self.kinds[name] = kind
            self.first_seen.setdefault(name, len(self.first_seen))
            is_subject = subject is not None and start == 0 and not heading
            if start > 0 or (is_subject and _SPEAKER_AFTER.match(text[end:])):
                # capitalised inside a sentence, or a subject that speaks ("Jebreal said"): certainly a name
                self.proper.add(name)
            if text[end : end + 2] in {"'s", "’s"}:
                self.possessors.add(name)
            modifier = _is_modifier_of(text[end:])
            # "Phase III results indicated ...": a name that only qualifies the subject's noun is not it
            is_subject = is_subject and not modifier
            self.mentions.append(_Mention(name, self.kinds[name], sentence, is_subject, start == 0, modifier))
        if subject is not None and not heading and main:
            kind = self.kinds.get(subject, NAME if subject[:1].isupper() else "thing")
            inside = [self.kinds.get(n) for n, _, _ in self.names(subject)]
            if subject.lower() in {"he", "she"} or PERSON in inside:
                kind = PERSON  # "Founder Lei Jun"
            if kind == PERSON and subject.lower() not in {"he", "she", "his", "her"}:
                self.kinds.setdefault(subject, PERSON)
            self.last_subject = (subject, kind, sentence)
            answer = not text.rstrip().endswith("?") and subject[:1].isupper() and kind != "thing"
            if self.asked and sentence - self.asked[1] <= 1 and answer:
                self.categories.setdefault(self.asked[0], (subject, sentence))  # the answer's name
                self.asked = None
            if _DEFINITION.match(text[text.find(subject) + len(subject) :]):
                self.defined = (subject, sentence)
            shown = _EVIDENCE_SHOWS.match(text)
            embedded = _subject(text[shown.end() :]) if shown else None
            if embedded and not _pronoun_subject(embedded) and not _plural(embedded):
                self.framed = (embedded, sentence)
            passive = _PASSIVE.match(text[text.find(subject) + len(subject) :])
            if passive and subject[:1].isupper() and not _pronoun_subject(subject):
                for noun in _nominalisations(passive.group("part").lower()):
                    self.events[noun] = (subject, sentence)
            active = _ACTIVE.match(text[text.find(subject) + len(subject) :])
            if active and subject[:1].isupper() and not _pronoun_subject(subject):
                # "The Supreme Court held that ...": "The decision" that follows is the court's
                for noun in _ACT_NOUNS[active.group("verb").lower()]:
                    self.events.setdefault(noun, (subject, sentence))
                    if self.events[noun][1] < sentence:
                        self.events[noun] = (subject, sentence)
        compared = _CORRELATIVE_SUBJECT.match(text) if subject is None and not heading and main else None
        if compared:
            # "The more massive an object is, the more inertia it has": "it" is the object compared
            self.last_subject = (compared.group("np"), "thing", sentence)
        named = _IDENTITY.match(text) if not heading and main else None
        if named and _predicate_phrase(named.group("np")):
            named = None  # "The first computer was built in 1945": a passive, no identification
        if named:
            # "The fastest animal ... is the peregrine falcon. It ...": "it" is the falcon.
            np = named.group("np")
            self.last_subject = (np, self.kinds.get(np, NAME if np[:1].isupper() else "thing"), sentence)
        self._observe_things(text, sentence, subject)
        if not heading:
            self._observe_category(text, sentence)
            self.recent = [*self.recent[-5:], (sentence, text)]

    def _observe_category(self, text: str, sentence: int) -> None:
        named = _NAMED_DESCRIPTION.match(text)
        if named and named.group("head").lower() not in _NOT_CATEGORIES:
            # "The most cited NLP research paper is "Attention Is All You Need"": "the paper" is that title
            self.categories[named.group("head").lower()] = (named.group("name").rstrip("."), sentence)
        m = _CATEGORY.match(text)
        if not m:
            return
        words = m.group("np").split()
        head = _singular(words[-1].lower()) if words else ""
        if head.isalpha() and head not in _NOT_CATEGORIES:
            self.categories[head] = (m.group("name"), sentence)

    def _recent_phrase(self, noun: str, sentence: int, indefinite: bool = False) -> str | None:
        """The last fuller mention of ``noun`` in recent sentences ("gravitational waves" for "waves");
        with ``indefinite``, only one introduced by "a"/"an" ("an 11-year-old girl" for "the girl")."""
        forms = {noun} if indefinite else {noun, _singular(noun), noun + "s"}
        for seen, text in reversed(self.recent):
            if sentence - seen > 2:
                break
            tokens = tokenize(text)
            for i in range(len(tokens) - 1, 0, -1):
                if tokens[i].low not in forms:
                    continue
                j = i
                while j > 0 and i - j < 3 and _modifier(tokens[j - 1]):
                    j -= 1
                if indefinite and (j == 0 or tokens[j - 1].low not in {"a", "an"}):
                    continue
                if j < i:
                    words = [t.text for t in tokens[j : i + 1]]
                    if j == 0 and not words[0].isupper() and words[0] not in self.proper:
                        words[0] = words[0][:1].lower() + words[0][1:]  # capitalised only as the first word
                    return " ".join(words)
        return None

    def thing_for(self, head: str, sentence: int) -> str | None:
        """What a bare noun refers back to ("unit" -> "Xiaomi EV"), from the things and categories seen."""
        head = _singular(head)
        found = self.things.get(head) or self.categories.get(head)
        if found and sentence - found[1] <= 8:
            return found[0]
        if head in COMPANY_NOUNS:
            return self._salient(ORG, sentence, 5)
        return None

    def _definite(self, text: str, sentence: int) -> tuple[str, bool] | None:
        """An opening "the restaurant" (a name's category) or "these waves" (a fuller earlier mention)
        replaced by what it refers to; ``None`` when the rule does not apply."""
        m = _DEFINITE_NOUN.match(text)
        if not m:
            return None
        det, noun = m.group("det").lower(), m.group("noun").lower()
        rest = tokenize(text[m.end() :])
        if noun in HEADS or noun in DETERMINERS | PREPOSITIONS | ADVERBS | AUX or not rest:
            return None
        if is_verb(tokenize(m.group("noun"))[0]) or noun in COMMON_VERBS:
            return None
        defined = self.defined if self.defined and sentence - self.defined[1] == 1 else None
        if det == "this" and noun in _ABSTRACT_NOUNS and defined and is_verb(rest[0]):
            return defined[0] + text[m.end() :], False  # "X refers to ... This idea suggests ..."
        known = self.categories.get(_singular(noun))
        # "The paper was published ...", "The paper's cover page ...": the name is the subject or its owner
        owner = _OWNER.match(text, m.end()) is not None
        if known and sentence - known[1] <= 6 and (is_verb(rest[0]) or owner) and _singular(noun) == noun:
            return known[0] + text[m.end() :], False
        if det == "the":
            after = rest[0]
            if (
                after.text.isalpha()
                and after.text.islower()
                and not (is_verb(after) or after.low in ADVERBS | PREPOSITIONS | {"who", "which", "that"})
            ):
                return None  # "the magnetic fields of black holes": "magnetic" is no head noun
            introduced = self._recent_phrase(noun, sentence, indefinite=True)
            return ("The " + introduced + text[m.end() :], False) if introduced else None
        phrase = self._recent_phrase(noun, sentence)
        if phrase is None:
            plural_det = det in {"these", "those"}
            listed = (self._listed(noun) or self._people(noun, sentence)) if plural_det else None
            return (listed + text[m.end() :], False) if listed else (text, True)
        return "The " + phrase + text[m.end() :], False

    def _people(self, noun: str, sentence: int) -> str | None:
        """ "These scholars" after sentences about Ming Zhou, Haifeng Wang and Jing Jiang: the people who were
        the subjects of the last sentences (two to six of them)."""
        if _singular(noun) not in PERSON_NOUNS or _singular(noun) == noun:
            return None
        people: list[str] = []
        for m in self.mentions:
            name = self._canonical(m.name)
            recent = m.subject and sentence - m.sentence <= 8
            if recent and self.kinds.get(name) == PERSON and name not in people:
                people.append(name)
        if not 2 <= len(people) <= 6:
            return None
        return ", ".join(people[:-1]) + " and " + people[-1]

    def _listed(self, noun: str) -> str | None:
        """ "These industries" after "industries such as palm oil, rubber, and mining": the noun with its
        examples, from the last sentences read."""
        pattern = re.compile(
            rf"\b{re.escape(noun)}\s+(?:such as|including|like)\s+(?P<items>[^.;:()]{{3,100}}?)"
            r"(?=,\s+(?:who|which|where)\b|[.;:(]|$)"
        )
        for text in reversed(self.sentences):
            m = pattern.search(text)
            if m and re.search(r"\s(?:and|or)\s", m.group("items")):  # a list, not one example
                return f"{noun[:1].upper()}{noun[1:]} such as {m.group('items')}"
        return None

    def _observe_things(self, text: str, sentence: int, subject: str | None) -> None:
        owner = subject if subject and self.kinds.get(subject) in {ORG, NAME} else None
        for m in _THING.finditer(text):
            head = m.group("head").lower()
            alias = m.group("alias") or m.group("alias2")
            if alias:
                description = alias
            else:
                who = m.group("poss") or (owner if m.group("det").lower() == "its" or owner else None)
                mods = " ".join(w for w in m.group("mods").split() if not any(c.isdigit() for c in w))
                core = " ".join(x for x in (mods, m.group("head")) if x)
                description = f"{who}'s {core}" if who else f"the {core}"
                if m.group("place"):
                    description += f" in {m.group('place')}"
                if description.startswith("the ") and not m.group("place"):
                    continue  # "the new unit" says no more than "the unit"
            for noun in HEADS[head]:
                if noun in COMPANY_NOUNS:
                    continue
                known = self.things.get(noun)
                if known and description in known[0]:
                    # "Xiaomi's purchase" after "Xiaomi's purchase of Deepmotion": keep the fuller one.
                    self.things[noun] = (known[0], sentence)
                else:
                    self.things[noun] = (description, sentence)
        # "X bought Y" introduces a deal: "X's purchase of Y".
        for m in [*_PURCHASE.finditer(text), *_PAID.finditer(text)]:
            for noun in HEADS["deal"]:
                self.things[noun] = (f"{m.group('buyer')}'s purchase of {m.group('target')}", sentence)

    # ---------------------------------------------------------------------------------------- resolve

    def _canonical(self, name: str) -> str:
        """The full form of a shortened name: "Meridian" -> "Meridian Auto", "Obama" -> "Barack Obama".

        Only a name introduced before the short form counts ("Xiaomi", then "Xiaomi EV", are two names)."""
        words = name.split()
        best = name
        first = self.first_seen.get(name, len(self.first_seen))
        for known, order in self.first_seen.items():
            parts = known.split()
            if (
                order < first
                and len(parts) > len(words)
                and len(known) > len(best)
                and (parts[: len(words)] == words or parts[-len(words) :] == words)
            ):
                best = known
        return best

    def _expand_name(self, text: str, pos: int) -> str:
        """A claim opening with a short second reference gets the full name: "Harlan has ..." ->
        "Harlan Robotics has ..." when "Harlan Robotics" was named earlier in the draft."""
        found = self.names(text[pos:])
        if not found or found[0][1] != 0:
            return text
        name = found[0][0]
        full = self._canonical(name)
        if full == name or self.kinds.get(full) == PLACE or text[pos:].lower().startswith(full.lower()):
            return text  # "Sinking sand" after "What is Sinking Sand?": already the full name
        return text[:pos] + full + text[pos + len(name) :]

    def _doubtful(self, name: str) -> bool:
        """A one-word "name" only ever seen once, opening a sentence: perhaps just a capitalised word."""
        if " " in name or name in self.proper or self.kinds.get(name) == ORG:
            return False
        return sum(m.name == name for m in self.mentions) < 2

    def _salient(
        self, kind: str, sentence: int, window: int, exclude: frozenset[str] = frozenset()
    ) -> str | None:
        scores: dict[str, float] = {}
        accepted = {ORG, NAME} if kind == ORG else {kind}
        for m in self.mentions:
            if self.kinds.get(m.name, m.kind) not in accepted or sentence - m.sentence > window:
                continue
            if m.initial and self._doubtful(m.name) or m.name.lower() in _COUNTS:
                continue  # "Fresh reports clear up ...", "Four people": a capital that opens the sentence
            weight = (2.0 if m.subject else 1.0) * 0.5 ** max(0, sentence - m.sentence)
            name = self._canonical(m.name)
            if name in exclude:
                continue
            scores[name] = scores.get(name, 0.0) + weight
        if not scores:
            return None
        ranked = sorted(scores.items(), key=lambda kv: -kv[1])
        if len(ranked) > 1 and ranked[1][1] * 1.5 > ranked[0][1]:
            return None  # no clear winner
        return ranked[0][0]

    def _prominent(self, name: str, sentence: int) -> bool:
        """Whether ``name`` was lately mentioned as more than a modifier of a noun ("various Sydney
        locations")."""
        recent = [m for m in self.mentions if sentence - m.sentence <= 3 and self._canonical(m.name) == name]
        return not recent or not all(m.modifier for m in recent)

    def referent(self, ref: str, head: str | None, sentence: int, rest: str = "") -> str | None:
        """What ``ref`` ("it", "the company", "the factory"...) refers to, or ``None`` when unclear; a person
        named in the ``rest`` of the claim is not what its "he" or "she" is ("he delves into Gregorio's
        life": not Gregorio)."""
        low = ref.lower()
        if low in {"it", "its"}:
            if self.framed and self.framed[1] == sentence:
                # "Some evidence suggests that ironworking may have begun ..., but it did not become
                # widespread": "it" is what the evidence is about, not the evidence
                return self.framed[0]
            last = self.last_subject
            if last and self.kinds.get(last[0], last[1]) != PERSON and sentence - last[2] <= 1:
                subj = last[0]
                if _indefinite(subj, rest):
                    return None  # "Another government entity ... This time, it's the European Commission"
                if not _pronoun_subject(subj) and not _plural(subj):
                    return subj
            found = self._salient(ORG, sentence, 2)
            # a name only seen as a modifier ("various Sydney locations") is not what "it" is about
            return found if found and self._prominent(found, sentence) else None
        if low == "this":
            # "X refers to the pricing strategy where ... This allows ...": "this" is what was defined.
            if self.defined and sentence - self.defined[1] == 1 and not _pronoun_subject(self.defined[0]):
                return self.defined[0]
            return None
        if low in {"they", "their", "them"}:
            last = self.last_subject
            if last and sentence - last[2] <= 1 and self.kinds.get(last[0], last[1]) != PERSON:
                subj = last[0]
                group = (self.kinds.get(subj) or last[1]) in {ORG, NAME}
                if not _pronoun_subject(subj) and not _indefinite(subj, rest) and (_plural(subj) or group):
                    return subj
            return None
        if low in {"he", "his", "she", "her"}:
            # a name as a modifier ("the Graham campaign") may still be the person
            named_after = frozenset(
                self._canonical(n) for n, _, end in self.names(rest) if not _is_modifier_of(rest[end:])
            )
            last = self.last_subject
            if last and sentence - last[2] <= 1 and self._canonical(last[0]) not in named_after:
                subj = last[0]
                # The previous subject, when it is a name not known to be an organisation or a place.
                kind = self.kinds.get(subj)
                named = subj in self.proper or len(subj.split()) >= 2 or not self._doubtful(subj)
                if kind == PERSON or (kind == NAME and named):
                    return subj
                described = _person_description(subj, low)
                if described:
                    return described
            person = self._salient(PERSON, sentence, 3, named_after)
            if person is None:
                # One name shaped like a person's ("Jarome Iginla") in this or the previous sentence.
                shaped = {
                    m.name
                    for m in self.mentions
                    if sentence - m.sentence <= 1
                    and self.kinds.get(m.name) == NAME
                    and 2 <= len(m.name.split()) <= 3
                    and not any(w.lower() in ORG_SUFFIXES for w in m.name.split())
                    and (m.subject or m.name in self.possessors)
                }
                if len(shaped) == 1 and not any(self.kinds.get(m.name) == PERSON for m in self.mentions):
                    return shaped.pop()
            return person
        if head is None:
            return None
        head = head.lower()
        if head in COMPANY_NOUNS:
            return self._salient(ORG, sentence, 5)
        if head in OWNED_NOUNS and head not in self.things:
            owner = self._salient(ORG, sentence, 5)
            return f"{owner}'s {head}" if owner else None
        found = self.things.get(head)
        if found and sentence - found[1] <= 8:
            return found[0]
        if head in PRODUCT_NOUNS:
            return self._salient(ORG, sentence, 3)  # "TikTok's been facing ... the app got banned"
        return None

    def _title_maker(self, text: str, sentence: int) -> str:
        """'"Square Two" is their second album': a quoted title is a work, and the owner its predicate
        names ("their", "its") is who made it: the group or organisation the sentences before are about."""
        m = _TITLE_MAKER.match(text)
        if m is None:
            return text
        title = m.group("title").strip('“”"')
        # a name within the title ("Square" of "Square Two") is the work's, not its maker's; a name written
        # as an owner lately ("Blackpink's debut album") is the maker before any other ("Whistle")
        within = {self._canonical(n.name) for n in self.mentions if n.name.lower() in title.lower()}
        recent = {self._canonical(n.name) for n in self.mentions if sentence - n.sentence <= 2}
        owners = {self._canonical(n) for n in self.possessors} - within
        others = recent - owners if recent & owners else set()
        maker = self._salient(ORG, sentence, 2, frozenset(within | others | {title}))
        if maker is None:
            return text
        owner = f"{maker}'" if m.group("pron").lower() == "their" and maker.endswith("s") else f"{maker}'s"
        return text[: m.start("pron")] + owner + text[m.end("pron") :]

    def resolve(self, text: str, sentence: int) -> tuple[str, bool]:
        """``text`` with its opening reference replaced by the referent, and whether it needs context: also
        when it still opens with a reference back that nothing resolved (never silently left as written)."""
        resolved, needs = self._resolve_opening(text, sentence)
        unchanged = resolved.lower().split()[:4] == text.lower().split()[:4]  # no referent put in its place
        if unchanged:
            fuller = self._fuller_phrase(resolved)
            owned = None if fuller else self._event_owner(resolved, sentence)
            needs = needs and owned is None  # "This win" named as "Argentina's win"
            resolved = fuller or owned or self._category_head(resolved, sentence) or resolved
        resolved = self._spelled_out(resolved)
        resolved = self._title_maker(resolved, sentence)
        resolved = self._reported_definite(resolved, sentence)
        # a bare "the N" whose N the sentences before used, and that nothing above made more specific
        familiar = unchanged and resolved.split()[:4] == text.split()[:4] and self._familiar(resolved)
        if unchanged and (refers_back(resolved) or familiar):
            named = self._named_head(resolved, sentence) or (
                self._named_mention(resolved) if familiar else None
            )
            return (named, needs) if named else (resolved, True)
        return resolved, needs

    def _category_head(self, text: str, sentence: int) -> str | None:
        """ "The U-boat was armed ..." after "What kind of u-boat was the SM U-30?": an opening "the N"
        whose noun is what a name was said to be, written in any case."""
        m = _CATEGORY_HEAD.match(text)
        if not m:
            return None
        found = self.categories.get(m.group("noun").lower())
        if found is None or sentence - found[1] > 8:
            return None
        name = found[0]
        return f"{name[:1].upper()}{name[1:]}{text[m.end() :]}"

    def _event_owner(self, text: str, sentence: int) -> str | None:
        """ "The appointment can be renewed" right after "The Commissioner is appointed by ...": the noun of
        what was done to the last sentence's subject names whom it was done to ("The Commissioner's
        appointment can be renewed")."""
        m = _THE_NOUN.match(text)
        if not m:
            return None
        found = self.events.get(m.group("noun").lower())
        if found is None or not 0 <= sentence - found[1] <= 2:
            return None
        owner = found[0]
        owner = f"{owner}'" if owner.endswith("s") else f"{owner}'s"
        return f"{owner[:1].upper()}{owner[1:]} {m.group('noun')}{text[m.end() :]}"

    def _reported_definite(self, text: str, sentence: int) -> str:
        """ "The court held that the law was constitutional" after "a New York state law regulating ...":
        the subject of a reported clause takes the fuller description it was introduced with."""
        m = _REPORTED_THE.search(text)
        if not m:
            return text
        fuller = self._recent_phrase(m.group("noun").lower(), sentence, indefinite=True)
        if not fuller or fuller.lower() == m.group("noun").lower():
            return text
        return f"{text[: m.start('noun')]}{fuller}{text[m.end('noun') :]}"

    def _spelled_out(self, text: str) -> str:
        """A claim whose subject is an acronym the draft defined earlier names it in full: "BPE offers
        benefits" -> "Byte Pair Encoding (BPE) offers benefits" (not inside a quotation)."""
        if not self.acronyms or text.lstrip()[:1] in "\"“'‘":
            return text
        subject = _subject(text)
        if not subject:
            return text
        at = text.find(subject)
        for short, long in self.acronyms.items():
            m = re.search(rf"(?<![\w(]){re.escape(short)}(?![\w)])", subject)
            if m and long.lower() not in text.lower():
                long = long[:1].upper() + long[1:] if at + m.start() == 0 else long
                return f"{text[: at + m.start()]}{long} ({short}){text[at + m.end() :]}"
        return text

    def _fuller_phrase(self, text: str) -> str | None:
        """ "The four female presidents were ..." after "four female presidents of the United States": an
        opening definite description of two or more words written earlier with the name it belongs to."""
        m = _OPENING_PHRASE.match(text)
        if not m:
            return None
        words = m.group("words")
        pattern = re.compile(
            rf"\b{re.escape(words)}\s+(?P<pp>(?:of|in)\s+(?:the\s+)?(?-i:[A-Z])[\w.&'-]*(?:\s+(?-i:[A-Z])[\w.&'-]*)*)",
            re.I,
        )
        for earlier in [*reversed(self.sentences[:-1]), *(t for _, t in reversed(self.recent))]:
            found = pattern.search(earlier)
            if found:
                pp = found.group("pp").rstrip(".")  # "of the Club." at a sentence end
                return f"{m.group('det')} {words} {pp}{text[m.end('words') :]}"
        return None

    def _earlier(self) -> list[str]:
        """The whole sentences read before the current one (up to five), latest first."""
        return list(reversed(self.history[:-1]))

    def _named_mention(self, text: str) -> str | None:
        """ "The transfers involved ..." after "a series of transfers made by the world's largest crypto
        exchange, Binance": an opening bare "the N" (its verb right after the noun) takes the name N was
        written with in the sentences before ("Binance's N", "N made by Binance", "N in Qom").

        Only a name makes the earlier mention more specific; "the N" after a mere "some N" stays as it is.
        """
        head = _bare_definite_head(text)
        if head is None or text[4 : text.find(head)].strip():
            return None  # "the first incident" is not any incident the text named before
        rest = text[text.find(head) + len(head) :]
        forms = "|".join(
            re.escape(f) for f in sorted({head, _singular(head), head + "s"}, key=len, reverse=True)
        )
        patterns = (
            (re.compile(rf"(?P<owner>{_NAME_RE})['’]s\s+(?:(?-i:[a-z-]+)\s+){{0,2}}?(?:{forms})\b"), "owner"),
            (
                re.compile(
                    rf"\b(?:{forms})\s+(?P<part>(?-i:[a-z]+ed)|made|done|given|taken|held|paid|sent|won)\s+by\s+"
                    rf"(?:(?:the\s+)?[^,.;:()]{{0,60}}?,\s+)?(?P<agent>{_NAME_RE})(?=[\s,.;:]|$)"
                ),
                "agent",
            ),
            (
                re.compile(
                    rf"\b(?:{forms})\s+(?P<prep>of|in|at|from|against)\s+(?P<np>(?:the\s+)?{_NAME_RE})(?=[\s,.;:]|$)"
                ),
                "place",
            ),
        )
        for earlier in self._earlier():
            for pattern, shape in patterns:
                found = pattern.search(earlier)
                if not found:
                    continue
                if shape == "owner":
                    owner = found.group("owner")
                    if owner.lower() in NOT_NAMES or owner.split()[0] in {"The", "A", "An"}:
                        continue
                    return f"{owner}'s {head}{rest}"
                if shape == "agent":
                    return f"The {head} {found.group('part')} by {found.group('agent')}{rest}"
                return f"The {head} {found.group('prep')} {found.group('np').rstrip('.')}{rest}"
            # "Tesla reported record deliveries. The deliveries rose ...": the N of a named subject's
            # predicate is the subject's N.
            subject = _subject(earlier)
            named = subject is not None and (
                self.kinds.get(subject) in {ORG, PERSON} or subject in self.proper
            )
            if subject and named and not _pronoun_subject(subject):
                predicate = earlier[earlier.find(subject) + len(subject) :]
                if re.search(rf"\b(?:{forms})\b", predicate):
                    owner = f"{subject}'" if subject.endswith("s") else f"{subject}'s"
                    return f"{owner} {head}{rest}"
        return None

    def _familiar(self, text: str) -> bool:
        """Whether an opening bare "the N" names a noun the sentences before already used ("The incidents
        have prompted ..." after "In the latest incident, ..."): a description that refers back to them.
        A description with modifiers that repeats how the noun was written ("the peregrine falcon" after
        "The peregrine falcon is ...") says as much as it did there."""
        head = _bare_definite_head(text)
        if head is None:
            return False
        forms = {head, _singular(head), head + "s"}
        phrase = (
            " ".join(text.split()[1 : text.split().index(head) + 1]).lower() if head in text.split() else head
        )
        earlier = " ".join(self._earlier())
        if " " in phrase and re.search(rf"\b{re.escape(phrase)}\b", earlier, re.I):
            return False
        return bool(forms & {w.strip(",.;:()\"'“”").lower() for w in earlier.split() if w[:1].islower()})

    def _named_head(self, text: str, sentence: int) -> str | None:
        """ "The committee used ..." after "the Senate Intelligence Committee": a definite description whose
        head ends the one name of that kind mentioned in the last sentences, replaced by that name."""
        m = _DEFINITE_HEAD.match(text)
        if not m:
            return None
        head = m.group("head").lower()
        names = {
            self._canonical(x.name)
            for x in self.mentions
            if sentence - x.sentence <= 5 and x.name.split()[-1].lower() == head and " " in x.name
        }
        if len(names) != 1:
            return None
        return "The " + names.pop() + text[m.end() :]  # a name ending in a common noun takes "the"

    def _resolve_opening(self, text: str, sentence: int) -> tuple[str, bool]:
        labelled = _LABELLED.match(text)
        if labelled:
            # "Yang Liu: He served as chair": the label names who the pronoun is (a person, for "he"/"she").
            text = labelled.group("name") + text[labelled.end() :]
            pronoun = labelled.group(0).split()[-1].lower()
            if pronoun in {"he", "she"} and _person_shaped(labelled.group("name")):
                self.kinds[labelled.group("name")] = PERSON
        named = _called_name(text) or _dash_participle(text)
        if named:
            return anchor_and_flag(named, self.draft_date)
        intro = _INTRO.match(text)
        pos = intro.end() if intro else 0
        definite = self._definite(text[pos:], sentence)
        if definite is not None:
            resolved, needs = definite
            text = text[:pos] + resolved
            if text[:1].islower():
                text = text[0].upper() + text[1:]
            text, dated = anchor_dates(text, self.draft_date)
            return text, needs or not dated
        m = _REF.match(text[pos:])
        needs = False
        if m and _EXPLETIVE.match(text[pos:]):
            m = None  # "It is worth noting that...", "It was reported that...": nothing to resolve
        if m:
            ref = m.group("ref")
            key = (sentence, ref.lower())
            if key in self.sentence_refs:
                # Pieces of one sentence share their opening words: they refer to the same thing.
                target = self.sentence_refs[key]
            else:
                target = self.referent(
                    m.group("pron") or ref, m.group("head"), sentence, text[pos + m.end() :]
                )
                self.sentence_refs[key] = target
            if target is None or target.lower() == ref.lower():
                needs = True
            else:
                possessive = (m.group("pron") or "").lower() in {"its", "his", "their"} or (
                    (m.group("pron") or "").lower() == "her" and _possessive_her(text[pos + m.end() :])
                )
                # "their" after "Black holes": a plural owner takes a bare apostrophe
                their = (m.group("pron") or "").lower() == "their"
                plural_owner = (
                    target.endswith("s") and (target[:1].islower() or their)
                ) or target.lower().startswith("the ")
                owner = f"{target}'" if plural_owner and target.endswith("s") else f"{target}'s"
                replacement = owner if possessive else target
                if pos == 0 and replacement[:1].islower() and replacement.startswith("the "):
                    replacement = "The " + replacement[4:]
                rest = text[pos + m.end() :]
                if ref.lower() == "it" and re.match(r"['’]s\s", rest):
                    # "it's" is "it is" ("it has" before a past participle): "X's the European Commission"
                    # would read as an owner
                    verb = (
                        "has" if re.match(r"['’]s\s+(?:been|had|got|gone|become|[a-z]+ed)\b", rest) else "is"
                    )
                    rest = f" {verb}" + rest[2:]
                if (m.group("pron") or "").lower() == "they" and not _plural(target):
                    rest = _agree(rest)  # "They focus on" -> "The American Fantasy Press focuses on"
                text = text[:pos] + replacement + rest
        else:
            text = self._expand_name(text, pos)
        if text[:1].islower():
            text = text[0].upper() + text[1:]
        text, dated = anchor_dates(text, self.draft_date)
        return text, needs or not dated


# '"Square Two" is their second album': a quoted title whose predicate names its maker.
_TITLE_MAKER = re.compile(r"^(?P<title>[“\"][^“”\"]{1,80}[”\"]) (?:is|was) (?P<pron>their|its) (?=\w)", re.I)
# A short opening phrase before the subject: "As a politician, he ...", "Called lensing, this ...".
_LEAD = re.compile(
    r"^(?:(?:as|when|while|if|although|though|because|once|after|before|called|known|otherwise|rather|still|"
    r"instead|meanwhile|however|indeed|yet|now|today|also|moreover|furthermore|additionally|again|here|there|"
    r"the\s+(?:same|following|next|previous)\s+\w+)"
    r"\b[^,]{0,60},\s+)",
    re.I,
)
# "One year into the war, those words ...": a lead of three words or more without a name inside (and no
# noun phrase of its own: "The giant planets in our solar system, such as ...").
_PHRASE_LEAD = re.compile(
    r"^(?!(?i:the|a|an|this|these|that|those)\s)[A-Z]?[a-z'-]*(?:\s+[a-z0-9'-]+){2,7},\s+"
)
_BACK = re.compile(
    r"^(?:it|its|he|his|him|she|her|they|their|them|this|that|these|those|such(?!\s+as))\b(?!\s+(?-i:[A-Z]))",
    re.I,
)
_DEFINITE_HEAD = re.compile(
    r"^the\s+(?:(?-i:[a-z-]+)\s+){0,2}?(?P<head>(?-i:[a-z-]+))(?=\s+(?-i:[a-z]))", re.I
)
_NOT_AFTER_HEAD = {"of", "in", "for", "at", "on", "that", "who", "which", "called", "named", "'s", "’s"}


def _bare_definite_head(text: str) -> str | None:
    """The noun of an opening "the N" (at most two lower-case words before it) followed at once by its
    verb ("The transfers involved", "The new assistance includes"), or ``None``: a noun with a name, a
    phrase or a clause after it says more than "the N"."""
    tokens = tokenize(text)
    if len(tokens) < 3 or tokens[0].low != "the":
        return None
    k = 1
    while k < min(len(tokens) - 1, 4) and not is_verb(tokens[k + 1]) and tokens[k + 1].low not in ADVERBS:
        k += 1
    words = tokens[1 : k + 1]
    if k + 1 >= len(tokens) or not all(w.text.replace("-", "").isalpha() and w.text.islower() for w in words):
        return None
    head, after = tokens[k], tokens[k + 1]
    if head.low in _NOT_BARE_HEADS or any(
        w.low in DETERMINERS | PREPOSITIONS | ADVERBS | AUX | COMMON_VERBS or is_verb(w) for w in words
    ):
        return None
    k += 1
    if after.low in ADVERBS and len(tokens) > k + 1:
        k, after = k + 1, tokens[k + 1]
    if k + 1 < len(tokens) and tokens[k + 1].low == "by" and after.low not in AUX:
        return None  # "The waves produced by ...": a participle that qualifies the noun, not its verb
    return head.low if is_verb(after) and after.text.islower() else None


def refers_back(text: str) -> bool:
    """Whether a claim opens (perhaps after a short lead phrase) with a pronoun, a demonstrative or a
    definite description ("The committee used ...") that only the preceding text can explain."""
    lead = _INTRO.match(text) or _LEAD.match(text) or _PHRASE_LEAD.match(text)
    rest = text[lead.end() :] if lead else text
    if _EXPLETIVE.match(rest):
        return False
    return bool(_BACK.match(rest)) or _referring_definite(rest.split()[:5])


def _referring_definite(words: list[str]) -> bool:
    """ "The committee used", "The new law has": a lower-case referring head within three words of "the"
    (a capitalised word makes it a name: "The Supreme Court")."""
    if not words or words[0].lower() != "the":
        return False
    for k, raw in enumerate(words[1:4], start=1):
        word = raw.strip(",.;:")
        if not word.islower():
            return False
        after = words[k + 1].lower() if k + 1 < len(words) else ""
        if (word in REFERRING_HEADS or _singular(word) in REFERRING_HEADS) and after not in _NOT_AFTER_HEAD:
            return not after[:1].isupper() and raw == word
    return False


# Nouns whose "the N" needs no referent ("The sun rises"), and words that only stand for a noun ("the rest").
_NOT_BARE_HEADS = {
    "sun", "moon", "earth", "world", "universe", "internet", "web", "weather", "sky", "public",
    "same", "following", "rest", "former", "latter", "majority", "minority", "average",
}  # fmt: skip
_NOT_CATEGORIES = {"one", "part", "member", "type", "kind", "number", "lot", "result", "way", "time", "place"}


def _pronoun_subject(subject: str) -> bool:
    """Whether a subject opens with a pronoun or demonstrative ("It", "These waves"), not a name that
    starts with one ("This Mortal Coil")."""
    words = subject.split()
    return words[0].lower() in REFERRING_PRONOUNS and not (len(words) > 1 and words[1][:1].isupper())


def _person_description(subject: str, pronoun: str) -> str | None:
    """A subject that describes a person ("An 11-year-old girl", "the teacher") as "he" or "she" may refer
    to it: "the 11-year-old girl"; ``None`` for other subjects or a pronoun of the other gender."""
    words = subject.split()
    if len(words) < 2 or words[0].lower() not in {"a", "an", "the"} or len(words) > 5:
        return None
    head = words[-1].lower()
    if head not in PERSON_NOUNS:
        return None
    other = FEMININE_NOUNS if pronoun in {"he", "his"} else MASCULINE_NOUNS
    if head in other:
        return None
    return "the " + " ".join(words[1:])


def _person_shaped(name: str) -> bool:
    """Two to four capitalised words with no company suffix and no place: "Jonathan Sivarajah"."""
    words = name.split()
    return (
        2 <= len(words) <= 4
        and all(w[:1].isupper() for w in words)
        and not any(w.lower().strip(".,") in ORG_SUFFIXES for w in words)
        and name.lower() not in PLACES
        and not any(w.lower() in NOT_NAMES for w in words)
    )


def _singular(noun: str) -> str:
    if noun.endswith("ies") and len(noun) > 4:
        return noun[:-3] + "y"
    if noun.endswith(("sses", "ses", "xes", "ches", "shes", "zes")) and len(noun) > 4:
        return noun[:-2]  # "gases" -> "gas", "processes" -> "process", "boxes" -> "box"
    if noun.endswith("s") and not noun.endswith(("ss", "us", "is")) and len(noun) > 3:
        return noun[:-1]
    return noun


def _indefinite(subject: str, rest: str) -> bool:
    """Whether a subject is an indefinite description a pronoun after it cannot be replaced by: one of a
    kind still unnamed ("Another government entity", "Some firms"), or any indefinite when the pronoun's
    clause says who it is ("A company ... It is the European Commission": an identification)."""
    words = subject.split()
    if len(words) < 2:
        return False
    first = words[0].lower()
    identifies = re.match(r"\s*(?:['’]s|is|was)\s+(?:the\s|(?-i:[A-Z]))", rest, re.I) is not None
    return first in {"another", "some", "several", "many"} or (first in {"a", "an", "one"} and identifies)


def _plural(phrase: str) -> bool:
    """Whether a subject names several things: "the giant planets", "Hoppus and Barker" (not "the fastest
    animal with wings and fur": only the words before a preposition or a relative pronoun count). A kind
    given with examples ("Companies like Intel and IBM") is a common noun even when it opens a sentence."""
    head = []
    for word in phrase.split():
        if word.lower() in PREPOSITIONS | {"that", "which", "who"}:
            break
        head.append(word)
    if len(head) == 1 and re.match(r"\S+\s+(?:like|such as|including)\s", phrase):
        return _singular(head[0].lower()) != head[0].lower()
    phrase = " ".join(head) or phrase
    words = phrase.split()
    if " and " in f" {phrase} ":
        return True
    last = words[-1] if words else ""
    if last.lower() in _IRREGULAR_PLURALS or words and words[0].lower() in _COUNTS:
        return True  # "Four people", "the children"
    return last[:1].islower() and _singular(last) != last


_NOUN_AFTER = re.compile(r"^ (?-i:[a-z]+)(?=[ ,.;:])")


def _is_modifier_of(rest: str) -> bool:
    """Whether a name is followed by a lower-case noun it qualifies (not a verb or a function word)."""
    m = _NOUN_AFTER.match(rest)
    if not m:
        return False
    word = m.group(0).strip()
    closed = DETERMINERS | PREPOSITIONS | ADVERBS | AUX | SUBORDINATORS | {"and", "or", "but", "to"}
    return word not in closed and not is_verb(tokenize(word)[0]) and word not in COMMON_VERBS


# What follows the subject of a definition: "Marginal cost rate design refers to the pricing strategy ...".
_DEFINITION = re.compile(
    r"^(?:,\s+(?:also\s+)?(?:known|called)\s+as\s+[^,;.]{1,60},)?"  # "X, also known as Y, refers to"
    r"\s+(?:refers to|means|denotes|describes|is defined as|"
    r"is the (?:process|practice|method|strategy|study|idea|concept) of)\b"
)
_CALLED = re.compile(
    r"^(?:called|known as|dubbed|termed)\s+(?P<name>[^,;]{2,50}),\s+(?:this|the)\s+"
    r"(?:(?-i:[a-z-]+)\s+){0,2}?(?P<head>(?-i:[a-z-]+))(?=\s+(?-i:[a-z]+ed|is|was|has|can|will|may)\b)",
    re.I,
)
_DASH_PARTICIPLE = re.compile(
    r"^(?P<name>(?:(?-i:[A-Z])[\w.'’-]*\s+){1,4}?(?-i:[A-Z])[\w.'’-]*)\s+[-–—]\s+"
    r"(?P<part>(?-i:[a-z]+ed|born|known|built|written|held|sold|founded|chosen|given|taken|elected)\b)"
)
_PREP_START = re.compile(r"^(?:to|by|in|on|at|for|from|with|after|before|up|off|out|back)\b", re.I)
_ABSTRACT_NOUNS = {
    "idea", "concept", "term", "process", "practice", "phenomenon", "approach", "method", "strategy",
    "theory", "technique", "effect", "principle", "notion", "definition",
}  # fmt: skip
_IRREGULAR_PLURALS = {"people", "children", "men", "women", "police", "mice", "teeth", "feet"}
_COUNTS = {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens", "hundreds"}


def _modifier(token) -> bool:
    low = token.low
    return (
        any(c.isalpha() for c in token.text)
        and token.text[:1].isalnum()
        and low not in DETERMINERS | PREPOSITIONS | ADVERBS | REFERRING_PRONOUNS
        and not is_verb(token)
        and low not in {"and", "or", "but", "of", "which", "that", "who"}
    )


_RELATIVE_FRAGMENT = re.compile(
    r"^(?P<np>(?:(?:a|an|the|one|some)\s+)?(?:[\w-]+\s+){0,3}?(?P<head>[\w-]+))\s+(?:that|which|who)\s+(?P<vp>\S.*)$",
    re.I,
)


def relative_fragment(text: str) -> tuple[str, str] | None:
    """A verbless noun phrase with a relative clause ("A unit that will receive some €8.5bn."): its head
    noun and the relative clause's verb phrase; ``None`` when ``text`` has a main verb."""
    m = _RELATIVE_FRAGMENT.match(text)
    # a verb known from its context counts ("Manuel discovers occurrences that ...": a name, then "-s")
    np = tokenize(m.group("np")) if m else []
    if not m or any(finite_at(np, i) for i in range(len(np))):
        return None
    if m.group("head").lower() in PREPOSITIONS:
        return None  # "None on that list were in Florida": "that" is a determiner after a preposition
    # "The company that bought Mondeca is based in Paris": a second verb after the relative clause is the
    # sentence's main verb.
    groups, previous = 0, False
    for token in tokenize(m.group("vp")):
        verb = is_verb(token)
        groups += verb and not previous
        previous = verb or (previous and token.low in ADVERBS)
    if groups != 1:
        return None
    return m.group("head").lower(), m.group("vp")


def _agree(rest: str) -> str:
    """The verb opening ``rest`` in the third person singular ("focus on" -> "focuses on")."""
    m = re.match(r"(\s+)([a-z]+)\b", rest)
    if not m:
        return rest
    verb = m.group(2)
    forms = {"are": "is", "were": "was", "have": "has", "do": "does"}
    if verb in forms:
        return m.group(1) + forms[verb] + rest[m.end() :]
    if verb in COMMON_VERBS:
        return m.group(1) + third_person(verb) + rest[m.end() :]
    return rest


def _possessive_her(rest: str) -> bool:
    words = rest.split()
    return bool(words) and not is_verb(tokenize(words[0])[0]) if words else False


_ASIDE = re.compile(
    r",\s+(?:(?:also\s+)?(?:known|called|referred to)\s+as\s+[^,;.]{1,40},"  # "X, also known as Y, is"
    r"|\d{1,3},(?=\s+(?-i:[a-z]))"  # an age: "Ezequias Souza Ribeiro, 27, went on the run"
    # an appositive: "Four people, three men and one woman, were arrested", "Acme, a startup, said"
    r"|(?:an?|the|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s[^,;.]{1,40},(?=\s+(?!and\b|or\b)(?-i:[a-z]))"
    r"|(?:meanwhile|however|though|too|also|for (?:its|his|her|their) part)(?:,|\s))",
    re.I,
)


# "What U.S. state produces the most peaches?": the name the answer opens with is the state.
_WHICH_QUESTION = re.compile(
    r"^(?:what|which)\s+(?:[\w.'-]+\s+){0,2}?(?P<noun>(?-i:[a-z]+))\s+(?:is|was|has|had|(?-i:[a-z]+s)|(?-i:[a-z]+ed))\b[^?]*\?$",
    re.I,
)
_KIND_QUESTION = re.compile(
    r"\b(?:what|which)\s+(?:kind|type|sort)\s+of\s+(?P<np>[\w-]+(?:\s+[\w-]+)?)\s+(?:is|was|are|were)\s+"
    r"(?P<name>(?:the\s+)?[A-Z][\w&.'-]*(?:\s+(?:[A-Z]|\d)[\w&.'-]*)*)",
    re.I,
)
_AUTHORED = re.compile(
    r"\b(?:book|novel|paper|article|essay|poem|memoir|study)\b[^.?!]{0,80}?\bby\s+"
    r"(?P<name>(?-i:[A-Z])[\w.'-]+(?:\s+(?-i:[A-Z])[\w.'-]+){1,3})",
    re.I,
)
_CATEGORY_HEAD = re.compile(
    r"^the\s+(?P<noun>[\w-]+)(?=\s+(?:is|was|are|were|has|had|can|will|(?-i:[a-z]+(?:ed|s)))\b)", re.I
)
# The subject of a reported clause: "held that the law was ...", "found that the plan would ...".
_REPORTED_THE = re.compile(
    r"\b(?:held|found|ruled|concluded|decided|determined|said|says|argued|stated|claimed|noted)\s+that\s+the\s+"
    r"(?P<noun>(?-i:[a-z]+))(?=\s+(?:is|was|are|were|has|had|would|will|could|can|did|does))"
)
# A passive predicate: " is appointed by", " was elected in", " has been renewed".
_PASSIVE = re.compile(
    r"^\s+(?:is|was|are|were|has been|have been|had been)\s+(?:\w+ly\s+)?(?P<part>(?-i:[a-z]+ed))\b", re.I
)
# Evidence that shows a clause: "Some archaeological evidence suggests that", "Studies show that".
_EVIDENCE_SHOWS = re.compile(
    r"^(?:some |recent |the |new |other )*(?:[a-z]+ )?(?:evidence|stud(?:y|ies)|research|data|findings|"
    r"surveys?|analys[ie]s|records?|sources)\s+(?:\w+ly\s+)?(?:suggest|show|indicate|reveal|find|found|"
    r"confirm)s?(?:ed)?\s+that\s+",
    re.I,
)
_THE_NOUN = re.compile(
    r"^(?:the|this|that)\s+(?P<noun>(?-i:[a-z]+))(?=\s+(?:is|was|can|could|will|may|must|has|had|lasts|"
    r"lasted|marked|marks|came|comes|led|made|makes|meant|means|followed|sparked|drew)\b)",
    re.I,
)
# What an act of the subject is called when a later sentence speaks of it ("won" -> "This win").
_ACT_NOUNS = {
    "held": ("decision", "ruling"), "ruled": ("ruling", "decision"), "decided": ("decision",),
    "won": ("win", "victory"), "defeated": ("win", "victory"), "lost": ("loss", "defeat"),
    "chose": ("choice",), "agreed": ("agreement", "deal"), "acquired": ("acquisition", "deal"),
    "bought": ("purchase", "acquisition", "deal"), "sold": ("sale",), "announced": ("announcement",),
    "moved": ("move",), "shifted": ("shift",), "invaded": ("invasion",), "signed": ("agreement", "deal"),
    "voted": ("vote",), "launched": ("launch",), "approved": ("approval",), "rejected": ("rejection",),
}  # fmt: skip
_ACTIVE = re.compile(r"^\s+(?:\w+ly\s+)?(?P<verb>(?-i:" + "|".join(_ACT_NOUNS) + r"))\b", re.I)


def _nominalisations(participle: str) -> list[str]:
    """The nouns that name what a participle's verb does ("appointed" -> "appointment", "elected" ->
    "election", "approved" -> "approval", "banned" -> "ban")."""
    stem = participle[:-2] if participle.endswith("ed") else participle
    stems = {stem, stem + "e" if not stem.endswith("e") else stem}
    if len(stem) > 2 and stem[-1] == stem[-2]:
        stems.add(stem[:-1])  # "banned" -> "ban"
    out = []
    for base in stems:
        out += [base + "ment", base + "ion", base.rstrip("e") + "ation", base.rstrip("e") + "al", base]
    return [n for n in out if len(n) > 3]


# An acronym defined in parentheses after its long form: "Byte Pair Encoding (BPE)".
_ACRONYM = re.compile(r"\((?P<short>[A-Z][A-Za-z]*[A-Z][A-Za-z0-9]*)\)")
_ACRONYM_SKIP = {"of", "and", "the", "for", "in", "on", "to", "&", "de"}


def _long_form(before: str, short: str) -> str | None:
    """The words just before "(SHORT)" whose initials spell it ("Byte Pair Encoding" for "BPE",
    "natural language processing" for "NLP"), else ``None``."""
    letters = [c.lower() for c in short if c.isalpha() and c.isupper()]
    words = before.split()
    for k in range(len(letters), min(len(words), len(letters) + 3) + 1):
        candidate = words[-k:]
        initials = [w[0].lower() for w in candidate if w.lower() not in _ACRONYM_SKIP and w[:1].isalpha()]
        if initials == letters and candidate[0].lower() not in _ACRONYM_SKIP:
            return " ".join(candidate).strip(",;:")
    return None


# An opening definite description of two to four words before its verb: "The four female presidents were".
_OPENING_PHRASE = re.compile(
    r"^(?P<det>the|these|those)\s+(?P<words>(?-i:[a-z][\w-]*)(?:\s+(?-i:[a-z][\w-]*)){1,3}?)(?=\s+(?:is|are|was|were|"
    r"has|have|had|include|included|includes)\b)",
    re.I,
)
# "The more massive an object is, the more inertia it has": a comparison, with no subject to refer back to
# but the thing compared ("an object").
_CORRELATIVE = re.compile(r"^the (?:more|less|fewer)\b.*?, the (?:more|less|fewer)\b", re.I)
_CORRELATIVE_SUBJECT = re.compile(
    r"^the (?:more|less|fewer) (?:\w+ )?(?P<np>an? (?-i:[a-z]+)(?: (?-i:[a-z]+))?) "
    r"(?:is|are|has|have|was|were)\b.*?, the (?:more|less|fewer)\b",
    re.I,
)


def _predicate_phrase(np: str) -> bool:
    """Whether what follows "is" / "was" is a passive ("built in 1945", "sold") or a place ("in Paris"),
    not the name of what a description identifies ("compressed air")."""
    tokens = tokenize(np)
    first, second = tokens[0], tokens[1] if len(tokens) > 1 else None
    if not first.text.islower():
        return False
    passive = is_participle(first) and (second is None or second.low in PREPOSITIONS)
    return passive or first.low in PREPOSITIONS


def _subject(text: str) -> str | None:
    """The subject of a claim as written: its words before the first verb (after an intro adverbial)."""
    if _CORRELATIVE.match(text):
        return None
    intro = _INTRO.match(text)
    body = text[intro.end() :] if intro else text
    offset = intro.end() if intro else 0
    aside = _ASIDE.search(body)
    if aside and aside.start() > 0:
        # "Singh, meanwhile, still has ...": the adverb set off by commas is not part of the subject.
        subject = _subject(body[: aside.start()] + " " + body[aside.end() :])
        return subject if subject and len(subject) <= aside.start() else None
    tokens = tokenize(body)
    for i, t in enumerate(tokens):
        if is_verb(t):
            if i == 0 or i > 8 or any(x.text in {",", ";"} for x in tokens[:i]):
                return None
            if tokens[0].low in PREPOSITIONS - {"the"}:
                return None
            last = i - 1
            while last > 0 and tokens[last].low in ADVERBS:
                last -= 1  # "She already had": the subject is "She"
            subject = text[offset + tokens[0].start : offset + tokens[last].end]
            return _POSSESSIVE.sub("", subject)
        # "The fastest animal in the world is": a noun phrase with its complement is a subject.
        noun_phrase = tokens[0].low in DETERMINERS or tokens[0].text[:1].isupper()
        if t.low in DETERMINERS and i > 0 and tokens[i - 1].low in PREPOSITIONS and not noun_phrase:
            return None
    return None


# -------------------------------------------------------------------------------------- relative dates

_WEEKDAYS = "(?:" + "|".join(WEEKDAYS) + ")"
_RELATIVE = re.compile(
    r"\b(?P<rel>[Ll]ast|[Nn]ext|[Tt]his)\s+(?P<unit>year|month|"
    + "|".join(MONTH_NAMES)
    + r")\b(?!\s*\d)|\b(?P<vague>yesterday|today|tomorrow|(?:on |last |this |next )?"
    + _WEEKDAYS
    + r"|(?:[Ee]arlier|[Ll]ater) this (?:year|month|week)|this week|last week|next week|last quarter"
    r"|this quarter|next quarter|recently|a year ago|months? ago|weeks? ago|days? ago)\b"
)


def _called_name(text: str) -> str | None:
    """ "Called gravitational lensing, this natural phenomenon created ...": the lead names what the
    demonstrative refers to ("Gravitational lensing created ..."); ``None`` when there is no such lead
    ("Called to testify, the minister ..." gives no name)."""
    m = _CALLED.match(text)
    if not m or m.group("head").lower() not in _ABSTRACT_NOUNS or _PREP_START.match(m.group("name")):
        return None
    name = m.group("name")
    return name[:1].upper() + name[1:] + text[m.end() :]


def _dash_participle(text: str) -> str | None:
    """ "Sandra Day O'Connor - appointed by President Ronald Reagan in 1981.": a name, a dash and a past
    participle state what the name was ("Sandra Day O'Connor was appointed by ..."); ``None`` otherwise."""
    m = _DASH_PARTICIPLE.match(text)
    if not m or not _person_shaped(m.group("name")) and " and " not in m.group("name"):
        return None
    verb = "were" if " and " in m.group("name") else "was"
    return f"{m.group('name')} {verb} {text[m.start('part') :]}"


def anchor_and_flag(text: str, draft_date: str | None) -> tuple[str, bool]:
    """``text`` with its relative dates anchored, and whether it needs context (a date left relative)."""
    anchored, dated = anchor_dates(text, draft_date)
    return anchored, not dated


def anchor_dates(text: str, draft_date: str | None) -> tuple[str, bool]:
    """Relative dates of ``text`` resolved against ``draft_date``; False when one could not be anchored."""
    if not _RELATIVE.search(text):
        return text, True
    if not draft_date:
        return text, False
    try:
        today = date.fromisoformat(draft_date)
    except ValueError:
        return text, False
    vague = False

    def replace(m: re.Match[str]) -> str:
        nonlocal vague
        if m.group("vague"):
            vague = True
            return m.group(0)
        rel, unit = m.group("rel").lower(), m.group("unit")
        before = text[: m.start()].split()
        lead = "" if before and before[-1].lower() in PREPOSITIONS else "in "
        if unit.lower() == "year":
            year = today.year + {"last": -1, "this": 0, "next": 1}[rel]
            return f"{lead}{year}"
        if unit.lower() == "month":
            month = today.month + {"last": -1, "this": 0, "next": 1}[rel]
            year = today.year + (month - 1) // 12
            month = (month - 1) % 12 + 1
            return f"{lead}{MONTH_NAMES[month - 1]} {year}"
        month = MONTH_NAMES.index(unit.capitalize()) + 1
        if rel == "last":
            year = today.year if month < today.month else today.year - 1
        elif rel == "next":
            year = today.year if month > today.month else today.year + 1
        else:
            year = today.year
        return f"{lead}{MONTH_NAMES[month - 1]} {year}"

    out = _RELATIVE.sub(replace, text)
    if vague:
        out = out.rstrip(".") + f" (as of {draft_date})."
    return out, True
