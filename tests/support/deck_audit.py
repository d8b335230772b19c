"""A pytest plugin: at the end of the session, every deck the suite built is checked by openxml-audit.

Builds run in-process and in subprocesses, but all of them write under the session's
base temporary folder, so the decks are found there afterwards rather than at each
call site. A deck counts as built when its folder's ``.reportgen-manifest.json``
records it with the same SHA-256 and it is a zip package (hostile or hand-made inputs
named deck.pptx, and unit tests' packs of stand-in bytes, are not outputs). Builds are reproducible, so identical decks are audited once, one
after another. Any error fails the session with a report naming the decks and errors.
Under pytest-xdist only the controller audits: the workers' folders sit under its
base folder.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import time
from pathlib import Path

import pytest

SHOWN = 5
"""Errors listed per deck in the report."""


def built_decks(root: Path) -> dict[str, list[Path]]:
    """Decks under *root* that a build wrote, by SHA-256 (equal decks grouped)."""
    found: dict[str, list[Path]] = {}
    for manifest in root.rglob(".reportgen-manifest.json"):
        deck = manifest.parent / "deck.pptx"
        if not (_regular(manifest) and _regular(deck)):  # a hostile test's named pipe would block the read for ever
            continue
        try:
            recorded = json.loads(manifest.read_text(encoding="utf-8"))["files"]["deck.pptx"]["sha256"]
            data = deck.read_bytes()
        except (OSError, ValueError, KeyError, TypeError):
            continue
        if data[:4] == b"PK\x03\x04" and hashlib.sha256(data).hexdigest() == recorded:  # a unit test's pack of stand-in bytes is no deck
            found.setdefault(recorded, []).append(deck)
    return found


def _regular(path: Path) -> bool:
    """A plain file, not a symbolic link, pipe or device (looked at without opening it)."""
    try:
        return stat.S_ISREG(path.lstat().st_mode)
    except OSError:
        return False


def _audit(deck: str) -> list[str]:
    import openxml_audit

    return [str(error) for error in openxml_audit.validate_pptx(deck).errors]


class DeckAudit:
    def __init__(self) -> None:
        self.report: list[str] = []

    @pytest.hookimpl(trylast=True)
    def pytest_sessionfinish(self, session: pytest.Session, exitstatus: int) -> None:
        if hasattr(session.config, "workerinput"):
            return
        root = session.config._tmp_path_factory.getbasetemp()  # type: ignore[attr-defined]
        decks = built_decks(Path(root))
        if not decks:
            return
        try:
            import openxml_audit  # noqa: F401
        except ImportError:
            if os.environ.get("REPORTGEN_REQUIRE_CLIENTS") == "1":
                self.report = ["openxml-audit is required (REPORTGEN_REQUIRE_CLIENTS=1) but not installed"]
                session.exitstatus = pytest.ExitCode.TESTS_FAILED
            else:
                self.report = [f"{len(decks)} built decks not audited: openxml-audit is not installed"]
            return
        start = time.perf_counter()
        firsts = [paths[0] for paths in decks.values()]
        # one after another in this process: a process pool forked at the session's end, beside the threads
        # the tests left behind, hung the whole run once
        results = {deck: _audit(str(deck)) for deck in firsts}
        seconds = time.perf_counter() - start
        failed = {deck: errors for deck, errors in results.items() if errors}
        total = sum(len(paths) for paths in decks.values())
        self.report = [f"openxml-audit: {total} built decks ({len(firsts)} distinct) in {seconds:.1f} s, {len(failed)} with errors"]
        for deck, errors in failed.items():
            self.report.append(f"{deck}: {len(errors)} errors")
            self.report += [f"    {error}" for error in errors[:SHOWN]]
        if failed:
            session.exitstatus = pytest.ExitCode.TESTS_FAILED

    def pytest_terminal_summary(self, terminalreporter) -> None:
        if self.report:
            terminalreporter.section("deck audit")
            for line in self.report:
                terminalreporter.write_line(line)


def pytest_configure(config: pytest.Config) -> None:
    config.pluginmanager.register(DeckAudit(), "reportgen-deck-audit")
