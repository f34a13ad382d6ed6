"""The Dutch texts the player's script shows (the page's fixed texts are in the templates).

They travel in the page's data block, so the script holds no language of its own. `{name}` marks
a value the script fills in.
"""

PLAYER_TEXTS = {
    "choose": "Kies eerst een antwoord.",
    "chooseMatch": "Kies bij minstens één onderdeel een antwoord.",
    "type": "Typ eerst je antwoord.",
    "good": "Goed.",
    "part": "Deels goed ({pct}%).",
    "wrong": "Niet goed.",
    "saved": "Je antwoord is bewaard.",
    "keepOrder": "Bewaar deze volgorde",
    "answerIs": "Het goede antwoord: {answer}",
    "answersAre": "De goede antwoorden:",
    "orderIs": "De goede volgorde:",
    "matchIs": "De goede koppels:",
    "trueFalse": "Het goede antwoord: {answer}.",
    "trueWord": "waar",
    "falseWord": "niet waar",
    "points": "Je haalde {points} van de {best} punten.",
    "endCase": "Einde van de casus.",
    "question": "Vraag {i} van {n}",
    "unanswered1": "Je hebt 1 vraag nog niet beantwoord. Klik nog een keer op Lever de toets in om toch in te leveren.",
    "unanswered": "Je hebt {n} vragen nog niet beantwoord. Klik nog een keer op Lever de toets in om toch in te leveren.",
    "triesAny": "Je mag de toets zo vaak maken als je wilt.",
    "triesNone": "Je hebt geen pogingen meer over.",
    "triesLeft": "Je mag de toets nog {left} keer maken (van de {total}).",
    "passed": "Je score is {pct}%. Je bent geslaagd.",
    "failed": "Je score is {pct}%. Je bent niet geslaagd; je had {pass}% nodig.",
    "best": "Je beste score tot nu toe is {pct}%.",
    "review": "Nakijken",
    "otherQuestions": "Overige vragen",
    "notAnswered": "Niet beantwoord.",
    "moved": "{text} staat nu op plaats {i} van {n}.",
    "refused": (
        "De leeromgeving heeft je voortgang niet aangenomen (foutcode {code}). Je antwoorden staan nog op "
        "deze pagina en worden bij je volgende stap opnieuw verstuurd. Sluit deze pagina nog niet."
    ),
    "noLms": "Er is geen verbinding met de leeromgeving (foutcode {code}). Je voortgang wordt nu alleen in deze browser bewaard.",
    "preview": "Voorvertoning zonder leeromgeving: je voortgang wordt alleen in deze browser bewaard.",
    "previewNoStore": "Voorvertoning zonder leeromgeving: je voortgang wordt niet bewaard.",
    "reviewMode": "Je bekijkt deze module zonder dat je voortgang wordt bewaard.",
    "endDone": "Je hebt alle onderdelen van deze module gedaan. Je kunt dit venster sluiten.",
    "endBusy": "Je bent aan het einde gekomen. Nog niet alles is af: kies een onderdeel in de inhoud om verder te gaan.",
}
