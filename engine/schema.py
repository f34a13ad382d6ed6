"""The JSON Schema of the module format, for editors (autocompletion and hover help).

Built from the models, then made fit for a trainer's editor:

- draft-07, the version editors such as VS Code's YAML extension support everywhere: definitions
  under `definitions` (not 2019's `$defs`), and no keyword newer than draft-07;
- every key described in Dutch: pydantic's English titles ("Pass Mark") and the models' docstrings
  (notes for developers) are replaced by `DESCRIPTIONS`;
- the assessment's question list offers only the graded kinds (`GRADED_KINDS`), as `validate`
  demands.
"""

from __future__ import annotations

import json
from typing import Any

from engine.model import GRADED_KINDS, Module

SCHEMA_ID = "https://leermodules.invalid/module.schema.json"
DRAFT_07 = "http://json-schema.org/draft-07/schema#"

_KIND = "De soort vraag: {kind}."
#: Dutch descriptions: of each definition ("Page"), and of keys the models leave undescribed
#: ("Page.title"); a question kind's `kind` key is described from `KIND_NAMES`.
DESCRIPTIONS: dict[str, str] = {
    "Objective": "Een leerdoel: wat de lerende na de module kan. Toetsvragen verwijzen ernaar met 'objective'.",
    "Media": "Een afbeelding bij een pagina, opgeslagen in de map van de module.",
    "Option": "Een antwoord om uit te kiezen.",
    "SingleQuestion": "Meerkeuzevraag met precies één goed antwoord.",
    "MultipleQuestion": "Meerkeuzevraag met één of meer goede antwoorden; deelpunten voor deels goed.",
    "TrueFalseQuestion": "Een uitspraak die waar of niet waar is.",
    "OrderItem": "Een onderdeel dat de lerende op zijn plek zet.",
    "OrderQuestion": "Zet in de goede volgorde: schrijf de onderdelen in de goede volgorde; de lerende ziet ze door elkaar.",
    "MatchPair": "Een koppel: links en het goede antwoord rechts.",
    "MatchQuestion": "Koppelen: de lerende zoekt bij elk onderdeel links het goede antwoord rechts.",
    "TextQuestion": "Kort antwoord om te typen; hoofdletters en spaties tellen niet mee.",
    "Choice": "Een keuze in een stap van de casus.",
    "Step": "Een stap van de casus: wat er gebeurt, en de keuzes die de lerende heeft.",
    "ScenarioQuestion": (
        "Een casus met keuzes: elke keuze leidt naar een volgende stap. De score is het aantal punten"
        " op het gekozen pad, gedeeld door het hoogste aantal dat een pad kan opleveren."
    ),
    "LikertQuestion": "Een uitspraak die de lerende op een schaal van woorden beoordeelt. Telt niet mee voor een score.",
    "ReflectionQuestion": "Een vraag voor jezelf: het antwoord wordt bewaard, niet beoordeeld.",
    "Page": "Een pagina van de module: lestekst, afbeeldingen en oefenvragen.",
    "Assessment": "De eindtoets: vragen uit een pool, met een slaaggrens.",
    "Review": "Wie de inhoud heeft gecontroleerd, en wanneer (de lerende ziet het bij de module).",
    "GlossaryEntry": "Een begrip van de begrippenlijst; de lerende opent de lijst met g.",
    "Theme": "Een thema van de Kenniskaart; de ontwikkelscan heeft per thema uitspraken.",
    "Module.title": "De titel van de module zoals de lerende die ziet.",
    "Page.title": "De titel van de pagina zoals de lerende die ziet.",
    "Assessment.title": "De titel van de eindtoets (standaard 'Eindtoets').",
    "Choice.text": "De keuze zoals de lerende die ziet.",
    "OrderItem.text": "De tekst van dit onderdeel.",
    "ScenarioQuestion.steps": "De stappen van de casus; de eerste is die van 'start', een stap zonder keuzes is een einde.",
}
KIND_NAMES = {
    "single": "single, één goed antwoord",
    "multiple": "multiple, één of meer goede antwoorden",
    "true_false": "true_false, waar of niet waar",
    "order": "order, zet in de goede volgorde",
    "match": "match, koppelen",
    "text": "text, kort antwoord",
    "scenario": "scenario, een casus met keuzes",
    "likert": "likert, een uitspraak op een schaal (telt niet mee)",
    "reflection": "reflection, een vraag voor jezelf (telt niet mee)",
}


def module_schema() -> dict:
    schema = Module.model_json_schema()
    definitions = schema.pop("$defs", {})
    _describe(schema, "Module")
    for name, definition in definitions.items():
        _describe(definition, name)
    assessment = definitions["Assessment"]["properties"]["questions"]["items"]
    assessment["oneOf"] = [ref for ref in assessment["oneOf"] if _kind_of(ref, definitions) in GRADED_KINDS]
    assessment["discriminator"]["mapping"] = {
        kind: ref for kind, ref in assessment["discriminator"]["mapping"].items() if kind in GRADED_KINDS
    }
    schema = {
        "$schema": DRAFT_07,
        "$id": SCHEMA_ID,
        **schema,
        "title": "Leermodule",
        "description": "Een module van leermodules: pagina's, oefenvragen, casussen en een eindtoets. "
        "Controleer een bestand met 'leermodules validate'.",
        "definitions": definitions,
    }
    return _draft_07_refs(schema)


def _describe(definition: dict, name: str) -> None:
    """Dutch descriptions for `definition` and its keys; pydantic's English titles removed."""
    definition.pop("title", None)
    if name in DESCRIPTIONS:
        definition["description"] = DESCRIPTIONS[name]
    else:
        definition.pop("description", None)  # a model's docstring is a note for developers
    for key, prop in definition.get("properties", {}).items():
        prop.pop("title", None)
        if f"{name}.{key}" in DESCRIPTIONS:
            prop["description"] = DESCRIPTIONS[f"{name}.{key}"]
        elif key == "kind" and "const" in prop:
            prop["description"] = _KIND.format(kind=KIND_NAMES[prop["const"]])


def _kind_of(ref: dict, definitions: dict) -> str:
    name = ref["$ref"].rsplit("/", 1)[-1]
    return definitions[name]["properties"]["kind"]["const"]


def _draft_07_refs(node: Any) -> Any:
    """References into `definitions`, as draft-07 writes them."""
    if isinstance(node, dict):
        return {
            key: _draft_07_refs(value) for key, value in node.items()
        }
    if isinstance(node, list):
        return [_draft_07_refs(item) for item in node]
    if isinstance(node, str) and node.startswith("#/$defs/"):  # a `$ref`, or a discriminator's mapping
        return "#/definitions/" + node.removeprefix("#/$defs/")
    return node


def module_schema_text() -> str:
    return json.dumps(module_schema(), ensure_ascii=False, indent=2) + "\n"
