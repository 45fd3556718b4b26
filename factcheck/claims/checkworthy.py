"""Which sentences of a draft can be checked against a corpus, and which carry figures.

Light, deterministic rules: questions, imperatives, boilerplate and bylines are never claims; opinion and
prediction are dropped unless they carry a factual core; a statement with a number, date, money amount,
rank or a named organisation or place is always kept.

:func:`find_mentions` finds the figures a claim must carry (numbers written in digits, money amounts and
dates). It is deliberately small and independent of the full quantity parser used for verification.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_SCALE = r"(?:thousand|million|billion|trillion|bn|mn|m|k|M|B|K)\b"
_CURRENCY_WORD = (
    r"(?:euros?|EUR|(?:US |U\.S\. |Hong Kong |Singapore |Australian |Canadian )?dollars?|USD|yuan|RMB|CNY|"
    r"renminbi|pounds?(?: sterling)?|GBP|yen|JPY|francs?|CHF|rupees?|won|HKD)\b"
)
_NUM = r"\d+(?:[,.]\d+)*"
_MENTION = re.compile(
    "|".join(
        [
            # dates
            rf"(?P<date>{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\s+\d{{4}}\b"
            rf"|{_MONTH}\s+\d{{4}}\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?!\s*(?:%|per))"
            r"|\b(?:Q[1-4]|H[12])\s+\d{4}\b|\b(?:1[5-9]|20)\d{2}s?\b(?![,.]?\d|\s*(?:%|" + _SCALE + r")))",
            # money: symbol first, or amount then currency word
            rf"(?P<money>(?:US\$|HK\$|[€$£¥₹])\s?{_NUM}(?:\s?{_SCALE})?"
            rf"|\b{_NUM}(?:\s?{_SCALE})?\s+{_CURRENCY_WORD}|\b(?:EUR|USD|GBP|CNY|RMB|JPY)\s?{_NUM}(?:\s?{_SCALE})?)",
            # any other number written with digits (with its scale word or percent sign)
            rf"(?P<number>\b{_NUM}(?:\s?(?:%|percent\b|per cent\b|{_SCALE}))?)",
        ]
    )
)
_NUMBER_WORDS = re.compile(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|"
    r"sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|dozens?|half|double|triple|"
    r"percent|decade|decades)\b",
    re.I,
)
_RANK = re.compile(
    r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th)|"
    r"top[- ]\w+|No\.\s?\d+|number one|largest|biggest|smallest|highest|lowest|leading|oldest|youngest)\b",
    re.I,
)


@dataclass(frozen=True)
class Mention:
    """A figure in a text: ``kind`` is ``date``, ``money`` or ``number``."""

    kind: str
    text: str
    start: int
    end: int


def find_mentions(text: str) -> list[Mention]:
    """The numbers (in digits), money amounts and dates of ``text``, without overlaps, in order."""
    out = []
    for m in _MENTION.finditer(text):
        kind = m.lastgroup or "number"
        out.append(Mention(kind, m.group(0), m.start(), m.end()))
    return out


def has_quantity(text: str) -> bool:
    """Whether ``text`` states a number, money amount, date or rank (in digits or in words)."""
    return bool(_MENTION.search(text) or _NUMBER_WORDS.search(text) or _RANK.search(text))


# ------------------------------------------------------------------------------ what is check-worthy

_BOILERPLATE = re.compile(
    r"^(?:read more|read the full|click here|subscribe|sign up|share (?:this|on)|follow us|"
    r"all rights reserved|"
    r"copyright|©|\(c\)\s*\d{4}|related:|advertisement|photo:|image:|credit:|source:|reporting by|editing by|"
    r"writing by|additional reporting|contact us|terms of (?:use|service)|privacy policy|cookie|"
    r"this (?:article|story) (?:was|has been) (?:updated|corrected)|updated:|published:|last updated)",
    re.I,
)
_BYLINE = re.compile(
    r"^(?:by|from)\s+(?:(?:the|our)\s+)?[\w.'-]+(?:\s+[\w.'&-]+){0,5}\s*(?:[,|-].{0,40})?$", re.I
)
_IMPERATIVE = {
    "read", "click", "subscribe", "sign", "follow", "see", "note", "consider", "imagine", "contact", "share",
    "watch", "listen", "visit", "join", "register", "download", "find", "check", "learn", "remember", "keep",
    "try", "let", "let's", "don't", "do", "please", "email", "call", "tell", "send", "get", "discover",
    "explore", "compare", "take", "make", "think", "look", "buy", "support", "stay", "go", "ask", "write",
    "tap", "swipe", "scroll",
}  # fmt: skip
_OPINION_FRAME = re.compile(
    r"^(?:i|we)\s+(?:think|believe|feel|suspect|hope|guess|expect|doubt)\b|^in (?:my|our) (?:view|opinion)\b|"
    r"^(?:arguably|hopefully|frankly|personally|clearly|surely|obviously|admittedly)\b|"
    r"^(?:it|this|that) (?:is|was|seems|looks|remains|would be) "
    r"(?:clear|obvious|unclear|(?:too )?(?:early|soon) to (?:say|tell))|\bremains to be seen\b|"
    r"\b(?:nobody|no one)\b.{0,30}\b(?:knows|can say|can tell)\b|\btime will tell\b|\bonly time will\b",
    re.I,
)
_EVALUATIVE = re.compile(
    r"\b(?:bold|risky|brave|exciting|impressive|ambitious|disappointing|great|terrible|brilliant|smart|foolish|"
    r"crazy|remarkable|stunning|worrying|gamble|audacious|daring|promising|wise|unwise|good|bad|best|worst|"
    r"interesting|fascinating|troubling|welcome|overdue|surprising|inevitable|should|ought|must)\b",
    re.I,
)
_SPECULATIVE = re.compile(r"\b(?:could|might|may|perhaps|maybe|possibly|probably|likely|unlikely)\b", re.I)
_FIRST_WORD = re.compile(r"[\"'“‘(]*([A-Za-z][\w'-]*)")
_CAPITALISED = re.compile(r"\b[A-Z][\w&'.-]*")
_NAME_CONTINUES = re.compile(r"['’]s\b|\s+[A-Z]")
_WORDS = re.compile(r"[A-Za-z']+")
_SENTENCE_START_WORDS = {
    "The", "A", "An", "In", "On", "At", "It", "He", "She", "They", "We", "I", "This", "That", "These",
    "Those", "But", "And", "Or", "So", "Its", "His", "Her", "Their", "Our", "As", "If", "When", "While",
    "After", "Before", "Since", "For", "With", "By", "From", "To", "Of", "There", "Here", "What",
    "Why", "How",
}  # fmt: skip


def has_name(text: str) -> bool:
    """Whether ``text`` names something: a capitalised word that is not just the sentence's first word."""
    body = text.strip()
    first = _FIRST_WORD.match(body)
    first_end = first.end() if first else 0
    for m in _CAPITALISED.finditer(body):
        if m.start() < first_end:
            word = m.group(0)
            if word in _SENTENCE_START_WORDS or word.lower() in _IMPERATIVE:
                continue
            # Any sentence starts with a capital: the first word counts as a name only when it looks like one
            # ("BYD", "Xiaomi's", "Lei Jun").
            rest = body[m.end() :]
            if (len(word) > 1 and word.isupper()) or _NAME_CONTINUES.match(rest):
                return True
            # "Xiaomi could become...": a capitalised subject right before a verb is taken for a name.
            from factcheck.claims.decompose import is_verb, tokenize

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
    if body.rstrip(")]\"'”’ ").endswith("?"):
        return "question"
    if _BOILERPLATE.match(body):
        return "boilerplate"
    if _BYLINE.match(body) and len(body.split()) <= 8 and not any(c.isdigit() for c in body):
        from factcheck.claims.decompose import is_verb, tokenize

        if not any(is_verb(t) for t in tokenize(body)):
            return "byline"
    words = _WORDS.findall(body)
    if not words:
        return "boilerplate"
    first = words[0].lower()
    if first in _IMPERATIVE and (
        len(words) == 1 or words[1].lower() not in {"is", "was", "are", "were", "has"}
    ):
        # "Read the full report" is an instruction; "Support for EVs grew" is not.
        second = words[1].lower() if len(words) > 1 else ""
        if not (
            second.endswith("s") and second not in {"us", "this", "its", "his"} or second in {"of", "for"}
        ):
            return "imperative"
    if has_quantity_strict(body):
        return "statement"
    if len(words) <= 3:
        from factcheck.claims.decompose import is_verb, tokenize

        if not any(is_verb(t) for t in tokenize(body)):
            return "fragment"  # a label, caption or menu entry ("Newsdesk staff", "Home Autos")
    if _OPINION_FRAME.search(body):
        return "opinion"
    # Only the main clause counts: "restrictions on why firearms could be moved" is no speculation.
    main = _SUBORDINATE.split(body, maxsplit=1)[0]
    if not has_name(body) and (_EVALUATIVE.search(main) or _SPECULATIVE.search(main)):
        return "opinion"
    return "statement"


_SUBORDINATE = re.compile(r",|;|:|\b(?:which|that|who|whom|because|if|when|where|whether|although)\b", re.I)
_RELATIVE_DATE = re.compile(
    r"\b(?:last|next|this) (?:year|month|week|quarter|spring|summer|autumn|fall|winter|"
    r"January|February|March|April|May|June|July|August|September|October|November|December)\b"
    r"|\b(?:yesterday|tomorrow)\b",
    re.I,
)


def has_quantity_strict(text: str) -> bool:
    """Whether ``text`` has a figure in digits, a date (also a relative one), a money amount or a rank:
    the rule that always keeps a statement."""
    return bool(_MENTION.search(text) or _RANK.search(text) or _RELATIVE_DATE.search(text))
