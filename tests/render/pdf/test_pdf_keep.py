"""Headings kept with what follows (keep.py) and the last page's share of the frame (balance.py)."""

from __future__ import annotations

from types import SimpleNamespace

from reportlab.platypus import CondPageBreak, KeepTogether, Spacer

from reportgen.render.pdf.balance import LAST_PAGE_FILL, BalanceBreak, Tail, balance_last_page
from reportgen.render.pdf.figures import TABLE_START, KeepTogetherIfItFits
from reportgen.render.pdf.flow import Para
from reportgen.render.pdf.keep import KeptPair, keep_with_next
from reportgen.render.pdf.story import OutlineEntry, SectionHeading
from reportgen.render.pdf.styles import Styles
from reportgen.theme import Theme

STYLES = Styles.from_theme(Theme())
WORDS = " ".join(["word"] * 400)


def heading(text: str) -> SectionHeading:
    flowable = SectionHeading(text, STYLES["h1"])
    flowable.outline = OutlineEntry(0, text, text)
    return flowable


def test_a_heading_before_a_kept_block_moves_into_it() -> None:
    title, lead, box = heading("One"), Para("Lead", STYLES["lead"]), KeepTogether([Para("Box", STYLES["body"])])
    story = keep_with_next([Para("Before", STYLES["body"]), title, lead, box])
    assert len(story) == 2 and story[1] is box and box._content[:2] == [title, lead]


def test_a_table_kept_if_it_fits_makes_room_for_the_headings_put_in_front() -> None:
    table = KeepTogetherIfItFits([Para(WORDS * 10, STYLES["body"])], TABLE_START)
    keep_with_next([heading("One"), table])
    assert table.heads == 1
    table.canv, table._frame = None, SimpleNamespace(_height=300, _width=400, _atTop=0)
    first, *_ = table.split(400, 300)  # taller than a page: it flows, starting where heading and start fit
    assert isinstance(first, CondPageBreak) and first.height > TABLE_START


def test_a_kept_pair_splits_only_below_its_head() -> None:
    pair = KeptPair(Para("TITLE", STYLES["box_title"]), Para(WORDS, STYLES["body"]))
    _, height = pair.wrap(300, 10_000)
    assert pair.split(300, 20) == []  # no room for the head and a line of the body: the box moves
    top, rest = pair.split(300, height / 2)
    assert isinstance(top, KeptPair) and top.head is pair.head and top.wrap(300, 10_000)[1] <= height / 2
    assert rest.wrap(300, 10_000)[1] > 0  # the rest of the body goes on


def test_the_tail_measures_collapsed_spacing_and_gives_up_at_a_page_break() -> None:
    a, b = Spacer(10, 100), Spacer(10, 50)
    a.spaceAfter, b.spaceBefore = 12, 20
    assert Tail([a, b]).rest(0, 400, None) == 100 + 20 + 50
    assert Tail([a, KeepTogether([b])]).rest(1, 400, None) == 50
    assert Tail([a, BalanceBreak(Tail([]), 0, (), 700), b]).rest(0, 400, None) is None


def test_a_break_goes_before_every_outline_heading_but_the_first_flowable() -> None:
    story = balance_last_page([heading("A"), Para("x", STYLES["body"]), heading("B"), Para("y", STYLES["body"])], 700)
    assert [type(f).__name__ for f in story] == ["SectionHeading", "Para", "BalanceBreak", "SectionHeading", "Para"]
    assert story[2].later == ()


def test_a_break_fires_only_when_the_rest_would_strand_a_short_last_page() -> None:
    frame = 700.0
    rest = Spacer(10, 200)  # more than a fifth of the frame: breaking here gives the last page 200 pt
    late = BalanceBreak(Tail([Spacer(10, 0), rest]), 1, (), frame)
    late.canv = None
    assert late._moves_rest(400, 150)  # 50 pt would spill: a stranded few lines
    assert not late._moves_rest(400, 250)  # it all fits here
    assert not late._moves_rest(400, 200 - LAST_PAGE_FILL * frame)  # the spill fills a fifth anyway
