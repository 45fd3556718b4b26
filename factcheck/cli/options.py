"""Option types shared by several commands."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer


class TextOrJson(StrEnum):
    """Output for people (rich text) or for machines (JSON)."""

    text = "text"
    json = "json"


IndexOption = Annotated[
    Path | None,
    typer.Option("--index", help="Index folder (default: FACTCHECK_INDEX, else the bundled demo corpus)."),
]
StoreOption = Annotated[
    Path | None, typer.Option("--store", help="Claim store (default: FACTCHECK_STORE, else the user's).")
]
