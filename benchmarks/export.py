"""How fast and how small is the SCORM export?

For every shipped module, measured in the same run and taking turns so both see the same
machine load:

- load+validate: ``engine.loader.check_module(path)`` (read, parse, validate, every check);
- export: ``scorm.export_module`` in SCORM 1.2 and in SCORM 2004 (render the page, assemble the
  player, build and write the manifest, zip, move into place), for the same modules. Each version
  starts cold (no Markdown rendering or player script kept from an earlier export), as one
  `leermodules export` command does.

It prints the median of each over all modules, the ratio export/load+validate per version (the
goal is at most 2), the size of every package without media (goal: under 150 KB) and the
player's JS+CSS size (goal: under 40 KB). With --check it exits 1 when a goal is missed.

    python3 benchmarks/export.py [--repeat 7] [--check] [--json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import content  # noqa: E402
from engine.loader import check_module, find_module_files  # noqa: E402
from scorm import FORMATS, export_module  # noqa: E402
from scorm.render import clear_caches, player_css, player_js  # noqa: E402

MAX_RATIO = 2.0
MAX_PACKAGE = 150_000
MAX_PLAYER = 40_000
PLAYER_FILES = {"index.html", "player.js", "player.css", "imsmanifest.xml"}


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--check", action="store_true", help="exit 1 when a goal is missed")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()

    files = find_module_files(content.folder())
    modules = []
    for path in files:
        result = check_module(path)
        if result.module is None:
            print(f"{path}: not valid, left out", file=sys.stderr)
            continue
        modules.append((path, result.module))

    load_times: list[float] = []
    export_times: dict[str, list[float]] = {"scorm12": [], "scorm2004": []}
    sizes: dict[str, dict[str, int]] = {"scorm12": {}, "scorm2004": {}}
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        for _ in range(args.repeat):
            load_times.append(sum(timed(lambda p=path: check_module(p)) for path, _ in modules))
            for version in export_times:
                fmt = FORMATS[version]
                clear_caches()  # each version measured as its own command would run: cold
                export_times[version].append(
                    sum(timed(lambda m=module, p=path: export_module(m, p, fmt, out / version)) for path, module in modules)
                )
        for version in sizes:
            for path, module in modules:
                package = out / version / FORMATS[version].target_name(module)
                with zipfile.ZipFile(package) as archive:
                    media = sum(i.compress_size for i in archive.infolist() if i.filename not in PLAYER_FILES)
                sizes[version][module.id] = package.stat().st_size - media

    load = statistics.median(load_times)
    report = {
        "modules": [m.id for _, m in modules],
        "load_validate_seconds": round(load, 4),
        "export_seconds": {v: round(statistics.median(t), 4) for v, t in export_times.items()},
        "ratio": {v: round(statistics.median(t) / load, 2) for v, t in export_times.items()},
        "package_bytes_without_media": sizes,
        "player_js_css_bytes": {
            v: len(player_js(FORMATS[v].runtime).encode()) + len(player_css().encode()) for v in export_times
        },
    }
    missed = [
        *(f"{v}: export {r}x load+validate (goal <= {MAX_RATIO})" for v, r in report["ratio"].items() if r > MAX_RATIO),
        *(f"{v}/{m}: {b} bytes (goal < {MAX_PACKAGE})" for v, s in sizes.items() for m, b in s.items() if b >= MAX_PACKAGE),
        *(f"{v}: player {b} bytes (goal < {MAX_PLAYER})" for v, b in report["player_js_css_bytes"].items() if b >= MAX_PLAYER),
    ]
    if args.json:
        print(json.dumps(report | {"missed": missed}, indent=2))
    else:
        print(f"{len(modules)} shipped modules, median of {args.repeat} runs")
        print(f"  load+validate, all modules: {load * 1000:.1f} ms")
        for version in export_times:
            seconds = report["export_seconds"][version]
            print(f"  export {version}, all modules: {seconds * 1000:.1f} ms = {report['ratio'][version]}x load+validate (goal <= {MAX_RATIO}x)")
        print("  package size without media (goal < 150 KB):")
        for version, per_module in sizes.items():
            for module_id, size in per_module.items():
                print(f"    {version:<10} {module_id:<24} {size / 1000:6.1f} KB")
        for version, size in report["player_js_css_bytes"].items():
            print(f"  player JS+CSS in {version}: {size / 1000:.1f} KB (goal < 40 KB)")
        print("  goals: " + ("all met" if not missed else "MISSED: " + "; ".join(missed)))
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
