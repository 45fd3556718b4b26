"""`factcheck` commands: check."""

from factcheck.cli import app  # noqa: F401
