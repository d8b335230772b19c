"""Phrases of pydantic's own messages: none may reach a user (see reportgen/outline/messages.py)."""

PYDANTIC_PHRASES = (
    "Input should",
    "List should",
    "String should",
    "Value should",
    "validation error",
    "Field required",
    "after validation",
    "Value error,",
    "type=",
    "Extra inputs",
    "Datetimes provided",
    "Unable to extract tag",
)


def pydantic_phrases_in(text: str) -> list[str]:
    return [phrase for phrase in PYDANTIC_PHRASES if phrase in text]
