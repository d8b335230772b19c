"""Page layer: creation date, page count across passes, page furniture, logo, images, errors."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pdfplumber
import pytest
from PIL import Image as PILImage
from pydantic import ValidationError
from pypdf import PdfReader
from reportlab.platypus import Paragraph as PlatypusParagraph

from reportgen.document.model import Container, Document, DocumentInfo, FigureRef, Heading, Image, Paragraph, Run
from reportgen.errors import RenderError
from reportgen.render.pdf import render_pdf
from reportgen.render.pdf.cover import BODY
from reportgen.render.pdf.flow import Para
from reportgen.render.pdf.page import BriefDocTemplate, PageCount, display_date, pdf_date
from reportgen.render.pdf.story import StoryBuilder
from reportgen.render.pdf.styles import Styles
from reportgen.theme import Theme
from reportgen.theme.model import Strings

INFO = DocumentInfo("Title", date=dt.date(2025, 1, 15), organization="Org", marking="SECRET")


def test_creation_date_from_document_date(monkeypatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert pdf_date(INFO) == "D:20250115000000+00'00'"
    assert pdf_date(DocumentInfo("T")) == "D:20000101000000+00'00'"


def test_source_date_epoch_wins_and_must_be_a_number(monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    assert pdf_date(INFO) == "D:19700101000000+00'00'"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(RenderError):
        pdf_date(INFO)


def test_display_date() -> None:
    assert display_date(INFO) == "15 January 2025"
    assert display_date(DocumentInfo("T", date=dt.date(2025, 1, 15), language="de")) == "2025-01-15"
    assert display_date(DocumentInfo("T")) == ""


def test_page_count_is_satisfied_only_when_two_passes_agree() -> None:
    count = PageCount()
    count.beforeBuild()
    count.count(3)
    assert not count.isSatisfied() and count.total is None
    count.beforeBuild()
    assert count.total == 3
    count.count(3)
    assert count.isSatisfied()


def test_a_brief_with_a_toc_takes_exactly_two_passes() -> None:
    blocks = (Container("toc", "Contents", ()),
              *(block for n in range(1, 30) for block in (Heading(1, (Run(f"{n}. S"),)), Paragraph((Run("x " * 200),)))))
    styles = Styles.from_theme(Theme())
    story = StoryBuilder(Document(INFO, blocks), styles).build()
    doc = BriefDocTemplate(io.BytesIO(), INFO, styles, first=BODY)
    doc.render(story)
    assert doc.passes == 2
    assert doc.pages.total == doc.page > 5


def test_page_number_wording_comes_from_the_theme() -> None:
    doc = Document(INFO, (Paragraph((Run("x"),)),))
    data = render_pdf(doc, Theme(strings=Strings(page_of="Seite {page} von {pages}")))
    assert "Seite 1 von 1" in PdfReader(io.BytesIO(data)).pages[0].extract_text()
    with pytest.raises(ValidationError, match="may use only"):
        Strings(page_of="{page} of {total}")


def png(path: Path, size: tuple[int, int]) -> Path:
    PILImage.new("RGB", size, "#336699").save(path)
    return path


def test_logo_on_the_cover_top_left(tmp_path: Path) -> None:
    theme = Theme().model_copy(update={"logo_path": png(tmp_path / "logo.png", (300, 100))})
    doc = Document(INFO, (Container("cover", "", (Heading(1, (Run("T"),)),)), Paragraph((Run("x"),))))
    with pdfplumber.open(io.BytesIO(render_pdf(doc, theme))) as pdf:
        (logo,) = pdf.pages[0].images
        assert logo["x0"] < pdf.pages[0].width / 3 and logo["top"] < pdf.pages[0].height / 5
        assert pdf.pages[1].images == []


def test_missing_logo_is_a_render_error(tmp_path: Path) -> None:
    theme = Theme().model_copy(update={"logo_path": tmp_path / "missing.png"})
    with pytest.raises(RenderError) as info:
        render_pdf(Document(INFO, ()), theme)
    assert info.value.field == "theme.logo"


def test_image_figure_fills_the_frame_width_keeping_its_aspect(tmp_path: Path) -> None:
    image = Image("img", 1, "Photo", "Caption.", png(tmp_path / "p.png", (400, 200)), "alt", "Own work")
    data = render_pdf(Document(INFO, (FigureRef("img"),), {"img": image}), Theme())
    frame_width = Styles.from_theme(Theme()).geometry.frame_width
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        (placed,) = pdf.pages[0].images
        assert placed["width"] == pytest.approx(frame_width, abs=0.5)
        assert placed["height"] == pytest.approx(frame_width / 2, abs=0.5)
        text = pdf.pages[0].extract_text()
    assert "Figure 1. Photo" in text and "Source: Own work" in text


def test_unreadable_image_is_a_render_error(tmp_path: Path) -> None:
    image = Image("img", 1, "Photo", "", tmp_path / "none.png", "alt", "")
    with pytest.raises(RenderError):
        render_pdf(Document(INFO, (FigureRef("img"),), {"img": image}), Theme())


def test_the_layout_only_first_pass_changes_nothing(monkeypatch, make_document) -> None:
    fast = render_pdf(make_document(), Theme())
    make_canvas = BriefDocTemplate._canvas

    def always_draw(self, *args, **kwargs):
        canv = make_canvas(self, *args, **kwargs)
        canv.layout_only = False
        return canv

    monkeypatch.setattr(BriefDocTemplate, "_canvas", always_draw)
    assert render_pdf(make_document(), Theme()) == fast


def test_measuring_paragraphs_once_per_width_changes_nothing(monkeypatch, make_document) -> None:
    fast = render_pdf(make_document(), Theme())
    monkeypatch.setattr(Para, "wrap", PlatypusParagraph.wrap)
    assert render_pdf(make_document(), Theme()) == fast
