"""How check-worthy a sentence or claim is: a score in [0, 1] and the signals that decided it.

Two layers, after Full Fact's criteria (specific, measurable, about the world; not opinion, prediction,
advice or personal experience) and ClaimBuster's classes (check-worthy / unimportant / non-factual):

1. hard rules of :func:`factcheck.claims.checkworthy.sentence_kind`: questions, imperatives, boilerplate,
   bylines, labels and opinion without a factual core are never claims (score 0);
2. a small logistic regression over cheap signals (figures, dates, ranks and names found by the rule
   readers; verbs of fact; hedges, opinion, prediction and advice markers; person, length, quotes) and a
   few hashed words, trained by ``eval/train_checkworthy.py`` and shipped as
   ``factcheck/models/checkworthy/weights.json``, checked against the sha256 in its ``manifest.json``.

Scoring one sentence costs a few tens of microseconds: no embedding model is involved.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import zlib
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from factcheck.claims.checkworthy import has_name, sentence_kind
from factcheck.claims.grammar import Token, is_capitalised, is_verb, tokenize
from factcheck.claims.lexicon import (
    ADVICE_WORDS,
    FIRST_PERSON,
    HEDGES,
    IRREGULAR,
    OPINION_WORDS,
    PREDICTION_WORDS,
    REFERRING_PRONOUNS,
    REPORTING,
    SECOND_PERSON,
    SENTENCE_START_WORDS,
)
from factcheck.errors import ModelError
from factcheck.rules.quantities import extract

MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "checkworthy"
WEIGHTS_FILE = "weights.json"
MANIFEST_FILE = "manifest.json"
# Kinds of sentence the rules never keep, whatever the score.
NEVER = frozenset({"question", "imperative", "boilerplate", "byline", "fragment", "opinion"})
HASH_BUCKETS = 64

_QUOTE = re.compile(r"[\"“”]")
_CLITIC = re.compile(r"['’](?:re|ve|s|m|ll|d)$|n['’]t$")

# The signals, in the order of the model's weights.
SIGNALS = (
    "figure",
    "money",
    "date",
    "relative_date",
    "rank",
    "word_number",
    "names",
    "name_first",
    "fact_verb",
    "reporting",
    "copula",
    "no_verb",
    "hedge",
    "opinion",
    "prediction",
    "advice",
    "first_person",
    "second_person",
    "pronoun_start",
    "quote",
    "length",
    "short",
    "long",
    "colon_end",
    "no_final_stop",
    "unspecific",
)


@dataclass(frozen=True)
class Worthiness:
    """A check-worthiness decision: ``score`` in [0, 1], the rule ``kind`` of the text and the signals that
    weighed most (``+`` for, ``-`` against), in plain words."""

    score: float
    kind: str
    reasons: tuple[str, ...] = ()

    def explain(self) -> str:
        """One line for people: "0.93: figure 8.5 billion euros, name Xiaomi"."""
        return f"{self.score:.2f}: " + (", ".join(self.reasons) if self.reasons else self.kind)


@dataclass(frozen=True)
class Signals:
    """The values of :data:`SIGNALS` for one text, with the words that set them (for explanations)."""

    values: tuple[float, ...]
    evidence: dict[str, str]
    hashed: tuple[int, ...]


def _words(tokens: list[Token]) -> list[str]:
    # An acronym is no word of the lexicon: "US dollars" has no first person in it.
    # A contraction counts as its first word: "We're" is first person, "it's" a pronoun.
    return [
        _CLITIC.sub("", t.low)
        for t in tokens
        if t.text[:1].isalnum() and not (t.text.isupper() and len(t.text) > 1)
    ]


def _names(tokens: list[Token]) -> list[str]:
    """Capitalised words that are names: any after the first word, the first when it looks like one."""
    out = []
    for i, token in enumerate(tokens):
        if not is_capitalised(token) or token.text in {"I"}:
            continue
        acronym = token.text.isupper() and len(token.text) > 1
        if i == 0 and (token.text in SENTENCE_START_WORDS or not acronym):
            continue
        if i > 0 and tokens[i - 1].text in {".", "!", "?", ":", '"', "“"}:
            continue
        out.append(token.text)
    return out


# "our solar system", "our planet": a generic "our" (everyone's), no personal experience.
_GENERIC_OURS = {"solar", "planet", "galaxy", "universe", "world", "species", "society", "sun", "moon"}


def _first_person(words: list[str]) -> list[str]:
    """The first-person words of a text, less a generic "our" ("our solar system")."""
    return [
        w
        for i, w in enumerate(words)
        if w in FIRST_PERSON and not (w == "our" and i + 1 < len(words) and words[i + 1] in _GENERIC_OURS)
    ]


@lru_cache(maxsize=16384)
def signals(text: str) -> Signals:
    """The signals of one sentence or claim."""
    found = extract(text)
    tokens = tokenize(text)
    words = _words(tokens)
    evidence: dict[str, str] = {}
    digit_figures = [q for q in found.quantities if any(c.isdigit() for c in q.text)]
    money = [q for q in found.quantities if q.unit_class == "money"]
    dates = [d for d in found.dates if any(c.isdigit() for c in d.text)]
    relative = [d for d in found.dates if d.granularity == "relative"]
    word_numbers = [q for q in found.quantities if not any(c.isdigit() for c in q.text)]
    names = _names(tokens)
    verbs = [t for t in tokens if is_verb(t)]
    facts = [t for t in verbs if t.low.endswith("ed") or (t.low in IRREGULAR and not t.low.endswith("s"))]
    for key, items in (
        ("figure", digit_figures),
        ("money", money),
        ("date", dates),
        ("relative_date", relative),
        ("rank", list(found.ranks)),
        ("word_number", word_numbers),
    ):
        if items:
            evidence[key] = items[0].text
    if names:
        evidence["names"] = " ".join(dict.fromkeys(names[:3]))
    if tokens and is_capitalised(tokens[0]) and tokens[0].text not in SENTENCE_START_WORDS:
        evidence["name_first"] = tokens[0].text
    if facts:
        evidence["fact_verb"] = facts[0].text
    # A capitalised word inside the sentence is a name ("Scala Future's", "Try[T]", "Will Smith"), not a
    # marker of prediction or advice.
    plain = _words([t for i, t in enumerate(tokens) if i == 0 or not is_capitalised(t)])
    marked = {
        "hedge": [w for w in plain if w in HEDGES],
        "opinion": [w for w in plain if w in OPINION_WORDS],
        "prediction": [w for w in plain if w in PREDICTION_WORDS],
        "advice": [w for w in plain if w in ADVICE_WORDS],
        "first_person": _first_person(words),
        "second_person": [w for w in words if w in SECOND_PERSON],
    }
    for key, hits in marked.items():
        if hits:
            evidence[key] = hits[0]
    body = text.rstrip(" \"'”’)")
    n = len(words)
    values = {
        "figure": float(bool(digit_figures)),
        "money": float(bool(money)),
        "date": float(bool(dates)),
        "relative_date": float(bool(relative)),
        "rank": float(bool(found.ranks)),
        "word_number": float(bool(word_numbers)),
        "names": min(len(set(names)), 4) / 4,
        "name_first": float(bool(tokens) and has_name(" ".join(t.text for t in tokens[:3]))),
        "fact_verb": float(bool(facts)),
        "reporting": float(any(w in REPORTING for w in words) or "according" in words),
        "copula": float(any(w in {"is", "are", "was", "were"} for w in words)),
        "no_verb": float(not verbs),
        "hedge": min(len(marked["hedge"]), 2) / 2,
        "opinion": min(len(marked["opinion"]), 2) / 2,
        "prediction": float(bool(marked["prediction"])),
        "advice": min(len(marked["advice"]), 2) / 2,
        "first_person": float(bool(marked["first_person"])),
        "second_person": float(bool(marked["second_person"])),
        "pronoun_start": float(bool(words) and words[0] in (REFERRING_PRONOUNS - {"we", "i"})),
        "quote": float(bool(_QUOTE.search(text))),
        "length": min(math.log1p(n) / math.log(60), 1.0),
        "short": float(n <= 5),
        "long": float(n >= 35),
        "colon_end": float(body.endswith(":")),
        "no_final_stop": float(not body.endswith((".", "!", "?"))),
        "unspecific": float(
            not (digit_figures or money or dates or found.ranks or names or _QUOTE.search(text))
        ),
    }
    hashed = tuple(sorted({zlib.crc32(w.encode("utf-8")) % HASH_BUCKETS for w in words}))
    return Signals(tuple(values[name] for name in SIGNALS), evidence, hashed)


@dataclass(frozen=True)
class Model:
    """A logistic regression over :data:`SIGNALS` and hashed words."""

    weights: tuple[float, ...]
    word_weights: tuple[float, ...]
    bias: float
    threshold: float
    version: str

    def probability(self, sig: Signals) -> float:
        """The model's probability that the text is check-worthy."""
        z = self.bias + sum(w * v for w, v in zip(self.weights, sig.values, strict=True))
        z += sum(self.word_weights[h] for h in sig.hashed)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def contributions(self, sig: Signals) -> list[tuple[float, str]]:
        """Each signal's share of the decision, largest first."""
        return sorted(
            ((w * v, name) for w, v, name in zip(self.weights, sig.values, SIGNALS, strict=True) if v),
            key=lambda item: -abs(item[0]),
        )


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@cache
def load_model(folder: Path = MODEL_DIR) -> Model:
    """The shipped check-worthiness model, after checking its weights against the manifest's sha256."""
    weights_path, manifest_path = folder / WEIGHTS_FILE, folder / MANIFEST_FILE
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        expected = manifest["files"][WEIGHTS_FILE]
        actual = _sha256(weights_path)
        data = json.loads(weights_path.read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError) as exc:
        raise ModelError(f"check-worthiness model in {folder} is missing or unreadable: {exc}") from exc
    if actual != expected:
        raise ModelError(f"check-worthiness weights {weights_path} do not match their manifest sha256")
    if tuple(data["signals"]) != SIGNALS or len(data["word_weights"]) != HASH_BUCKETS:
        raise ModelError(f"check-worthiness weights {weights_path} were trained on other signals")
    return Model(
        tuple(float(w) for w in data["weights"]),
        tuple(float(w) for w in data["word_weights"]),
        float(data["bias"]),
        float(data["threshold"]),
        str(data["version"]),
    )


_LABELS = {
    "figure": "figure",
    "money": "money",
    "date": "date",
    "relative_date": "relative date",
    "rank": "rank",
    "word_number": "number",
    "names": "names",
    "name_first": "name",
    "fact_verb": "verb of fact",
    "reporting": "attribution",
    "quote": "quotation",
    "long": "detail",
    "hedge": "hedge",
    "opinion": "opinion word",
    "prediction": "prediction",
    "advice": "advice",
    "first_person": "first person",
    "second_person": "second person",
    "short": "short",
    "no_final_stop": "no final full stop",
    "colon_end": "ends with a colon",
    "unspecific": "nothing specific (no figure, date or name)",
}


def _explain(model: Model, sig: Signals, kept: bool) -> tuple[str, ...]:
    """The signals that weighed most towards the decision, as "+figure 3,000" / "-hedge could"."""
    out: list[str] = []
    for share, name in model.contributions(sig):
        if (share > 0) != kept or name not in _LABELS:
            continue
        word = sig.evidence.get(name)
        out.append(f"{'+' if share > 0 else '-'}{_LABELS[name]}" + (f" {word}" if word else ""))
        if len(out) == 3:
            break
    if kept and not out:
        out.append("+plain statement (no opinion, hedge, advice or first person)")
    return tuple(out)


def assess(text: str, model: Model | None = None) -> Worthiness:
    """The check-worthiness of one sentence or claim (rules first, then the model)."""
    kind = sentence_kind(" ".join(text.split()))
    if kind in NEVER:
        return Worthiness(0.0, kind, (kind,))
    model = model or load_model()
    sig = signals(text)
    score = model.probability(sig)
    return Worthiness(round(score, 4), kind, _explain(model, sig, score >= model.threshold))
