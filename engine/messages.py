"""Every message a trainer can get about a module file, in Dutch, in one place.

Each function returns ``(what is wrong, how to fix it)``; the loader puts the file, line and
column in front. `docs/auteurshandleiding.md` explains the most common ones.
"""

from __future__ import annotations

import difflib
import errno
import math

Message = tuple[str, str]


#: Dutch words a trainer may write for an English key or kind, with what they most likely mean
#: (the first one allowed at that place is suggested).
DUTCH_WORDS: dict[str, tuple[str, ...]] = {
    "titel": ("title",),
    "naam": ("title",),
    "tekst": ("text", "body", "prompt"),
    "inhoud": ("body",),
    "samenvatting": ("summary",),
    "versie": ("version",),
    "taal": ("language",),
    "minuten": ("minutes",),
    "duur": ("minutes",),
    "leerdoel": ("objective",),
    "leerdoelen": ("objectives",),
    "doelen": ("objectives",),
    "bronnen": ("sources",),
    "bron": ("sources",),
    "pagina": ("pages",),
    "paginas": ("pages",),
    "pagina's": ("pages",),
    "vraag": ("prompt", "questions"),
    "vragen": ("questions",),
    "opdracht": ("prompt",),
    "tip": ("hint",),
    "uitleg": ("explanation", "body"),
    "toelichting": ("explanation",),
    "antwoord": ("answer", "accepted", "options"),
    "antwoorden": ("options", "accepted", "answer"),
    "opties": ("options",),
    "goed": ("correct",),
    "juist": ("correct",),
    "correct_antwoord": ("correct", "answer"),
    "terugkoppeling": ("feedback",),
    "soort": ("kind",),
    "type": ("kind",),
    "gewicht": ("weight",),
    "thema": ("theme",),
    "themas": ("themes",),
    "thema's": ("themes",),
    "afbeelding": ("media",),
    "afbeeldingen": ("media",),
    "plaatje": ("media",),
    "bestand": ("file",),
    "onderschrift": ("caption",),
    "toets": ("assessment",),
    "eindtoets": ("assessment",),
    "slaaggrens": ("pass_mark",),
    "pogingen": ("attempts",),
    "trekken": ("draw",),
    "stappen": ("steps",),
    "stap": ("steps", "goto"),
    "keuzes": ("choices",),
    "keuze": ("choices",),
    "punten": ("points",),
    "naar": ("goto",),
    "begin": ("start",),
    "paren": ("pairs",),
    "koppels": ("pairs",),
    "links": ("left",),
    "rechts": ("right",),
    "schaal": ("scale",),
    "begrippen": ("glossary",),
    "begrippenlijst": ("glossary",),
    "begrip": ("term",),
    "definitie": ("definition",),
    "betekenis": ("definition",),
    "beschrijving": ("description",),
    "gecontroleerd": ("reviewed",),
    "datum": ("date",),
    "door": ("by",),
    # question kinds
    "casus": ("scenario",),
    "meerkeuze": ("single",),
    "meerkeuzevraag": ("single",),
    "meervoudig": ("multiple",),
    "meerdere": ("multiple",),
    "juist_onjuist": ("true_false",),
    "waar_niet_waar": ("true_false",),
    "waar-niet-waar": ("true_false",),
    "waar_onwaar": ("true_false",),
    "stelling": ("true_false", "likert"),
    "volgorde": ("order",),
    "ordenen": ("order",),
    "koppelen": ("match",),
    "combineren": ("match",),
    "open": ("text",),
    "open_vraag": ("text",),
    "kort_antwoord": ("text",),
    "reflectie": ("reflection",),
    "schaalvraag": ("likert",),
}


def did_you_mean(word: str, options: list[str] | tuple[str, ...] | set[str]) -> str:
    """'bedoelde je ...?' with the allowed option closest to `word` (a Dutch word by its meaning,
    anything else by its spelling), or "" when none is close."""
    meant = next((o for o in DUTCH_WORDS.get(str(word).strip().lower(), ()) if o in options), None)
    if meant is not None:
        return f"bedoelde je '{meant}'?"
    close = difflib.get_close_matches(str(word), sorted(options), n=1, cutoff=0.6)
    return f"bedoelde je '{close[0]}'?" if close else ""


def _listing(options) -> str:
    return ", ".join(sorted({str(o) for o in options}))


# --- reading the file --------------------------------------------------------------------------

def file_too_large(size: int, limit: int) -> Message:
    return (
        f"bestand is te groot ({size / 1024 / 1024:.1f} MB, de grens is {limit // 1024 // 1024} MB)".replace(".", ","),
        "splits de module op in kleinere modules",
    )


_OS_ERRORS = {
    errno.ENOENT: "bestand of map bestaat niet",
    errno.EACCES: "geen toestemming",
    errno.EPERM: "geen toestemming",
    errno.EROFS: "alleen-lezen bestandssysteem",
    errno.ENOSPC: "schijf vol",
    errno.EDQUOT: "schijfquotum vol",
    errno.EISDIR: "dit is een map, geen bestand",
    errno.ENOTDIR: "een deel van het pad is geen map",
    errno.ELOOP: "te veel symbolische koppelingen (of een koppeling waar die niet mag)",
    errno.ENAMETOOLONG: "naam is te lang",
    errno.EEXIST: "bestaat al",
    errno.EBUSY: "bestand is in gebruik",
    errno.EIO: "lees- of schrijffout van de schijf",
    errno.ENXIO: "apparaat niet bereikbaar",
    errno.EMFILE: "te veel open bestanden",
    errno.ETXTBSY: "bestand is in gebruik",
}


def os_error(exc: OSError) -> str:
    """An operating-system error as a short Dutch phrase, chosen by errno (never the English strerror)."""
    code = exc.errno
    if code in _OS_ERRORS:
        return _OS_ERRORS[code]
    name = errno.errorcode.get(code or 0)
    return f"systeemfout {name}" if name else "onbekende systeemfout"


def unreadable(exc: OSError) -> Message:
    return (f"bestand kan niet gelezen worden ({os_error(exc)})", "controleer of het bestaat en leesbaar is")


def binary_file() -> Message:
    return ("dit is geen tekstbestand (het bevat een NUL-byte)", "geef een YAML-bestand op, opgeslagen als UTF-8-tekst")


def not_utf8() -> Message:
    return ("tekst is geen geldige UTF-8", "sla het bestand op met codering UTF-8")


def empty_file() -> Message:
    return ("bestand is leeg", "begin met 'id:', 'title:' en de andere sleutels; 'leermodules new ID' maakt een voorbeeld")


def only_comments() -> Message:
    return ("bestand bevat alleen commentaar (regels met '#')", "begin met 'id:', 'title:' en de andere sleutels; 'leermodules new ID' maakt een voorbeeld")


def control_character(code: int) -> Message:
    return (
        f"onzichtbaar stuurteken (code {code}) in de tekst",
        "verwijder het; het komt vaak mee bij kopiëren uit een tekstverwerker",
    )


def control_in_text(char: str) -> Message:
    """A control character inside a value, e.g. written as an escape ("\\a") in double quotes."""
    code = ord(char)
    shown = f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
    return (
        f"tekst bevat een stuurteken ({shown}) dat niet in een module kan",
        "haal het weg; tussen dubbele aanhalingstekens maakt '\\' met een letter zo'n teken, schrijf '\\\\' voor een backslash",
    )


def number_too_long(digits: int) -> Message:
    return (
        f"getal van {digits:,} cijfers is te lang".replace(",", "."),
        "een module heeft zulke getallen niet nodig; zet de waarde tussen aanhalingstekens als het tekst is",
    )


_ESCAPE_HINT = "gebruik enkele aanhalingstekens ('...') of schrijf '\\\\' voor een backslash"
_TAG_HINT = "verwijder de tag; een module bevat alleen tekst, getallen, lijsten en sleutels"
_DIRECTIVE_HINT = "haal de regel weg die met '%' begint; een module heeft die niet nodig"
#: libyaml's remaining English problems (those yaml_problem has no better wording for), in Dutch.
_YAML_PROBLEMS = {
    "exceeded maximum nesting depth": ("gegevens zijn te diep genest", "een module heeft zo'n diepe nesting niet nodig; controleer de inspringing"),
    "mapping keys are not allowed": ("sleutel met '? ' op een onverwachte plek", "schrijf 'sleutel: waarde' zonder '?'"),
    "found unexpected ':'": ("dubbele punt op een onverwachte plek", "zet tekst waarin ':' staat tussen aanhalingstekens"),
    "found an indentation indicator equal to 0": ("inspringing 0 na '|' of '>' kan niet", "laat het cijfer na '|' of '>' weg"),
    "did not find expected comment or line break": (
        "na '|' of '>' hoort niets meer op de regel",
        "zet de tekst op de regels eronder, verder ingesprongen",
    ),
    "did not find expected hexdecimal number": ("onvolledige code met '\\x', '\\u' of '\\U' in tekst tussen dubbele aanhalingstekens", _ESCAPE_HINT),
    "found invalid Unicode character escape code": ("ongeldige code met '\\u' of '\\U' in tekst tussen dubbele aanhalingstekens", _ESCAPE_HINT),
    "found unexpected document indicator": (
        "regel met '---' of '...' binnen tekst tussen aanhalingstekens",
        "sluit de tekst eerder af, of zet de regel verder in",
    ),
    "found unexpected end of stream": ("het bestand houdt onverwacht op", "controleer of elk aanhalingsteken en haakje gesloten is"),
    "did not find expected <document start>": ("tekst na het einde van het document ('...')", "haal de regel '...' weg"),
    "found incompatible YAML document": ("onbekende YAML-versie in de '%YAML'-regel", _DIRECTIVE_HINT),
    "found undefined tag handle": ("onbekende YAML-tag", _TAG_HINT),
    "did not find expected ',' or ']'": ("lijst tussen [ ] is niet goed afgesloten", "sluit af met ']' en zet tekst met een komma tussen aanhalingstekens"),
    "did not find expected ',' or '}'": ("sleutels tussen { } zijn niet goed afgesloten", "sluit af met '}' en zet tekst met een komma tussen aanhalingstekens"),
    "did not find expected whitespace": ("hier verwacht YAML een spatie", "zet een spatie na het teken ervoor"),
    "did not find expected alphabetic or numeric character": (
        "ongeldige naam voor een anker of verwijzing",
        "gebruik na '&' of '*' alleen letters, cijfers en streepjes",
    ),
}


def yaml_problem(
    problem: str,
    context: str,
    *,
    context_line: int | None = None,
    char: str = "",
    deeper: bool = False,
    shallower: bool = False,
    item_after_value: bool = False,
) -> Message:
    """Reword libyaml's parser messages into what a trainer can act on.

    `context_line` is the line where the construct that failed began (an opening quote or bracket);
    `char` is the character at the problem's position; `deeper` (`shallower`) says the problem's
    line is indented further (less far) than the keys on the line above it; `item_after_value` says
    a list item ('- ') follows a key that already has a value.
    """
    since = f" (begonnen op regel {context_line})" if context_line else ""
    if "tab character" in problem or "'\\t'" in problem:
        return ("tab gevonden", "YAML springt in met spaties; vervang de tab door spaties")
    if problem.startswith("mapping values are not allowed") and deeper:
        return (
            "deze regel springt verder in dan de regel erboven",
            "sleutels van hetzelfde onderdeel springen even ver in; controleer ook de regel erboven",
        )
    if item_after_value:
        return (
            "lijst-item onder een sleutel die al een waarde heeft",
            "een sleutel heeft tekst of een lijst, niet allebei; zet de tekst als eerste item met '- ' in de lijst",
        )
    if shallower:
        return (
            "deze regel springt minder ver in dan de regel erboven",
            "zet sleutels van hetzelfde onderdeel even ver in, of begin een nieuw lijst-item met '- '",
        )
    if problem.startswith("mapping values are not allowed"):
        return (
            "dubbele punt op een onverwachte plek",
            "zet tekst waarin ': ' staat tussen aanhalingstekens, of controleer de inspringing",
        )
    if problem.startswith("block sequence entries are not allowed"):
        return ("lijst-item ('- ') op een onverwachte plek", "zet het item op een eigen regel, ingesprongen onder de sleutel van de lijst")
    if problem.startswith("could not find expected ':'"):
        return ("hier verwacht YAML 'sleutel: waarde'", "zet een dubbele punt en een spatie na de sleutel, of controleer de inspringing")
    if problem.startswith("found undefined alias"):
        return ("verwijzing naar een onbekend anker", "definieer het anker eerst met '&naam' voordat je '*naam' gebruikt")
    if problem.startswith("found duplicate anchor") or problem.startswith("second occurrence"):
        first = f" (eerst op regel {context_line})" if context_line else ""
        return (f"dit anker ('&naam') komt twee keer voor{first}", "geef elk anker een eigen naam")
    if "another document" in problem:
        return ("meer dan één document in het bestand ('---')", "zet één module in één bestand en haal de regel '---' weg")
    if problem.startswith("found unknown escape character"):
        return (
            "onbekende code met '\\' in tekst tussen dubbele aanhalingstekens",
            "gebruik enkele aanhalingstekens ('...') of schrijf '\\\\' voor een backslash",
        )
    if "quoted scalar" in context and ("end of stream" in problem or "document" in problem):
        return (f"aanhalingsteken wordt niet gesloten{since}", "sluit de tekst af met hetzelfde aanhalingsteken")
    if "flow sequence" in context:
        return (f"lijst tussen [ ] is niet goed afgesloten{since}", "sluit af met ']' en zet tekst met een komma of dubbele punt tussen aanhalingstekens")
    if "flow mapping" in context:
        return (f"sleutels tussen {{ }} zijn niet goed afgesloten{since}", "sluit af met '}' en zet tekst met een komma of dubbele punt tussen aanhalingstekens")
    if "end of the stream" in problem or "end of stream" in problem:
        return ("het bestand houdt onverwacht op", "controleer of elk aanhalingsteken en haakje gesloten is")
    if problem.startswith("did not find expected key") or problem.startswith("expected <block end>"):
        return ("inspringing klopt niet", "onderdelen op hetzelfde niveau springen even ver in; een lijst-item begint met '- '")
    if problem.startswith("did not find expected '-' indicator"):
        return ("hier verwacht YAML een lijst-item", "begin elk item van de lijst met '- ' op dezelfde inspringing")
    if problem.startswith("did not find expected node content"):
        return ("hier ontbreekt een waarde", "schrijf een waarde, of zet tekst die met een leesteken begint tussen aanhalingstekens")
    if "cannot start any token" in problem:
        shown = char if char and char.isprintable() and not char.isspace() else "?"
        return (f"teken '{shown}' kan een waarde niet beginnen", "zet de tekst tussen aanhalingstekens")
    if "anchor" in context or "alias" in context:
        return ("ongeldige naam voor een anker of verwijzing", "gebruik na '&' of '*' alleen letters, cijfers en streepjes")
    if "nesting depth" in problem:  # libyaml's own limit, in case ours (MAX_DEPTH) did not come first
        return _YAML_PROBLEMS["exceeded maximum nesting depth"]
    for english, dutch in _YAML_PROBLEMS.items():
        if problem.startswith(english):
            return dutch
    if "tag" in context:
        return ("ongeldige YAML-tag ('!')", _TAG_HINT)
    if "directive" in context:
        return ("ongeldige '%'-regel", _DIRECTIVE_HINT)
    # never libyaml's English: every message a trainer sees is Dutch
    return ("geen geldige YAML", "controleer deze regel en de inspringing erboven")


def recursive_alias() -> Message:
    return ("een anker verwijst naar zichzelf", "verwijder de '*verwijzing' binnen het eigen '&anker'")


def too_deep(limit: int) -> Message:
    return (f"gegevens zijn dieper genest dan {limit} niveaus", "een module heeft zo'n diepe nesting niet nodig; controleer de inspringing")


def tag_not_allowed(tag: str) -> Message:
    shown = tag.replace("tag:yaml.org,2002:", "!!")
    return (f"YAML-tag '{shown}' is niet toegestaan", "verwijder de tag; een module bevat alleen tekst, getallen, lijsten en sleutels")


def key_not_text() -> Message:
    return ("een sleutel moet een woord zijn", "schrijf 'sleutel: waarde'; lijsten en mappings kunnen geen sleutel zijn")


def merge_key() -> Message:
    return ("samenvoegen met '<<' wordt niet ondersteund", "schrijf de sleutels voluit")


def duplicate_key(name: str, first_line: int) -> Message:
    return (f"sleutel '{name}' komt twee keer voor (eerst op regel {first_line})", "verwijder of hernoem één van beide")


def missing_item_dash(name: str, first_line: int) -> Message:
    return (
        f"sleutel '{name}' komt twee keer voor in hetzelfde lijst-item (eerst op regel {first_line}): hier begint vast een nieuw item",
        f"zet '- ' voor '{name}', op de plek van het streepje van het item erboven",
    )


def apostrophe_s() -> Message:
    return (
        "tekst die met 's begint (zoals 's avonds) leest YAML als tekst tussen enkele aanhalingstekens",
        "zet de hele tekst tussen dubbele aanhalingstekens, bijvoorbeeld: \"'s avonds ...\"",
    )


def quote_runs_on(end_line: int) -> Message:
    return (
        f"aanhalingsteken wordt op deze regel niet gesloten, dus leest YAML alles tot het volgende aanhalingsteken (regel {end_line}) als één tekst",
        "sluit de tekst op deze regel af met hetzelfde aanhalingsteken",
    )


def alias_bomb(total: int) -> Message:
    return (
        f"ankers en verwijzingen (&/*) zouden het bestand uitvouwen tot {total:,} onderdelen".replace(",", "."),
        "gebruik minder verwijzingen naar verwijzingen; schrijf de inhoud liever uit",
    )


def alias_text_bomb(total: int, limit: int) -> Message:
    return (
        f"ankers en verwijzingen (&/*) zouden het bestand uitvouwen tot {total:_} tekens tekst, meer dan {limit:_}".replace("_", "."),
        "herhaal lange teksten niet met '*'; schrijf ze uit of verwijs er minder vaak naar",
    )


def not_a_module(kind: str) -> Message:
    return (f"een module moet beginnen met sleutels zoals 'id:' en 'title:', niet met {kind}", "'leermodules new ID' maakt een voorbeeld")


# --- the model's types (pydantic errors, reworded) -------------------------------------------

def number(value: object) -> str:
    """A number as a message shows it: a very long one by its length, infinity and NaN as YAML writes them."""
    if isinstance(value, float) and not math.isfinite(value):
        return "-.inf" if value < 0 else ".inf" if value > 0 else ".nan"
    shown = str(value)
    return shown if len(shown) <= 20 else f"een getal van {len(shown.lstrip('-'))} cijfers"


def type_name(value: object) -> str:
    if value is None:
        return "niets (leeg)"
    if isinstance(value, bool):
        return f"de ja/nee-waarde {str(value).lower()}"
    if isinstance(value, float) and not math.isfinite(value):
        return "geen getal (.nan)" if math.isnan(value) else f"oneindig ({number(value)})"
    if isinstance(value, (int, float)):
        return f"het getal {number(value)}"
    if isinstance(value, str):
        return "tekst"
    if isinstance(value, list):
        return "een lijst"
    if isinstance(value, dict):
        return "sleutels met waarden"
    return type(value).__name__


def unknown_key(key: str, allowed: list[str]) -> Message:
    suggestion = did_you_mean(key, allowed)
    return (f"onbekende sleutel '{key}'", suggestion or f"toegestaan zijn: {_listing(allowed)}")


def missing_key(key: str) -> Message:
    return (f"verplichte sleutel '{key}' ontbreekt", f"voeg '{key}: ...' toe")


def expected_text(value: object) -> Message:
    hint = "zet de waarde tussen aanhalingstekens" if isinstance(value, (bool, int, float)) else "schrijf hier tekst"
    if isinstance(value, bool):
        hint += " (YAML leest yes/no/on/off/true/false als ja/nee)"
    return (f"verwacht tekst, maar dit is {type_name(value)}", hint)


def _number_hint(value: object, quoted: bool, example: str) -> str:
    """How to write a number, for a value that is not one: why it is text, if we can tell."""
    text = str(value).strip()
    if isinstance(value, str) and text.endswith("%"):
        return f"laat het %-teken weg en schrijf alleen het getal, zoals {text.rstrip('%').strip() or example}"
    if isinstance(value, str) and quoted:
        return f"haal de aanhalingstekens weg, zoals {text if text.replace('.', '', 1).isdigit() else example}"
    if isinstance(value, str) and "," in text and text.replace(",", "", 1).strip().isdigit():
        return f"schrijf een punt in plaats van een komma, zoals {text.replace(',', '.', 1)}"
    return f"schrijf alleen een getal, zoals {example}"


def expected_int(value: object, quoted: bool = False) -> Message:
    return (f"verwacht een heel getal, maar dit is {type_name(value)}", _number_hint(value, quoted, "30"))


def expected_number(value: object, quoted: bool = False) -> Message:
    return (f"verwacht een getal, maar dit is {type_name(value)}", _number_hint(value, quoted, "1 of 1.5"))


def expected_bool(value: object) -> Message:
    return (f"verwacht true of false, maar dit is {type_name(value)}", "schrijf true of false zonder aanhalingstekens")


def expected_list(value: object) -> Message:
    return (f"verwacht een lijst, maar dit is {type_name(value)}", "begin elk item op een nieuwe regel met '- '")


def expected_mapping(value: object) -> Message:
    return (f"verwacht sleutels met waarden, maar dit is {type_name(value)}", "schrijf 'sleutel: waarde' op aparte regels")


def bad_choice(value: object, allowed: list[str]) -> Message:
    suggestion = did_you_mean(str(value), allowed)
    return (f"'{value}' is geen geldige keuze", suggestion or f"kies uit: {', '.join(allowed)}")


def bad_kind(value: object) -> Message:
    from engine.model import KINDS

    if str(value).strip().lower() in ("meerkeuze", "meerkeuzevraag"):
        return (
            f"onbekende vraagsoort '{value}'",
            "bedoelde je 'single' (één goed antwoord) of 'multiple' (meer goede antwoorden)?",
        )
    suggestion = did_you_mean(str(value), KINDS)
    return (f"onbekende vraagsoort '{value}'", suggestion or f"kies uit: {', '.join(KINDS)}")


def guessed_kind(value: object) -> str | None:
    """The kind a trainer most likely meant by an unknown `kind` (checked as that kind meanwhile)."""
    from engine.model import KINDS

    meant = next((k for k in DUTCH_WORDS.get(str(value).strip().lower(), ()) if k in KINDS), None)
    if meant is not None:
        return meant
    close = difflib.get_close_matches(str(value), KINDS, n=1, cutoff=0.6)
    return close[0] if close else None


def missing_kind() -> Message:
    from engine.model import KINDS

    return ("de vraag heeft geen 'kind'", f"voeg 'kind: ...' toe met één van: {', '.join(KINDS)}")


def bad_slug(value: object) -> Message:
    import re

    fixed = re.sub(r"[^a-z0-9]+", "-", str(value).lower()).strip("-") or "mijn-id"
    return (f"'{value}' is geen geldige id", f"gebruik kleine letters, cijfers en streepjes, bijvoorbeeld '{fixed}'")


def bad_version(value: object) -> Message:
    return (f"'{value}' is geen geldige versie", "schrijf drie getallen met punten, bijvoorbeeld '1.0.0'")


def bad_language(value: object) -> Message:
    return (f"'{value}' is geen geldige taalcode", "gebruik twee kleine letters, bijvoorbeeld nl")


def too_small(value: object, limit: object) -> Message:
    return (f"{number(value)} is te klein", f"de kleinste toegestane waarde is {limit}")


def not_greater(value: object, limit: object) -> Message:
    shown = number(int(limit) if isinstance(limit, float) and limit.is_integer() else limit)
    return (f"{number(value)} is te klein", f"de waarde moet groter zijn dan {shown}, bijvoorbeeld 1")


def not_smaller(value: object, limit: object) -> Message:
    shown = number(int(limit) if isinstance(limit, float) and limit.is_integer() else limit)
    return (f"{number(value)} is te groot", f"de waarde moet kleiner zijn dan {shown}")


def version_not_text(value: object) -> Message:
    return (
        f"'{number(value)}' is geen geldige versie (YAML leest het als een getal)",
        "schrijf drie getallen met punten, bijvoorbeeld 1.0.0",
    )


def too_large(value: object, limit: object) -> Message:
    return (f"{number(value)} is te groot", f"de grootste toegestane waarde is {limit}")


def not_finite(value: object) -> Message:
    return (f"{number(value)} is geen gewoon getal", "schrijf een getal zoals 1 of 1.5; .inf (oneindig) en .nan (geen getal) kunnen hier niet")


def pass_mark_range(value: object) -> Message:
    return (f"slaaggrens {number(value)} ligt niet tussen 0 en 100", "geef een percentage van 0 tot en met 100, bijvoorbeeld 70")


def too_few(what: str, minimum: int) -> Message:
    if minimum <= 1:
        return (f"{what} mag niet leeg zijn", "voeg minstens één item toe")
    return (f"{what} heeft te weinig items", f"voeg er minstens {minimum} toe")


def too_many(what: str, maximum: int) -> Message:
    return (f"{what} heeft te veel items", f"gebruik er hoogstens {maximum}")


def empty_text() -> Message:
    return ("tekst mag niet leeg zijn", "schrijf hier iets of laat de sleutel weg als die niet verplicht is")


def text_too_long(maximum: int) -> Message:
    return ("tekst is te lang", f"gebruik hoogstens {maximum} tekens")


def invalid_value(detail: str) -> Message:
    return (f"ongeldige waarde ({detail})", "vergelijk met het voorbeeld van 'leermodules new'")


# --- checks beyond types -------------------------------------------------------------------------

def duplicate_id(what: str, ident: str, first_line: int) -> Message:
    return (f"{what}-id '{ident}' komt al voor op regel {first_line}", "geef elke id een eigen naam")


def raw_html(piece: str) -> Message:
    return (
        f"HTML ('{piece}') in Markdown wordt niet getoond, de app en het SCORM-pakket laten het weg",
        "schrijf opmaak in Markdown (**vet**, *schuin*, een lege regel voor een nieuwe alinea); wil je '<' en '>' zelf tonen, zet de tekst dan tussen backticks, zoals `<Enter>`",
    )


def image_without_alt(source: str) -> Message:
    return (
        f"afbeelding '{source}' heeft geen beschrijving (alt-tekst)",
        "zet tussen de [ ] wat er te zien is, bijvoorbeeld ![Stappenplan van de meldcode](media/stappen.png)",
    )


def max_length_below_answers(max_length: int, shortest: int) -> Message:
    return (
        f"'max_length: {max_length}' is korter dan elk goed antwoord (het kortste telt {shortest} tekens): niemand kan dit goed beantwoorden",
        f"verhoog 'max_length' tot minstens {shortest}, of laat het weg (standaard 200)",
    )


def answer_longer_than_max(answer: str, max_length: int) -> Message:
    return (
        f"goed antwoord '{answer}' is langer dan 'max_length: {max_length}' en kan niet ingetypt worden",
        "verhoog 'max_length' of kort het antwoord in",
    )


def distractor_is_answer(text: str) -> Message:
    return (f"afleider '{text}' is ook een goed antwoord in 'pairs'", "kies een afleider die bij geen enkel koppel hoort")


def unknown_language(code: str, known: list[str]) -> Message:
    if code in ("du", "dt", "ne"):
        return (f"'{code}' is niet de taalcode van het Nederlands", "gebruik nl")
    return (f"taalcode '{code}' bestaat niet", "gebruik een taalcode van twee letters volgens ISO 639-1, zoals nl of en")


def folder_not_id(folder: str, ident: str) -> Message:
    return (
        f"de map heet '{folder}', maar de id van de module is '{ident}'",
        f"noem de map '{ident}', zoals 'leermodules new' doet, of pas de id aan zolang de module nog niet in gebruik is",
    )


def unknown_module_theme(ident: str, known: list[str]) -> Message:
    suggestion = did_you_mean(ident, known)
    return (
        f"thema '{ident}' staat niet in de ontwikkelscan, dus zal de scan deze module nooit aanraden",
        suggestion or f"kies een thema van de ontwikkelscan: {_listing(known)}",
    )


def duplicate_term(term: str, first_line: int) -> Message:
    return (f"begrip '{term}' staat al in de begrippenlijst op regel {first_line}", "voeg de uitleg samen tot één begrip")


def unknown_objective(ident: str, known: list[str]) -> Message:
    suggestion = did_you_mean(ident, known)
    if suggestion:
        return (f"leerdoel '{ident}' bestaat niet", suggestion)
    if known:
        return (f"leerdoel '{ident}' bestaat niet", f"bestaande leerdoelen: {_listing(known)}")
    return (f"leerdoel '{ident}' bestaat niet", "voeg het toe onder 'objectives:'")


def objective_required() -> Message:
    return ("een toetsvraag moet bij een leerdoel horen", "voeg 'objective: ...' toe met de id van een leerdoel")


def unknown_step(ident: str, known: list[str]) -> Message:
    suggestion = did_you_mean(ident, known)
    return (f"stap '{ident}' bestaat niet in deze casus", suggestion or f"bestaande stappen: {_listing(known)}")


def unreachable_step(ident: str) -> Message:
    return (f"stap '{ident}' is onbereikbaar", "laat een keuze met 'goto' naar deze stap leiden, of verwijder de stap")


def scenario_loop(ident: str) -> Message:
    return (
        f"deze 'goto' leidt terug naar stap '{ident}', dus kan de casus eindeloos rondgaan",
        "laat de keuze naar een stap verderop leiden, of laat 'goto' weg zodat de casus hier eindigt",
    )


def scenario_no_points() -> Message:
    return ("geen enkele keuze in deze casus levert punten op", "geef de goede keuzes 'points:' (bijvoorbeeld 2)")


def no_correct_option() -> Message:
    return ("geen enkel antwoord is goed", "zet 'correct: true' bij het goede antwoord")


def several_correct_single() -> Message:
    return ("een 'single'-vraag heeft precies één goed antwoord", "gebruik 'kind: multiple' als meer antwoorden goed zijn")


def duplicate_option(text: str) -> Message:
    return (f"antwoord '{text}' staat er twee keer", "maak elk antwoord anders")


def ungraded_in_assessment(kind: str) -> Message:
    return (f"een '{kind}'-vraag wordt niet beoordeeld en hoort niet in de eindtoets", "zet de vraag bij een pagina")


def draw_too_large(draw: int, pool: int) -> Message:
    return (f"er worden {draw} vragen getrokken, maar de pool heeft er maar {pool}", f"verlaag 'draw' tot hoogstens {pool} of voeg vragen toe")


def _questions(count: int) -> str:
    return f"{count} vraag" if count == 1 else f"{count} vragen"


def per_objective_without_draw() -> Message:
    return ("'draw_per_objective' werkt alleen samen met 'draw'", "zet 'draw:' op het aantal vragen per poging, of laat 'draw_per_objective' weg")


def per_objective_without_objectives() -> Message:
    return ("'draw_per_objective' trekt vragen per leerdoel, maar de module heeft geen leerdoelen", "voeg leerdoelen toe onder 'objectives:' of laat 'draw_per_objective' weg")


def per_objective_too_many(per: int, objectives: int, draw: int) -> Message:
    return (
        f"{_questions(per)} per leerdoel voor {objectives} leerdoelen zijn {per * objectives} vragen, meer dan 'draw: {draw}'",
        f"verhoog 'draw' tot minstens {per * objectives} of verlaag 'draw_per_objective'",
    )


def per_objective_short(ident: str, have: int, per: int) -> Message:
    return (
        f"leerdoel '{ident}' heeft {_questions(have)} in de eindtoets, maar 'draw_per_objective' vraagt er {per} per poging",
        f"voeg toetsvragen met 'objective: {ident}' toe of verlaag 'draw_per_objective'",
    )


def critical_with_points() -> Message:
    return ("een keuze met 'critical: true' is een ernstige fout en kan geen punten opleveren", "haal 'points:' weg bij deze keuze, of haal 'critical: true' weg")


def every_choice_critical() -> Message:
    return ("elke keuze in deze stap is een ernstige fout ('critical: true')", "geef de lerende minstens één keuze die geen ernstige fout is")


def single_choice_points() -> Message:
    return ("deze stap heeft maar één keuze, en die levert punten op: die punten krijgt iedereen cadeau", "geef deze keuze 'points: 0', of voeg een tweede keuze toe")


def bad_review_date(value: str) -> Message:
    return (f"'{value}' is geen bestaande datum", "schrijf de datum als jaar-maand-dag, bijvoorbeeld 2026-03-01")


def media_absolute(path: str) -> Message:
    return (f"mediapad '{path}' is absoluut", "geef een pad relatief aan de map van de module, bijvoorbeeld 'media/plaat.png'")


def media_escapes(path: str) -> Message:
    return (f"mediapad '{path}' wijst buiten de map van de module", "zet het bestand in de map van de module en verwijs zonder '..'")


def media_missing(path: str) -> Message:
    return (f"mediabestand '{path}' bestaat niet", "controleer de naam en hoofdletters, of zet het bestand in de map van de module")


def remote_media(url: str) -> Message:
    return (f"afbeelding '{url}' staat op internet", "zet het bestand in de map van de module; een module werkt offline")


_MEDIA_FIX = "verwijs naar een afbeelding in de map van de module, bijvoorbeeld 'media/plaat.png'"


def media_no_path() -> Message:
    return ("afbeelding zonder bruikbaar pad (leeg, of een soort adres dat niet mag, zoals file:)", _MEDIA_FIX)


def media_nul(path: str) -> Message:
    return (f"mediapad '{path}' bevat een NUL-teken", "verwijder het teken uit het pad; " + _MEDIA_FIX)


def media_name_too_long(path: str, limit: int) -> Message:
    return (f"mediapad '{path}' heeft een naam van meer dan {limit} tekens", "geef het bestand en zijn mappen kortere namen")


def media_not_a_file(path: str) -> Message:
    return (f"mediapad '{path}' is geen gewoon bestand (maar bijvoorbeeld een map of apparaat)", _MEDIA_FIX)


def media_too_large(path: str, size: int, limit: int) -> Message:
    megabytes = f"{-(-size * 10 // (1024 * 1024)) / 10:.1f}".replace(".", ",")  # rounded up: never "10,0" over 10
    return (
        f"mediabestand '{path}' is te groot ({megabytes} MB, de grens is {limit // 1024 // 1024} MB)",
        "sla de afbeelding kleiner op, bijvoorbeeld met minder pixels of als JPEG",
    )


def media_unreadable(path: str, exc: OSError) -> Message:
    return (f"mediabestand '{path}' kan niet gelezen worden ({os_error(exc)})", "controleer of het bestaat en leesbaar is")


def reserved_page_id(ident: str) -> Message:
    return (f"pagina-id '{ident}' is gereserveerd voor de eindtoets", f"kies een andere id voor deze pagina, bijvoorbeeld '{ident}-uitleg'")


def duplicate_module(ident: str, other: str) -> Message:
    return (f"module-id '{ident}' wordt ook gebruikt door {other}", "geef elke module een eigen id")


# --- warnings --------------------------------------------------------------------------------------

def option_without_feedback() -> Message:
    return ("antwoord zonder feedback", "leg met 'feedback:' uit waarom dit antwoord goed of fout is")


def question_without_feedback() -> Message:
    return ("vraag zonder feedback of uitleg", "voeg 'explanation:' of feedback per antwoord toe")


def right_answer_longest(count: int, total: int) -> Message:
    return (
        f"in {count} van de {total} 'single'-vragen is het goede antwoord het langste; lerenden leren dat snel raden",
        "maak foute antwoorden even lang en aannemelijk, en zet de uitleg in de feedback",
    )


def best_choice_first(count: int, total: int) -> Message:
    return (
        f"in {count} van de {total} casusstappen staat de beste keuze bovenaan; keuzes worden in deze volgorde getoond",
        "wissel de volgorde van de keuzes af",
    )


def true_false_one_way(same: int, total: int, answer: bool) -> Message:
    key = "waar" if answer else "niet waar"
    other = "niet waar" if answer else "waar"
    return (
        f"{same} van de {total} waar/niet waar-vragen hebben als antwoord '{key}': wie altijd '{key}' gokt, scoort hoog",
        f"herschrijf een deel van de uitspraken zodat '{other}' het goede antwoord is",
    )


def word_cue(words: list[str], count: int, right: bool) -> Message:
    listed = ", ".join(f"'{w}'" for w in words[:3])
    if right:
        return (
            f"{listed} staat in {count} goede antwoorden en in geen fout antwoord; zo verraadt het woord het antwoord",
            "formuleer ook foute antwoorden voorzichtig, of de goede zonder zulke woorden",
        )
    return (
        f"{listed} staat in {count} foute antwoorden en in geen goed antwoord; zo verraadt het woord het antwoord",
        "formuleer ook goede antwoorden stellig, of de foute zonder zulke woorden",
    )


def all_or_none_option(text: str) -> Message:
    return (
        f"antwoord '{text}' laat raden: wie twee goede antwoorden ziet, weet het al",
        "vervang dit door een eigen antwoord, of maak er een 'multiple'-vraag van",
    )


def select_all_scores(percent: int) -> Message:
    return (
        f"bijna alle antwoorden zijn goed: wie alles aanvinkt, scoort al {percent}%",
        "voeg foute antwoorden toe die echt verleiden, of maak sommige goede antwoorden fout",
    )


def objective_not_assessed(ident: str) -> Message:
    return (f"leerdoel '{ident}' wordt in de eindtoets niet getoetst", "koppel minstens één toetsvraag aan dit leerdoel")


# --- the ontwikkelscan (kind: scan) --------------------------------------------------------------

def scan_has_assessment() -> Message:
    return ("de ontwikkelscan heeft geen eindtoets", "verwijder 'assessment:'; de scan bestaat uit uitspraken per thema")


def scan_needs_themes() -> Message:
    return ("de ontwikkelscan heeft geen thema's", "voeg 'themes:' toe met per thema een id en een titel")


def scan_question_not_likert(kind: str) -> Message:
    return (f"een '{kind}'-vraag hoort niet in de ontwikkelscan", "gebruik 'kind: likert' met een 'theme:'")


def scan_statement_without_theme() -> Message:
    return ("uitspraak zonder thema", "voeg 'theme: ...' toe met de id van een thema uit 'themes:'")


def unknown_theme(ident: str, known: list[str]) -> Message:
    suggestion = did_you_mean(ident, known)
    return (f"thema '{ident}' bestaat niet in de ontwikkelscan", suggestion or f"bestaande thema's: {_listing(known)}")


def theme_without_statements(ident: str) -> Message:
    return (f"thema '{ident}' heeft geen uitspraken", "koppel minstens één likert-uitspraak aan dit thema met 'theme:'")


def themes_only_in_scan() -> Message:
    return ("alleen de ontwikkelscan heeft 'themes:'", "zet 'kind: scan' bovenaan, of verwijder 'themes:'")


# --- advice from the ontwikkelscan -----------------------------------------------------------------

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december")


def dutch_date(iso: str) -> str:
    """'2026-12-02' as '2 december 2026' (`iso` is a date the checks accepted)."""
    year, month, day = (int(part) for part in iso.split("-"))
    return f"{day} {MONTHS[month - 1]} {year}"


def reviewed_text(iso: str, by: list[str] | tuple[str, ...]) -> str:
    """The line beside a module that says who checked its content, and when."""
    return f"Inhoud gecontroleerd op {dutch_date(iso)} door: {', '.join(by)}"


def level_shown(level: float) -> str:
    """A scan level as the learner reads it. Levels are stored as positions on the scale, 0..top;
    the learner rated with the digits 1..top+1, so that is how a level is shown: 0.0 -> '1,0'.
    One decimal, rounded half up as people round."""
    shown = int((level + 1) * 10 + 0.5) / 10
    return f"{shown:.1f}".replace(".", ",")


def level_text(level: float, top: int) -> str:
    return f"{level_shown(level)} van {top + 1}"


def advice_reason(kind: str, title: str, level: float | None, top: int, modules) -> str:
    """Why a theme is advised, in words a professional reads on the home screen."""
    from engine.progress import Status

    if kind == "niet-ingevuld":
        return f"Je hebt de uitspraken over '{title}' nog niet ingevuld."
    assert level is not None  # a theme with statements filled in has a level
    score = level_text(level, top)
    if not modules:
        tail = (
            "Voor dit thema is nog geen module. Je kunt een collega vragen die hier sterk in is, "
            "of kijken naar scholing via je academie."
        )
    else:
        names = " en ".join(f"'{m.title}'" for m in modules)
        about = " ".join(m.summary for m in modules)
        tail = f"De module {names} gaat over: {about}"
        done = [m.title for m in modules if m.status in (Status.PASSED, Status.COMPLETED)]
        if done:
            tail += f" Je hebt '{done[0]}' al gehaald; je kunt de eindtoets herhalen om het bij te houden."
    if kind == "aanbevolen":
        return f"Je scoort laag op '{title}' ({score}). {tail}"
    if kind == "verdiepen":
        return f"Je scoort redelijk op '{title}' ({score}); verdiepen kan. {tail}"
    return f"Je scoort hoog op '{title}' ({score}). Houd het bij; misschien kun je collega's hierin helpen."


# --- results files (for the teamschouw) ------------------------------------------------------------

def results_too_large() -> Message:
    return ("bestand is te groot voor een resultatenbestand", "controleer of je het goede bestand hebt gekozen")


_JSON_PROBLEMS = {
    "Expecting value": "hier verwacht JSON een waarde",
    "Unterminated string starting at": "tekst tussen aanhalingstekens is niet afgesloten",
    "Invalid control character at": "ongeldig teken in tekst",
    "Expecting property name enclosed in double quotes": "verwacht een naam tussen dubbele aanhalingstekens",
    "Expecting ',' delimiter": "verwacht een komma",
    "Expecting ':' delimiter": "verwacht een dubbele punt",
    "Extra data": "er staat nog iets na het einde",
}


def results_not_a_file(kind: str) -> Message:
    return (f"dit is geen gewoon bestand maar een {kind}", "geef een resultatenbestand op dat met 'leermodules results export' is gemaakt")


def results_bad_number(token: str) -> Message:
    if token.lstrip("-") in ("NaN", "Infinity"):
        what = f"'{token}' is geen getal in JSON"
    elif len(token) > 20:
        what = f"getal van {len(token)} tekens is te groot"
    else:
        what = f"getal {token} is te groot"
    return (what, "exporteer het resultatenbestand opnieuw; pas het niet met de hand aan")


def results_level_range(level: float, top: int) -> Message:
    return (
        f"niveau {level:g} valt buiten de schaal van 0 tot en met {top}",
        "exporteer het resultatenbestand opnieuw; pas het niet met de hand aan",
    )


def results_not_json(detail: str) -> Message:
    detail = _JSON_PROBLEMS.get(detail, detail)
    return (f"geen geldige JSON ({detail})", "exporteer het resultatenbestand opnieuw met 'leermodules results export'")


def results_wrong_format() -> Message:
    return ("dit is geen resultatenbestand van leermodules", "gebruik een bestand gemaakt met 'leermodules results export'")


def results_bad_version(value: object) -> Message:
    return (f"onbekende formaatversie {value!r}", "exporteer het resultatenbestand opnieuw")


def results_newer(version: int) -> Message:
    return (
        f"het bestand is gemaakt met een nieuwere versie van leermodules (formaat {version})",
        "werk leermodules bij met 'pip install --upgrade leermodules'",
    )


def results_field(where: str, detail: str) -> Message:
    return (f"ongeldige waarde bij '{where}' ({detail})", "exporteer het resultatenbestand opnieuw; pas het niet met de hand aan")


# --- the progress store: why it cannot be used (the detail in the app's message) ---------------

STORE_EMPTY = "het bestand is leeg (0 bytes); misschien is het afgebroken tijdens het opslaan"
STORE_NOT_SQLITE = "het is geen SQLite-database"
STORE_CHECK_FAILED = "de controle van de database vond fouten"
STORE_NOT_A_FILE = "dit is een map, geen bestand"
STORE_READ_ONLY = "er kan niet in worden geschreven (alleen lezen, of geen toestemming)"

#: What a stored value should have been, by the store's name for the kind of value.
STORE_EXPECTED = {
    "text": "tekst",
    "int": "een heel getal",
    "number": "een getal",
    "json": "geldige JSON",
    "object": "een JSON-object",
    "list": "een lijst",
    "status": "een bekende status",
    "date": "een datum (ISO 8601)",
    "present": "aanwezig",
}


def store_folder_is_file(folder: object) -> str:
    return f"{folder} is een bestand, geen map"


def store_table_missing(table: str) -> str:
    return f"de tabel '{table}' ontbreekt"


def store_bad_value(field: str, expected: str) -> str:
    return f"'{field}' moet {STORE_EXPECTED.get(expected, expected)} zijn"


def store_out_of_range(field: str, low: object, high: object) -> str:
    return f"'{field}' ligt niet tussen {low} en {high}"


def store_other_module(found: object) -> str:
    return f"de opgeslagen voortgang hoort bij een andere module ({found!r})"


def store_row(table: str, row: int, what: str, key: str | None = None) -> str:
    """Where a damaged value is: the table, the row number and (if any) the module or setting."""
    return f"tabel {table}, rij {row}{f' ({key})' if key else ''}: {what}"


_SQLITE_ERRORS = {
    "SQLITE_CANTOPEN": "het bestand kan niet worden geopend of aangemaakt",
    "SQLITE_BUSY": "het bestand is in gebruik door een ander programma",
    "SQLITE_LOCKED": "het bestand is in gebruik door een ander programma",
    "SQLITE_IOERR": "lees- of schrijffout van de schijf",
    "SQLITE_NOTADB": "het is geen SQLite-database",
    "SQLITE_CORRUPT": "de database is beschadigd",
    "SQLITE_READONLY": "er mag niet in worden geschreven (alleen lezen)",
    "SQLITE_FULL": "schijf vol",
    "SQLITE_PERM": "geen toestemming",
    "SQLITE_AUTH": "geen toestemming",
    "SQLITE_NOLFS": "het bestand is te groot voor dit bestandssysteem",
    "SQLITE_PROTOCOL": "het bestand is in gebruik door een ander programma",
}

#: sqlite3's English messages, for errors raised without an error code.
_SQLITE_TEXTS = {
    "unable to open database file": "SQLITE_CANTOPEN",
    "database is locked": "SQLITE_BUSY",
    "disk I/O error": "SQLITE_IOERR",
    "file is not a database": "SQLITE_NOTADB",
    "database disk image is malformed": "SQLITE_CORRUPT",
    "attempt to write a readonly database": "SQLITE_READONLY",
    "database or disk is full": "SQLITE_FULL",
}


def sqlite_error(exc: Exception) -> str:
    """A database error (sqlite3.Error) as a short Dutch phrase, never SQLite's English text."""
    name = getattr(exc, "sqlite_errorname", None) or _SQLITE_TEXTS.get(str(exc), "")
    for prefix, phrase in _SQLITE_ERRORS.items():  # extended codes such as SQLITE_IOERR_WRITE
        if name == prefix or name.startswith(prefix + "_"):
            return phrase
    return f"databasefout {name}" if name else "onbekende databasefout"
