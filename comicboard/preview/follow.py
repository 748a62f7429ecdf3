"""Follow a spec on disk: rebuild when it or a file it reads (picture, theme, font) is saved; readers wait for news.

Saving is noticed by polling each input's modification time and size a few times a second: a handful of stat
calls, no dependency, and it works the same on every system and editor (including those that save by renaming).
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .build import Build, build

POLL_S = 0.1  # how often inputs are looked at


def stamp(path: Path) -> tuple[int, int] | None:
    """What changes when a file is saved: its mtime and size (None while it is missing)."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size


class Preview:
    """One spec: the latest build, the last good one, and a version number that grows with every build."""

    def __init__(self, spec: Path, *, allow_outside: bool = False,
                 builder: Callable[[Path], Build] | None = None) -> None:
        self.spec = spec
        self.builder = builder or (lambda p: build(p, allow_outside=allow_outside))
        self.version = 0
        self.latest: Build | None = None
        self.good: Build | None = None
        self.good_version = 0  # the version whose build is `good`
        self.building = False
        self.changed = threading.Condition()
        self._stamps: dict[Path, tuple[int, int] | None] = {}

    def stale(self) -> bool:
        """Whether any input changed since the last build (always before the first)."""
        return not self._stamps or any(stamp(p) != s for p, s in self._stamps.items())

    def rebuild(self) -> Build:
        with self.changed:
            self.building = True
            self.changed.notify_all()
        inputs = self.latest.inputs if self.latest else [self.spec]
        before = {p: stamp(p) for p in inputs}  # taken first: a save during the build triggers another
        result = self.builder(self.spec)
        self._stamps = {**before, **{p: stamp(p) for p in result.inputs if p not in before}}
        with self.changed:
            self.latest = result
            self.building = False
            self.version += 1
            if result.error is None:
                self.good, self.good_version = result, self.version
            self.changed.notify_all()
        return result

    def poll(self) -> Build | None:
        """Rebuild if an input changed; the new build, or None."""
        return self.rebuild() if self.stale() else None

    def wait(self, after: int, building: bool, timeout: float) -> None:
        """Block until a build newer than `after` is done or a build starts or ends, at most `timeout`."""
        with self.changed:
            self.changed.wait_for(lambda: self.version > after or self.building != building, timeout=timeout)

    def state(self, have: int = -1) -> dict[str, Any]:
        """What the page shows: the last good board with its problems, and the current error if any. A page that
        already shows good version `have` gets no pages again (null): a build starting or failing sends little."""
        with self.changed:
            latest, good = self.latest, self.good
            same = good is not None and have == self.good_version
            return {"version": self.version, "building": self.building, "spec": self.spec.name,
                    "error": latest.error if latest else None, "good_version": self.good_version,
                    "pages": None if same else good.pages if good else [], "panels": good.panels if good else [],
                    "problems": good.problems if good else [], "seconds": latest.seconds if latest else {}}


class Follower(threading.Thread):
    """Polls every preview it holds and rebuilds those whose inputs changed, one at a time."""

    def __init__(self) -> None:
        super().__init__(name="comicboard-follow", daemon=True)
        self.previews: dict[Path, Preview] = {}
        self.lock = threading.Lock()
        self.stopped = threading.Event()

    def add(self, preview: Preview) -> Preview:
        with self.lock:
            return self.previews.setdefault(preview.spec, preview)

    def run(self) -> None:
        while not self.stopped.is_set():
            with self.lock:
                previews = list(self.previews.values())
            for preview in previews:
                preview.poll()
            self.stopped.wait(POLL_S)

    def stop(self) -> None:
        self.stopped.set()


def watch(spec: Path, on_build: Callable[[Build], None], *, allow_outside: bool = False,
          builder: Callable[[Path], Build] | None = None, until: Callable[[], bool] = lambda: False) -> None:
    """Build `spec`, then again on every save, calling `on_build` each time; returns when `until()` is true."""
    preview = Preview(spec, allow_outside=allow_outside, builder=builder)
    while not until():
        result = preview.poll()
        if result is not None:
            on_build(result)
        time.sleep(POLL_S)
