"""Who holds a role: "Tomas Halvorsen is the chief executive of Daleport Pharma" against "Daleport Pharma's
chief executive is Samuel Osei" is the wrong-person error, a conflict.

A role of an organisation that one person holds at a time (chief executive, chair, president, mayor, coach,
captain...) is read in the usual ways of writing it: "P is the R of O", "P, the R of O", "P, O's R",
"O's R is P", "O's R, P," and "O R P" ("Xiaomi chief executive Lei Jun"). Two holders conflict only when
the role and the organisation are the same, the names are not one person's, and both sides speak of the
same time: "was" against "is", a former, acting, deputy or co- holder never conflict. Cases live in
``tests/rules/cases/compare_roles.jsonl``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from factcheck.rules.findings import CONFLICT, Finding
from factcheck.rules.names import name_key, same_organisation

__all__ = ["Holder", "holders", "role_findings"]

_ROLES = {
    "chief executive officer": "chief executive",
    "chief executive": "chief executive",
    "ceo": "chief executive",
    "chief financial officer": "chief financial officer",
    "cfo": "chief financial officer",
    "chief technology officer": "chief technology officer",
    "cto": "chief technology officer",
    "chairman": "chair",
    "chairwoman": "chair",
    "chairperson": "chair",
    "chair": "chair",
    "president": "president",
    "prime minister": "prime minister",
    "managing director": "managing director",
    "director general": "director general",
    "head coach": "coach",
    "manager": "manager",
    "coach": "coach",
    "captain": "captain",
    "mayor": "mayor",
    "governor": "governor",
}
_ROLE = "(?i:" + "|".join(sorted((re.escape(r) for r in _ROLES), key=len, reverse=True)) + ")"
_WORD = r"[A-Z](?:[\w-]|\.(?=\w)|['’](?=[A-Z]))*"
_NAME = rf"{_WORD}(?:\s+(?:{_WORD}|de|van|von|der|da|di|bin|al)(?=\s+[A-Z]|\b))*"
_POSSESSIVE = r"(?:'s|’s|'|’)"
_PAST = r"(?:was|had been|became|served as)"
_PRESENT = r"(?:is|has been|serves as|remains)"
_PATTERNS = (
    re.compile(
        rf"(?P<p>{_NAME})\s+(?P<v>{_PAST}|{_PRESENT})\s+(?:the\s+)?(?P<r>{_ROLE})\s+of\s+(?P<o>{_NAME})"
    ),
    re.compile(rf"(?P<p>{_NAME}),\s+(?:the\s+)?(?P<r>{_ROLE})\s+of\s+(?P<o>{_NAME})"),
    re.compile(rf"(?P<p>{_NAME}),\s+(?P<o>{_NAME}){_POSSESSIVE}\s+(?P<r>{_ROLE})\b"),
    re.compile(
        rf"(?P<o>{_NAME}){_POSSESSIVE}\s+(?P<r>{_ROLE})(?:\s+(?P<v>{_PAST}|{_PRESENT})|,)\s+(?P<p>{_NAME})"
    ),
    re.compile(rf"(?P<o>{_NAME})\s+(?P<r>{_ROLE})\s+(?P<p>{_NAME})"),
)
# A holder of another time or standing: never the one holder of the role now.
_QUALIFIED = re.compile(
    r"\b(?:former|ex-|then|previous|interim|acting|deputy|vice|co-|joint|new|incoming)\s*$", re.I
)


@dataclass(frozen=True)
class Holder:
    """One person said to hold one role of one organisation, as written (offsets into the text)."""

    person: str
    start: int
    end: int
    role: str
    organisation: str
    past: bool


def _role_key(written: str) -> str:
    return _ROLES[written.lower()]


@lru_cache(maxsize=4096)
def holders(text: str) -> tuple[Holder, ...]:
    """The role holders ``text`` states."""
    found: dict[tuple[int, int], Holder] = {}
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            role_start = match.start("r")
            if _QUALIFIED.search(text[max(0, role_start - 12) : role_start]):
                continue
            if re.match(r"[A-Z]", match.group("r")) and match.group("r").lower() not in ("ceo", "cfo", "cto"):
                continue  # "President Biden", "Captain America": a title in a name, not a role
            person = match.group("p")
            if re.fullmatch(_ROLE, person, re.I) or person.split()[0] in (
                "The",
                "A",
                "An",
                "Its",
                "His",
                "Her",
            ):
                continue
            verb = match.groupdict().get("v") or ""
            found.setdefault(
                match.span("p"),
                Holder(
                    person,
                    *match.span("p"),
                    _role_key(match.group("r")),
                    match.group("o"),
                    bool(re.match(_PAST, verb)),
                ),
            )
    return tuple(found.values())


def _same_person(a: str, b: str) -> bool:
    return same_organisation(name_key(a), name_key(b))


def role_findings(claim: str, evidence: str) -> list[Finding]:
    """A conflict for each holder the claim names where the evidence names another holder of the same role of
    the same organisation, at the same time."""
    found = []
    theirs = holders(evidence)
    for ours in holders(claim):
        for other in theirs:
            if (
                other.role == ours.role
                and other.past == ours.past
                and same_organisation(name_key(other.organisation), name_key(ours.organisation))
                and not _same_person(ours.person, other.person)
            ):
                said = f"{ours.person} is the {ours.role} of {ours.organisation}"
                reason = f"claim says {said}; evidence says {other.person}"
                found.append(
                    Finding(
                        "organisation",
                        ours.person,
                        ours.start,
                        ours.end,
                        other.person,
                        other.start,
                        other.end,
                        CONFLICT,
                        reason,
                        0.8,
                    )
                )
                break
    return found
