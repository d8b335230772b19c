"""Decks built by hand from the Document model (a normal one, a stress one, one with figures) and their fixtures."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from reportgen.document.model import (
    BulletList,
    Chart,
    Container,
    Document,
    DocumentInfo,
    FigureRef,
    Heading,
    Image,
    ListItem,
    Paragraph,
    Quote,
    Rule,
    Run,
    Series,
    Table,
)
from reportgen.document.text import clean
from reportgen.theme import Theme


def runs(text: str) -> tuple[Run, ...]:
    """``**bold**`` and ``*italic*`` marked text as runs (enough for these tests), cleaned as the
    Markdown reader cleans a Document's text."""
    text = clean(text)
    out = []
    for part in re.split(r"(\*\*[^*]+\*\*|\*[^*]+\*)", text):
        if part.startswith("**"):
            out.append(Run(part[2:-2], bold=True))
        elif part.startswith("*") and len(part) > 1:
            out.append(Run(part[1:-1], italic=True))
        elif part:
            out.append(Run(part))
    return tuple(out)


def h(text: str, layout: str | None = None) -> Heading:
    return Heading(1, runs(text), {"layout": layout} if layout else {})


def p(text: str) -> Paragraph:
    return Paragraph(runs(text))


def ul(*items, ordered: bool = False) -> BulletList:
    """Items are strings or (string, [children]) pairs."""
    out = []
    for item in items:
        if isinstance(item, tuple):
            text, children = item
            out.append(ListItem(runs(text), ul(*children)))
        else:
            out.append(ListItem(runs(item)))
    return BulletList(tuple(out), ordered)


def notes(*lines: str) -> Container:
    return Container("notes", "", tuple(p(line) for line in lines))


def lead(text: str) -> Container:
    return Container("lead", "", (p(text),))


def slides(*groups) -> tuple:
    blocks: list = []
    for i, group in enumerate(groups):
        if i:
            blocks.append(Rule())
        blocks.extend(group)
    return tuple(blocks)


INFO = DocumentInfo(
    title="Japan's Defense Policy and Its Asian Allies",
    subtitle="Threats, strategy, partnerships and the choices ahead",
    author="Jane Zhou",
    organization="Regional Security Briefing Series",
    date=dt.date(2025, 1, 15),
    marking="UNCLASSIFIED // FOR TRAINING",
    keywords=("Japan", "defense policy", "Quad"),
)

BUDGET = Chart(
    id="budget",
    kind="bar",
    number=1,
    title="Japan's initial defense budget, FY2022-FY2025",
    caption="Cabinet-approved initial budgets including US force realignment costs, in trillion yen.",
    categories=("FY2022", "FY2023", "FY2024", "FY2025"),
    series=(Series("Initial defense budget", (5.4, 6.8, 7.9, 8.7)),),
    source="Kyodo News 2023; Associated Press 2024",
    unit="trillion yen",
)

THREATS = Table(
    id="threats",
    number=1,
    title="Japan's threat picture and policy responses",
    caption="Main threats, classified by type, with the response Japan is pursuing.",
    columns=("Threat", "Type", "Actor or driver", "Japan's response"),
    rows=(
        ("Maritime and territorial pressure", "Traditional", "China (East and South China Seas)", "Stronger SDF, US alliance, maritime security ties with Australia and ASEAN states"),
        ("Nuclear weapons and missile tests", "Traditional", "North Korea", "Missile defense investment; deterrence through the US alliance"),
        ("Unpredictable global order", "Traditional", "Shifting great-power balance", "Proactive Pacifism; Quad and other multilateral formats"),
        ("Cyber threats", "Non-traditional", "State and non-state hackers", "Cybersecurity cooperation with allies; protection of critical infrastructure"),
        ("Natural disasters", "Non-traditional", "Earthquakes, tsunamis, typhoons", "SDF disaster relief; HADR cooperation in the region"),
    ),
    source="Zhou, Japan's Defense Policy and Its Asian Allies",
)


def normal_document() -> Document:
    blocks = slides(
        [h("Japan's Defense Policy and Its Asian Allies", "title"), p("Threats, strategy, partnerships and the choices ahead"), p("Jane Zhou, Regional Security Briefing Series"), p("15 January 2025"), notes("Welcome the audience.")],
        [h("Agenda", "agenda"), ul("Security environment", "Defense strategy", "Alliances and partnerships", "Outlook", ordered=True)],
        [h("Security environment and threats", "section"), lead("Japan faces a crowded threat picture.")],
        [
            h("Security environment and threats"),
            lead("Japan faces a crowded threat picture that mixes assertive state rivals with hazards no army can deter."),
            ul(("**China** is the leading conventional concern.", ["Pressing its territorial claims in the East China Sea.", "Pushing expansive claims across the South China Sea."]), ("**North Korea** adds a nuclear dimension.", ["Pyongyang holds nuclear weapons and keeps testing missiles."])),
            notes("Start by setting the scene.", "China is the main conventional challenge."),
        ],
        [h("Japan's threat picture", "table"), FigureRef("threats"), notes("The table summarizes each threat.")],
        [h("Japan's initial defense budget, FY2022-FY2025", "chart"), lead("The initial budget rose by more than 60% in three years."), FigureRef("budget"), notes("Walk the audience through the chart.")],
        [
            h("Alliances and partnerships", "two-column"),
            Container("columns", "", (
                Container("column", "United States", (ul("The linchpin of Japanese strategy.", "Underwrites deterrence."),)),
                Container("column", "Regional partners", (ul("Australia: maritime security.", "The Quad: a free and open Indo-Pacific."),)),
            )),
            notes("The US alliance is the foundation."),
        ],
        [h("In their words", "quote"), Quote((p("Japan will contribute even more proactively to the peace and stability of the region."),)), p("— National Security Strategy, 2022")],
        [h("Summary", "summary"), ul("Threats are simultaneous.", "Tokyo answers with Proactive Pacifism.", "The US alliance remains the anchor.")],
        [h("Sources", "sources"), ul("Zhou, J. Japan's Defense Policy and Its Asian Allies.", "Kyodo News (2023). Japan's FY 2024 defense budget expands to record 7.9 tril. yen.")],
        [h("Questions?", "closing"), p("Jane Zhou"), notes("Thank the audience.")],
    )
    return Document(INFO, blocks, {"budget": BUDGET, "threats": THREATS})


WORDS = (
    "deterrence alliance maritime capability posture budget readiness interoperability resilience doctrine "
    "procurement logistics surveillance reconnaissance coordination escalation diplomacy partnership strategy assessment"
).split()


def sentence(seed: int, n: int) -> str:
    words = [WORDS[(seed * 7 + i * 3) % len(WORDS)] for i in range(n)]
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def long_point(seed: int) -> str:
    """80 words in sentences of 10."""
    return " ".join(sentence(seed + k, 10) for k in range(8))


STRESS_TITLE = ("An exceptionally long slide title that keeps going well past any reasonable length "
                "to test shrinking and two-line titles")[:120]


def stress_document() -> Document:
    many = Chart(
        id="many", kind="bar", number=2, title="Spending by programme", caption="Twelve programmes, three years.",
        categories=tuple(f"Programme area number {i + 1}" for i in range(12)),
        series=tuple(Series(f"FY202{y}", tuple(float(10 + (i * 7 + y * 3) % 23) for i in range(12))) for y in range(3)),
        source="Ministry of Defense budget documents", unit="billion yen",
    )
    big = Table(
        id="big", number=2, title="Forty rows", caption="A table far taller than a slide.",
        columns=("Item", "Category", "Description"),
        rows=tuple((f"Item {i + 1}", ("Traditional", "Non-traditional")[i % 2], sentence(i, 6 + i % 5)) for i in range(40)),
        source="Generated",
    )
    twenty_five = ul(*[(f"Point {i + 1}: " + sentence(i, 6), [sentence(i + 50, 5)]) if i % 4 == 0 else f"Point {i + 1}: " + sentence(i, 7) for i in range(25)])
    blocks = slides(
        [h(STRESS_TITLE, "title"), p("A subtitle"), p("Author")],
        [h(STRESS_TITLE), ul(*[long_point(i) for i in range(3)]), notes("Stress notes one.", "Second line.")],
        [h("Twenty-five points"), lead("A section with many points."), twenty_five, notes("Many points notes.")],
        [h("Three levels"), ul(*[(f"Level one {i}: " + sentence(i, 8), [(f"Level two {i}: " + sentence(i + 9, 8), [f"Level three {i}: " + sentence(i + 20, 8)])]) for i in range(5)]), notes("Nesting notes.")],
        [h("One enormous paragraph"), p(" ".join(sentence(i, 12) for i in range(40)))],
        [h("Forty rows", "table"), FigureRef("big"), notes("Table notes.")],
        [h("Twelve categories", "chart"), FigureRef("many")],
        [
            h("Two long columns", "two-column"),
            lead("Both columns are longer than a slide, so they continue side by side."),
            Container("columns", "", (
                Container("column", "Left column", (ul(*[f"Left {i + 1}: " + sentence(i, 9) for i in range(12)]),)),
                Container("column", "Right column", (ul(*[f"Right {i + 1}: " + sentence(i + 3, 5) for i in range(7)]),)),
            )),
            notes("Column notes."),
        ],
        [h("A long quotation", "quote"), Quote(tuple(p(" ".join(sentence(i * 5 + k, 12) for k in range(6))) for i in range(4))), p("— An author, 2024")],
        [h("Escapes <b>&amp; --- {{ x }}", "bullets"), ul("Literal <b>bold</b> & \"quotes\" --- {{ x }} {% y %}", "Control\x01chars\x0b and \ufffe gone", "日本の防衛政策とアジアの同盟国についての長い日本語の文章です。句読点の扱いも確認します。")],
    )
    return Document(INFO, blocks, {"many": many, "big": big})


def figures_document(image_path) -> Document:
    """Line, pie and picture slides, a figure beside bullets, a long numbered list, links and code."""
    trend = Chart(
        id="trend", kind="line", number=3, title="Spending trend", caption="Two series over six years.",
        categories=("2020", "2021", "2022", "2023", "2024", "2025"),
        series=(Series("Japan", (4.9, 5.1, 5.4, 6.8, 7.9, 8.7)), Series("Plan", (5.0, 5.2, 5.6, 6.5, 7.5, 8.9))),
        source="Illustrative", unit="trillion yen",
    )
    share = Chart(
        id="share", kind="pie", number=4, title="Budget shares", caption="Shares of the FY2025 budget.",
        categories=("Personnel", "Procurement", "R&D", "Operations", "Other"),
        series=(Series("Share", (38.0, 27.5, 8.0, 19.5, 7.0)),), source="Illustrative", unit="%",
    )
    photo = Image(id="photo", number=5, title="A destroyer", caption="An illustrative picture.", path=image_path,
                  alt="A grey ship on a blue sea", source="Generated for the tests")
    link = Paragraph((Run("See the "), Run("strategy", href="https://example.org/nss"), Run(" and "), Run("nss.pdf", code=True), Run(".")))
    blocks = slides(
        [h("Spending trend", "chart"), FigureRef("trend"), ul("Budgets rise every year.", "The plan runs ahead of the budget in 2025.")],
        [h("Budget shares", "chart"), lead("Personnel costs are the largest share."), FigureRef("share")],
        [h("A destroyer", "image"), FigureRef("photo"), notes("Describe the picture.")],
        [h("Fourteen steps", "agenda"), ul(*[f"Step number {i + 1} of the long agenda" for i in range(14)], ordered=True)],
        [h("Links and code"), link],
    )
    return Document(INFO, blocks, {"trend": trend, "share": share, "photo": photo})


@pytest.fixture(scope="session")
def figures(tmp_path_factory) -> Document:
    from PIL import Image as PILImage

    path = tmp_path_factory.mktemp("img") / "ship.png"
    PILImage.new("RGB", (1600, 900), (90, 120, 160)).save(path)
    return figures_document(path)


@pytest.fixture(scope="session")
def theme() -> Theme:
    """The model's defaults, with a set's East Asian face named (``deck.fonts.east_asian: Yu Gothic``)."""
    base = Theme()
    fonts = base.deck.fonts.model_copy(update={"east_asian": "Yu Gothic"})
    return base.model_copy(update={"deck": base.deck.model_copy(update={"fonts": fonts})})


@pytest.fixture(scope="session")
def normal() -> Document:
    return normal_document()


@pytest.fixture(scope="session")
def stress() -> Document:
    return stress_document()


@pytest.fixture(scope="session")
def stress_title() -> str:
    return STRESS_TITLE
