"""Registers every command group on the app (each module adds its commands when imported)."""

from factcheck.cli import check, claims, corpus, evaluate, recheck, serve, store, verify  # noqa: F401
