"""The stance of one span towards one claim: supports, contradicts or neutral, with a reason.

The rules run in order; the first that speaks decides:

1. a span about another subject (:mod:`.rationale`) is neutral, whatever the model says;
2. a span that contains the claim word for word supports it (identity and sub-span), and so does one that
   differs from it only in how agreeing figures are written ("€250 million" for "250 million euros");
3. a figure, date, rank or name conflict found by :mod:`factcheck.rules.consistency` on a span about the
   same subject contradicts (figures, dates and ranks are decisive) - unless a figure agrees or conflicts
   beside a conflicting year or place: then the span speaks of another period or place (another year's
   revenue, another plant's capacity), neutral, as is a span about another event ("the 2006 heat wave"
   for "the heat wave of 2003") or one that does not name the claim's quoted work (another album's
   release year); a conflict between mentions of different measures (:mod:`factcheck.rules.measures`:
   capacity vs deliveries vs staff) is none;
4. the model's "contradicts" counts, unless the claim gives figures or dates, none of them conflicts, the
   texts do not differ by a negation and the model no longer contradicts the pair read without those
   figures (:mod:`.ablation`): then it rests on figures that agree, or that the span does not give at all
   (a price the evidence leaves out is no contradiction);
5. a span that says the claim's words negated or with the opposite direction of change ("fell" for
   "rose") contradicts it; a span negated where the claim is not (or the other way), one that withholds
   ("did not say whether"), one that does not give every figure of the claim, or one about a part of the
   claim's subject ("Marquez Solar's software unit" for "Marquez Solar") never supports it;
6. the model's "entails" supports (lower bar when an agreeing figure backs it);
7. otherwise the span is neutral.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from factcheck.domain import Stance
from factcheck.rules.compare_dates import LESS_PRECISE
from factcheck.rules.lexicon import words
from factcheck.rules.measures import (
    KIND_OF,
    VALUE_KINDS,
    another_event,
    another_period,
    another_place,
    another_time,
    is_quantity,
    kinds_in,
    same_measure,
)
from factcheck.rules.names import extract_names, name_key, place_within
from factcheck.rules.tokens import word_spans
from factcheck.verification.rationale import OTHER, SAME, UNKNOWN, primary_subject
from factcheck.verification.spans import Candidate, content_terms

_SIGNS = frozenset("€$£¥%")
_RELATIVE = frozenset({"which", "who", "that"})
_NEGATION = re.compile(r"\b(?:not|no|never|neither|nor|none|without|n't|cannot|denied|denies|deny)\b", re.I)


@dataclass(frozen=True)
class StanceThresholds:
    """Calibrated probabilities and strengths at which a span takes a side (see ``Verifier``)."""

    support: float = 0.4
    contradict: float = 0.7
    relevance: float = 0.35
    agree_support: float = 0.35
    lexical_relevance: float = 0.5
    conflict_strength: float = 0.5


def shorten(text: str, limit: int = 90) -> str:
    """One line of at most ``limit`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _tokens(text: str) -> list[str]:
    """The words of ``text`` in lower case, as the one tokeniser reads them; of the marks only currency
    and per-cent signs count."""
    text = text.replace("’", "'")
    return [
        text[a:b].lower() for a, b in word_spans(text) if b - a > 1 or text[a].isalnum() or text[a] in _SIGNS
    ]


def contains_claim(claim: str, span: str) -> bool:
    """Whether the span says the claim word for word (punctuation and case aside; a relative pronoun the
    span adds, as in "X, which is based in Y", is skipped), with no negation just before it."""
    needle = _tokens(claim)
    hay = [t for t in _tokens(span) if t not in _RELATIVE or t in needle]
    if len(needle) < 3 or len(needle) > len(hay):
        return False
    for i in range(len(hay) - len(needle) + 1):
        if hay[i : i + len(needle)] == needle:
            before = " ".join(hay[max(0, i - 3) : i])
            return not _NEGATION.search(before)
    return False


def _without(text: str, mentions: list[str]) -> str:
    for mention in sorted(mentions, key=len, reverse=True):
        text = text.replace(mention, " ")
    return text


def same_but_figures(claim: str, span: str, findings: list[Any]) -> bool:
    """Whether claim and span say the same but for how their figures are written: every figure, date and
    rank of the claim agrees with one of the span, nothing conflicts, no negation differs, and every other
    content word of the claim is in the span."""
    values = [f for f in findings if f.kind in VALUE_KINDS]
    if not values or not all(_established(f) for f in values):
        return False
    if any(f.outcome == "conflict" for f in findings) or negation_differs(claim, span):
        return False
    if _narrows_subject(claim, span):
        return False
    rest = content_terms(_without(claim, [f.claim_mention for f in values]))
    rest = {t for t in rest if not t.startswith("#")}
    return bool(rest) and rest <= content_terms(_without(span, [f.evidence_mention for f in values]))


def _possessed(claim: str, span: str, what: str, flags: int = 0) -> bool:
    """Whether the span speaks of something of the claim's subject ("Marquez Solar's <what>") that the claim
    does not: ``what`` is the pattern of the words after the possessive."""
    subject = primary_subject(claim)
    if subject is None:
        return False
    possessive = re.compile(rf"\b{re.escape(subject[0])}(?:'s|’s|')\s+{what}", flags)
    return bool(possessive.search(span)) and not possessive.search(claim)


def _narrows_subject(claim: str, span: str) -> bool:
    """Whether the span speaks of a part of the claim's subject ("Marquez Solar's software unit") where the
    claim speaks of the whole ("Marquez Solar")."""
    return _possessed(claim, span, r"(\w+)")


# What a company is made of: a span about "Marquez Solar's software unit" speaks of a part, not the whole.
_PARTS = (
    "unit|division|arm|subsidiary|subsidiaries|branch|business|plant|factory|office|team|department|lab|"
    "laboratory|affiliate|parent|venture|operations|segment"
)


def speaks_of_a_part(claim: str, span: str) -> bool:
    """Whether the span's figure belongs to a part of the claim's subject ("Marquez Solar's software unit had
    1,200 employees" for "Marquez Solar had 1,200 employees"), a part the claim does not name."""
    return _possessed(claim, span, rf"(?:[\w-]+\s+){{0,2}}?(?:{_PARTS})\b", re.I)


_RISE = frozenset(
    words(
        "rise rises rose risen rising increase increases increased grow grows grew grown gain gains "
        "gained jump jumped climb climbed up higher more"
    )
)
_FALL = frozenset(
    words(
        "fall falls fell fallen falling decrease decreases decreased decline declines declined drop "
        "drops dropped shrink shrank shrunk lose loses lost down lower fewer less"
    )
)


# "Did not say whether", "declined to comment": a negation that withholds, and denies nothing.
_SILENCE = re.compile(
    r"\b(?:(?:did|does|do|would|could|will)\s*(?:not|n't)\s+"
    r"(?:say|comment|confirm|disclose|reveal|specify)(?:\s+whether)?"
    r"|(?:declined|refused) to (?:say|comment|confirm)|no (?:details|decision|comment)|whether)\b",
    re.IGNORECASE,
)


# Words that narrow a claim to one thing: a span that names it does not say it is the only one.
_EXCLUSIVE = frozenset({"only", "solely", "exclusively", "just", "alone", "sole", "entirely"})


def says_every_word(claim: str, span: str) -> bool:
    """Whether every content word and number of the claim is in the span, no negation differs and the claim
    does not narrow ("only", "solely"): the span cannot say the claim wrong, whatever order it gives."""
    if negation_differs(claim, span) or _EXCLUSIVE & set(_tokens(claim)):
        return False
    terms = content_terms(claim)
    return len(terms) >= 2 and terms <= content_terms(span)


_PLACE_SLOT = re.compile(r"\b(?:in|at|near|from)\s+(?:(?!the\b)[a-z]+\s+)?$")


def unsaid_place(claim: str, candidate: Candidate) -> bool:
    """Whether the only words of the claim the span lacks name places the span does not mention at all."""
    if negation_differs(claim, candidate.text):
        return False
    missing = content_terms(claim) - content_terms(candidate.text)
    unsaid = [f for f in candidate.findings if f.kind == "place" and f.evidence_mention is None]
    place_words = set().union(*(content_terms(f.claim_mention) for f in unsaid)) if unsaid else set()
    if not missing or not missing <= place_words:
        return False
    names = extract_names(candidate.text)
    if any(m.kind == "organisation" and _PLACE_SLOT.search(candidate.text[: m.start]) for m in names):
        return False  # "in central Luxembourg": a place the gazetteer does not know
    # The span names no other place (a nationality, "an Indian actor", is none), or only ones that hold the
    # claim's.
    ours = [name_key(f.claim_mention) for f in unsaid]
    theirs = [m.key for m in names if m.kind == "place" and not m.demonym]
    return all(any(place_within(o, t) for o in ours) for t in theirs)


_TITLE = re.compile(r"[\"“]([^\"“”]{2,80})[\"”]")
_TITLE_WORDS = 6


def untitled_work(claim: str, span: str) -> bool:
    """Whether the claim names a work by a quoted title ("Dirt", "The One You Know") that the span does not
    name as a whole title: a figure or date the span gives is then another work's (another album's
    release year), not the claim's."""
    titles = [t.strip(" ,.") for t in _TITLE.findall(claim)]
    # a title is short and capitalised; a quoted sentence ("We will build ...") is a quotation, not a title
    titles = [t for t in titles if t and t[0].isupper() and len(t.split()) <= _TITLE_WORDS]
    return bool(titles) and not any(_names_title(title, span) for title in titles)


def _names_title(title: str, span: str) -> bool:
    """Whether ``span`` writes ``title`` as a whole title, not as part of a longer name ("Live" is not
    "Live Facelift")."""
    pattern = rf"(?<![\w'’]){re.escape(title)}(?!\s+[A-Z])(?![\w'’])"
    return bool(re.search(pattern, span, re.IGNORECASE if title.isupper() else 0))


def withholds(claim: str, span: str) -> bool:
    """Whether the span withholds ("did not say whether") what the claim states."""
    return bool(_SILENCE.search(span)) and not _SILENCE.search(claim)


def turned_around(claim: str, span: str) -> str | None:
    """The word by which the span says the claim turned around, or None: the span says the claim's words
    but negated, the negation among those words ("has not yet started production" for "has started
    production"; a "never" in another clause of the span is no denial of the claim), or with the opposite
    direction of change ("revenue fell 12%" for "revenue rose 12%")."""
    rest = {t for t in content_terms(claim) if not t.startswith("#")}
    span_terms = content_terms(span)
    if (
        negation_differs(claim, span)
        and not withholds(claim, span)
        and len(rest) >= 3
        and rest <= span_terms | _negation_terms(claim)
    ):
        if negated := _NEGATION.search(claim):
            return negated.group(0)
        return _negation_among(span, rest)  # the claim is not negated: all its words are the claim's
    claim_words, span_words = set(_tokens(claim)), set(_tokens(span))
    for ours, theirs in ((_RISE, _FALL), (_FALL, _RISE)):
        said, opposite = claim_words & ours, span_words & theirs
        if said and opposite and not (span_words & said):
            unchanged = {t for t in rest if t not in ours}
            if len(unchanged) >= 2 and unchanged <= span_terms:
                return sorted(opposite)[0]
    return None


_TERM = re.compile(r"[A-Za-z][A-Za-z'-]*|\d[\d,.]*")
_NEGATION_REACH = 3  # words before the claim's words a negation still governs ("did not ... start")


def _negation_among(span: str, terms: set[str]) -> str | None:
    """The span's negation that falls among the words it says the claim with (the shortest stretch holding
    them all, and a few words before it), or None: a "never" in another clause of a long span negates
    something else."""
    tokens = [(m.start(), m.end(), next(iter(content_terms(m.group(0))), None)) for m in _TERM.finditer(span)]
    need, have, best, left = len(terms), {}, None, 0
    for right, (_, _, term) in enumerate(tokens):
        if term in terms:
            have[term] = have.get(term, 0) + 1
        while len(have) == need:
            if best is None or right - left < best[1] - best[0]:
                best = (left, right)
            gone = tokens[left][2]
            if gone in have:
                have[gone] -= 1
                if not have[gone]:
                    del have[gone]
            left += 1
    if best is None:
        return None
    start = tokens[max(0, best[0] - _NEGATION_REACH)][0]
    end = tokens[best[1]][1]
    found = _NEGATION.search(span, start, end)
    return found.group(0) if found else None


def _negation_terms(text: str) -> set[str]:
    return {m.group(0).lower() for m in _NEGATION.finditer(text)}


def negation_differs(claim: str, span: str) -> bool:
    """Whether one text is negated and the other is not ("did not say whether" withholds, negates nothing)."""
    return bool(_NEGATION.search(_SILENCE.sub(" ", claim))) != bool(_NEGATION.search(_SILENCE.sub(" ", span)))


def _conflicts(findings: list[Any], strength: float) -> list[Any]:
    return [f for f in findings if f.outcome == "conflict" and f.evidence_mention and f.strength >= strength]


def _rests_on_figures(candidate: Candidate, agrees: list[Any], conflicts: list[Any]) -> bool:
    """Whether a model contradiction can rest only on the claim's figures: they agree with the span's, or
    the span gives no figure of their kind at all (a price the evidence leaves out), and nothing conflicts.
    Where the span gives a figure the comparison could not pair, the model's reading stands."""
    values = [f for f in candidate.findings if f.kind in VALUE_KINDS]
    if not values or conflicts:
        return False
    if agrees:
        return True
    present = kinds_in(candidate.text)
    return all(f.evidence_mention is None and KIND_OF.get(f.kind) not in present for f in values)


def _contradicts_without_figures(candidate: Candidate, limits: StanceThresholds) -> bool:
    """Whether the model still contradicts the pair read without the claim's agreeing figures: then its
    contradiction does not rest on them ("a 2017 comedy drama film" against "a 2017 comedy drama book")."""
    if candidate.figure_free_probs is None:
        return False
    entail, contra, _ = candidate.figure_free_probs
    return contra >= limits.contradict and contra > entail


def _backs_its_figures(candidate: Candidate) -> bool:
    """Whether the span gives every figure, date and rank of the claim, agreeing, and every date at least as
    precisely ("August 2021" does not establish "25 August 2021")."""
    return all(_established(f) for f in candidate.findings if f.kind in VALUE_KINDS)


def _established(finding: Any) -> bool:
    """Whether the span gives the claim's figure, agreeing, and a date at least as precisely."""
    return (
        finding.outcome == "agree" and bool(finding.evidence_mention) and LESS_PRECISE not in finding.reason
    )


def _unconfirmed_figure(finding: Any, claim: str, candidate: Candidate, limits: StanceThresholds) -> bool:
    """A figure conflict on a span not known to be about the claim's subject: whose figure it is stays open
    when the claim names a subject the span does not ("Deepmotion had 150 employees" against "Xiaomi EV now
    has 300 employees"), and when the claim names none, unless the span says most of what the claim says
    (a look-alike passage gives figures of other measures: another sea-level scenario, another period)."""
    if finding.kind not in VALUE_KINDS or candidate.about != UNKNOWN:
        return False
    return primary_subject(claim) is not None or candidate.overlap < limits.lexical_relevance


def _where(candidate: Candidate) -> str:
    return candidate.passage.doc_id


def _set(candidate: Candidate, stance: Stance, score: float, why: str) -> None:
    candidate.stance, candidate.score, candidate.why = stance, score, why


def decide(claim_text: str, candidate: Candidate, limits: StanceThresholds) -> None:
    """Sets ``candidate.stance``, ``score`` and ``why`` from its model probabilities and findings."""
    entail, contra, _ = candidate.probs
    candidate.value_conflict = False
    quoted = f'corpus says "{shorten(candidate.text)}" ({_where(candidate)})'
    if candidate.about == OTHER:
        _set(candidate, Stance.NEUTRAL, 0.0, f"about another subject ({_where(candidate)})")
        return
    candidate.verbatim = False
    if contains_claim(claim_text, candidate.text):
        candidate.verbatim = True
        _set(candidate, Stance.SUPPORTS, max(entail, 0.95), quoted)
        return
    if same_but_figures(claim_text, candidate.text, candidate.findings):
        _set(candidate, Stance.SUPPORTS, max(entail, 0.9), quoted)
        return
    turned = turned_around(claim_text, candidate.text)
    if turned:
        _set(candidate, Stance.CONTRADICTS, max(contra, 0.85), f'{quoted}: it says "{turned}"')
        return
    # A figure conflict speaks of the claim's statement only on a span the model reads as relevant or that
    # gives much of the claim's words: naming the claim's subject is not enough (a sea-level projection for
    # 2100 beside a claim about today's rise, the 2006 heat wave beside one about 2003's).
    relevant = entail + contra >= limits.relevance or candidate.overlap >= limits.lexical_relevance
    raw_conflicts = _conflicts(candidate.findings, limits.conflict_strength)
    measured = [f for f in raw_conflicts if same_measure(f, claim_text, candidate.text)]
    conflicts = [f for f in measured if not _unconfirmed_figure(f, claim_text, candidate, limits)]
    agrees = [f for f in candidate.findings if f.outcome == "agree" and f.kind in VALUE_KINDS]
    if (
        conflicts
        and relevant
        and (
            another_period(candidate.findings, claim_text, candidate.text)
            or another_time(candidate.findings, claim_text, candidate.text)
            or another_event(candidate.findings, claim_text, candidate.text)
        )
    ):
        _set(candidate, Stance.NEUTRAL, 0.0, f"about another period ({_where(candidate)})")
        return
    if conflicts and relevant and another_place(candidate.findings):
        _set(candidate, Stance.NEUTRAL, 0.0, f"about another place ({_where(candidate)})")
        return
    if conflicts and relevant and untitled_work(claim_text, candidate.text):
        _set(candidate, Stance.NEUTRAL, 0.0, f"about another work ({_where(candidate)})")
        return
    if conflicts and relevant:
        finding = max(conflicts, key=lambda f: f.strength)
        candidate.value_conflict = finding.kind in VALUE_KINDS
        # The comparison is exact where it speaks; how sure we are that it speaks about the same subject
        # comes from the subject alignment, the model's relevance mass or the lexical match.
        mass = 1.0 if candidate.about == SAME else max(entail + contra, min(1.0, candidate.overlap))
        score = max(contra, min(0.99, 0.5 + 0.5 * finding.strength * mass))
        said = f"corpus says {finding.evidence_mention} ({_where(candidate)})"
        _set(candidate, Stance.CONTRADICTS, score, f"{said}, claim says {finding.claim_mention}")
        return
    figures_apart = [f for f in raw_conflicts if is_quantity(f, claim_text)]
    if figures_apart and not measured and contra >= limits.contradict:
        # The span's differing figures measure something else (another rate, year or measure): the model's
        # contradiction rests on them and is no contradiction of the claim. (A date of another event is
        # left to the model: the span may give the claim's event a date too, such as a dateline's.)
        _set(candidate, Stance.NEUTRAL, entail, f"its figures measure something else ({_where(candidate)})")
        return
    if contra >= limits.contradict and contra > entail:
        if (
            _rests_on_figures(candidate, agrees, conflicts)
            and not negation_differs(claim_text, candidate.text)
            and not _contradicts_without_figures(candidate, limits)
        ):
            # The claim's figures agree or go unmentioned and nothing conflicts: the model's doubt rests on
            # them, and is no contradiction.
            if agrees and entail >= limits.agree_support:
                _set(candidate, Stance.SUPPORTS, entail, quoted)
            else:
                _set(candidate, Stance.NEUTRAL, entail, f"no figure conflicts ({_where(candidate)})")
            return
        if not conflicts and unsaid_place(claim_text, candidate):
            # All the span leaves out is a place it never names ("born in Kolkata" against a span that gives
            # no birthplace): silence, not a contradiction.
            _set(candidate, Stance.NEUTRAL, entail, f"it does not say where ({_where(candidate)})")
            return
        if not conflicts and says_every_word(claim_text, candidate.text):
            # Every word of the claim is in the span, no negation differs and nothing conflicts: there is
            # nothing the contradiction could rest on ("Born in Trieste, Renato Balestra ...").
            _set(
                candidate,
                Stance.NEUTRAL,
                entail,
                f"nothing in it differs from the claim ({_where(candidate)})",
            )
            return
        _set(candidate, Stance.CONTRADICTS, contra, quoted)
    elif negation_differs(claim_text, candidate.text):
        # One side negated: whatever the model makes of it, it is no support.
        _set(candidate, Stance.NEUTRAL, entail + contra, "")
    elif (
        not _backs_its_figures(candidate)
        or withholds(claim_text, candidate.text)
        or speaks_of_a_part(claim_text, candidate.text)
    ):
        # An entailment that leaves a figure of the claim unsaid, a span that withholds, or one about a part
        # of the claim's subject is no support.
        _set(candidate, Stance.NEUTRAL, entail + contra, "")
    elif entail >= limits.support or (agrees and entail >= limits.agree_support and entail > contra):
        _set(candidate, Stance.SUPPORTS, entail, quoted)
    else:
        _set(candidate, Stance.NEUTRAL, entail + contra, "")
