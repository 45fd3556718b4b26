"""The ``factcheck`` command line: thin commands that parse options, call the library and render.

Each command group lives in its own module under ``factcheck.cli``; heavy modules are imported inside
the commands, so ``factcheck --help`` loads no model.
"""

from __future__ import annotations

import sys

import typer

from factcheck.cli import commands  # noqa: F401  (importing the command modules registers their commands)
from factcheck.cli.app import app
from factcheck.errors import FactcheckError

__all__ = ["app", "main"]


def main() -> None:
    """Console entry point: runs the app and maps errors to one line and an exit code."""
    from factcheck.cli.output import error

    try:
        # Outside standalone mode click returns the code of a ``typer.Exit`` instead of exiting.
        code = app(standalone_mode=False)
        if isinstance(code, int) and code:
            sys.exit(code)
    except FactcheckError as exc:
        error(str(exc))
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        error("interrupted")
        sys.exit(130)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        error("aborted")
        sys.exit(1)
    except typer.TyperException as exc:  # usage errors: typer bundles its own click
        show = getattr(exc, "show", None)
        if callable(show):
            show()
        else:
            error(str(exc))
        sys.exit(2)
    except Exception as exc:  # anything unforeseen still gets one line, never a traceback
        error(f"unexpected error: {type(exc).__name__}: {exc}")
        sys.exit(70)
