"""Render the pictures the README shows: the first pages and slides of the default pack in English, Japanese
and Korean, the page of the mixed-script test brief that quotes every script, the Arabic brief's mirrored pages,
and the default deck on two masters that are not ours (the dark and the 4:3 test masters of tests/support/masters.py).

    python scripts/pictures.py        # writes docs/images/*.png (needs pdftoppm and soffice)
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image

REPO = Path(__file__).resolve().parent.parent
IMAGES = REPO / "docs" / "images"
EDITIONS = {lang: REPO / "content" / f"japan-defense{suffix}.yaml" for lang, suffix in (("en", ""), ("ja", ".ja"), ("ko", ".ko"))}
BRIEFS = {
    "mixed": (REPO / "tests" / "data" / "outlines" / "mixed-scripts.en.yaml", 2, 2, 90),
    "ar": (REPO / "tests" / "data" / "outlines" / "regional-security.ar.yaml", 1, 3, 60),
}
"""Briefs pictured alone: outline, first and last page, resolution."""
MASTERS = ("dark", "four_three_carlito")
"""Test masters the default deck is pictured on."""


def run(*args: str) -> None:
    subprocess.run(args, check=True, capture_output=True, timeout=300)


def pages(pdf: Path, prefix: Path, first: int, last: int, dpi: int) -> list[Path]:
    run("pdftoppm", "-png", "-r", str(dpi), "-f", str(first), "-l", str(last), str(pdf), str(prefix))
    return sorted(prefix.parent.glob(prefix.name + "-*.png"))


def sheet(images: list[Path], columns: int, target: Path) -> None:
    tiles = [Image.open(path).convert("RGB") for path in images]
    width, height = tiles[0].size
    gap = 12
    rows = (len(tiles) + columns - 1) // columns
    canvas = Image.new("RGB", (columns * width + (columns + 1) * gap, rows * height + (rows + 1) * gap), (225, 229, 235))
    for index, tile in enumerate(tiles):
        canvas.paste(tile, (gap + (index % columns) * (width + gap), gap + (index // columns) * (height + gap)))
    canvas.save(target, optimize=True)


def main() -> None:
    IMAGES.mkdir(parents=True, exist_ok=True)
    soffice = shutil.which("soffice") or sys.exit("soffice (LibreOffice) is needed")
    with tempfile.TemporaryDirectory() as temp:
        work = Path(temp)
        for language, outline in EDITIONS.items():
            out = work / language
            run(sys.executable, "-m", "reportgen", "build", str(outline), "--out", str(out))
            brief = pages(out / "brief.pdf", work / f"brief-{language}", 1, 3, 60)
            sheet(brief, 3, IMAGES / f"brief-{language}.png")
            run(soffice, f"-env:UserInstallation=file://{work}/lo", "--headless", "--convert-to", "pdf", "--outdir", str(work / f"deck-{language}"), str(out / "deck.pptx"))
            slides = pages(work / f"deck-{language}" / "deck.pdf", work / f"slide-{language}", 1, 12, 40)
            chosen = [slides[i] for i in (0, 2, 4, 7, 8, 9) if i < len(slides)]
            sheet(chosen, 3, IMAGES / f"deck-{language}.png")
            if language == "en":  # the meeting kit: a notes page and the handout's first page
                sheet(pages(out / "notes.pdf", work / "notes", 4, 5, 60), 2, IMAGES / "kit-notes.png")
                sheet(pages(out / "handout.pdf", work / "handout", 1, 2, 60), 2, IMAGES / "kit-handout.png")
        for name, (outline, first, last, dpi) in BRIEFS.items():
            out = work / name
            run(sys.executable, "-m", "reportgen", "build", str(outline), "--format", "pdf", "--out", str(out))
            tiles = pages(out / "brief.pdf", work / f"brief-{name}", first, last, dpi)
            sheet(tiles, min(3, len(tiles)), IMAGES / f"brief-{name}.png")
        sys.path.insert(0, str(REPO / "tests"))
        from support import masters  # the test corpus: masters built from python-pptx's template, no binary in the repo

        for name in MASTERS:
            reference = getattr(masters, name)(work / f"{name}.pptx")
            out = work / f"on-{name}"
            run(sys.executable, "-m", "reportgen", "build", str(EDITIONS["en"]), "--format", "pptx", "--out", str(out), "--reference-pptx", str(reference))
            run(soffice, f"-env:UserInstallation=file://{work}/lo", "--headless", "--convert-to", "pdf", "--outdir", str(work / f"deck-{name}"), str(out / "deck.pptx"))
            slides = pages(work / f"deck-{name}" / "deck.pdf", work / f"slide-{name}", 1, 10, 40)
            sheet([slides[i] for i in (0, 4, 9) if i < len(slides)], 3, IMAGES / f"deck-master-{name.replace('_', '-')}.png")
    for path in sorted(IMAGES.glob("*.png")):
        print(path.relative_to(REPO))


if __name__ == "__main__":
    main()
