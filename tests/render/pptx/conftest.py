"""The hand-built decks of :mod:`support.decks` as fixtures."""

from support.decks import figures, normal, stress, stress_title, theme  # noqa: F401 - fixtures
