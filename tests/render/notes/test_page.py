"""The notes page's geometry and its paragraphs, on the kit's sheet for the default deck."""

from __future__ import annotations

import pytest

from reportgen.build.pipeline import default_outline, prepare, write_markdown
from reportgen.document.markdown import parse_markdown
from reportgen.render.kit.sheet import open_sheet
from reportgen.render.notes.page import BAR, GAP, THUMBNAIL, layout_of, notes_flowables
from reportgen.render.notes.script import NoteLine


@pytest.fixture(scope="module")
def sheet():
    prepared = prepare(default_outline(), "default")
    document = parse_markdown(
        write_markdown(prepared, "pptx"), prepared.info, prepared.figures,
        sources=prepared.sources, origin="deck.md.j2", folders=prepared.template_folders,
    )
    with open_sheet(document, prepared.theme, "Speaker notes") as opened:
        yield opened


def test_a_continuation_page_gives_the_notes_more_room_and_a_thumbnail(sheet):
    layout = layout_of(sheet)
    assert layout.picture_width(False) == sheet.right - sheet.left
    assert layout.picture_width(True) == pytest.approx(layout.width * THUMBNAIL)
    assert layout.clock_width(True) == pytest.approx(layout.width * (1 - THUMBNAIL) - GAP)
    first, later = layout.room(False, 16), layout.room(True, 16)
    assert later - first == pytest.approx(layout.width * (1 - THUMBNAIL) * layout.aspect + 16 + GAP + BAR)
    assert first > 200  # a 16:9 picture across an A4 page leaves room for a page of notes


def test_list_items_hang_from_a_bullet_and_paragraphs_do_not(sheet):
    plain, item = notes_flowables(sheet, [NoteLine("Say this."), NoteLine("And this.", item=True)], 12)
    assert plain.style.fontSize == item.style.fontSize == 12
    assert item.bulletText and not plain.bulletText
    assert item.style.leftIndent > plain.style.leftIndent
