"""The default pool's worker processes and signals: Ctrl-C is the parent's to handle (it stops its workers), and
SIGTERM or SIGHUP ends a worker quietly, after the row it was making has removed its temporaries.

A forked worker inherits the parent's handlers: the command line's turns SIGTERM into an exception, which in an
idle worker (waiting for a row) escaped as a traceback from multiprocessing, and a terminal's Ctrl-C reached every
worker of the process group the same way.
"""

from __future__ import annotations

import contextlib
import os
import signal
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor

_installed = False  # this process is a worker of the default pool
_busy = False  # it is making a row


class WorkerStopped(BaseException):
    """SIGTERM or SIGHUP reached a worker making a row: unwinds it (finally blocks remove the temporaries)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _on_stop(signum: int, frame: object) -> None:  # noqa: ARG001
    if _busy:
        raise WorkerStopped(signum)
    os._exit(128 + signum)  # idle: nothing to clean up, nothing to say


def init_worker() -> None:
    """The pool's initializer: set the worker's signal handlers."""
    global _installed
    _installed = True
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _on_stop)


@contextlib.contextmanager
def making_a_row() -> Iterator[None]:
    """Around one row in a worker: a stopping signal unwinds the row, then ends the process quietly (the parent
    sees the worker gone and fails the row saying so)."""
    global _busy
    _busy = _installed
    try:
        yield
    except WorkerStopped as stop:
        os._exit(128 + stop.signum)
    finally:
        _busy = False


def pool(workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=workers, initializer=init_worker)


def stop_workers(executor: ProcessPoolExecutor) -> None:
    """Send SIGTERM to the pool's workers (the batch was interrupted: rows being made stop and clean up)."""
    for process in list((getattr(executor, "_processes", None) or {}).values()):
        with contextlib.suppress(OSError, ValueError, AttributeError):
            process.terminate()
