"""A bounded pool of worker threads for checks: the model is shared, the queue is not endless.

A check is CPU-bound work on one shared model. The pool runs at most ``workers`` of them at a time and
holds at most ``queue_size`` more waiting; a check submitted beyond that is refused at once with
:class:`PoolFull` (the server answers 503 with ``Retry-After``) instead of piling up until every request
times out. Each job's result goes back to the request that submitted it and to no other.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

T = TypeVar("T")


class PoolFull(Exception):
    """Every worker is busy and the queue is full."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"the server is busy with other checks; try again in {retry_after} s")
        self.retry_after = retry_after


class JobTimeout(Exception):
    """A job did not finish within its time limit."""


class CheckPool:
    """``workers`` threads and room for ``queue_size`` waiting jobs.

    ``typical_seconds`` (how long one job usually takes) sizes the ``Retry-After`` hint.
    """

    def __init__(self, workers: int = 1, queue_size: int = 32, typical_seconds: float = 2.0) -> None:
        if workers < 1 or queue_size < 0:
            raise ValueError("a pool needs at least one worker and a queue size of 0 or more")
        self.workers = workers
        self.queue_size = queue_size
        self.typical_seconds = typical_seconds
        self._executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="factcheck-check")
        self._slots = threading.BoundedSemaphore(workers + queue_size)
        self._lock = threading.Lock()
        self._pending = 0
        self.completed = 0
        self.refused = 0

    @property
    def pending(self) -> int:
        """Jobs running or waiting."""
        return self._pending

    def retry_after(self) -> int:
        """Seconds after which a refused client may well find room (at least 1)."""
        rounds = (self._pending // self.workers) + 1
        return max(1, round(rounds * self.typical_seconds))

    def submit(self, job: Callable[[], T]) -> Future[T]:
        """Queues ``job``; raises :class:`PoolFull` when there is no room."""
        if not self._slots.acquire(blocking=False):
            with self._lock:
                self.refused += 1
            raise PoolFull(self.retry_after())
        with self._lock:
            self._pending += 1
        try:
            future = self._executor.submit(job)
        except RuntimeError:  # shut down
            self._release(None)
            raise
        future.add_done_callback(self._release)
        return future

    def _release(self, future: Future | None) -> None:
        with self._lock:
            self._pending -= 1
            if future is not None and not future.cancelled():
                self.completed += 1
        self._slots.release()

    async def run(self, job: Callable[[], T], timeout: float) -> T:
        """Runs ``job`` in the pool and waits for it up to ``timeout`` seconds (:class:`JobTimeout` then).

        A job still waiting in the queue when its caller gives up is dropped; one already running finishes
        in its thread (a thread cannot be stopped) and its result is discarded.
        """
        future = self.submit(job)
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), timeout)
        except TimeoutError:
            future.cancel()
            raise JobTimeout(f"the check took longer than {timeout:g} s") from None

    def shutdown(self) -> None:
        """Stops taking jobs; waits for the running ones."""
        self._executor.shutdown(wait=True, cancel_futures=True)
