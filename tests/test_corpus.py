"""The corpus of bad module files: each one gets exactly the located Dutch messages a trainer should see.

Every file in tests/corpus/bad/ is a small realistic module (mostly tests/corpus/valid/module.yaml with
one thing broken, described in its first line). `EXPECTED` holds, per file, every line
`leermodules validate FILE` must print on stderr: `file:line:column: what is wrong; how to fix it`.
A file added to the corpus without an entry here fails the test.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from engine.loader import check_module, check_paths
from leermodules.cli import main

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(__file__).resolve().parent / "corpus"
BAD = CORPUS / "bad"

EXPECTED: dict[str, list[str]] = {
    'alias_bomb': [
        '15:5: ankers en verwijzingen (&/*) zouden het bestand uitvouwen tot 54.481.162 onderdelen; gebruik minder verwijzingen naar verwijzingen; schrijf de inhoud liever uit',
    ],
    'bad_feedback_mode': [
        "58:13: 'after_eahc' is geen geldige keuze; bedoelde je 'after_each'?",
    ],
    'bad_kind': [
        "24:15: onbekende vraagsoort 'singel'; bedoelde je 'single'?",
    ],
    'bad_language': [
        "6:11: 'Nederlands' is geen geldige taalcode; gebruik twee kleine letters, bijvoorbeeld nl",
    ],
    'bad_objective_id': [
        "11:9: 'Gesprek' is geen geldige id; gebruik kleine letters, cijfers en streepjes, bijvoorbeeld 'gesprek'",
    ],
    'bad_slug_id': [
        "2:5: 'Eerste Huisbezoek' is geen geldige id; gebruik kleine letters, cijfers en streepjes, bijvoorbeeld 'eerste-huisbezoek'",
    ],
    'bad_version': [
        "5:10: '1.0' is geen geldige versie; schrijf drie getallen met punten, bijvoorbeeld '1.0.0'",
    ],
    'binary': [
        '3:1: dit is geen tekstbestand (het bevat een NUL-byte); geef een YAML-bestand op, opgeslagen als UTF-8-tekst',
    ],
    'body_image_missing': [
        "18:11: mediabestand 'media/voordeur.png' bestaat niet; controleer de naam en hoofdletters, of zet het bestand in de map van de module",
    ],
    'body_image_parent': [
        "18:11: mediapad '../../voordeur.png' wijst buiten de map van de module; zet het bestand in de map van de module en verwijs zonder '..'",
    ],
    'body_image_remote': [
        "35:11: afbeelding 'http://example.org/tafel.jpg' staat op internet; zet het bestand in de map van de module; een module werkt offline",
    ],
    'comments_only': [
        "1:1: bestand bevat alleen commentaar (regels met '#'); begin met 'id:', 'title:' en de andere sleutels; 'leermodules new ID' maakt een voorbeeld",
    ],
    'control_character': [
        '35:28: onzichtbaar stuurteken (code 11) in de tekst; verwijder het; het komt vaak mee bij kopiëren uit een tekstverwerker',
    ],
    'custom_tag': [
        "14:5: YAML-tag '!include' is niet toegestaan; verwijder de tag; een module bevat alleen tekst, getallen, lijsten en sleutels",
    ],
    'dangling_goto': [
        "47:23: stap 'keuken' bestaat niet in deze casus; bestaande stappen: deur, tafel",
    ],
    'dangling_objective': [
        "39:20: leerdoel 'gesprekken' bestaat niet; bedoelde je 'gesprek'?",
    ],
    'dangling_start': [
        "41:16: stap 'voordeur' bestaat niet in deze casus; bedoelde je 'deur'?",
    ],
    'deep_nesting': [
        "14:67: gegevens zijn dieper genest dan 64 niveaus; een module heeft zo'n diepe nesting niet nodig; controleer de inspringing",
    ],
    'duplicate_anchor': [
        "31:19: dit anker ('&naam') komt twee keer voor (eerst op regel 28); geef elk anker een eigen naam",
    ],
    'duplicate_key_option': [
        "34:13: sleutel 'correct' komt twee keer voor (eerst op regel 32); verwijder of hernoem één van beide",
    ],
    'duplicate_key_top': [
        "8:1: sleutel 'title' komt twee keer voor (eerst op regel 3); verwijder of hernoem één van beide",
    ],
    'duplicate_objective_id': [
        "11:9: leerdoel-id 'voorbereiden' komt al voor op regel 9; geef elke id een eigen naam",
        "39:20: leerdoel 'gesprek' bestaat niet; bestaande leerdoelen: voorbereiden",
        "68:18: leerdoel 'gesprek' bestaat niet; bestaande leerdoelen: voorbereiden",
    ],
    'duplicate_option_text': [
        "74:17: antwoord 'Luisteren.' staat er twee keer; maak elk antwoord anders",
    ],
    'duplicate_page_id': [
        "33:9: pagina-id 'voorbereiding' komt al voor op regel 16; geef elke id een eigen naam",
    ],
    'duplicate_question_id': [
        "66:11: vraag-id 'oefen-bellen' komt al voor op regel 23; geef elke id een eigen naam",
    ],
    'duplicate_step_id': [
        "55:17: stap-id 'tafel' komt al voor op regel 53; geef elke id een eigen naam",
    ],
    'empty': [
        "1:1: bestand is leeg; begin met 'id:', 'title:' en de andere sleutels; 'leermodules new ID' maakt een voorbeeld",
    ],
    'key_not_text': [
        "7:1: een sleutel moet een woord zijn; schrijf 'sleutel: waarde'; lijsten en mappings kunnen geen sleutel zijn",
    ],
    'media_absolute': [
        "37:15: mediapad '/home/trainer/plaatjes/tafel.png' is absoluut; geef een pad relatief aan de map van de module, bijvoorbeeld 'media/plaat.png'",
    ],
    'media_missing': [
        "37:15: mediabestand 'media/tafel.png' bestaat niet; controleer de naam en hoofdletters, of zet het bestand in de map van de module",
    ],
    'media_parent': [
        "37:15: mediapad '../gedeeld/tafel.png' wijst buiten de map van de module; zet het bestand in de map van de module en verwijs zonder '..'",
    ],
    'media_remote': [
        "37:15: afbeelding 'https://example.org/tafel.png' staat op internet; zet het bestand in de map van de module; een module werkt offline",
    ],
    'media_windows_drive': [
        "37:15: mediapad 'C:\\Users\\trainer\\tafel.png' is absoluut; geef een pad relatief aan de map van de module, bijvoorbeeld 'media/plaat.png'",
    ],
    'merge_key': [
        "32:13: samenvoegen met '<<' wordt niet ondersteund; schrijf de sleutels voluit",
    ],
    'missing_key_answer': [
        "59:7: verplichte sleutel 'answer' ontbreekt; voeg 'answer: ...' toe",
    ],
    'missing_key_version': [
        "2:1: verplichte sleutel 'version' ontbreekt; voeg 'version: ...' toe",
    ],
    'missing_kind': [
        "23:9: de vraag heeft geen 'kind'; voeg 'kind: ...' toe met één van: single, multiple, true_false, order, match, text, scenario, likert, reflection",
    ],
    'multiple_documents': [
        "55:1: meer dan één document in het bestand ('---'); zet één module in één bestand en haal de regel '---' weg",
    ],
    'no_correct_answer': [
        "28:11: geen enkel antwoord is goed; zet 'correct: true' bij het goede antwoord",
    ],
    'not_utf8': [
        '3:28: tekst is geen geldige UTF-8; sla het bestand op met codering UTF-8',
    ],
    'objective_missing_in_assessment': [
        "11:9: waarschuwing: leerdoel 'gesprek' wordt in de eindtoets niet getoetst; koppel minstens één toetsvraag aan dit leerdoel",
        "66:7: een toetsvraag moet bij een leerdoel horen; voeg 'objective: ...' toe met de id van een leerdoel",
    ],
    'pass_mark_negative': [
        '56:14: slaaggrens -10 ligt niet tussen 0 en 100; geef een percentage van 0 tot en met 100, bijvoorbeeld 70',
    ],
    'pass_mark_out_of_range': [
        '56:14: slaaggrens 150 ligt niet tussen 0 en 100; geef een percentage van 0 tot en met 100, bijvoorbeeld 70',
    ],
    'pool_smaller_than_draw': [
        "57:9: er worden 5 vragen getrokken, maar de pool heeft er maar 2; verlaag 'draw' tot hoogstens 2 of voeg vragen toe",
    ],
    'python_name_tag': [
        "7:10: YAML-tag '!!python/name:os.getcwd' is niet toegestaan; verwijder de tag; een module bevat alleen tekst, getallen, lijsten en sleutels",
    ],
    'python_tag': [
        "17:12: YAML-tag '!!python/object/apply:os.system' is niet toegestaan; verwijder de tag; een module bevat alleen tekst, getallen, lijsten en sleutels",
    ],
    'recursive_alias': [
        "14:5: een anker verwijst naar zichzelf; verwijder de '*verwijzing' binnen het eigen '&anker'",
    ],
    'scenario_loop': [
        "57:23: deze 'goto' leidt terug naar stap 'deur', dus kan de casus eindeloos rondgaan; laat de keuze naar een stap verderop leiden, of laat 'goto' weg zodat de casus hier eindigt",
    ],
    'scenario_no_points': [
        "41:16: geen enkele keuze in deze casus levert punten op; geef de goede keuzes 'points:' (bijvoorbeeld 2)",
    ],
    'several_problems': [
        "4:1: onbekende sleutel 'summry'; bedoelde je 'summary'?",
        "47:23: stap 'keuken' bestaat niet in deze casus; bestaande stappen: deur, tafel",
        "57:9: er worden 5 vragen getrokken, maar de pool heeft er maar 2; verlaag 'draw' tot hoogstens 2 of voeg vragen toe",
    ],
    'tab_indent': [
        '25:1: tab gevonden; YAML springt in met spaties; vervang de tab door spaties',
    ],
    'top_level_list': [
        "2:1: een module moet beginnen met sleutels zoals 'id:' en 'title:', niet met een lijst; 'leermodules new ID' maakt een voorbeeld",
    ],
    'top_level_text': [
        "2:1: een module moet beginnen met sleutels zoals 'id:' en 'title:', niet met tekst; 'leermodules new ID' maakt een voorbeeld",
    ],
    'two_correct_single': [
        "32:22: een 'single'-vraag heeft precies één goed antwoord; gebruik 'kind: multiple' als meer antwoorden goed zijn",
    ],
    'type_and_duplicate_id': [
        '29:22: verwacht true of false, maar dit is tekst; schrijf true of false zonder aanhalingstekens',
        "66:11: vraag-id 'oefen-bellen' komt al voor op regel 23; geef elke id een eigen naam",
    ],
    'type_and_reference': [
        '7:10: verwacht een heel getal, maar dit is tekst; schrijf alleen een getal, zoals 30',
        "39:20: leerdoel 'gesprekken' bestaat niet; bedoelde je 'gesprek'?",
    ],
    'type_answer_text': [
        '63:15: verwacht true of false, maar dit is tekst; schrijf true of false zonder aanhalingstekens',
    ],
    'type_correct_text': [
        '29:22: verwacht true of false, maar dit is tekst; schrijf true of false zonder aanhalingstekens',
    ],
    'type_empty_prompt': [
        '26:16: verwacht tekst, maar dit is niets (leeg); schrijf hier tekst',
    ],
    'type_minutes_text': [
        '7:10: verwacht een heel getal, maar dit is tekst; schrijf alleen een getal, zoals 30',
    ],
    'type_one_option': [
        "28:11: 'options' heeft te weinig items; voeg er minstens 2 toe",
    ],
    'type_options_mapping': [
        "28:11: verwacht een lijst, maar dit is sleutels met waarden; begin elk item op een nieuwe regel met '- '",
    ],
    'type_sources_text': [
        "13:10: verwacht een lijst, maar dit is tekst; begin elk item op een nieuwe regel met '- '",
    ],
    'type_title_number': [
        '17:12: verwacht tekst, maar dit is het getal 2024; zet de waarde tussen aanhalingstekens',
    ],
    'type_title_yes': [
        '3:8: verwacht tekst, maar dit is de ja/nee-waarde true; zet de waarde tussen aanhalingstekens (YAML leest yes/no/on/off/true/false als ja/nee)',
    ],
    'ungraded_in_assessment': [
        "67:13: een 'likert'-vraag wordt niet beoordeeld en hoort niet in de eindtoets; zet de vraag bij een pagina",
    ],
    'unknown_key_feedbak': [
        "49:17: onbekende sleutel 'feedbak'; bedoelde je 'feedback'?",
    ],
    'unknown_key_in_assessment': [
        "56:3: onbekende sleutel 'passmark'; bedoelde je 'pass_mark'?",
    ],
    'unknown_key_no_match': [
        "8:1: onbekende sleutel 'auteur'; toegestaan zijn: assessment, glossary, id, kind, language, minutes, objectives, pages, reviewed, sources, summary, theme, themes, title, version",
    ],
    'unknown_key_optoins': [
        "27:9: onbekende sleutel 'optoins'; bedoelde je 'options'?",
    ],
    'unknown_key_summry': [
        "4:1: onbekende sleutel 'summry'; bedoelde je 'summary'?",
    ],
    'unreachable_step': [
        "55:17: stap 'gang' is onbereikbaar; laat een keuze met 'goto' naar deze stap leiden, of verwijder de stap",
    ],
    'warnings_and_error': [
        "31:13: waarschuwing: antwoord zonder feedback; leg met 'feedback:' uit waarom dit antwoord goed of fout is",
        "56:9: er worden 3 vragen getrokken, maar de pool heeft er maar 2; verlaag 'draw' tot hoogstens 2 of voeg vragen toe",
        "58:7: waarschuwing: vraag zonder feedback of uitleg; voeg 'explanation:' of feedback per antwoord toe",
    ],
    'yaml_at_sign': [
        "26:17: teken '@' kan een waarde niet beginnen; zet de tekst tussen aanhalingstekens",
    ],
    'yaml_bad_escape': [
        "17:32: onbekende code met '\\' in tekst tussen dubbele aanhalingstekens; gebruik enkele aanhalingstekens ('...') of schrijf '\\\\' voor een backslash",
    ],
    'yaml_bad_indent': [
        '26:10: deze regel springt verder in dan de regel erboven; sleutels van hetzelfde onderdeel springen even ver in; controleer ook de regel erboven',
    ],
    'yaml_colon_in_text': [
        "34:17: dubbele punt op een onverwachte plek; zet tekst waarin ': ' staat tussen aanhalingstekens, of controleer de inspringing",
    ],
    'yaml_flow_unclosed': [
        "14:6: lijst tussen [ ] is niet goed afgesloten (begonnen op regel 13); sluit af met ']' en zet tekst met een komma of dubbele punt tussen aanhalingstekens",
    ],
    'yaml_key_between_levels': [
        "57:2: inspringing klopt niet; onderdelen op hetzelfde niveau springen even ver in; een lijst-item begint met '- '",
    ],
    'yaml_key_outdented': [
        "26:8: deze regel springt minder ver in dan de regel erboven; zet sleutels van hetzelfde onderdeel even ver in, of begin een nieuw lijst-item met '- '",
    ],
    'yaml_list_after_text': [
        "14:1: lijst-item onder een sleutel die al een waarde heeft; een sleutel heeft tekst of een lijst, niet allebei; zet de tekst als eerste item met '- ' in de lijst",
    ],
    'yaml_list_item_outdented': [
        '32:13: deze regel springt verder in dan de regel erboven; sleutels van hetzelfde onderdeel springen even ver in; controleer ook de regel erboven',
    ],
    'yaml_missing_colon': [
        "4:1: hier verwacht YAML 'sleutel: waarde'; zet een dubbele punt en een spatie na de sleutel, of controleer de inspringing",
    ],
    'yaml_unclosed_quote': [
        '3:8: aanhalingsteken wordt niet gesloten; sluit de tekst af met hetzelfde aanhalingsteken',
    ],
    'yaml_undefined_alias': [
        "14:5: verwijzing naar een onbekend anker; definieer het anker eerst met '&naam' voordat je '*naam' gebruikt",
    ],
    # images: every Markdown text the export renders, parsed as the export parses it (issue 9)
    'body_image_reference_absolute': [
        "18:11: mediapad '/etc/passwd' is absoluut; geef een pad relatief aan de map van de module, bijvoorbeeld 'media/plaat.png'",
    ],
    'body_image_reference_parent': [
        "18:11: mediapad '../../../.bashrc' wijst buiten de map van de module; zet het bestand in de map van de module en verwijs zonder '..'",
    ],
    'body_image_title_parent': [
        "18:11: mediapad '../../../etc/hostname' wijst buiten de map van de module; zet het bestand in de map van de module en verwijs zonder '..'",
    ],
    'body_image_brackets_alt': [
        "18:11: mediapad '../../voordeur.png' wijst buiten de map van de module; zet het bestand in de map van de module en verwijs zonder '..'",
    ],
    'body_image_percent_encoded': [
        "18:11: mediapad '../../../etc/hostname' wijst buiten de map van de module; zet het bestand in de map van de module en verwijs zonder '..'",
    ],
    'body_image_file_scheme': [
        "18:11: afbeelding zonder bruikbaar pad (leeg, of een soort adres dat niet mag, zoals file:); verwijs naar een afbeelding in de map van de module, bijvoorbeeld 'media/plaat.png'",
    ],
    'body_image_nul': [
        "18:11: mediapad 'media/voordeur\\x00.png' bevat een NUL-teken; verwijder het teken uit het pad; verwijs naar een afbeelding in de map van de module, bijvoorbeeld 'media/plaat.png'",
    ],
    'media_name_too_long': [
        "37:15: mediapad 'media/tafeltafeltafeltafeltafeltafeltafeltafeltafeltafelt…' heeft een naam van meer dan 255 tekens; geef het bestand en zijn mappen kortere namen",
    ],
    'feedback_image_parent': [
        "30:23: mediapad '../../telefoon.png' wijst buiten de map van de module; zet het bestand in de map van de module en verwijs zonder '..'",
    ],
    'prompt_image_absolute': [
        "62:15: mediapad '/proc/self/environ' is absoluut; geef een pad relatief aan de map van de module, bijvoorbeeld 'media/plaat.png'",
    ],
    'alias_text_bomb': [
        "60:174: ankers en verwijzingen (&/*) zouden het bestand uitvouwen tot 1.371.611 tekens tekst, meer dan 1.052.187; herhaal lange teksten niet met '*'; schrijf ze uit of verwijs er minder vaak naar",
    ],
    'number_too_long': [
        '7:10: getal van 5.000 cijfers is te lang; een module heeft zulke getallen niet nodig; zet de waarde tussen aanhalingstekens als het tekst is',
    ],
    'weight_infinite': [
        '25:17: .inf is geen gewoon getal; schrijf een getal zoals 1 of 1.5; .inf (oneindig) en .nan (geen getal) kunnen hier niet',
    ],
    'pass_mark_nan': [
        '56:14: verwacht een heel getal, maar dit is geen getal (.nan); schrijf alleen een getal, zoals 30',
    ],
    'control_escape': [
        "3:8: tekst bevat een stuurteken (\\x07) dat niet in een module kan; haal het weg; tussen dubbele aanhalingstekens maakt '\\' met een letter zo'n teken, schrijf '\\\\' voor een backslash",
    ],
    'control_escape_key': [
        "5:1: tekst bevat een stuurteken (\\x1b) dat niet in een module kan; haal het weg; tussen dubbele aanhalingstekens maakt '\\' met een letter zo'n teken, schrijf '\\\\' voor een backslash",
    ],
    'page_id_toets': [
        "33:9: pagina-id 'toets' is gereserveerd voor de eindtoets; kies een andere id voor deze pagina, bijvoorbeeld 'toets-uitleg'",
    ],
    'deep_nesting_libyaml': [
        "14:67: gegevens zijn dieper genest dan 64 niveaus; een module heeft zo'n diepe nesting niet nodig; controleer de inspringing",
    ],
    'yaml_bad_hex_escape': [
        "3:8: onvolledige code met '\\x', '\\u' of '\\U' in tekst tussen dubbele aanhalingstekens; gebruik enkele aanhalingstekens ('...') of schrijf '\\\\' voor een backslash",
    ],
    'version_number': [
        "5:10: '1.0' is geen geldige versie (YAML leest het als een getal); schrijf drie getallen met punten, bijvoorbeeld 1.0.0",
    ],
    'weight_zero': [
        '61:15: 0 is te klein; de waarde moet groter zijn dan 0, bijvoorbeeld 1',
    ],
    'pass_mark_percent': [
        '56:14: verwacht een heel getal, maar dit is tekst; laat het %-teken weg en schrijf alleen het getal, zoals 70',
    ],
    'pass_mark_quoted': [
        '56:14: verwacht een heel getal, maar dit is tekst; haal de aanhalingstekens weg, zoals 70',
    ],
    'forgotten_dash': [
        "31:13: sleutel 'text' komt twee keer voor in hetzelfde lijst-item (eerst op regel 28): hier begint vast een nieuw item; zet '- ' voor 'text', op de plek van het streepje van het item erboven",
    ],
    'quote_unclosed_runs_on': [
        '17:12: aanhalingsteken wordt op deze regel niet gesloten, dus leest YAML alles tot het volgende aanhalingsteken (regel 26) als één tekst; sluit de tekst op deze regel af met hetzelfde aanhalingsteken',
    ],
    'apostrophe_s': [
        '35:11: tekst die met \'s begint (zoals \'s avonds) leest YAML als tekst tussen enkele aanhalingstekens; zet de hele tekst tussen dubbele aanhalingstekens, bijvoorbeeld: "\'s avonds ..."',
    ],
    'duplicate_glossary_term': [
        "16:11: begrip 'ots' staat al in de begrippenlijst op regel 14; voeg de uitleg samen tot één begrip",
    ],
    'unknown_kind_and_more': [
        "24:15: onbekende vraagsoort 'singel'; bedoelde je 'single'?",
        "25:20: leerdoel 'voorbereidn' bestaat niet; bedoelde je 'voorbereiden'?",
        "27:9: onbekende sleutel 'optoins'; bedoelde je 'options'?",
    ],
    'dutch_keys': [
        "17:5: onbekende sleutel 'titel'; bedoelde je 'title'?",
        "44:13: onbekende sleutel 'tekst'; bedoelde je 'text'?",
        "62:7: onbekende sleutel 'vraag'; bedoelde je 'prompt'?",
        "63:7: onbekende sleutel 'antwoord'; bedoelde je 'answer'?",
        "64:7: onbekende sleutel 'tip'; bedoelde je 'hint'?",
    ],
    'dutch_kinds': [
        "38:15: onbekende vraagsoort 'casus'; bedoelde je 'scenario'?",
        "67:13: onbekende vraagsoort 'meerkeuze'; bedoelde je 'single' (één goed antwoord) of 'multiple' (meer goede antwoorden)?",
    ],
    'raw_html': [
        "21:31: HTML ('<br>') in Markdown wordt niet getoond, de app en het SCORM-pakket laten het weg; schrijf opmaak in Markdown (**vet**, *schuin*, een lege regel voor een nieuwe alinea); wil je '<' en '>' zelf tonen, zet de tekst dan tussen backticks, zoals `<Enter>`",
    ],
    'image_without_alt': [
        "38:7: afbeelding 'media/keukentafel.png' heeft geen beschrijving (alt-tekst); zet tussen de [ ] wat er te zien is, bijvoorbeeld ![Stappenplan van de meldcode](media/stappen.png)",
    ],
    'text_max_length_too_short': [
        "64:19: 'max_length: 4' is korter dan elk goed antwoord (het kortste telt 6 tekens): niemand kan dit goed beantwoorden; verhoog 'max_length' tot minstens 6, of laat het weg (standaard 200)",
    ],
    'match_distractor_is_answer': [
        "59:7: waarschuwing: vraag zonder feedback of uitleg; voeg 'explanation:' of feedback per antwoord toe",
        "68:21: afleider 'belt vooraf' is ook een goed antwoord in 'pairs'; kies een afleider die bij geen enkel koppel hoort",
    ],
    'unknown_language': [
        "6:11: 'du' is niet de taalcode van het Nederlands; gebruik nl",
    ],
    'language_and_html': [
        "6:11: taalcode 'xx' bestaat niet; gebruik een taalcode van twee letters volgens ISO 639-1, zoals nl of en",
        "69:32: HTML ('<em>') in Markdown wordt niet getoond, de app en het SCORM-pakket laten het weg; schrijf opmaak in Markdown (**vet**, *schuin*, een lege regel voor een nieuwe alinea); wil je '<' en '>' zelf tonen, zet de tekst dan tussen backticks, zoals `<Enter>`",
    ],
}

LOCATED = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+):(?P<column>\d+): (waarschuwing: )?[^;]+; .+$")


def corpus_files() -> list[str]:
    return sorted(p.stem for p in BAD.glob("*.yaml"))


def run_validate(name: str, folder: Path, monkeypatch, capsys) -> tuple[int, list[str], str]:
    monkeypatch.chdir(folder)
    code = main(["validate", f"{name}.yaml"])
    captured = capsys.readouterr()
    return code, captured.err.splitlines(), captured.out


def summary(lines: list[str]) -> str:
    errors = sum("waarschuwing:" not in line for line in lines)
    warnings = len(lines) - errors
    text = f"1 module gecontroleerd: 1 module met fouten ({errors} {'fout' if errors == 1 else 'fouten'})"
    if warnings:
        text += f", {warnings} {'waarschuwing' if warnings == 1 else 'waarschuwingen'}"
    return text + ".\n"


def test_the_corpus_is_large_and_fully_described():
    files = corpus_files()
    assert len(files) >= 40
    assert files == sorted(EXPECTED), "every corpus file needs its expected messages, and every entry a file"


def test_the_base_module_of_the_corpus_is_valid():
    result = check_module(CORPUS / "valid" / "module.yaml")
    assert result.ok and result.problems == [], "\n".join(map(str, result.problems))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_validate_prints_exactly_the_expected_located_messages(name, monkeypatch, capsys):
    code, lines, out = run_validate(name, BAD, monkeypatch, capsys)
    expected = [f"{name}.yaml:{line}" for line in EXPECTED[name]]
    assert lines == expected
    assert code == 1
    assert out == summary(expected)
    for line in lines:
        assert LOCATED.match(line), line


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_loader_reports_the_same_problems_without_the_command_line(name):
    result = check_module(BAD / f"{name}.yaml")
    assert result.module is None
    assert [f"{p.line}:{p.column}: {'waarschuwing: ' if p.severity == 'warning' else ''}{p.message}; {p.hint}" for p in result.problems] == EXPECTED[name]


def write_oversized(path: Path) -> None:
    """A valid module padded with comments to 17 MB (16 MB is the limit)."""
    base = (CORPUS / "valid" / "module.yaml").read_bytes()
    filler = b"# " + b"x" * 98 + b"\n"
    size = 17 * 1024 * 1024
    path.write_bytes(base + filler * ((size - len(base)) // len(filler)) + b"\n" * ((size - len(base)) % len(filler)))
    assert path.stat().st_size == size


def test_an_oversized_file_is_refused_before_it_is_read(tmp_path, monkeypatch, capsys):
    write_oversized(tmp_path / "groot.yaml")
    code, lines, out = run_validate("groot", tmp_path, monkeypatch, capsys)
    assert lines == ["groot.yaml:1:1: bestand is te groot (17,0 MB, de grens is 16 MB); splits de module op in kleinere modules"]
    assert code == 1
    assert out == summary(lines)


def test_a_file_that_does_not_exist_is_a_usage_error_not_a_traceback(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["validate", "weg.yaml"]) == 2
    captured = capsys.readouterr()
    assert "pad 'weg.yaml' bestaat niet" in captured.err
    assert "Traceback" not in captured.err


def test_the_whole_corpus_in_one_run_from_a_fresh_process():
    """One real process over the folder: exit 1, every file's messages, no traceback."""
    result = subprocess.run(
        [sys.executable, "-m", "leermodules", "validate", "bad"],
        cwd=CORPUS,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    expected = sorted(f"bad/{name}.yaml:{line}" for name, lines in EXPECTED.items() for line in lines)
    assert sorted(result.stderr.splitlines()) == expected
    total = len(EXPECTED)
    assert result.stdout.startswith(f"{total} modules gecontroleerd: {total} modules met fouten")


def test_the_messages_quoted_in_the_authors_guide_are_the_real_ones(tmp_path, monkeypatch):
    """Every message in the guide's tables of common messages is one the loader really gives."""
    guide = (ROOT / "docs" / "auteurshandleiding.md").read_text(encoding="utf-8")
    section = guide.split("## Veelvoorkomende meldingen", 1)[1].split("\n## ", 1)[0]
    quoted = [
        quote.removesuffix("; ...")
        for row in section.splitlines()
        if row.startswith("| `")
        for quote in re.findall(r"`([^`]+)`", row.split(" | ")[0])
    ]
    assert len(quoted) >= 40
    produced = [line.split(": ", 1)[1] for lines in EXPECTED.values() for line in lines]
    # the two that need more than one small file
    write_oversized(tmp_path / "groot.yaml")
    produced += [str(p).split(": ", 1)[1] for p in check_module(tmp_path / "groot.yaml").problems]
    for name in ("huisbezoek", "kopie"):
        (tmp_path / "content" / name).mkdir(parents=True)
        (tmp_path / "content" / name / "module.yaml").write_text((CORPUS / "valid" / "module.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    # a folder of modules: a folder not named after its module, a theme the ontwikkelscan lacks
    base = (CORPUS / "valid" / "module.yaml").read_text(encoding="utf-8")
    for name, text in (
        ("huis-bezoek", base),
        ("bezoek", base.replace("id: huisbezoek", "id: bezoek").replace("minutes: 20", "minutes: 20\ntheme: veilighied")),
        ("ontwikkelscan", (ROOT / "content" / "ontwikkelscan" / "module.yaml").read_text(encoding="utf-8")),
    ):
        (tmp_path / "modules" / name).mkdir(parents=True)
        (tmp_path / "modules" / name / "module.yaml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for folder in ("content", "modules"):
        produced += [str(p).split(": ", 1)[1] for r in check_paths([Path(folder)]) for p in r.problems]
    missing = [quote for quote in quoted if not any(quote in line for line in produced)]
    assert missing == []
