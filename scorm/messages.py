"""The compiler's own Dutch messages for trainers (the CLI prints them as they are)."""

from __future__ import annotations


def suspend_data_too_long(path: str, label: str, needed: int, limit: int) -> str:
    return (
        f"{path}: de voortgang van deze module past niet in {label}: in het slechtste geval zijn "
        f"{needed} tekens nodig en de leeromgeving bewaart er maar {limit}; "
        "maak de toets kleiner (minder pogingen, minder vragen of kortere open antwoorden) "
        "of exporteer als scorm2004"
    )


def media_refused(path: str, message: str, hint: str) -> str:
    return f"{path}: {message}; {hint}"


def unsafe_entry(name: str) -> str:
    return (
        f"het pakket zou een bestand '{name}' buiten zijn eigen map krijgen; er is niets geschreven; "
        "controleer de module met 'leermodules validate' en meld dit als het daar in orde is"
    )
