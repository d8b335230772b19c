"""The script keys characters are sorted into, and the chains and packages behind them."""

from __future__ import annotations

import pytest

from reportgen.fonts.chain import DEFAULT_CHAINS, OTHER, PACKAGES, SCRIPT_KEYS, han_key, package_for, script_key


@pytest.mark.parametrize(
    ("char", "key"),
    [
        ("A", "Latn"), ("é", "Latn"), ("Ω", "Latn"), ("Ж", "Latn"),
        ("か", "Jpan"), ("한", "Kore"), ("ก", "Thai"), ("क", "Deva"), ("ع", "Arab"), ("ש", "Hebr"),
        ("≥", "Zsym"), ("✓", "Zsym"), ("€", "Zsym"), ("🌏", "Zsye"),
        ("অ", OTHER),  # Bengali: no chain of its own, any installed font that has it
        ("1", None), (",", None), (" ", None), ("。", None),
    ],
)
def test_each_character_has_the_key_of_its_script(char, key):
    assert script_key(char, "Hans") == key


def test_han_takes_the_key_it_is_given():
    assert script_key("国", "Kore") == "Kore"
    assert script_key("国", "Hant") == "Hant"


@pytest.mark.parametrize(
    ("language", "context", "key"),
    [("ja", "", "Jpan"), ("ko", "", "Kore"), ("zh-Hans", "", "Hans"), ("zh-Hant", "한국", "Hant"), ("", "韓國 한국", "Kore"), ("", "中国", "Jpan")],
)
def test_han_forms_follow_the_language_then_hangul_then_the_default(language, context, key):
    assert han_key(language, context, default="Jpan") == key


def test_every_key_has_a_chain_and_a_package():
    assert set(DEFAULT_CHAINS) == set(SCRIPT_KEYS) == set(PACKAGES)
    assert all(DEFAULT_CHAINS[key] for key in SCRIPT_KEYS)
    assert package_for("Thai") == "fonts-noto-core"
    assert package_for(None) == "fonts-noto-core"
