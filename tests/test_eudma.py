"""The EU DMA for public sector organisations (plugin eudma, model eu-dma) and the core's
checklist statements (kind: checklist) it is built on.

The scores of a five-respondent table are worked out by hand below and compared with
`mognad score`, with the checklists in one cell (Microsoft Forms) and in one column per option
(Qualtrics / SurveyMonkey); both give the same numbers.
"""

from __future__ import annotations

import importlib.util
import json

import pandas as pd
import pytest
from conftest import EU_DMA_SAMPLE, ROOT, assert_short_names

import mognad_core as mognad
from mognad_core.sample_data import write_csv, write_xlsx

MODEL = "eu-dma"


def model():
    return mognad.get_model(MODEL)


def _json(run_cli, command, *args):
    """``mognad COMMAND ARGS --model eu-dma --format json``, parsed."""
    done = run_cli(command, *args, "--model", MODEL, "--format", "json")
    assert done.exit_code == 0, done.stderr
    return json.loads(done.stdout)


# ---- the hand-worked table ---------------------------------------------------------------------
#: Five respondents. A checklist answer is the number of options chosen (the first ones in the
#: model's order); "dk" is "vet ej". A rated statement's answers are on the 0-5 scale.
CHOSEN = {
    "s_investerat": [2, 4, 8, 0, 6],  # of 8 options
    "s_planerat": [8, 8, 4, 4, 0],  # of 8
    "s_forutsattningar": [0, 2, 4, 6, 8],  # of 8
    "r_grund": [9, 9, 0, 3, 6],  # of 9
    "m_kompetens": [7, 0, 7, 0, 7],  # of 7
    "m_delaktighet": [1, 2, 3, 4, 5],  # of 7
    "d_hantering": [4, 4, 4, 4, "dk"],  # of 8
    "d_sakerhet": [6, 3, 0, 3, 6],  # of 6
    "i_idag": [0, 0, 0, 0, 0],  # of 8
    "i_planerat": [8, 8, 8, 8, 8],  # of 8
    "g_arbetssatt": [2, 2, 2, 2, 2],  # of 8
}
RATED = {
    "r_ai": [5, 5, 5, 5, 5],
    **{sid: [0, 1, 2, 3, 4] for sid in ("r_automatisering", "r_sensorer", "r_analys")},
    **{sid: [0, 1, 2, 3, 4] for sid in ("r_chatt", "r_geodata")},
    "g_strategi": [5, 5, 5, 5, 5],
    **{sid: [0, 0, 0, 0, 0] for sid in ("g_upphandling", "g_tjanster", "g_uppfoljning", "g_data")},
}

# Worked out by hand. A checklist statement's score is the mean share of its options chosen; a
# rated statement's is (mean - 0) / (5 - 0); a part (dimension or category) is the mean of its
# children; the overall score the mean of the six dimensions.
S_INVESTERAT = (2 / 8 + 4 / 8 + 8 / 8 + 0 / 8 + 6 / 8) / 5  # = 2.5 / 5 = 0.5
S_PLANERAT = (1 + 1 + 0.5 + 0.5 + 0) / 5  # = 0.6
S_FORUTSATTNINGAR = (0 + 0.25 + 0.5 + 0.75 + 1) / 5  # = 0.5
STRATEGI = (0.5 + 0.6 + 0.5) / 3  # = 0.53333
GRUNDTEKNIK = (1 + 1 + 0 + 3 / 9 + 6 / 9) / 5  # = 0.6
AVANCERAD = (5 / 5 + 5 * (2 / 5)) / 6  # r_ai mean 5 -> 1.0; the other five mean 2 -> 0.4: 0.5
BEREDSKAP = (0.6 + 0.5) / 2  # = 0.55
M_DELAKTIGHET = (1 + 2 + 3 + 4 + 5) / 7 / 5  # = 3/7 = 0.42857
MANNISKA = ((1 + 0 + 1 + 0 + 1) / 5 + 3 / 7) / 2  # = (0.6 + 0.42857) / 2 = 0.51429
D_HANTERING = 4 / 8  # four answers of 4 of 8; the fifth is "vet ej", out of the denominator
DATA = (0.5 + (1 + 0.5 + 0 + 0.5 + 1) / 5) / 2  # = (0.5 + 0.6) / 2 = 0.55
INTEROP = (0 + 1) / 2  # nothing in place today, everything planned: 0.5
GRON = (2 / 8 + (1 + 0 + 0 + 0 + 0) / 5) / 2  # = (0.25 + 0.2) / 2 = 0.225
OVERALL = (STRATEGI + BEREDSKAP + MANNISKA + DATA + INTEROP + GRON) / 6  # = 0.47877


def test_the_hand_worked_numbers_are_what_the_comments_say():
    assert (S_INVESTERAT, S_PLANERAT, S_FORUTSATTNINGAR) == (0.5, 0.6, 0.5)
    assert pytest.approx(0.533333, abs=1e-6) == STRATEGI
    assert pytest.approx((0.6, 0.5, 0.55)) == (GRUNDTEKNIK, AVANCERAD, BEREDSKAP)
    assert pytest.approx(0.514286, abs=1e-6) == MANNISKA
    assert pytest.approx((0.55, 0.5, 0.225)) == (DATA, INTEROP, GRON)
    assert pytest.approx(0.478770, abs=1e-6) == OVERALL


def _options(sid, count):
    return [o.text for o in model().statement(sid).options[:count]]


def one_cell_frame() -> pd.DataFrame:
    """As Microsoft Forms exports it: a column per question headed by its text, the options
    chosen in one cell separated by ";" (with Forms' trailing ";"), "Inget" for none."""
    m = model()
    out = {}
    for s in m.statements:
        if s.id in CHOSEN:
            out[s.text] = [
                "Vet ej" if c == "dk" else (";".join(_options(s.id, c)) + ";" if c else "Inget")
                for c in CHOSEN[s.id]
            ]
        else:
            out[s.text] = RATED[s.id]
    return pd.DataFrame(out)


#: per-option cell styles: (chosen, not chosen)
STYLES = {"m_delaktighet": ("text", ""), "d_sakerhet": ("Ja", "Nej")}


def per_option_frame() -> pd.DataFrame:
    """One column per option, as Qualtrics (1/0), SurveyMonkey (the option's text or blank,
    m_delaktighet) or a Ja/Nej export (d_sakerhet) write it; headers "id [option]", and
    "question text: option" for s_planerat."""
    m = model()
    out = {}
    for s in m.statements:
        if s.id not in CHOSEN:
            out[s.id] = RATED[s.id]
            continue
        yes, no = STYLES.get(s.id, (1, 0))
        for k, o in enumerate(s.options):
            header = f"{s.text}: {o.text}" if s.id == "s_planerat" else f"{s.id} [{o.text}]"
            out[header] = [
                "Vet ej" if c == "dk" else ((o.text if yes == "text" else yes) if k < c else no)
                for c in CHOSEN[s.id]
            ]
    return pd.DataFrame(out)


@pytest.fixture
def layouts(tmp_path):
    return {
        "one cell (xlsx)": write_xlsx(one_cell_frame(), tmp_path / "forms.xlsx"),
        "per option (csv)": write_csv(per_option_frame(), tmp_path / "qualtrics.csv"),
    }


@pytest.mark.parametrize("layout", ["one cell (xlsx)", "per option (csv)"])
def test_scores_recomputed_by_hand_match_mognad_score(run_cli, layouts, layout):
    # --min-size 1: five made-up respondents, and d_hantering has four answers besides its
    # "vet ej", which the default protection hides (the next test); the arithmetic is the same
    got = _json(run_cli, "score", layouts[layout], "--min-size", "1")
    assert got["n_respondents"] == 5
    st, dims = got["statements"], got["dimensions"]
    assert st["s_investerat"]["score"] == pytest.approx(S_INVESTERAT, abs=1e-3)
    assert st["s_planerat"]["score"] == pytest.approx(S_PLANERAT, abs=1e-3)
    assert st["m_delaktighet"]["score"] == pytest.approx(M_DELAKTIGHET, abs=1e-3)
    assert st["d_hantering"]["score"] == pytest.approx(D_HANTERING, abs=1e-3)
    assert st["d_hantering"]["dont_know_share"] == pytest.approx(1 / 5, abs=1e-3)
    assert st["i_idag"]["score"] == 0  # "Inget" / every option 0: answered, none chosen
    expected = {
        "strategi": STRATEGI,
        "beredskap": BEREDSKAP,
        "grundteknik": GRUNDTEKNIK,
        "avancerad": AVANCERAD,
        "manniska": MANNISKA,
        "data": DATA,
        "interop": INTEROP,
        "gron": GRON,
    }
    for part, value in expected.items():
        assert dims[part]["score"] == pytest.approx(value, abs=1e-3), part
    assert got["overall"] == pytest.approx(OVERALL, abs=1e-3)
    assert got["level"] == "Genomsnittlig" and got["level_en"] == "Average"  # 47.9 %


def test_under_the_default_protection_the_statement_with_four_answers_is_hidden(run_cli, layouts):
    got = _json(run_cli, "score", layouts["one cell (xlsx)"])
    assert got["statements"]["d_hantering"]["score"] is None
    assert got["statements"]["d_sakerhet"]["score"] == pytest.approx(0.6, abs=1e-3)
    assert got["dimensions"]["data"]["score"] == pytest.approx(0.6, abs=1e-3)  # d_sakerhet only


def test_both_layouts_give_the_same_values_to_the_last_digit(layouts):
    one, per = (mognad.read_responses(p, MODEL) for p in layouts.values())
    pd.testing.assert_frame_equal(pd.DataFrame(one.values), pd.DataFrame(per.values))
    assert (one.dont_know == per.dont_know).all()
    # every option column is the statement's, none is left as a background column
    assert per.attribute_columns == [] and one.attribute_columns == []
    options = len(model().statement("m_delaktighet").options)
    assert per.columns["m_delaktighet"].count("|") == options - 1


def test_the_overall_score_is_exactly_the_mean_of_the_six_dimensions(layouts):
    """The core's overall score (the weighted mean of the top-level dimensions) is the plain
    mean of the six for this model: six dimensions, all of weight 1, and no plugin replaces it."""
    m = model()
    assert [d.id for d in m.dimensions] == [
        "strategi",
        "beredskap",
        "manniska",
        "data",
        "interop",
        "gron",
    ]
    assert [d.weight for d in m.dimensions] == [1.0] * 6
    result = mognad.score(layouts["one cell (xlsx)"], MODEL, insights=False, min_size=1)
    six = [result.dimensions[d.id].score for d in m.dimensions]
    assert result.overall == pytest.approx(sum(six) / 6, abs=1e-12)
    assert result.overall == pytest.approx(OVERALL, abs=1e-12)


@pytest.mark.parametrize(
    ("score", "band"),
    [
        (0.0, "Basic"),
        (0.25, "Basic"),
        (0.254, "Basic"),  # 25 % when rounded: still 0-25 %
        (0.255, "Average"),  # 26 %
        (0.50, "Average"),
        (0.51, "Moderately advanced"),
        (0.70, "Moderately advanced"),
        (0.71, "Advanced"),
        (1.0, "Advanced"),
    ],
)
def test_the_edih_bands(score, band):
    assert model().level_for(score).name_en == band


def test_each_statement_has_short_names_and_english_texts_and_the_model_its_sources():
    m = model()
    assert_short_names(m)
    for s in m.statements:
        assert s.text_en
        for o in s.options:
            assert o.text_en, (s.id, o.id)
    kinds = [s.kind for s in m.statements]
    assert kinds.count("checklist") == 11 and kinds.count("scale") == 11
    readme = (ROOT / "plugins" / "eu_dma" / "README.md").read_text(encoding="utf-8")
    for source in ("Interpretation of DMA scores for SMEs and PSOs", "FAQ", "JRC"):
        assert source in readme


# ---- bad cells are located -----------------------------------------------------------------
def test_an_unknown_option_is_a_located_error_in_both_languages(run_cli, tmp_path):
    frame = one_cell_frame()
    col = model().statement("d_sakerhet").text
    frame.loc[2, col] = "Brandvägg;Inloggning med flera faktorer"
    path = write_xlsx(frame, tmp_path / "fel.xlsx")
    sv = run_cli("score", path, "--model", MODEL)
    assert sv.exit_code == 2 and "Traceback" not in sv.stderr
    letter = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[list(frame.columns).index(col)]
    assert f'fel.xlsx, blad "Svar", rad 4, kolumn {letter} ("{col}")' in sv.stderr
    assert '"Brandvägg" är inget av alternativen i kryssfrågan "d_sakerhet"' in sv.stderr
    assert "Förväntat: de valda alternativen åtskilda med ;" in sv.stderr
    en = run_cli("score", path, "--model", MODEL, "--lang", "en")
    assert f'fel.xlsx, sheet "Svar", row 4, column {letter} ("{col}")' in en.stderr
    assert "is none of the options of checklist question" in en.stderr


@pytest.mark.parametrize("unsure", ["ja?", "x?", "nej?", "Ja!"])
def test_an_unsure_mark_in_an_option_cell_is_an_error_not_a_yes(run_cli, tmp_path, unsure):
    """A cell that is neither chosen nor not chosen is an error (README §4): "ja?" is not "ja"."""
    frame = per_option_frame()
    header = "d_sakerhet [Inloggning med flera faktorer]"
    frame.loc[0, header] = unsure
    done = run_cli("score", write_csv(frame, tmp_path / "osaker.csv"), "--model", MODEL)
    assert done.exit_code == 2
    assert f'"{unsure}" ' in done.stderr and "rad 2" in done.stderr


def test_a_misspelt_option_header_is_named(run_cli, tmp_path):
    """One column per option with a typo in an option's header: the error points at that column
    and names the option it most likely is, not only the option that has no column."""
    frame = per_option_frame()
    typo = "s_investerat [Upphandlingg och inköp]"
    frame = frame.rename(columns={"s_investerat [Upphandling och inköp]": typo})
    done = run_cli("score", write_csv(frame, tmp_path / "stavfel.csv"), "--model", MODEL)
    assert done.exit_code == 2
    col = list(frame.columns).index(typo) + 1
    assert f'stavfel.csv, rad 1, kolumn {col} ("{typo}"): kolumnen "{typo}" namnger inget ' in (
        done.stderr
    )
    assert 'menade du alternativet "Upphandling och inköp", som saknar kolumn?' in done.stderr


def test_an_english_error_lists_the_options_in_english(run_cli, tmp_path):
    frame = one_cell_frame()
    statement = model().statement("s_investerat")
    header = next(c for c in frame.columns if c in (statement.id, statement.text))
    frame.loc[0, header] = "Upphandlingg och inköp"
    done = run_cli(
        "score", write_csv(frame, tmp_path / "fel.csv"), "--model", MODEL, "--lang", "en"
    )
    assert done.exit_code == 2
    option = statement.options[0]
    assert f'"{option.text_en}"' in done.stderr and f'"{option.text}"' not in done.stderr


def test_a_bad_option_cell_and_a_missing_option_column_are_located(run_cli, tmp_path):
    frame = per_option_frame()
    header = "d_sakerhet [Inloggning med flera faktorer]"
    frame.loc[0, header] = "kanske"
    path = write_csv(frame, tmp_path / "fel.csv")
    done = run_cli("score", path, "--model", MODEL, "--lang", "en")
    col = list(frame.columns).index(header) + 1
    assert done.exit_code == 2
    assert f'fel.csv, row 2, column {col} ("{header}"): "kanske" does not say whether' in (
        done.stderr
    )
    assert "Expected 1, x, Yes or the option's text" in done.stderr
    missing = per_option_frame().drop(columns=["r_grund [E-arkiv]"])
    path = write_csv(missing, tmp_path / "saknas.csv")
    done = run_cli("score", path, "--model", MODEL, "--lang", "en")
    assert done.exit_code == 2
    assert 'checklist question "r_grund" has one column per option, but 1 option(s) have no ' in (
        done.stderr
    )
    assert '"Electronic archive"' in done.stderr  # the option in English, as asked


def test_a_checklist_statement_must_have_options_and_cannot_be_reversed():
    base = {"name": "x", "title": "X", "dimensions": [{"id": "d", "label": "D", "statements": []}]}
    for statement, words in (
        ({"id": "a", "text": "A", "kind": "checklist"}, "needs at least one option"),
        ({"id": "a", "text": "A", "options": [{"id": "o", "text": "O"}]}, "add kind: checklist"),
        (
            {
                "id": "a",
                "text": "A",
                "kind": "checklist",
                "reverse": True,
                "options": [{"id": "o", "text": "O"}],
            },
            "cannot be reverse",
        ),
        (
            {
                "id": "a",
                "text": "A",
                "kind": "checklist",
                "options": [{"id": "o", "text": "O"}, {"id": "p", "text": "o"}],
            },
            "names two options",
        ),
    ):
        base["dimensions"][0]["statements"] = [statement]
        with pytest.raises(mognad.ModelError, match=words):
            mognad.load_model(base)


# ---- T0 / T1 and anonymity -----------------------------------------------------------------
def test_the_sample_is_what_the_generator_makes():
    spec = importlib.util.spec_from_file_location(
        "make_samples", ROOT / "scripts" / "make_samples.py"
    )
    make_samples = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_samples)
    frame = make_samples.eu_dma_frame()
    bundled = pd.read_excel(EU_DMA_SAMPLE, engine="openpyxl")
    assert bundled.columns.tolist() == frame.columns.tolist()
    assert bundled.astype(str).values.tolist() == frame.astype(str).values.tolist()
    assert bundled["mätning"].value_counts().to_dict() == {"T0": 7, "T1": 7}


def test_t0_t1_comparison_with_a_wave_column_and_with_two_files(run_cli, tmp_path):
    by_wave = {
        w: _json(run_cli, "score", EU_DMA_SAMPLE, "--where", f"mätning={w}") for w in ("T0", "T1")
    }
    one_file = _json(run_cli, "compare", EU_DMA_SAMPLE, "--column", "mätning")
    assert (one_file["before_label"], one_file["after_label"]) == ("T0", "T1")
    assert (one_file["n_before"], one_file["n_after"]) == (7, 7)
    assert one_file["overall"]["before"] == pytest.approx(by_wave["T0"]["overall"], abs=1e-3)
    assert one_file["overall"]["after"] == pytest.approx(by_wave["T1"]["overall"], abs=1e-3)
    for d in one_file["dimensions"]:
        assert d["after"] == pytest.approx(by_wave["T1"]["dimensions"][d["id"]]["score"], abs=1e-3)
    assert one_file["overall"]["after"] > one_file["overall"]["before"]
    # the same as two files, T0 and T1, as an EDIH keeps them
    sample = pd.read_excel(EU_DMA_SAMPLE, engine="openpyxl")
    t0 = write_xlsx(sample[sample["mätning"] == "T0"], tmp_path / "t0.xlsx")
    t1 = write_xlsx(sample[sample["mätning"] == "T1"], tmp_path / "t1.xlsx")
    two_files = _json(run_cli, "compare", t0, t1)
    assert two_files["overall"] == {**one_file["overall"]}
    assert two_files["dimensions"] == one_file["dimensions"]


def test_one_joint_row_is_shown_only_under_the_explicit_opt_out(run_cli, tmp_path):
    """The DMA is often one joint answer per organisation: one row. It is never published
    under the default protection; --min-size 1 (the data holder's opt-out) shows it with the
    notice."""
    sample = pd.read_excel(EU_DMA_SAMPLE, engine="openpyxl")
    joint = write_xlsx(sample.head(1), tmp_path / "gemensamt.xlsx")
    refused = run_cli("score", joint, "--model", MODEL)
    assert refused.exit_code == 2
    assert "visas inte av anonymitetsskäl" in refused.stderr
    shown = run_cli("score", joint, "--model", MODEL, "--min-size", "1")
    assert shown.exit_code == 0, shown.stderr
    assert "Anonymitetsskydd avstängt (--min-size 1)" in shown.stdout
    assert "1 svarande" in shown.stdout


def test_mognad_models_lists_it_and_plugin_check_passes_without_remarks(run_cli):
    listed = run_cli("models")
    assert listed.exit_code == 0 and "eu-dma" in listed.stdout
    check = run_cli("plugin", "check", "eudma", "--format", "json")
    assert check.exit_code == 0, check.stdout + check.stderr
    statuses = [line["status"] for line in json.loads(check.stdout)]
    assert statuses and set(statuses) == {"ok"}, check.stdout


def test_excel_scores_the_checklist_cells_of_a_range_as_mognad_score_does(run_cli):
    """=MOGNAD_SCORE(range; "eu-dma") on the sample's rows (the checklists as "A;B;" cells) is
    the number mognad score gives, overall and for a checklist question."""
    from mognad_excel import udfs

    sample = pd.read_excel(EU_DMA_SAMPLE, engine="openpyxl")
    rows = [list(sample.columns), *sample.astype(object).values.tolist()]
    got = _json(run_cli, "score", EU_DMA_SAMPLE)
    assert udfs.MOGNAD_SCORE(rows, MODEL) == pytest.approx(got["overall"], abs=1e-3)
    assert udfs.MOGNAD_SCORE(rows, MODEL, "r_grund") == pytest.approx(
        got["statements"]["r_grund"]["score"], abs=1e-3
    )


def test_the_excel_template_leaves_checklist_columns_free_and_recalculates_to_mognad_score(
    run_cli, tmp_path, monkeypatch
):
    """The template's dropdown (0-5, Vet ej) is on the rated columns only, a checklist column's
    comment lists its options, and the sample typed into it recalculates (pycel, no Excel) to
    the numbers of mognad score."""
    import openpyxl
    from mognad_excel import udfs
    from mognad_excel.template import write_template

    monkeypatch.chdir(tmp_path)
    udfs.clear_cache()
    info = write_template(MODEL, tmp_path / "mall.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "mall.xlsx")
    ws = wb["Svar"]
    letter = {ws.cell(1, c).value: ws.cell(1, c).column_letter for c in range(1, ws.max_column + 1)}
    index = {ws.cell(1, c).value: c for c in range(1, ws.max_column + 1)}
    (dv,) = ws.data_validations.dataValidation
    covered = {c for r in dv.sqref.ranges for c in range(r.min_col, r.max_col + 1)}
    m = model()
    assert covered == {index[s.id] for s in m.statements if not s.is_checklist}
    assert len(dv.sqref.ranges) == 2  # the six rated readiness and the five green columns
    comment = ws[f"{letter['r_grund']}1"].comment.text
    assert "Kryssfråga: skriv de valda alternativen åtskilda med ;" in comment
    assert "E-arkiv" in comment
    sample = pd.read_excel(EU_DMA_SAMPLE, engine="openpyxl")
    by_text = {s.text: s.id for s in m.statements}
    for i, row in enumerate(sample.itertuples(index=False), start=2):
        for header, value in zip(sample.columns, row, strict=True):
            column = letter.get(by_text.get(header, header))
            if column is not None:
                ws[f"{column}{i}"] = value.item() if hasattr(value, "item") else value
    wb.save(tmp_path / "ifylld.xlsx")
    done = run_cli("excel", "recalc", tmp_path / "ifylld.xlsx", "-o", tmp_path / "ut.xlsx")
    assert done.exit_code == 0, done.stderr
    expected = _json(run_cli, "score", EU_DMA_SAMPLE)
    res = openpyxl.load_workbook(tmp_path / "ut.xlsx", data_only=True)["Resultat"]
    assert res[info.cells["respondents"]].value == 14
    assert res[info.cells["overall"]].value == pytest.approx(expected["overall"], abs=1e-12)
