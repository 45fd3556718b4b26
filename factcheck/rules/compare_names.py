"""Organisations and places compared, and the subject of the evidence: who or where its figures are about.

When the claim names organisations and the evidence names none of them, the evidence may be about anything:
nothing in it conflicts with the claim (agreements stay, weakened) - unless a place the claim names is in the
evidence too. When the evidence gives the claim's figure (or superlative rank) for another organisation
named before it in its clause, that is the "right figure, wrong company" error: an ``organisation``
conflict. Places work alike, in slots that hold one place (a factory, a headquarters, a summit, a
nationality given as what the subject is: "is an American singer" against "is a Korean") or tied by an
agreeing figure. Cases live in ``tests/rules/cases/compare_names.jsonl``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from factcheck.rules.findings import AGREE, CONFLICT, Finding, unrelated
from factcheck.rules.lexicon import words
from factcheck.rules.names import NameMention, extract_names, place_within, same_organisation
from factcheck.rules.ranks import Rank
from factcheck.rules.tokens import content_words

__all__ = ["NameSides", "Subjects", "name_sides", "organisation_findings", "place_findings"]

# Context words that make a place slot exclusive (a factory is in one city; a company is based in one place).
_EXCLUSIVE_PLACE_WORDS = frozenset(
    words(
        "factory plant headquarter headquarters based born capital located hq die open build capacity "
        "summit conference meeting talks held hold"
    )
)


def _place_match(a: NameMention, b: NameMention) -> bool:
    return a.key == b.key or place_within(a.key, b.key) or place_within(b.key, a.key)


def _same_place_slot(a: NameMention, b: NameMention) -> bool:
    """Two places that could fill the same slot: both cities, both countries... (unknown fits city/region).
    A nationality ("an American film") and a place named as one ("after the Nazi Party had taken power in
    Germany") fill different slots: where a thing is from is not where something happens."""
    if a.demonym != b.demonym:
        return False
    ta, tb = a.place_type, b.place_type
    if ta == tb:
        return True
    return {ta, tb} <= {"unknown", "city", "region"} and "unknown" in (ta, tb)


def _mentioned(name: NameMention, evidence_low: str) -> bool:
    key = name.key
    if len(key) < 2:
        return False
    idx = evidence_low.find(key)
    while idx != -1:
        before = evidence_low[idx - 1] if idx > 0 else " "
        after = evidence_low[idx + len(key)] if idx + len(key) < len(evidence_low) else " "
        if not before.isalnum() and not after.isalnum():
            return True
        idx = evidence_low.find(key, idx + 1)
    return False


@dataclass(frozen=True, slots=True)
class NameSides:
    """The organisations and places of a claim and a piece of evidence, and which of them the other text
    lacks."""

    claim_orgs: tuple[NameMention, ...]
    claim_places: tuple[NameMention, ...]
    ev_orgs: tuple[NameMention, ...]
    ev_places: tuple[NameMention, ...]
    orgs_missing: tuple[NameMention, ...]  # claim organisations the evidence does not name
    orgs_extra: tuple[NameMention, ...]  # evidence organisations the claim does not name
    places_missing: tuple[NameMention, ...]
    places_extra: tuple[NameMention, ...]


def _dedupe(mentions: list[NameMention]) -> tuple[NameMention, ...]:
    seen: set[str] = set()
    out = []
    for m in mentions:
        if m.key not in seen:
            seen.add(m.key)
            out.append(m)
    return tuple(out)


def _dateline_place(text: str, m: NameMention) -> bool:
    """ "BEIJING, August 25 (Newsdesk) -": where a report was filed, not a place in what it reports."""
    line_start = text.rfind("\n", 0, m.start) + 1
    return (
        m.kind == "place"
        and m.text.isupper()
        and not text[line_start : m.start].strip()
        and text[m.end : m.end + 1] == ","
    )


def name_sides(claim: str, evidence: str) -> NameSides:
    cn = tuple(m for m in extract_names(claim) if not _dateline_place(claim, m))
    en = tuple(m for m in extract_names(evidence) if not _dateline_place(evidence, m))
    c_orgs = _dedupe([m for m in cn if m.kind == "organisation"])
    c_places = _dedupe([m for m in cn if m.kind == "place"])
    e_orgs = _dedupe([m for m in en if m.kind == "organisation"])
    e_places = _dedupe([m for m in en if m.kind == "place"])
    ev_low, cl_low = evidence.lower().replace("’", "'"), claim.lower().replace("’", "'")
    orgs_missing = tuple(
        m
        for m in c_orgs
        if not any(same_organisation(m.key, e.key) for e in e_orgs) and not _mentioned(m, ev_low)
    )
    orgs_extra = tuple(
        e
        for e in e_orgs
        if not any(same_organisation(e.key, m.key) for m in c_orgs) and not _mentioned(e, cl_low)
    )
    places_missing = tuple(
        m
        for m in c_places
        if not _mentioned(m, ev_low)
        and not any(e.key == m.key or place_within(e.key, m.key) for e in e_places)
        and not (
            any(place_within(m.key, e.key) for e in e_places)
            and not any(_same_place_slot(m, e) and not _place_match(m, e) for e in e_places)
        )
    )
    places_extra = tuple(
        e for e in e_places if not any(_place_match(e, m) for m in c_places) and not _mentioned(e, cl_low)
    )
    return NameSides(
        c_orgs, c_places, e_orgs, e_places, orgs_missing, orgs_extra, places_missing, places_extra
    )


def _nearest(mentions: tuple[NameMention, ...], pos: int) -> NameMention:
    return min(mentions, key=lambda m: abs(m.start - pos))


_ANAPHOR = re.compile(
    r"\b(?:it|its|he|she|his|her|they|their|them|(?:the|this|that)\s+(?:"
    r"film|movie|company|firm|group|carmaker|automaker|maker|manufacturer|state|city|country|team|club|album|"
    r"song|book|show|series|band|unit|government|party|airline|bank|season|game|station|school|university|"
    r"player|singer|actor|actress|airport|brand|startup|business|retailer|network|channel|newspaper|platform|"
    r"app|service|chain|league|region|province|county|town|village|building|project|organisation|organization|"
    r"agency|ministry|court|army|province|novel|record|single|episode|character|product|model|vehicle|car))\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.;!?]\s")


def _subject_in_evidence(
    evidence: str, extra: tuple[NameMention, ...], anchor_pos: int
) -> NameMention | None:
    """The organisation the evidence gives the anchoring figure for, when that is clear.

    None when the clause holding the figure refers to its subject by a pronoun or a definite description
    ("It grossed...", "the film holds...") nearer the figure than any name: the claim's name may be meant.
    """
    clause_start = 0
    for m in _SENTENCE_END.finditer(evidence, 0, anchor_pos):
        clause_start = m.end()
    extra = tuple(m for m in extra if not _in_brackets(evidence, m))  # "(Newsdesk)" in a dateline
    before = [m for m in extra if clause_start <= m.start < anchor_pos]
    anaphors = [m.start() for m in _ANAPHOR.finditer(evidence, clause_start, anchor_pos)]
    if anaphors and (not before or min(anaphors) < before[0].start or max(anaphors) > before[-1].start):
        return None
    # Only a name before the figure, in its clause, is taken for its subject ("..., administered by UNICEF"
    # after the figure is not).
    return before[0] if before else None


def _in_brackets(text: str, m: NameMention) -> bool:
    return m.start > 0 and text[m.start - 1] == "(" and text[m.end : m.end + 1] == ")"


def _different_entities(claim_ranks: tuple[Rank, ...], evidence_ranks: tuple[Rank, ...]) -> bool:
    """True when both texts number the same kind of thing differently ("a second plant", "its first factory"):
    they then speak of different things, whatever place each names."""
    for c in claim_ranks:
        for e in evidence_ranks:
            same_kind = c.noun and e.noun and set(c.noun.split()) & set(e.noun.split())
            if c.scale is None and e.scale is None and c.position != e.position and same_kind:
                return True
    return False


def _within_note(m: NameMention, match: NameMention) -> str:
    if place_within(match.key, m.key):
        return f"{match.text} is in {m.text}"
    return f"{m.text} is in {match.text}"


# A nationality said of the subject: "is American", "was a 1980 Australian film", "is an upcoming Swedish
# series" (a copula, an article and at most three words before the demonym).
_NATIONALITY_SLOT = re.compile(
    r"\b(?:is|was|are|were)\s+(?:(?:an?|the)\s+(?:[\w-]+\s+){0,3})?$", re.IGNORECASE
)
_LANGUAGE_AFTER = re.compile(r"^\W?\s*(?:-?\s*language|-?\s*speaking)\b", re.IGNORECASE)


def _nationality(mention: NameMention, text: str) -> bool:
    """Whether a country's demonym is said of the subject as its nationality (not a language: "an
    English-language film")."""
    return (
        mention.demonym
        and mention.place_type == "country"
        and bool(_NATIONALITY_SLOT.search(text[max(0, mention.start - 60) : mention.start]))
        and not _LANGUAGE_AFTER.match(text[mention.end : mention.end + 12])
    )


def _exclusive_slot(
    mention: NameMention, counterparts: list[NameMention], claim: str, evidence: str
) -> NameMention | None:
    """A counterpart place in an exclusive slot shared by both texts ("factory in X", "based in X", "is an
    X singer")."""
    if not counterparts:
        return None
    if _nationality(mention, claim):
        nationality = next((e for e in counterparts if _nationality(e, evidence)), None)
        if nationality is not None:
            return nationality
    shared = content_words(claim) & content_words(evidence) & _EXCLUSIVE_PLACE_WORDS
    if not shared:
        return None
    return counterparts[0]


@dataclass
class Subjects:
    """Who and where the claim and the evidence are about, and the figures that tie them together.

    ``anchors`` are the (claim, evidence) positions of agreeing figures and superlative ranks: only they
    tie a name in the claim to one in the evidence (dates are too common, and often shared by the parties of
    one event).
    """

    sides: NameSides
    anchors: list[tuple[int, int]] = field(default_factory=list)
    org_conflict_with: NameMention | None = None
    place_conflict_with: NameMention | None = None

    @cached_property
    def org_subject_differs(self) -> bool:
        """The claim's organisations are all absent and the evidence names others."""
        s = self.sides
        return bool(s.claim_orgs) and len(s.orgs_missing) == len(s.claim_orgs) and bool(s.orgs_extra)

    @cached_property
    def claim_orgs_absent(self) -> bool:
        """The claim's organisations are all absent, and no shared place pins the subject either ("the
        factory in Beijing" for "Xiaomi's Beijing plant")."""
        s = self.sides
        shared_place = any(m.key == e.key for m in s.claim_places for e in s.ev_places)
        return bool(s.claim_orgs) and len(s.orgs_missing) == len(s.claim_orgs) and not shared_place

    @cached_property
    def place_counterparts(self) -> list[tuple[NameMention, NameMention]]:
        """(claim place, evidence place) pairs of places missing on the other side that fill one slot."""
        s = self.sides
        return [(m, e) for m in s.places_missing for e in s.places_extra if _same_place_slot(m, e)]

    @cached_property
    def place_subject_differs(self) -> bool:
        s = self.sides
        return (
            bool(s.claim_places)
            and len(s.places_missing) == len(s.claim_places)
            and bool(self.place_counterparts)
        )

    @property
    def anchored(self) -> bool:
        return bool(self.anchors)

    @property
    def anchor_pos(self) -> int:
        """Where the first anchoring figure is in the evidence."""
        return self.anchors[0][1] if self.anchors else 0

    def claim_subject(self) -> NameMention | None:
        """The claim's subject for the anchoring figure: its first organisation before the figure."""
        claim_anchor = self.anchors[0][0] if self.anchors else 0
        subject = next((m for m in self.sides.claim_orgs if m.start < claim_anchor), None)
        if subject is None and self.org_subject_differs:
            subject = self.sides.claim_orgs[0]
        return subject


def _present(kind: str, m: NameMention, match: NameMention | None, reason: str, strength: float) -> Finding:
    """A claim name the evidence names too (``match``), or mentions in passing (no match)."""
    if match is None:
        return Finding(
            kind, m.text, m.start, m.end, None, None, None, AGREE, f"evidence mentions {m.text}", 0.6
        )
    return Finding(kind, m.text, m.start, m.end, match.text, match.start, match.end, AGREE, reason, strength)


def _conflict(kind: str, m: NameMention, other: NameMention, reason: str) -> Finding:
    return Finding(kind, m.text, m.start, m.end, other.text, other.start, other.end, CONFLICT, reason, 0.7)


def organisation_findings(subjects: Subjects, evidence: str) -> list[Finding]:
    """One finding per claim organisation: named in the evidence, given the same facts as another
    organisation (the wrong-company error), or absent."""
    sides = subjects.sides
    claim_subject = subjects.claim_subject()
    found = []
    for m in sides.claim_orgs:
        if m not in sides.orgs_missing:
            match = next((e for e in sides.ev_orgs if same_organisation(m.key, e.key)), None)
            found.append(_present("organisation", m, match, f"both name {match.text}" if match else "", 0.8))
            continue
        other = None
        if subjects.anchored and m is claim_subject:
            other = _subject_in_evidence(evidence, sides.orgs_extra, subjects.anchor_pos)
        if other is not None:
            subjects.org_conflict_with = subjects.org_conflict_with or other
            reason = f"claim names {m.text}; evidence gives the same facts for {other.text}"
            found.append(_conflict("organisation", m, other, reason))
        else:
            found.append(
                unrelated("organisation", m.text, m.start, m.end, f"evidence does not mention {m.text}")
            )
    return found


def place_findings(
    subjects: Subjects, claim: str, evidence: str, claim_ranks: tuple[Rank, ...], ev_ranks: tuple[Rank, ...]
) -> list[Finding]:
    """One finding per claim place: named in the evidence (or a place within it), another place in the
    same slot (a conflict when a figure or an exclusive slot ties them), or absent."""
    sides = subjects.sides
    found = []
    for m in sides.claim_places:
        if m not in sides.places_missing:
            match = next((e for e in sides.ev_places if _place_match(m, e)), None)
            rel = "" if match is None or match.key == m.key else f" ({_within_note(m, match)})"
            reason = f"both name {match.text}{rel}" if match else ""
            found.append(_present("place", m, match, reason, 0.8 if not rel else 0.6))
            continue
        counterparts = [e for mm, e in subjects.place_counterparts if mm is m]
        exclusive = _exclusive_slot(m, counterparts, claim, evidence)
        if (
            counterparts
            and (subjects.anchored or exclusive is not None)
            and not (subjects.claim_orgs_absent and not subjects.anchored)
            and not _different_entities(claim_ranks, ev_ranks)
        ):
            other = exclusive or _nearest(tuple(counterparts), subjects.anchor_pos)
            subjects.place_conflict_with = subjects.place_conflict_with or other
            found.append(_conflict("place", m, other, f"claim says {m.text}; evidence says {other.text}"))
        else:
            found.append(unrelated("place", m.text, m.start, m.end, f"evidence does not mention {m.text}"))
    return found
