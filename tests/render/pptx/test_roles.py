"""Which layout each slide role uses: the set's mapping, the layout's type, its usual names, the closest."""

from __future__ import annotations

from dataclasses import dataclass

from reportgen.render.pptx.roles import ROLE_TYPES, choose


@dataclass(frozen=True)
class L:
    name: str
    kind: str = ""
    bodies: tuple[object, ...] = ()
    has_title: bool = True


DEFAULT = [L("Title Slide", "title", (1,)), L("Title and Content", "obj", (1,)), L("Section Header", "secHead", (1,)),
           L("Two Content", "twoObj", (1, 2)), L("Title Only", "titleOnly"), L("Blank", "blank", has_title=False)]


def test_every_role_has_types():
    assert all(ROLE_TYPES[role] for role in ROLE_TYPES)


def test_the_sets_mapping_comes_first():
    choice = choose("bullets", DEFAULT, {"bullets": "two content"}, "m.pptx")  # spaces and case ignored
    assert choice.layout.name == "Two Content" and choice.warning is None


def test_types_decide_whatever_the_names():
    layouts = [L(f"L{i}", layout.kind, layout.bodies, layout.has_title) for i, layout in enumerate(DEFAULT)]
    assert {role: choose(role, layouts, {}, "m").layout.name for role in ("title", "bullets", "section", "two-column", "chart")} == {
        "title": "L0", "bullets": "L1", "section": "L2", "two-column": "L3", "chart": "L4"}


def test_a_typed_layout_without_the_placeholders_the_role_needs_is_passed_over():
    layouts = [L("One body", "twoObj", (1,)), L("Zwei Inhalte", "", (1, 2))]
    assert choose("two-column", layouts, {}, "m").layout.name == "Zwei Inhalte"


def test_localised_names_decide_when_no_type_is_recorded():
    layouts = [L("タイトル スライド"), L("タイトルとコンテンツ", bodies=(1,)), L("タイトルのみ")]
    assert choose("bullets", layouts, {}, "m").layout.name == "タイトルとコンテンツ"
    assert choose("chart", layouts, {}, "m").layout.name == "タイトルのみ"


def test_a_missing_mapped_layout_and_a_guess_are_warned_about():
    mapped = choose("section", DEFAULT, {"section": "Nope"}, "m.pptx")
    assert mapped.layout.name == "Section Header"
    assert mapped.warning == "theme.yaml deck.layouts maps 'section' to 'Nope', which m.pptx lacks; using its layout 'Section Header' instead"
    guessed = choose("section", [L("Blank", has_title=False), L("Odd")], {}, "m.pptx")
    assert guessed.layout.name == "Odd" and "using its layout 'Odd'" in guessed.warning
