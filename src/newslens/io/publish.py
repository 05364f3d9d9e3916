"""Publishing: the one way newslens puts finished files into an output folder, stage first, then move in.

Every output is written somewhere private first and moved into place with `os.replace`, so a reader sees
the old file or the new one, never half of one, a failed run leaves the previous result as it was, and
concurrent runs into one folder never share a file:
- one file: `write_atomic` writes a temporary file of its own next to the target (`tempfile.mkstemp`);
- several files that belong together (a report and its figures, the corpus tables): `staging(out)` gives
  the run a private staging folder in `out` (`tempfile.mkdtemp`), locked for as long as the run lives,
  and `publish` moves the finished files into place while holding a lock on the target folder, so two
  runs publish one whole set after the other.
What a killed run leaves behind is removed by the next run: staging folders whose lock nobody holds
(`remove_stale_staging`), and, for a folder a run owns (a corpus store, `RunLock`), its temporary files.
Messages name the path the user gave, never a staging folder or a temporary file.
"""
from __future__ import annotations

import fcntl
import os
import shutil
import tempfile
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

STAGING_PREFIX = ".newslens-staging-"
STAGING_LOCK = ".lock"
STAGING_GRACE_S = 600  # a staging folder whose run died before it took its lock is stale after this
TEMPORARY_SUFFIX = ".tmp"
RUN_LOCK = ".newslens-run.lock"


def write_atomic(target: str | Path, data: bytes) -> None:
    """Write bytes to a regular file atomically: a temporary file in the same folder, then os.replace.

    The caller has checked that `target` is a regular file or does not exist yet."""
    target = Path(target)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=TEMPORARY_SUFFIX)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp creates 0600; give the file the usual permissions
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def open_staging(out: Path) -> tuple[Path, int]:
    """A new staging folder in out, locked for as long as the returned descriptor stays open."""
    staging = Path(tempfile.mkdtemp(dir=out, prefix=STAGING_PREFIX))
    lock = os.open(staging / STAGING_LOCK, os.O_CREAT | os.O_RDWR, 0o600)
    fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    return staging, lock


@contextmanager
def staging(out: str | Path) -> Iterator[Path]:
    """A private staging folder inside `out` (so os.replace never crosses a file system), removed on exit,
    whatever happened; first, the staging folders killed runs left in `out` are removed."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    remove_stale_staging(out)
    folder, lock = open_staging(out)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        os.close(lock)


def publish(staging_folder: Path, out: Path, names: Iterable[Path]) -> None:
    """Move finished files from the staging folder into out; os.replace is atomic, so each file appears
    whole, and the lock on out makes concurrent runs publish one whole set after the other."""
    out.mkdir(parents=True, exist_ok=True)
    folder = os.open(out, os.O_RDONLY)
    try:
        fcntl.flock(folder, fcntl.LOCK_EX)
        for name in names:
            (out / name).parent.mkdir(parents=True, exist_ok=True)
            os.replace(staging_folder / name, out / name)
    finally:
        os.close(folder)  # releases the lock


def staging_is_stale(folder: Path) -> bool:
    """True when the run that made this staging folder has ended without removing it (killed)."""
    try:
        lock = os.open(folder / STAGING_LOCK, os.O_RDWR)
    except FileNotFoundError:  # its run died before taking the lock, or is about to take it
        try:
            return time.time() - folder.stat().st_mtime > STAGING_GRACE_S
        except OSError:
            return False
    except OSError:
        return False
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:  # held: its run is alive
        return False
    finally:
        os.close(lock)
    return True


def remove_stale_staging(out: Path) -> None:
    """Remove the staging folders that killed runs left in out."""
    try:
        entries = list(os.scandir(out))
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith(STAGING_PREFIX) and entry.is_dir(follow_symlinks=False) \
                and staging_is_stale(Path(entry.path)):
            shutil.rmtree(entry.path, ignore_errors=True)


def remove_temporary_files(folder: Path) -> None:
    """Remove the temporary files `write_atomic` leaves when its process is killed (`.NAME.XXXX.tmp`);
    only safe while no other run writes into the folder (see RunLock)."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith(".") and entry.name.endswith(TEMPORARY_SUFFIX) \
                and entry.is_file(follow_symlinks=False):
            Path(entry.path).unlink(missing_ok=True)


class RunLock:
    """Marks a folder as in use by a run for as long as the run lives (a shared lock on DIR/RUN_LOCK).

    `acquire` returns True when no other run is using the folder: only then may the run clear what
    killed runs left (their temporary files), since nothing else is writing there."""

    def __init__(self, folder: Path):
        self.path = Path(folder) / RUN_LOCK
        self.fd: int | None = None

    def acquire(self) -> bool:
        self.fd = os.open(self.path, os.O_CREAT | os.O_RDWR, 0o644)
        try:
            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            alone = True
        except OSError:
            alone = False
        return alone

    def share(self) -> None:
        """From here on, other runs may use the folder too."""
        assert self.fd is not None
        fcntl.flock(self.fd, fcntl.LOCK_SH)

    def release(self) -> None:
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None
