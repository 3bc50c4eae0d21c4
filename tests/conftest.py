"""Shared fixtures and shared test data: the tiny hand-computed model and its expected values,
the bundled sample files, response tables; plugin registration (``register_plugin``) and the
CLI in-process (``run_cli``) come from the test kit, mognad_core.testing.

Test modules take paths and expected values from here (``from conftest import DIMIOS_SAMPLE``)
instead of declaring them again; tests/test_conftest_data.py checks them against the files.

Paths
    ROOT, DATA (tests/data), CORPUS (tests/corpus: hostile and odd input files)
    DIMIOS_SAMPLES, DMM_SAMPLES: the plugins' folders of bundled samples (``mognad samples``)
    DIMIOS_SAMPLE    dimios_sample.xlsx: 480 respondents, waves 2024 and 2025 in column ``år``
                     (the first DiMiOS response sample, the file ``mognad demo`` scores)
    DIMIOS_2024, DIMIOS_2025   one wave each, semicolon-separated UTF-8 csv with a BOM
    INITIATIVES      initiativ.xlsx, the DiMiOS sample portfolio of initiatives
    DIMIOS_MODEL_FILE          the DiMiOS model definition (model.yaml)
    DMM_SAMPLE, DMM_TARGET     dmm_sample.xlsx and the target profile malprofil.yaml
    DMM_ORIGINAL_SAMPLE, DMM_ORIGINAL_TARGET   for model dmm-original (the source's engine
                     list): dmm_sample.xlsx's 28 leaders plus rel1-rel3, malprofil_original.yaml

``assert_short_names(model)``: every statement has a unique short name in both languages.

The tiny model: TINY (tests/data/tiny.yaml, fixture ``tiny_model``) and four respondents
(TINY_ROWS, a header row and one row per respondent; fixture ``tiny_frame`` is the same table):

    respondent (scale 1-5)   a1      a2 (rev)   b1          b2 (w3)     b3
      1  Soc                 5       1          3           2           -
      2  Soc                 4       2          3           dont know   -
      3  KLF                 Vet ej  2          1           vet ej      Vet ej
      4  KLF                 -       VET INTE   don't know  4           -

Expected values, computed by hand (A has weight 2; b1 and b2 form category B1 under B):
    a1: mean 4.5, n 2, dk 1, missing 1, score (4.5-1)/4 = 0.875
    a2: reversed 5, 4, 4 -> mean 13/3, score (13/3-1)/4 = 5/6, dk 1
    b1: mean 7/3, score 1/3, dk 1;  b2: mean 3, score 0.5, dk 2;  b3: no valid answer, dk 1
    A  = (0.875 + 5/6) / 2 = 0.8541666...
    B1 = (1*1/3 + 3*0.5) / 4 = 0.4583333...;  B = B1 (b3 has no score, left out)
    overall = (2*A + 1*B) / 3 = 0.7222222...
    vet-ej share = "vet ej" answers / (valid + "vet ej") below a node: A 2/7, B1 3/8, B 4/9
TINY_SCORES, TINY_MEANS and TINY_DONT_KNOW_SHARES hold these by statement or dimension id
("overall" for the whole model); tests/test_scoring.py asserts them against ``mognad.score``.
TINY_SIX_ROWS: six respondents for the same model (b3 has two valid answers, hidden under the
default policy; every other statement has five or six). ``as_excel(rows)``: the rows as Excel
passes a range to a function (numbers as floats).
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pytest

import mognad_core as mognad
from mognad_core import testing

#: the test kit plugin authors use: fixtures ``register_plugin`` (a plugin for one test) and
#: ``mognad_cli``; ``run_cli`` below is the same function under the name these tests use
pytest_plugins = ["mognad_core.testing"]

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).parent.parent
CORPUS = Path(__file__).parent / "corpus"

# ---- bundled sample files (see the docstring) --------------------------------------------------
DIMIOS_SAMPLES = ROOT / "plugins" / "dimios" / "mognad_dimios" / "samples"
DMM_SAMPLES = ROOT / "plugins" / "dmm_nine_engines" / "mognad_dmm" / "samples"
DIMIOS_SAMPLE = DIMIOS_SAMPLES / "dimios_sample.xlsx"
DIMIOS_2024 = DIMIOS_SAMPLES / "dimios_2024.csv"
DIMIOS_2025 = DIMIOS_SAMPLES / "dimios_2025.csv"
DIMIOS5_2023 = DIMIOS_SAMPLES / "dimios5_2023.csv"  # the 1-5 variant dimios-5's sample
INITIATIVES = DIMIOS_SAMPLES / "initiativ.xlsx"
DIMIOS_MODEL_FILE = DIMIOS_SAMPLES.parent / "model.yaml"
DMM_SAMPLE = DMM_SAMPLES / "dmm_sample.xlsx"
DMM_TARGET = DMM_SAMPLES / "malprofil.yaml"
DMM_ORIGINAL_SAMPLE = DMM_SAMPLES / "dmm_original_sample.xlsx"
DMM_ORIGINAL_TARGET = DMM_SAMPLES / "malprofil_original.yaml"
ARBETSGRUPP_SAMPLES = ROOT / "plugins" / "arbetsgrupp" / "mognad_arbetsgrupp" / "samples"
ARBETSGRUPP_SAMPLE = ARBETSGRUPP_SAMPLES / "arbetsgrupp_sample.xlsx"
EU_DMA_SAMPLES = ROOT / "plugins" / "eu_dma" / "mognad_eudma" / "samples"
EU_DMA_SAMPLE = EU_DMA_SAMPLES / "eu_dma_ledningsgrupp.xlsx"


# ---- chart labels: the short statement names of a model ----------------------------------------
def assert_short_names(model: mognad.MaturityModel) -> dict[str, dict[str, str]]:
    """Every statement of ``model`` has a short name in Swedish and English (``short`` /
    ``short_en``, at most 40 characters, shorter than its text), unique within the model in each
    language (case ignored). Returns {statement id: {"sv": ..., "en": ...}} from short_label."""
    names = {}
    for s in model.statements:
        assert s.short and s.short_en, f"{model.name} {s.id}: no short name in both languages"
        names[s.id] = {lang: s.short_label(lang) for lang in ("sv", "en")}
        assert names[s.id] == {"sv": s.short, "en": s.short_en}
        for lang, name in names[s.id].items():
            assert len(name) <= 40 and len(name) < len(s.label(lang)), (s.id, lang, name)
    for lang in ("sv", "en"):
        folded = [n[lang].casefold() for n in names.values()]
        twice = sorted({n for n in folded if folded.count(n) > 1})
        assert not twice, f"{model.name}: short names used twice ({lang}): {twice}"
    return names


# ---- the tiny model, its respondents and its expected values (see the docstring) ---------------
TINY = DATA / "tiny.yaml"
TINY_ROWS = [
    ["förvaltning", "a1", "a2", "b1", "b2", "b3"],
    ["Soc", 5, 1, 3, 2, None],
    ["Soc", 4, 2, 3, "dont know", None],
    ["KLF", "Vet ej", 2, 1, "  vet ej ", "Vet ej"],
    ["KLF", None, "VET INTE", "don't know", 4, None],
]
_A = (0.875 + 5 / 6) / 2
_B1 = (1 / 3 + 3 * 0.5) / 4
TINY_SCORES = {
    "a1": 0.875,
    "a2": 5 / 6,
    "b1": 1 / 3,
    "b2": 0.5,
    "b3": None,
    "A": _A,
    "B1": _B1,
    "B": _B1,
    "overall": (2 * _A + _B1) / 3,
}
TINY_MEANS = {"a1": 4.5, "a2": 13 / 3, "b1": 7 / 3, "b2": 3.0, "b3": None}
TINY_DONT_KNOW_SHARES = {
    "a1": 1 / 3,
    "a2": 1 / 4,
    "b1": 1 / 4,
    "b2": 1 / 2,
    "b3": 1.0,
    "A": 2 / 7,
    "B1": 3 / 8,
    "B": 4 / 9,
}
TINY_SIX_ROWS = [
    ["förvaltning", "a1", "a2", "b1", "b2", "b3"],
    ["Soc", 5, 1, 3, 2, None],
    ["Soc", 4, 2, 3, 4, "Vet ej"],
    ["Soc", 4, 2, 2, 3, 4],
    ["KLF", 3, 3, 1, 5, "Vet ej"],
    ["KLF", 5, 1, 4, 4, 2],
    ["KLF", 2, 4, 2, "vet ej", None],
]


def params(rows, name) -> list:
    """``pytest.param`` for each row (a tuple is one value per argument) with the id
    ``name(row)``. Use it instead of ``ids=`` for ids with letters outside ASCII, backslashes or
    line breaks: pytest escapes such ``ids=`` once more when it collects a second time in the same
    process, as in mutmut's runs, and then finds no test by its recorded id (mutmut counted that
    as a killed mutant). A ``pytest.param`` id stays the same; tests/test_mutation_script.py
    checks every id of the suite."""
    return [
        pytest.param(*(row if isinstance(row, tuple) else (row,)), id=name(row)) for row in rows
    ]


def as_excel(rows: list[list]) -> list[list]:
    """Rows as Excel passes a range to a function: every number a float."""
    return [[float(v) if type(v) is int else v for v in row] for row in rows]


@pytest.fixture
def tiny_model() -> mognad.MaturityModel:
    return mognad.load_model_file(TINY)


@pytest.fixture
def tiny_frame() -> pd.DataFrame:
    """The four respondents of TINY_ROWS; expected values in the module docstring."""
    return pd.DataFrame(TINY_ROWS[1:], columns=TINY_ROWS[0])


@pytest.fixture(autouse=True)
def _default_policy(monkeypatch):
    """Every test starts from the default anonymity policy (min_size 5) and language (Swedish),
    whatever the developer's environment says (MOGNAD_MIN_SIZE, MOGNAD_LANG, MOGNAD_CONFIG)."""
    monkeypatch.delenv("MOGNAD_MIN_SIZE", raising=False)
    monkeypatch.delenv("MOGNAD_LANG", raising=False)
    monkeypatch.delenv("MOGNAD_CONFIG", raising=False)


@pytest.fixture
def opt_out(monkeypatch):
    """The data holder's explicit opt-out (MOGNAD_MIN_SIZE=1): exact, unrounded figures of tiny
    data, for tests of arithmetic."""
    monkeypatch.setenv("MOGNAD_MIN_SIZE", "1")


@pytest.fixture(autouse=True)
def _fresh_plugins(monkeypatch, tmp_path_factory):
    """Every test starts from the installed plugins only: no plugin settings, no models folder
    of the developer's (the user's configuration folder is an empty one of the test's)."""
    for name in ("BLOCK_PLUGINS", "ALLOW_PLUGINS", "REPLACE_MODELS", "MODELS_PATH"):
        monkeypatch.delenv(f"MOGNAD_{name}", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("config")))
    mognad.reset_plugins()
    yield
    mognad.reset_plugins()


@pytest.fixture
def run_cli():
    """Run ``mognad ARGS`` in-process, as the console script does; returns exit code and output
    (the test kit's ``run_cli``, also its fixture ``mognad_cli``)."""
    return testing.run_cli


@pytest.fixture
def export_answers():
    """Six respondents' answers to the first four DiMiOS statements, for exports written by
    tests (test_answers, test_responses, test_mappings), and the statements' means by hand."""
    return SimpleNamespace(
        ids=["f11", "f12", "f13", "f14"],
        answers=[
            [5, 4, 3, 2],
            [4, 4, 2, 1],
            [3, 5, 1, 2],
            [2, 3, 4, 5],
            [1, 2, 5, 4],
            [4, 1, 3, 3],
        ],
        means={"f11": 19 / 6, "f12": 19 / 6, "f13": 18 / 6, "f14": 17 / 6},
    )


# ---- anonymity tests: a three-statement model and the floats of a published result -----------
#: two dimensions, one reversed statement: small enough to reason about hidden cells by hand
GROUP_MODEL = mognad.model_from_dict(
    {
        "name": "grp",
        "title": "Gruppmodell",
        "dimensions": [
            {
                "id": "X",
                "label": "X",
                "statements": [
                    {"id": "x1", "text": "Ett."},
                    {"id": "x2", "text": "Två.", "reverse": True},
                ],
            },
            {"id": "Y", "label": "Y", "statements": [{"id": "y1", "text": "Tre.", "weight": 2}]},
        ],
    }
)
GROUP_SIDS = ["x1", "x2", "y1"]


def published_floats(value, key=""):
    """(key, float) for every float in a result's JSON, however deep (for rounding checks)."""
    if isinstance(value, float):
        yield key, value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from published_floats(v, str(k))
    elif isinstance(value, list):
        for v in value:
            yield from published_floats(v, key)


# ---- plugins installed for real: a module plus a .dist-info folder on sys.path ----------------
def install_entry_point(
    folder: Path, monkeypatch, dist: str, name: str, module: str, source: str
) -> None:
    """Install plugin ``name`` of distribution ``dist`` through the ``mognad`` entry-point group,
    as pip would: ``module``.py holds ``source`` (dedented), and the plugins are loaded anew."""
    import textwrap

    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{module}.py").write_text(textwrap.dedent(source), encoding="utf-8")
    info = folder / f"{dist}-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(f"[mognad]\n{name} = {module}\n")
    monkeypatch.syspath_prepend(str(folder))
    mognad.reset_plugins()
