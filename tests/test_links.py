"""Link targets: http, https, mailto and #anchors pass, every other scheme is refused however it is disguised."""

from __future__ import annotations

import pytest

from reportgen.links import link_problem, links_in


@pytest.mark.parametrize(
    "target",
    ["https://example.org/a?b=c#d", "http://example.org", "HTTPS://EXAMPLE.ORG", "mailto:desk@example.org", "#sources",
     "www.example.org/x", "example.org", "reports/annex.html", ""],
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


def test_links_in_inline_markdown():
    assert links_in("no links here") == []
    assert links_in("see [the strategy](https://example.org/nss) and [x](javascript:alert(1))") == ["https://example.org/nss", "javascript:alert(1)"]
    assert links_in("[ref]: javascript:alert(1)") == ["javascript:alert(1)"]
