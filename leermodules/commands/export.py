"""`leermodules export [PATH...] --format scorm12|scorm2004|html --out DIR`: one package per module.

Every module is checked first; if any has errors they are printed exactly as `validate` prints
them (located, relative paths) and nothing is written. A module whose progress could not fit in
the format's suspend_data is refused the same way. Then each package is written (atomically, see
`scorm.package`) with a progress bar on stderr when there are several, and a summary of the files
and their sizes.
"""

from __future__ import annotations

import sys
from pathlib import Path

from engine.loader import check_paths
from leermodules import strings as s
from leermodules.commands.paths import module_roots
from leermodules.terminal import one_line, printable


def run_export(paths: list[str], *, fmt: str, out: str) -> int:
    from scorm import FORMATS, ExportRefused
    from scorm.package import check_fits, package_files, write_package

    results = check_paths(module_roots(paths))
    cwd = Path.cwd()
    for result in results:
        for problem in result.problems:
            print(printable(str(problem.relative_to(cwd))), file=sys.stderr)
    invalid = [r for r in results if not r.ok]
    if invalid:
        count = f"{len(invalid)} module" if len(invalid) == 1 else f"{len(invalid)} modules"
        print(s.EXPORT_REFUSED.format(count=count), file=sys.stderr)
        return 1

    chosen = FORMATS[fmt]
    modules = [(result.path, result.module) for result in results if result.module is not None]  # all, as all are ok
    try:
        for path, module in modules:
            check_fits(module, chosen, _shown(path, cwd))
    except ExportRefused as exc:
        print(printable(str(exc)), file=sys.stderr)
        print(s.EXPORT_REFUSED.format(count="1 module"), file=sys.stderr)
        return 1

    # Every package is put together in memory first, so a module refused at this stage (a media
    # file that changed since the check) leaves no package of the others written either.
    out_dir = Path(out)
    written: list[Path] = []
    bar = _Progress(len(results))
    try:
        packages = []
        for path, module in modules:
            bar.step(module.id)
            files = package_files(module, path.parent, chosen, _shown(path, cwd))
            packages.append((files, out_dir / chosen.target_name(module)))
        for files, target in packages:
            written.append(write_package(files, target, zipped=chosen.zipped))
    except ExportRefused as exc:  # a media file changed between the check and the packing
        bar.done()
        print(printable(str(exc)), file=sys.stderr)
        print(s.EXPORT_REFUSED.format(count="1 module"), file=sys.stderr)
        return 1
    except OSError as exc:
        bar.done()
        print(f"leermodules: {printable(s.CANNOT_WRITE.format(path=out_dir, reason=s.os_reason(exc)))}", file=sys.stderr)
        return 1
    bar.done()

    template = s.EXPORT_WRITTEN_ONE if len(written) == 1 else s.EXPORT_WRITTEN_MANY
    print(printable(template.format(count=len(written), label=chosen.label, folder=out_dir)))
    width = max(len(one_line(p.name)) for p in written)
    for path in written:
        print(s.EXPORT_LINE.format(name=one_line(path.name).ljust(width), size=s.export_size(_size(path))))
    if not chosen.zipped:
        print(s.EXPORT_HTML_HINT)
    return 0


def _shown(path: Path, cwd: Path) -> str:
    try:
        return str(path.resolve().relative_to(cwd.resolve()))
    except ValueError:
        return str(path)


def _size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


class _Progress:
    """A progress bar on stderr for more than one module: redrawn in place on a terminal,
    one line per module otherwise (so logs stay readable)."""

    WIDTH = 24

    def __init__(self, total: int):
        self.total = total
        self.count = 0
        self.tty = sys.stderr.isatty()

    def step(self, module_id: str) -> None:
        if self.total < 2:
            return
        self.count += 1
        filled = round(self.WIDTH * (self.count - 1) / self.total)
        text = f"[{'#' * filled}{'.' * (self.WIDTH - filled)}] " + s.EXPORT_PROGRESS.format(
            done=self.count, total=self.total, module=module_id
        )
        if self.tty:
            print(f"\r\033[K{text}", end="", file=sys.stderr, flush=True)
        else:
            print(text, file=sys.stderr)

    def done(self) -> None:
        if self.total >= 2 and self.tty:
            done = s.EXPORT_PROGRESS.format(done=self.total, total=self.total, module="klaar")
            print(f"\r\033[K[{'#' * self.WIDTH}] " + done, file=sys.stderr)
