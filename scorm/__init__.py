"""The compiler: a module becomes a SCORM 1.2 or 2004 package, or a standalone HTML preview.

Layers: `player_data` and `render` turn the engine's model into the player's files (jinja2
templates in `templates/`, the hand-written JS and CSS in `player/`); `manifest12` and
`manifest2004` write each version's manifest with lxml; `formats` holds one strategy per
format; `package` assembles and writes a package atomically. Depends on `engine` only.
"""

from scorm.formats import FORMATS, Format
from scorm.package import ExportRefused, export_module, package_files

__all__ = ["FORMATS", "Format", "ExportRefused", "export_module", "package_files"]
