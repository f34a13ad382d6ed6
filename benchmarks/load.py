"""How fast is loading a module compared with PyYAML's C loader alone?

Generates one valid course module of at least 5 MB (many pages with Markdown, every question kind,
scenarios, a large assessment pool) in a temporary folder, then measures in the same run, taking
turns so both see the same machine load:

- load+validate: ``engine.loader.check_module(path)``: read, compose with libyaml keeping every
  node's line and column, convert, validate with pydantic, run every check beyond types;
- bare ``yaml.load(text, Loader=yaml.CSafeLoader)`` of the same text (no validation at all).

It prints the best and median of each and the ratio of the medians (the goal is at most 1.3).
Part of what the loader saves is Python's cycle collector, which it pauses while loading; the
like-for-like figure (yaml.load with the collector paused too) is printed as well.

    python3 benchmarks/load.py [--repeat 7] [--megabytes 5] [--max-ratio 1.3]
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from engine.loader import check_module  # noqa: E402
from engine.yaml_source import gc_paused  # noqa: E402

HEADER = """\
# A generated module for benchmarks/load.py.
id: benchmark-groot
title: Een heel grote module
summary: Gegenereerd om te meten hoe snel leermodules een groot bestand laadt en controleert.
version: 1.0.0
language: nl
minutes: 600
objectives:
  - id: herkennen
    text: Je herkent signalen.
  - id: handelen
    text: Je weet wat je doet.
sources:
  - Gegenereerde bron (2024).
pages:
"""

PAGE = """\
  - id: pagina-{n}
    title: "Pagina {n}: signalen en stappen"
    body: |
      ## Wat je ziet bij bewoner {n}

      Een bewoner vertelt aan de keukentafel dat de post zich opstapelt. Je vraagt door:
      wat lukt wel, wat niet, en wie helpt er al? Je let op **signalen** zoals schulden,
      eenzaamheid en zorgen over veiligheid, en je bespreekt ze *open* en respectvol.

      - Luister eerst, oordeel later.
      - Vraag naar wat de bewoner zelf wil.
      - Spreek af wie wat doet en wanneer.

      | Signaal | Wat je doet |
      |---|---|
      | Post blijft liggen | Samen de brieven openen |
      | Geen contacten | Vragen naar vroeger en nu |
    questions:
      - id: enkel-{n}
        kind: single
        objective: herkennen
        prompt: Wat doe je eerst bij bewoner {n}?
        hint: Denk aan de volgorde van een gesprek.
        options:
          - text: Luisteren en doorvragen.
            correct: true
            feedback: Klopt, zo hoor je wat er speelt.
          - text: Meteen een oplossing voorstellen.
            feedback: Nee, dan mis je wat de bewoner zelf wil.
          - text: Een folder achterlaten.
            feedback: Nee, een folder vervangt geen gesprek.
      - id: meer-{n}
        kind: multiple
        objective: herkennen
        prompt: Welke signalen kunnen wijzen op geldzorgen?
        weight: 2
        options:
          - {{text: Ongeopende post, correct: true, feedback: Ja.}}
          - {{text: Afgesloten energie, correct: true, feedback: Ja.}}
          - {{text: Een nieuwe fiets, feedback: Nee.}}
      - id: waar-{n}
        kind: true_false
        objective: handelen
        prompt: Je maakt afspraken altijd samen met de bewoner.
        answer: true
        feedback_true: Klopt.
        feedback_false: Nee, samen afspreken werkt beter.
      - id: volgorde-{n}
        kind: order
        objective: handelen
        prompt: Zet de stappen in volgorde.
        items:
          - text: Kennismaken
          - text: Vragen wat er speelt
          - text: Samen een plan maken
        explanation: Eerst contact, dan de vraag, dan het plan.
      - id: koppel-{n}
        kind: match
        objective: handelen
        prompt: Koppel de partner aan de rol.
        pairs:
          - {{left: Schuldhulp, right: Helpt met een betaalplan, feedback: Ja.}}
          - {{left: Huisarts, right: Kijkt naar de gezondheid, feedback: Ja.}}
        distractors: [Regelt de verhuizing]
      - id: tekst-{n}
        kind: text
        objective: herkennen
        prompt: Hoe heet het gesprek aan de keukentafel? (één woord)
        accepted: [keukentafelgesprek, huisbezoek]
        feedback_correct: Goed.
        feedback_incorrect: Het is het keukentafelgesprek.
      - id: casus-{n}
        kind: scenario
        objective: handelen
        prompt: Bewoner {n} doet open en kijkt wantrouwig.
        start: deur
        steps:
          - id: deur
            text: Wat doe je?
            choices:
              - {{text: Je stelt je voor., goto: tafel, points: 2, feedback: Je mag binnenkomen.}}
              - {{text: Je begint over de schulden., goto: dicht, points: 0, feedback: De deur gaat dicht.}}
          - id: tafel
            text: Aan tafel vertelt de bewoner over de post.
            choices:
              - {{text: Je geeft een folder., points: 1, feedback: Dat helpt maar een beetje.}}
              - {{text: Je vraagt door., points: 2, feedback: Je hoort wat er speelt.}}
          - id: dicht
            text: Het gesprek stopt hier.
      - id: schaal-{n}
        kind: likert
        prompt: Ik voel me zeker in een eerste gesprek.
      - id: reflectie-{n}
        kind: reflection
        prompt: Wat neem je mee uit pagina {n}?
"""

POOL_QUESTION = """\
    - id: toets-{n}
      kind: single
      objective: {objective}
      prompt: Toetsvraag {n}. Wat doe je eerst?
      options:
        - {{text: Luisteren., correct: true, feedback: Ja.}}
        - {{text: Oplossen., feedback: Nee.}}
"""


def generate(folder: Path, megabytes: float) -> Path:
    parts = [HEADER]
    size = len(HEADER)
    n = 0
    while size < megabytes * 1024 * 1024:
        page = PAGE.format(n=n)
        parts.append(page)
        size += len(page.encode("utf-8"))
        n += 1
    parts.append("assessment:\n  pass_mark: 70\n  draw: 20\n  questions:\n")
    parts += [POOL_QUESTION.format(n=i, objective=("herkennen", "handelen")[i % 2]) for i in range(200)]
    path = folder / "module.yaml"
    path.write_text("".join(parts), encoding="utf-8")
    return path


def measure(fn: Callable[[], object]) -> float:
    gc.collect()
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--megabytes", type=float, default=5.0)
    parser.add_argument("--max-ratio", type=float, default=None, help="exit 1 when the median ratio is above this")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        path = generate(Path(tmp), args.megabytes)
        text = path.read_text(encoding="utf-8")
        result = check_module(path)
        if not result.ok or result.problems:
            print("the generated module is not valid:", *result.problems[:5], sep="\n  ", file=sys.stderr)
            return 2
        module = result.module
        questions = len(module.all_questions())
        print(f"module: {path.stat().st_size / 1024 / 1024:.1f} MB, {len(module.pages)} pages, {questions} questions")

        def bare() -> object:
            return yaml.load(text, Loader=yaml.CSafeLoader)

        def bare_paused() -> object:
            with gc_paused():
                return yaml.load(text, Loader=yaml.CSafeLoader)

        times: dict[str, list[float]] = {"check": [], "bare": [], "bare_paused": []}
        for _ in range(args.repeat):  # taking turns, so a busy moment hits all three alike
            times["check"].append(measure(lambda: check_module(path)))
            times["bare"].append(measure(bare))
            times["bare_paused"].append(measure(bare_paused))

    median = {k: statistics.median(v) for k, v in times.items()}
    best = {k: min(v) for k, v in times.items()}
    print(f"load+validate (check_module):            best {best['check']:.3f} s, median {median['check']:.3f} s")
    print(f"yaml.load(CSafeLoader):                  best {best['bare']:.3f} s, median {median['bare']:.3f} s")
    print(f"yaml.load(CSafeLoader), collector paused: best {best['bare_paused']:.3f} s, median {median['bare_paused']:.3f} s")
    ratio = median["check"] / median["bare"]
    print(f"ratio load+validate / yaml.load: {ratio:.2f}x (goal: at most 1.3x)")
    print(f"ratio with the collector paused for both: {median['check'] / median['bare_paused']:.2f}x")
    if args.max_ratio is not None and ratio > args.max_ratio:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
