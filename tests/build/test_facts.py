"""The numbers a build reports: pages and slides counted in the files themselves, and the summary line."""

from __future__ import annotations

import io

from pptx import Presentation
from reportlab.pdfgen.canvas import Canvas

from reportgen.build.facts import as_dict, counted, line, minutes
from reportgen.render.base import Facts


def _pdf(pages: int) -> bytes:
    out = io.BytesIO()
    canvas = Canvas(out)
    for page in range(pages):
        canvas.drawString(72, 72, f"page {page}")
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def _deck(slides: int) -> bytes:
    prs = Presentation()
    for _ in range(slides):
        prs.slides.add_slide(prs.slide_layouts[6])
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()


def test_a_pdf_s_pages_are_counted_not_its_page_tree():
    assert counted("brief.pdf", _pdf(1)) == Facts(1, "pages")
    assert counted("handout.PDF", _pdf(7)) == Facts(7, "pages")


def test_a_deck_s_slides_are_counted_and_its_layouts_are_not():
    assert counted("deck.pptx", _deck(3)) == Facts(3, "slides")
    assert counted("deck.pptx", b"not a zip") is None
    assert counted("data.csv", b"a,b") is None


def test_the_summary_line_names_each_file_by_its_stem_in_pack_order():
    facts = {"brief.pdf": Facts(6, "pages"), "deck.pptx": Facts(14, "slides", 20.0), "notes.pdf": Facts(1, "pages")}
    assert line(facts) == "brief 6 pages · deck 14 slides (20 min) · notes 1 page"


def test_a_length_found_from_the_speaking_rate_says_so():
    assert line({"deck.pptx": Facts(16, "slides", 9.4, "at 130 words a minute")}) == "deck 16 slides (about 9 min at 130 words a minute)"
    assert as_dict(Facts(16, "slides", 9.4, "at 130 words a minute"))["timed_by"] == "speaking rate"


def test_minutes_read_as_people_say_them():
    assert minutes(19.6) == "20 min"
    assert minutes(65) == "1 h 05 min"


def test_json_facts_hold_minutes_only_where_known():
    assert as_dict(Facts(6, "pages")) == {"pages": 6}
    assert as_dict(Facts(14, "slides", 20.04)) == {"slides": 14, "minutes": 20.0, "timed_by": "meta.duration"}
