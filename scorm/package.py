"""Assemble one module's package and put it in place in one step.

`package_files` returns every file of the package (path inside the package -> bytes), with the
manifest listing exactly the other files. `export_module` writes them into a temporary entry in
the output folder and moves that into place only when it is complete, so a failed export never
leaves a half-written package and never touches the module's own folder.
"""

from __future__ import annotations

import contextlib
import io
import os
import secrets
import shutil
import tempfile
import zipfile
from pathlib import Path, PureWindowsPath
from urllib.parse import quote

from engine import media
from engine.codec import SUSPEND_DATA_LIMIT_SCORM12, worst_case_length
from engine.model import Module
from scorm import messages
from scorm.formats import Format
from scorm.render import player_css, player_js, render_index

ENTRY = "index.html"
MANIFEST = "imsmanifest.xml"
#: SCORM 2004 guarantees at least 64,000 characters of cmi.suspend_data.
SUSPEND_DATA_LIMIT_SCORM2004 = 64000
SUSPEND_LIMITS = {"scorm12": SUSPEND_DATA_LIMIT_SCORM12, "scorm2004": SUSPEND_DATA_LIMIT_SCORM2004}
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # fixed, so the same module always gives the same bytes
#: zlib level 4 takes about half the time of the default 6 for packages about 5% larger (levels 1-3
#: use zlib's fast strategy and give 10-20% larger packages).
ZIP_LEVEL = 4


class ExportRefused(Exception):
    """A valid module that cannot be exported in this format; the message says why, in Dutch."""


def media_files(module: Module, folder: Path, shown_path: str | None = None) -> list[str]:
    """Every image the module shows, as a path inside its folder and the package, in order: the
    files `validate` approved (`engine.media`); any problem refuses the export."""
    found = media.module_media(module, folder)
    if found.problems:
        problem = found.problems[0]
        raise ExportRefused(messages.media_refused(shown_path or str(folder), problem.message, problem.hint))
    return found.names


def check_fits(module: Module, fmt: Format, shown_path: str) -> None:
    limit = SUSPEND_LIMITS.get(fmt.name)
    if limit is None:
        return
    needed = worst_case_length(module)
    if needed > limit:
        raise ExportRefused(messages.suspend_data_too_long(shown_path, fmt.label, needed, limit))


def package_files(module: Module, folder: Path, fmt: Format, shown_path: str | None = None) -> dict[str, bytes]:
    files: dict[str, bytes] = {
        ENTRY: render_index(module).encode("utf-8"),
        "player.js": player_js(fmt.runtime).encode("utf-8"),
        "player.css": player_css().encode("utf-8"),
    }
    for name in media_files(module, folder, shown_path):
        try:
            files[name] = media.read_media(folder, name)  # checked again as it is opened
        except media.MediaError as exc:
            raise ExportRefused(messages.media_refused(shown_path or str(folder), *exc.message)) from None
    if fmt.manifest is not None:
        files[MANIFEST] = fmt.manifest(module, [quote(n) for n in files], ENTRY)
    return files


def export_module(
    module: Module, module_file: Path, fmt: Format, out_dir: Path, shown_path: str | None = None, *, fits_checked: bool = False
) -> Path:
    """Write the package of `module` (read from `module_file`) into `out_dir`; return its path.
    `fits_checked`: the caller already ran `check_fits` for this module and format."""
    if not fits_checked:
        check_fits(module, fmt, shown_path or str(module_file))
    files = package_files(module, module_file.parent, fmt, shown_path or str(module_file))
    return write_package(files, out_dir / fmt.target_name(module), zipped=fmt.zipped)


def write_package(files: dict[str, bytes], target: Path, *, zipped: bool) -> Path:
    """Put the package `files` (from `package_files`) at `target`, a zip or a folder, in one step."""
    target.parent.mkdir(parents=True, exist_ok=True)
    out_dir = target.parent
    if zipped:
        _replace_file(zip_bytes(files), target)
        return target
    work = Path(tempfile.mkdtemp(prefix=".leermodules-", dir=out_dir))
    try:
        staged = work / "pakket"
        for name, content in files.items():
            path = staged / entry_name(name)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
        _replace_folder(staged, target, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return target


def _replace_file(content: bytes, target: Path) -> None:
    """Write `content` beside `target` under a hidden temporary name, then move it into place."""
    staged = target.with_name(f".leermodules-{secrets.token_hex(8)}.tmp")
    try:
        with open(staged, "xb") as out:  # permissions as for any new file (umask), unlike mkstemp's 0600
            out.write(content)
        os.replace(staged, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(staged)
        raise


class UnsafeEntry(ExportRefused):
    """A name that would put a file of the package outside it (a last guard: validated modules
    never get here)."""


def entry_name(name: str) -> str:
    """`name` if it is a safe path inside a package: relative, '/'-separated, without '.', '..',
    empty parts, a drive or a NUL; else raises `UnsafeEntry`."""
    parts = name.split("/")
    if (
        not name
        or "\0" in name
        or "\\" in name
        or PureWindowsPath(name).drive
        or any(part in ("", ".", "..") for part in parts)
    ):
        raise UnsafeEntry(messages.unsafe_entry(name))
    return name


def zip_bytes(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        # the manifest first: some LMSs look for it at the start of the archive
        for name in sorted(files, key=lambda n: (n != MANIFEST, n)):
            info = zipfile.ZipInfo(entry_name(name), _ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            # the level must go with each entry: zipfile ignores the archive's for a ZipInfo
            archive.writestr(info, files[name], compresslevel=ZIP_LEVEL)
    return buffer.getvalue()


def _replace_folder(staged: Path, target: Path, work: Path) -> None:
    """Move `staged` to `target`; an older `target` is moved aside first and removed after."""
    old = work / "oud"
    if target.exists():
        os.replace(target, old)
    try:
        os.replace(staged, target)
    except OSError:
        if old.exists():
            os.replace(old, target)
        raise
