"""Slide pictures drawn from the deck's plans: one full-size page per slide, read back with pdfplumber."""

from __future__ import annotations

import io

import pdfplumber
import pytest
from reportlab.pdfgen.canvas import Canvas

from reportgen.render.slidedraw import DeckDrawing, deck_drawing
from reportgen.render.slidedraw.lines import break_lines
from reportgen.slides import fit, flow
from reportgen.slides.model import Frame, TablePlan
from reportgen.slides.units import EMU_PER_PT
from support import masters


def _pdf(drawing: DeckDrawing) -> bytes:
    out = io.BytesIO()
    width, height = drawing.width / EMU_PER_PT, drawing.height / EMU_PER_PT
    canvas = Canvas(out, pagesize=(width, height))
    for index in range(len(drawing.plans)):
        drawing.draw(canvas, index, 0, 0, width)
        canvas.showPage()
    canvas.save()
    return out.getvalue()


@pytest.fixture(scope="module")
def drawn(normal, theme) -> tuple[DeckDrawing, bytes]:
    drawing = deck_drawing(normal, theme)
    return drawing, _pdf(drawing)


def _frames(plan) -> list[Frame]:
    return [f for f in ((plan.title,) if plan.title else ()) + plan.frames + plan.furniture if any(p.runs for p in f.paras)]


def test_one_page_per_slide_at_the_slide_size(drawn):
    drawing, data = drawn
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        assert len(pdf.pages) == len(drawing.plans) > 5
        page = pdf.pages[0]
        assert (round(page.width), round(page.height)) == (round(drawing.width / EMU_PER_PT), round(drawing.height / EMU_PER_PT))


def test_every_frames_text_is_drawn_inside_its_box(drawn):
    drawing, data = drawn
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for plan, page in zip(drawing.plans, pdf.pages, strict=True):
            text = page.extract_text().replace(" ", "").replace("\n", "")
            for frame in _frames(plan):
                box = frame.box
                left, top = box.x / EMU_PER_PT, box.y / EMU_PER_PT
                right, bottom = box.right / EMU_PER_PT, box.bottom / EMU_PER_PT
                wanted = "".join(run.text for para in frame.paras for run in para.runs).replace(" ", "").replace("\n", "")
                for para in frame.paras:
                    assert "".join(run.text for run in para.runs).replace(" ", "").replace("\n", "")[:15] in text
                chars = [c for c in page.chars if c["text"].strip() and c["text"] in wanted]
                inside = [c for c in chars if left - 1 <= c["x0"] and c["x1"] <= right + 1 and top - 1 <= c["top"] and c["bottom"] <= bottom + 1]
                assert inside, (plan.number, frame.name, wanted[:40])


def test_lines_are_never_more_than_the_fitter_counted(drawn):
    drawing, _ = drawn
    checked, fewer = 0, 0
    for plan in drawing.plans:
        for frame in _frames(plan):
            faces = drawing.faces.titles() if frame.role == "title" else drawing.faces
            for para in frame.paras:
                width = flow.text_width(frame.box, para)
                with fit.measuring(faces):
                    counted = fit.count_lines(para.runs, para.size, width)
                drawn_lines = len(break_lines(para.runs, int(para.size), int(width), faces))
                assert 1 <= drawn_lines <= counted
                checked, fewer = checked + 1, fewer + (drawn_lines < counted)
    assert checked > 50 and fewer <= checked // 10


def test_a_wrapped_line_is_set_below_the_one_before(drawn):
    drawing, data = drawn
    index, frame = next((i, f) for i, plan in enumerate(drawing.plans) for f in plan.frames
                        if f.paras and len(break_lines(f.paras[0].runs, int(f.paras[0].size), int(flow.text_width(f.box, f.paras[0])), drawing.faces)) > 1)
    para = frame.paras[0]
    lines = break_lines(para.runs, int(para.size), int(flow.text_width(frame.box, para)), drawing.faces)
    first_word = lines[1].pieces[0].text
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        words = pdf.pages[index].extract_words()
    (start,) = [w for w in words if w["text"] == lines[0].pieces[0].text][:1]
    below = [w for w in words if w["text"] == first_word and w["top"] > start["top"]]
    pitch = below[0]["top"] - start["top"]
    assert pitch == pytest.approx(para.size.pt * fit.LINE_HEIGHT, abs=0.5)
    assert below[0]["x0"] == pytest.approx(start["x0"], abs=0.5)


def test_table_header_is_filled_as_the_deck_styles_it(drawn, theme):
    drawing, data = drawn
    index = next(i for i, plan in enumerate(drawing.plans) if isinstance(plan.figure, TablePlan))
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        fills = {tuple(round(v * 255) for v in r["non_stroking_color"]) for r in pdf.pages[index].rects if r.get("non_stroking_color")}
    header = theme.colours.table_header_fill.lstrip("#")
    assert tuple(int(header[i:i + 2], 16) for i in (0, 2, 4)) in fills


def test_a_dark_master_gives_its_background_and_light_text(normal, theme, tmp_path):
    master = masters.dark(tmp_path / "dark.pptx")
    drawing = deck_drawing(normal, theme.model_copy(update={"reference_pptx": master}))
    with pdfplumber.open(io.BytesIO(_pdf(drawing))) as pdf:
        page = pdf.pages[2]
        background = max(page.rects, key=lambda r: r["width"] * r["height"])
        colours = [c["non_stroking_color"] for c in page.chars if c["text"].strip()]
    assert sum(background["non_stroking_color"]) / 3 < 0.3
    assert colours and all(sum(c) / 3 > 0.6 for c in colours)


def test_a_picture_background_is_drawn_as_that_picture_under_the_text(normal, theme, tmp_path):
    master = masters.photographic(tmp_path / "photo.pptx")
    drawing = deck_drawing(normal, theme.model_copy(update={"reference_pptx": master}))
    width, height = drawing.width / EMU_PER_PT, drawing.height / EMU_PER_PT
    with pdfplumber.open(io.BytesIO(_pdf(drawing))) as pdf:
        for page in pdf.pages:
            (picture,) = [image for image in page.images if image["width"] >= 0.99 * width]
            assert picture["height"] >= 0.99 * height  # the whole slide
            assert any(c["text"].strip() for c in page.chars)  # and the text drawn over it
