"""Deterministic consistency of a claim with one piece of evidence: figures, money, dates, ranks and names.

``compare(claim, evidence)`` reads both texts (``factcheck.rules.quantities``, ``factcheck.rules.names``),
pairs each claim mention with the evidence mention that speaks about the same thing, and says whether they
agree, conflict, or are unrelated, with a reason an editor can read. Every claim mention gets one finding.
Each kind is compared in its own module (``compare_figures``, ``compare_dates``, ``compare_ranks``,
``compare_names``, ``compare_roles``, ``compare_agents``); :data:`COMPARISON_STEPS` runs them in order and
then judges the findings by subject.

The rules favour precision: a false conflict makes a true claim come out contradicted, a missed one only
leaves the decision to the verdict model.

- Figures are compared only within one unit class (the same currency - never converted -, the same physical
  dimension, or counts of the same noun). Each claim figure meets its best-related evidence figure; a conflict
  is reported only when no related evidence figure agrees and the pair is strongly related: the same counted
  noun, a shared content word around both (names do not count; synonyms such as "bought"/"paid"/"price" do),
  or the only figure of its class on both sides with no context at all ("€700M" vs "€70M").
- Intervals come from hedges and written precision: "about 70" is 63-77, "more than 450,000" is above
  450,000, an unhedged "72" is exact up to its rounding (at most 3%). A bound meets the other side's written
  value ("over 79%" conflicts with "79%"), unless that value is round ("more than $3 billion" vs "$3
  billion" is left open). An evidence bound never establishes an exact claim ("up to €1 billion").
- Dates agree when their periods overlap at the coarser granularity ("2024" and "March 2024"), conflict when
  disjoint and about the same event (a shared event word such as "founded", "bought", "start", or two shared
  words). "before"/"after"/"by"/"or later" make open periods; durations compare in months; hedged durations,
  datelines ("BEIJING, August 25, 2021 (Newsdesk) -") and date arithmetic ("ten years after 2000") never
  conflict.
- Ranks with a superlative or a placing conflict when positions differ; bare ordinals ("second plant",
  "first factory") name different things and never conflict.
- Subjects: when the claim names organisations and the evidence names none of them, the evidence may be
  about anything, so nothing in it conflicts with the claim (agreements stay, weakened) - unless a place the
  claim names is in the evidence too. When the evidence gives the claim's figure (or superlative rank) for
  another organisation named before it in its clause, that is the "right figure, wrong company" error: an
  ``organisation`` conflict, and the figure finding is ``unrelated``. Places work alike, in slots that hold
  one place (a factory, a headquarters, a summit) or tied by an agreeing figure.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from factcheck.errors import InputError
from factcheck.rules.compare_agents import agent_findings
from factcheck.rules.compare_dates import compare_date
from factcheck.rules.compare_figures import compare_quantity, repeaters
from factcheck.rules.compare_names import Subjects, name_sides, organisation_findings, place_findings
from factcheck.rules.compare_ranks import compare_rank
from factcheck.rules.compare_roles import role_findings
from factcheck.rules.findings import AGREE, CONFLICT, KINDS, UNRELATED, Finding, name_words, unrelated
from factcheck.rules.quantities import Mentions, extract

__all__ = ["Finding", "compare", "AGREE", "CONFLICT", "UNRELATED", "KINDS", "COMPARISON_STEPS"]


def compare(
    claim: str, evidence: str, claim_date: str | None = None, evidence_date: str | None = None
) -> list[Finding]:
    """Findings for every figure, date, rank and name in ``claim``, judged against ``evidence``.

    ``claim_date``/``evidence_date`` (ISO ``YYYY-MM-DD``) resolve relative dates ("last August", "next year");
    without them such dates are compared only with the same relative wording.
    """
    if not isinstance(claim, str) or not isinstance(evidence, str):
        raise InputError("compare() needs two strings: a claim and a piece of evidence")
    return list(_compare(claim, evidence, claim_date, evidence_date))


@dataclass
class Comparison:
    """One claim against one piece of evidence: what was read from both, and the findings so far.

    ``pending`` are the indexes of the figure, rank and date findings, judged again by subject at the end.
    """

    claim: str
    evidence: str
    claim_mentions: Mentions
    evidence_mentions: Mentions
    names: frozenset[str]  # words of names in either text: they do not count as shared context
    subjects: Subjects
    findings: list[Finding] = field(default_factory=list)
    pending: list[int] = field(default_factory=list)

    def add(self, finding: Finding) -> None:
        """Record a figure, rank or date finding (judged again by subject at the end)."""
        self.findings.append(finding)
        self.pending.append(len(self.findings) - 1)


def _figure_findings(c: Comparison) -> None:
    """Each claim figure against the evidence figures; agreeing figures anchor the subjects."""
    cm, em = c.claim_mentions, c.evidence_mentions
    repeats = repeaters(cm.quantities, em.quantities)
    for q in cm.quantities:
        result, _ = compare_quantity(q, em.quantities, c.names, cm.quantities, repeats)
        if result is None:
            reason = f"evidence gives no comparable figure for {q.text}"
            c.findings.append(unrelated(q.kind, q.text, q.start, q.end, reason))
            continue
        kind, e, outcome, reason, strength = result
        c.add(Finding(kind, q.text, q.start, q.end, e.text, e.start, e.end, outcome, reason, strength))
        if outcome == AGREE:
            c.subjects.anchors.append((q.start, e.start))


def _rank_findings(c: Comparison) -> None:
    """Each claim rank against the evidence ranks; agreeing superlatives anchor the subjects."""
    cm, em = c.claim_mentions, c.evidence_mentions
    for k in cm.ranks:
        result = compare_rank(k, em.ranks, c.names, cm.ranks)
        if result is None:
            reason = f"evidence gives no comparable rank for {k.text}"
            c.findings.append(unrelated("rank", k.text, k.start, k.end, reason))
            continue
        e, outcome, reason, strength = result
        c.add(Finding("rank", k.text, k.start, k.end, e.text, e.start, e.end, outcome, reason, strength))
        if outcome == AGREE and k.scale is not None:  # "first factory" and "first factory" tie nothing
            c.subjects.anchors.append((k.start, e.start))


def _date_findings(c: Comparison) -> None:
    """Each claim date against the evidence dates (datelines on either side are left out)."""
    cm, em = c.claim_mentions, c.evidence_mentions
    ev_dates = tuple(e for e in em.dates if not e.dateline)
    for d in cm.dates:
        if d.dateline:
            continue
        result = compare_date(d, ev_dates, c.names, cm.dates)
        if result is None:
            reason = f"evidence gives no comparable date for {d.text}"
            c.findings.append(unrelated("date", d.text, d.start, d.end, reason))
            continue
        e, outcome, reason, strength = result
        c.add(Finding("date", d.text, d.start, d.end, e.text, e.start, e.end, outcome, reason, strength))


def _organisation_findings(c: Comparison) -> None:
    c.findings.extend(organisation_findings(c.subjects, c.evidence))


def _role_findings(c: Comparison) -> None:
    """Another holder of the role the claim gives its person, or another maker of the work (the
    wrong-person errors): that person's finding becomes the conflict."""
    for conflict in role_findings(c.claim, c.evidence) + agent_findings(c.claim, c.evidence):
        at = next(
            (
                i
                for i, f in enumerate(c.findings)
                if f.kind == "organisation" and f.claim_start <= conflict.claim_start < f.claim_end
            ),
            None,
        )
        if at is None:
            c.findings.append(conflict)
        else:
            c.findings[at] = conflict


def _place_findings(c: Comparison) -> None:
    cm, em = c.claim_mentions, c.evidence_mentions
    c.findings.extend(place_findings(c.subjects, c.claim, c.evidence, cm.ranks, em.ranks))


def _judge_by_subject(c: Comparison) -> None:
    """Figures about a different subject: never a conflict; an agreement is the wrong-subject error. When
    the evidence names none of the claim's organisations it may be about anything: no conflict either."""
    s = c.subjects
    subject_other = s.org_conflict_with or s.place_conflict_with
    missing_name = s.sides.claim_orgs[0].text if s.claim_orgs_absent else ""
    for idx in c.pending:
        f = c.findings[idx]
        if f.outcome == CONFLICT:
            if s.org_subject_differs:
                other = (s.org_conflict_with or s.sides.orgs_extra[0]).text
                c.findings[idx] = f.judged(UNRELATED, f"{f.reason}, but the evidence is about {other}", 0.3)
            elif s.claim_orgs_absent:
                reason = f"{f.reason}, but the evidence does not name {missing_name}"
                c.findings[idx] = f.judged(UNRELATED, reason, 0.3)
            elif s.place_subject_differs and s.place_conflict_with is None:
                other = s.place_counterparts[0][1].text
                c.findings[idx] = f.judged(UNRELATED, f"{f.reason}, but the evidence is about {other}", 0.3)
        elif f.outcome == AGREE:
            if subject_other is not None and f.kind != "date":
                reason = f"{f.reason}, but the evidence gives it for {subject_other.text}"
                c.findings[idx] = f.judged(UNRELATED, reason, 0.5)
            elif s.claim_orgs_absent:
                reason = f"{f.reason} (the evidence does not name {missing_name})"
                c.findings[idx] = f.judged(AGREE, reason, min(f.strength, 0.4))


COMPARISON_STEPS: tuple[Callable[[Comparison], None], ...] = (
    _figure_findings,
    _rank_findings,
    _date_findings,
    _organisation_findings,
    _role_findings,
    _place_findings,
    _judge_by_subject,
)
"""The comparison, in order: figures, ranks and dates (which anchor the subjects), then organisations and
places (which need the anchors), then every figure, rank and date finding judged by subject."""


@lru_cache(maxsize=32768)
def _compare(
    claim: str, evidence: str, claim_date: str | None, evidence_date: str | None
) -> tuple[Finding, ...]:
    names = name_words(claim) | name_words(evidence)
    comparison = Comparison(
        claim,
        evidence,
        extract(claim, claim_date),
        extract(evidence, evidence_date),
        names,
        Subjects(name_sides(claim, evidence)),
    )
    for step in COMPARISON_STEPS:
        step(comparison)
    return tuple(comparison.findings)
