"""A progress bar for embedding, on standard error, for people (silent when asked to be quiet)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager


@contextmanager
def embedding_progress(quiet: bool = False, label: str = "Embedding passages") -> Iterator[Callable | None]:
    """A ``progress(done, total)`` callable drawing a rich bar on stderr, or None when ``quiet``.

    The bar appears only once there is something to embed, so an index that is already up to date prints
    nothing.
    """
    if quiet:
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    task = None

    def update(done: int, total: int) -> None:
        nonlocal task
        if total <= 0:
            return
        if task is None:
            bar.start()
            task = bar.add_task(label, total=total)
        bar.update(task, completed=done, total=total)

    try:
        yield update
    finally:
        if task is not None:
            bar.stop()
