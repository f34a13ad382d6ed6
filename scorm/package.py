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
import posixpath
import secrets
import shutil
import tempfile
import zipfile
from pathlib import Path
from urllib.parse import quote, unquote

from engine.codec import SUSPEND_DATA_LIMIT_SCORM12, worst_case_length
from engine.model import Module
from scorm import markdown, messages
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


def media_files(module: Module) -> list[str]:
    """Every image a page shows, as a path inside the module folder (and the package), in order."""
    seen: dict[str, None] = {}
    for page in module.pages:
        for media in page.media:
            seen.setdefault(_clean(media.file), None)
        if page.body:
            for src in markdown.image_sources(page.body):
                seen.setdefault(_clean(unquote(src)), None)
    return list(seen)


def _clean(path: str) -> str:
    return posixpath.normpath(path.replace("\\", "/"))


def check_fits(module: Module, fmt: Format, shown_path: str) -> None:
    limit = SUSPEND_LIMITS.get(fmt.name)
    if limit is None:
        return
    needed = worst_case_length(module)
    if needed > limit:
        raise ExportRefused(messages.suspend_data_too_long(shown_path, fmt.label, needed, limit))


def package_files(module: Module, folder: Path, fmt: Format) -> dict[str, bytes]:
    files: dict[str, bytes] = {
        ENTRY: render_index(module).encode("utf-8"),
        "player.js": player_js(fmt.runtime).encode("utf-8"),
        "player.css": player_css().encode("utf-8"),
    }
    for name in media_files(module):
        files[name] = (folder / name).read_bytes()
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
    files = package_files(module, module_file.parent, fmt)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / fmt.target_name(module)
    if fmt.zipped:
        _replace_file(zip_bytes(files), target)
        return target
    work = Path(tempfile.mkdtemp(prefix=".leermodules-", dir=out_dir))
    try:
        staged = work / "pakket"
        for name, content in files.items():
            path = staged / name
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


def zip_bytes(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        # the manifest first: some LMSs look for it at the start of the archive
        for name in sorted(files, key=lambda n: (n != MANIFEST, n)):
            info = zipfile.ZipInfo(name, _ZIP_TIME)
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
