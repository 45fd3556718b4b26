"""What a comparison says about one claim mention: the :class:`Finding`, its outcomes, and the measures of
relatedness every kind of comparison (figures, dates, ranks, names) shares.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, replace
from functools import lru_cache

from factcheck.rules.names import extract_names

__all__ = ["Finding", "AGREE", "CONFLICT", "UNRELATED", "KINDS", "AGREE_MIN", "CONFLICT_MIN"]

AGREE = "agree"
CONFLICT = "conflict"
UNRELATED = "unrelated"
KINDS = ("number", "money", "date", "rank", "place", "organisation")

# Relatedness needed to call two mentions the same slot: agreement may be looser than conflict.
AGREE_MIN = 0.3
CONFLICT_MIN = 0.5


@dataclass(frozen=True, slots=True)
class Finding:
    """One claim mention judged against the evidence.

    ``kind``: number, money, date, rank, place or organisation. ``outcome``: agree, conflict or unrelated.
    Offsets index into the claim and the evidence text; the evidence fields are None when nothing in the
    evidence speaks to the claim mention. ``strength`` (0-1) says how sure the pairing and the outcome are.
    """

    kind: str
    claim_mention: str
    claim_start: int
    claim_end: int
    evidence_mention: str | None
    evidence_start: int | None
    evidence_end: int | None
    outcome: str
    reason: str
    strength: float

    def to_dict(self) -> dict:
        """Plain JSON-ready form."""
        return asdict(self)

    def judged(self, outcome: str, reason: str, strength: float) -> Finding:
        """The same pairing with another outcome, reason and strength."""
        return replace(self, outcome=outcome, reason=reason, strength=strength)


def unrelated(kind: str, text: str, start: int, end: int, reason: str) -> Finding:
    """A claim mention nothing in the evidence speaks to."""
    return Finding(kind, text, start, end, None, None, None, UNRELATED, reason, 0.0)


@lru_cache(maxsize=16384)
def name_words(text: str) -> frozenset[str]:
    """Lower-case words that belong to names in ``text`` (they do not count as shared context)."""
    found: set[str] = set()
    for m in extract_names(text):
        for w in m.text.lower().replace("’", "'").split():
            found.add(w[:-2] if w.endswith("'s") else w)
        found.update(m.key.split())
    return frozenset(found)


def relatedness(ca: frozenset[str], cb: frozenset[str], names: frozenset[str], sole: bool) -> float:
    """How surely two mentions fill the same slot, from the content words around them."""
    shared = ca & cb
    plain = shared - names
    if len(plain) >= 2:
        return 0.8
    if len(plain) == 1:
        return 0.6
    ca_plain, cb_plain = ca - names, cb - names
    if sole and not ca_plain and not cb_plain:
        return 0.5  # two bare figures ("€700M" and "€70M"): nothing says they differ in subject
    if sole and (not ca_plain or not cb_plain):
        return 0.4
    if shared:
        return 0.35
    return 0.3 if sole else 0.0


def only_one(items: Iterable[object]) -> bool:
    """True when the iterable yields exactly one item (stops at the second)."""
    count = 0
    for _ in items:
        count += 1
        if count > 1:
            return False
    return count == 1
