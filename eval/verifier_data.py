"""Training and dev pairs for the verdict model, read from ``../shared/data`` plus seeded synthetic pairs.

Only data sets whose license allows a shipped model are read here: SNLI (e-SNLI release), the MNLI sample,
FEVER-lite validation, the VitaminC sample and SciFact training claims. fever-symmetric is kept out on
purpose (it is reported as a held-out robustness set), and so are the evaluation-only sets.

Labels: 0 entails, 1 contradicts, 2 neither (see ``factcheck.verification.model.LABELS``).

Dev split: every pair carries a ``group`` (the claim, or the premise for NLI sets); a group goes wholly to
train or to dev by a hash of its text, and synthetic pairs inherit the group of the pair they were made
from, so nothing of a dev claim leaks into training.

Synthetic pairs teach the errors editors make. From an entailing (claim, evidence) pair the CLAIM is
perturbed: a number (x10, x0.1, +/- a plausible amount, a year shifted), a scale word (million <-> billion),
a currency (euros <-> dollars), a month, a place for another place, an organisation for another one named
in the same evidence, a negation, a rank ("second-largest" -> "largest") -> contradicts; a hedge or
parenthesis dropped -> label kept; a claim paired with a topically close but irrelevant sentence -> neither.
A small generator of wire-style business sentences (invented companies, places and figures) adds the same
perturbations in the newsroom's own register.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import json
import random
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from factcheck.evaluation.datasets import detokenize
from factcheck.rules.lexicon import MONTH_NAMES

ENTAILS, CONTRADICTS, NEITHER = 0, 1, 2
DATA_ROOT = Path(__file__).resolve().parent.parent.parent / "shared" / "data"


@dataclass(frozen=True)
class Pair:
    """One labelled (claim, evidence) pair."""

    claim: str
    evidence: str
    label: int
    source: str
    group: str


def is_dev(group: str, dev_percent: float) -> bool:
    """Deterministic split by group: the same claim always lands on the same side."""
    digest = hashlib.sha256(group.encode("utf-8")).digest()
    return (int.from_bytes(digest[:4], "big") % 10_000) < dev_percent * 100


# ---------------------------------------------------------------------------------------------- sources


def load_snli(root: Path) -> list[Pair]:
    """SNLI dev + test (e-SNLI release), premise = evidence."""
    mapping = {"entailment": ENTAILS, "contradiction": CONTRADICTS, "neutral": NEITHER}
    folder = root / "snli-esnli" / "dataset" / "eSNLI"
    pairs = []
    for split in ("dev", "test"):
        s1 = (folder / f"s1.{split}").read_text(encoding="utf-8").splitlines()
        s2 = (folder / f"s2.{split}").read_text(encoding="utf-8").splitlines()
        labels = (folder / f"labels.{split}").read_text(encoding="utf-8").splitlines()
        for premise, hypothesis, label in zip(s1, s2, labels, strict=False):
            if label.strip() in mapping:
                premise, hypothesis = detokenize(premise), detokenize(hypothesis)
                pairs.append(Pair(hypothesis, premise, mapping[label.strip()], "snli", "snli:" + premise))
    return pairs


def load_mnli(root: Path) -> list[Pair]:
    """The 400-pair MNLI sample."""
    mapping = {"entailment": ENTAILS, "contradiction": CONTRADICTS, "neutral": NEITHER}
    pairs = []
    for path in sorted((root / "mnli-subset").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            premise = " ".join(row["premise"].split())
            pairs.append(
                Pair(row["hypothesis"].strip(), premise, mapping[row["label"]], "mnli", "mnli:" + premise)
            )
    return pairs


def load_vitaminc(root: Path) -> list[Pair]:
    """The VitaminC sample (contrastive, many numeric revisions); grouped by VitaminC case id."""
    mapping = {"supports": ENTAILS, "refutes": CONTRADICTS, "not enough info": NEITHER}
    pairs = []
    for path in sorted((root / "vitaminc-subset").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            case = str(row.get("id", row["claim"])).rsplit("_", 1)[0]
            pairs.append(
                Pair(
                    detokenize(row["claim"]),
                    detokenize(row["evidence"]),
                    mapping[row["label"]],
                    "vitaminc",
                    "vitaminc:" + case,
                )
            )
    return pairs


def _tfidf_neighbours(queries: list[str], docs: list[str], k: int):
    """Top-``k`` document indices per query by TF-IDF cosine (sparse, cheap)."""
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(stop_words="english", min_df=1, sublinear_tf=True)
    vectorizer.fit(queries + docs)
    q = vectorizer.transform(queries)
    d = vectorizer.transform(docs)
    result = []
    for begin in range(0, q.shape[0], 512):
        sims = (q[begin : begin + 512] @ d.T).toarray()
        top = np.argsort(-sims, axis=1)[:, :k]
        result.extend([(list(row), list(s[row])) for row, s in zip(top, sims, strict=True)])
    return result


def load_fever(root: Path, rng: random.Random) -> list[Pair]:
    """FEVER-lite validation: gold evidence (SUPPORTS/REFUTES) plus topically close 'neither' pairs.

    A 'neither' pair joins a claim with the single evidence sentence of another claim that is closest to it
    by TF-IDF, skipping sentences that are gold evidence of the claim itself or of a near-duplicate claim.
    """
    rows = [json.loads(line) for line in (root / "fever-lite" / "validation.jsonl").open(encoding="utf-8")]
    pairs: list[Pair] = []
    for row in rows:
        claim = detokenize(row["claim"])
        evidence = " ".join(detokenize(s) for s in row["evidence"])
        label = ENTAILS if row["label"] == "SUPPORTS" else CONTRADICTS
        pairs.append(Pair(claim, evidence, label, "fever", "fever:" + claim))

    sentences: list[str] = []
    owners: list[set[int]] = []
    index: dict[str, int] = {}
    for i, row in enumerate(rows):
        for sentence in row["evidence"]:
            text = detokenize(sentence)
            if text not in index:
                index[text] = len(sentences)
                sentences.append(text)
                owners.append(set())
            owners[index[text]].add(i)
    claims = [detokenize(r["claim"]) for r in rows]
    claim_neighbours = _tfidf_neighbours(claims, claims, 6)
    sentence_neighbours = _tfidf_neighbours(claims, sentences, 12)
    for i, (cands, scores) in enumerate(sentence_neighbours):
        near = {j for j, s in zip(*claim_neighbours[i], strict=True) if s > 0.5} | {i}
        options = [c for c, s in zip(cands, scores, strict=True) if s > 0.05 and not (owners[c] & near)]
        if options:
            pick = options[0] if rng.random() < 0.6 else rng.choice(options[:4])
            pairs.append(Pair(claims[i], sentences[pick], NEITHER, "fever", "fever:" + claims[i]))
    return pairs


def load_scifact(root: Path, rng: random.Random) -> list[Pair]:
    """SciFact training claims: rationale sentences entail/contradict; other sentences of cited abstracts
    are 'neither' (the most claim-like one, by word overlap, and one at random)."""
    corpus = {}
    with gzip.open(root / "scifact" / "corpus.jsonl.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            doc = json.loads(line)
            corpus[str(doc["doc_id"])] = [s.strip() for s in doc["abstract"]]
    pairs = []
    for line in (root / "scifact" / "claims_train.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        claim = row["claim"].strip()
        group = f"scifact:{row['id']}"
        used: dict[str, set[int]] = {}
        for doc_id, sets in row["evidence"].items():
            abstract = corpus.get(str(doc_id), [])
            for evidence_set in sets:
                idx = [i for i in evidence_set["sentences"] if i < len(abstract)]
                if not idx:
                    continue
                used.setdefault(str(doc_id), set()).update(idx)
                label = ENTAILS if evidence_set["label"] == "SUPPORT" else CONTRADICTS
                pairs.append(Pair(claim, " ".join(abstract[i] for i in idx), label, "scifact", group))
        claim_words = set(re.findall(r"[a-z0-9]+", claim.lower()))
        for doc_id in row["cited_doc_ids"]:
            abstract = corpus.get(str(doc_id), [])
            rationale = used.get(str(doc_id), set())
            others = [i for i in range(len(abstract)) if i not in rationale]
            if not others:
                continue
            # Sentences right next to a rationale often restate it: keep them out of 'neither'.
            others = [i for i in others if not ({i - 1, i + 1} & rationale)] or others
            best = max(
                others, key=lambda i: len(claim_words & set(re.findall(r"[a-z0-9]+", abstract[i].lower())))
            )
            picks = {best, rng.choice(others)}
            for i in sorted(picks):
                pairs.append(Pair(claim, abstract[i], NEITHER, "scifact", group))
    return pairs


# ------------------------------------------------------------------------------------ claim perturbations

_NUMBER = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\w])")
_SCALES = ["thousand", "million", "billion", "trillion"]
_SCALE = re.compile(r"\b(thousand|million|billion|trillion)\b")
_CURRENCY_SWAPS = {
    "euros": ["dollars", "US dollars", "pounds", "yuan"],
    "euro": ["dollar", "pound"],
    "dollars": ["euros", "pounds", "yuan"],
    "US dollars": ["euros", "yuan"],
    "dollar": ["euro", "pound"],
    "pounds": ["euros", "dollars"],
    "yuan": ["dollars", "euros"],
    "€": ["$", "£"],
    "$": ["€", "£"],
    "£": ["€", "$"],
}
_CURRENCY = re.compile(r"US dollars|\b(?:euros?|dollars?|pounds|yuan)\b|[€$£]")
MONTHS = list(MONTH_NAMES)
_MONTH = re.compile(r"\b(" + "|".join(MONTHS) + r")\b")
CITIES = [
    "Beijing",
    "Shanghai",
    "Shenzhen",
    "Guangzhou",
    "Wuhan",
    "Tokyo",
    "Osaka",
    "Seoul",
    "Berlin",
    "Munich",
    "Hamburg",
    "Paris",
    "Lyon",
    "London",
    "Manchester",
    "Madrid",
    "Barcelona",
    "Rome",
    "Milan",
    "Vienna",
    "Prague",
    "Warsaw",
    "Stockholm",
    "Oslo",
    "Helsinki",
    "Amsterdam",
    "Brussels",
    "Zurich",
    "Geneva",
    "Lisbon",
    "Dublin",
    "Chicago",
    "Boston",
    "Seattle",
    "Austin",
    "Detroit",
    "Toronto",
    "Montreal",
    "Sydney",
    "Melbourne",
    "Mumbai",
    "Delhi",
    "Bangalore",
    "Singapore",
    "Jakarta",
    "Bangkok",
    "Istanbul",
    "Cairo",
    "Lagos",
    "Nairobi",
    "Johannesburg",
    "Dubai",
]
COUNTRIES = [
    "China",
    "Japan",
    "Germany",
    "France",
    "Italy",
    "Spain",
    "Portugal",
    "Poland",
    "Sweden",
    "Norway",
    "Finland",
    "Denmark",
    "Austria",
    "Hungary",
    "Canada",
    "Mexico",
    "Brazil",
    "Argentina",
    "Chile",
    "India",
    "Indonesia",
    "Australia",
    "Egypt",
    "Nigeria",
    "Kenya",
    "Turkey",
    "Greece",
    "Ireland",
    "Belgium",
    "Switzerland",
    "Netherlands",
    "Russia",
    "Ukraine",
    "Vietnam",
    "Thailand",
    "Malaysia",
    "Israel",
    "Iran",
    "Pakistan",
]
_PLACE = re.compile(r"\b(" + "|".join(CITIES + COUNTRIES) + r")\b")
_RANK_ORDINAL = re.compile(r"\b(second|third|fourth|fifth)[- ](largest|biggest|most|highest|oldest|best)")
_RANK_TOP = re.compile(r"(?<![-\w])(largest|biggest|highest|oldest|first)\b")
_AUX = re.compile(r"\b(is|was|are|were|has|have|had|can|will|could|would|does|did)\b(\s+not\b)?")
_HEDGE = re.compile(r"\b(about|around|roughly|approximately|nearly|almost|some) (?=[\d€$£])")
_PAREN = re.compile(r"\s*\([^()]{1,80}\)")
_CAPS = re.compile(r"\b[A-Z][a-zA-Z&.-]+(?: (?:of |de |& )?[A-Z][a-zA-Z&.-]+)*")
_NOT_NAMES = set(
    [
        "The",
        "A",
        "An",
        "In",
        "On",
        "At",
        "For",
        "By",
        "Of",
        "And",
        "But",
        "It",
        "Its",
        "He",
        "She",
        "They",
        "This",
        "That",
        "These",
        "Those",
        "His",
        "Her",
        "Their",
        "After",
        "Before",
        "During",
        "When",
        "While",
        "As",
        "From",
        "To",
        "With",
        "Since",
        "Until",
        "There",
        "Which",
        "Who",
        "What",
        *MONTHS,
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ]
)


def _format_like(value: float, template: str, decimals: int) -> str:
    text = f"{value:.{decimals}f}" if decimals else str(int(round(value)))
    if "," in template and "." not in text:
        text = f"{int(text):,}"
    return text


def perturb_number(claim: str, evidence: str, rng: random.Random) -> str | None:
    """Change one number of the claim that also appears in the evidence."""
    plain_evidence = evidence.replace(",", "")
    found = [m for m in _NUMBER.finditer(claim) if m.group(0).replace(",", "") in plain_evidence]
    if not found:
        return None
    match = rng.choice(found)
    raw = match.group(0)
    value = float(raw.replace(",", ""))
    decimals = len(match.group(2) or "") - 1 if match.group(2) else 0
    if decimals <= 0 and 1700 <= value <= 2100 and "," not in raw:
        new = value + rng.choice([-10, -5, -3, -2, -1, 1, 2, 3, 5])
    elif value <= 12 and decimals <= 0:
        new = value + rng.choice([-3, -2, -1, 1, 2, 3, 5])
        if new <= 0:
            new = value + 2
    else:
        how = rng.random()
        if how < 0.3:
            new = value * 10
        elif how < 0.55 and value >= 20:
            new = value / 10
        else:
            factor = rng.choice([0.5, 0.6, 0.7, 0.75, 1.3, 1.4, 1.5, 2.0, 3.0])
            new = value * factor
            if decimals <= 0:
                magnitude = 10 ** max(0, len(str(int(value))) - 2)
                new = max(magnitude, round(new / magnitude) * magnitude)
    text = _format_like(new, raw, max(decimals, 0))
    if text.replace(",", "") == raw.replace(",", ""):
        return None
    return claim[: match.start()] + text + claim[match.end() :]


def perturb_scale(claim: str, evidence: str, rng: random.Random) -> str | None:
    match = _SCALE.search(claim)
    if not match:
        return None
    i = _SCALES.index(match.group(1))
    options = [s for j, s in enumerate(_SCALES) if abs(j - i) == 1]
    return claim[: match.start()] + rng.choice(options) + claim[match.end() :]


def perturb_currency(claim: str, evidence: str, rng: random.Random) -> str | None:
    match = _CURRENCY.search(claim)
    if not match or match.group(0) not in _CURRENCY_SWAPS:
        return None
    return claim[: match.start()] + rng.choice(_CURRENCY_SWAPS[match.group(0)]) + claim[match.end() :]


def perturb_month(claim: str, evidence: str, rng: random.Random) -> str | None:
    match = _MONTH.search(claim)
    if not match or match.group(1) not in evidence:
        return None
    other = rng.choice([m for m in MONTHS if m != match.group(1)])
    return claim[: match.start()] + other + claim[match.end() :]


def perturb_place(claim: str, evidence: str, rng: random.Random) -> str | None:
    match = _PLACE.search(claim)
    if not match or match.group(1) not in evidence:
        return None
    pool = CITIES if match.group(1) in CITIES else COUNTRIES
    other = rng.choice([p for p in pool if p != match.group(1) and p not in evidence])
    return claim[: match.start()] + other + claim[match.end() :]


def _names(text: str) -> list[str]:
    names = []
    for m in _CAPS.finditer(text):
        words = m.group(0).split()
        while words and words[0] in _NOT_NAMES:
            words = words[1:]
        name = " ".join(words).rstrip(".")
        if len(name) > 2 and name not in names and not _MONTH.fullmatch(name):
            names.append(name)
    return names


def perturb_organisation(claim: str, evidence: str, rng: random.Random) -> str | None:
    """Replace a name in the claim by another name that the same evidence mentions."""
    in_claim = [n for n in _names(claim) if n in evidence]
    others = [n for n in _names(evidence) if n not in claim and not any(n in c or c in n for c in in_claim)]
    if not in_claim or not others:
        return None
    target = rng.choice(in_claim)
    return claim.replace(target, rng.choice(others), 1)


def foreign_organisation(claim: str, evidence: str, rng: random.Random) -> str | None:
    """Replace a name of the claim by an invented one the evidence never mentions: the evidence is then
    about another subject, so it neither supports nor contradicts the claim."""
    in_claim = [n for n in _names(claim) if n in evidence and len(n.split()) <= 3]
    if not in_claim:
        return None
    target = rng.choice(in_claim)
    stranger = _company(rng).split()[0] if rng.random() < 0.7 else rng.choice(_PEOPLE)
    if stranger in evidence:
        return None
    return claim.replace(target, stranger, 1)


def negate(claim: str, evidence: str, rng: random.Random) -> str | None:
    """Insert (or remove) a 'not' after the first auxiliary verb."""
    match = _AUX.search(claim)
    if not match:
        return None
    if match.group(2):
        return claim[: match.end(1)] + claim[match.end() :]
    return claim[: match.end(1)] + " not" + claim[match.end(1) :]


def perturb_rank(claim: str, evidence: str, rng: random.Random) -> str | None:
    match = _RANK_ORDINAL.search(claim)
    if match:
        return claim[: match.start()] + match.group(2) + claim[match.end() :]
    match = _RANK_TOP.search(claim)
    if match:
        word = match.group(1)
        new = "second" if word == "first" else f"{rng.choice(['second', 'third'])}-{word}"
        return claim[: match.start()] + new + claim[match.end() :]
    return None


def add_detail(claim: str, evidence: str, rng: random.Random) -> str | None:
    """Add a place or a year that the evidence does not mention: the claim now says more than the evidence,
    without contradicting it (a name or place missing from the evidence is not a conflict)."""
    body = claim.rstrip().rstrip(".")
    if not body or body != body.strip():
        return None
    if not _PLACE.search(evidence) and rng.random() < 0.6:
        return f"{body} in {rng.choice(CITIES + COUNTRIES)}."
    if not re.search(r"\b(1[89]|20)\d\d\b", evidence + " " + claim):
        return f"{body} in {rng.randint(1990, 2024)}."
    return None


def drop_qualifier(claim: str, evidence: str, rng: random.Random) -> str | None:
    """Drop a hedge before a figure or a parenthesis: the claim says no more than before."""
    for pattern in (_HEDGE, _PAREN):
        match = pattern.search(claim)
        if match:
            return " ".join((claim[: match.start()] + claim[match.end() :]).split())
    return None


CONTRADICTING_EDITS: dict[str, Callable[[str, str, random.Random], str | None]] = {
    "number": perturb_number,
    "scale": perturb_scale,
    "currency": perturb_currency,
    "month": perturb_month,
    "place": perturb_place,
    "negation": negate,
    "rank": perturb_rank,
}


def synthesize(pairs: Iterable[Pair], rng: random.Random, rate: float = 1.0) -> list[Pair]:
    """Perturbed copies of the entailing pairs (and negated refuted claims), keeping each pair's group."""
    out = []
    for pair in pairs:
        if pair.label == CONTRADICTS and pair.source in {"fever", "vitaminc"} and rng.random() < 0.15 * rate:
            # "X is not Y" against evidence that refutes "X is Y": a guard against 'not' => contradicts.
            new = negate(pair.claim, pair.evidence, rng)
            if new and " not" in new:
                out.append(replace(pair, claim=new, label=ENTAILS, source=pair.source + "+negated-refuted"))
            continue
        if pair.label != ENTAILS:
            continue
        kinds = list(CONTRADICTING_EDITS)
        rng.shuffle(kinds)
        made = 0
        for kind in kinds:
            # Negation is the easiest shortcut to learn: use it sparingly.
            if kind == "negation" and rng.random() > 0.25:
                continue
            if made >= 2 or rng.random() > rate:
                break
            new = CONTRADICTING_EDITS[kind](pair.claim, pair.evidence, rng)
            if new and new != pair.claim:
                out.append(replace(pair, claim=new, label=CONTRADICTS, source=f"{pair.source}+{kind}"))
                made += 1
        if rng.random() < 0.3 * rate:
            new = drop_qualifier(pair.claim, pair.evidence, rng)
            if new and new != pair.claim:
                out.append(replace(pair, claim=new, source=pair.source + "+dropped-qualifier"))
        if rng.random() < 0.2 * rate:
            new = add_detail(pair.claim, pair.evidence, rng)
            if new:
                out.append(replace(pair, claim=new, label=NEITHER, source=pair.source + "+added-detail"))
    return out


# ---------------------------------------------------------------------------------- agreeing twins

_SCALE_VALUES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_NUMBER_SCALE = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)? (thousand|million|billion)\b")
_DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2}) (" + "|".join(MONTHS) + r") (\d{4})\b")
_MONTH_DAY_YEAR = re.compile(r"\b(" + "|".join(MONTHS) + r") (\d{1,2}), (\d{4})\b")


def _plain(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}".rstrip("0").rstrip(".")


def _scaled(value: float) -> str | None:
    """``8,500,000,000`` -> ``8.5 billion``; None when no scale word fits."""
    for word in ("billion", "million", "thousand"):
        unit = _SCALE_VALUES[word]
        if value >= unit and round(value / unit, 2) * unit == value:
            return f"{value / unit:g} {word}"
    return None


def reformat_figure(claim: str, evidence: str, rng: random.Random) -> str | None:
    """The claim with one of its figures written another way, value unchanged (or hedged and rounded):
    ``8,500 million`` -> ``8.5 billion``, ``300,000`` -> ``300k``, ``297,000`` -> ``about 300,000``,
    ``25 August 2021`` -> ``August 2021`` when the evidence gives the day."""
    match = _NUMBER_SCALE.search(claim)
    if match and rng.random() < 0.6:
        value = (
            float((match.group(1) + (match.group(2) or "")).replace(",", "")) * _SCALE_VALUES[match.group(3)]
        )
        other = _scaled(value) if rng.random() < 0.5 else _plain(value)
        if other and other != match.group(0):
            return claim[: match.start()] + other + claim[match.end() :]
    dated = _DAY_MONTH_YEAR.search(claim) or _MONTH_DAY_YEAR.search(claim)
    if dated and rng.random() < 0.5:
        month = next(g for g in dated.groups() if g in MONTHS)
        before = re.sub(r"\bon\s*$", "in ", claim[: dated.start()])
        return before + f"{month} {dated.group(3)}" + claim[dated.end() :]
    plain_evidence = evidence.replace(",", "")
    found = [m for m in _NUMBER.finditer(claim) if m.group(0).replace(",", "") in plain_evidence]
    found = [m for m in found if not (1700 <= float(m.group(0).replace(",", "")) <= 2100)]
    if not found:
        return None
    m = rng.choice(found)
    value = float(m.group(0).replace(",", ""))
    how = rng.random()
    if value >= 10_000 and value % 1000 == 0 and how < 0.35:
        text = (
            f"{value / 1000:g}k" if value < 1e6 and rng.random() < 0.5 else (_scaled(value) or _plain(value))
        )
    elif value >= 1000 and how < 0.7:
        digits = len(str(int(value)))
        rounded = round(value, -(digits - 2))
        text = f"about {_plain(rounded)}" if rounded != value else f"some {_plain(value)}"
    else:
        text = f"{rng.choice(['about', 'around', 'roughly', 'nearly', 'some'])} {m.group(0)}"
    before = claim[: m.start()]
    if re.search(r"\b(about|around|roughly|nearly|some|almost|over|more than|less than)\s*$", before):
        return None
    return before + text + claim[m.end() :]


def twins(pairs: Iterable[Pair], rng: random.Random, rate: float = 0.6) -> list[Pair]:
    """For entailing pairs with a figure, the same claim with the figure written another way (entails), and
    for pairs naming an organisation, the claim about an organisation the evidence never mentions (neither).
    Every contradicting edit thus has agreeing and unrelated twins, so a changed figure format is no cue."""
    out = []
    for pair in pairs:
        if pair.label != ENTAILS:
            continue
        if rng.random() < rate:
            new = reformat_figure(pair.claim, pair.evidence, rng)
            if new and new != pair.claim:
                out.append(replace(pair, claim=new, source=pair.source + "+same-figure"))
        if rng.random() < rate * 0.5:
            new = foreign_organisation(pair.claim, pair.evidence, rng)
            if new and new != pair.claim:
                out.append(replace(pair, claim=new, label=NEITHER, source=pair.source + "+other-subject"))
    return out


def identities(pairs: Iterable[Pair], rng: random.Random, rate: float = 0.08) -> list[Pair]:
    """A claim that repeats its evidence, or one sentence of it, entails it."""
    from factcheck.sources.sentences import split_sentences

    out = []
    for pair in pairs:
        if rng.random() >= rate or len(pair.evidence) > 600:
            continue
        body = pair.evidence.split(": ", 1)[1] if ": " in pair.evidence[:80] else pair.evidence
        sentences = [body[s.start : s.end] for s in split_sentences(body)]
        sentences = [t for t in sentences if len(t) > 25]
        if sentences:
            claim = rng.choice(sentences)
            out.append(Pair(claim, pair.evidence, ENTAILS, pair.source + "+identity", pair.group))
    return out


# ------------------------------------------------------------------------------ wire-style business text

_COMPANY_STEMS = [
    "Norvik",
    "Aldera",
    "Brightwell",
    "Castellan",
    "Dunmore",
    "Everpeak",
    "Falkor",
    "Greystone",
    "Halvard",
    "Ironleaf",
    "Juniper",
    "Kestrel",
    "Lumora",
    "Meridian",
    "Northgate",
    "Orion",
    "Pellucid",
    "Quenta",
    "Redwater",
    "Solvane",
    "Tessaro",
    "Umbria",
    "Valtor",
    "Westmark",
    "Yarrow",
    "Zenith",
    "Arcadia",
    "Borealis",
    "Cobalt",
    "Delphi",
    "Ember",
    "Fjord",
    "Granite",
    "Helios",
    "Indigo",
    "Jasper",
    "Kairos",
    "Lodestar",
    "Mistral",
]
_COMPANY_KINDS = [
    "Motors",
    "Systems",
    "Technologies",
    "Group",
    "Electronics",
    "Automotive",
    "Robotics",
    "Energy",
]
_PEOPLE = [
    "Anna Keller",
    "Lei Ming",
    "Marco Bianchi",
    "Sofia Lindqvist",
    "Rahul Mehta",
    "Chen Yu",
    "Laura Moreau",
    "David Okafor",
    "Hannah Vogel",
    "Kenji Sato",
    "Maria Santos",
    "Tomasz Nowak",
    "Ingrid Berg",
    "Omar Haddad",
    "Julia Novak",
]
_PRODUCTS = ["electric cars", "cars", "vehicles", "batteries", "e-bikes", "scooters", "chips", "phones"]
_FIELDS = ["autonomous-driving", "battery", "chip-design", "mapping", "lidar", "software", "robotics"]
_INDUSTRIES = ["smartphone", "carmaker", "battery", "chip", "electric-vehicle", "robot"]


def _company(rng: random.Random) -> str:
    return f"{rng.choice(_COMPANY_STEMS)} {rng.choice(_COMPANY_KINDS)}"


def _money(rng: random.Random) -> tuple[float, str, str]:
    """(value in millions, currency word, scale)"""
    scale = rng.choice(["million", "million", "billion"])
    value = rng.choice([1.2, 2.5, 3, 4.5, 8.5, 10, 12, 15, 25, 40, 70, 77.4, 120, 250, 300, 450, 700, 900])
    if scale == "billion" and value > 100:
        value = value / 100
    currency = rng.choice(["euros", "US dollars", "dollars", "pounds", "yuan"])
    return value, currency, scale


def _fmt_value(value: float) -> str:
    return f"{value:g}"


def _say_money(value: float, currency: str, scale: str, rng: random.Random) -> str:
    num = _fmt_value(value)
    symbol = {"euros": "€", "US dollars": "$", "dollars": "$", "pounds": "£"}.get(currency)
    styles = [f"{num} {scale} {currency}"]
    if symbol:
        short = {"million": "m", "billion": "bn"}[scale]
        styles += [f"{symbol}{num} {scale}", f"{symbol}{num}{short}"]
    return rng.choice(styles)


def _hedge(rng: random.Random) -> str:
    return rng.choice(["", "", "about ", "roughly ", "around ", "some "])


def _other_money(value: float, rng: random.Random) -> float:
    how = rng.random()
    if how < 0.35:
        return value * 10
    if how < 0.6:
        return round(value / 10, 2)
    return round(value * rng.choice([0.5, 0.6, 1.5, 2, 3]), 2)


def wire_pairs(n: int, rng: random.Random) -> list[Pair]:
    """Seeded wire-style facts with entailing, contradicting and irrelevant claims about them."""
    pairs: list[Pair] = []
    while len(pairs) < n:
        a, b, c = _company(rng), _company(rng), _company(rng)
        if len({a.split()[0], b.split()[0], c.split()[0]}) < 3:
            continue
        city, other_city = rng.sample(CITIES, 2)
        person = rng.choice(_PEOPLE)
        value, currency, scale = _money(rng)
        month = rng.choice(MONTHS)
        year = rng.randint(2015, 2027)
        count = rng.choice([150, 300, 800, 1200, 2500, 12000, 45000, 150000, 300000, 450000])
        product = rng.choice(_PRODUCTS)
        field = rng.choice(_FIELDS)
        industry = rng.choice(_INDUSTRIES)
        ordinal = rng.choice(["second", "third", ""])
        rank_word = f"{ordinal}-largest" if ordinal else "largest"
        years = rng.choice([3, 5, 10])
        group = f"wire:{a}:{b}:{value}:{year}"
        money = _say_money(value, currency, scale, rng)
        facts = {
            "deal": (
                f"{a} said on Tuesday it had bought {field} start-up {b} for {_hedge(rng)}{money} in {month} "
                f"{year}, beating an offer from {c}.",
                [
                    f"{a} acquired {b} for {_say_money(value, currency, scale, rng)}.",
                    f"{b} was bought by {a} in {year}.",
                    f"{a} bought {b} in {month} {year}.",
                ],
                [
                    f"{a} paid {_say_money(_other_money(value, rng), currency, scale, rng)} for {b}.",
                    f"{a} paid {_fmt_value(value)} {rng.choice([s for s in _SCALES if s != scale])} "
                    f"{currency} for {b}.",
                    f"{a} bought {b} for {_fmt_value(value)} {scale} "
                    f"{rng.choice([x for x in ['euros', 'US dollars', 'pounds', 'yuan'] if x != currency])}.",
                    f"{a} bought {b} in {rng.choice([m for m in MONTHS if m != month])} {year}.",
                    f"{b} was bought by {a} in {year + rng.choice([-2, -1, 1, 2])}.",
                    f"{c} acquired {b} in {year}.",
                    f"{a} did not buy {b}.",
                ],
                [f"{a} employs {count} people.", f"{b} opened an office in {other_city}."],
            ),
            "factory": (
                f"The {a} plant in {city}, which opened in {year}, can build {count:,} {product} a year, "
                f"more than the {c} site nearby.",
                [
                    f"{a} has a factory in {city}.",
                    f"{a}'s {city} plant can make {count:,} {product} per year.",
                    f"The {a} factory in {city} opened in {year}.",
                ],
                [
                    f"{a}'s {city} plant can make {int(count * rng.choice([0.5, 1.5, 10])):,} "
                    f"{product} a year.",
                    f"{a} has a factory in {other_city} that can build {count:,} {product} a year.",
                    f"The {a} factory in {city} opened in {year + rng.choice([-3, -1, 1, 2])}.",
                    f"The {c} plant in {city} can build {count:,} {product} a year, more than {a}'s.",
                ],
                [f"{a} plans to build a second plant in {other_city}.", f"{a} was founded by {person}."],
            ),
            "invest": (
                f"{a}, the world's {rank_word} {industry} maker, will invest {_hedge(rng)}{money} over "
                f"the next {years} years in its new unit, which is led by {person}.",
                [
                    f"{a} plans to spend {_say_money(value, currency, scale, rng)} on the new unit.",
                    f"{person} leads {a}'s new unit.",
                    f"{a} is the world's {rank_word} {industry} maker.",
                    f"{a} will invest in the unit over {years} years.",
                ],
                [
                    f"{a} will invest {_say_money(_other_money(value, rng), currency, scale, rng)} "
                    "in its new unit.",
                    f"{a} is the world's "
                    f"{'largest' if ordinal else rng.choice(['second', 'third']) + '-largest'} "
                    f"{industry} maker.",
                    f"{rng.choice([p for p in _PEOPLE if p != person])} leads {a}'s new unit.",
                    f"{a} will invest {_fmt_value(value)} {rng.choice([s for s in _SCALES if s != scale])} "
                    f"{currency} in the unit.",
                    f"{a} will not invest in a new unit.",
                ],
                [f"{a}'s unit will open a lab in {other_city}.", f"{a} sold {count:,} {product} last year."],
            ),
            "staff": (
                f"{a}'s {field} division, based in {city}, has {count:,} employees and is run by {person}.",
                [f"{a}'s division has {count:,} staff.", f"{person} runs {a}'s {field} division."],
                [
                    f"{a}'s division has {int(count * rng.choice([0.1, 0.5, 2, 10])):,} employees.",
                    f"{a}'s {field} division is based in {other_city}.",
                    f"{b}'s {field} division has {count:,} employees.",
                ],
                [f"{a}'s {field} division will start production in {year}.", f"{b} has {count:,} employees."],
            ),
        }
        kind = rng.choice(list(facts))
        evidence, entailing, contradicting, irrelevant = facts[kind]
        if kind == "staff":
            # b is not named in this evidence: "b's division" is about another company, not a conflict.
            irrelevant = irrelevant + [contradicting.pop()]
        if kind == "factory" and rng.random() < 0.3:
            # The figure without the plant's place: whose plant it is stays open, so a claim naming the
            # company and city is neither supported nor contradicted by this sentence alone.
            evidence = f"The plant will be able to build {count:,} {product} a year once finished."
            entailing = [f"The plant can make {count:,} {product} per year."]
            contradicting = [
                f"The plant can make {int(count * rng.choice([0.5, 2, 10])):,} {product} a year."
            ]
            irrelevant = [f"{a}'s {city} plant can make {count:,} {product} per year."]
        filler = rng.choice(irrelevant)
        if rng.random() < 0.5:
            # Wire copy opens with a dateline: it is no evidence against the claim.
            day = rng.randint(1, 28)
            evidence = f"{city.upper()}, {month} {day}, {year} (Newsdesk) - {evidence}"
        if rng.random() < 0.3:
            evidence = (
                f"{evidence} {rng.choice(['Shares rose 3% on the news.', 'The company gave no details.'])}"
            )
        pairs.append(Pair(rng.choice(entailing), evidence, ENTAILS, "wire", group))
        pairs.append(Pair(rng.choice(contradicting), evidence, CONTRADICTS, "wire", group))
        if rng.random() < 0.6:
            pairs.append(Pair(filler, evidence, NEITHER, "wire", group))
    return pairs[:n]


# ---------------------------------------------------------------------------------------------- assembly


def build_pairs(root: Path = DATA_ROOT, seed: int = 13, wire: int = 4000) -> list[Pair]:
    """All source pairs plus synthetic ones, deterministic for a seed."""
    from eval import verifier_sources as more

    rng = random.Random(seed)
    base = load_snli(root) + load_mnli(root) + load_vitaminc(root)
    base += load_fever(root, rng) + load_scifact(root, rng)
    real = more.load_vitaminc_real(root, rng) + more.load_cad_snli(root) + more.load_taxinli(root, rng)
    real += more.load_fm2(root, rng) + more.load_vitaminc_synthetic(root, rng)
    # SNLI has few figures or names to perturb: synthesize mostly from the fact-rich sets.
    fact_rich = [p for p in base + real if p.source.split("+")[0] in FACT_RICH]
    snli = [p for p in base if p.source == "snli"]
    snli_sample = [p for p in snli if rng.random() < 0.15]
    base = [p for p in base if p.source != "snli"] + [p for p in snli if rng.random() < 0.35]
    synthetic = synthesize(fact_rich, rng, rate=0.6) + synthesize(snli_sample, rng)
    synthetic += twins(fact_rich, rng) + identities(fact_rich, rng)
    wired = wire_pairs(wire, rng)
    pairs = base + real + synthetic + wired + twins(wired, rng, rate=0.5) + identities(wired, rng, rate=0.15)
    held = more.held_out_groups()
    return [p for p in pairs if p.group not in held]


FACT_RICH = frozenset({"fever", "vitaminc", "vitaminc-real", "scifact", "fm2", "mnli"})


def split_pairs(pairs: list[Pair], dev_percent: float = 6.0) -> tuple[list[Pair], list[Pair]]:
    """(train, dev) by group."""
    train = [p for p in pairs if not is_dev(p.group, dev_percent)]
    dev = [p for p in pairs if is_dev(p.group, dev_percent)]
    return train, dev


def describe(pairs: list[Pair]) -> str:
    """Counts per source family and label, one line."""
    by_source = Counter(p.source.split("+")[0] for p in pairs)
    by_label = Counter(p.label for p in pairs)
    synthetic = sum("+" in p.source for p in pairs)
    labels = dict(sorted(by_label.items()))
    return f"{len(pairs)} pairs; labels {labels}; synthetic {synthetic}; {dict(by_source)}"


def read_csv_rows(path: Path) -> list[dict[str, str]]:
    """Rows of a CSV file with a header."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))
