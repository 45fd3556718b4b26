"""Evidence in context: what a span needs to stand alone before the model judges it.

A sentence such as "By late November 2021 the unit had about 300 employees" says nothing about *which*
unit; its document's title ("Xiaomi registers its electric-car unit, Xiaomi EV") does. The model therefore
reads a span as ``Title: span`` (the form it was trained on for titled evidence). Whether a span refers
back ("The unit...", "It...", "The company...") tells rationale selection to look at its document for the
subject. Quotes and offsets stay those of the span itself.
"""

from __future__ import annotations

import re

# A span that opens with a pronoun or a short definite description refers to something said before it.
_REFERS_BACK = re.compile(
    r"^\s*(?:It|Its|They|Their|He|She|His|Her|The (?:company|group|firm|unit|division|business|carmaker|"
    r"maker|start-up|startup|plant|factory|site|project|deal|car unit|new unit|subsidiary|brand))\b"
)


def refers_back(span: str) -> bool:
    """Whether ``span`` opens by referring to something named earlier in its document."""
    return bool(_REFERS_BACK.match(span))


def in_context(span: str, title: str | None) -> str:
    """The text the model reads for ``span``: ``Title: span`` when the document has a title that the span
    does not already open with; otherwise the span alone."""
    title = " ".join((title or "").split())
    if not title or span.lstrip().startswith(title):
        return span
    return f"{title}: {span}"
