"""The course model: one module, as a trainer writes it in YAML.

Keys are English, content is Dutch. Every model forbids unknown keys and is strict about types,
so a typo or a value of the wrong kind becomes a located error instead of a silent default.
The `description` of each field is Dutch: it is what an editor shows on hover via the JSON Schema.

Ids are stable slugs: they become progress keys and SCORM interaction ids, so renaming one
loses a learner's answers to it.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field
from pydantic_core import PydanticCustomError

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
Slug = Annotated[
    str,
    Field(
        pattern=SLUG_PATTERN,
        max_length=64,
        description="Een vaste naam: kleine letters, cijfers en streepjes, bijvoorbeeld 'meldcode-stappen'.",
    ),
]
#: Ids the apps use as a learner's location next to page ids: `engine.progress.ASSESSMENT` is where
#: the assessment is (the SCORM player writes it as cmi location too).
RESERVED_PAGE_IDS = frozenset({"toets"})


def _not_reserved(value: str) -> str:
    if value in RESERVED_PAGE_IDS:
        raise PydanticCustomError("reserved_page_id", "page id {id} is reserved", {"id": value})
    return value


PageId = Annotated[Slug, AfterValidator(_not_reserved)]
Text = Annotated[str, Field(min_length=1)]
Markdown = Annotated[str, Field(min_length=1, description="Tekst in Markdown: kopjes, lijsten, nadruk, links, tabellen.")]

#: Kinds that are graded; `likert` and `reflection` are not.
GRADED_KINDS = frozenset({"single", "multiple", "true_false", "order", "match", "text", "scenario"})


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Objective(Strict):
    """A learning objective; assessed questions point to one."""

    id: Slug
    text: Text = Field(description="Wat de lerende na de module kan, bijvoorbeeld 'Je herkent signalen van ...'.")


class Media(Strict):
    """An image that belongs to a page, stored in the module's own folder."""

    file: Text = Field(description="Pad naar het bestand, relatief aan de map van de module, bijvoorbeeld 'media/route.png'.")
    alt: Text = Field(description="Beschrijving van de afbeelding voor wie haar niet kan zien.")
    caption: str | None = Field(default=None, description="Onderschrift onder de afbeelding.")


class QuestionBase(Strict):
    id: Slug
    prompt: Markdown = Field(description="De vraag of opdracht zoals de lerende die ziet.")
    objective: Slug | None = Field(default=None, description="Id van het leerdoel waar deze vraag bij hoort (verplicht in de eindtoets).")
    explanation: str | None = Field(default=None, description="Uitleg die na het antwoorden verschijnt, ook bij het nakijken.")
    hint: str | None = Field(default=None, description="Een tip die de lerende kan opvragen voordat die antwoordt.")
    weight: float = Field(default=1, gt=0, le=100, allow_inf_nan=False, description="Hoe zwaar de vraag telt in de score (standaard 1).")


class Option(Strict):
    text: Text = Field(description="De tekst van het antwoord.")
    correct: bool = Field(default=False, description="true als dit antwoord goed is.")
    feedback: str | None = Field(default=None, description="Waarom dit antwoord goed of fout is; verschijnt na het antwoorden.")


class SingleQuestion(QuestionBase):
    """One correct option."""

    kind: Literal["single"]
    options: list[Option] = Field(min_length=2, max_length=10, description="De antwoorden; precies één met correct: true.")


class MultipleQuestion(QuestionBase):
    """One or more correct options, with partial credit (see `engine.grading`)."""

    kind: Literal["multiple"]
    options: list[Option] = Field(min_length=2, max_length=10, description="De antwoorden; minstens één met correct: true.")


class TrueFalseQuestion(QuestionBase):
    kind: Literal["true_false"]
    answer: bool = Field(description="Het goede antwoord: true (waar) of false (niet waar).")
    feedback_true: str | None = Field(default=None, description="Feedback voor wie 'waar' kiest.")
    feedback_false: str | None = Field(default=None, description="Feedback voor wie 'niet waar' kiest.")


class OrderItem(Strict):
    text: Text
    feedback: str | None = Field(default=None, description="Waarom deze stap op deze plek staat.")


class OrderQuestion(QuestionBase):
    """Items listed in the correct order; the learner sees them shuffled."""

    kind: Literal["order"]
    items: list[OrderItem] = Field(min_length=2, max_length=10, description="De onderdelen in de goede volgorde.")


class MatchPair(Strict):
    left: Text = Field(description="Wat gekoppeld moet worden, bijvoorbeeld een organisatie.")
    right: Text = Field(description="Het goede antwoord erbij, bijvoorbeeld haar rol.")
    feedback: str | None = Field(default=None, description="Waarom deze twee bij elkaar horen.")


class MatchQuestion(QuestionBase):
    kind: Literal["match"]
    pairs: list[MatchPair] = Field(min_length=2, max_length=10, description="De goede koppels.")
    distractors: list[Text] = Field(
        default_factory=list, max_length=5, description="Extra antwoorden aan de rechterkant die bij niets horen."
    )


class TextQuestion(QuestionBase):
    """A short answer, compared case- and whitespace-insensitively."""

    kind: Literal["text"]
    accepted: list[Text] = Field(min_length=1, description="Goede antwoorden; hoofdletters en spaties tellen niet mee.")
    feedback_correct: str | None = Field(default=None, description="Feedback bij een goed antwoord.")
    feedback_incorrect: str | None = Field(default=None, description="Feedback bij een fout antwoord.")
    max_length: int = Field(default=200, ge=1, le=500, description="Hoeveel tekens het antwoord mag tellen.")


class Choice(Strict):
    text: Text
    goto: Slug | None = Field(default=None, description="Id van de stap waar deze keuze naartoe leidt; leeg = einde van de casus.")
    points: int = Field(default=0, ge=0, le=10, description="Punten voor deze keuze.")
    feedback: str | None = Field(default=None, description="Het gevolg van deze keuze, zoals de lerende het ziet.")
    critical: bool = Field(
        default=False,
        description="true bij een ernstige fout: wie deze keuze maakt, krijgt 0 punten voor de hele casus.",
    )


class Step(Strict):
    id: Slug
    text: Markdown = Field(description="Wat er in deze stap gebeurt.")
    choices: list[Choice] = Field(default_factory=list, max_length=6, description="De keuzes; zonder keuzes is dit een einde van de casus.")


class ScenarioQuestion(QuestionBase):
    """A branching case: each choice leads to a step; the score is the points on the path taken
    divided by the most points any path can earn."""

    kind: Literal["scenario"]
    start: Slug = Field(description="Id van de eerste stap.")
    steps: list[Step] = Field(min_length=2, max_length=30)


DEFAULT_LIKERT_SCALE = ("helemaal niet", "een beetje", "redelijk", "goed", "heel goed")


class LikertQuestion(QuestionBase):
    """A statement rated on a scale of words. Not graded."""

    kind: Literal["likert"]
    scale: list[Text] = Field(
        default_factory=lambda: list(DEFAULT_LIKERT_SCALE),
        min_length=2,
        max_length=7,
        description="De woorden van de schaal, van laag naar hoog.",
    )
    theme: Slug | None = Field(default=None, description="Het thema van de ontwikkelscan waar deze uitspraak bij hoort.")


class ReflectionQuestion(QuestionBase):
    """Free text kept for the learner. Not graded."""

    kind: Literal["reflection"]
    max_length: int = Field(default=500, ge=1, le=2000, description="Hoeveel tekens het antwoord mag tellen.")


QuestionModel = (
    SingleQuestion
    | MultipleQuestion
    | TrueFalseQuestion
    | OrderQuestion
    | MatchQuestion
    | TextQuestion
    | ScenarioQuestion
    | LikertQuestion
    | ReflectionQuestion
)
#: A question as it appears in a list: pydantic picks the class by its `kind`.
Question = Annotated[QuestionModel, Field(discriminator="kind")]
KINDS = ("single", "multiple", "true_false", "order", "match", "text", "scenario", "likert", "reflection")


class Page(Strict):
    id: PageId
    title: Text
    body: Markdown | None = Field(default=None, description="De lestekst in Markdown.")
    media: list[Media] = Field(default_factory=list, description="Afbeeldingen bij deze pagina.")
    questions: list[Question] = Field(default_factory=list, description="Oefenvragen met directe feedback; tellen niet mee voor de score.")


class Assessment(Strict):
    title: Text = "Eindtoets"
    intro: str | None = Field(default=None, description="Uitleg vooraf, in Markdown.")
    pass_mark: int = Field(default=70, ge=0, le=100, description="Het percentage dat nodig is om te slagen (0 tot en met 100).")
    attempts: int = Field(default=0, ge=0, le=100, description="Hoe vaak de toets gemaakt mag worden; 0 = onbeperkt.")
    draw: int | None = Field(default=None, ge=1, description="Hoeveel vragen per poging uit de pool getrokken worden; leeg = allemaal.")
    draw_per_objective: int | None = Field(
        default=None,
        ge=1,
        le=10,
        description=(
            "Hoeveel van de getrokken vragen er minstens bij elk leerdoel horen, zodat elke poging"
            " elk leerdoel toetst (werkt samen met draw)."
        ),
    )
    shuffle: bool = Field(default=True, description="Vragen en antwoorden per poging in willekeurige volgorde.")
    feedback: Literal["after_each", "after_submit"] = Field(
        default="after_submit",
        description="after_each: feedback na elke vraag; after_submit: pas na het inleveren.",
    )
    questions: list[Question] = Field(min_length=1, description="De pool van toetsvragen.")


class Review(Strict):
    """Who checked the content, and when (shown to learners beside the module)."""

    date: Text = Field(description="Datum van de laatste inhoudelijke controle, als 2026-03-01.")
    by: list[Text] = Field(
        min_length=1,
        max_length=10,
        description="Wie de inhoud controleerden, als rol, bijvoorbeeld 'inhoudsdeskundige Veilig Thuis'.",
    )


class GlossaryEntry(Strict):
    """A term of the module's glossary; the learner's app shows the glossary on `g`."""

    term: Text = Field(
        max_length=80,
        description="Het begrip of de afkorting zoals de lerende die in de module tegenkomt, bijvoorbeeld 'OTS'.",
    )
    definition: Text = Field(
        max_length=1000,
        description="Wat het betekent, in een of twee zinnen; schrijf een afkorting eerst voluit.",
    )


class Theme(Strict):
    """A theme of the Kenniskaart, defined by the ontwikkelscan."""

    id: Slug
    title: Text = Field(description="De naam van het thema zoals de professional die ziet.")
    description: str | None = Field(default=None, description="Wat er onder dit thema valt.")


class Module(Strict):
    """A course module, or (with `kind: scan`) the ontwikkelscan."""

    id: Slug
    kind: Literal["course", "scan"] = Field(
        default="course",
        description="course: een gewone module; scan: de ontwikkelscan (uitspraken per thema, zonder toets).",
    )
    title: Text
    summary: Text = Field(description="Eén of twee zinnen: waar gaat de module over en voor wie.")
    version: str = Field(pattern=r"^\d+\.\d+\.\d+$", description="Versie als 1.0.0; verhoog die bij elke wijziging.")
    language: str = Field(default="nl", pattern=r"^[a-z]{2}$", description="Taalcode, bijvoorbeeld nl.")
    theme: Slug | None = Field(default=None, description="Het thema van de ontwikkelscan waar deze module bij hoort.")
    minutes: int = Field(ge=1, le=600, description="Hoeveel minuten de module ongeveer kost.")
    themes: list[Theme] = Field(default_factory=list, description="Alleen bij de ontwikkelscan: de thema's van de Kenniskaart.")
    objectives: list[Objective] = Field(default_factory=list, description="De leerdoelen.")
    sources: list[Text] = Field(default_factory=list, description="Bronnen waar de inhoud op steunt.")
    reviewed: Review | None = Field(default=None, description="Wanneer en door wie de inhoud is gecontroleerd.")
    glossary: list[GlossaryEntry] = Field(
        default_factory=list,
        max_length=200,
        description="Begrippenlijst: termen en afkortingen uit de module met hun uitleg; de lerende opent die met g.",
    )
    pages: list[Page] = Field(min_length=1, description="De pagina's, in volgorde.")
    assessment: Assessment | None = Field(default=None, description="De eindtoets.")

    # --- derived views (no state) ---

    def all_questions(self) -> list[QuestionModel]:
        """Every question in document order: practice questions page by page, then the pool."""
        questions: list[QuestionModel] = [q for page in self.pages for q in page.questions]
        if self.assessment:
            questions.extend(self.assessment.questions)
        return questions

    def question(self, question_id: str) -> QuestionModel:
        for q in self.all_questions():
            if q.id == question_id:
                return q
        raise KeyError(question_id)

    def page(self, page_id: str) -> Page:
        for p in self.pages:
            if p.id == page_id:
                return p
        raise KeyError(page_id)

