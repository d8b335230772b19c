"""What a renderer must have fonts for: every character of a document, and its spans' languages."""

from __future__ import annotations

from reportgen.document.characters import characters, span_languages
from reportgen.document.markdown import parse_markdown
from reportgen.document.model import Chart, DocumentInfo, Series
from reportgen.document.vocab import ChartKind


def test_every_text_of_the_document_counts():
    chart = Chart(id="c", kind=ChartKind.BAR, number=1, title="통계", caption="", categories=("ก",),
                  series=(Series(name="Ω", values=(1.0,)),), source="ש")
    doc = parse_markdown(
        "# 見出し\n\n- [維護]{lang=zh-Hant}\n\n| α | β |\n|---|---|\n| γ | 🌏 |\n", DocumentInfo(title="标题"), {"c": chart}
    )
    chars = characters(doc)
    assert set("見出維護αβγ🌏标题통계Ωกש") <= chars
    assert span_languages(doc) == {"zh-Hant"}
