"""plan.py: layouts, fitting, continuation slides — checked on the plan, before any .pptx exists."""

from __future__ import annotations

import re

import pytest

from reportgen.document.model import BulletList, Container, Heading, Paragraph, Quote, Rule, plain
from reportgen.render.pptx.master import open_master
from reportgen.slides import fit, flow
from reportgen.slides.model import TablePlan
from reportgen.slides.plan import plan_deck
from reportgen.slides.units import Pt


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def input_texts(document) -> list[str]:
    """Every run of every slide block that the deck shows (notes, box/cover/toc are not slide text)."""
    out: list[str] = []

    def walk(blocks):
        for block in blocks:
            if isinstance(block, (Heading, Paragraph)):
                out.append(plain(block.runs))
            elif isinstance(block, BulletList):
                for item in block.items:
                    out.append(plain(item.runs))
                    if item.children:
                        walk((item.children,))
            elif isinstance(block, Quote):
                walk(block.blocks)
            elif isinstance(block, Container) and block.kind not in ("notes", "box", "cover", "toc"):
                if block.kind == "column" and block.args:
                    out.append(block.args)
                walk(block.blocks)

    walk(document.blocks)
    for figure in document.figures.values():
        if hasattr(figure, "rows"):
            out.extend(figure.columns)
            out.extend(cell for row in figure.rows for cell in row)
    return out


@pytest.fixture(scope="module")
def stress_plan(stress, theme):
    return plan_deck(stress, theme, open_master(theme))


def test_normal_deck_layouts_titles_and_notes(normal, theme):
    plans = plan_deck(normal, theme, open_master(theme))
    assert [p.layout for p in plans] == ["title", "agenda", "bullets", "table", "chart", "two-column", "quote", "summary", "sources", "closing"]
    assert plain(plans[2].title.paras[0].runs) == "Security environment and threats"
    assert plans[2].frames[0].paras[0].kind == "lead"
    assert "setting the scene" in plans[2].notes and "\n" in plans[2].notes
    assert not any(p.continuation for p in plans)
    assert [p.number for p in plans] == list(range(1, 11))
    assert all(any(f.name == "Marking" for f in p.furniture) for p in plans)
    assert [f.paras[0].number for f in plans[1].frames][:1] == [1]


def test_every_frame_fits_its_box(stress_plan):
    for plan in stress_plan:
        for frame in plan.frames:
            assert flow.frame_height(frame.paras, frame.box) <= frame.box.h or len(frame.paras) == 1, (plan.number, frame.role)
        title = plan.title.paras[0]
        lines = fit.count_lines(title.runs, title.size, plan.title.box.w - 2 * flow.INSET_X)
        assert lines * fit.line_height(title.size) <= plan.title.box.h - 2 * flow.INSET_Y


def test_body_sizes_stay_between_the_theme_sizes(stress_plan, theme):
    for plan in stress_plan:
        for frame in plan.frames:
            for para in frame.paras:
                if para.kind == "bullet" and para.level == 0:
                    assert Pt(theme.deck.sizes.body_min) <= para.size <= Pt(theme.deck.sizes.body)


def test_continuation_slides_have_cont_titles_and_cues_of_their_own(stress_plan):
    points = [p for p in stress_plan if plain(p.title.paras[0].runs).startswith("Twenty-five points")]
    assert len(points) >= 2
    assert not points[0].continuation and all(p.continuation for p in points[1:])
    assert all(plain(p.title.paras[0].runs) == "Twenty-five points (cont.)" for p in points[1:])
    assert points[0].notes == "Many points notes."
    assert all(p.notes.startswith("Continued: points ") for p in points[1:])  # not the first slide's notes again
    assert points[0].frames[0].paras[0].kind == "lead"
    assert all(p.frames[0].paras[0].kind != "lead" for p in points[1:])  # the lead is said once


def test_no_point_is_separated_from_its_sub_points(stress_plan):
    for plan in stress_plan:
        for frame in plan.frames:
            first = frame.paras[0]
            if first.kind == "bullet" and first.level > 0:
                assert first.continued, f"slide {plan.number} starts with an orphaned sub-point"


def test_long_points_and_paragraphs_split_at_sentence_ends(stress_plan):
    huge = [p for p in stress_plan if plain(p.title.paras[0].runs).startswith("One enormous paragraph")]
    assert len(huge) >= 2
    for plan in huge[:-1]:
        assert plain(plan.frames[0].paras[-1].runs).endswith(".")
    assert huge[1].frames[0].paras[0].continued


def test_long_title_shrinks_then_takes_two_lines(stress_plan, stress_title):
    title = stress_plan[1].title.paras[0]
    assert len(stress_title) == 120 and plain(title.runs) == stress_title
    assert Pt(20) <= title.size <= Pt(30)
    assert fit.count_lines(title.runs, title.size, stress_plan[1].title.box.w - 2 * flow.INSET_X) == 2


def test_tall_table_is_split_with_the_header_repeated(stress_plan):
    tables = [p for p in stress_plan if isinstance(p.figure, TablePlan)]
    assert len(tables) >= 2
    assert all(plain(t.figure.rows[0][0].runs) == "Item" and t.figure.rows[0][0].header for t in tables)
    assert sum(len(t.figure.rows) - 1 for t in tables) == 40
    assert all("(cont.)" in plain(t.title.paras[0].runs) for t in tables[1:])
    for t in tables:
        assert sum(t.figure.row_heights) <= t.figure.box.h
    assert tables[0].notes == "Table notes."
    assert [t.notes for t in tables[1:]] == [f"Continued: “Forty rows”, part {k} of {len(tables)}." for k in range(2, len(tables) + 1)]


def test_many_categories_rotate_their_labels(stress_plan):
    chart = next(p.figure for p in stress_plan if getattr(p.figure, "chart", None) is not None)
    assert chart.label_rotation in (-45, -90)
    assert chart.legend  # three series


def test_every_input_text_is_in_the_plan(stress, normal, theme):
    for document in (stress, normal):
        plans = plan_deck(document, theme, open_master(theme))
        # titles apart from the body text, so a paragraph cut across slides reads on unbroken
        titles = squash("".join(t for p in plans if p.title for para in p.title.paras for t in (r.text for r in para.runs)))
        body = squash("".join(t for p in plans for t in p.texts()[len(p.title.paras[0].runs) if p.title else 0 :]))
        planned = titles + "|" + body
        for text in input_texts(document):
            wanted = squash(re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", "", text))
            assert wanted in planned, text[:60]


def test_continued_string_comes_from_the_theme(stress, theme):
    themed = theme.model_copy(update={"strings": theme.strings.model_copy(update={"continued": "(suite)"})})
    plans = plan_deck(stress, themed, open_master(themed))
    assert any(plain(p.title.paras[0].runs).endswith("(suite)") for p in plans)
    assert not any("(cont.)" in plain(p.title.paras[0].runs) for p in plans)


def test_slide_without_heading_and_empty_stretches(theme, normal):
    from reportgen.document.model import Document

    doc = Document(normal.info, (Rule(), Paragraph(normal.blocks[1].runs), Rule(), Rule()), {})
    plans = plan_deck(doc, theme, open_master(theme))
    assert len(plans) == 1 and plans[0].title is None and plans[0].frames


def test_two_columns_continue_side_by_side_and_regain_the_lead_space(stress_plan):
    cols = [p for p in stress_plan if plain(p.title.paras[0].runs).startswith("Two long columns")]
    assert len(cols) >= 2 and all(p.layout == "two-column" for p in cols)
    first, second = cols[0], cols[1]
    assert plain(first.frames[0].paras[0].runs).startswith("Both columns") and first.frames[0].role == "text"
    bodies = [f for f in first.frames if f.role == "body"]
    assert [f.slot for f in bodies] == [0, 1]
    assert [plain(f.paras[0].runs) for f in bodies] == ["Left column", "Right column"]
    assert all(f.role == "body" for f in second.frames)  # no lead on the continuation
    assert second.frames[0].box.h > bodies[0].box.h and second.frames[0].box.y < bodies[0].box.y
    lefts = [plain(p.runs) for s in cols for f in s.frames if f.slot == 0 and f.role == "body" for p in f.paras]
    assert [t.split(":")[0] for t in lefts if t.startswith("Left ") and ":" in t] == [f"Left {i}" for i in range(1, 13)]


def test_long_quote_continues_with_its_bar(stress_plan):
    quotes = [p for p in stress_plan if p.layout == "quote"]
    assert len(quotes) >= 2
    assert all(any(d.name == "Quote Bar" for d in p.decorations) for p in quotes)
    assert all(para.kind == "quote" for para in quotes[0].frames[0].paras)
    assert quotes[-1].frames[0].paras[-1].kind == "attribution"
