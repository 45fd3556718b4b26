"""`factcheck` commands: verify."""

from factcheck.cli import app  # noqa: F401
