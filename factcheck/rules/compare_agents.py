"""Who made a work: "The Sugarland Express was directed by Christopher Walken" against "The Sugarland Express
is a 1974 film directed by Steven Spielberg" is the wrong-person error, a conflict.

An act of making (directing, writing, composing, painting, producing, founding, inventing...) is read as
"<work> was <act> by <names>" or "<names> <act> <work>". The claim's maker conflicts with the evidence's
makers of the same act only when the evidence names the claim's work too, names the makers of that act,
and never names the claim's maker anywhere: a maker the evidence does not mention at all is the error, one
it mentions elsewhere may be a co-maker. Cases live in ``tests/rules/cases/compare_agents.jsonl``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from factcheck.rules.findings import CONFLICT, Finding
from factcheck.rules.names import NameMention, extract_names, name_key, same_organisation

__all__ = ["Maker", "makers", "agent_findings"]

# The act of each verb form, passive participle and active past alike.
_ACTS = {
    "directed": "directed",
    "co-directed": "directed",
    "written": "written",
    "co-written": "written",
    "wrote": "written",
    "co-wrote": "written",
    "composed": "composed",
    "painted": "painted",
    "sculpted": "sculpted",
    "illustrated": "illustrated",
    "narrated": "narrated",
    "produced": "produced",
    "co-produced": "produced",
    "invented": "invented",
    "discovered": "discovered",
    "designed": "designed",
    "founded": "founded",
    "co-founded": "founded",
    "created": "created",
    "co-created": "created",
    "developed": "developed",
    "published": "published",
    "authored": "written",
}
_ACT = "|".join(sorted((re.escape(a) for a in _ACTS), key=len, reverse=True))
# "directed by A, B and C", "co-written and directed by A": the makers run to the end of the clause.
_PASSIVE = re.compile(
    rf"\b(?P<act>{_ACT})(?:,?\s+(?:and\s+)?(?P<act2>{_ACT}))?\s+by\s+(?P<who>[^.;:()\[\]]+)", re.IGNORECASE
)
# Read from the end of a name (``match(text, pos)`` anchors there).
_ACTIVE = re.compile(rf"\s*(?:also\s+|later\s+)?(?P<act>{_ACT})\b", re.IGNORECASE)
# Words that end a list of makers: what follows is no longer who made it.
_LIST_END = re.compile(r"\b(?:who|which|that|with|for|in|on|at|from|as|based|while|when|after|before)\b")


@dataclass(frozen=True)
class Maker:
    """One maker of an act as written in a text: the name, its offsets and the act ("directed")."""

    name: NameMention
    act: str


def _people(text: str, start: int, end: int) -> list[NameMention]:
    """The names (organisations or people, not places) written in ``text[start:end]``."""
    return [m for m in extract_names(text) if start <= m.start and m.end <= end and m.kind == "organisation"]


@lru_cache(maxsize=8192)
def makers(text: str) -> tuple[Maker, ...]:
    """Every maker ``text`` names, with the act: "directed by Steven Spielberg", "Hesiod wrote"."""
    found: list[Maker] = []
    for match in _PASSIVE.finditer(text):
        start, end = match.span("who")
        stop = _LIST_END.search(text, start, end)
        people = _people(text, start, stop.start() if stop else end)
        for verb in (match.group("act"), match.group("act2")):
            if verb:
                found.extend(Maker(m, _ACTS[verb.lower()]) for m in people)
    for name in extract_names(text):
        if name.kind != "organisation":
            continue
        active = _ACTIVE.match(text, name.end)
        if active:
            found.append(Maker(name, _ACTS[active.group("act").lower()]))
    return tuple(found)


def _named(name: NameMention, text: str, names: tuple[NameMention, ...]) -> bool:
    """Whether ``text`` names the person or body anywhere (by any of its names' words)."""
    key = name_key(name.text)
    if any(same_organisation(key, name_key(m.text)) for m in names):
        return True
    return key in text.lower()


def agent_findings(claim: str, evidence: str) -> list[Finding]:
    """A conflict for each maker the claim names where the evidence gives other makers of the same act of
    the same work and never names the claim's."""
    theirs = makers(evidence)
    if not theirs:
        return []
    claim_names = extract_names(claim)
    evidence_names = extract_names(evidence)
    found = []
    for ours in makers(claim):
        work = [
            m
            for m in claim_names
            if m.kind == "organisation" and m.start != ours.name.start and not _overlap(m, ours.name)
        ]
        if not any(_named(m, evidence, evidence_names) for m in work):
            continue  # the evidence may be about another work
        if _named(ours.name, evidence, evidence_names):
            continue
        other = next((t for t in theirs if t.act == ours.act), None)
        if other is None:
            continue
        reason = f"claim says {ours.act} by {ours.name.text}; evidence says {ours.act} by {other.name.text}"
        found.append(
            Finding(
                "organisation",
                ours.name.text,
                ours.name.start,
                ours.name.end,
                other.name.text,
                other.name.start,
                other.name.end,
                CONFLICT,
                reason,
                0.8,
            )
        )
    return found


def _overlap(a: NameMention, b: NameMention) -> bool:
    return a.start < b.end and b.start < a.end
