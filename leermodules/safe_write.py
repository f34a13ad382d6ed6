"""Writing a file the user named (a results file, a team report), in one step and never through a link.

The text goes to a new file next to the target first and is then moved into place, so a failed
write never leaves half a file. An existing target is only replaced when asked; a symbolic link,
a pipe or a device at the target is never written through or replaced, not even when asked (the
user names a file; what the link points to may be anyone's). Errors are OSErrors, so a caller
says why in Dutch with `strings.os_reason`.
"""

from __future__ import annotations

import errno
import os
import secrets
import stat
from pathlib import Path

NOT_A_REGULAR_FILE = errno.ELOOP  # the errno for a target that is a link, pipe or device


def check_target(target: Path, *, overwrite: bool) -> None:
    """Raise the OSError `write_file` would raise for `target` before writing anything."""
    try:
        mode = os.lstat(target).st_mode
    except FileNotFoundError:
        return
    except NotADirectoryError:
        return  # writing says so, with the reason for the folder
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(target))
    if not stat.S_ISREG(mode):
        raise OSError(NOT_A_REGULAR_FILE, os.strerror(NOT_A_REGULAR_FILE), str(target))
    if not overwrite:
        raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(target))


def write_file(target: Path, text: str, *, overwrite: bool) -> None:
    """Write `text` (UTF-8) to `target` in one step. FileExistsError if it exists and `overwrite`
    is False; OSError(ELOOP) if it is a symbolic link, pipe or device; another OSError if it
    cannot be written (nothing is left behind then)."""
    target = Path(target)
    check_target(target, overwrite=overwrite)
    aside = target.with_name(f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(aside, flags, 0o666)  # the umask decides, as for any file the user writes
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if overwrite:
            check_target(target, overwrite=True)  # still no link, pipe or device in the way
            os.replace(aside, target)  # replaces a link itself, never what it points to
        else:
            _move_if_absent(aside, target)
    finally:
        try:
            os.unlink(aside)
        except FileNotFoundError:
            pass


def _move_if_absent(aside: Path, target: Path) -> None:
    """Give `aside` the name `target` only if nothing has that name: a hard link fails if anything
    (even a dangling link) appeared there since the check, so nothing is ever overwritten."""
    try:
        os.link(aside, target, follow_symlinks=False)
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK, errno.ENOSYS):
            raise
        check_target(target, overwrite=False)  # a file system without hard links
        os.replace(aside, target)
