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
  leermodules results export --out sanne.json   je eigen resultaten, om te delen
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
HELP_VALIDATE_FORMAT = (
    "text (standaard): een regel per melding; json: één JSON-document voor andere programma's; "
    "github: meldingen als GitHub Actions-annotaties bij de regel in je repository"
)

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
NOT_A_REGULAR_PATH = "'{path}' is geen gewoon bestand of map (maar bijvoorbeeld een pijp of apparaat); geef een .yaml-bestand of een map met modules op"


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
NEW_NO_DIR = "map '{path}' bestaat niet; maak die eerst of kies een andere met --dir"
NEW_EXISTS = "'{path}' bestaat al; kies een andere id of map"
NEW_CREATED = """\
Nieuwe module gemaakt: {path}
Volgende stappen:
  1. Pas de tekst aan in je editor.
  2. Controleer je werk:   leermodules validate {folder}
  3. Probeer het uit:      leermodules run {folder}"""
NEW_SCHEMA = "Schema voor autoaanvulling in je editor: {path} (zie 'Autoaanvulling in VS Code' in de auteurshandleiding)"

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

# team (teamschouw)
HELP_TEAM = "combineer resultatenbestanden van collega's tot een teamschouw"
DESC_TEAM = (
    "Leest resultatenbestanden (gemaakt met 'leermodules results export') en toont per thema hoeveel "
    "collega's sterk staan en hoeveel willen groeien, welke modules gehaald zijn, en wie wie zou kunnen "
    "helpen. Kapotte of onbekende bestanden worden gemeld en overgeslagen."
)
HELP_TEAM_FILES = "resultatenbestanden (.json) van collega's"
HELP_TEAM_HTML = "schrijf ook een HTML-verslag met grafiek naar dit bestand"
HELP_TEAM_FORCE = "vervang het HTML-bestand als het al bestaat"
TEAM_NO_VALID = "geen enkel bruikbaar resultatenbestand; er is niets om te combineren"
TEAM_SKIPPED = "{count} bestand(en) overgeslagen."
TEAM_HTML_WRITTEN = "HTML-verslag geschreven naar {path}."
TEAM_HEADING = "Teamschouw van {count} collega's."
TEAM_COL_THEME = "Thema"
TEAM_COL_STRONG = "sterk"
TEAM_COL_GROWING = "groeit"
TEAM_COL_MIDDLE = "daartussen"
TEAM_COL_MEDIAN = "mediaan"
TEAM_COL_RATED = "ingevuld"
TEAM_COL_NOTE = "let op"
TEAM_COL_BAR = "sterk / groeit"
TEAM_COL_MODULE = "Module"
TEAM_COL_PASSED = "gehaald"
TEAM_COL_HELPER = "kan helpen"
TEAM_COL_LEARNER = "wil groeien"
TEAM_BAR_LEGEND = (
    "Balk: {strong} sterk (niveau 4 of hoger), {middle} daartussen, {growing} wil groeien (onder niveau 3).\n"
    "Niveaus lopen van 1 (nog onbekend) tot 5 (collega's vragen mij), zoals in de ontwikkelscan."
)
TEAM_FLAGS = {
    "niemand-sterk": "niemand in het team staat hier sterk: het team is hier kwetsbaar",
    "een-sterk": "maar één collega staat hier sterk: het team leunt op één persoon",
}
TEAM_MODULES_HEADING = "Gehaalde modules"
TEAM_PASSED = "{passed} van {members}"
TEAM_PAIRS_HEADING = "Wie kan wie helpen"
TEAM_PAIR = "{helper} ({helper_level}) kan {learner} ({learner_level}) helpen"
TEAM_NO_PAIRS = "Geen koppels: er is geen thema met zowel een sterke collega als iemand die wil groeien."
TEAM_HTML_TITLE = "Teamschouw"
TEAM_HTML_INTRO = "Het overzicht komt uit resultatenbestanden die collega's zelf gedeeld hebben. Het is een hulpmiddel om samen ontwikkelpunten te kiezen, geen beoordeling."
TEAM_HTML_THEMES = "Thema's"
TEAM_HTML_CHART_TITLE = "Per thema: aantal collega's dat sterk staat en aantal dat wil groeien"
TEAM_HTML_FOOTER = "Gemaakt met leermodules op {generated}."


# --- export (SCORM packages and the HTML preview) -------------------------------------------------

EXPORT_REFUSED = "Niets geschreven: {count} met fouten. Los de fouten hierboven op en exporteer opnieuw."
EXPORT_PROGRESS = "Exporteren {done}/{total}: {module}"
EXPORT_WRITTEN_ONE = "1 pakket ({label}) geschreven in {folder}:"
EXPORT_WRITTEN_MANY = "{count} pakketten ({label}) geschreven in {folder}:"
EXPORT_LINE = "  {name}  {size}"
EXPORT_HTML_HINT = "Open index.html in een map hierboven in je browser om de module te bekijken."


def export_size(size: int) -> str:
    """A file size as a trainer reads it: 12,3 kB or 1,4 MB (decimal comma)."""
    if size < 1000:
        return f"{size} bytes"
    if size < 1_000_000:
        return f"{size / 1000:.1f} kB".replace(".", ",")
    return f"{size / 1_000_000:.1f} MB".replace(".", ",")


# --- results export (a professional's own results file, for a teamschouw) ------------------------

HELP_RESULTS = "je eigen resultaten: exporteer ze naar een bestand om te delen"
DESC_RESULTS = "Je resultaten blijven op je computer. Met 'results export' maak je zelf een bestand om te delen, bijvoorbeeld voor een teamschouw."
HELP_RESULTS_EXPORT = "schrijf je resultaten (naam, ontwikkelscans, modules) naar een JSON-bestand"
DESC_RESULTS_EXPORT = (
    "Schrijft je eigen resultaten naar een JSON-bestand (zie docs/resultaten.md): de naam die je "
    "hebt ingesteld, elke keer dat je de ontwikkelscan deed (je niveau per thema), en per module de "
    "status, je beste score en het aantal pogingen. Je losse antwoorden staan er niet in. "
    "Afsluitcode 0: geschreven; 1: je voortgang kon niet worden gelezen; 2: verkeerd aangeroepen "
    "(geen naam, het bestand bestaat al, of de plek is niet schrijfbaar)."
)
HELP_RESULTS_OUT = "het bestand om te schrijven, bijvoorbeeld sanne.json"
HELP_RESULTS_NAME = "de naam in het bestand (standaard: de naam die je in de app hebt ingesteld)"
HELP_RESULTS_FORCE = "vervang het bestand als het al bestaat"
RESULTS_NO_NAME = (
    "er staat nog geen naam in je voortgang; geef je naam mee met --name \"Voornaam Achternaam\" "
    "of stel hem in de app in (toets e op het beginscherm)"
)
RESULTS_NAME_TOO_LONG = "de naam is te lang; gebruik hoogstens {limit} tekens"
FILE_EXISTS = "'{path}' bestaat al; kies een andere naam, of gebruik --force om het te vervangen"
RESULTS_NO_STORE = (
    "er is nog geen voortgang in {folder}: doe eerst een module of de ontwikkelscan, "
    "of wijs met --data-dir de map met je voortgang aan"
)
OS_REASONS = {
    "ENOENT": "die map bestaat niet",
    "EACCES": "je hebt geen toestemming om daar te schrijven",
    "EPERM": "je hebt geen toestemming om daar te schrijven",
    "EISDIR": "dat is een map; geef een bestandsnaam",
    "ENOTDIR": "een deel van het pad is geen map",
    "ENOSPC": "de schijf is vol",
    "EROFS": "die schijf is alleen-lezen",
    "ENAMETOOLONG": "de naam is te lang",
    "ELOOP": "dat is geen gewoon bestand maar een symbolische koppeling, pijp of apparaat; leermodules schrijft daar niet doorheen",
}


def os_reason(exc: OSError) -> str:
    """Why a file could not be written, in Dutch."""
    import errno as _errno

    from engine.messages import os_error

    code = _errno.errorcode.get(exc.errno or 0, "")
    return OS_REASONS.get(code) or os_error(exc)


def cannot_write(path, exc: OSError) -> str:
    """Why `path` was not written: it exists (and --force was not given), or the reason in Dutch."""
    if isinstance(exc, FileExistsError):
        return FILE_EXISTS.format(path=path)
    return CANNOT_WRITE.format(path=path, reason=os_reason(exc))


def results_written(path, name: str, scans: int, modules: int, passed: int) -> str:
    keer = "1 keer" if scans == 1 else f"{scans} keer"
    return (
        f"Resultaten van {name} geschreven naar {path}: {keer} de ontwikkelscan, "
        f"{modules} {'module' if modules == 1 else 'modules'} ({passed} gehaald of afgerond).\n"
        "Het bestand verlaat je computer alleen als jij het deelt."
    )


# --- certificaat (a printable page for a passed module) ------------------------------------------------
HELP_CERTIFICATE = "schrijf een certificaat (HTML, om te printen) voor een module die je hebt gehaald"
DESC_CERTIFICATE = (
    "Schrijft een certificaat als HTML-pagina om te printen of als PDF te bewaren: je naam, de module en\n"
    "haar versie, de datum waarop je de toets haalde, je beste score en de studietijd."
)
HELP_CERTIFICATE_MODULE = "de id van een meegeleverde module (bijvoorbeeld veiligheid), of het pad naar een module"
HELP_CERTIFICATE_OUT = "het bestand om te schrijven (standaard: certificaat-MODULE.html)"
HELP_CERTIFICATE_NAME = "je naam op het certificaat (wordt bewaard; standaard: de naam die je al hebt ingesteld)"
HELP_CERTIFICATE_FORCE = "vervang het bestand als het al bestaat"
CERT_NO_NAME = "er staat nog geen naam in je voortgang; geef je naam één keer mee met --name \"Voornaam Achternaam\""
CERT_UNKNOWN_MODULE = "er is geen module '{module}'; kies uit: {known}"
CERT_NOT_PASSED = "je hebt de toets van '{title}' nog niet gehaald; een certificaat is er pas als je bent geslaagd"
CERT_NO_ASSESSMENT = "'{title}' heeft geen toets; een certificaat is er alleen voor een module met een toets"
CERT_WRITTEN = "Certificaat voor {name} ({title}) geschreven naar {path}. Open het in je browser om het te printen."

# the page itself
CERT_TITLE = "Certificaat"
CERT_INTRO = "Hierbij verklaren we dat"
CERT_COMPLETED = "met goed gevolg de leermodule heeft afgerond"
CERT_VERSION = "Versie van de module"
CERT_DATE = "Toets gehaald op"
CERT_SCORE = "Beste score"
CERT_PASS_MARK = "nodig om te slagen"
CERT_MINUTES = "Studietijd"
CERT_FOOTER = "Gemaakt met leermodules op de computer van de deelnemer, uit de eigen voortgang. Module-id: {module_id}."
CERT_PRINT_HINT = "Printen: Ctrl+P (of ⌘P) in je browser, of kies 'Opslaan als PDF'."
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december")


def long_date(day) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def cert_percent(value: float) -> str:
    return f"{value:.0f}%" if abs(value - round(value)) < 0.05 else f"{value:.1f}%".replace(".", ",")


def cert_minutes(minutes: int) -> str:
    if minutes < 60:
        return f"{minutes} minuten"
    hours, rest = divmod(minutes, 60)
    return f"{hours} uur" + (f" en {rest} minuten" if rest else "")


# --- lrs: xAPI statements to a Learning Record Store (leermodules/commands/lrs.py) ------------------

HELP_LRS = "stuur je leeractiviteit naar een LRS (Learning Record Store) van je team of academie"
DESC_LRS = (
    "Koppel de app aan een LRS (xAPI). Alleen als jij koppelt, gaat er iets naar de LRS: wat je "
    "doet wordt altijd op je eigen computer bewaard, en na het koppelen op de achtergrond verstuurd."
)
HELP_LRS_KOPPEL = "koppel aan een LRS (het xAPI-adres, bijvoorbeeld https://lrs.academie.nl/xAPI/)"
HELP_LRS_URL = "het xAPI-adres van de LRS"
HELP_LRS_USER = "je gebruikersnaam bij de LRS (of LEERMODULES_LRS_GEBRUIKER); het wachtwoord wordt gevraagd of komt uit LEERMODULES_LRS_WACHTWOORD"
HELP_LRS_NAME = "de naam die je team in de teamschouw ziet (zonder: een willekeurige code)"
HELP_LRS_EMAIL = "stuur je e-mailadres mee in plaats van een willekeurige code (alleen als je dat wilt)"
HELP_LRS_GROUP = "je team of groep, voor 'leermodules team --lrs URL --groep NAAM'"
HELP_LRS_RESPONSES = "stuur ook je antwoorden zelf mee (zonder: alleen of ze goed waren en je score)"
HELP_LRS_EARLIER = "stuur ook wat je deed vóór het koppelen (zonder: alleen vanaf nu)"
HELP_LRS_ACCOUNT = "de code waaronder je in de LRS staat (zonder: een nieuwe willekeurige code, of de code van je vorige koppeling)"
HELP_LRS_STATUS = "laat zien of je gekoppeld bent, wat er klaarstaat en wat er verstuurd is"
HELP_LRS_ONTKOPPEL = "stop met versturen en vergeet de LRS en je wachtwoord"
HELP_LRS_VERSTUUR = "verstuur nu wat klaarstaat (de app doet dat ook zelf op de achtergrond)"
HELP_TEAM_LRS = "maak de teamschouw uit een LRS in plaats van uit bestanden (met --groep)"
HELP_TEAM_GROUP = "de groep waarvan je de teamschouw wilt zien (zoals gekoppeld met --groep)"

LRS_BAD_URL = "'{url}' is geen bruikbaar LRS-adres; geef een http- of https-adres, bijvoorbeeld https://lrs.academie.nl/xAPI/"
LRS_NO_USER = "geen gebruikersnaam voor de LRS; geef --gebruiker NAAM of zet LEERMODULES_LRS_GEBRUIKER"
LRS_NO_PASSWORD = "geen wachtwoord voor de LRS; zet LEERMODULES_LRS_WACHTWOORD of start het commando in een terminal, dan wordt het gevraagd"
LRS_PASSWORD_PROMPT = "Wachtwoord voor {user} bij de LRS: "
LRS_USER_PROMPT = "Gebruikersnaam bij de LRS: "
LRS_BAD_EMAIL = "'{email}' is geen e-mailadres"
LRS_AUTH_REFUSED = "de LRS weigert deze gebruikersnaam en dit wachtwoord ({detail}); er is niets gekoppeld"
LRS_REFUSED = "de LRS weigert het verzoek ({detail}); er is niets gekoppeld"
LRS_OFFLINE_AT_KOPPEL = "De LRS is nu niet bereikbaar ({detail}). De koppeling is wel bewaard; de app verstuurt zodra de LRS bereikbaar is."
LRS_LINKED = "Gekoppeld aan {endpoint} als {who}."
LRS_SHARES = "Wat er verstuurd wordt: {what}."
LRS_SHARE_ALWAYS = "welke modules je begint, welke pagina's je leest, of je antwoorden goed zijn, je toetsscores en je ontwikkelscans"
LRS_SHARE_RESPONSES = "je antwoorden zelf"
LRS_SHARE_NAME = "je naam '{name}'"
LRS_SHARE_GROUP = "je groep '{group}'"
LRS_SHARE_EARLIER = "ook wat je vóór het koppelen deed"
LRS_SHARE_FROM_NOW = "alleen wat je vanaf nu doet"
LRS_CONFIG_AT = "De koppeling en je wachtwoord staan in {path} (alleen voor jou leesbaar), niet in je voortgang."
LRS_NOT_LINKED = "Niet gekoppeld aan een LRS: er wordt niets verstuurd."
LRS_STATUS_LINKED = "Gekoppeld aan {endpoint} als {who} (gebruiker {user})."
LRS_STATUS_COUNTS = "Klaar om te versturen: {waiting}. Verstuurd: {sent}."
LRS_STATUS_HELD = "Niet verstuurd (van vóór het koppelen, niet gekozen): {held}."
LRS_STATUS_REFUSED = "Geweigerd door de LRS (bewaard op deze computer, niet opnieuw verstuurd): {refused}. Meld dit aan je academie."
LRS_STATUS_LAST_SENT = "Laatst verstuurd: {when}."
LRS_STATUS_LAST_ERROR = "Laatste fout: {error}"
LRS_STATUS_NO_ERROR = "Laatste poging: gelukt."
LRS_STATUS_LOCAL = "Op deze computer bewaard: {count} leeractiviteit(en)."
LRS_ERRORS = {
    "offline": "de LRS is niet bereikbaar ({detail}); wat klaarstaat blijft bewaard en gaat later mee",
    "auth": "de LRS weigert je gebruikersnaam of wachtwoord ({detail}); koppel opnieuw met 'leermodules lrs koppel'",
    "rejected": "de LRS weigert de gegevens ({detail}); ze blijven bewaard",
    "server": "de LRS gaf een fout ({detail}); wat klaarstaat blijft bewaard en gaat later mee",
}
LRS_UNLINKED = "Ontkoppeld: er wordt niets meer verstuurd; je wachtwoord is vergeten. Wat al verstuurd is, staat nog in de LRS."
LRS_WAS_NOT_LINKED = "Er was geen koppeling."
LRS_SENT = "{sent} verstuurd; {waiting} staat nog klaar."
LRS_NO_STORE = "nog geen voortgang in {folder}; er is niets om te versturen"
LRS_CONFIG_UNREADABLE = "{path}: kan het koppelbestand niet lezen ({reason}); koppel opnieuw met 'leermodules lrs koppel'"
LRS_CONFIG_DAMAGED = "{path}: het koppelbestand is beschadigd; koppel opnieuw met 'leermodules lrs koppel'"
LRS_CONFIG_UNWRITABLE = "{path}: kan het koppelbestand niet schrijven ({reason})"
TEAM_LRS_NO_GROUP = "--lrs heeft --groep NAAM nodig: de groep waarvan je de teamschouw wilt zien"
TEAM_SOURCES = "geef resultatenbestanden óf --lrs URL --groep NAAM, niet allebei en niet geen van beide"
TEAM_LRS_EMPTY = "de LRS heeft niets van groep '{group}'; koppelen de collega's met --groep {group}?"
TEAM_LRS_FAILED = "kan de teamschouw niet uit de LRS halen: {error}"
