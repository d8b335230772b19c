"""Link targets: http, https, mailto and #anchors pass, every other scheme is refused however it is disguised."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportgen.errors import OutlineError
from reportgen.links import link_problem, links_in
from reportgen.outline import load_outline

SMALL = Path(__file__).resolve().parent / "fixtures" / "small.yaml"


@pytest.mark.parametrize(
    "target",
    ["https://example.org/a?b=c#d", "http://example.org", "HTTPS://EXAMPLE.ORG", "mailto:desk@example.org", "#sources", ""],
)
def test_allowed(target):
    assert link_problem(target) is None


@pytest.mark.parametrize(
    ("target", "scheme"),
    [
        ("javascript:alert(1)", "javascript"),
        ("JaVaScRiPt:alert(1)", "javascript"),
        ("java\tscript:alert(1)", "javascript"),
        ("java\nscript:alert(1)", "javascript"),
        (" \x01javascript:alert(1)", "javascript"),
        ("java\u200bscript:alert(1)", "javascript"),
        ("javascript&#58;alert(1)", "javascript"),
        ("javascript&colon;alert(1)", "javascript"),
        ("java%09script:alert(1)", "javascript"),
        ("javascript%3Aalert(1)", "javascript"),
        ("javascript%253Aalert(1)", "javascript"),
        ("vbscript:msgbox(1)", "vbscript"),
        ("file:///etc/passwd", "file"),
        ("FILE://server/share/x.docx", "file"),
        ("data:text/html;base64,PHNjcmlwdD4=", "data"),
        ("smb://server/share", "smb"),
        ("C:\\Windows\\system32\\calc.exe", "c"),
        ("ms-msdt:/id PCWDiagnostic", "ms-msdt"),
        ("<javascript:alert(1)>", "javascript"),
    ],
)
def test_refused_schemes(target, scheme):
    problem = link_problem(target)
    assert problem is not None and f"uses the '{scheme}:' scheme" in problem
    assert "\t" not in problem and "\n" not in problem and "\x01" not in problem


@pytest.mark.parametrize("target", ["//evil.example/x", "\\\\fileserver\\share\\x.pptx", "/\\fileserver/share"])
def test_paths_to_another_computer(target):
    assert "a path on another computer" in link_problem(target)


def test_a_scheme_that_looks_like_a_host_suggests_https():
    assert "write a web address with https://" in link_problem("www.example.org:8080/x")


@pytest.mark.parametrize(
    ("target", "fix"),
    [
        ("www.example.org/x", "add https:// in front: 'https://www.example.org/x'"),
        ("example.org", "add https:// in front: 'https://example.org'"),
        ("reports/annex.html", "add https:// in front: 'https://reports/annex.html'"),
        ("desk@example.org", "add mailto: in front: 'mailto:desk@example.org'"),
    ],
)
def test_a_target_with_no_scheme_is_refused_with_the_fix(target, fix):
    assert link_problem(target).startswith(f"'{target}', which has no scheme")
    assert link_problem(target).endswith(f"({fix})")


def test_a_source_url_with_no_scheme_names_its_line_and_the_fix(tmp_path):
    text = (SMALL.read_text(encoding="utf-8")).replace("    author: Someone", "    author: Someone\n    url: whitehouse.gov/briefing-room", 1)
    (tmp_path / "o.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(OutlineError) as caught:
        load_outline(tmp_path / "o.yaml")
    assert caught.value.one_line() == (
        f"{tmp_path / 'o.yaml'}:44:10: sources[0].url: links to 'whitehouse.gov/briefing-room', which has no scheme, so it would "
        "open as a file beside the document (add https:// in front: 'https://whitehouse.gov/briefing-room')"
    )


def test_links_in_inline_markdown():
    assert links_in("no links here") == []
    assert links_in("see [the strategy](https://example.org/nss) and [x](javascript:alert(1))") == ["https://example.org/nss", "javascript:alert(1)"]
    assert links_in("[ref]: javascript:alert(1)") == ["javascript:alert(1)"]
