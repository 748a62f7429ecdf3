"""Executors for clusters that do not speak concurrent.futures themselves: Ray (Dask's client.get_executor() does)."""

from __future__ import annotations

import concurrent.futures
from collections.abc import Callable
from typing import Any


class RayExecutor(concurrent.futures.Executor):
    """`render_many(..., RayExecutor())` on the Ray cluster `ray.init()` connected to: each row is a Ray task, and
    its ObjectRef's `future()` is the concurrent.futures.Future render_many waits on. `options` go to
    `ray.remote` (e.g. num_cpus=1, memory=2 * 1024**3). A task whose worker dies fails its row with Ray's reason."""

    def __init__(self, **options: Any) -> None:
        self._options = options
        self._remote: dict[Callable[..., Any], Any] = {}  # one Ray function per Python function, not per row

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> concurrent.futures.Future[Any]:
        import ray

        remote = self._remote.get(fn)
        if remote is None:
            remote = self._remote[fn] = ray.remote(**self._options)(fn) if self._options else ray.remote(fn)
        future: concurrent.futures.Future[Any] = remote.remote(*args, **kwargs).future()
        return future
