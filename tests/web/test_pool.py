"""The bounded worker pool: at most workers + queue jobs, refusals with a retry hint, results never mixed."""

from __future__ import annotations

import asyncio
import threading
import time

import pytest

from factcheck.web.pool import CheckPool, JobTimeout, PoolFull


def test_the_pool_holds_workers_plus_queue_jobs_and_refuses_the_rest():
    pool = CheckPool(workers=1, queue_size=2, typical_seconds=3.0)
    release = threading.Event()
    running = [pool.submit(release.wait) for _ in range(3)]
    assert pool.pending == 3
    with pytest.raises(PoolFull) as refused:
        pool.submit(lambda: None)
    assert refused.value.retry_after >= 3 and "try again" in str(refused.value)
    release.set()
    assert all(job.result(timeout=10) for job in running)
    assert (pool.pending, pool.completed, pool.refused) == (0, 3, 1)
    assert pool.submit(lambda: 42).result(timeout=10) == 42
    pool.shutdown()


def test_each_caller_gets_its_own_result_under_concurrency():
    pool = CheckPool(workers=2, queue_size=40)

    def job(n: int) -> int:
        time.sleep(0.001 * (n % 5))
        return n * n

    async def many() -> list[int]:
        return await asyncio.gather(*(pool.run(lambda n=n: job(n), timeout=30) for n in range(40)))

    assert asyncio.run(many()) == [n * n for n in range(40)]
    assert pool.completed == 40
    pool.shutdown()


def test_a_job_over_its_time_limit_is_given_up_and_a_waiting_one_dropped():
    pool = CheckPool(workers=1, queue_size=1)
    release = threading.Event()
    blocker = pool.submit(release.wait)
    ran = []

    async def late() -> None:
        await pool.run(lambda: ran.append(1), timeout=0.05)

    with pytest.raises(JobTimeout, match="longer than 0.05 s"):
        asyncio.run(late())
    release.set()
    blocker.result(timeout=10)
    pool.shutdown()
    assert ran == [] and pool.pending == 0


def test_errors_of_a_job_reach_its_caller():
    pool = CheckPool()

    async def failing() -> None:
        await pool.run(lambda: (_ for _ in ()).throw(ValueError("bad draft")), timeout=5)

    with pytest.raises(ValueError, match="bad draft"):
        asyncio.run(failing())
    assert pool.pending == 0
    with pytest.raises(ValueError):
        CheckPool(workers=0)
