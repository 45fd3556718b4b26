"""`factcheck` commands: evaluate."""

from factcheck.cli import app  # noqa: F401
