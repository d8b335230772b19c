"""The notes pages' words: paragraphs and list items, the clock line, the header, in every language the set speaks."""

from __future__ import annotations

from reportgen.render.notes.script import NoteLine, Span, note_lines, slide_of, spans
from reportgen.templating.sets import load_set
from reportgen.theme.model import Strings


def test_lines_are_paragraphs_and_dashes_make_list_items():
    text = "Open with the map.\n\n- China at sea\n  * North Korea's missiles\n• Disasters\nClose on the budget."
    assert note_lines(text) == [
        NoteLine("Open with the map."),
        NoteLine("China at sea", item=True),
        NoteLine("North Korea's missiles", item=True),
        NoteLine("Disasters", item=True),
        NoteLine("Close on the budget."),
    ]
    assert note_lines("-5% is a fall") == [NoteLine("-5% is a fall")]  # a dash without a space is text


def test_spans_run_the_clock_from_the_start_and_share_one_total():
    assert spans([30, 90, 60]) == [Span(0, 30, 180), Span(30, 90, 180), Span(120, 60, 180)]
    assert spans([]) == []


def test_the_clock_line_gives_the_share_the_start_and_the_length():
    strings = Strings()
    assert Span(360, 120, 1200).line(strings) == "2 min · 6:00 of 20:00"
    assert Span(0, 42, 1200).line(strings) == "40 s · 0:00 of 20:00"


def test_the_header_counts_slides_and_marks_a_continuation():
    strings = Strings()
    assert slide_of(strings, 3, 16) == "Slide 3 of 16"
    assert slide_of(strings, 3, 16, continued=True) == "Slide 3 of 16 (cont.)"


def test_every_language_with_its_own_page_words_has_its_own_clock_and_header():
    theme = load_set("default").theme
    english = Strings()
    for language, words in theme.languages.items():
        if words.page_of is None:
            continue
        strings = theme.for_language(language).strings
        assert strings.clock != english.clock and strings.slide_of != english.slide_of, language
        line = Span(60, 30, 600).line(strings)
        assert "{" not in line and "1:00" in line and "10:00" in line, (language, line)
        header = slide_of(strings, 3, 16)
        assert "{" not in header and "3" in header and "16" in header, (language, header)
