"""The backstop: templates render in a forked child under CPU-time and memory limits.

The bounds catch what grows; these limits end what they miss, such as one
call that runs in C for half an hour on values within every bound. The tests
use small limits.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from reportgen import isolate
from reportgen.errors import TemplateError
from reportgen.templating import env as env_module
from reportgen.templating.env import environment, render

SLOW_IN_C = (
    "{% set a = range(100000)|list %}{% set b = (range(99999)|list) + [0] %}\n"
    "{{ a in [b] * 1000000 }}\n"
)
"""A million comparisons of two 100,000-item lists that differ only at the end, in one C call (about 25
minutes here): every value is within the bounds, and no Python-level signal handler can run meanwhile."""


def render_text(tmp_path: Path, text: str, context: dict | None = None) -> str:
    folder = tmp_path / "set"
    folder.mkdir(exist_ok=True)
    (folder / "brief.md.j2").write_text(text, encoding="utf-8")
    return render(environment((folder,)), "brief.md.j2", context or {})


@pytest.fixture(autouse=True)
def forking() -> None:
    assert isolate.can_fork(), "these tests need a single-threaded process that can fork"


def test_a_long_call_in_c_is_ended_by_the_cpu_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(env_module, "MAX_CPU_SECONDS", 1)
    started = time.perf_counter()
    with pytest.raises(TemplateError) as caught:
        render_text(tmp_path, SLOW_IN_C)
    assert caught.value.one_line() == f"{tmp_path / 'set' / 'brief.md.j2'}: the template used more than 1 second of CPU in one step and was stopped"
    assert time.perf_counter() - started < 30


def test_a_long_python_loop_is_ended_by_the_cpu_limit_at_its_line(tmp_path, monkeypatch):
    monkeypatch.setattr(env_module, "MAX_CPU_SECONDS", 1)
    monkeypatch.setattr(env_module, "MAX_SECONDS", 60.0)
    loop = "# Brief\n{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}\n"
    with pytest.raises(TemplateError) as caught:
        render_text(tmp_path, loop)
    assert caught.value.one_line().startswith(f"{tmp_path / 'set' / 'brief.md.j2'}:2: the template used more than 1 second of CPU")


def test_memory_beyond_the_allowance_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(env_module, "MAX_EXTRA_MEMORY", 200 << 20)
    # 1.5 GB: far past the allowance even where the child inherits a heap with room to spare (a session
    # that has built many packs in its own process), which it fills before it asks the system for more
    hoard = "# Brief\n{% set l = [] %}{% for i in range(150) %}{% do l.append(('x' * 10000000) ~ i) %}{% endfor %}{{ l|length }}\n"
    with pytest.raises(TemplateError) as caught:
        render_text(tmp_path, hoard)
    message = caught.value.one_line()
    assert message.startswith(f"{tmp_path / 'set' / 'brief.md.j2'}:2: ")
    assert "the template used more memory than a build allows (200 MiB beyond the build's own)" in message


def test_rendering_happens_in_a_child_with_the_limits(tmp_path, monkeypatch):
    seen = []
    real_run = isolate.run

    def spy(function, *args, limits=None):
        seen.append(limits)
        return real_run(function, *args, limits=limits)

    monkeypatch.setattr(isolate, "run", spy)
    assert render_text(tmp_path, "{{ pid }}", {"pid": os.getpid()}) == str(os.getpid())
    assert seen == [isolate.Limits(cpu_seconds=30, extra_memory_bytes=1 << 30)]


@pytest.mark.parametrize(("template_set", "forks"), [("default", False), ("executive", False), ("thin", True)])
def test_only_a_chain_of_builtin_sets_renders_without_a_child(tmp_path, monkeypatch, template_set, forks):
    """reportgen's own templates need no backstop; a set with a user's folder in its chain always gets one."""
    from reportgen.build import pipeline as pack
    from reportgen.templating.catalog import copy_set

    if template_set == "thin":
        template_set = copy_set("default", tmp_path / "thin", thin=True)
    calls = []
    real_run = isolate.run
    monkeypatch.setattr(isolate, "run", lambda *args, **kwargs: calls.append(args) or real_run(*args, **kwargs))
    prepared = pack.prepare(Path(__file__).resolve().parents[1] / "fixtures" / "small.yaml", template_set)
    assert pack.write_markdown(prepared, "pdf").startswith(("::: cover", "::: masthead"))
    assert bool(calls) is forks


def test_an_error_in_the_child_keeps_file_line_and_hint(tmp_path):
    with pytest.raises(TemplateError) as caught:
        render_text(tmp_path, "# Brief\n\n{{ 'x'.format_map({}) }}\n")
    error = caught.value
    assert (Path(error.location.file), error.location.line) == (tmp_path / "set" / "brief.md.j2", 3)
    assert error.message == "templates may not call str.format_map" and "docs/templates.md" in error.hint


def test_without_a_fork_the_template_renders_in_process(tmp_path, monkeypatch):
    monkeypatch.setattr(isolate, "can_fork", lambda: False)
    assert render_text(tmp_path, "{{ 'a' * 3 }}") == "aaa"


def test_without_a_fork_a_template_cannot_change_the_next_ones_context(tmp_path, monkeypatch):
    """Both formats' templates render from one context; in-process rendering gets a copy of it."""
    context = {"sections": ["one"]}
    assert render_text(tmp_path, "{% do sections.append('extra') %}{{ sections|length }}", context) == "2"
    monkeypatch.setattr(isolate, "can_fork", lambda: False)
    assert render_text(tmp_path, "{% do sections.append('extra') %}{{ sections|length }}", context) == "2"
    assert context == {"sections": ["one"]}
