"""The loader: YAML and model problems each become an error naming file, line, column and field; all at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportgen.errors import OutlineError, OutlineErrors, collected_warnings
from reportgen.outline import load_outline
from reportgen.outline.vocabulary import builtin_languages


def error_line(path: Path) -> str:
    with pytest.raises(OutlineError) as caught:
        load_outline(path)
    return caught.value.one_line()


def test_default_outline_is_valid(default_text, write_outline):
    outline = load_outline(write_outline(default_text))
    assert len(outline.sections) >= 5
    assert {"threats", "strategy", "alliances", "challenges", "outlook"} <= {s.id for s in outline.sections}


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("source: zhou", "source: zhuo", "sections[0].points[0].source: unknown source 'zhuo' (known: zhou,"),
        ("  subtitle:", "  titel: x\n  subtitle:", "meta.titel: unknown key 'titel' (did you mean 'title'?)"),
        ("  subtitle:", "  author: again\n  subtitle:", "meta.author: duplicate key 'author'"),
        ("values: [5.4, 6.8, 7.9, 8.7]", "values: [5.4, 6.8, 7.9]", "has 3 values but there are 4 categories"),
        ("id: strategy", "id: threats", "sections[1].id: duplicate section id 'threats'"),
        ("type: bar", "type: bars", "sections[1].figures[0].type: unknown figure type 'bars'"),
        ("values: [5.4, 6.8, 7.9, 8.7]", "values: [5.4, oops, 7.9, 8.7]", "series[0].values[1]: must be a number"),
        ("values: [5.4, 6.8, 7.9, 8.7]", "values: [5.4, .inf, 7.9, 8.7]", "series[0].values[1]"),
        ("  date: 2025-01-15", "  date: soon", "meta.date: must be a date written as YYYY-MM-DD"),
        ("  language: en", "  language: english language", "meta.language: must be a language tag"),
        ("  date: 2025-01-15", "  date: !!python/object/apply:os.system ['touch /tmp/x']",
         "meta.date: the YAML tag '!!python/object/apply:os.system' is not allowed (remove the tag"),
        ("  language: en", "  language: en\n  extra: {owner: !include secrets.yaml}", "meta.extra.owner: the YAML tag '!include'"),
    ],
)
def test_model_errors_name_line_and_field(default_text, write_outline, old, new, expected):
    assert old in default_text
    path = write_outline(default_text.replace(old, new, 1))
    message = error_line(path)
    assert message.startswith(f"{path}:")
    assert expected in message
    line = int(message.split(":")[1])
    assert line > 0


def test_dangling_source_points_at_the_reference_line(default_text, write_outline):
    text = default_text.replace("source: zhou", "source: zhuo", 1)
    path = write_outline(text)
    line = int(error_line(path).split(":")[1])
    assert "source: zhuo" in text.splitlines()[line - 1]


def test_unknown_key_points_at_the_key(default_text, write_outline):
    text = default_text.replace("  subtitle:", "  titel: x\n  subtitle:", 1)
    path = write_outline(text)
    line = int(error_line(path).split(":")[1])
    assert text.splitlines()[line - 1].strip().startswith("titel:")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "the outline file is empty"),
        ("   \n\n", "the outline file is empty"),
        ("- a\n- b\n", "must be a mapping"),
        ("meta:\n\ttitle: x\n", "indent with spaces, not tabs"),
        ('meta:\n  title: "unclosed\n', "YAML syntax error"),
        ("meta: {title: x}\nsummary: [a]\n", "sections: required field is missing"),
        ("a: &a [1, 2]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
         "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
         "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\ng: [*f, *f, *f, *f, *f, *f, *f, *f, *f]\n", "aliases"),
    ],
)
def test_yaml_problems(write_outline, text, expected):
    assert expected in error_line(write_outline(text))


def test_not_utf8_names_the_byte(tmp_path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes(b"meta:\n  title: caf\xe9\n")
    message = error_line(path)
    assert ":2:" in message and "0xe9" in message


def test_byte_order_mark_is_accepted(default_text, tmp_path):
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + default_text.encode())
    assert load_outline(path).meta.title


def test_unquoted_yes_and_numbers_stay_text(default_text, write_outline):
    text = default_text.replace("  subtitle: Threats, strategy, partnerships and the choices ahead", "  subtitle: yes")
    text = text.replace("  author: Jane Zhou", "  author: 1.50", 1)
    outline = load_outline(write_outline(text))
    assert outline.meta.subtitle == "yes"
    assert outline.meta.author == "1.50"


def test_missing_file(tmp_path):
    assert "no such outline file" in error_line(tmp_path / "nope.yaml")


SMALL = Path(__file__).resolve().parents[1] / "fixtures" / "small.yaml"
FOUR_MISTAKES = [("  author:", "  autor:"), ("    lead:", "    laed:"), ("source: src", "source: srcc"), ("type: bar", "type: Bar")]


def small_with(edits: list[tuple[str, str]]) -> str:
    text = SMALL.read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def test_every_mistake_of_the_file_at_once_in_file_order(write_outline):
    path = write_outline(small_with(FOUR_MISTAKES))
    with pytest.raises(OutlineErrors) as caught:
        load_outline(path)
    assert caught.value.one_line().replace(f"{path}:", "").splitlines() == [
        "5:3: meta.autor: unknown key 'autor' (did you mean 'author'?)",
        "16:5: sections[0].laed: unknown key 'laed' (did you mean 'lead'?)",
        "20:17: sections[0].points[1].source: unknown source 'srcc' (known: src)",
        "33:15: sections[1].figures[0].type: unknown figure type 'Bar' (did you mean 'bar'?)",
    ]


def test_reader_model_reference_and_file_problems_together(write_outline):
    path = write_outline(
        small_with(
            [
                ("  author:", "  date: 2024-01-01\n  author:"),
                ("id: two", "id: one"),
                ("sources:", "      - {id: pic, type: image, title: P, path: gone.png}\nsources:"),
                ("title: A chart", "title: ''"),
            ]
        )
    )
    with pytest.raises(OutlineErrors) as caught:
        load_outline(path)
    fields = [error.field for error in caught.value.errors]
    assert fields == ["meta.date", "sections[1].id", "sections[1].figures[0].title", "sections[1].figures[1].path"]


def test_a_misspelt_required_key_is_one_error_not_two(write_outline):
    assert error_line(write_outline(small_with([("  title: A small brief", "  titel: A small brief")]))).endswith(
        "meta.titel: unknown key 'titel' (did you mean 'title'?)"
    )


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("Bar", "bar"),
        ("LINE", "line"),
        ("column", "bar"),
        ("histogram", "bar"),
        ("area", "line"),
        ("trend", "line"),
        ("donut", "pie"),
        ("doughnut", "pie"),
        ("grid", "table"),
        ("picture", "image"),
        ("photo", "image"),
        ("bars", "bar"),
    ],
)
def test_figure_types_suggest_the_type_meant(write_outline, written, meant):
    message = error_line(write_outline(small_with([("type: bar", f"type: {written}")])))
    assert message.endswith(f"sections[1].figures[0].type: unknown figure type '{written}' (did you mean '{meant}'?)")


def test_a_figure_type_with_no_near_miss_lists_the_types(write_outline):
    message = error_line(write_outline(small_with([("type: bar", "type: radar")])))
    assert message.endswith("unknown figure type 'radar' (use bar, line, pie, table or image)")


@pytest.mark.parametrize(
    ("tag", "warning"),
    [
        (
            "kr",
            "meta.language: no built-in words for the language 'kr'; "
            "the brief's and deck's own labels (page numbers, 'Figure', 'Sources') stay in English (did you mean 'ko'?)",
        ),
        (
            "jp-JP",
            "no built-in words for the language 'jp'; "
            "the brief's and deck's own labels (page numbers, 'Figure', 'Sources') stay in English (did you mean 'ja-JP'?)",
        ),
        ("fr", "stay in English (reportgen knows en, ja, zh-Hans, zh-Hant, ko, ar, he, fa, ur; a template set can add words under 'languages:')"),
    ],
)
def test_a_well_formed_language_without_words_warns_with_its_line(write_outline, tag, warning):
    path = write_outline(small_with([("  marking:", f"  language: {tag}\n  marking:")]))
    with collected_warnings() as found:
        load_outline(path)
    assert len(found) == 1 and found[0].startswith(f"{path}:8:13: ") and found[0].endswith(warning)


@pytest.mark.parametrize("tag", ["en", "ja-JP", "zh-Hant-TW", "zh-Hant", "zh-Hans", "zh", "zh-TW", "ko", "ko-KR", "ar", "EN-gb", "en-US-x-house"])
def test_built_in_languages_do_not_warn(write_outline, tag):
    path = write_outline(small_with([("  marking:", f"  language: {tag}\n  marking:")]))
    with collected_warnings() as found:
        load_outline(path)
    assert found == []


@pytest.mark.parametrize(("tag", "hint"), [("english", "did you mean 'en'?"), ("ja_JP", "did you mean 'ja-JP'?"), ("e", "write a BCP 47 tag")])
def test_an_ill_formed_language_is_an_error(write_outline, tag, hint):
    message = error_line(write_outline(small_with([("  marking:", f"  language: {tag}\n  marking:")])))
    assert f"meta.language: must be a language tag such as 'en' or 'ja-JP' (BCP 47), not '{tag}' ({hint}" in message


def test_builtin_languages_are_the_locales_and_the_default_themes():
    from reportgen.locale import known_languages
    from reportgen.templating.sets import builtin_sets_dir, load_set

    themed = set(load_set(builtin_sets_dir() / "default").theme.languages)
    assert set(builtin_languages()) == set(known_languages()) | themed
    assert "ja" in themed


@pytest.mark.parametrize(
    ("given", "meant"),
    [("kr", "ko"), ("KR", "ko"), ("cn", "zh-Hans"), ("cn-CN", "zh-CN"), ("tw", "zh-Hant"), ("chinese", "zh"), ("arabic", "ar"),
     ("zh_TW", "zh-TW"), ("fr", None)],
)
def test_the_closest_language_names_a_built_in_entry(given, meant):
    from reportgen.outline.vocabulary import closest_language

    assert closest_language(given) == meant


def test_a_refused_tag_is_reported_with_the_other_mistakes(default_text, write_outline):
    text = default_text.replace("  date: 2025-01-15", "  date: !!python/object/apply:os.system ['true']", 1)
    text = text.replace("  subtitle:", "  titel: x\n  subtitle:", 1)
    with pytest.raises(OutlineErrors) as caught:
        load_outline(write_outline(text))
    lines = caught.value.one_line().splitlines()
    assert len(lines) == 2
    assert "meta.titel: unknown key 'titel'" in lines[0] and "meta.date: the YAML tag" in lines[1]
