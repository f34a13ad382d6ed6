"""Every Dutch text the command line and the terminal app show, in one place.

(Messages about a module file itself live in `engine.messages`.)
"""

# --- command line -----------------------------------------------------------------------------------

CLI_DESCRIPTION = """\
leermodules: e-learning voor sociale wijkteams, geschreven als platte tekst.

Zonder commando start de terminal-app met de meegeleverde modules.

voorbeelden:
  leermodules validate                 controleer de meegeleverde modules
  leermodules validate mijn-module/    controleer je eigen module(s)
  leermodules new signalen-lvb         begin een nieuwe module
  leermodules schema --out module.schema.json
"""
USAGE_ERROR = "{message} (zie 'leermodules --help')"
HELP_VERSION = "toon het versienummer en stop"
HELP_DATA_DIR = "map voor je voortgang (standaard de gebruikersmap van je systeem; ook via LEERMODULES_DATA_DIR)"
HELP_PATHS = "een modulebestand (.yaml) of een map met modules; zonder pad: de meegeleverde modules"

HELP_VALIDATE = "controleer modules en meld elke fout met bestand, regel en kolom"
DESC_VALIDATE = (
    "Controleert modulebestanden. Elke fout staat op een eigen regel als "
    "bestand:regel:kolom: wat er mis is; hoe je het oplost. Afsluitcode 0: alles in orde; "
    "1: een of meer modules bevatten fouten; 2: verkeerd aangeroepen."
)
HELP_STRICT = "tel waarschuwingen ook als fouten"

HELP_SCHEMA = "geef het JSON Schema van het moduleformaat (voor autoaanvulling in je editor)"
DESC_SCHEMA = (
    "Geeft het JSON Schema van het moduleformaat. Met een editor die YAML-schema's kent "
    "(zoals VS Code met de YAML-extensie) krijg je dan aanvulling en uitleg bij elke sleutel."
)
HELP_SCHEMA_OUT = "schrijf het schema naar dit bestand in plaats van naar het scherm"

HELP_NEW = "maak een nieuwe module om mee te beginnen"
DESC_NEW = (
    "Maakt een map ID/ met daarin module.yaml: een kleine, geldige module met een voorbeeld "
    "van elke soort vraag, die je daarna aanpast."
)
HELP_NEW_ID = "de id van de module: kleine letters, cijfers en streepjes, bijvoorbeeld signalen-lvb"
HELP_NEW_DIR = "de map waarin de nieuwe module komt (standaard: de huidige map)"

HELP_EXPORT = "maak SCORM-pakketten (of een HTML-voorvertoning) van modules"
DESC_EXPORT = "Maakt per module één pakket voor een leeromgeving (LMS). Ongeldige modules worden geweigerd; er wordt dan niets geschreven."
HELP_EXPORT_FORMAT = "scorm12 (standaard), scorm2004 of html (een map om zonder LMS te bekijken)"
HELP_EXPORT_OUT = "de map waarin de pakketten komen (standaard: export)"

HELP_RUN = "open de terminal-app met modules uit een bestand of map"
DESC_RUN = "Opent de terminal-app. Zonder pad: de meegeleverde modules."

TUI_NOT_YET = (
    "De terminal-app voor lerenden is nog in aanbouw. "
    "Wat nu al werkt: 'leermodules validate', 'leermodules new ID' en 'leermodules schema' "
    "(zie 'leermodules --help')."
)
INTERRUPTED = "Afgebroken."

# validate
PATH_MISSING = "pad '{path}' bestaat niet"
NO_MODULES_FOUND = "geen modulebestanden (.yaml) gevonden in '{path}'"


def validate_summary(files: int, valid: int, errors: int, warnings: int) -> str:
    def count(n: int, one: str, many: str) -> str:
        return f"{n} {one if n == 1 else many}"

    text = f"{count(files, 'module', 'modules')} gecontroleerd: "
    if valid == files:
        text += "alles in orde" if files != 1 else "in orde"
    else:
        text += f"{count(files - valid, 'module', 'modules')} met fouten ({count(errors, 'fout', 'fouten')})"
    if warnings:
        text += f", {count(warnings, 'waarschuwing', 'waarschuwingen')}"
    return text + "."


# schema
SCHEMA_WRITTEN = "Schema geschreven naar {path}."
CANNOT_WRITE = "kan '{path}' niet schrijven ({reason})"

# new
BAD_NEW_ID = "'{id}' is geen geldige id; gebruik kleine letters, cijfers en streepjes, bijvoorbeeld '{example}'"
NEW_EXISTS = "'{path}' bestaat al; kies een andere id of map"
NEW_CREATED = """\
Nieuwe module gemaakt: {path}
Volgende stappen:
  1. Pas de tekst aan in je editor.
  2. Controleer je werk:   leermodules validate {folder}
  3. Probeer het uit:      leermodules run {folder}"""

# argparse's own words (it looks them up through gettext; `cli` routes them here)
ARGPARSE = {
    "usage: ": "gebruik: ",
    "positional arguments": "argumenten",
    "options": "opties",
    "show this help message and exit": "toon deze hulp en stop",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "the following arguments are required: %s": "deze argumenten ontbreken: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "ongeldige keuze: %(value)r (kies uit %(choices)s)",
    "expected one argument": "verwacht één waarde",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
}
