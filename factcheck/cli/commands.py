"""Registers every command group on the app (each module adds its commands when imported)."""

from factcheck.cli import check, claims, corpus, evaluate, recheck, store, verify  # noqa: F401
