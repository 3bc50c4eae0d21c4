"""Model files: YAML and JSON load the same model; broken files give located messages."""

from __future__ import annotations

import json
import re

import pytest
import yaml

import mognad_core as mognad


def test_yaml_and_json_give_the_same_model(tmp_path, tiny_model):
    data = tiny_model.model_dump(mode="json")
    (tmp_path / "m.json").write_text(json.dumps(data), encoding="utf-8")
    (tmp_path / "m.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    a = mognad.load_model_file(tmp_path / "m.json")
    b = mognad.load_model_file(tmp_path / "m.yml")
    assert a.model_dump() == b.model_dump() == tiny_model.model_dump()
    assert mognad.load_model(str(tmp_path / "m.json")).name == "tiny"


def test_dump_round_trip(tiny_model):
    text = mognad.dump_model(tiny_model, "yaml")
    assert mognad.model_from_dict(yaml.safe_load(text)).model_dump() == tiny_model.model_dump()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("m.yaml", "name: x\n  title: [", r"^m\.yaml, line 2, column 8: not valid YAML"),
        ("m.json", '{"name": "x",}', r"^m\.json, line 1, column 14: not valid JSON"),
        ("m.yaml", "- just\n- a list\n", "a model definition must be a mapping"),
        ("m.txt", "name: x", "a model file must end in .yaml, .yml or .json"),
        ("m.yaml", "name: x\ntitle: X\n", "dimensions: this field is required but missing"),
    ],
)
def test_broken_model_files(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(mognad.ModelError, match=message):
        mognad.load_model_file(path)


def test_model_file_cannot_execute_code(tmp_path):
    path = tmp_path / "evil.yaml"
    path.write_text(
        "name: !!python/object/apply:os.system ['echo hacked']\ntitle: x\n", encoding="utf-8"
    )
    with pytest.raises(mognad.ModelError, match="not valid YAML"):
        mognad.load_model_file(path)


# ---- texts with commas, colons and # (issue 17) ---------------------------------------------
QUOTING = 'docs/model-format.md, section "Texts with commas, colons and #"'
HEAD = 'name: m\ntitle: "M"\ndimensions:\n  - id: strategi\n    label: "Strategi"\n'


def _load_error(tmp_path, content: str) -> str:
    path = tmp_path / "m.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(mognad.ModelError) as caught:
        mognad.load_model_file(path)
    return str(caught.value)


def test_a_text_cut_at_a_comma_in_flow_style_says_so_where_and_how(tmp_path):
    line = "      - {id: s1, text: Vi har en plan, men ingen budget, weight: 2}\n"
    message = _load_error(tmp_path, HEAD + "    statements:\n" + line)
    column = line.index("men ingen") + 1
    assert message == (
        'm.yaml: the model definition is not valid. dimensions[0] (id "strategi") > '
        f'statements[0] (id "s1") > men ingen budget (line 7, column {column}): looks like the '
        'rest of a text cut at a comma: put the text in double quotes (text: "Vi har en plan, '
        f'men ingen budget") or write it in block style ({QUOTING}).'
    )


def test_a_label_cut_at_a_comma_gives_one_line_for_its_two_errors(tmp_path):
    """A scale label cut at a comma is a bad key and a missing label to pydantic: one line."""
    content = HEAD + '    statements: [{id: s1, text: "x"}]\nscale:\n  min: 1\n  max: 5\n'
    message = _load_error(tmp_path, content + "  labels: {1: Inte alls, 5: Helt, men nästan}\n")
    assert message == (
        "m.yaml: the model definition is not valid. scale > labels > men nästan (line 10, "
        "column 35): looks like the rest of a text cut at a comma: put the text in double "
        f'quotes (5: "Helt, men nästan") or write it in block style ({QUOTING}).'
    )


def test_an_unknown_field_without_a_space_is_still_a_spelling_question(tmp_path):
    content = HEAD + "    statements:\n      - {id: s1, text: En plan, wieght: 2}\n"
    message = _load_error(tmp_path, content)
    assert "> wieght: unknown field (check the spelling against docs/model-format.md)" in message
    assert "cut at a comma" not in message


@pytest.mark.parametrize(
    ("line", "where", "shown"),
    [
        # a colon and a space in a flow-style text
        (
            "      - {id: s1, text: Mål: vi mäter nyttan}\n",
            "line 7, column 27",
            'The line reads: "- {id: s1, text: Mål: vi mäter nyttan}".',
        ),
        # ... and in block style
        (
            "      - id: s1\n        text: Mål: vi mäter nyttan\n",
            "line 8, column 18",
            'The line reads: "text: Mål: vi mäter nyttan".',
        ),
        # a # makes the rest of the line a comment: the {...} never closes
        (
            "      - {id: s1, text: Vi är #1 i länet}\nlevels: []\n",
            "line 8, column 1",
            'The line reads: "levels: []". What it is part of began on line 7: '
            '"- {id: s1, text: Vi är #1 i länet}".',
        ),
    ],
)
def test_a_yaml_syntax_error_shows_the_line_and_says_to_quote_texts(tmp_path, line, where, shown):
    message = _load_error(tmp_path, HEAD + "    statements:\n" + line)
    assert message.startswith(f"m.yaml, {where}: not valid YAML ("), message
    assert shown in message
    assert message.endswith(
        "Put texts in double quotes, especially a text with a comma, colon or # "
        '(text: "Mål: en plan, men ingen budget"), or write each field on its own line '
        f"(block style): see {QUOTING}."
    )


def test_quoted_texts_are_read_whole(tmp_path):
    path = tmp_path / "m.yaml"
    texts = ["Vi har en plan, men ingen budget", "Mål: vi mäter nyttan", "Vi är #1 i länet"]
    items = "".join(f'      - id: s{i}\n        text: "{t}"\n' for i, t in enumerate(texts, 1))
    path.write_text(HEAD + "    statements:\n" + items, encoding="utf-8")
    model = mognad.load_model_file(path)
    assert [s.text for s in model.statements] == texts


def test_the_docs_show_the_message_a_cut_text_gives(tmp_path):
    """docs/model-format.md's flow-style s1 gives the message the page quotes; its block-style
    version reads both texts whole."""
    from conftest import ROOT

    page = (ROOT / "docs" / "model-format.md").read_text(encoding="utf-8")
    section = page.split("## Texts with commas, colons and #", 1)[1].split("\n## ", 1)[0]
    bad, good = re.findall(r"```yaml\n(.*?)```", section, flags=re.S)
    s1 = next(line for line in bad.splitlines() if "id: s1" in line).split("#")[0].rstrip()
    message = _load_error(tmp_path, HEAD + "    statements:\n" + "    " + s1 + "\n")
    quoted = re.search(r"`(m\.yaml: the model definition.*?) \.\.\.`", section, flags=re.S)
    assert message.startswith(" ".join(quoted.group(1).split())), message
    statements = yaml.safe_load(good)["statements"]
    assert [s["text"] for s in statements] == [
        "Vi har en plan, men ingen budget",
        "Mål: vi mäter nyttan",
    ]
