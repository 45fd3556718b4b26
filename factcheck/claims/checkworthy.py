"""Which sentences of a draft can be checked against a corpus, and which carry figures.

Light, deterministic rules: questions, imperatives, boilerplate and bylines are never claims; opinion and
prediction are dropped unless they carry a factual core; a statement with a number, date, money amount,
rank or a named organisation or place is always kept.

:func:`find_mentions` lists the figures a claim must carry (numbers, money amounts and dates). It reads
them with :func:`factcheck.rules.quantities.extract`, the parser verification compares figures with, so
that the two stages agree on what a figure is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from factcheck.claims.grammar import Token, finite_at, is_verb, strip_discourse, tokenize, verb_like
from factcheck.claims.lexicon import (
    AUX,
    DETERMINERS,
    EVALUATIVE,
    IMPERATIVES,
    IRREGULAR,
    NEVER_VERB_S_FORMS,
    SENTENCE_START_WORDS,
    SPECULATIVE,
)
from factcheck.rules.quantities import Quantity, extract


@dataclass(frozen=True)
class Mention:
    """A figure in a text: ``kind`` is ``date``, ``money`` or ``number``."""

    kind: str
    text: str
    start: int
    end: int


# What a quantity's text may carry around the figure itself: a hedge before ("about"), a counted noun after.
_FIGURE_START = re.compile(r"[\d€$£¥₹₩]|(?:US|HK|A|C|S)\$|\b(?:EUR|USD|GBP|JPY|CNY|RMB|INR|CHF|KRW|HKD)\b")


def _figure_of(quantity: Quantity, text: str) -> tuple[int, int]:
    """The span of the figure in a quantity's span: its hedge and counted noun left out."""
    start, end = quantity.start, quantity.end
    body = text[start:end]
    lead = _FIGURE_START.search(body)
    if lead is not None and quantity.hedge is not None:
        start += lead.start()
    if quantity.noun is not None and quantity.unit_class == "count":
        words = list(re.finditer(r"\S+", text[start:end]))
        while (
            len(words) > 1
            and not any(c.isdigit() for c in words[-1].group(0))
            and (words[-1].group(0).lower() not in _SCALE_WORDS)
        ):
            words.pop()
        end = start + words[-1].end()
    return start, end


_SCALE_WORDS = {"hundred", "thousand", "million", "billion", "trillion", "bn", "mn", "m", "k", "dozen", "%"}


@lru_cache(maxsize=8192)
def find_mentions(text: str) -> tuple[Mention, ...]:
    """The numbers, money amounts and dates of ``text``, without overlaps, in order."""
    found = extract(text)
    out = []
    for quantity in found.quantities:
        start, end = _figure_of(quantity, text)
        out.append(Mention(quantity.kind, text[start:end], start, end))
    for date in found.dates:
        if any(c.isdigit() for c in date.text):
            out.append(Mention("date", date.text, date.start, date.end))
    return tuple(sorted(out, key=lambda m: m.start))


def has_quantity(text: str) -> bool:
    """Whether ``text`` states a number, money amount, date or rank (in digits or in words)."""
    found = extract(text)
    return bool(found.quantities or found.dates or found.ranks)


# ------------------------------------------------------------------------------ what is check-worthy

_BOILERPLATE = re.compile(
    r"^(?:read more|read the full|click here|subscribe|sign up|share (?:this|on)|follow us|"
    r"all rights reserved|"
    r"copyright|©|\(c\)\s*\d{4}|related:|advertisement|photo:|image:|credit:|source:|reporting by|editing by|"
    r"writing by|additional reporting|contact us|terms of (?:use|service)|privacy policy|cookie|"
    # a photo credit: "(AP Photo/Rick Rycroft, File)", "(Photo by Jane Doe/Getty Images)"
    r"\((?:[\w.&-]+\s+){0,3}photo(?:graph)?s?\s*(?:/|:|by\b)|"
    r"this (?:article|story|post|page|report) (?:was|has been) (?:updated|corrected)|"
    r"updated:|published:|last updated|"
    r"editor['’]s note|"
    r"this (?:post|article|page|site) (?:may )?contains? affiliate links|"
    # an assistant speaking of itself: "I don't have access to ...", "As an AI language model, ..."
    r"i (?:do not|don['’]t|cannot|can['’]t|am not able|am unable|was unable|could not|couldn['’]t) "
    r"(?:have|access|provide|find|browse|know|verify|confirm)\b|as an ai\b|i(?:['’]m| am) (?:sorry|an ai)\b|"
    r"i hope this helps|"
    # a lead-in to a list: "Here is a list of their albums:", "Here are some examples: 1."
    r"here (?:is|are)\b[^.!?]*:\s*(?:\d{1,2}[.)])?\s*$)",
    re.I,
)
_BYLINE = re.compile(
    r"^(?:by|from)\s+(?:(?:the|our)\s+)?[\w.'-]+(?:\s+[\w.'&-]+){0,5}\s*(?:[,|-].{0,40})?$", re.I
)
_OPINION_FRAME = re.compile(
    r"^(?:i|we)\s+(?:think|believe|feel|suspect|hope|guess|expect|doubt)\b|^in (?:my|our) (?:view|opinion)\b|"
    r"^(?:arguably|hopefully|frankly|personally|clearly|surely|obviously|admittedly)\b|"
    r"^(?:it|this|that) (?:is|was|seems|looks|remains|would be) "
    r"(?:clear|obvious|unclear|(?:too )?(?:early|soon) to (?:say|tell))|\bremains to be seen\b|"
    # the writer declining to say or foretell ("It is difficult to determine X" says what the evidence allows)
    r"^it(?:['’]s| is| was| can be| may be) (?:\w+ )?(?:difficult|hard|impossible|not possible) to "
    r"(?:say|tell|predict)\b|"
    r"^(?:it|this|that) (?:is|was|seems|remains) (?:purely |entirely |largely |only |just )?"
    r"(?:speculative|speculation|conjecture|hypothetical)\b|"
    r"\b(?:nobody|no one)\b.{0,30}\b(?:knows|can say|can tell)\b|\btime will tell\b|\bonly time will\b|"
    r"(?:^|,\s*)(?:it(?:['’]s| is)|it would be) (?:\w+ )?(?:important|essential|crucial|advisable|"
    r"recommended|wise|best|necessary|worth noting|a good idea) (?:to|that)\b|"
    r"(?:^|,\s*)(?:i|we) (?:would )?(?:recommend|suggest|advise)\b|"
    # a call for more work is no finding ("More research is needed to determine its extent")
    r"^(?:more|further|additional) (?:research|studies|study|work|investigation|data) (?:is|are|will be|"
    r"would be|may be) (?:needed|required|necessary|warranted)\b|"
    # a concession of appearance ("Or so it seems") and a fact-checker's comment on a claim, not a fact
    r"^(?:or )?so it (?:seems|appears)\b|"
    r"^(?:this|that|it) (?:glosses over|overlooks|ignores|leaves out|omits)\b|"
    r"^(?:this|that|it)(?:['’]?s| is| was) (?:an? )?(?:incomplete|partial|oversimplified|simplistic)\b",
    re.I,
)
# Irregular pasts after a word that may be a verb or a noun make it the noun ("Support rose"); not those
# that also follow a verb ("Keep left", "Get lost", "Cut costs").
_IRREGULAR_PASTS = {w for w in IRREGULAR if not w.endswith("s")} - {
    "set", "hit", "cut", "put", "shut", "bet", "beat", "forecast", "left", "lost", "broke", "made",
}  # fmt: skip
# How to do something, said to the reader: "To search for a file, you can click on the search bar".
_INSTRUCTION = re.compile(
    r"^(?:(?:in order )?to|if you (?:want|need|wish) to) [^,]{3,80}, you (?:can|could|should|need to|must|"
    r"may|will need to|have to)\b",
    re.I,
)
_EVALUATIVE = re.compile(r"\b(?:" + "|".join(sorted(EVALUATIVE)) + r")\b", re.I)
_SPECULATIVE = re.compile(r"\b(?:" + "|".join(sorted(SPECULATIVE)) + r")\b", re.I)
_FIRST_WORD = re.compile(r"[\"'“‘(]*([A-Za-z][\w'-]*)")
_CAPITALISED = re.compile(r"\b[A-Z][\w&'.-]*")
_NAME_CONTINUES = re.compile(r"['’]s\b|\s+[A-Z]")
_WORDS = re.compile(r"[A-Za-z']+")


def has_name(text: str) -> bool:
    """Whether ``text`` names something: a capitalised word that is not just the sentence's first word."""
    body = text.strip()
    first = _FIRST_WORD.match(body)
    first_end = first.end() if first else 0
    for m in _CAPITALISED.finditer(body):
        if m.start() < first_end:
            word = m.group(0)
            if word in SENTENCE_START_WORDS or word.lower() in IMPERATIVES:
                continue
            # Any sentence starts with a capital: the first word counts as a name only when it looks like one
            # ("BYD", "Xiaomi's", "Lei Jun").
            rest = body[m.end() :]
            if (len(word) > 1 and word.isupper()) or _NAME_CONTINUES.match(rest):
                return True
            # "Xiaomi could become...": a capitalised subject right before a verb is taken for a name.
            following = tokenize(rest[:30])
            if following and is_verb(following[0]) and not word.lower().endswith("ly"):
                return True
            continue
        if m.group(0).rstrip(".") in {"I"}:
            continue
        return True
    return False


def sentence_kind(text: str) -> str:
    """``statement``, or why a sentence is not check-worthy: ``question``, ``imperative``, ``boilerplate``,
    ``byline``, ``fragment`` (a label of three words or fewer, without a verb) or ``opinion``."""
    body = text.strip().strip("\"'“”‘’")
    if not body:
        return "boilerplate"
    if opened := strip_discourse(body):
        body = body[opened:] or body  # "Finally, evaluate the model" is an instruction too
    if body.rstrip(")]\"'”’ ").endswith("?"):
        return "question"
    if _BOILERPLATE.match(body):
        return "boilerplate"
    if (
        _BYLINE.match(body)
        and len(body.split()) <= 8
        and not any(c.isdigit() for c in body)
        and not any(is_verb(t) for t in tokenize(body))
    ):
        return "byline"
    words = _WORDS.findall(body)
    if not words:
        return "boilerplate"
    first = words[0].lower()
    if first in IMPERATIVES and (
        len(words) == 1 or words[1].lower() not in {"is", "was", "are", "were", "has"}
    ):
        # "Read the full report" is an instruction; "Support for EVs grew" is not.
        second = words[1].lower() if len(words) > 1 else ""
        # "Research conducted in 2010 shows ...", "Support can be ...", "Research and development ...": a noun
        participle = second.endswith("ed") and len(second) > 4
        # "Support for EVs grew" has a verb after its noun; "Look for their portfolios" has none.
        linked = second in {"of", "for", "and", "or"} and _verb_after(tokenize(body))
        # "Support rose to 45%", "Research found that ...": a noun before its verb in the past
        past = second in _IRREGULAR_PASTS
        noun = second in AUX or linked or participle or past
        verb_s = second.endswith("s") and second not in {"us", "this", "its", "his"} | NEVER_VERB_S_FORMS
        if not (verb_s or noun):
            return "imperative"
    if _INSTRUCTION.match(body):
        return "imperative"
    if has_quantity_strict(body):
        return "statement"
    tokens = tokenize(body)
    if len(words) <= 3 and not any(is_verb(t) for t in tokens):
        return "fragment"  # a label, caption or menu entry ("Newsdesk staff", "Home Autos")
    if _verbless_fragment(words, tokens):
        return "fragment"  # "A big number for a newcomer.", "Not bad for a first try."
    if _OPINION_FRAME.search(body):
        return "opinion"
    # Only the main clause counts: "restrictions on why firearms could be moved" is no speculation.
    main = _SUBORDINATE.split(body, maxsplit=1)[0]
    if not has_name(body) and (_EVALUATIVE.search(main) or _speculation(main)):
        return "opinion"
    return "statement"


def _verb_after(tokens: list[Token]) -> bool:
    """Whether a finite verb follows a sentence's first two words (an "-ed" word after a determiner is an
    adjective: "a licensed contractor")."""
    return any(finite_at(tokens, i) and tokens[i - 1].low not in DETERMINERS for i in range(2, len(tokens)))


# A hedged statement of a relation ("Exposure may cause anxiety", "Tests may include X", "it can also lead
# to Y") still states a fact to check; a guess about what something is or will be does not.
_GUESS = re.compile(
    # "may seem like X" concedes how a thing looks, it guesses nothing
    r"\b(?:could|might|may|would)\s+(?:also\s+|well\s+|even\s+)?(?:be|become|have\s+been)\b|"
    r"\b(?:perhaps|maybe|possibly|probably)\b|^(?:it|this|that)\s+(?:is|was)\s+(?:un)?likely\b|"
    r"\b(?:is|are|was|were)\s+(?:un)?likely\s+to\b",  # "are unlikely to succeed"; not "more likely to"
    re.I,
)


def _speculation(main: str) -> bool:
    """Whether a main clause is a guess ("The cover may have been blue", "It is likely ...", "Perhaps
    ..."), not a hedged relation ("may include X", "could cause Y", "are more likely to be affected by Z")."""
    return bool(_SPECULATIVE.search(main) and _GUESS.search(main))


_FRAGMENT_OPENERS = {"a", "an", "the", "to", "such", "what", "not", "just", "only", "more", "less", "quite"}


def _verbless_fragment(words: list[str], tokens: list[Token]) -> bool:
    """A short phrase with no verb at all that opens like a noun phrase or an infinitive."""
    return (
        len(words) <= 12
        and words[0].lower() in _FRAGMENT_OPENERS
        and not any(is_verb(t) or verb_like(t) for t in tokens)
    )


_SUBORDINATE = re.compile(r",|;|:|\b(?:which|that|who|whom|because|if|when|where|whether|although)\b", re.I)


_YESTERDAY = re.compile(r"\b(?:yesterday|tomorrow)\b", re.I)


def has_quantity_strict(text: str) -> bool:
    """Whether ``text`` has a figure in digits, a date (also a relative one), a money amount or a rank:
    the rule that always keeps a statement."""
    found = extract(text)
    return bool(
        any(d.granularity != "duration" or any(c.isdigit() for c in d.text) for d in found.dates)
        or _YESTERDAY.search(text)
        or found.ranks
        or any(q.unit_class == "money" or any(c.isdigit() for c in q.text) for q in found.quantities)
    )
