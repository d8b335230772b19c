"""The JSON Schemas of the files users write: the outline and a template set's ``theme.yaml``.

An editor with a YAML language server checks and completes an outline while
it is typed when the file starts with
``# yaml-language-server: $schema=../schema/outline.schema.json``. The files in
``schema/`` are this module's output (``reportgen schema``, ``reportgen schema
theme``); a test keeps them current.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

DIALECT = "https://json-schema.org/draft/2020-12/schema"


def outline_schema() -> dict[str, Any]:
    from reportgen.outline.model import Outline

    return {"$schema": DIALECT, **Outline.model_json_schema()}


def theme_schema() -> dict[str, Any]:
    """The theme's keys, without the fields its loader fills in (resolved paths), which no file may give."""
    from reportgen.theme import Theme

    schema = Theme.model_json_schema()
    for name, field in Theme.model_fields.items():
        if field.exclude:
            schema["properties"].pop(name, None)
    return {"$schema": DIALECT, **schema}


SCHEMAS: dict[str, Callable[[], dict[str, Any]]] = {"outline": outline_schema, "theme": theme_schema}
"""Each schema by the name ``reportgen schema NAME`` takes."""


def schema_text(name: str) -> str:
    """The schema *name* as the command prints it and ``schema/NAME.schema.json`` holds it."""
    return json.dumps(SCHEMAS[name](), indent=2, ensure_ascii=False) + "\n"
