"""Where results go: atomically into regular files, straight into streams, never over a special file.

A regular file (new or existing) is written as `newslens.io.publish` writes every output: a temporary file
next to it, moved into place with `os.replace`, so a reader sees the old file or the new one, never
half of one, and a failed run leaves the previous result as it was. A symlink is written through to the file it points at (the
link stays a link). A FIFO or a character device (`/dev/stdout`, `/dev/null`, a terminal) cannot be
replaced without destroying it, so it is written to directly. Anything else (a directory, a block
device, a socket) is refused. Error messages name the path the user gave, never the temporary file.
"""
from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

from newslens.exceptions import OutputError
from newslens.io.publish import write_atomic

STDOUT = "-"


def file_kind(mode: int) -> str:
    """A file type in words, for messages that say what a path is."""
    kinds = [(stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a named pipe (FIFO)"),
             (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")]
    return next((name for test, name in kinds if test(mode)), "a special file")


def reason(exc: OSError) -> str:
    """The OS's reason without the file names it may carry (a temporary file is no concern of the user's)."""
    return exc.strerror or type(exc).__name__


def write_stdout(data: bytes) -> None:
    stream = getattr(sys.stdout, "buffer", None)
    if stream is None:  # a replaced text-only stdout (some embedding environments)
        sys.stdout.write(data.decode("utf-8"))
    else:
        stream.write(data)
    sys.stdout.flush()


def write_bytes(data: bytes, output: str | Path | None) -> None:
    """Write to stdout (None or "-"), a regular file (atomically), or a FIFO or character device (directly)."""
    if output is None or str(output) == STDOUT:
        write_stdout(data)
        return
    user_path = str(output)
    target = Path(os.path.realpath(output))  # through symlinks: replace the file, not the link
    try:
        mode = target.stat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise OutputError(f"{user_path}: cannot write: {reason(exc)}") from None
    try:
        if mode is None or stat.S_ISREG(mode):
            write_atomic(target, data)
        elif stat.S_ISFIFO(mode) or stat.S_ISCHR(mode):
            with open(target, "wb") as stream:
                stream.write(data)
        else:
            raise OutputError(f"{user_path}: is {file_kind(mode)}; the output must be a regular file, "
                              "a FIFO or a character device")
    except OSError as exc:
        raise OutputError(f"{user_path}: cannot write: {reason(exc)}") from None


def write_text(text: str, output: str | Path | None) -> None:
    """UTF-8 text to stdout or a file, as write_bytes does."""
    write_bytes(text.encode("utf-8"), output)
