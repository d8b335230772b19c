"""A hand-built brief Document (like the one the default brief template writes), rendered once.

Test modules get everything through fixtures (``make_document``, ``sample``,
``pdf_bytes``, ``reader``, ``page_texts``): test folders have no __init__
files, so test modules do not import from each other or from here.
"""

from __future__ import annotations

import datetime as dt
import io
from types import SimpleNamespace

import pytest
from pypdf import PdfReader

from reportgen.document.model import (
    LINE_BREAK,
    BulletList,
    Chart,
    CodeBlock,
    Container,
    Document,
    DocumentInfo,
    FigureRef,
    Heading,
    ListItem,
    Paragraph,
    Quote,
    Rule,
    Run,
    Series,
    Table,
    TableBlock,
)
from reportgen.render.pdf import render_pdf
from reportgen.theme import Theme

MARKING = "UNCLASSIFIED // FOR TRAINING"
SECTIONS = ("1. Security environment and threats", "2. Defense strategy", "3. Alliances and partnerships")
SUBSECTIONS = ("2.1 Budget growth", "2.2 Force posture")
TABLE_HEADER = ("Year", "Programme", "Region", "Assessment")


def r(text: str, **style: object) -> tuple[Run, ...]:
    return (Run(text, **style),)


def p(text: str) -> Paragraph:
    return Paragraph(r(text))


def item(text: str, *children: ListItem) -> ListItem:
    return ListItem(r(text), BulletList(children) if children else None)


BULLETS = {
    "China is the leading conventional concern.": (
        "Pressing its territorial claims ever harder in the East China Sea.",
        "Pushing expansive claims across the South China Sea.",
    ),
    "North Korea adds a nuclear dimension.": (
        "Pyongyang holds nuclear weapons and keeps testing missiles.",
        "A long record of provocations makes its conduct hard to forecast.",
    ),
}
DEEP = "Cyber intrusions against government and industry, including critical infrastructure operators."


def all_bullet_texts() -> list[str]:
    texts = [t for head, kids in BULLETS.items() for t in (head, *kids)]
    return texts + ["Non-traditional risks stretch the definition of security.", "Climate and disasters.", DEEP]


def threat_bullets() -> BulletList:
    items = [item(head, *(item(k) for k in kids)) for head, kids in BULLETS.items()]
    items.append(
        ListItem(
            (Run("Non-traditional", bold=True), Run(" risks stretch the definition of security.")),
            BulletList((item("Climate and disasters.", item(DEEP)),)),
        )
    )
    return BulletList(tuple(items))


def long_table() -> Table:
    rows = tuple(
        (str(2000 + i), f"Programme {i:02d} " + "capability " * (i % 3), ("North", "South", "East")[i % 3],
         "On track" if i % 4 else "Delayed; review of costs and schedule requested by the ministry")
        for i in range(40)
    )
    return Table("programmes", 2, "Acquisition programmes, 2000-2039", "Illustrative programme data.",
                 TABLE_HEADER, rows, "Ministry of Defense (2024)")


def sample_document(**info: object) -> Document:
    figures = {
        "budget": Chart(
            "budget", "bar", 1, "Japan's initial defense budget, FY2022-FY2025",
            "Cabinet-approved initial budgets, in trillion yen, rounded as reported by the press.",
            ("FY2022", "FY2023", "FY2024", "FY2025"),
            (Series("Initial defense budget", (5.4, 6.8, 7.9, 8.7)), Series("Related spending", (0.6, 1.1, 1.4, 1.6))),
            "Kyodo News (2023-12-22); Associated Press (2024-12-27)", unit="trillion yen",
        ),
        "programmes": long_table(),
    }
    blocks = (
        Container("cover", "", (
            Heading(1, r("Japan's Defense Policy and Its Asian Allies")),
            Heading(2, r("Threats, strategy, partnerships and the choices ahead")),
            p("Jane Zhou"), p("Regional Security Briefing Series"), p("15 January 2025"),
        )),
        Container("toc", "Contents", ()),
        Container("box", "Bottom line up front", (
            BulletList((
                item("Japan now faces pressure on several fronts at once."),
                item("Tokyo's answer is Proactive Pacifism, backed by record budgets."),
                item("The US alliance remains the anchor; partners add depth."),
            )),
        )),
        Heading(1, r(SECTIONS[0])),
        Container("lead", "", (p("Japan faces a crowded threat picture that mixes state rivals with hazards."),)),
        threat_bullets(),
        Paragraph((Run("Literal markup stays literal: "), Run("<b>&"), Run(" and "), Run("{{ x }}", code=True),
                   Run(LINE_BREAK), Run("# Title", italic=True), Run(" see "),
                   Run("the source", href="https://example.org/?a=1&b=2"), Run("."))),
        Container("notes", "", (p("SPEAKER NOTES MUST NOT BE PRINTED"),)),
        Heading(1, r(SECTIONS[1])),
        Container("lead", "", (p("Tokyo is converting a cautious posture into an active one."),)),
        Heading(2, r(SUBSECTIONS[0])),
        p("Budgets are climbing fast: the initial defense budget rose from 5.4 to 8.7 trillion yen."),
        FigureRef("budget"),
        Heading(2, r(SUBSECTIONS[1])),
        BulletList((item("Missile defense"), item("Advanced technologies"), item("Deployable forces")), ordered=True),
        Quote((p("If Japan pairs strength with restraint, it can help shape a steadier region."),)),
        Container("columns", "", (
            Container("column", "Opportunities", (BulletList((item("Cybersecurity and space."), item("HADR."))),)),
            Container("column", "Risks", (BulletList((item("Stability dilemma with China."),)),)),
        )),
        Heading(1, r(SECTIONS[2])),
        p("The programme record below is long enough to run over a page break."),
        FigureRef("programmes"),
        Heading(3, r("Glossary")),
        TableBlock(
            (r("Term"), r("Meaning")),
            ((r("SDF"), r("Self-Defense Forces")), (r("HADR"), r("Humanitarian assistance and disaster relief")),
             (r("Quad"), r("United States, Japan, Australia and India"))),
        ),
        CodeBlock("budget = 8.7  # trillion yen\nprint(budget)"),
        Rule(),
        Container("mystery", "", (p("Unknown containers render their blocks plainly."),)),
    )
    defaults = dict(
        title="Japan's Defense Policy and Its Asian Allies",
        subtitle="Threats, strategy, partnerships and the choices ahead",
        author="Jane Zhou", organization="Regional Security Briefing Series",
        date=dt.date(2025, 1, 15), marking=MARKING, keywords=("Japan", "defense policy", "Quad"),
    )
    defaults.update(info)
    return Document(DocumentInfo(**defaults), blocks, figures)


@pytest.fixture(scope="session")
def make_document():
    """``make_document(**info_overrides)`` -> the sample Document."""
    return sample_document


@pytest.fixture(scope="session")
def sample() -> SimpleNamespace:
    return SimpleNamespace(
        marking=MARKING, sections=SECTIONS, subsections=SUBSECTIONS, table_header=TABLE_HEADER,
        bullets=all_bullet_texts(),
    )


@pytest.fixture(scope="session")
def pdf_bytes() -> bytes:
    return render_pdf(sample_document(), Theme())


@pytest.fixture(scope="session")
def reader(pdf_bytes: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf_bytes))


@pytest.fixture(scope="session")
def page_texts(reader: PdfReader) -> list[str]:
    return [page.extract_text() for page in reader.pages]
