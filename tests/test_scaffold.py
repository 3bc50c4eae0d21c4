"""``mognad plugin new NAME``: the package it writes is complete, valid and passes its own tests.

The fast tests read the written files back (TOML, YAML validated as a model, Python compiled
and ruff-checked with the package's own settings, the sample file scored) and load the plugin
module in-process. The slow test installs the package into a clean venv with pip and runs its
tests with that venv's Python, for both variants.
"""

from __future__ import annotations

import ast
import importlib
import json
import os
import re
import subprocess
import sys
import sysconfig
import tomllib
from pathlib import Path

import pandas as pd
import pytest
import yaml
from conftest import ROOT

import mognad_core as mognad
from mognad_core import hookimpl, hookspecs, load_model_file, safe_write, sample_data
from mognad_core.scaffold import check_name, new_plugin, package_name

#: What `mognad plugin new acme` writes, relative to mognad-acme/.
ACME_FILES = [
    ".gitignore",
    "README.md",
    "mognad_acme/__init__.py",
    "mognad_acme/model.yaml",
    "mognad_acme/plugin.py",
    "mognad_acme/samples/acme_svar.csv",
    "pyproject.toml",
    "tests/conftest.py",
    "tests/test_acme.py",
]
HOOKS = {
    name
    for name, value in vars(hookspecs).items()
    if callable(value) and hasattr(value, "mognad_spec")
}


def listing(folder: Path) -> list[str]:
    """Every file below ``folder`` (hidden ones too), relative, with ``/``."""
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def hooks_of(source: str) -> set[str]:
    """The functions of a module's source marked ``@hookimpl``."""
    return {
        node.name
        for node in ast.parse(source).body
        if isinstance(node, ast.FunctionDef)
        and any(getattr(d, "id", None) == "hookimpl" for d in node.decorator_list)
    }


@pytest.fixture
def here(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def load_plugin(monkeypatch, register_plugin):
    """Import a written plugin's module from its folder and register it, as its entry point
    would once installed."""

    def load(folder: Path, name: str):
        monkeypatch.syspath_prepend(str(folder))
        module = importlib.import_module(f"{package_name(name)}.plugin")
        register_plugin(module, name)
        return module

    yield load
    for name in [m for m in sys.modules if m.startswith("mognad_acme")]:
        del sys.modules[name]


# ---- what is written --------------------------------------------------------------------------
def test_the_command_writes_the_package_and_says_what_next(here, run_cli):
    out = run_cli("plugin", "new", "acme")
    assert out.exit_code == 0, out.stderr
    root = here / "mognad-acme"
    assert listing(here) == [f"mognad-acme/{f}" for f in ACME_FILES]
    lines = out.stdout.splitlines()
    assert lines[0] == "Skrev tillägget acme i mognad-acme (9 filer):"
    assert lines[1:10] == [f"  {f}" for f in ACME_FILES]
    assert lines[10:] == [
        "",
        "Nästa steg:",
        "  cd mognad-acme",
        '  pip install -e ".[test]"',
        "  pytest",
    ]
    english = run_cli("plugin", "new", "other", "--lang", "en", "--dir", "ut")
    assert english.exit_code == 0, english.stderr
    assert english.stdout.startswith(f"Wrote the plugin other in {Path('ut/mognad-other')} (9 ")
    assert "\nNext steps:\n  cd ut/mognad-other\n" in english.stdout
    assert (here / "ut" / "mognad-other" / "tests" / "test_other.py").is_file()
    assert root.is_dir() and not out.stderr


def test_pyproject_declares_the_entry_point_and_the_package_data(here):
    new_plugin("acme")
    text = (here / "mognad-acme" / "pyproject.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    project = data["project"]
    assert (project["name"], project["version"]) == ("mognad-acme", "0.1.0")
    assert project["dependencies"] == ["mognad"]
    assert project["optional-dependencies"] == {"test": ["pytest"]}
    assert project["entry-points"] == {"mognad": {"acme": "mognad_acme.plugin"}}
    assert data["build-system"]["build-backend"] == "setuptools.build_meta"
    assert data["tool"]["setuptools"]["package-data"] == {
        "mognad_acme": ["model.yaml", "samples/*"]
    }
    assert "non-editable" in text  # the comment says why the line is there
    assert data["tool"]["pytest"]["ini_options"]["testpaths"] == ["tests"]


def test_the_model_file_is_a_valid_model_in_block_style_with_quoted_texts(here):
    new_plugin("acme")
    path = here / "mognad-acme" / "mognad_acme" / "model.yaml"
    model = load_model_file(path)
    assert model.name == "acme" and model.title == "acme: digital mognad"
    assert model.title_en == "acme: digital maturity"
    assert (model.scale.min, model.scale.max, model.scale.dont_know[0]) == (1, 5, "Vet ej")
    assert 2 <= len(model.dimensions) <= 3 and 6 <= len(model.statements) <= 8
    assert [s.id for s in model.statements if s.reverse] == ["k2"]
    assert [s.id for s in model.statements if s.weight == 2] == ["l1"]
    for statement in model.statements:
        assert statement.text_en and statement.short and statement.short_en, statement.id
    assert all(d.label_en for d in model.dimensions)
    assert [level.name_en for level in model.levels] == ["Basic", "Developing", "Advanced"]
    assert any("," in s.text for s in model.statements)  # the example of why texts are quoted
    text = path.read_text(encoding="utf-8")
    lines = [line.split(" #")[0] for line in text.splitlines() if not line.lstrip().startswith("#")]
    assert not [line for line in lines if "{" in line]  # block style: no {...} mappings
    keys = (
        "title",
        "title_en",
        "label",
        "label_en",
        "text",
        "text_en",
        "short",
        "short_en",
        "name",
        "name_en",
        "description",
        "description_en",
    )
    texts = re.findall(rf"^\s*(?:- )?(?:{'|'.join(keys)}): (.*)$", text, flags=re.M)
    assert len(texts) > 40
    assert all(t.startswith('"') for t in texts), [t for t in texts if not t.startswith('"')]


def test_a_title_with_quotes_commas_and_colons_is_written_as_given(here):
    title = 'Kommunens "digitala" mognad: ledning, kompetens # och teknik'
    new_plugin("kommun-2", title=title)
    root = here / "mognad-kommun-2"
    model = load_model_file(root / "mognad_kommun_2" / "model.yaml")
    assert model.title == model.title_en == title
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["description"] == title
    assert project["entry-points"] == {"mognad": {"kommun-2": "mognad_kommun_2.plugin"}}
    assert (root / "tests" / "test_kommun_2.py").is_file()
    assert (root / "mognad_kommun_2" / "samples" / "kommun-2_svar.csv").is_file()


def test_an_english_title_of_its_own(here, run_cli):
    done = run_cli("plugin", "new", "kommun", "--title", "Vår mognad", "--title-en", "Our maturity")
    assert done.exit_code == 0, done.stderr
    model = load_model_file(here / "mognad-kommun" / "mognad_kommun" / "model.yaml")
    assert (model.title, model.title_en) == ("Vår mognad", "Our maturity")


def test_a_title_is_one_line_and_a_folder_with_spaces_is_quoted_in_the_next_steps(here, run_cli):
    out = run_cli("plugin", "new", "acme", "--dir", "mina tillägg", "--title", " Två\nrader ")
    assert out.exit_code == 0, out.stderr
    assert '\n  cd "mina tillägg/mognad-acme"\n' in out.stdout
    root = here / "mina tillägg" / "mognad-acme"
    assert load_model_file(root / "mognad_acme" / "model.yaml").title == "Två rader"
    assert (
        (root / "README.md")
        .read_text(encoding="utf-8")
        .startswith(
            "# mognad-acme\n\nA maturity model plugin for mognad: *Två rader*. It was started"
        )
    )


def test_the_sample_file_has_60_respondents_in_forvaltningar_and_scores(here):
    new_plugin("acme")
    package = here / "mognad-acme" / "mognad_acme"
    path = package / "samples" / "acme_svar.csv"
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # as write_csv writes it (BOM, ;)
    frame = pd.read_csv(path, sep=";", encoding="utf-8-sig")
    model = load_model_file(package / "model.yaml")
    assert list(frame.columns) == ["förvaltning", *model.statement_ids]
    assert len(frame) == 60 and set(frame["förvaltning"]) <= set(sample_data.FORVALTNINGAR)
    assert (frame[model.statement_ids] == "Vet ej").to_numpy().any()
    result = mognad.score(path, model=model)
    assert result.n_respondents == 60 and 0 < result.overall < 1
    again = here / "again"
    again.mkdir()
    new_plugin("acme", folder=again)  # seeded: the same file every time
    assert (again / "mognad-acme" / "mognad_acme" / "samples" / "acme_svar.csv").read_bytes() == (
        path.read_bytes()
    )


def test_the_readme_command_makes_the_sample_anew_as_it_was(here, run_cli):
    """After the model changes, the README's `mognad models sample` line makes the sample anew:
    the same command on the unchanged model gives the same bytes."""
    new_plugin("acme")
    package = here / "mognad-acme" / "mognad_acme"
    readme = (here / "mognad-acme" / "README.md").read_text(encoding="utf-8")
    line = "mognad models sample acme -o mognad_acme/samples/acme_svar.csv --force"
    assert line in readme
    remade = here / "remade.csv"
    done = run_cli("models", "sample", package / "model.yaml", "-o", remade)
    assert done.exit_code == 0, done.stderr
    assert remade.read_bytes() == (package / "samples" / "acme_svar.csv").read_bytes()


@pytest.mark.parametrize("model_only", [False, True], ids=["full", "model-only"])
def test_the_python_files_compile_and_are_ruff_clean(here, model_only):
    new_plugin("acme", model_only=model_only)
    root = here / "mognad-acme"
    for path in root.rglob("*.py"):
        compile(path.read_text(encoding="utf-8"), str(path), "exec")
    ruff = Path(sys.executable).parent / "ruff"
    if not ruff.exists():
        pytest.skip("ruff is not installed in this venv")
    for args in (["check"], ["format", "--check"]):
        done = subprocess.run(
            [str(ruff), *args, "--no-cache", "."], cwd=root, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stdout + done.stderr


def test_the_full_variant_has_every_hook_and_the_model_only_variant_two(here):
    full = new_plugin("acme", folder=here)
    assert hooks_of((full.folder / "mognad_acme" / "plugin.py").read_text("utf-8")) == HOOKS
    tests = (full.folder / "tests" / "test_acme.py").read_text(encoding="utf-8")
    assert "def test_the_finding_names_the_weakest_dimension" in tests
    (here / "m").mkdir()
    lean = new_plugin("acme", folder=here / "m", model_only=True)
    source = (lean.folder / "mognad_acme" / "plugin.py").read_text(encoding="utf-8")
    assert hooks_of(source) == {"register_models", "register_samples"}
    assert "ModelInsight" not in source and "{{" not in source
    tests = (lean.folder / "tests" / "test_acme.py").read_text(encoding="utf-8")
    assert "weakest" not in tests and "register_plugin" in tests
    readme = (lean.folder / "README.md").read_text(encoding="utf-8")
    assert "stubs" not in readme and "{{" not in readme
    assert listing(lean.folder) == ACME_FILES


def test_every_stub_says_what_to_return_and_links_the_hook_docs(here):
    made = new_plugin("acme")
    tree = ast.parse((made.folder / "mognad_acme" / "plugin.py").read_text(encoding="utf-8"))
    documented = set(
        re.findall(
            r"^## (\w+)$",
            (ROOT / "docs" / "plugin-hooks.md").read_text(encoding="utf-8"),
            flags=re.M,
        )
    )
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name in HOOKS:
            doc = ast.get_docstring(node)
            assert f"docs/plugin-hooks.md#{node.name}" in doc, node.name
            assert node.name in documented
            if node.name not in (
                "register_models",
                "register_samples",
                "register_readers",
                "register_commands",
            ):
                assert "Return" in doc, node.name


# ---- the written plugin works -----------------------------------------------------------------
def test_the_plugin_registers_its_model_sample_and_finding(here, load_plugin, run_cli):
    made = new_plugin("acme")
    plugin = load_plugin(made.folder, "acme")
    model = mognad.get_model("acme")
    assert model == plugin.model() and model.title == "acme: digital mognad"
    assert {m.name: m.plugin for m in mognad.list_models()}["acme"] == "acme"
    (sample,) = mognad.get_samples("acme")
    assert sample.path.samefile(made.folder / "mognad_acme" / "samples" / "acme_svar.csv")
    result = mognad.score(sample.path, model="acme")
    focus = next(i for i in result.insights if i.key == "acme_focus")
    weakest = min((d for d in result.dimensions.values() if d.depth == 0), key=lambda d: d.score)
    assert focus.data["dimension"] == weakest.id
    assert focus.text == f"{weakest.label} har lägst värde: börja där."
    english = run_cli("score", sample.path, "--model", "acme", "--format", "json", "--lang", "en")
    assert english.exit_code == 0, english.stderr
    focus_en = next(i for i in json.loads(english.stdout)["insights"] if i["key"] == "acme_focus")
    assert focus_en["text"] == f"{weakest.label_en} has the lowest score: start there."


def test_the_model_only_plugin_adds_no_finding(here, load_plugin):
    made = new_plugin("acme", model_only=True)
    load_plugin(made.folder, "acme")
    result = mognad.score(made.folder / "mognad_acme" / "samples" / "acme_svar.csv", "acme")
    assert result.n_respondents == 60 and result.insights == []


# ---- refused: nothing is written -------------------------------------------------------------
def test_an_existing_folder_is_refused_and_left_as_it_was(here, run_cli):
    (here / "mognad-acme").mkdir()
    (here / "mognad-acme" / "egen.txt").write_text("mitt", encoding="utf-8")
    out = run_cli("plugin", "new", "acme")
    assert out.exit_code == 2
    assert out.stderr == (
        "Fel: Mappen mognad-acme finns redan. Välj ett annat namn eller en annan mapp med --dir, "
        "eller flytta den befintliga mappen (inget skrevs).\n"
    )
    assert listing(here) == ["mognad-acme/egen.txt"]
    english = run_cli("plugin", "new", "acme", "--dir", ".", "--lang", "en")
    assert english.exit_code == 2
    assert english.stderr.startswith("Error: The folder mognad-acme exists already.")
    assert listing(here) == ["mognad-acme/egen.txt"]


@pytest.mark.parametrize(
    ("name", "suggestion"),
    [
        ("Acme", "acme"),
        ("min modell", "min_modell"),
        ("9liv", "liv"),
        ("åäö", None),
        ("", None),
        ("-x", "x"),
        ("a.b", "a_b"),
    ],
)
def test_a_bad_name_is_refused_with_a_suggestion(here, run_cli, name, suggestion):
    out = run_cli("plugin", "new", "--", name)  # "--": a name may start with "-"
    assert out.exit_code == 2
    assert out.stderr.startswith(f'Fel: "{name}" kan inte vara namnet på ett tillägg: använd ')
    if suggestion:
        assert out.stderr.endswith(f", till exempel {suggestion}.\n")
        assert check_name(suggestion) == suggestion
    else:
        assert out.stderr.endswith("och börja med en bokstav.\n")
    assert listing(here) == [] and list(here.iterdir()) == []


def test_a_taken_model_name_is_refused_naming_its_plugin(here, run_cli, register_plugin):
    out = run_cli("plugin", "new", "dmm")
    assert out.exit_code == 2
    assert out.stderr == (
        "Fel: Det finns redan en modell som heter dmm: den kommer från tillägget dmm. Välj ett "
        "annat namn (inget skrevs).\n"
    )

    class Other:
        @hookimpl
        def register_models(self, register):
            register(
                mognad.MaturityModel.model_validate(
                    {
                        "name": "kommun",
                        "title": "K",
                        "dimensions": [
                            {"id": "d", "label": "D", "statements": [{"id": "s", "text": "S"}]}
                        ],
                    }
                )
            )

    register_plugin(Other(), "kommunens_tillagg")
    out = run_cli("plugin", "new", "kommun", "--lang", "en")
    assert out.exit_code == 2
    assert out.stderr == (
        "Error: There is a model called kommun already: it comes from the plugin "
        "kommunens_tillagg. Choose another name (nothing was written).\n"
    )
    assert list(here.iterdir()) == []


def test_a_name_taken_by_a_model_file_is_refused_naming_the_file(here, run_cli, monkeypatch):
    folder = here / "modeller"
    folder.mkdir()
    model = {
        "name": "lokal",
        "title": "L",
        "dimensions": [{"id": "d", "label": "D", "statements": [{"id": "s", "text": "S"}]}],
    }
    (folder / "lokal.yaml").write_text(yaml.safe_dump(model), encoding="utf-8")
    monkeypatch.setenv("MOGNAD_MODELS_PATH", str(folder))
    mognad.reset_plugins()
    out = run_cli("plugin", "new", "lokal")
    assert out.exit_code == 2
    assert out.stderr == (
        f"Fel: Det finns redan en modell som heter lokal: modellfilen {folder / 'lokal.yaml'}. "
        "Välj ett annat namn (inget skrevs).\n"
    )
    assert sorted(p.name for p in here.iterdir()) == ["modeller"]


def test_a_blocked_built_in_keeps_its_name(here, run_cli, monkeypatch):
    monkeypatch.setenv("MOGNAD_BLOCK_PLUGINS", "dimios")
    mognad.reset_plugins()
    assert "dimios" not in {m.name for m in mognad.list_models()}
    out = run_cli("plugin", "new", "dimios")
    assert out.exit_code == 2 and "tillägget dimios" in out.stderr


def test_a_failure_while_writing_leaves_no_file_and_no_folder(here, monkeypatch):
    """All or nothing, through safe_write: the folders made for the package (mognad-acme, its
    package, samples/, tests/ and a missing --dir) are removed again."""

    def broken(frame):
        def writer(tmp: Path) -> None:
            tmp.write_text("halv", encoding="utf-8")
            raise OSError(28, "No space left on device")

        return writer

    monkeypatch.setattr(sample_data, "csv_writer", broken)
    with pytest.raises(mognad.MognadError, match="disk is full"):
        new_plugin("acme", folder=here / "ny" / "mapp")
    assert list(here.iterdir()) == []


def test_the_files_go_through_safe_write_in_one_call(here, monkeypatch):
    calls = []
    real = safe_write.write_files

    def recording(jobs, **kwargs):
        jobs = list(jobs)
        calls.append(sorted(Path(t).relative_to(here / "mognad-acme").as_posix() for t, _ in jobs))
        return real(jobs, **kwargs)

    monkeypatch.setattr(safe_write, "write_files", recording)
    new_plugin("acme", folder=here)
    assert calls == [ACME_FILES]


# ---- the docs -------------------------------------------------------------------------------
def test_the_docs_list_the_files_the_command_writes(here, run_cli):
    doc = (ROOT / "docs" / "writing-a-plugin.md").read_text(encoding="utf-8")
    section = doc.split("## Start from the scaffold\n", 1)[1].split("\n## ", 1)[0]
    shown = re.search(r"```\n\$ mognad plugin new acme\n(.*?)```", section, flags=re.S).group(1)
    out = run_cli("plugin", "new", "acme")
    assert out.exit_code == 0, out.stderr
    assert shown == out.stdout


# ---- in a clean venv ---------------------------------------------------------------------------
def _clean_venv(folder: Path) -> Path:
    """A new venv that sees this venv's packages (mognad, editable, and pytest, pip,
    setuptools) without a download: a .pth file in its site-packages calls site.addsitedir on
    ours, which also runs our .pth files (mognad's editable finder). Its own site-packages comes
    first, so what pip installs there is its own."""
    subprocess.run(
        [sys._base_executable, "-m", "venv", "--without-pip", str(folder)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    python = folder / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    ours = sysconfig.get_paths()["purelib"]
    Path(purelib, "mognad_project.pth").write_text(
        f"import site; site.addsitedir({ours!r})\n", encoding="utf-8"
    )
    return python


@pytest.mark.slow
@pytest.mark.parametrize("model_only", [False, True], ids=["full", "model-only"])
def test_the_package_installs_in_a_clean_venv_and_its_tests_pass(tmp_path, model_only):
    made = new_plugin("acme", folder=tmp_path, model_only=model_only)
    python = _clean_venv(tmp_path / "venv")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MOGNAD_", "PYTHON"))}

    def run(*args: str, cwd: Path = tmp_path) -> subprocess.CompletedProcess:
        return subprocess.run(
            [str(python), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
        )

    before = run("-m", "mognad_core", "models", "--format", "json")
    assert before.returncode == 0, before.stderr
    assert "acme" not in {m["name"] for m in json.loads(before.stdout)}  # a clean venv
    pip = run(
        "-m", "pip", "install", "-q", "-e", str(made.folder), "--no-deps", "--no-build-isolation"
    )
    assert pip.returncode == 0, pip.stdout + pip.stderr

    listed = run("-m", "mognad_core", "models", "--format", "json")
    assert listed.returncode == 0, listed.stderr
    models = {m["name"]: m for m in json.loads(listed.stdout)}
    assert models["acme"]["plugin"] == "acme" and {"dimios", "dmm"} <= set(models)
    plugins = run("-m", "mognad_core", "plugins", "--format", "json")
    acme = next(p for p in json.loads(plugins.stdout) if p["name"] == "acme")
    assert acme["distribution"] == "mognad-acme 0.1.0"
    assert set(acme["hooks"]) == ({"register_models", "register_samples"} if model_only else HOOKS)
    checked = run("-m", "mognad_core", "plugin", "check", "acme", "--lang", "en")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "Plugin 'acme' passed the check." in checked.stdout
    assert "NOTE" not in checked.stdout  # short names and English texts: all there

    tests = run("-m", "pytest", "-p", "no:cacheprovider", cwd=made.folder)
    summary = tests.stdout.strip().splitlines()[-1]
    expected = 5 if model_only else 6
    assert tests.returncode == 0, tests.stdout + tests.stderr
    assert re.fullmatch(rf"=+ {expected} passed in [\d.]+s =+", summary), summary
