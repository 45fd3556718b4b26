"""`factcheck` commands: corpus."""

from factcheck.cli import app  # noqa: F401
