"""Security: safe XML parsing, no code from user data, plugin allow list, resource limits."""

from __future__ import annotations

import ast
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import CORPUS, ROOT, TINY

import mognad_core as mognad
from mognad_core.readers import read_table
from mognad_core.readers.limits import Limits, current_limits, use_limits
from mognad_core.responses import load_mapping
from mognad_core.targets import parse_target

PACKAGES = [
    ROOT / "mognad_core",
    ROOT / "excel" / "mognad_excel",
    *sorted((ROOT / "plugins").glob("*/mognad_*")),
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_corpus", CORPUS / "make_corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    out = tmp_path_factory.mktemp("corpus")
    module.build(out)
    return out


# ---- XML ---------------------------------------------------------------------------------
def test_openpyxl_parses_with_defusedxml():
    import defusedxml.ElementTree
    import openpyxl
    import openpyxl.xml.functions as fx

    assert openpyxl.DEFUSEDXML is True
    # worksheets and shared strings are streamed with iterparse: defusedxml's
    assert fx.iterparse is defusedxml.ElementTree.iterparse
    # the other parts: defusedxml's fromstring, or lxml's with entity resolution switched off
    hostile = b'<!DOCTYPE x [<!ENTITY e "EXPANDED">]><x>&e;</x>'
    try:
        node = fx.fromstring(hostile)
    except Exception as exc:  # defusedxml refuses outright
        assert type(exc).__name__ == "EntitiesForbidden"
    else:
        assert openpyxl.LXML and b"EXPANDED" not in fx.tostring(node)


@pytest.mark.parametrize(
    "name", ["billion_laughs_sheet.xlsx", "billion_laughs_shared_strings.xlsx"]
)
def test_openpyxl_alone_refuses_entity_expansion(corpus, name):
    """Even without mognad's own check, openpyxl (through defusedxml) never expands entities."""
    import openpyxl
    from defusedxml import EntitiesForbidden

    with pytest.raises(Exception) as err:
        wb = openpyxl.load_workbook(corpus / name, read_only=True, data_only=True)
        [list(r) for r in wb.worksheets[0].iter_rows(values_only=True)]
    assert isinstance(err.value.__context__, EntitiesForbidden) or isinstance(
        err.value, EntitiesForbidden
    )


CALAMINE_BOUNDED = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, (1024 * 1024 * 1024, 1024 * 1024 * 1024))
import python_calamine
try:
    wb = python_calamine.CalamineWorkbook.from_path(sys.argv[1])
    rows = wb.get_sheet_by_index(0).to_python()
except Exception as exc:
    print("refused:", type(exc).__name__, exc)
else:
    print("read:", max(len(str(v)) for row in rows for v in row))
"""


@pytest.mark.parametrize(
    "name", ["billion_laughs_sheet.xlsx", "billion_laughs_shared_strings.xlsx"]
)
def test_calamine_alone_does_not_expand_entities(corpus, name):
    """calamine (quick-xml) has no DTD support: the entity is refused, not expanded. Run with
    1 GB of address space, where a billion laughs (3 GB) could never fit."""
    out = subprocess.run(
        [sys.executable, "-c", CALAMINE_BOUNDED, str(corpus / name)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.strip() == "refused: XmlError at 0..0: unrecognized entity `&lol9;`"


def test_entity_check_runs_for_both_engines_before_the_parsers(corpus, monkeypatch):
    """mognad refuses a DOCTYPE itself, so a message is clear whatever parser is installed."""
    import openpyxl

    from mognad_core.readers.excel import ExcelReader

    def boom(*args, **kwargs):
        raise AssertionError("openpyxl was asked to parse a hostile workbook")

    monkeypatch.setattr(openpyxl, "load_workbook", boom)
    with pytest.raises(mognad.InputError, match=r"xl/workbook\.xml.*external-entity attack"):
        ExcelReader("openpyxl").read(corpus / "external_entity.xlsx")


# ---- no code from user data -----------------------------------------------------------------
FORBIDDEN_CALLS = {
    "eval",
    "exec",
    "compile",
    "__import__",
    "pickle.load",
    "pickle.loads",
    "pickle.Unpickler",
    "marshal.load",
    "marshal.loads",
    "shelve.open",
    "yaml.load",
    "yaml.unsafe_load",
    "yaml.full_load",
    "os.system",
    "os.popen",
}


def _dotted(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{_dotted(node.value)}.{node.attr}"
    return ""


def _calls(path: Path) -> list[tuple[str, int]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = _dotted(node.func)
            shell = any(
                k.arg == "shell" and isinstance(k.value, ast.Constant) and k.value.value
                for k in node.keywords
            )
            if shell:
                found.append(("a call with shell=True", node.lineno))
            elif name in FORBIDDEN_CALLS:
                found.append((name, node.lineno))
    return found


def test_no_eval_pickle_or_unsafe_yaml_in_the_source():
    files = [f for pkg in PACKAGES for f in pkg.rglob("*.py")]
    assert len(files) > 30
    offenders = [f"{f.relative_to(ROOT)}:{line} {name}" for f in files for name, line in _calls(f)]
    assert offenders == []


def test_the_scan_finds_what_it_looks_for(tmp_path):
    """The source scan above must be able to fail."""
    bad = tmp_path / "bad.py"
    bad.write_text(
        "import pickle, yaml, subprocess\n"
        "pickle.loads(b'')\nyaml.load('x')\neval('1')\nsubprocess.run('ls', shell=True)\n"
    )
    assert [n for n, _ in _calls(bad)] == [
        "pickle.loads",
        "yaml.load",
        "eval",
        "a call with shell=True",
    ]


def test_model_mapping_and_target_files_cannot_run_code(tmp_path, monkeypatch, tiny_model):
    import os

    ran = []
    monkeypatch.setattr(os, "system", lambda cmd: ran.append(cmd) or 0)
    tag = '!!python/object/apply:os.system ["echo pwned"]'
    with pytest.raises(mognad.ModelError):
        mognad.load_model_file(CORPUS / "hand" / "model_runs_code.yaml")
    mapping = tmp_path / "mapping.yaml"
    mapping.write_text(f"a1: {tag}\n", encoding="utf-8")
    with pytest.raises(mognad.InputError, match="cannot be parsed"):
        load_mapping(mapping)
    target = tmp_path / "mal.yaml"
    target.write_text(f"A: {tag}\n", encoding="utf-8")
    with pytest.raises(mognad.MognadError):
        parse_target(str(target), tiny_model)
    assert ran == []


# ---- plugins --------------------------------------------------------------------------------
def _install(tmp_path: Path, monkeypatch, marker: Path) -> None:
    source = f"""
        from pathlib import Path
        Path({str(marker)!r}).write_text("imported")
    """
    site = tmp_path / "site"
    site.mkdir()
    (site / "mognad_marker_plugin.py").write_text(textwrap.dedent(source), encoding="utf-8")
    info = site / "marker_dist-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: marker-dist\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[mognad]\nmarker = mognad_marker_plugin\n")
    monkeypatch.syspath_prepend(str(site))
    sys.modules.pop("mognad_marker_plugin", None)


@pytest.mark.parametrize(
    ("env", "value", "imported"),
    [
        (None, None, True),
        ("MOGNAD_ALLOW_PLUGINS", "", False),
        ("MOGNAD_ALLOW_PLUGINS", "dmm, other", False),
        ("MOGNAD_ALLOW_PLUGINS", "marker", True),
        ("MOGNAD_BLOCK_PLUGINS", "marker", False),
    ],
)
def test_plugins_outside_the_allow_list_are_never_imported(
    tmp_path, monkeypatch, env, value, imported
):
    """Not registering is not enough: a plugin's module code must not even run."""
    marker = tmp_path / "imported.txt"
    _install(tmp_path, monkeypatch, marker)
    if env:
        monkeypatch.setenv(env, value)
    mognad.reset_plugins()
    mognad.list_models()
    assert marker.exists() is imported
    assert {"dimios", "dmm"} <= {m.name for m in mognad.list_models()}
    sys.modules.pop("mognad_marker_plugin", None)


# ---- resource limits ------------------------------------------------------------------------
def test_limit_defaults_and_environment(monkeypatch):
    assert current_limits() == Limits(
        max_file_mb=100, max_rows=250_000, max_uncompressed_mb=512, max_compression_ratio=100
    )
    monkeypatch.setenv("MOGNAD_MAX_ROWS", "1_000_000")
    monkeypatch.setenv("MOGNAD_MAX_COMPRESSION_RATIO", "0")
    assert current_limits().max_rows == 1_000_000
    assert current_limits().max_compression_ratio == 0
    monkeypatch.setenv("MOGNAD_MAX_FILE_MB", "-3")
    with pytest.raises(mognad.InputError, match=r"MOGNAD_MAX_FILE_MB='-3' is not a number"):
        current_limits()


def test_limits_in_python_override_the_environment(corpus, monkeypatch):
    monkeypatch.setenv("MOGNAD_MAX_ROWS", "2")
    path = corpus / "svar.xlsx"
    with pytest.raises(mognad.InputError, match="used range is A1:F5, 5 rows, more than the limit"):
        read_table(path)
    assert read_table(path, limits=Limits(max_rows=5)).frame.shape == (4, 6)
    with use_limits(max_rows=10):
        assert mognad.score(path, TINY, insights=False, min_size=1).n_respondents == 4
    with pytest.raises(TypeError, match="unknown limit 'rows'"), use_limits(rows=3):
        pass


def test_a_switched_off_check_lets_a_file_through(corpus):
    """The ratio bomb is 200 MB of spaces around a good table: with the ratio check off (and
    the size limit above 200 MB) it is streamed, checked and read like any workbook."""
    with use_limits(max_compression_ratio=0):
        table = read_table(corpus / "zip_bomb_ratio.xlsx")
    assert table.frame.shape == (4, 6)


def test_csv_limits(corpus, tmp_path):
    path = corpus / "too_many_rows.csv"
    assert read_table(path).frame.shape == (10, 6)
    with pytest.raises(mognad.InputError, match=r"has 11 lines, more than the limit of 10 rows"):
        read_table(path, limits=Limits(max_rows=10))
