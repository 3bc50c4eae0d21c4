"""Organisations' DiMiOS exports: numbers, numbered texts or official wording as headers.

Every variant is written as a real CSV file from the bundled 2025 wave, read back through
``mognad score`` / ``mognad.score`` and must give exactly the scores of the original file, as
published (rounded to 0.001 by the anonymity policy). A header that looks like a statement but
matches none is reported, never silently dropped.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
import yaml
from conftest import DIMIOS_2025, DIMIOS_MODEL_FILE

import mognad_core as mognad
from mognad_core.responses import looks_like_statement

IDS = [f"{d}{c}{i}" for d in "fa" for c in (1, 2, 3) for i in (1, 2, 3, 4, 5)]


def running_numbers() -> dict[str, int]:
    """Each statement's running number, from its aliases in model.yaml ("1" ... "30")."""
    data = yaml.safe_load(DIMIOS_MODEL_FILE.read_text("utf-8"))
    return {
        s["id"]: int(next(a for a in s["aliases"] if a.isdigit()))
        for d in data["dimensions"]
        for c in d["categories"]
        for s in c["statements"]
    }


def test_the_numbers_of_dimios_1_0_are_kept():
    """Items 1-4 of each category keep 1-24 in model order (as in dimios 1.0); the six
    statements added in 2.0 (item 5 of each category) are 25-30."""
    numbers = running_numbers()
    old = [s for s in IDS if not s.endswith("5")]
    assert [numbers[s] for s in old] == list(range(1, 25))
    assert [numbers[s] for s in IDS if s.endswith("5")] == list(range(25, 31))


def statement_texts() -> dict[str, str]:
    data = yaml.safe_load(DIMIOS_MODEL_FILE.read_text("utf-8"))
    return {
        s["id"]: s["text"]
        for d in data["dimensions"]
        for c in d["categories"]
        for s in c["statements"]
    }


@pytest.fixture(scope="module")
def wave() -> pd.DataFrame:
    return pd.read_csv(DIMIOS_2025, sep=";", encoding="utf-8-sig", dtype=str)


@pytest.fixture(scope="module")
def reference() -> dict[str, float]:
    """Statement scores of the original file (headers = ids), by plain pandas, rounded as
    published."""
    raw = pd.read_csv(DIMIOS_2025, sep=";", encoding="utf-8-sig", dtype=str)
    scores = {s: (pd.to_numeric(raw[s], errors="coerce").mean() - 1) / 5 for s in IDS}  # 1-6
    return {s: round(v, 3) for s, v in scores.items()}  # as published


def write(frame: pd.DataFrame, path: Path) -> Path:
    frame.to_csv(path, sep=";", index=False, encoding="utf-8-sig")
    return path


def scores_of(result: mognad.ScoreResult) -> dict[str, float]:
    return {s: result.statements[s].score for s in IDS}


def test_headers_are_running_numbers(run_cli, wave, reference, tmp_path):
    numbers = running_numbers()
    numbered = wave.rename(columns={sid: str(numbers[sid]) for sid in IDS})
    assert sorted(int(c) for c in numbered.columns[4:]) == list(range(1, 31))
    path = write(numbered, tmp_path / "export_nummer.csv")
    res = run_cli("score", path, "--model", "dimios", "--format", "json")
    assert res.exit_code == 0, res.stderr
    data = json.loads(res.stdout)
    got = {s: data["statements"][s]["score"] for s in IDS}
    assert got == reference
    # matched by number: the user is asked to check the order (the tool's order is not public)
    caution = next(i for i in data["insights"] if i["key"] == "dimios.numbered_columns")
    assert caution["data"]["columns"]["f11"] == "1" and len(caution["data"]["columns"]) == 30
    assert caution["data"]["columns"]["f15"] == "25"
    assert "--mapping" in caution["text"]


@pytest.mark.parametrize("style", ["{n}. {text}", "{n}) {text}", "Fråga {n}: {text}"])
def test_headers_are_question_numbered_texts(wave, reference, tmp_path, style):
    texts, numbers = statement_texts(), running_numbers()
    renamed = wave.rename(
        columns={sid: style.format(n=numbers[sid], text=texts[sid]) for sid in IDS}
    )
    result = mognad.score(write(renamed, tmp_path / "export_text.csv"), model="dimios")
    assert scores_of(result) == reference
    assert result.insight("dimios.numbered_columns") is None  # the text confirms each column
    assert not any("Not scored" in n for n in result.notes)


def official_headers() -> dict[str, str]:
    """Made-up 'official-looking' wording (not the instrument's) for every statement."""
    return {
        sid: f"Påståendet om förmåga {sid.upper()} i verksamheten enligt enkäten" for sid in IDS
    }


def test_official_texts_through_a_mapping_file(run_cli, wave, reference, tmp_path):
    headers = official_headers()
    path = write(wave.rename(columns=headers), tmp_path / "export_officiell.csv")
    # without a mapping nothing matches: a clear error, not a silent empty result
    res = run_cli("score", path, "--model", "dimios", "--lang", "en")
    assert res.exit_code == 2
    assert "no column matches a statement" in res.stderr and "Traceback" not in res.stderr
    # a YAML mapping file, header: statement id (whitespace and case may differ)
    mapping = {f"  {h.upper()} ": sid for sid, h in headers.items()}
    (tmp_path / "mappning.yaml").write_text(yaml.safe_dump(mapping, allow_unicode=True), "utf-8")
    res = run_cli("score", path, "--mapping", tmp_path / "mappning.yaml", "--format", "json")
    assert res.exit_code == 0, res.stderr
    data = json.loads(res.stdout)
    assert {s: data["statements"][s]["score"] for s in IDS} == reference
    # the same mapping as a two-column CSV, through the Python API
    pd.DataFrame({"rubrik": list(headers.values()), "id": list(headers)}).to_csv(
        tmp_path / "mappning.csv", index=False
    )
    result = mognad.score(path, model="dimios", mapping=tmp_path / "mappning.csv")
    assert scores_of(result) == reference


def test_a_header_left_out_of_the_mapping_is_reported(run_cli, wave, tmp_path):
    headers = official_headers()
    path = write(wave.rename(columns=headers), tmp_path / "export_officiell.csv")
    mapping = {h: sid for sid, h in headers.items() if sid != "a34"}
    (tmp_path / "m.json").write_text(json.dumps(mapping, ensure_ascii=False), "utf-8")
    res = run_cli("score", path, "--mapping", tmp_path / "m.json", "--lang", "en")
    assert res.exit_code == 0, res.stderr
    assert f'Not scored: "{headers["a34"]}" look(s) like statement column(s)' in res.stderr
    assert "No column for 1 statement(s)" in res.stderr and "a34" in res.stderr


def test_statement_like_headers_get_a_warning(run_cli, wave, reference, tmp_path):
    extra = wave.copy()
    extra["Påstående 31"] = extra["f11"]
    extra["F5.1"] = extra["f12"]
    extra["Kommentar"] = "ok"
    path = write(extra, tmp_path / "export_extra.csv")
    res = run_cli("score", path, "--model", "dimios", "--format", "json", "--lang", "en")
    assert res.exit_code == 0, res.stderr
    assert 'Not scored: "Påstående 31", "F5.1" look(s) like statement column(s)' in res.stderr
    data = json.loads(res.stdout)
    # the 30 known statements are untouched: "F5.1" is not read as statement 1 (f11)
    assert {s: data["statements"][s]["score"] for s in IDS} == reference
    rs = mognad.read_responses(path, "dimios")
    assert rs.unmatched_statements == ["Påstående 31", "F5.1"]
    assert "Kommentar" in rs.attribute_columns and "F5.1" in rs.attribute_columns
    assert rs.columns["f11"] == "f11"


def test_ids_and_dotted_codes_are_read_as_ids(wave, reference, tmp_path):
    """F11 is statement f11 (category 1, item 1), never "Fråga 11"; F1.1 is its dotted code."""
    renamed = wave.rename(columns={s: s.upper() for s in IDS})
    renamed = renamed.rename(columns={"F12": "F1.2", "A23": "A2.3"})
    result = mognad.score(write(renamed, tmp_path / "export_koder.csv"), model="dimios")
    assert scores_of(result) == reference
    rs = mognad.read_responses(tmp_path / "export_koder.csv", "dimios")
    assert rs.columns["f11"] == "F11" and rs.columns["f12"] == "F1.2"
    assert rs.unmatched_statements == []


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Påstående 25", True),
        ("F5.1", True),
        ("25", True),
        ("P 7", True),
        ("26. Vi har något annat", True),
        ("förvaltning", False),
        ("år", False),
        ("2025", False),  # a year, not a question number
        ("Kommentar", False),
    ],
)
def test_looks_like_statement_by_header(header, expected):
    assert looks_like_statement(header) is expected


def test_looks_like_statement_by_values():
    scale = mognad.load_model("dimios").scale
    answers = pd.Series([3, "Vet ej", 4, None], dtype=object)
    sentence = "Vi har en tydlig ordning för något"
    assert looks_like_statement(sentence, answers, scale) is True
    assert looks_like_statement("antal", pd.Series([1, 2, 3]), scale) is False  # no sentence
    assert looks_like_statement("antal", answers, scale) is True  # a "vet ej" answer
    assert looks_like_statement(sentence, pd.Series(["Soc", "KLF"]), scale) is False
    assert looks_like_statement(sentence, pd.Series([2024, 2025]), scale) is False
