"""`factcheck` commands: recheck."""

from factcheck.cli import app  # noqa: F401
