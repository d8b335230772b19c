"""fit.py: measuring and wrapping text with Arial's (Helvetica's) metrics."""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth

from reportgen.document.model import LINE_BREAK, Run, plain
from reportgen.slides import fit, flow
from reportgen.slides.flow import INSET_X, INSET_Y, Spec
from reportgen.slides.units import Box, Emu, Inches, Pt, from_pt

SIZE = Pt(20)


def width_for(text: str, size=SIZE, font="Helvetica") -> Emu:
    """The narrowest line width that still holds *text* on one line."""
    return Emu(int(from_pt(stringWidth(text, font, size.pt)) / fit.WIDTH_SLACK) + 2)


def test_latin_widths_are_helvetica_and_cjk_one_em():
    assert fit.text_em("Hello, world", "Helvetica") == stringWidth("Hello, world", "Helvetica", 1)
    assert fit.text_em("Bold", "Helvetica-Bold") == stringWidth("Bold", "Helvetica-Bold", 1)
    assert fit.text_em("日本語", "Helvetica") == 3.0
    assert fit.text_em("ｱｲ", "Helvetica") == 1.0  # half-width katakana: half an em each


def test_paragraph_that_fits_exactly_takes_one_line():
    text = "Japan faces a crowded threat picture"
    width = width_for(text)
    assert fit.count_lines((Run(text),), SIZE, width) == 1
    assert fit.count_lines((Run(text),), SIZE, Emu(width - Pt(1))) == 2


def test_one_word_over_wraps_to_a_second_line():
    text = "Japan faces a crowded threat picture"
    width = width_for(text)
    longer = (Run(text + " today"),)
    assert fit.count_lines(longer, SIZE, width) == 2
    assert fit.text_height(longer, SIZE, width) == 2 * fit.line_height(SIZE)


def test_bold_runs_are_measured_bold():
    text = "Interoperability and readiness"
    width = width_for(text)  # regular
    assert fit.count_lines((Run(text),), SIZE, width) == 1
    assert fit.count_lines((Run(text, bold=True),), SIZE, width) == 2


def test_word_wider_than_the_box_is_broken_never_overflows():
    word = "Supercalifragilisticexpialidocious"
    width = Emu(width_for(word) // 3)
    lines = fit.count_lines((Run(word),), SIZE, width)
    assert lines >= 3  # broken between characters, as the renderers do
    assert not fit.words_fit((Run(word),), SIZE, width)


def test_a_long_word_makes_the_frame_shrink_before_it_is_broken():
    word = "Internationalisation"
    inner = width_for(word, Pt(18))
    box = Box(Emu(0), Emu(0), Emu(inner + 2 * INSET_X), Inches(3))
    paras, fits = flow.shrink([Spec((Run(word),))], box, flow.sizes(Pt(24), Pt(12)))
    assert fits
    assert paras[0].size <= Pt(18)
    assert fit.words_fit(paras[0].runs, paras[0].size, flow.text_width(box, paras[0]))


def test_at_the_minimum_size_an_unbreakable_word_is_still_counted_in_full():
    word = "x" * 200
    box = Box(Emu(0), Emu(0), Inches(2), Inches(6))
    paras, _ = flow.shrink([Spec((Run(word),))], box, flow.sizes(Pt(18), Pt(12)))
    lines = fit.count_lines(paras[0].runs, paras[0].size, flow.text_width(box, paras[0]))
    assert lines > 1
    assert flow.frame_height(paras, box) == 2 * INSET_Y + lines * fit.line_height(paras[0].size)


def test_hard_line_breaks_and_cjk_break_opportunities():
    assert fit.count_lines((Run("a"), Run(LINE_BREAK), Run("b")), SIZE, Inches(5)) == 2
    japanese = (Run("日本の防衛政策とアジアの同盟国"),)  # no spaces: breaks between characters
    one_em = from_pt(SIZE.pt)
    assert fit.count_lines(japanese, SIZE, Emu(int(one_em * 5 / fit.WIDTH_SLACK) + 2)) == 3


def test_split_prefers_sentence_ends_then_words():
    runs = (Run("First sentence is here. "), Run("Second one", bold=True), Run(" follows it."))
    head, tail = fit.split_to_fit(runs, SIZE, Inches(20), max_lines=1) or ((), ())
    assert plain(head) == plain(runs)[: len(plain(head))]
    one_line = width_for("First sentence is here. Second")
    head, tail = fit.split_to_fit(runs, SIZE, one_line, max_lines=1)
    assert plain(head) == "First sentence is here."
    assert plain(tail) == "Second one follows it."
    assert tail[0].bold  # styles survive the cut
    no_sentences = (Run("alpha beta gamma delta epsilon"),)
    head, tail = fit.split_to_fit(no_sentences, SIZE, width_for("alpha beta"), max_lines=1)
    assert (plain(head), plain(tail)) == ("alpha beta", "gamma delta epsilon")


def test_cut_loses_no_character_but_the_space_at_the_cut():
    runs = (Run("one two "), Run("three", italic=True), Run(" four"))
    head, tail = fit.cut(runs, 8)
    assert plain(head) + " " + plain(tail) == plain(runs)
