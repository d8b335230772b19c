"""Cleaning, once, as the Markdown reader builds the Document; the shared ellipsis rule."""

from __future__ import annotations

from reportgen.document.markdown import parse_markdown
from reportgen.document.model import Chart, DocumentInfo, Paragraph, Run, Series, plain
from reportgen.document.text import ELLIPSIS, clean, clean_runs, ellipsize


def test_clean_drops_what_no_output_can_carry_and_unifies_newlines():
    assert clean("a\x00b\x08c\x0bd\x1fe\ud800f\ufffeg\uffffh\x7fi\x85j") == "abcdefgh" + "i\x85j"
    assert clean("tab\tnew\r\nline\rend 日本 é") == "tab\tnew\nline\nend 日本 é"


def test_clean_runs_drops_runs_left_empty_and_cleans_links():
    assert clean_runs((Run("\x01"), Run("ok\x02", bold=True, href="https://x\x03"))) == (Run("ok", bold=True, href="https://x"),)


def test_the_reader_cleans_blocks_info_and_figures():
    chart = Chart("c", "bar", 1, "T\x01", "Cap\x02", ("A\x03",), (Series("S\x04", (1.0,)),), "Src\x05", unit="%\x06")
    document = parse_markdown("Te\x07xt\n\n```\nco\x08de\n```\n", DocumentInfo("Ti\x0btle", keywords=("k\x0c",)), {"c": chart})
    paragraph, code = document.blocks
    assert isinstance(paragraph, Paragraph) and plain(paragraph.runs) == "Text"
    assert code.text == "code"
    assert document.info.title == "Title" and document.info.keywords == ("k",)
    cleaned = document.figures["c"]
    assert (cleaned.title, cleaned.caption, cleaned.categories, cleaned.series[0].name, cleaned.source, cleaned.unit) == (
        "T", "Cap", ("A",), "S", "Src", "%",
    )


def width(text: str) -> float:
    return float(len(text))


def test_ellipsis_cuts_at_a_word():
    assert ellipsize("Ministry of Defense", 19, width) == "Ministry of Defense"
    assert ellipsize("Ministry of Defense", 15, width) == "Ministry of" + ELLIPSIS
    assert ELLIPSIS == "\u2026"


def test_ellipsis_cuts_inside_a_word_only_when_no_word_fits():
    assert ellipsize("Counterintelligence unit", 6, width) == "Count" + ELLIPSIS
    assert ellipsize("防衛政策の長い見出し", 4, width) == "防衛政" + ELLIPSIS
