"""What a template can make is bounded, and the bound is checked before the work is done.

The refused cases here would each take gigabytes or minutes if computed; the
small-bound tests show where each limit lies (just under passes, just over fails).
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from reportgen.errors import TemplateError
from reportgen.templating import bounds
from reportgen.templating.env import environment, render

NUMBER = "the template computes a number of more than 4,300 digits"
TEXT = "the template makes a text of more than 20,000,000 characters"
LIST = "the template makes a list of more than 1,000,000 items"


def render_line(tmp_path: Path, expression: str, context: dict | None = None) -> str:
    """Render a template whose second line is *expression*."""
    folder = tmp_path / "set"
    folder.mkdir(exist_ok=True)
    (folder / "brief.md.j2").write_text("# Brief\n" + expression + "\n", encoding="utf-8")
    return render(environment((folder,)), "brief.md.j2", context or {})


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("{{ (9 ** 99999999) > 1 }}", f"{NUMBER} (9 ** 99999999)"),
        ("{{ (10 ** 4299) * 10 }}", f"{NUMBER} (a number of about 4,300 digits * 10)"),
        ("{{ (10 ** 3000) * (10 ** 3000) }}", NUMBER),
        ("{% set s = 'ab' * 2000000000 %}", f"{TEXT} ('ab' * 2000000000)"),
        ("{{ 3000000000 * 'ab' }}", TEXT),
        ("{{ ([1] * 10**8)|length }}", f"{LIST} (a list of 1 item * 100000000)"),
        ("{{ ((1, 2) * 10**8)|length }}", LIST),
        ("{% set ns = namespace(s='ab') %}{% for i in range(40) %}{% set ns.s = ns.s + ns.s %}{% endfor %}", TEXT),
        ("{% set ns = namespace(s='ab') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}", f"{TEXT} (~)"),
        ("{% set ns = namespace(l=[1]) %}{% for i in range(40) %}{% set ns.l = ns.l + ns.l %}{% endfor %}", LIST),
        ("{{ 'a'.center(10**9) }}", f"{TEXT} (str.center(1000000000))"),
        ("{{ 'a'.ljust(10**9) }}", f"{TEXT} (str.ljust(1000000000))"),
        ("{{ 'a'.rjust(10**9) }}", f"{TEXT} (str.rjust(1000000000))"),
        ("{{ 'a'.zfill(10**9) }}", f"{TEXT} (str.zfill(1000000000))"),
        ("{{ ('a' * 1000).replace('a', 'b' * 100000) }}", f"{TEXT} (str.replace("),
        ("{{ 'ab'.replace('', 'x' * 10000000) }}", TEXT),
        ("{{ ('\\t' * 1000).expandtabs(10**6) }}", f"{TEXT} (str.expandtabs(1000000))"),
        ("{{ ('x' * 100000).join(['a'] * 1000) }}", f"{TEXT} (str.join)"),
        ("{{ '{:>999999999}'.format(1) }}", f"{TEXT} (str.format with '>999999999')"),
        ("{{ '{:.999999999f}'.format(1.5) }}", TEXT),
        ("{{ '{0}{0}{0}'.format('x' * 10000000) }}", TEXT),
        ("{{ '{0.__class__}'.format('x') }}", "templates may not use str.__class__"),
        ("{{ '%999999999d' % 1 }}", f"{TEXT} ('%999999999d' % ...)"),
        ("{{ '%*d' % (10**9, 1) }}", TEXT),
        ("{{ ('%s' * 3) % ((('x' * 10000000),) * 3) }}", TEXT),
        ("{{ 'a'|center(10**9) }}", f"{TEXT} (center(1000000000))"),
        ("{{ 'a\\nb'|indent(10**9) }}", f"{TEXT} (indent(1000000000))"),
        ("{{ ('a ' * 1000000)|wordwrap(1, wrapstring='x' * 100) }}", f"{TEXT} (wordwrap(1))"),
        ("{{ (['a' * 1000] * 100000)|join }}", f"{TEXT} (the join filter)"),
        ("{{ [1]|batch(10**9, 0)|list }}", f"{LIST} (batch(1000000000, ...))"),
        ("{{ [1]|slice(10**9)|list }}", f"{LIST} (slice(1000000000))"),
        ("{{ ('a' * 1000)|replace('a', 'b' * 100000) }}", TEXT),
        ("{{ '%0999999999d'|format(1) }}", TEXT),
        ("{{ ('a' * 10000000)|list|length }}", f"{LIST} (the list filter)"),
        ("{{ ('a ' * 3000000).split()|length }}", f"{LIST} (str.split)"),
        ("{{ ('a\\n' * 3000000).splitlines()|length }}", f"{LIST} (str.splitlines)"),
        ("{{ ([[1]] * 10)|sum(start=[]) }}", "the sum filter adds numbers only"),
        ("{{ ['x' * 10000000] * 3 }}", f"{TEXT} (a {{{{ value }}}})"),
        ("{{ (['x' * 10000000] * 3)|string }}", f"{TEXT} (the string filter)"),
        ("{{ dict(a=['x' * 10000000] * 3).values() }}", f"{TEXT} (a {{{{ value }}}})"),
        ("{{ range(10**6)|list|length }}", "Range too big"),
    ],
)
def test_growth_is_refused_with_file_and_line_before_it_is_computed(tmp_path, expression, expected):
    started = time.perf_counter()
    with pytest.raises(TemplateError) as caught:
        render_line(tmp_path, expression)
    message = caught.value.one_line()
    assert message.startswith(f"{tmp_path / 'set' / 'brief.md.j2'}:2: "), message
    assert expected in message
    assert time.perf_counter() - started < 10


def test_the_shift_operator_is_not_template_syntax(tmp_path):
    """``<<`` (which Python would compute without bound) does not exist in Jinja, and ``__lshift__`` is refused."""
    with pytest.raises(TemplateError, match="template syntax error: unexpected '<'"):
        render_line(tmp_path, "{{ 1 << 100000 }}")
    with pytest.raises(TemplateError, match="templates may not call int.__lshift__"):
        render_line(tmp_path, "{{ (1).__lshift__(100000) }}")


@pytest.mark.parametrize(
    ("limit", "fits", "too_big"),
    [
        ("MAX_TEXT_CHARS", "{{ ('a' * 1000)|length }}", "{{ ('a' * 1001)|length }}"),
        ("MAX_TEXT_CHARS", "{{ 'a'.center(1000)|length }}", "{{ 'a'.center(1001)|length }}"),
        ("MAX_TEXT_CHARS", "{{ ('a' * 500 ~ 'b' * 500)|length }}", "{{ ('a' * 500 ~ 'b' * 501)|length }}"),
        ("MAX_TEXT_CHARS", "{{ ('a' * 10).replace('a', 'b' * 100)|length }}", "{{ ('a' * 11).replace('a', 'b' * 100)|length }}"),
        ("MAX_TEXT_CHARS", "{{ '{:>1000}'.format('x')|length }}", "{{ '{:>1001}'.format('x')|length }}"),
        ("MAX_TEXT_CHARS", "{{ ('%1000s' % 'x')|length }}", "{{ ('%1001s' % 'x')|length }}"),
        ("MAX_LIST_ITEMS", "{{ ([1] * 1000)|length }}", "{{ ([1] * 1001)|length }}"),
        ("MAX_LIST_ITEMS", "{{ ([1] * 999 + [2])|length }}", "{{ ([1] * 1000 + [2])|length }}"),
        ("MAX_INT_DIGITS", "{{ (10 ** 999)|string|length }}", "{{ (10 ** 1000)|string|length }}"),
        ("MAX_INT_DIGITS", "{{ (10 ** 500 * 10 ** 499)|string|length }}", "{{ (10 ** 500 * 10 ** 500)|string|length }}"),
        ("MAX_INT_DIGITS", "{{ (10 ** 999 - 1 + 1)|string|length }}", "{{ (10 ** 999 * 9 + 10 ** 999)|string|length }}"),
    ],
)
def test_each_bound_lies_where_it_says(tmp_path, monkeypatch, limit, fits, too_big):
    monkeypatch.setattr(bounds, limit, 1000)
    assert render_line(tmp_path, fits).splitlines()[-1] == "1000"
    with pytest.raises(TemplateError, match="more than 1,000 "):
        render_line(tmp_path, too_big)
