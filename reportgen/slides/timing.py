"""How long each slide is shown: the talk's minutes shared by what the presenter has to say.

A slide's weight is the time its notes take to speak at the theme's rate
(``deck.timing``), never less than the floor per slide. With ``meta.duration``
the talk's seconds are shared by weight: a section with ``minutes`` shares its
own among its slides, the other slides share the rest. Without a duration each
slide takes its weight, and the line after the build says how long that makes the talk.

Words are counted as runs of letters and digits; Chinese, Japanese and Korean
have no spaces to count words by, so their characters are counted instead and
spoken at ``chars_per_minute``.
"""

from __future__ import annotations

import math
import re
import warnings
from collections.abc import Sequence
from dataclasses import replace

from reportgen.errors import ReportgenWarning
from reportgen.slides.model import SlidePlan
from reportgen.theme.deck import DeckTiming

_CJK = re.compile(r"[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_WORD = re.compile(r"[^\W_]+")


def speaking_seconds(text: str, rate: DeckTiming) -> float:
    """How long *text* takes to say: its words at ``words_per_minute``, its CJK characters at ``chars_per_minute``."""
    characters = len(_CJK.findall(text))
    words = len(_WORD.findall(_CJK.sub(" ", text)))
    return 60 * words / rate.words_per_minute + 60 * characters / rate.chars_per_minute


def spread(budget: float, weights: Sequence[float], floor: float) -> list[float]:
    """*budget* shared in proportion to *weights*, each share at least *floor* where the budget allows it.

    Shares that would fall below the floor are set to it and the rest shared again (water filling);
    a budget too small for every floor is shared equally.
    """
    count = len(weights)
    if count == 0:
        return []
    if budget < floor * count:
        return [budget / count] * count
    fixed: dict[int, float] = {}
    while True:
        free = [i for i in range(count) if i not in fixed]
        left = budget - sum(fixed.values())
        total = sum(weights[i] for i in free)
        shares = {i: left * weights[i] / total if total > 0 else left / len(free) for i in free}
        low = [i for i, share in shares.items() if share < floor]
        if not low:
            return [fixed.get(i, shares.get(i, 0.0)) for i in range(count)]
        fixed.update((i, floor) for i in low)


def whole_seconds(shares: Sequence[float], total: int) -> list[int]:
    """*shares* rounded to whole seconds that still add up to *total* (largest remainders get the spare seconds)."""
    down = [math.floor(s) for s in shares]
    spare = total - sum(down)
    order = sorted(range(len(shares)), key=lambda i: shares[i] - down[i], reverse=True)
    for i in order[: max(0, spare)]:
        down[i] += 1
    return down


def shares(
    notes: Sequence[str], sections: Sequence[str], minutes: dict[str, float], duration: float | None, rate: DeckTiming
) -> list[int]:
    """Each slide's seconds. *sections*: each slide's section id (``""``: none); *minutes*: a section's own minutes."""
    weights = [max(rate.min_seconds, speaking_seconds(text, rate)) for text in notes]
    groups: dict[str, list[int]] = {}
    for index, section in enumerate(sections):
        key = section if section in minutes else ""
        groups.setdefault(key, []).append(index)
    out = [0] * len(notes)
    budgets = {key: round(minutes[key] * 60) for key in groups if key}
    if duration is None:
        budgets[""] = math.ceil(sum(weights[i] for i in groups.get("", [])))
    else:
        budgets[""] = max(0, round(duration * 60) - sum(budgets.values()))
        if "" not in groups and budgets[""] and groups:  # every slide is in a timed section: they share the rest too
            last = max(groups, key=lambda key: len(groups[key]))
            budgets[last] += budgets[""]
    for key, members in groups.items():
        spread_out = spread(budgets[key], [weights[i] for i in members], rate.min_seconds)
        for i, seconds in zip(members, whole_seconds(spread_out, budgets[key]), strict=True):
            out[i] = seconds
    return out


def clock(seconds: float) -> str:
    """``14:30``: minutes and seconds of the talk."""
    whole = round(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


def timed(
    slides: Sequence[SlidePlan], sections: Sequence[str], minutes: dict[str, float], duration: float | None, rate: DeckTiming
) -> list[SlidePlan]:
    """*slides* with their seconds; the build is told when the duration leaves a slide less than the floor (without a
    duration, the line after the build gives the talk's length at the speaking rate)."""
    seconds = shares([s.notes for s in slides], sections, minutes, duration, rate)
    if slides and duration is not None and min(seconds) < rate.min_seconds:
        warnings.warn(
            ReportgenWarning(
                f"{duration:g} minutes leave some slides less than {rate.min_seconds:g} s",
                field="meta.duration",
                hint="give the talk more minutes, or its sections fewer",
            ),
            stacklevel=2,
        )
    return [replace(slide, seconds=float(s)) for slide, s in zip(slides, seconds, strict=True)]
