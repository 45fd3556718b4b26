"""`factcheck` commands: claims."""

from factcheck.cli import app  # noqa: F401
