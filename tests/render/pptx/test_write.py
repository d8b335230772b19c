"""render_pptx end to end, read back with python-pptx (and the zip itself)."""

from __future__ import annotations

import datetime as dt
import io
import re
import warnings
import zipfile

import pytest
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE
from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER
from pptx.util import Inches

from reportgen.document.model import Document, plain
from reportgen.errors import RenderError
from reportgen.locale import locale_for
from reportgen.render.pptx import render_pptx
from reportgen.render.pptx.master import open_master
from reportgen.slides.plan import plan_deck

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
TITLES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def open_deck(data: bytes):
    return Presentation(io.BytesIO(data))


def slide_text(slide) -> str:
    parts = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            parts.append(shape.text_frame.text)
        if shape.has_table:
            parts.extend(cell.text for row in shape.table.rows for cell in row.cells)
    return "\n".join(parts)


def with_dividers(theme):
    """*theme* with section divider slides (``deck.section_dividers: true``): every layout role is looked up."""
    return theme.model_copy(update={"deck": theme.deck.model_copy(update={"section_dividers": True})})


def title_of(slide) -> str:
    return slide.shapes.title.text_frame.text if slide.shapes.title is not None else ""


@pytest.fixture(scope="module")
def normal_deck(normal, theme) -> bytes:
    return render_pptx(normal, theme)


@pytest.fixture(scope="module")
def stress_deck(stress, theme) -> bytes:
    return render_pptx(stress, theme)


def test_wide_deck_from_the_stretched_default_master(normal_deck, normal, theme):
    prs = open_deck(normal_deck)
    assert (prs.slide_width, prs.slide_height) == (Inches(13.333), Inches(7.5)) or prs.slide_width == 12192000
    body = next(ph for ph in prs.slide_master.placeholders if ph.placeholder_format.type == PP_PLACEHOLDER.BODY)
    assert body.left + body.width > Inches(12)  # stretched across the wide slide, not left at 4:3
    assert len(prs.slides) == len(plan_deck(normal, theme, open_master(theme)))


def test_titles_are_title_placeholders(normal_deck):
    prs = open_deck(normal_deck)
    for slide in prs.slides:
        title = slide.shapes.title
        assert title is not None and title.is_placeholder
        assert title.placeholder_format.type in TITLES
    assert title_of(prs.slides[2]) == "Security environment and threats"  # the section's divider folded into it
    assert [s.slide_layout.name for s in prs.slides][:3] == ["Title Slide", "Title and Content", "Title and Content"]


def test_native_chart_with_alt_text_and_caption(normal_deck):
    slide = open_deck(normal_deck).slides[4]
    frames = [s for s in slide.shapes if s.has_chart]
    assert len(frames) == 1 and frames[0].shape_type == MSO_SHAPE_TYPE.CHART
    chart = frames[0].chart
    assert chart.chart_type == XL_CHART_TYPE.COLUMN_CLUSTERED
    assert not chart.has_title and not chart.has_legend  # one series: the slide title says what it is
    assert list(chart.plots[0].categories) == ["FY2022", "FY2023", "FY2024", "FY2025"]
    assert chart.plots[0].has_data_labels
    assert frames[0]._element.xpath("./p:nvGraphicFramePr/p:cNvPr")[0].get("descr").startswith("Japan's initial defense budget")
    assert "Source: Kyodo News 2023" in slide_text(slide)


def test_native_table_with_header_fill_and_stripes(normal_deck, theme):
    slide = open_deck(normal_deck).slides[3]
    table = next(s for s in slide.shapes if s.has_table).table
    assert [c.text for c in table.rows[0].cells] == ["Threat", "Type", "Actor or driver", "Japan's response"]
    assert len(table.rows) == 6
    header = table.cell(0, 0)
    assert str(header.fill.fore_color.rgb) == theme.colours.table_header_fill.lstrip("#").upper()
    assert str(table.cell(2, 0).fill.fore_color.rgb) == theme.colours.table_stripe.lstrip("#").upper()
    assert str(table.cell(1, 0).fill.fore_color.rgb) == "FFFFFF"
    run = header.text_frame.paragraphs[0].runs[0]
    assert run.font.bold and str(run.font.color.rgb) == theme.colours.table_header_text.lstrip("#").upper()


def test_notes_marking_and_slide_numbers(normal_deck, normal):
    prs = open_deck(normal_deck)
    assert "Start by setting the scene." in prs.slides[2].notes_slide.notes_text_frame.text
    assert prs.slides[1].notes_slide.notes_text_frame.text.startswith("Take the room through")  # the agenda: a generated cue
    for number, slide in enumerate(prs.slides, start=1):
        names = {s.name: s for s in slide.shapes}
        assert names["Marking"].text_frame.text == normal.info.marking
        assert names["Slide Number"].text_frame.text == str(number)
        assert names["Slide Number"]._element.xpath(".//a:fld[@type='slidenum']")
        assert names["Marking"].top >= max(s.top + s.height for s in slide.shapes if s.name not in ("Marking", "Slide Number")) - Inches(0.01)


def test_core_properties_are_fixed(normal_deck, normal):
    core = open_deck(normal_deck).core_properties
    assert core.title == normal.info.title and core.author == "Jane Zhou"
    assert core.subject == normal.info.subtitle
    assert core.keywords == "Japan, defense policy, Quad"
    assert core.created == core.modified == dt.datetime(2025, 1, 15)


def test_runs_carry_latin_and_east_asian_typefaces_and_explicit_fit(stress_deck, theme):
    prs = open_deck(stress_deck)
    slide = prs.slides[-1]
    runs = [r for s in slide.shapes if s.has_text_frame for p in s.text_frame.paragraphs for r in p.runs]
    japanese = [r for r in runs if "日本" in r.text]
    assert japanese
    for run in runs:
        rpr = run._r.find(f"{A}rPr")
        assert rpr.find(f"{A}latin").get("typeface") == theme.deck.fonts.latin
        # the set's face for the document's language; Japanese in this English deck takes the scheme's Jpan face
        japanese_run = run in japanese
        assert rpr.get("lang") == ("ja-JP" if japanese_run else "en-US")
        assert rpr.find(f"{A}ea").get("typeface") == ("+mn-ea" if japanese_run else theme.deck.fonts.east_asian)
        assert rpr.get("sz")
    for shape in slide.shapes:
        if shape.has_text_frame and shape.name not in ("Accent Rule", "Quote Bar"):
            body = shape.text_frame._txBody.find(f"{A}bodyPr")
            assert body.get("wrap") == "square" and body.find(f"{A}noAutofit") is not None
            assert {body.get(k) for k in ("lIns", "rIns", "tIns", "bIns")} and None not in {body.get(k) for k in ("lIns", "tIns")}
            for p in shape.text_frame.paragraphs:
                assert p._p.find(f"{A}pPr/{A}lnSpc/{A}spcPts") is not None


def test_escapes_are_literal_and_illegal_characters_gone(stress_deck):
    text = slide_text(open_deck(stress_deck).slides[-1])
    assert 'Literal <b>bold</b> & "quotes" --- {{ x }} {% y %}' in text
    assert "Escapes <b>&amp; --- {{ x }}" in text
    assert "Controlchars and  gone" in text


def test_every_stress_text_is_in_the_deck(stress_deck, stress, theme):
    plans = plan_deck(stress, theme, open_master(theme))
    deck = open_deck(stress_deck)
    assert len(deck.slides) == len(plans)
    for slide, plan in zip(deck.slides, plans, strict=True):
        text = squash(slide_text(slide))
        for piece in plan.texts():
            assert squash(piece) in text, (plan.number, piece[:50])
    titles = [title_of(s) for s in deck.slides]
    assert sum(t.endswith("(cont.)") for t in titles) >= 8
    tables = [s for s in deck.slides if any(sh.has_table for sh in s.shapes)]
    assert sum(len(next(sh for sh in s.shapes if sh.has_table).table.rows) - 1 for s in tables) == 40


def test_identical_input_gives_identical_bytes(normal_deck, normal, theme):
    assert render_pptx(normal, theme) == normal_deck
    with zipfile.ZipFile(io.BytesIO(normal_deck)) as z:
        names = z.namelist()
        assert names[0] == "[Content_Types].xml"
        assert {i.date_time for i in z.infolist()} == {(2025, 1, 15, 0, 0, 0)}
        workbook = next(n for n in names if n.endswith(".xlsx"))
        with zipfile.ZipFile(io.BytesIO(z.read(workbook))) as inner:
            assert {i.date_time for i in inner.infolist()} == {(2025, 1, 15, 0, 0, 0)}


def test_source_date_epoch_dates_an_undated_deck(normal, theme, monkeypatch):
    from dataclasses import replace

    undated = Document(replace(normal.info, date=None), normal.blocks[:3], {})
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    first = render_pptx(undated, theme)
    assert open_deck(first).core_properties.created == dt.datetime(2023, 11, 14, 22, 13, 20)
    assert render_pptx(undated, theme) == first


# -- reference masters -------------------------------------------------------------------------


def _reference(tmp_path, rename: dict[str, str] | None = None, reverse: bool = False):
    """python-pptx's own 4:3 template saved as a corporate master, with one sample slide."""
    prs = Presentation()
    sample = prs.slides.add_slide(prs.slide_layouts[1])
    sample.shapes.title.text = "SAMPLE SLIDE FROM THE MASTER"
    sample.notes_slide.notes_text_frame.text = "sample notes"
    for layout in prs.slide_layouts:
        if rename and layout.name in rename:
            layout._element.cSld.set("name", rename[layout.name])
    if reverse:
        ids = prs.slide_master._element.sldLayoutIdLst
        for el in list(ids)[::-1]:
            ids.remove(el)
            ids.append(el)
    path = tmp_path / "reference.pptx"
    prs.save(path)
    return path


def test_reference_master_keeps_its_size_and_drops_its_sample_slides(tmp_path, normal, theme):
    path = _reference(tmp_path)
    data = render_pptx(normal, theme.model_copy(update={"reference_pptx": path}))
    prs = open_deck(data)
    assert (prs.slide_width, prs.slide_height) == (9144000, 6858000)
    assert all("SAMPLE SLIDE" not in slide_text(s) for s in prs.slides)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        slide_parts = [n for n in z.namelist() if re.fullmatch(r"ppt/slides/slide\d+\.xml", n)]
        notes_parts = [n for n in z.namelist() if re.fullmatch(r"ppt/notesSlides/notesSlide\d+\.xml", n)]
        assert len(slide_parts) == len(prs.slides)
        assert len(notes_parts) == sum(s.has_notes_slide for s in prs.slides)
        assert b"sample notes" not in b"".join(z.read(n) for n in notes_parts)
    assert not any(s.name == "Accent Rule" for slide in prs.slides for s in slide.shapes)  # no decoration over a corporate look
    assert any(s.name == "Accent Rule" for slide in open_deck(render_pptx(normal, theme)).slides for s in slide.shapes)


def test_renamed_reordered_layouts_are_found_through_deck_layouts(tmp_path, normal, theme):
    rename = {"Title Slide": "Cover", "Title and Content": "Content", "Section Header": "Divider", "Two Content": "Split", "Title Only": "Heading"}
    path = _reference(tmp_path, rename, reverse=True)
    mapping = {"title": "Cover", "closing": "Cover", "bullets": "Content", "agenda": "Content", "summary": "Content",
               "sources": "Content", "section": "Divider", "two-column": "Split", "chart": "Heading", "table": "Heading", "quote": "Heading"}
    deck = theme.deck.model_copy(update={"layouts": mapping, "section_dividers": True})
    data = render_pptx(normal, theme.model_copy(update={"reference_pptx": path, "deck": deck}))
    prs = open_deck(data)
    layouts = [s.slide_layout.name for s in prs.slides]
    assert layouts == ["Cover", "Content", "Divider", "Content", "Heading", "Heading", "Split", "Heading", "Content", "Content", "Cover"]
    for slide in prs.slides:
        assert slide.shapes.title is not None and slide.shapes.title.is_placeholder
    split = prs.slides[6]
    bodies = [s for s in split.placeholders if s.placeholder_format.type == PP_PLACEHOLDER.OBJECT]
    firsts = [plain_text.split("\n")[0] for plain_text in (b.text_frame.text for b in sorted(bodies, key=lambda b: b.left))]
    assert firsts == ["United States", "Regional partners"]


JAPANESE = {"Title Slide": "タイトル スライド", "Title and Content": "タイトルとコンテンツ", "Section Header": "セクション見出し",
            "Two Content": "2 つのコンテンツ", "Title Only": "タイトルのみ", "Blank": "白紙"}


def _untyped(path, rename: dict[str, str]):
    """The master at *path* with its layouts' recorded types removed and *rename* applied (as some editors save)."""
    prs = Presentation(path)
    for layout in prs.slide_layouts:
        layout._element.attrib.pop("type", None)
        if layout.name in rename:
            layout._element.cSld.set("name", rename[layout.name])
    prs.save(path)
    return path


def test_layouts_are_found_by_their_type_whatever_they_are_called(tmp_path, normal, theme):
    path = _reference(tmp_path, {name: f"Layout {i}" for i, name in enumerate(JAPANESE)}, reverse=True)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # found without a guess: nothing to warn about
        prs = open_deck(render_pptx(normal, with_dividers(theme).model_copy(update={"reference_pptx": path})))
    kinds = [s.slide_layout._element.get("type") for s in prs.slides]
    assert kinds == ["title", "obj", "secHead", "obj", "titleOnly", "titleOnly", "twoObj", "titleOnly", "obj", "obj", "title"]


@pytest.mark.parametrize("names", [JAPANESE, {"Title Slide": "Titelfolie", "Title and Content": "Titel und Inhalt",
                                              "Section Header": "Abschnittsüberschrift", "Two Content": "Zwei Inhalte", "Title Only": "Nur Titel"}])
def test_layouts_with_no_type_are_found_by_their_localised_names(tmp_path, normal, theme, names):
    path = _untyped(_reference(tmp_path), names)
    prs = open_deck(render_pptx(normal, with_dividers(theme).model_copy(update={"reference_pptx": path})))
    used = {s.slide_layout.name for s in prs.slides}
    assert used == {names[name] for name in ("Title Slide", "Title and Content", "Section Header", "Two Content", "Title Only")}


def test_a_layout_the_set_names_but_the_master_lacks_falls_back_to_its_role_with_a_warning(tmp_path, normal, theme):
    deck = theme.deck.model_copy(update={"layouts": {"section": "Nope"}, "section_dividers": True})
    mapped = theme.model_copy(update={"reference_pptx": _reference(tmp_path), "deck": deck})
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        prs = open_deck(render_pptx(normal, mapped))
    messages = [str(w.message) for w in caught]
    assert len([m for m in messages if "maps 'section' to 'Nope'" in m]) == 1  # once, not once per slide
    assert "using its layout 'Section Header' instead" in next(m for m in messages if "Nope" in m)
    assert prs.slides[2].slide_layout.name == "Section Header"


def test_with_no_layout_of_the_role_the_closest_usable_one_is_used_and_named(tmp_path, normal, theme):
    path = _untyped(_reference(tmp_path), {name: f"Custom {name}" for name in JAPANESE})
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        prs = open_deck(render_pptx(normal, theme.model_copy(update={"reference_pptx": path})))
    assert any("for the 'section' slides; using its layout 'Custom Title Slide'" in str(w.message) for w in caught)
    assert all(slide.shapes.title is not None for slide in prs.slides)


def test_unknown_deck_layout_key_is_an_error(normal, theme):
    with pytest.raises(RenderError, match="bulets"):
        render_pptx(normal, theme.model_copy(update={"deck": theme.deck.model_copy(update={"layouts": {"bulets": "Title and Content"}})}))


def test_titles_and_bodies_use_the_planned_text(normal_deck):
    prs = open_deck(normal_deck)
    body = next(s for s in prs.slides[2].placeholders if s.placeholder_format.type == PP_PLACEHOLDER.OBJECT)
    paragraphs = [p for p in body.text_frame.paragraphs]
    assert paragraphs[1].runs[0].text == "China" and paragraphs[1].runs[0].font.bold
    assert paragraphs[2].level == 1
    assert plain(()) == ""


def test_one_pass_package_matches_python_pptx_save(normal, theme):
    """package_bytes writes the parts itself; python-pptx's save, normalized, must give the same zip."""
    from reportgen.render.pptx.package import normalize_zip, package_bytes, set_core_properties, timestamp
    from reportgen.render.pptx.write import write_deck

    master = open_master(theme)
    when = timestamp(normal.info)
    write_deck(master, plan_deck(normal, theme, master), theme, when, locale_for("en"))
    set_core_properties(master.prs, normal.info, when)
    saved = io.BytesIO()
    master.prs.save(saved)
    assert package_bytes(master.prs, when) == normalize_zip(saved.getvalue(), when)


@pytest.fixture(scope="module")
def figures_deck(figures, theme) -> bytes:
    return render_pptx(figures, theme)


def test_line_and_pie_charts(figures_deck, theme):
    prs = open_deck(figures_deck)
    line = next(s for s in prs.slides[0].shapes if s.has_chart).chart
    assert line.chart_type == XL_CHART_TYPE.LINE_MARKERS
    assert line.has_legend and [s.name for s in line.plots[0].series] == ["Japan", "Plan"]
    assert str(line.plots[0].series[1].format.line.color.rgb) == theme.colours.chart[1].lstrip("#").upper()
    body = next(s for s in prs.slides[0].shapes if s.name == "Text" and "Budgets rise" in s.text_frame.text)
    chart_frame = next(s for s in prs.slides[0].shapes if s.has_chart)
    assert body.left >= chart_frame.left + chart_frame.width  # text beside the chart, not over it
    pie = next(s for s in prs.slides[1].shapes if s.has_chart).chart
    assert pie.chart_type == XL_CHART_TYPE.PIE and pie.has_legend
    assert pie.plots[0].data_labels.number_format.endswith('"%"')


def test_picture_is_scaled_into_the_content_area_with_alt_text(figures_deck):
    prs = open_deck(figures_deck)
    picture = next(s for s in prs.slides[2].shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE)
    assert abs(picture.width / picture.height - 16 / 9) < 0.01
    assert picture.top + picture.height <= Inches(6.7)
    assert picture._element.xpath("./p:nvPicPr/p:cNvPr")[0].get("descr") == "A grey ship on a blue sea"
    caption = next(s for s in prs.slides[2].shapes if s.has_text_frame and s.text_frame.text.startswith("Figure 5."))
    assert caption.top >= picture.top + picture.height


def test_numbering_continues_on_the_continuation_slide(figures_deck):
    prs = open_deck(figures_deck)
    first, rest = prs.slides[3], prs.slides[4]
    assert title_of(rest) == "Fourteen steps (cont.)"
    body = next(s for s in rest.placeholders if s.placeholder_format.type == PP_PLACEHOLDER.OBJECT)
    numbers = body.text_frame._txBody.xpath(".//a:buAutoNum")
    on_first = next(s for s in first.placeholders if s.placeholder_format.type == PP_PLACEHOLDER.OBJECT)
    shown = len(on_first.text_frame._txBody.xpath(".//a:buAutoNum"))
    assert 5 <= shown <= 9  # fourteen steps over two slides, balanced rather than 9 + 5
    assert numbers[0].get("startAt") == str(shown + 1) and all(n.get("startAt") is None for n in numbers[1:])
    assert "Step number 14" in body.text_frame.text and f"Step number {shown} " in slide_text(first)


def test_links_and_code(figures_deck):
    slide = open_deck(figures_deck).slides[5]
    runs = [r for s in slide.shapes if s.has_text_frame for p in s.text_frame.paragraphs for r in p.runs]
    link = next(r for r in runs if r.text == "strategy")
    assert link.hyperlink.address == "https://example.org/nss"
    code = next(r for r in runs if r.text == "nss.pdf")
    assert code.font.name == "Courier New"


def test_notes_runs_name_both_typefaces(normal_deck, theme):
    notes = open_deck(normal_deck).slides[2].notes_slide.notes_text_frame
    runs = [r for p in notes.paragraphs for r in p.runs]
    assert runs and all(r._r.find(f"{A}rPr/{A}ea").get("typeface") == theme.deck.fonts.east_asian for r in runs)


def test_chart_without_matching_data_is_a_render_error(normal, theme):
    from dataclasses import replace

    budget = normal.figures["budget"]
    broken = replace(budget, series=(replace(budget.series[0], values=(1.0, 2.0)),))
    document = Document(normal.info, normal.blocks, {**normal.figures, "budget": broken})
    with pytest.raises(RenderError, match="chart 'budget'"):
        render_pptx(document, theme)


def test_characters_xml_cannot_carry_are_dropped_everywhere(normal, theme):
    """The Markdown reader cleans every text of the Document once (info, figures, blocks); the deck shows it as is."""
    from dataclasses import replace

    from reportgen.document.markdown import parse_markdown

    info = replace(normal.info, title="Bad\x01 title\ufffe", author="A\x0buthor", marking="MARK\x1fING")
    budget = normal.figures["budget"]
    chart = replace(budget, categories=("FY\x0222",) + budget.categories[1:], series=(replace(budget.series[0], name="Bud\x03get"),))
    markdown = "# Chart\x07 slide {layout=chart}\n\nline\x00one  \nline two\n\n::: notes\nnote\x08 <b>&\n:::\n\n![](figure:budget)\n"
    document = parse_markdown(markdown, info, {"budget": chart})
    prs = open_deck(render_pptx(document, theme))
    slide = prs.slides[0]
    assert title_of(slide) == "Chart slide"
    assert prs.core_properties.title == "Bad title" and prs.core_properties.author == "Author"
    assert next(s for s in slide.shapes if s.name == "Marking").text_frame.text == "MARKING"
    assert "line\ufffdone\vline two" in slide_text(slide)  # markdown-it reads NUL as U+FFFD; a hard break is a line break
    assert list(next(s for s in slide.shapes if s.has_chart).chart.plots[0].categories)[0] == "FY22"
    assert slide.notes_slide.notes_text_frame.text == "note <b>&"


def test_theme_logo_on_every_slide_clear_of_the_marking(tmp_path, normal, theme):
    from PIL import Image as PILImage

    path = tmp_path / "logo.png"
    PILImage.new("RGB", (300, 100), (0, 107, 63)).save(path)
    prs = open_deck(render_pptx(normal, theme.model_copy(update={"logo_path": path})))
    blob = path.read_bytes()
    for slide in prs.slides:
        logos = [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE and s.name == "Logo"]
        assert len(logos) == 1 and logos[0].image.blob == blob
        logo, marking = logos[0], next(s for s in slide.shapes if s.name == "Marking")
        assert abs(logo.width / logo.height - 3) < 0.01
        assert logo.left + logo.width <= marking.left or logo.top + logo.height <= marking.top
    with zipfile.ZipFile(io.BytesIO(render_pptx(normal, theme.model_copy(update={"logo_path": path})))) as z:
        assert len([n for n in z.namelist() if n.startswith("ppt/media/")]) == 1  # one image part, shared
