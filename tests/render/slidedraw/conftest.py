"""The hand-built decks of :mod:`support.decks` as fixtures."""

from support.decks import normal, theme  # noqa: F401 - fixtures
