"""The ready workbook (``mognad excel template``): its structure, and the issue's "done when":
filled with the bundled sample responses and recalculated, it shows the numbers of
``mognad score`` (under the default anonymity policy, as `mognad score` publishes them). Filled
with too few respondents it shows refusals, not numbers; under the opt-out it says so."""

from __future__ import annotations

import json
import numbers
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from conftest import TINY, TINY_SIX_ROWS
from mognad_excel import udfs
from mognad_excel.template import write_template
from openpyxl.worksheet.formula import ArrayFormula

import mognad_core as mognad
from mognad_core import disclosure, texts
from mognad_core.errors import MognadError

NOTICE = "Anonymitetsskydd avstängt"


@pytest.fixture(autouse=True)
def _no_config_file(monkeypatch, tmp_path):
    """Run in an empty folder: no mognad.toml from the project folder changes the policy."""
    monkeypatch.chdir(tmp_path)
    udfs.clear_cache()


def sample_path(model: str) -> Path:
    return mognad.get_samples(model, kind="responses")[0].path


def fill(template: Path, sample: Path, out: Path, respondents: int | None = None) -> int:
    """Paste the sample's columns (its first ``respondents``, default all) under the template's
    matching headers; returns the rows."""
    src = openpyxl.load_workbook(sample, read_only=True)
    rows = [list(r) for r in src.worksheets[0].iter_rows(values_only=True)]
    src.close()
    head, body = rows[0], rows[1:][:respondents]
    wb = openpyxl.load_workbook(template)
    ws = wb["Svar"]
    columns = {ws.cell(1, c).value: c for c in range(1, ws.max_column + 1)}
    for i, row in enumerate(body, start=2):
        for name, value in zip(head, row, strict=True):
            if name in columns:
                ws.cell(i, columns[name], value)
    wb.save(out)
    return len(body)


def score_json(run_cli, path: Path, model: str) -> dict:
    result = run_cli("score", path, "--model", model, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_template_structure(tmp_path):
    path = tmp_path / "mall.xlsx"
    info = write_template("dimios", path)
    model = mognad.get_model("dimios")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Instruktioner", "Svar", "Resultat", "Påståenden", "xlwings.conf"]
    svar = wb["Svar"]
    header = [c.value for c in svar[1]]
    assert header == ["respondent", "år", "förvaltning", "roll", *model.statement_ids]
    assert svar["E1"].comment.text.startswith(f"f11: {model.statement('f11').text}")
    assert svar.freeze_panes == "A2"
    (dv,) = svar.data_validations.dataValidation
    assert dv.type == "list" and dv.formula1 == '"1,2,3,4,5,6,Vet ej"'
    assert str(dv.sqref) == "E2:AH2001"
    assert dv.allow_blank and dv.showErrorMessage
    assert wb.defined_names["svar"].attr_text == "Svarstabell[#All]"  # grows with the table
    (table,) = svar.tables.values()
    assert table.displayName == "Svarstabell" and table.ref == "A1:AH2001"
    assert wb.defined_names["modell"].attr_text == "Resultat!$B$2"
    assert info.response_range == "Svar!A1:AH2001"
    res = wb["Resultat"]
    assert res["B2"].value == "dimios"
    assert res["B4"].value == "=MOGNAD_SCORE(svar,modell)"
    assert res["C4"].value == "=B4*100"
    dims = res[info.cells["dimensions"].split(":")[0]].value
    assert isinstance(dims, ArrayFormula) and dims.text == "=MOGNAD_DIMENSIONS(svar,modell)"
    assert dims.ref == info.cells["dimensions"] == "A10:F18"  # 8 parts + header, 6 columns
    stmts = res[info.cells["statements"].split(":")[0]].value
    assert stmts.ref.endswith(
        str(int(stmts.ref.split(":")[0][1:]) + len(model.statement_ids))
    )  # 30 + header
    formulas = [
        c.value.text if isinstance(c.value, ArrayFormula) else c.value
        for row in res.iter_rows()
        for c in row
        if c.data_type == "f"
    ]
    outside = '=IF(COUNTA(Svar!$A:$ZZ)>COUNTA(svar),"Varning: bladet Svar har ifyllda celler'
    assert res[info.cells["outside"]].value.startswith(outside)
    assert [res[c].value for c in ("I4", "I11")] == [
        "=MOGNAD_CHECK(svar,modell,1)",
        "=MOGNAD_CHECK(svar,modell,8)",
    ]
    formulas = [f for f in formulas if not f.startswith("=IF(COUNTA(")]
    assert all("MOGNAD_" in f or f.startswith("=(B4-B") or f == "=B4*100" for f in formulas)
    assert {f.split("(")[0] for f in formulas if "MOGNAD_" in f} == {
        "=MOGNAD_RESPONDENTS",
        "=MOGNAD_SCORE",
        "=MOGNAD_DIMENSIONS",
        "=MOGNAD_GAP",
        "=MOGNAD_PRIORITIES",
        "=MOGNAD_STATEMENTS",
        "=MOGNAD_INSIGHTS",
        "=MOGNAD_CHECK",
    }
    assert res[info.cells["target"]].value == pytest.approx(0.55)  # DiMiOS target figure
    conf = wb["xlwings.conf"]
    assert (conf["A1"].value, conf["B1"].value) == ("UDF Modules", "mognad_excel.udfs")
    text = "\n".join(str(c.value) for c in wb["Instruktioner"]["A"] if c.value)
    assert "Så här använder du arbetsboken" in text and "Import Functions" in text
    assert "Verktyg → Referenser" in text  # classic xlwings needs the reference to its add-in
    assert "Svarstabell" in text and "Svar!A1:AH2001" in text
    # it points to what a user can run or open, not to documentation the package does not ship
    assert "docs/" not in text and "mognad excel install" in text and "mognad excel lite" in text
    assert "#VÄRDEFEL! (#VALUE!)" in text and "#SAKNAS! (#N/A)" in text
    stm = wb["Påståenden"]
    assert [stm.cell(r, 1).value for r in range(2, 32)] == model.statement_ids  # 30


def test_template_with_levels_and_options(tmp_path):
    info = write_template("dmm", tmp_path / "dmm.xlsx", rows=50, attributes=["grupp"])
    wb = openpyxl.load_workbook(info.path)
    assert wb["Svar"]["A1"].value == "grupp"
    assert wb["Svar"].tables["Svarstabell"].ref.endswith("51")
    res = wb["Resultat"]
    assert res[info.cells["level"]].value == "=MOGNAD_LEVEL(B4,modell)"
    assert res[info.cells["dimensions"].split(":")[0]].value.ref.split(":")[1].startswith("G")


def test_template_never_overwrites_without_force(tmp_path, run_cli):
    path = tmp_path / "mall.xlsx"
    path.write_bytes(b"my own workbook")
    with pytest.raises(MognadError, match="already exists"):
        write_template("dimios", path)
    result = run_cli("excel", "template", "dimios", "-o", path)
    assert result.exit_code == 2
    assert f"Fel: {path} finns redan. Använd --force för att ersätta den." in result.stderr
    assert path.read_bytes() == b"my own workbook"
    result = run_cli("excel", "template", "dimios", "-o", path, "--force")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(f"Skrev {path} för modellen dimios.")
    assert openpyxl.load_workbook(path).sheetnames[0] == "Instruktioner"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mall.xlsx"]  # no temporary file


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("nope", "-o", "x.xlsx"), "Fel: Okänd modell 'nope'. Installerade modeller:"),
        (("dimios", "-o", "x.xls"), "Fel: Mallen ska vara en .xlsx-fil (fick x.xls)."),
        (
            ("dimios", "-o", "x.xlsx", "--attributes", "f11"),
            "Fel: Svarandekolumnerna f11 krockar med påståendenas id.",
        ),
        (
            ("dimios", "-o", "x.xls", "--lang", "en"),
            "Error: The template must be an .xlsx file (got x.xls).",
        ),
    ],
)
def test_template_errors(tmp_path, run_cli, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    result = run_cli("excel", "template", *args)
    assert result.exit_code == 2
    assert result.stderr.startswith(message)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("model", ["dimios", "dmm"])
def test_filled_template_recalculates_to_mognad_score(tmp_path, run_cli, model):
    template = tmp_path / "mall.xlsx"
    assert run_cli("excel", "template", model, "-o", template).exit_code == 0
    filled = tmp_path / "ifylld.xlsx"
    n = fill(template, sample_path(model), filled)
    out = tmp_path / "resultat.xlsx"
    result = run_cli("excel", "recalc", filled, "-o", out)
    assert result.exit_code == 0, result.stderr
    assert "Inte uträknade" not in result.stdout

    expected = score_json(run_cli, sample_path(model), model)
    info_cells = write_template(model, tmp_path / "again.xlsx").cells
    wb = openpyxl.load_workbook(out, data_only=True)
    res = wb["Resultat"]
    assert res[info_cells["respondents"]].value == n == expected["n_respondents"]
    assert res[info_cells["overall"]].value == pytest.approx(expected["overall"], abs=1e-12)
    assert res[info_cells["overall_x100"]].value == pytest.approx(expected["overall"] * 100)
    if "level" in info_cells:
        assert res[info_cells["level"]].value == expected["level"]

    top = info_cells["dimensions"].split(":")[0]
    row0 = res[top].row
    dims = expected["dimensions"]
    for i, dim_id in enumerate(dims, start=1):
        row = [res.cell(row0 + i, c).value for c in range(1, 8)]
        assert row[0] == dim_id
        assert row[3] == pytest.approx(dims[dim_id]["score"], abs=1e-12)
        assert row[4] == dims[dim_id]["n"]
        assert row[5] == pytest.approx(dims[dim_id]["dont_know_share"], abs=1e-12)
        if "level" in info_cells:
            assert row[6] == dims[dim_id]["level"]

    row0 = res[info_cells["statements"].split(":")[0]].row
    stmts = expected["statements"]
    for i, sid in enumerate(stmts, start=1):
        row = [res.cell(row0 + i, c).value for c in range(1, 8)]
        assert row[0] == sid
        assert row[3] == pytest.approx(stmts[sid]["score"], abs=1e-12)
        assert row[4] == pytest.approx(stmts[sid]["mean"], abs=1e-12)
        assert row[5] == stmts[sid]["n"]
    # no cell of the results sheet holds a MOGNAD message or an Excel error
    texts = [c.value for r in res.iter_rows() for c in r if isinstance(c.value, str)]
    assert not [t for t in texts if t.startswith(("MOGNAD:", "#"))]


def test_template_with_three_respondents_shows_refusals_not_numbers(tmp_path, run_cli):
    template, filled, out = (tmp_path / n for n in ("mall.xlsx", "ifylld.xlsx", "resultat.xlsx"))
    info = write_template("dimios", template)
    fill(template, sample_path("dimios"), filled, respondents=3)
    result = run_cli("excel", "recalc", filled, "-o", out)
    assert result.exit_code == 0, result.stderr
    res = openpyxl.load_workbook(out, data_only=True)["Resultat"]
    refused = (
        "MOGNAD: Resultat för svaren visas inte av anonymitetsskäl: färre än 5 svarande, eller så "
        "skulle en mindre grupp kunna räknas fram ur det som visas (--min-size, MOGNAD_MIN_SIZE)."
    )
    assert res[info.cells["overall"]].value == "#N/A"  # an error value, not text
    assert res[info.cells["overall"]].comment.text == refused
    assert res[info.cells["respondents"]].value == "#N/A"  # not even the count
    for what in ("dimensions", "gap", "priorities", "statements", "insights"):
        assert res[info.cells[what].split(":")[0]].value == "#N/A", what
    # the check beside the results says why, in words
    assert res["I4"].value == "anonymitet: " + refused.removeprefix("MOGNAD: ")
    # the only numbers left are the ones the template itself holds (target, benchmark)
    found = {
        c.coordinate
        for row in res.iter_rows()
        for c in row
        if isinstance(c.value, numbers.Number) and not isinstance(c.value, bool)
    }
    assert found <= {info.cells["target"], info.cells.get("benchmark")}


def test_template_under_the_opt_out_says_so(tmp_path, run_cli, monkeypatch):
    template, filled, out = (tmp_path / n for n in ("mall.xlsx", "ifylld.xlsx", "resultat.xlsx"))
    info = write_template("dimios", template)
    fill(template, sample_path("dimios"), filled, respondents=3)
    monkeypatch.setenv("MOGNAD_MIN_SIZE", "1")
    result = run_cli("excel", "recalc", filled, "-o", out)
    assert result.exit_code == 0, result.stderr
    notice = disclosure.notes_for(disclosure.policy(1))[0]
    assert f"Obs: {notice}" in result.stdout
    res = openpyxl.load_workbook(out, data_only=True)["Resultat"]
    assert isinstance(res[info.cells["overall"]].value, float)  # the score stays a number
    assert res[info.cells["respondents"]].value == 3
    # the first findings cell, inside the sheet's fixed layout, carries the notice
    assert res[info.cells["insights"].split(":")[0]].value == notice
    assert notice.startswith(NOTICE)


# ---- the response table: as many respondents as are pasted ---------------------------------
def paste(template: Path, rows: list[list[object]], out: Path, *, grow: bool = True) -> None:
    """Paste ``rows`` (first row: headers as in the sample) under the template's headers from
    row 2, as a user does; with ``grow`` the table takes them in, as Excel does when rows are
    pasted into or right below it (its ref is what Excel saves)."""
    wb = openpyxl.load_workbook(template)
    ws = wb["Svar"]
    columns = {ws.cell(1, c).value: c for c in range(1, ws.max_column + 1)}
    head = rows[0]
    for i, row in enumerate(rows[1:], start=2):
        for name, value in zip(head, row, strict=True):
            if name in columns:
                ws.cell(i, columns[name], value)
    table = ws.tables["Svarstabell"]
    if grow:
        first, last = table.ref.split(":")
        letters = "".join(ch for ch in last if ch.isalpha())
        end = max(len(rows), int(last[len(letters) :]))
        table.ref = f"{first}:{letters}{end}"
    wb.save(out)


def sample_rows(model: str, n: int) -> list[list[object]]:
    """The model's bundled sample repeated to ``n`` respondents (each with its own id)."""
    src = openpyxl.load_workbook(sample_path(model), read_only=True)
    rows = [list(r) for r in src.worksheets[0].iter_rows(values_only=True)]
    src.close()
    head, body = rows[0], rows[1:]
    out = [body[i % len(body)][:] for i in range(n)]
    if "respondent" in head:
        for i, row in enumerate(out, start=1):
            row[head.index("respondent")] = i
    return [head, *out]


def test_a_template_counts_ten_thousand_pasted_respondents(tmp_path, run_cli):
    """Was: the range stopped at row 2001, so 2,500 pasted respondents were reported as 2000
    and a subset was scored, without a word."""
    template, filled, out = (tmp_path / n for n in ("mall.xlsx", "ifylld.xlsx", "resultat.xlsx"))
    info = write_template("dimios", template)
    rows = sample_rows("dimios", 10_000)
    paste(template, rows, filled)
    done = run_cli("excel", "recalc", filled, "-o", out)
    assert done.exit_code == 0, done.stderr
    res = openpyxl.load_workbook(out, data_only=True)["Resultat"]
    expected = mognad.score(pd.DataFrame(rows[1:], columns=rows[0]), "dimios")
    assert res[info.cells["respondents"]].value == 10_000 == expected.n_respondents
    assert res[info.cells["overall"]].value == pytest.approx(expected.overall, abs=1e-12)
    assert res[info.cells["outside"]].value in (None, "")  # nothing outside the table
    # nothing wrong; the check says the sample's two waves are counted together
    assert res["I4"].value.startswith("notering: Svaren är från 2 mätomgångar")
    assert "MOGNAD_CHANGE" in res["I4"].value and "--where" not in res["I4"].value  # Excel advice
    assert res["I5"].value in (None, "")


def test_answers_outside_the_table_are_warned_about(tmp_path, run_cli):
    template, filled, out = (tmp_path / n for n in ("mall.xlsx", "ifylld.xlsx", "resultat.xlsx"))
    info = write_template("dimios", template, rows=20)
    paste(template, sample_rows("dimios", 30), filled, grow=False)  # 10 rows below the table
    done = run_cli("excel", "recalc", filled, "-o", out)
    assert done.exit_code == 0, done.stderr
    res = openpyxl.load_workbook(out, data_only=True)["Resultat"]
    assert res[info.cells["respondents"]].value == 20  # what the table holds ...
    warning = res[info.cells["outside"]].value  # ... and the sheet says so
    assert warning.startswith("Varning: bladet Svar har ifyllda celler utanför svarstabellen")


def test_a_template_made_from_a_model_file_works_when_recalculated(tmp_path, run_cli):
    """Was: the workbook held the model's name ("tiny"), unknown wherever the file is not
    installed as a plugin, so every formula said the model was unknown."""
    template, filled, out = (tmp_path / n for n in ("mall.xlsx", "ifylld.xlsx", "resultat.xlsx"))
    done = run_cli("excel", "template", str(TINY), "-o", template)
    assert done.exit_code == 0, done.stderr
    assert openpyxl.load_workbook(template)["Resultat"]["B2"].value == str(TINY.resolve())
    paste(template, [list(r) for r in TINY_SIX_ROWS], filled)
    done = run_cli("excel", "recalc", filled, "-o", out)
    assert done.exit_code == 0, done.stderr
    res = openpyxl.load_workbook(out, data_only=True)["Resultat"]
    expected = mognad.score(pd.DataFrame(TINY_SIX_ROWS[1:], columns=TINY_SIX_ROWS[0]), TINY)
    assert res["B3"].value == 6 and res["B4"].value == expected.overall
    assert res["B5"].value == expected.level  # the model's levels


def test_the_check_beside_the_results_says_what_is_wrong_and_where(tmp_path, run_cli):
    template, filled, out = (tmp_path / n for n in ("mall.xlsx", "ifylld.xlsx", "resultat.xlsx"))
    info = write_template("dimios", template)
    rows = sample_rows("dimios", 40)
    rows[7][rows[0].index("f14")] = "kanske"  # sheet row 8
    paste(template, rows, filled)
    done = run_cli("excel", "recalc", filled, "-o", out)
    assert done.exit_code == 0, done.stderr
    res = openpyxl.load_workbook(out, data_only=True)["Resultat"]
    assert res[info.cells["overall"]].value == "#VALUE!"
    # an array range whose formula fails shows the error in every cell, as Excel does
    dims = {c.value for row in res[info.cells["dimensions"]] for c in row}
    assert dims == {"#VALUE!"}
    letter = info.statement_columns["f14"]
    assert res["I4"].value.startswith(
        f'fel: blad "Svar", rad 8, kolumn {letter} ("f14"): "kanske" är inte ett giltigt'
    )
    assert res["I5"].value in (None, "")


# ---- the workbook's language: Swedish by default, English with --lang en, never mixed --------
#: Swedish words of the template's own labels: none may be in an English workbook. Matched as
#: words (case counts); WHOLE_CELLS only as a cell's whole text (the English instructions name
#: the sheet Påståenden, which keeps its name in both languages).
TELLTALE = (
    "Antal svarande",
    "Totalt",
    "Mål",
    "Kontroll",
    "Vad som",
    "Varning",
    "Dimensioner",
    "Tabelldesign",
    "förvalt",
    "Så här",
    "Klistra",
    "Svara med",
    "Verktyg",
    "Utan Excel",
    "VÄRDEFEL",
    "Jämförelse",
    "procentenheter",
    "iakttagelser",
    "Modell",
    "Skapad av",
    "Ogiltigt",
)
WHOLE_CELLS = ("Påståenden", "kategori", "påstående", "omvänd")


def _telltales(labels: list[str]) -> set[str]:
    import re

    words = {w for w in TELLTALE if any(re.search(rf"(?<!\w){w}(?!\w)", s) for s in labels)}
    return words | {w for w in WHOLE_CELLS if w in labels}


def _written_labels(template: Path, recalculated: Path, model: str) -> list[str]:
    """Every text mognad wrote on Instruktioner, Resultat and Påståenden's header (values as
    recalculated), the formula of the outside-the-table warning, the statements' comments and
    the dropdown's error; not the model's own Swedish statement texts (MOGNAD_STATEMENTS'
    text column)."""
    own = {s.text for s in mognad.get_model(model).statements}
    done = openpyxl.load_workbook(recalculated, data_only=True)
    labels = [
        c.value
        for name in ("Instruktioner", "Resultat")
        for row in done[name].iter_rows()
        for c in row
        if isinstance(c.value, str) and c.value not in own
    ]
    labels += [c.value for c in done["Påståenden"][1]]
    wb = openpyxl.load_workbook(template)
    labels.append(wb["Resultat"]["I2"].value)
    svar = wb["Svar"]
    labels += [c.comment.text for c in svar[1] if c.comment]
    (dv,) = svar.data_validations.dataValidation
    return [*labels, dv.errorTitle, dv.error]


def test_an_english_template_recalculated_in_english_has_no_swedish_label(tmp_path, run_cli):
    """Was: every label of the template was Swedish while the MOGNAD_* cells were English under
    --lang en ("Vad som är fel och var…" above "error: MOGNAD: sheet…")."""
    found = {}
    for lang in ("sv", "en"):
        template, filled, out = (tmp_path / f"{lang}-{n}.xlsx" for n in ("mall", "ifylld", "res"))
        done = run_cli("excel", "template", "dimios", "-o", template, "--lang", lang)
        assert done.exit_code == 0, done.stderr
        fill(template, sample_path("dimios"), filled)
        done = run_cli("excel", "recalc", filled, "-o", out, "--lang", lang)
        assert done.exit_code == 0, done.stderr
        labels = _written_labels(template, out, "dimios")
        found[lang] = (_telltales(labels), "\n".join(labels))
    assert found["sv"][0] == set(TELLTALE) | set(WHOLE_CELLS)  # the Swedish workbook as it was
    words, english = found["en"]
    assert words == set()
    for label in (
        "How to use this workbook",
        "Respondents",
        "Overall (0–100 %)",
        "Target (change it)",
        "Dimensions and categories",
        "Statements",
        "Check",
        '"Warning: the sheet Svar has filled cells outside the response table',
        "Table Design → Resize Table",
        "Tools → References",
        "#VALUE! for a wrong answer",
        "default: Target 2023",
        "Invalid answer",
        "or Don't know, or leave the cell empty",
        "f11: We systematically follow up the benefits of our digital initiatives.",
        "Results: DiMiOS – Digital maturity in the public sector",
        "statement (Swedish)",
    ):
        assert label in english, label
    # the names the formulas use are the same in both languages, and the English text says so
    assert "Svarstabell" in english and "workbook names svar and modell" in english
    # the cells the functions wrote are English too (recalc --lang en)
    assert "note: The responses are from 2 waves" in english


def test_an_english_template_uses_the_models_english_texts(tmp_path):
    info = write_template(TINY, tmp_path / "en.xlsx", lang="EN")  # a language as people type it
    wb = openpyxl.load_workbook(info.path)
    a2 = wb["Svar"][f"{info.statement_columns['a2']}1"].comment.text
    reverse = "Reverse statement: scored as min + max - answer."
    assert a2 == f"a2: The plan is often missing.\n(Alpha)\n{reverse}"
    stm = wb["Påståenden"]
    assert [c.value for c in stm[1]] == [
        "id",
        "dimension",
        "category",
        "statement",
        "statement (Swedish)",
        "reverse",
    ]
    # English where the model has it, else its Swedish (b1 has no text_en, Beta no label_en)
    assert [c.value for c in stm[3]] == [
        "a2",
        "Alpha",
        None,
        "The plan is often missing.",
        "Planen saknas ofta.",
        "yes",
    ]
    b1 = next(row for row in stm.iter_rows(min_row=2) if row[0].value == "b1")
    assert [c.value for c in b1][:5] == [
        "b1",
        "Beta",
        "Beta ett",
        "Vi mäter nytta.",
        "Vi mäter nytta.",
    ]
    res = wb["Resultat"]
    assert res["A1"].value == "Results: Tiny test model"
    assert res["A5"].value == "Maturity level" and res["B5"].value == "=MOGNAD_LEVEL(B4,modell)"
    (dv,) = wb["Svar"].data_validations.dataValidation
    assert dv.formula1 == '"1,2,3,4,5,Don\'t know"'  # an answer the model accepts
    sv = openpyxl.load_workbook(write_template(TINY, tmp_path / "sv.xlsx").path)
    assert [c.value for c in sv["Påståenden"][3]] == [
        "a2",
        "Alfa",
        None,
        "Planen saknas ofta.",
        "The plan is often missing.",
        "ja",
    ]
    assert sv["Svar"][f"{info.statement_columns['a2']}1"].comment.text.endswith(
        "\nOmvänt påstående: räknas som min + max - svar."
    )
    assert sv["Resultat"]["A5"].value == "Mognadsnivå"
    assert sv["Svar"].data_validations.dataValidation[0].formula1 == '"1,2,3,4,5,Vet ej"'
    with pytest.raises(texts.UnknownLanguage):
        write_template(TINY, tmp_path / "de.xlsx", lang="de")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["en.xlsx", "sv.xlsx"]
