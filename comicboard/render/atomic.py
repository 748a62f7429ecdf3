"""Write output files atomically: render into temporaries beside the targets, then os.replace them all."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from ..errors import RenderError


@contextlib.contextmanager
def atomic_outputs(targets: list[Path]) -> Iterator[list[Path]]:
    """Yield one temporary path per target; on success move each into place, on failure delete them.

    Temporaries live in the target's folder so os.replace is a same-filesystem rename: a reader
    never sees a half-written file and a failed render leaves earlier output untouched.
    """
    temps: list[Path] = []
    target = targets[0] if targets else Path()
    try:
        for target in targets:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
            os.close(fd)
            temps.append(Path(name))
        yield temps
        mode = _file_mode()
        for temp, target in zip(temps, targets, strict=True):
            os.chmod(temp, mode)  # mkstemp makes 0600 files; outputs should look like any other file
            os.replace(temp, target)
    except OSError as exc:  # a folder where the file should go, a full disk, no permission: the user's to fix
        raise RenderError(f"cannot write {target}: {exc.strerror or exc}",
                          hint="check that the output folder exists, is writable and has room, and that the "
                               "output name is not a folder") from exc
    finally:
        for temp in temps:
            with contextlib.suppress(FileNotFoundError):
                temp.unlink()


def _file_mode() -> int:
    """The mode open() would give a new file: 0666 minus the process umask."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
