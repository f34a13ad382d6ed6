"""Every Dutch text the terminal app shows, in one place."""

from __future__ import annotations

from engine import messages as msg

APP_TITLE = "Leermodules"

# --- keys (the description shown in the footer and the help screen) ---------------------------------
KEY_QUIT = "Stoppen"
KEY_HELP = "Toetsen"
KEY_BACK = "Terug"
KEY_THEME = "Licht/donker"
KEY_OPEN = "Openen"
KEY_CONTINUE = "Verder"
KEY_NEXT_PAGE = "Volgende"
KEY_PREV_PAGE = "Vorige"
KEY_NEXT_QUESTION = "Volgende"
KEY_PREV_QUESTION = "Vorige"
KEY_SUBMIT_ATTEMPT = "Inleveren"
KEY_START_ATTEMPT = "Toets beginnen"
KEY_RESULTS = "Uitslag bekijken"
KEY_RETRY = "Opnieuw proberen"
KEY_CLOSE = "Sluiten"
KEY_HINT = "Tip"
KEY_OTHER_QUESTION = "Andere vraag"  # tab; "Volgende" is n, the next page
KEY_PREVIOUS_QUESTION_FIELD = "Vorige vraag"  # shift+tab
KEY_UP = "Omhoog"
KEY_DOWN = "Omlaag"
KEY_CHOOSE = "Kiezen"
KEY_CONFIRM = "Antwoord geven"
KEY_MOVE_UP = "Naar boven schuiven"
KEY_MOVE_DOWN = "Naar beneden schuiven"
KEY_GRAB = "Oppakken/neerleggen"
KEY_CYCLE_NEXT = "Volgend antwoord"
KEY_CYCLE_PREV = "Vorig antwoord"
KEY_CLEAR = "Keuze wissen"
KEY_SAVE = "Bewaren"
KEY_RESTART = "Casus opnieuw"
KEY_YES = "Ja"
KEY_NO = "Nee"
KEY_SCAN = "Ontwikkelscan"
KEY_PROFILE = "Profiel"
KEY_EXPORT = "Exporteren"
KEY_ADVICE = "Naar het advies"
KEY_FINISH_SCAN = "Scan afronden"
KEY_WRITE = "Bestand schrijven"
KEY_OBJECTIVES = "Leerdoelen"

# --- home ----------------------------------------------------------------------------------------------
HOME_TITLE = "Jouw modules"
HOME_EMPTY = "Er zijn geen modules gevonden."
ADVICE_TITLE = "Advies uit je ontwikkelscan · een voorstel, jij kiest"
SCAN_PANEL_TITLE = "Ontwikkelscan"
SCAN_INVITE = "Doe de ontwikkelscan (s): 10 minuten, voor jezelf, blijft op je computer."
ADVICE_PENDING = "Het advies wordt klaargezet…"
ADVICE_UNAVAILABLE = "Het advies kan nu niet worden getoond: de ontwikkelscan kon niet worden geladen."
ADVICE_KIND = {
    "aanbevolen": "Aanbevolen",
    "verdiepen": "Verdiepen",
    "op-peil": "Op peil",
    "niet-ingevuld": "Niet ingevuld",
}
ADVICE_NO_MODULE = "nog geen module voor dit thema"
ADVICE_WHY = "Waarom: "


def scan_done_line(date: str) -> str:
    return f"Scan van {date} · a: advies kiezen · p: profiel · s: opnieuw"


def advice_heading(kind: str, title: str) -> str:
    return f"{ADVICE_KIND[kind]} · {title}"


def advice_module(title: str, status_line: str) -> str:
    return f"module {title} · {status_line}"
STATUS = {
    "not_started": "Nog niet begonnen",
    "incomplete": "Bezig",
    "passed": "✓ Geslaagd",
    "failed": "✗ Niet geslaagd",
    "completed": "✓ Afgerond",
}


def percent(value: float) -> str:
    return f"{value:.0f}%" if abs(value - round(value)) < 0.05 else f"{value:.1f}%".replace(".", ",")


def module_line(status: str, done: float, best: float | None, attempt: tuple[int, int] | None = None) -> str:
    """`attempt`: the question the learner is at in a toets in progress, and how many it has."""
    if status == "not_started":
        return STATUS[status]
    if attempt is not None:
        text = f"Toets bezig, vraag {attempt[0]} van {attempt[1]}"
    else:
        text = f"{STATUS[status]} · {percent(100 * done)} gedaan"
    if best is not None:
        text += f" · beste score {percent(best)}"
    return text


def about_minutes(minutes: int) -> str:
    return f"± {minutes} min"


def continue_at(where: str) -> str:
    return f"Verder met {where}? Druk op enter."


def where_page(number: int, total: int) -> str:
    return f"pagina {number} van {total}"


def where_assessment(question: int | None) -> str:
    return "de toets" if question is None else f"vraag {question} van de toets"


def skipped_modules(count: int) -> str:
    what = "1 module kon" if count == 1 else f"{count} modules konden"
    return f"{what} niet worden geladen door fouten in het bestand. Een trainer kan ze controleren met 'leermodules validate'."


# --- module --------------------------------------------------------------------------------------------
OBJECTIVES = "Leerdoelen"
CONTENTS = "Inhoud"
ABOUT_MINUTES = "Ongeveer {minutes} minuten"
PAGE_DONE = "✓"
PAGE_NOT_DONE = "·"
PAGE_HERE = "◀ hier was je"


def module_facts(minutes: int, pages: int, has_assessment: bool) -> str:
    text = f"Ongeveer {minutes} minuten · {pages} {'pagina' if pages == 1 else 'pagina’s'}"
    return text + (" · met eindtoets" if has_assessment else "")


def reviewed_line(date: str, by: list[str]) -> str:
    """'Inhoud gecontroleerd op 2 december 2026 door: ...' (the same words as the SCORM player)."""
    return msg.reviewed_text(date, by)


def assessment_line(title: str, used: int, allowed: int, best: float | None, in_progress: bool) -> str:
    parts = [title]
    if in_progress:
        parts.append("bezig")
    if allowed:
        parts.append(f"{used} van {allowed} pogingen gebruikt")
    elif used:
        parts.append(f"{used} {'poging' if used == 1 else 'pogingen'}")
    if best is not None:
        parts.append(f"beste score {percent(best)}")
    return " · ".join(parts)


# --- page ----------------------------------------------------------------------------------------------
def page_position(number: int, total: int) -> str:
    return f"Pagina {number} van {total}"


def practice_label(number: int, total: int, graded: bool = True) -> str:
    return f"{'Oefenvraag' if graded else 'Vraag voor jezelf'} {number} van {total}"


PAGE_END_NEXT = "Klaar met deze pagina? Druk op n voor de volgende pagina."
PAGE_END_ASSESSMENT = "Dit was de laatste pagina. Druk op n om naar de eindtoets te gaan."
PAGE_END_LAST = "Dit was de laatste pagina. Druk op n om de module af te ronden."
MODULE_COMPLETED = "Je hebt alle pagina’s van deze module gedaan."

# --- questions -----------------------------------------------------------------------------------------
TRUE = "Waar"
FALSE = "Niet waar"
CONFIRM_BUTTON = "Antwoord geven"
SAVE_BUTTON = "Bewaren"
HINT_PREFIX = "Tip: "
HINT_AVAILABLE = "Er is een tip: druk op h."
HINT_AVAILABLE_TYPING = "Er is een tip: druk op F2."  # h would be typed into the answer
NOTHING_CHOSEN = "Kies eerst een antwoord."
MATCH_NONE = "(nog niet gekozen)"
MATCH_ANSWERS = "Kies uit:"
MATCH_HELP = "↑↓ kies een regel · cijfer: antwoord op deze regel, door naar de volgende · ←→ ander antwoord · enter: antwoord geven"
ORDER_HELP = "↑↓ kies een regel · spatie pakt op en legt neer · shift+↑↓ schuift · enter: antwoord geven"
CHOICE_HELP_SINGLE = "↑↓ of cijfer: kiezen · enter: antwoord geven"
CHOICE_HELP_MULTI = "↑↓ kiezen · spatie of cijfer: aan/uit · enter: antwoord geven"
TEXT_PLACEHOLDER = "Typ je antwoord en druk op enter"
REFLECTION_PLACEHOLDER = "Schrijf je antwoord; bewaren met ctrl+s of de knop"
REFLECTION_EMPTY = "Schrijf eerst iets."
GRABBED = "opgepakt"
SCENARIO_YOUR_CHOICE = "Jouw keuze: "
SCENARIO_CONSEQUENCE = "Gevolg: "
SCENARIO_END = "Einde van de casus."
SCENARIO_RESTART_HINT = "Druk op r om de casus opnieuw te doen."


def characters_left(used: int, limit: int) -> str:
    return f"{used} van {limit} tekens"


# feedback
CORRECT = "✓ Goed"
INCORRECT = "✗ Niet goed"
SAVED_UNGRADED = "✓ Bewaard. Dit antwoord telt niet mee voor een score."
SAVED = "✓ Antwoord bewaard. Je ziet de uitslag na het inleveren."
CORRECT_ANSWER = "Het goede antwoord: "
BEST_PATH = "De beste keuzes: "
EXPLANATION = "Uitleg: "
YOUR_ANSWER = "Jouw antwoord: "
NOT_ANSWERED = "niet beantwoord"


def partly_correct(percent_value: float) -> str:
    return f"◐ Deels goed ({percent(percent_value)})"


# --- assessment ----------------------------------------------------------------------------------------
def question_position(number: int, total: int) -> str:
    return f"Vraag {number} van {total}"


def question_count(count: int) -> str:
    """'1 vraag', '3 vragen'."""
    return "1 vraag" if count == 1 else f"{count} vragen"


def assessment_facts(questions: int, pass_mark: int, feedback_after_each: bool, per_objective: int | None = None) -> str:
    when = "na elke vraag" if feedback_after_each else "na het inleveren"
    count = question_count(questions) + (f", over elk leerdoel minstens {per_objective}" if per_objective else "")
    return f"{count} · je hebt {pass_mark}% nodig om te slagen · je ziet of je antwoord goed is {when}"


def attempts_facts(used: int, left: int | None) -> str:
    if left is None:
        return f"Je mag de toets zo vaak maken als je wilt. Gebruikt: {used}."
    if left == 0:
        return f"Je hebt alle {used} pogingen gebruikt."
    return f"Je hebt nog {left} {'poging' if left == 1 else 'pogingen'} (gebruikt: {used})."


START_HINT = "Druk op enter om te beginnen."
CONTINUE_HINT = "Je bent bezig met een poging. Druk op enter om verder te gaan."
NO_ATTEMPTS_LEFT = "Je kunt de toets niet opnieuw maken."
ANSWERED_COUNT = "Beantwoord: {answered} van {total}"
LOCKED_AFTER_FEEDBACK = "Je hebt deze vraag beantwoord; druk op n voor de volgende."
LAST_QUESTION_HINT = "Dit was de laatste vraag. Druk op i om in te leveren."
UNCONFIRMED_CHOICE = (
    "Je hebt een keuze gemaakt maar nog niet als antwoord gegeven.\n"
    "Ja: geef hem nu als antwoord. Nee: laat hem vervallen."
)


def submit_question(unanswered: int) -> str:
    if unanswered == 0:
        return "Wil je de toets inleveren? Daarna kun je je antwoorden niet meer veranderen."
    vragen = "vraag is" if unanswered == 1 else "vragen zijn"
    return f"{unanswered} {vragen} nog niet beantwoord en tellen als fout. Wil je toch inleveren?"


# results
RESULTS_TITLE = "Uitslag"
PASSED = "✓ Geslaagd"
FAILED = "✗ Niet geslaagd"
PER_OBJECTIVE = "Per leerdoel"
REVIEW = "Je antwoorden nakijken"
OTHER_OBJECTIVE = "Overige vragen"


def attempt_heading(title: str, number: int, allowed: int) -> str:
    return f"{title} · poging {number}" + (f" van {allowed}" if allowed else "")


def score_line(score: float, pass_mark: int, best: bool = False) -> str:
    return f"{'Je beste score' if best else 'Je score'}: {percent(score)} (nodig: {pass_mark}%)"


def objective_line(percent_value: float, questions: int) -> str:
    return f"{percent(percent_value)} ({question_count(questions)})"


def retry_line(left: int | None) -> str:
    if left == 0:
        return "Je hebt geen pogingen meer over."
    if left is None:
        return "Druk op r om de toets opnieuw te maken."
    return f"Druk op r om de toets opnieuw te maken (nog {left} {'poging' if left == 1 else 'pogingen'})."


def short_date(iso: str) -> str:
    """'2026-01-03T10:00:00' -> '3-1-2026', as dates are written in Dutch."""
    from datetime import datetime

    try:
        when = datetime.fromisoformat(iso)
    except ValueError:
        return iso[:10]
    return f"{when.day}-{when.month}-{when.year}"


# --- ontwikkelscan ---------------------------------------------------------------------------------
SCAN_ABOUT = (
    "Een scan voor jezelf, geen toets. Je leest uitspraken over je werk en kiest wat het best bij je past. "
    "Daarna zie je per thema waar je staat en krijg je advies: een voorstel, geen verplichting; jij kiest "
    "wat je leert. Je antwoorden blijven op je eigen computer, tenzij je zelf je resultaten exporteert."
)
SCAN_CONTENTS = "Thema's"
SCAN_NOT_STARTED = "Je hebt de scan nog niet ingevuld. Druk op enter om te beginnen."
SCAN_RETAKE = (
    "Je begint met lege antwoorden; je eerdere uitkomsten blijven bewaard, zodat je je groei ziet. "
    "Druk op enter om te beginnen."
)
SCAN_FINISH_HINT = "Druk op k om de scan af te ronden en je profiel te zien."
SCAN_RATED = "✓ Ingevuld: {word}"
SCAN_STATEMENT = "Uitspraak {number} van {total}"
SCAN_PAGE_END_NEXT = "Klaar met dit thema? Druk op n voor het volgende."
SCAN_PAGE_END_INTRO = "Druk op n om naar de eerste uitspraken te gaan."
SCAN_PAGE_END_LAST = "Dit was het laatste thema. Druk op n om de scan af te ronden en je profiel te zien."
SCAN_FINISHED = "Je scan is bewaard."


def scan_progress(rated: int, total: int) -> str:
    return f"Je hebt {rated} van {total} uitspraken ingevuld."


def scan_earlier(dates: list[str]) -> str:
    if not dates:
        return ""
    return "Eerder gedaan: " + ", ".join(dates) + "."


def scan_page_line(number: int, title: str, rated: int, total: int) -> str:
    mark = PAGE_DONE if total and rated == total else PAGE_NOT_DONE
    count = f"  ({rated} van {total} ingevuld)" if total else ""
    return f"{mark} {number}. {title}{count}"


def scan_finish_question(rated: int, total: int) -> str:
    if rated == 0:
        return "Je hebt nog geen uitspraak ingevuld. Vul er eerst een paar in."
    return (
        f"Je hebt {rated} van de {total} uitspraken ingevuld. Thema's zonder antwoorden krijgen geen score. "
        "Wil je de scan nu afronden?"
    )


# --- profile ---------------------------------------------------------------------------------------
PROFILE_TITLE = "Je profiel"
PROFILE_NONE = "Je hebt de ontwikkelscan nog niet gedaan. Druk op escape en dan op s om te beginnen."
PROFILE_NOT_RATED = "niet ingevuld"
PROFILE_FOOTER = (
    "Dit is jouw eigen beeld van je werk, geen beoordeling. Het advies op het beginscherm is een voorstel: "
    "jij kiest wat je ermee doet."
)
BAR_FULL, BAR_EMPTY = "█", "░"
GROWTH_UP, GROWTH_DOWN, GROWTH_SAME = "↑ gegroeid", "↓ lager", "= gelijk"


def level_number(level: float) -> str:
    """A stored level (0..top) as shown, 1..top+1 like the digits rated with: 2.35 -> '3,4'."""
    from engine.messages import level_shown

    return level_shown(level)


def level_of(level: float, top: int) -> str:
    from engine.messages import level_text

    return level_text(level, top)


def profile_heading(date: str, count: int) -> str:
    times = "" if count == 1 else f" · je {count}e scan"
    return f"Uit je ontwikkelscan van {date}{times}"


def profile_scale(words: list[str]) -> str:
    return "Niveaus: " + " · ".join(f"{i} {w}" for i, w in enumerate(words, start=1))


def growth_line(before: float, before_date: str, now: float) -> str:
    b, n = int(before * 10 + 0.5), int(now * 10 + 0.5)
    trend = GROWTH_UP if n > b else GROWTH_DOWN if n < b else GROWTH_SAME
    return f"was {level_number(before)} op {before_date} → nu {level_number(now)} {trend}"


def growth_history(levels: list[float]) -> str:
    return "verloop: " + " → ".join(level_number(v) for v in levels)


# --- results export --------------------------------------------------------------------------------
EXPORT_TITLE = "Je resultaten exporteren"
EXPORT_NAME = "Je naam"
EXPORT_NAME_PLACEHOLDER = "Voornaam Achternaam"
EXPORT_PATH = "Bestand"
EXPORT_CONTENT = "Precies dit komt in het bestand:"
EXPORT_NO_NAME = "Vul eerst je naam in."
EXPORT_NAME_TOO_LONG = "Je naam is te lang (hoogstens 120 tekens)."
EXPORT_NO_PATH = "Vul eerst in waar het bestand moet komen."
EXPORT_BUTTON = "Bestand schrijven…"
EXPORT_HELP = "ctrl+s: schrijven; je krijgt eerst een vraag"
EXPORT_NOT_WRITTEN = "Het bestand is niet geschreven"
NAME_NOT_SAVED = "Je naam kon niet worden bewaard voor de volgende keer."


def export_summary(name: str, scan_dates: list[str], modules: int, passed: int) -> str:
    scans = (
        "geen ontwikkelscan" if not scan_dates
        else f"{len(scan_dates)} keer de ontwikkelscan ({', '.join(scan_dates)}): je niveau per thema"
    )
    return (
        f"Je naam: {name or '(nog niet ingevuld)'}. {scans[0].upper()}{scans[1:]}. "
        f"Van {modules} {'module' if modules == 1 else 'modules'}: de status, je beste score en het aantal pogingen "
        f"({passed} gehaald of afgerond). Je losse antwoorden en reflecties gaan er niet in. "
        "Het bestand blijft op je computer tot jij het deelt."
    )


def export_confirm(path: str) -> str:
    return f"Wil je je resultaten schrijven naar {path}?"


def export_replace(path: str) -> str:
    return f"{path} bestaat al. Wil je het vervangen door je resultaten?"


def export_written(path: str) -> str:
    return f"Je resultaten staan in {path}."


def export_failed(path: str, reason: str) -> str:
    return f"{path} kon niet worden geschreven: {reason}. Kies een andere plek."


# --- help ----------------------------------------------------------------------------------------------
HELP_TITLE = "Toetsen"
HELP_THIS_SCREEN = "Op dit scherm"
HELP_EVERYWHERE = "Overal"
HELP_QUESTIONS = "Bij vragen"
HELP_QUESTION_KEYS = (
    ("tab / shift+tab", "naar de volgende of vorige vraag of knop"),
    ("pageup / pagedown", "de tekst scrollen"),
    ("↑ ↓", "door de antwoorden"),
    ("1 … 9", "kiezen; koppelen: daarna de volgende regel"),
    ("spatie", "kiezen, aan/uit zetten, oppakken"),
    ("enter", "antwoord geven"),
    ("shift+↑ shift+↓", "bij volgorde: regel verschuiven"),
    ("← →", "bij koppelen: ander antwoord kiezen"),
    ("h / F2", "tip tonen (als die er is); F2 als je typt"),
    ("muis", "klikken werkt ook overal"),
)
HELP_FOOTER = "Druk op escape of ? om dit venster te sluiten."

# --- messages ------------------------------------------------------------------------------------------
THEME_LIGHT = "Licht thema"
THEME_DARK = "Donker thema"
THEME_NOT_SAVED = "Je keuze voor het thema kon niet worden bewaard."
NOT_SAVED = "Je antwoord is niet bewaard"
NOT_ALLOWED = "Dat kan nu niet"
RELOADED = "Module opnieuw geladen: {title}"
MODULE_UNAVAILABLE = "Deze module kan nu niet worden geopend"


def module_unavailable(path: str) -> str:
    return (
        f"Het bestand {path} is veranderd en bevat nu fouten, of is verdwenen. "
        "Je antwoorden blijven bewaard. Een trainer kan het bestand controleren met 'leermodules validate'."
    )


RELOAD_FAILED = "De gewijzigde module bevat fouten; je ziet nog de vorige versie. Zie 'leermodules validate'."
RELOAD_FAILED_TITLE = "De gewijzigde module bevat fouten; je ziet nog de vorige versie"
#: At most this many located messages in the notification; the rest is counted.
RELOAD_SHOWN = 6


def reload_more(count: int) -> str:
    return f"… en nog {count} {'melding' if count == 1 else 'meldingen'}; 'leermodules validate' toont ze allemaal."


def reload_id_changed(old: str, new: str) -> str:
    return f"De id van de module is veranderd van '{old}' in '{new}'. Zet de id terug; een andere id is een andere module."

STORE_PROBLEMS = {
    "unavailable": (
        "Je voortgang kan niet worden opgeslagen in {path}: {detail}.\n"
        "Kies een andere map met --data-dir of met de omgevingsvariabele LEERMODULES_DATA_DIR."
    ),
    "corrupt": (
        "Het bestand met je voortgang ({path}) is beschadigd en kan niet worden gelezen: {detail}.\n"
        "Het is niet aangepast. Maak een reservekopie van het bestand en vraag je beheerder om hulp, "
        "of start met een lege map: leermodules --data-dir NIEUWE-MAP"
    ),
    "foreign": (
        "Het bestand {path} is geen voortgangsbestand van leermodules en wordt niet gebruikt of aangepast.\n"
        "Kies een andere map met --data-dir."
    ),
    "too_new": (
        "Je voortgang ({path}) is opgeslagen door een nieuwere versie van leermodules.\n"
        "Het bestand is niet aangepast. Werk leermodules bij om verder te gaan."
    ),
    "write_failed": "Je voortgang kon niet worden opgeslagen in {path}: {detail}.",
}


def store_problem(exc) -> str:
    """The message for an engine.store.StoreError."""
    return STORE_PROBLEMS[exc.problem].format(path=exc.path, detail=exc.detail)


STORE_STOPPED = "De app is gestopt zonder iets op te slaan; je eerdere voortgang is niet aangepast."


# --- opfrissen (the questions of passed modules that come back) ---------------------------------------
KEY_REFRESH = "Opfrissen"
REFRESH_TITLE = "Opfrissen"
REFRESH_ASK = "Weet je het nog? Geef je antwoord; daarna zie je of het goed is."
REFRESH_ALL_DONE = "Klaar voor vandaag."


def refresh_home_line(count: int) -> str:
    what = question_count(count)
    return f"↻ {what} om op te frissen · druk op enter of o"


def refresh_label(module_title: str) -> str:
    return f"Opfrisvraag uit: {module_title}"


def refresh_next(days: int, *, last: bool) -> str:
    when = "morgen" if days == 1 else f"over {days} dagen"
    then = "Dit was de laatste: druk op n om af te sluiten." if last else "Druk op n voor de volgende vraag."
    return f"Deze vraag komt {when} terug. {then}"


def refresh_done(count: int) -> str:
    what = question_count(count)
    return (
        f"Je hebt {what} opgefrist. De vragen komen terug op de dag dat je ze anders zou vergeten: "
        "wat je goed wist later, wat je niet meer wist al morgen.\n\nDruk op escape om terug te gaan."
    )


# --- glossary (a module's begrippenlijst, on g) --------------------------------------------------------
KEY_GLOSSARY = "Begrippen"
GLOSSARY_TITLE = "Begrippenlijst"
GLOSSARY_SEARCH = "Typ om te zoeken in de begrippen…"
GLOSSARY_NONE_FOUND = "Geen begrip gevonden. Wis een deel van je zoekwoord."


def glossary_count(shown: int, total: int) -> str:
    if shown == total:
        return f"{total} begrippen · typ om te zoeken · ↑ ↓ om te lezen · escape: terug"
    return f"{shown} van {total} begrippen · ↑ ↓ om te lezen · escape: terug"


# --- toets overview (o) and flags (m), review after hand-in ------------------------------------------
KEY_OVERVIEW = "Overzicht"
KEY_FLAG = "Markeer"
KEY_JUMP = "Naar vraag"
KEY_WRONG_ONLY = "Alleen fout"
KEY_OPEN_PAGE = "Pagina openen"
KEY_PRACTISE_AGAIN = "Oefen zwakke doelen"
KEY_REVIEW_NEXT = "Volgende vraag"
KEY_REVIEW_PREV = "Vorige vraag"
OVERVIEW_TITLE = "Overzicht van de toets"
OVERVIEW_HELP = "enter: naar de vraag · m: markeren aan/uit · escape: terug naar de vraag"
STATE_ANSWERED = "beantwoord"
STATE_OPEN = "open"
STATE_FLAGGED = "gemarkeerd"
FLAG = "⚑"
FLAGGED_HERE = "⚑ Gemarkeerd om nog naar te kijken (o: overzicht · m: markering weg)"
HERE = "◀ hier"


def overview_counts(answered: int, total: int, flagged: int) -> str:
    text = f"Beantwoord: {answered} van {total} · open: {total - answered}"
    return text + f" · gemarkeerd: {flagged}"


def overview_line(number: int, state: str, flagged: bool, prompt: str) -> str:
    mark = f"{FLAG} {STATE_FLAGGED}" if flagged else ""
    return f"{number:>2}. {state:<10} {mark:<12} {prompt}"


def submit_flagged(flagged: int) -> str:
    """Said in the hand-in question when questions are still marked."""
    if flagged == 0:
        return ""
    vragen = question_count(flagged)
    return f"\nJe hebt nog {vragen} gemarkeerd om naar te kijken (o: overzicht)."


REVIEW_HELP = "n / p: van vraag naar vraag · enter: de pagina die het uitlegt · f: alleen wat fout was"
WRONG_ONLY_ON = "Je ziet alleen de vragen die niet (helemaal) goed waren. Druk op f om alles te zien."
WRONG_ONLY_NONE = "Je had alle vragen goed."
TAUGHT_ON = "Lees terug: "
NO_PAGE = "geen pagina bij dit leerdoel"


def taught_on(page_number: int, title: str) -> str:
    return f"pagina {page_number}. {title}"


def practise_again_line(count: int) -> str:
    if count == 0:
        return "Je scoorde op elk leerdoel voldoende."
    what = question_count(count)
    return f"Druk op w om {what} van je zwakke leerdoelen nog eens te oefenen (telt niet mee voor je uitslag)."


# the practice round after hand-in
PRACTICE_ROUND_TITLE = "Nog eens oefenen"
PRACTICE_ROUND_ASK = "Oefenen telt niet mee voor je uitslag. Geef je antwoord; daarna zie je of het goed is."
PRACTICE_ROUND_DONE = "Klaar met oefenen. Druk op escape om terug te gaan naar je uitslag."


def practice_round_label(number: int, total: int, objective: str) -> str:
    return f"Oefenvraag {number} van {total} · {objective}"


def practice_round_next(last: bool) -> str:
    return "Dit was de laatste: druk op n om af te sluiten." if last else "Druk op n voor de volgende vraag."


def practice_round_done(count: int, right: int) -> str:
    return f"Je hebt {count} {'vraag' if count == 1 else 'vragen'} geoefend, {right} goed.\n\n{PRACTICE_ROUND_DONE}"


UNCONFIRMED_ON_PAGE = (
    "Je hebt op deze pagina een keuze gemaakt maar nog niet als antwoord gegeven.\n"
    "Ja: geef hem nu als antwoord. Nee: laat hem vervallen."
)


# --- certificaat (on c, for a passed module) -----------------------------------------------------------
KEY_CERTIFICATE = "Certificaat"
CERTIFICATE_TITLE = "Certificaat"
CERTIFICATE_HELP = "Enter in het veld Bestand schrijft een HTML-pagina; open die in je browser om te printen. Escape: terug."
CERTIFICATE_NOT_PASSED = "Een certificaat is er als je de toets van deze module hebt gehaald."


def certificate_summary(certificate) -> str:
    from leermodules import strings as cli

    return (
        f"Certificaat voor {certificate.name}: {certificate.title} (versie {certificate.version}), "
        f"gehaald op {cli.long_date(certificate.passed_on)} met {cli.cert_percent(certificate.score)}, "
        f"studietijd {cli.cert_minutes(certificate.minutes)}."
    )


def certificate_written(path: str) -> str:
    return f"Certificaat geschreven naar {path}. Open het in je browser om het te printen."

# help on the toets and on the results (shown by `?` there, below the keys of the screen)
HELP_TOETS = "In de toets"
HELP_TOETS_KEYS = (
    ("o", "overzicht: elke vraag, beantwoord of open, en wat je markeerde; enter gaat erheen"),
    ("m", "de vraag markeren om er later nog naar te kijken; nog eens: markering weg"),
    ("i", "inleveren; je ziet eerst hoeveel vragen nog open of gemarkeerd zijn"),
)
HELP_REVIEW = "Bij je uitslag"
HELP_REVIEW_KEYS = (
    ("f", "alleen de vragen die niet (helemaal) goed waren, of weer alles"),
    ("n / p", "naar de volgende of vorige vraag"),
    ("enter / u", "de pagina openen die de stof van die vraag uitlegt"),
    ("w", "de vragen van je zwakke leerdoelen nog eens oefenen; telt niet mee"),
)
