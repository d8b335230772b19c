"""The files an outline names: its image figures must be PNG, JPEG or GIF files inside its folder.

Like :mod:`reportgen.outline.references` this reads the plain data, so missing
images are reported beside the model's errors; a figure that is not
``type: image`` or has no text ``path`` is left to the model.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from reportgen.images import image_problem

FieldPath = tuple[str | int, ...]


def image_paths(data: Any) -> Iterator[tuple[FieldPath, str]]:
    """Each image figure's ``path`` as written, with where it is."""
    sections = data.get("sections") if isinstance(data, dict) else None
    for i, section in enumerate(sections if isinstance(sections, list) else []):
        figures = section.get("figures") if isinstance(section, dict) else None
        for j, figure in enumerate(figures if isinstance(figures, list) else []):
            if isinstance(figure, dict) and figure.get("type") == "image" and isinstance(figure.get("path"), str):
                if figure["path"].strip():
                    yield ("sections", i, "figures", j, "path"), figure["path"].strip()


def file_problems(data: Any, folder: Path) -> list[tuple[FieldPath, str]]:
    """Images that leave *folder* (the outline's), do not exist or cannot be read."""
    folder = folder.resolve()
    problems: list[tuple[FieldPath, str]] = []
    for where, relative in image_paths(data):
        target = (folder / relative).resolve()
        if not target.is_relative_to(folder):
            problems.append((where, f"the image path '{relative}' leaves the outline's folder; keep images beside the outline"))
        elif not target.is_file():
            problems.append((where, f"image not found: looked for {target}"))
        else:
            problem = image_problem(target)
            if problem:
                problems.append((where, f"'{relative}' {problem}"))
    return problems
