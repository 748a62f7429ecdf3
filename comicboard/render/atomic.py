"""Write a board's output files all or none: render into temporaries beside the targets, then swap them in together.

Temporaries are named `.<target>.<host>-<pid>.<random>.tmp`, so a later run can tell which ones a dead process
left behind (kill -9, a power cut) and removes them; signals the CLI handles clean up on the way out. Moving
files into place holds a lock on their folder, so two renders to one name never interleave their pages, and a
failure part way puts the earlier files back. Files of the same output that the new one no longer has (page 3
of an earlier, longer render) are removed under the same lock.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import socket
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..errors import RenderError

_TEMP = re.compile(r"^\..+\.(?P<host>[A-Za-z0-9_-]+)-(?P<pid>\d+)\.[A-Za-z0-9_]+\.tmp$")


def _host() -> str:
    return re.sub(r"[^A-Za-z0-9_-]", "_", socket.gethostname())[:40] or "host"


def temp_prefix(target: Path) -> str:
    """The start of a temporary's name for `target`: who made it (host and pid), so leftovers can be found."""
    return f".{target.name}.{_host()}-{os.getpid()}."


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # someone else's process, or we cannot tell: leave its files alone
    return True


def clean_stale_temps(folder: Path) -> list[Path]:
    """Remove temporaries that a process on this machine left behind when it died; → the files removed."""
    removed: list[Path] = []
    host = _host()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        m = _TEMP.match(entry.name)
        if m and m.group("host") == host and not _alive(int(m.group("pid"))):
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed


@contextlib.contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on `folder` (advisory, between comicboard processes) while files move in."""
    try:
        import fcntl
    except ImportError:  # Windows: os.replace is still atomic per file
        yield
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        yield
        return
    try:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def numbered_leftovers(path_for: Callable[[int], Path], start: int) -> list[Path]:
    """Files `path_for(start)`, `path_for(start + 1)`, … that exist, up to the first gap: stale pages."""
    out: list[Path] = []
    i = start
    while (p := path_for(i)).is_file():
        out.append(p)
        i += 1
    return out


def no_room_message(exc: OSError) -> str:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return "no space left on the disk"
    if exc.errno in (errno.EROFS,):
        return "the disk is read-only"
    if exc.errno == errno.EFBIG:
        return "the file would be larger than this process may write (the system's file size limit, ulimit -f)"
    return exc.strerror or str(exc)


@contextlib.contextmanager
def atomic_outputs(targets: list[Path], stale: Iterable[Path] | Callable[[], Iterable[Path]] = ()
                   ) -> Iterator[list[Path]]:
    """Yield one temporary path per target; on success move them all into place, else leave every target as it was.

    `stale`: files of the same output that the new one replaces without overwriting (pages beyond the new
    count); they are removed once every target is in place (a callable is asked under the folder lock).
    Temporaries live in the target's folder so os.replace is a same-filesystem rename: a reader never sees a
    half-written file and a failed render leaves earlier output untouched.
    """
    temps: list[Path] = []
    target = targets[0] if targets else Path()
    try:
        for folder in dict.fromkeys(t.parent for t in targets):
            folder.mkdir(parents=True, exist_ok=True)
            clean_stale_temps(folder)
        for target in targets:
            fd, name = tempfile.mkstemp(prefix=temp_prefix(target), suffix=".tmp", dir=target.parent)
            os.close(fd)
            temps.append(Path(name))
        yield temps
        mode = _file_mode()
        for temp in temps:
            os.chmod(temp, mode)  # mkstemp makes 0600 files; outputs should look like any other file
        folders = sorted({str(t.parent) for t in targets})
        with contextlib.ExitStack() as locks:
            for folder in folders:
                locks.enter_context(folder_lock(Path(folder)))
            _swap_in(temps, targets)
            for old in (stale() if callable(stale) else stale):
                if old not in targets:
                    with contextlib.suppress(FileNotFoundError):
                        old.unlink()
    except OSError as exc:  # a folder where the file should go, a full disk, no permission: the user's to fix
        named = {str(p): t for p, t in zip(temps, targets, strict=False)} | {str(t): t for t in targets}
        target = named.get(str(exc.filename), target)  # the output, never a temporary's name
        raise RenderError(f"cannot write {target}: {no_room_message(exc)}",
                          hint="check that the output folder exists, is writable and has room, and that the "
                               "output name is not a folder; earlier files of this output were left as they were"
                          ) from exc
    finally:
        for temp in temps:
            with contextlib.suppress(OSError):
                temp.unlink()


def _swap_in(temps: list[Path], targets: list[Path]) -> None:
    """os.replace each temporary onto its target; if one fails, put back what the earlier ones replaced."""
    backups: list[tuple[Path, Path | None]] = []  # (target, its previous file kept aside, or None if new)
    try:
        for temp, target in zip(temps, targets, strict=True):
            backup = None
            if target.is_file():
                backup = target.with_name(f"{temp_prefix(target)}old{len(backups)}.tmp")
                try:
                    os.link(target, backup)  # keeps the old file while the target is replaced in one step
                except OSError:
                    os.replace(target, backup)  # no hard links here: move it aside instead
            backups.append((target, backup))
            os.replace(temp, target)
    except BaseException:
        for target, backup in reversed(backups):
            with contextlib.suppress(OSError):
                if backup is not None:
                    os.replace(backup, target)
                else:
                    target.unlink()
        raise
    finally:
        for _, backup in backups:
            if backup is not None:
                with contextlib.suppress(OSError):
                    backup.unlink()


def _file_mode() -> int:
    """The mode open() would give a new file: 0666 minus the process umask."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
