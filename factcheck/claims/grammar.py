"""Words with offsets and the few grammatical tests the claims stage needs, from closed word lists.

There is no parser: a finite verb is a word of :mod:`factcheck.claims.lexicon` or a lower-case ``-ed`` word;
a name is a capitalised word. These tests are shared by the splitter, the check-worthiness rules and the
discourse model, so that they agree on what a verb or a name is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.claims.lexicon import (
    ADVERBS,
    AUX,
    BASE_VERBS,
    COMMON_VERBS,
    DETERMINERS,
    IRREGULAR,
    IRREGULAR_PARTICIPLES,
    NOUN_LIKE_S_FORMS,
    PREPOSITIONS,
    SUBJECT_PRONOUNS,
    THIRD_PERSON,
    third_person,
)
from factcheck.rules.tokens import word_spans

# An opening discourse marker ("However, ", "And ", "In fact, "): not part of any claim.
DISCOURSE = re.compile(
    r"^(?:(?:however|therefore|thus|meanwhile|moreover|furthermore|indeed|additionally|nevertheless|"
    r"nonetheless|consequently)\b,?\s+|(?:and|but)\s+|(?:still|also|in addition|besides|as a result|in fact|"
    r"of course|for example|for instance|so|yet|then|now|overall|finally|first|second|third|lastly|"
    # markers that only link the sentence to the text around it; "Currently," or "Typically," say something
    r"in (?:conclusion|summary|short|contrast|comparison|other words)|to (?:summari[sz]e|conclude)|"
    r"ultimately|similarly|likewise|specifically|notably|importantly|alternatively|conversely|rather|instead|"
    r"on the other hand)\s*,\s+|"
    r"(?:based on|according to) (?:my|the) (?:[\w-]+ ){0,2}(?:knowledge|information|data|text|sources?)\b"
    r"[^,]{0,40},\s+|as of my (?:[\w-]+ ){0,3}(?:cutoff|update)[^,]{0,30},\s+|"
    r"as an ai(?: language)? model,\s+|"
    # a fact-check's section heading run into its first sentence: "Our ruling The party said ..."
    r"our (?:rating|ruling)\s+(?=(?-i:[A-Z]))|"
    # "Note that X", "Keep in mind that X": an instruction framing the fact X
    r"(?:please )?(?:also )?(?:note|keep in mind|bear in mind|remember),? that\s+(?=\w)|"
    # "It's worth noting that X", "It should be noted that X": an aside drawing attention to the fact X
    r"it(?:['’]s| is) (?:also )?worth (?:noting|mentioning|pointing out|to note|to mention),? that\s+(?=\w)|"
    r"it (?:should|must|can) (?:also )?be (?:noted|mentioned|pointed out),? that\s+(?=\w)|"
    # "This is because X", "This means that X": X is the fact; what "this" was is the previous sentence's.
    r"(?:this|that) (?:is (?:because|why|since|due to the fact that)|was (?:because|why)|"
    r"(?:means|meant)(?: that)?)\s+(?=\w)|"
    # "(So) it's possible that X", "It may be that X": a hedge framing the fact X, which is what is checked
    # ("unlikely that X" is no frame: X is denied, not stated)
    r"(?:so\s+)?it(?:(?:['’]s| is| was) (?:quite |very |entirely |perfectly |also |certainly |highly |thus )?"
    r"(?:possible|conceivable|plausible)| (?:may|might|could) (?:well )?be) that\s+(?=\w)|"
    # a verdict on what someone said, framing the fact it rests on: "Rubio is correct that X", "He has a
    # (thread of a) point in that X", "It's an extreme charge, since X"
    r"(?:(?-i:[A-Z][\w'’.-]+)(?: (?-i:[A-Z][\w'’.-]+)){0,2}|he|she|they) (?:is|was|are|were) "
    r"(?:partly |partially |largely |mostly |technically )?(?:correct|right) (?:in saying )?that\s+(?=\w)|"
    r"(?:(?-i:[A-Z][\w'’.-]+)(?: (?-i:[A-Z][\w'’.-]+)){0,2}|he|she|they) (?:has|have|had) (?:a|an) "
    r"(?:(?:thread|kernel|grain|bit) of (?:a |an )?)?point(?: in)? that\s+(?=\w)|"
    r"(?:it|this|that)(?:['’]s| is| was) (?:an? )?(?:[\w-]+ )?(?:charge|claim|accusation|assertion|"
    r"exaggeration|stretch), (?:since|because|as|given that)\s+(?=\w))",
    re.I,
)


def strip_discourse(text: str) -> int:
    """Where ``text`` starts after its opening discourse markers, one after another ("However, keep in
    mind that X": X)."""
    opened = 0
    while opened < len(text) and (m := DISCOURSE.match(text[opened:])) and m.end():
        opened += m.end()
    return opened


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
    """Words, numbers and punctuation marks of ``text`` with their offsets (plus ``offset``): the words of
    the one tokeniser, :func:`factcheck.rules.tokens.word_spans`."""
    return [Token(text[a:b], a + offset, b + offset) for a, b in word_spans(text)]


def is_verb(token: Token | None) -> bool:
    """A finite verb or auxiliary, recognised from a closed list and the ``-ed`` ending."""
    if token is None:
        return False
    low = token.low
    if token.text == "May":
        return False  # the month ("on 3 May 2001"), not the modal
    # an acronym is no past tense ("LED lamps use ...", not "led")
    if (
        low in AUX
        or (low in IRREGULAR and not token.text.isupper())
        or (low in THIRD_PERSON and token.text[:1].islower())
    ):
        return True
    # "-ed" words are verbs unless hyphenated ("state-owned", "self-funded" are adjectives).
    return bool(
        low.endswith("ed")
        and len(low) > 4
        and token.text[0].islower()
        and "-" not in low
        and low not in {"need", "speed", "seed"}
    )


# Words after which a verb's base form is finite: plural pronouns and relative pronouns.
_PLURAL_SUBJECTS = {"they", "we", "you", "i", "which", "who", "that", "people", "children", "men", "women"}


# Verbs whose past is their base form: after "it" / "he" / "she" they are that past ("it cost 800 dollars").
_SAME_PAST = {"cost", "put", "set", "hit", "cut", "let", "read", "spread", "hurt", "shut", "quit", "cast"}


def finite_at(tokens: list[Token], i: int) -> bool:
    """Whether token ``i`` is a finite verb in its context: :func:`is_verb`, or a common verb's base form
    right after a plural subject or a relative pronoun ("stores carry", "which help", "they include")."""
    token = tokens[i]
    if is_verb(token):
        return True
    if i > 0 and tokens[i - 1].low in {"it", "he", "she"} and (verb_like(token) or token.low in _SAME_PAST):
        return True  # "It supports ...", "He holds ...", "it cost": an -s word or a past after a pronoun
    if _after_name(tokens, i) or _after_singular_noun(tokens, i):
        return True  # "Tacrolimus suppresses T-cell activation", "This approach sustains the ..."
    if token.low not in COMMON_VERBS or not token.text[:1].islower() or i == 0:
        return False
    j = i - 1
    while j > 0 and tokens[j].low in ADVERBS:
        j -= 1
    if _plural_word(tokens[j].low):
        return True
    # "sources of information include", "the results of the study show": a plural head before "of"
    of = next((k for k in range(j - 1, max(0, j - 4), -1) if tokens[k].low == "of"), None)
    return (
        of is not None
        and of > 0
        and tokens[of - 1].text.islower()
        and _plural_word(tokens[of - 1].low)
        and all(tokens[k].text.isalpha() and tokens[k].low not in AUX for k in range(of + 1, j + 1))
    )


def _after_name(tokens: list[Token], i: int) -> bool:
    """An "-s" word right after a name that opens the sentence, followed by an object rather than a verb:
    a verb ("Copper displaces iron"), not a noun the name qualifies ("Apple stores sell ...")."""
    token = tokens[i]
    if i == 0 or i + 1 >= len(tokens) or not verb_like(token) or token.low in NOUN_LIKE_S_FORMS:
        return False
    if len(token.low) < 5 or token.low.endswith(("ics", "ness", "ings")):
        return False
    closed = DETERMINERS | PREPOSITIONS | ADVERBS | SUBJECT_PRONOUNS
    name = [j for j in range(i) if tokens[j].text[:1].isupper() and tokens[j].low not in closed]
    if name != list(range(i)) or i > 3:
        return False  # the name must be all that comes before ("These gases and ..." has none)
    nxt = tokens[i + 1]
    return not (is_verb(nxt) or nxt.low in AUX or nxt.low in COMMON_VERBS or not (nxt.text[:1].isalnum()))


def _after_singular_noun(tokens: list[Token], i: int) -> bool:
    """An "-s" word between a determiner's singular noun and another determiner: a verb ("The law requires
    a license", "This approach sustains the identities"), not a noun of a compound ("the tax plans")."""
    token = tokens[i]
    if i < 2 or i + 1 >= len(tokens) or not verb_like(token) or token.low in NOUN_LIKE_S_FORMS:
        return False
    noun, det = tokens[i - 1], tokens[i - 2]
    if not (
        det.low in DETERMINERS
        and noun.text.isalpha()
        and noun.text.islower()
        and not _plural_word(noun.low)
        and not noun.low.endswith("ly")
    ):
        return False
    if tokens[i + 1].low in {"a", "an", "the", "its", "their", "his", "her", "our", "your", "my"}:
        return True
    # "The virus spreads through droplets": a preposition after it, and no verb later in its clause
    # ("The tax cuts in 2017 were ...": then the "-s" word is a noun)
    return i == 2 and tokens[i + 1].low in _MOTION_PREPOSITIONS and not _verb_follows(tokens, i + 1)


_MOTION_PREPOSITIONS = {
    "through", "into", "across", "along", "from", "via", "over", "around", "toward", "towards",
}  # fmt: skip
_CLAUSE_BREAKS = {",", ";", ":", "and", "but", "or", "which", "that", "who", "when", "where", "while"}


def _verb_follows(tokens: list[Token], i: int) -> bool:
    """Whether a finite verb follows token ``i`` before the clause breaks (a comma, a conjunction)."""
    for t in tokens[i:]:
        if t.low in _CLAUSE_BREAKS:
            return False
        if t.low in AUX or (t.low in IRREGULAR and t.text.islower()):
            return True
    return False


def _plural_word(low: str) -> bool:
    """A plural subject word: a pronoun ("they") or a noun in -s ("stores"; not "glass", "virus", "this")."""
    return low in _PLURAL_SUBJECTS or (
        len(low) > 3 and low.endswith("s") and not low.endswith(("ss", "us", "is")) and low.isalpha()
    )


def known_base(form: str) -> str | None:
    """The base form of a listed verb's "-ing" or "-ed" form ("ensuring", "ensured" -> "ensure";
    "stopping", "stopped" -> "stop"; "lying" -> "lie", "carried" -> "carry"), else ``None``."""
    if form.endswith("ing"):
        stem = form[:-3]
        y_form = stem[:-1] + "ie" if stem.endswith("y") else ""
    elif form.endswith("ed"):
        stem = form[:-2]
        y_form = stem[:-1] + "y" if stem.endswith("i") else ""
    else:
        return None
    known = COMMON_VERBS | BASE_VERBS
    doubled = stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else ""
    return next((base for base in (stem + "e", stem, doubled, y_form) if base and base in known), None)


def is_gerund(token: Token) -> bool:
    """A lower-case "-ing" form of a listed verb ("ensuring", "running"; not "upcoming", "during")."""
    return token.text.islower() and token.low.endswith("ing") and known_base(token.low) is not None


def _base_of_ing(participle: str) -> str | None:
    """The base form of a verb's "-ing" form ("providing" -> "provide", "uncovering" -> "uncover")."""
    known = known_base(participle)
    if known:
        return known
    stem = participle[:-3]
    if len(stem) < 4 or not stem.isalpha():
        return None
    # An unknown verb: "uncovering" -> "uncover", "promoting" -> "promote", "stopping" -> "stop".
    if stem[-1] == stem[-2] and stem[-1] not in "aeiouls":
        return stem[:-1]
    single_consonant = stem[-1] not in "aeiouwxy" and stem[-2] in "aeiou" and stem[-3] not in "aeiou"
    keeps_stem = stem.endswith(("er", "en", "on", "el", "it", "ow", "ay", "ey"))
    return stem + "e" if single_consonant and not keeps_stem else stem


def present_of(participle: str) -> str | None:
    """The third-person present of a known verb's "-ing" form ("providing" -> "provides"), else ``None``."""
    base = _base_of_ing(participle)
    return third_person(base) if base else None


# The simple past of the irregular verbs a participial clause opens with most ("finding" -> "found").
_IRREGULAR_PAST = {
    "find": "found", "make": "made", "lead": "led", "hold": "held", "give": "gave", "take": "took",
    "become": "became", "bring": "brought", "leave": "left", "sell": "sold", "win": "won", "keep": "kept",
    "build": "built", "send": "sent", "spend": "spent", "pay": "paid", "tell": "told", "say": "said",
    "mean": "meant", "get": "got", "set": "set", "put": "put", "run": "ran", "begin": "began", "see": "saw",
    "write": "wrote", "have": "had", "do": "did", "go": "went", "come": "came", "grow": "grew",
    "lose": "lost", "draw": "drew", "know": "knew", "think": "thought", "feel": "felt", "stand": "stood",
    "hit": "hit",
    "rise": "rose", "fall": "fell", "beat": "beat", "break": "broke", "choose": "chose", "drive": "drove",
    "show": "showed", "cut": "cut", "sink": "sank", "spread": "spread", "teach": "taught", "buy": "bought",
}  # fmt: skip


def past_of(participle: str) -> str | None:
    """The simple past of a verb's "-ing" form ("providing" -> "provided", "finding" -> "found")."""
    stem = participle[:-3]
    base = _base_of_ing(participle)
    if base is None:
        return None
    if base in _IRREGULAR_PAST:
        return _IRREGULAR_PAST[base]
    if len(stem) > 2 and stem[-1] == stem[-2] and base == stem[:-1]:
        return stem + "ed"  # "committing" -> "committed"
    if base.endswith("e"):
        return base + "d"
    if base.endswith("y") and base[-2:-1] not in "aeiou":
        return base[:-1] + "ied"
    return base + "ed"


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
