"""Words with offsets and the few grammatical tests the claims stage needs, from closed word lists.

There is no parser: a finite verb is a word of :mod:`factcheck.claims.lexicon` or a lower-case ``-ed`` word;
a name is a capitalised word. These tests are shared by the splitter, the check-worthiness rules and the
discourse model, so that they agree on what a verb or a name is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.claims.lexicon import AUX, IRREGULAR, IRREGULAR_PARTICIPLES

_TOKEN = re.compile(r"[A-Za-z0-9\u00C0-\u024F]+(?:['’.,&-][A-Za-z0-9\u00C0-\u024F]+)*(?:'s|’s)?|\S")


@dataclass(frozen=True)
class Token:
    """A word, number or punctuation mark with its offsets in the text it was read from."""

    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        """The token in lower case."""
        return self.text.lower()


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


def verb_like(token: Token) -> bool:
    """A lower-case word in -s right after a subject ("Deepmotion, founded in 2017, works on ..."): a verb."""
    low = token.low
    return (
        token.text[:1].islower()
        and len(low) > 3
        and low.endswith("s")
        and not low.endswith(("ss", "us", "is", "'s", "’s"))
    )


def is_participle(token: Token) -> bool:
    """A past participle: an irregular one from the list, or a lower-case ``-ed`` word."""
    low = token.low
    return token.text[:1].islower() and (
        low in IRREGULAR_PARTICIPLES or (low.endswith("ed") and len(low) > 4)
    )


def is_capitalised(token: Token) -> bool:
    """Whether ``token`` starts with a capital letter and has a letter in it."""
    return token.text[:1].isupper() and any(c.isalpha() for c in token.text)


def depth_map(text: str) -> list[int]:
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
