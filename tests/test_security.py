"""Security: safe XML parsing, no code from user data, plugin allow list, resource limits."""

from __future__ import annotations

import ast
import hashlib
import struct
import subprocess
import sys
import textwrap
import unicodedata
import zipfile
from pathlib import Path

import pytest
from conftest import CORPUS, ROOT, TINY
from test_text_encodings import _shared_strings_workbook

import mognad_core as mognad
from mognad_core.readers import read_table
from mognad_core.readers.excel import ExcelReader
from mognad_core.readers.limits import (
    CHUNK,
    MAX_CELLS_NOTED,
    Limits,
    current_limits,
    scan_sheet,
    use_limits,
    used_rows,
)
from mognad_core.responses import load_mapping
from mognad_core.targets import parse_target
from mognad_core.texts import words

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


# ---- far cells: calamine reads a sheet into one dense range up to its farthest cell ----------
FAR = [
    "far_cell_dimension_lies.xlsx",
    "far_cells_wide_dimension.xlsx",
    "far_cell_in_another_row.xlsx",
    "far_cell_namespaced.xlsx",
    "far_cells_without_reference.xlsx",
]
READ_WITH_BOTH_ENGINES = """
import sys
from pathlib import Path
from mognad_core.errors import InputError
from mognad_core.readers.excel import ExcelReader
for engine in ("calamine", "openpyxl"):
    try:
        table = ExcelReader(engine).read(Path(sys.argv[1]))
        print(engine, "read", table.frame.shape)
    except InputError as err:
        print(engine, err.text("sv"))
        print(engine, err.text("en"))
"""


def _read_in_own_process(path: Path) -> list[str]:
    """Both engines read ``path`` in a process of their own: an abort (calamine's "memory
    allocation of ... failed", exit 134) fails the test instead of taking pytest down."""
    out = subprocess.run(
        [sys.executable, "-c", READ_WITH_BOTH_ENGINES, str(path)],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=ROOT,
    )
    assert out.returncode == 0, out.stderr[-3000:]
    return out.stdout.splitlines()


@pytest.mark.parametrize("name", FAR)
def test_far_cells_are_refused_with_a_located_message_by_both_engines(corpus, name):
    sv_calamine, en_calamine, sv_openpyxl, en_openpyxl = _read_in_own_process(corpus / name)
    assert sv_calamine.removeprefix("calamine ") == sv_openpyxl.removeprefix("openpyxl ")
    assert en_calamine.removeprefix("calamine ") == en_openpyxl.removeprefix("openpyxl ")
    sv, en = sv_calamine.removeprefix("calamine "), en_calamine.removeprefix("calamine ")
    assert en.startswith(f'{name}, sheet "Svar": ') and "(checked before reading" in en
    assert sv.startswith(f'{name}, blad "Svar": ') and "(kontrollerat före läsningen" in sv
    variable = "MOGNAD_MAX_CELLS" if "cells" in en.split(". Expected")[0] else "MOGNAD_MAX_ROWS"
    assert en.endswith(f"raise the limit with the environment variable {variable}.")
    assert sv.endswith(f"höj gränsen med miljövariabeln {variable}.")
    assert "\u00a0000 " in sv and ",000 " in en  # 250 000 / 250,000: numbers as each writes them


def test_the_reported_workbook_exits_2_in_swedish_not_134(tmp_path):
    """The file of the report: openpyxl writes A1, A2 and XFD1048576; the dimension is then
    rewritten to A1:A2 (a lie). `mognad score` aborted with "memory allocation of
    549755813888 bytes failed"."""
    import zipfile

    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"], ws["A2"], ws["XFD1048576"] = "f11", 3, 1
    wb.save(tmp_path / "big.xlsx")
    with (
        zipfile.ZipFile(tmp_path / "big.xlsx") as src,
        zipfile.ZipFile(tmp_path / "lie.xlsx", "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                assert b'<dimension ref="A1:XFD1048576"/>' in data
                data = data.replace(b'ref="A1:XFD1048576"', b'ref="A1:A2"')
            dst.writestr(info, data)
    mognad_cli = Path(sys.executable).with_name("mognad")
    for name, start, problem in (  # both in the command's language (Swedish by default)
        (
            "big.xlsx",
            'Fel: big.xlsx, blad "Sheet": ',
            "bladets använda område är A1:XFD1048576, 1\u00a0048\u00a0576 rader, fler än gränsen",
        ),
        (
            "lie.xlsx",
            'Fel: lie.xlsx, blad "Sheet": ',
            "cellreferensen XFD1048576 i bladets XML ligger på rad 1\u00a0048\u00a0576",
        ),
    ):
        out = subprocess.run(
            [str(mognad_cli), "score", name, "--model", "dimios"],
            capture_output=True,
            text=True,
            timeout=300,
            cwd=tmp_path,
        )
        assert out.returncode == 2, out.stderr[-3000:]
        assert out.stdout == "" and "Traceback" not in out.stderr
        assert out.stderr.strip().splitlines()[-1].startswith(start)
        assert problem in out.stderr


def _sheet_file(path: Path, rows: bytes, dimension: bytes = b"A1:B2", root: bytes = b"") -> Path:
    """A workbook of one sheet whose <sheetData> is ``rows`` (root: the worksheet's prefix)."""
    import zipfile

    ns = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = b"http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    x = root + b":" if root else b""
    xmlns = b"xmlns:" + root if root else b"xmlns"
    sheet = (
        b'<?xml version="1.0" encoding="UTF-8"?>\n<%sworksheet %s="%s"><%sdimension ref="%s"/>'
        b"<%ssheetData>%s</%ssheetData></%sworksheet>" % (x, xmlns, ns, x, dimension, x, rows, x, x)
    )
    parts = {
        "[Content_Types].xml": b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats'
        b'.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd'
        b'.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="applic'
        b'ation/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlf'
        b'ormats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets'
        b'/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.w'
        b'orksheet+xml"/></Types>',
        "_rels/.rels": b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.'
        b'org/package/2006/relationships"><Relationship Id="rId1" Type="' + rel + b"/officeDocumen"
        b't" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": b'<?xml version="1.0"?><workbook xmlns="'
        + ns
        + b'" xmlns:r="'
        + rel
        + b'"><sheets><sheet name="Svar" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": b'<?xml version="1.0"?><Relationships xmlns="http://schemas'
        b'.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="'
        + rel
        + b'/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": sheet,
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return path


def _cells(refs: list[bytes], row: bytes = b"1") -> bytes:
    cells = b"".join(b'<c r="%s"><v>1</v></c>' % ref for ref in refs)
    return b'<row r="%s"><c r="A1" t="inlineStr"><is><t>f11</t></is></c>%s</row>' % (row, cells)


# every way a cell may reach far, each in a sheet whose other cells are A1..B2
REACHING_FAR = {
    "a cell at XFD1048576": _cells([b"XFD1048576"]),
    "lower-case letters": _cells([b"xfd200000"]),
    "single quotes": b"<row r='1'><c r='A1'><v>1</v></c><c r='CZ250001'><v>1</v></c></row>",
    "spaces around =": b'<row r="1"><c r = "A300000"><v>1</v></c></row>',
    "r after another attribute": b'<row r="1"><c s="0" r="ZZ100000"><v>1</v></c></row>',
    "four letters": _cells([b"AAAA9"]) + _cells([b"A10000"], b"10000"),
    "a column past CZ, rows from another piece": _cells([b"DA1"])
    + b"".join(_cells([b"B%d" % r], b"%d" % r) for r in range(2, 300_000, 997)),
    "a row number of eight digits": _cells([b"A12345678"]),
    "cells without r after a far column": b'<row r="150000"><c r="CZ150000"><v>1</v></c>'
    + b"<c><v>1</v></c>" * 80
    + b"</row>",
    "rows without r": b'<row r="190000"><c r="A190000"><v>1</v></c></row>'
    + b"<row/>" * 70_000
    + b"<row><c/><c><v>1</v></c></row>",
}


@pytest.mark.parametrize("how", REACHING_FAR)
def test_every_way_of_reaching_far_is_found_before_reading(tmp_path, how):
    from mognad_core.readers.limits import scan_sheet

    path = _sheet_file(tmp_path / "far.xlsx", REACHING_FAR[how])
    with pytest.raises(mognad.InputError, match=r"MOGNAD_MAX_(ROWS|CELLS)\.$") as err:
        scan_sheet(path, "xl/worksheets/sheet1.xml", Limits(), "Svar")
    assert str(err.value).startswith('far.xlsx, sheet "Svar": ')
    assert err.value.translatable()  # in Swedish too


def test_namespaced_sheets_and_far_limits_that_are_raised(tmp_path):
    from mognad_core.readers.limits import scan_sheet

    rows = b'<x:row r="1"><x:c r="XFD1"><x:v>1</x:v></x:c></x:row>'
    path = _sheet_file(tmp_path / "ns.xlsx", rows, root=b"x")
    with pytest.raises(mognad.InputError, match=r"span A1:XFD1, 1 rows × 16,384 columns"):
        scan_sheet(path, "xl/worksheets/sheet1.xml", Limits(max_cells=16_383), "Svar")
    scan_sheet(path, "xl/worksheets/sheet1.xml", Limits(max_cells=16_384), "Svar")
    with use_limits(max_cells=0):  # 0 turns the check off
        scan_sheet(path, "xl/worksheets/sheet1.xml", current_limits(), "Svar")


def test_max_cells_from_the_environment(monkeypatch, tmp_path):
    rows = (
        b'<row r="1"><c r="A1" t="inlineStr"><is><t>f11</t></is></c>'
        b'<c r="B1" t="inlineStr"><is><t>f12</t></is></c></row>'
        b'<row r="2"><c r="A2"><v>3</v></c><c r="B2"><v>4</v></c></row>'
    )
    path = _sheet_file(tmp_path / "wide.xlsx", rows, dimension=b"A1:Z9")
    assert current_limits().max_cells == 26_000_000
    monkeypatch.setenv("MOGNAD_MAX_CELLS", "100")
    with pytest.raises(mognad.InputError, match=r"A1:Z9, 9 rows × 26 columns = 234 cells, more"):
        read_table(path)
    monkeypatch.setenv("MOGNAD_MAX_CELLS", "234")
    assert read_table(path).frame.shape == (1, 2)


def test_sheets_near_the_limits_still_read(tmp_path):
    """What the fast search lets through, and what it sends for a closer look, in real sizes:
    100,000 rows x 6 columns (read, in a process of its own), 240,000 rows (rows past 200,000
    are looked at exactly) and 300 columns (past CZ)."""
    from mognad_core.readers.limits import scan_sheet

    def rows(count: int, cols: int) -> bytes:
        from mognad_core.errors import column_letter

        letters = [column_letter(c).encode() for c in range(cols)]
        head = b"".join(
            b'<c r="%s1" t="inlineStr"><is><t>f%d</t></is></c>' % (c, i + 11)
            for i, c in enumerate(letters)
        )
        body = [b'<row r="1">' + head + b"</row>"]
        for r in range(2, count + 1):
            cells = b"".join(b'<c r="%s%d"><v>%d</v></c>' % (c, r, 1 + r % 5) for c in letters)
            body.append(b'<row r="%d">%s</row>' % (r, cells))
        return b"".join(body)

    big = _sheet_file(tmp_path / "big.xlsx", rows(100_001, 6), dimension=b"A1:F100001")
    assert _read_in_own_process(big) == [
        "calamine read (100000, 6)",
        "openpyxl read (100000, 6)",
    ]
    longest = _sheet_file(tmp_path / "long.xlsx", rows(240_000, 2), dimension=b"A1:B2")
    info = scan_sheet(longest, "xl/worksheets/sheet1.xml", Limits(), "Svar")
    assert info.rows == 240_000
    gaps = b"".join(_cells([b"B%d" % r], b"%d" % r) for r in range(10, 240_001, 10))
    sparse = _sheet_file(tmp_path / "sparse.xlsx", gaps)  # 24,000 rows, numbered 10 apart
    with pytest.raises(mognad.InputError, match=r"reference B240000 .* row 240,000, more than"):
        scan_sheet(sparse, "xl/worksheets/sheet1.xml", Limits(max_rows=239_999), "Svar")
    wide = _sheet_file(tmp_path / "wide.xlsx", rows(300, 300), dimension=b"A1:B2")
    assert scan_sheet(wide, "xl/worksheets/sheet1.xml", Limits(), "Svar").rows == 300
    with pytest.raises(
        mognad.InputError,
        match=r"reference A300 .* span A1:KN300, 300 rows × 300 columns = 90,000 cells",
    ):
        scan_sheet(wide, "xl/worksheets/sheet1.xml", Limits(max_cells=89_999), "Svar")


# ---- found by mutation testing (docs/quality.md, readers/limits.py) -------------------------
def _refusal(path: Path, limits: Limits) -> tuple[str, str]:
    from mognad_core.readers.limits import scan_sheet

    with pytest.raises(mognad.InputError) as err:
        scan_sheet(path, "xl/worksheets/sheet1.xml", limits, "Svar")
    return err.value.text("en"), err.value.text("sv")


def test_an_attribute_that_only_begins_with_r_is_no_reference(tmp_path):
    """`<c rr="1">` (or `r:x`, `ref`) is a cell without a reference: calamine puts it in the
    next column. The fast count took "<c r" for a reference, so 20,000 of them after A199999
    were let through and calamine asked for 128 GB and aborted (exit 134). Both engines now get
    a located refusal; read in a process of its own, as an abort would end pytest."""
    for attr in (b"rr", b"r:x", b"ref"):
        rows = (
            b'<row r="1"><c r="A1"><v>1</v></c></row><row r="199999"><c r="A199999"><v>1</v></c>'
            + b'<c %s="1"><v>1</v></c>' % attr * 20_000
            + b"</row>"
        )
        path = _sheet_file(tmp_path / "rr.xlsx", rows)
        en, sv = _refusal(path, Limits())
        assert en == (
            'rr.xlsx, sheet "Svar": a cell without a reference, which lands in EA199999, in the '
            "sheet's XML makes its cells span A1:EA199999, 199,999 rows × 131 columns = "
            "26,199,869 cells, more than the limit of 26,000,000 cells (checked before reading: "
            "the whole range is read into memory). Expected at most 26,000,000 cells from A1 to "
            "the last used cell (delete empty or unused rows and columns at the bottom and on the "
            "right); if the file is genuine, raise the limit with the environment variable "
            "MOGNAD_MAX_CELLS."
        ), attr
        assert sv.startswith('rr.xlsx, blad "Svar": en cell utan referens, som hamnar i EA199999,')
    sv_calamine, en_calamine, sv_openpyxl, en_openpyxl = _read_in_own_process(path)
    assert en_calamine == f"calamine {en}" and en_openpyxl == f"openpyxl {en}"
    assert sv_calamine == f"calamine {sv}" and sv_openpyxl == f"openpyxl {sv}"


def test_cells_and_rows_without_references_are_placed_as_calamine_places_them(tmp_path):
    """Rows without r are rows 1, 2, 3; a cell without r takes the next column of its row, and
    a cell before any row lands in A1 (calamine: [[7.0]]). The exact reading must agree to the
    cell: exactly at the limit is read, one cell less is refused, naming the cell."""
    from mognad_core.readers.limits import scan_sheet

    rows = b"<row><c><v>1</v></c><c><v>2</v></c></row>" * 3
    path = _sheet_file(tmp_path / "norefs.xlsx", rows)
    scan_sheet(path, "xl/worksheets/sheet1.xml", Limits(max_cells=6), "Svar")
    en, _ = _refusal(path, Limits(max_cells=5))
    assert "which lands in A3, in the sheet's XML makes its cells span A1:B3, 3 rows × 2 " in en
    alone = _sheet_file(tmp_path / "alone.xlsx", b"<c><v>7</v></c>", dimension=b"A1")
    scan_sheet(alone, "xl/worksheets/sheet1.xml", Limits(max_cells=1), "Svar")


def test_limits_below_what_the_fast_search_settles_read_the_sheet_exactly(tmp_path, monkeypatch):
    """The fast search settles row 199,999 and column CZ at most; lower limits (or a limit
    switched off) must still be checked cell by cell, and a sheet with nothing far or
    unreferenced is never read a second time under the default limits (docs/robustness.md)."""
    from mognad_core.readers import limits as lim

    near = _sheet_file(tmp_path / "near.xlsx", _cells([b"C2000"], b"2000"))
    sheet = "xl/worksheets/sheet1.xml"
    en, _ = _refusal(near, Limits(max_rows=1_999))
    assert "the cell reference C2000 in the sheet's XML is in row 2,000, more than the limit " in en
    en, _ = _refusal(near, Limits(max_cells=5_999))
    assert "reference C2000 in the sheet's XML makes its cells span A1:C2000, 2,000 rows × 3 " in en
    lim.scan_sheet(near, sheet, Limits(max_rows=2_000, max_cells=6_000), "Svar")
    far = _sheet_file(tmp_path / "far.xlsx", _cells([b"XFD1048576"]))
    lim.scan_sheet(far, sheet, Limits(max_rows=0, max_cells=0), "Svar")  # both checks off
    en, _ = _refusal(far, Limits(max_rows=0))
    assert "span A1:XFD1048576, 1,048,576 rows × 16,384 columns = 17,179,869,184 cells" in en
    en, _ = _refusal(far, Limits(max_cells=0))
    assert "reference XFD1048576 in the sheet's XML is in row 1,048,576, more than the limit " in en

    exact = []
    real = lim._FarCells.exact
    ordinary = _sheet_file(
        tmp_path / "ordinary.xlsx",
        b'<row r="1"><c r="A1" t="inlineStr"><is><t>8c r</t></is></c><c r="CZ1"><v>1</v>'
        b"</c></row>" + _cells([b"CZ199999"], b"199999"),
    )

    def recorded(self, *args):
        exact.append(self.limits)
        return real(self, *args)

    monkeypatch.setattr(lim._FarCells, "exact", recorded)
    for limits in (Limits(), Limits(max_rows=199_999), Limits(max_cells=199_999 * 104)):
        lim.scan_sheet(ordinary, sheet, limits, "Svar")
    assert exact == []  # "8c r" in a text is no cell tag either
    with pytest.raises(mognad.InputError, match="row 199,999, more than the limit of 199,998"):
        lim.scan_sheet(ordinary, sheet, Limits(max_rows=199_998), "Svar")
    assert exact == [Limits(max_rows=199_998)]


def test_xml_that_is_not_well_formed_is_refused_naming_where_it_breaks(tmp_path):
    """Read in this process (the corpus case runs the command): the second r of a cell (line 2,
    character 134 of the sheet's XML) and a comment never closed (character 145, found only at
    the end of the part). A reference that is no reference (r="Å1": calamine refuses the sheet
    itself) is passed over, not a crash."""
    from mognad_core.readers.limits import scan_sheet

    two = _sheet_file(
        tmp_path / "two.xlsx", b'<row r="1"><c r="B6" r="XFD1048576"><v>1</v></c></row>'
    )
    assert _refusal(two, Limits()) == (
        'two.xlsx, sheet "Svar": the sheet\'s XML is not well-formed (line 2, character 134 of '
        "the XML text, for example an attribute twice in one element), so how far its cells "
        "reach cannot be told before it is read. Expected a workbook saved by Excel, LibreOffice "
        "or a survey tool.",
        'two.xlsx, blad "Svar": bladets XML är inte välformad (rad 2, tecken 134 i XML-texten, '
        "till exempel ett attribut två gånger i samma element), så hur långt dess celler når går "
        "inte att avgöra innan den läses. Förväntat: en arbetsbok sparad av Excel, LibreOffice "
        "eller ett enkätverktyg.",
    )
    cut = _sheet_file(tmp_path / "cut.xlsx", b'<row r="1"><c><v>1</v></c></row><!--')
    assert "(line 2, character 145 of the XML text," in _refusal(cut, Limits())[0]
    odd = _sheet_file(tmp_path / "odd.xlsx", '<row r="1"><c r="Å1"><v>1</v></c></row>'.encode())
    assert scan_sheet(odd, "xl/worksheets/sheet1.xml", Limits(), "Svar").rows == 1


def test_a_used_range_over_max_cells_is_refused_with_its_numbers(tmp_path):
    """The used range counted from A1, with "$" in it or as one cell; 234 cells pass at 234."""
    from mognad_core.readers.limits import scan_sheet

    dollars = _sheet_file(tmp_path / "dollars.xlsx", _cells([]), dimension=b"$A$1:$Z$9")
    assert _refusal(dollars, Limits(max_cells=233)) == (
        'dollars.xlsx, sheet "Svar": the sheet\'s used range is $A$1:$Z$9, 9 rows × 26 columns '
        "= 234 cells, more than the limit of 233 cells (checked before reading). Expected at "
        "most 233 cells from A1 to the last used cell (delete empty or unused rows and columns "
        "at the bottom and on the right); if the file is genuine, raise the limit with the "
        "environment variable MOGNAD_MAX_CELLS.",
        'dollars.xlsx, blad "Svar": bladets använda område är $A$1:$Z$9, 9 rader × 26 kolumner '
        "= 234 celler, fler än gränsen på 233 celler (kontrollerat före läsningen). Förväntat: "
        "högst 233 celler från A1 till den sista använda cellen (ta bort tomma eller oanvända "
        "rader och kolumner längst ned och till höger); om filen är äkta, höj gränsen med "
        "miljövariabeln MOGNAD_MAX_CELLS.",
    )
    single = _sheet_file(tmp_path / "single.xlsx", _cells([]), dimension=b"Z9")
    en, _ = _refusal(single, Limits(max_cells=233))
    assert "used range is Z9, 9 rows × 26 columns = 234 cells, more than the limit of 233" in en
    for path in (dollars, single):
        scan_sheet(path, "xl/worksheets/sheet1.xml", Limits(max_cells=234), "Svar")


# what the fast search says of a piece of sheet XML: (may reach far, may hold a cell without a
# reference, row end tags); each case on one side of a boundary the search draws
SUSPECT = [
    (b'<c r="A199999"><v>1</v></c>', (False, False, 0)),
    (b'<c r="A200000"><v>1</v></c>', (True, False, 0)),
    (b'<c r="A099999"><v>1</v></c>', (False, False, 0)),
    (b'<c r="A1000000"><v>1</v></c>', (True, False, 0)),
    (b"<c r='A200000'><v>1</v></c>", (True, False, 0)),
    (b'<c r="CZ1"><v>1</v></c>', (False, False, 0)),
    (b'<c r="DA1"><v>1</v></c>', (True, False, 0)),
    (b'<c r="AA1"><v>1</v></c>', (False, False, 0)),
    (b'<c r="AAA1"><v>1</v></c>', (True, False, 0)),
    (b'<c r="ZZ1"><v>1</v></c>', (True, False, 0)),
    (b'<c r="da1"><v>1</v></c>', (True, False, 0)),
    (b'<c s="1" r="A1"><v>1</v></c>', (False, True, 0)),
    (b'<x:c r="A1"><x:v>1</x:v></x:c></x:row>', (False, True, 1)),
    (b"<c><v>1</v></c></row><row>", (False, True, 1)),  # a bare <row> ends no row
    (b'<c rr="1"><v>1</v></c>', (False, True, 0)),
    (b'<c r="A1"/>     ', (False, False, 0)),
    (b'<row r="1" spans="1:99999">', (False, False, 0)),
    (b'<x:c r="A1"/><x:c r="B1"/>', (False, False, 0)),
    (b"<v>199999</v><v>20000</v>", (False, False, 0)),
    (b"<v>2000000</v></row></row>", (False, False, 2)),
    (b"<c/>", (True, True, None)),
    (b"          ", (False, False, None)),
    (b'<c r="B9"/>', (True, True, None)),
    (b'<c r="A1"></c><col/>', (False, True, 0)),
]


@pytest.mark.parametrize(("body", "found"), SUSPECT)
def test_the_fast_search_draws_its_lines_where_the_docstring_says(body, found):
    """Rows from 200,000 (six digits, the first 2-9, or seven) before a quote, columns past CZ
    (three letters, or a quote and D-Z), lower case as calamine reads it; a cell tag not
    followed by ' r=' (``rr``, an attribute before r, a bare ``<c>``; a closing ``</x:c>`` too,
    so a namespaced sheet is read exactly); a piece under 16 bytes is suspect unless blank."""
    from mognad_core.errors import Location
    from mognad_core.readers.limits import _FarCells

    assert _FarCells(Limits(), Location()).suspect(body) == found
    if len(body) >= 16:  # the same three bytes on: another alignment of the 2- and 4-byte views
        assert _FarCells(Limits(), Location()).suspect(b"   " + body) == found


def test_a_reference_before_megabytes_without_a_tag_end_is_still_read(tmp_path):
    """The streamed pass keeps only the last kilobyte of text that goes on for more than 2 MB
    without a ">", so a reference before such text (r="XFD1048576" and then an attribute of
    4 MB) is never searched: the sheet must then be read exactly."""
    rows = b'<row r="1"><c r="XFD1048576" x="' + b"-" * 4_000_000 + b'"><v>1</v></c></row>'
    en, _ = _refusal(_sheet_file(tmp_path / "long.xlsx", rows), Limits())
    assert "the cell reference XFD1048576 in the sheet's XML is in row 1,048,576, more " in en


# ---- what mutation testing found: the survivors that were not equivalent -------------------
def test_a_zip_whose_mimetype_cannot_be_read_is_a_zip_archive(tmp_path):
    """Kills `_not_a_workbook` 6 (``suppress(None)``): a mimetype entry that cannot be read (its
    CRC does not match) ended in a traceback; it only tells an OpenDocument file, so the file is
    then a zip archive like any other."""
    import io
    import zipfile

    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w") as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("content.xml", "<x/>")
    raw = bytearray(packed.getvalue())
    raw[raw.index(b"application/vnd")] = ord("A")  # the CRC no longer matches
    path = tmp_path / "trasig.xlsx"
    path.write_bytes(bytes(raw))
    with pytest.raises(mognad.InputError) as caught:
        read_table(path)
    assert caught.value.text("en") == (
        "trasig.xlsx: the file is a zip archive, not an Excel workbook (it has no "
        "xl/workbook.xml). Expected an Excel workbook (.xlsx): open the file in Excel and save "
        'it as "Excel Workbook (*.xlsx)".'
    )


def test_a_row_of_megabytes_without_a_row_end_is_scanned_as_it_comes(tmp_path):
    """Kills `scan_sheet` 107 (a piece without ``row>`` cut after its third byte instead of
    after its last tag): the rest was carried to the next piece, and past 2 MB dropped unread,
    so the error value in A1 of a row that goes on for 4 MB was never noted."""
    from mognad_core.readers.limits import scan_sheet

    rows = (
        b'<row r="1"><c r="A1" t="e"><v>#DIV/0!</v></c><c r="B1" x="'
        + b"-" * 4_000_000
        + b'"><v>1</v></c></row>'
    )
    path = _sheet_file(tmp_path / "lang.xlsx", rows)
    info = scan_sheet(path, "xl/worksheets/sheet1.xml", Limits(), "Svar")
    assert (info.rows, info.errors) == (1, [(1, 0, "#DIV/0!")])


# ---- found by mutation testing, the second run (limits.py) ----
def test_a_file_over_the_size_limit_is_refused_with_its_size_in_both_languages(tmp_path):
    """The size in a refusal is in KB below 1 MB, in MB with one decimal below 10 MB and
    without from 10 MB; Swedish writes 1 023,4 and 0,5. Kills `_mb` 1, 7-9, `number_words`
    2-4, 13-16 and `_raise_hint` 1-6."""
    path = tmp_path / "svar.csv"
    sizes = {1_048_000: "1,023.4 KB", 1_048_576: "1.0 MB", 1_572_864: "1.5 MB", 10 * 2**20: "10 MB"}
    for size, shown in sizes.items():
        with path.open("wb") as fh:
            fh.truncate(size)  # refused before a byte is read
        with use_limits(max_file_mb=0.5), pytest.raises(mognad.InputError) as err:
            read_table(path)
        assert err.value.text("en") == (
            f"svar.csv: the file is {shown}, more than the limit of 0.5 MB (checked before "
            "reading). Expected a file of at most 0.5 MB; if the file is genuine, raise the limit "
            "with the environment variable MOGNAD_MAX_FILE_MB."
        )
        swedish = shown.replace(",", "\u00a0").replace(".", ",")
        assert err.value.text("sv") == (
            f"svar.csv: filen är {swedish}, mer än gränsen på 0,5 MB (kontrollerat före "
            "läsningen). Förväntat: en fil på högst 0,5 MB; om filen är äkta, höj gränsen med "
            "miljövariabeln MOGNAD_MAX_FILE_MB."
        )


def test_the_lines_of_a_text_file_are_counted_whatever_its_line_ends(tmp_path):
    """Four lines with a lone CR after each (Excel for Mac's CSV) or LF without one after the
    last are four lines: over a limit of 3 rows they are refused, naming 4 lines; at 4 they are
    read. Kills `count_text_rows` 11, 12, 14, 18, 19."""
    path = tmp_path / "svar.csv"
    for raw in (b"a1;a2\r1;2\r3;4\r5;6\r", b"a1;a2\n1;2\n3;4\n5;6"):
        path.write_bytes(raw)
        with use_limits(max_rows=3), pytest.raises(mognad.InputError) as err:
            read_table(path)
        assert err.value.text("en") == (
            "svar.csv: the file has 4 lines, more than the limit of 3 rows (checked before "
            "reading). Expected at most 3 rows (delete empty or unused rows at the bottom); if "
            "the file is genuine, raise the limit with the environment variable MOGNAD_MAX_ROWS."
        )
        assert err.value.text("sv") == (
            "svar.csv: filen har 4 rader, fler än gränsen på 3 rader (kontrollerat före "
            "läsningen). Förväntat: högst 3 rader (ta bort tomma eller oanvända rader längst "
            "ned); om filen är äkta, höj gränsen med miljövariabeln MOGNAD_MAX_ROWS."
        )
        with use_limits(max_rows=4):
            assert read_table(path).frame.shape == (3, 2)


@pytest.mark.parametrize(
    ("part", "en", "sv"),
    [
        (
            "ppt/presentation.xml",
            "a PowerPoint presentation (.pptx)",
            "en PowerPoint-presentation (.pptx)",
        ),
        ("xl/workbook.bin", "a binary Excel workbook (.xlsb)", "en binär Excel-arbetsbok (.xlsb)"),
    ],
)
def test_a_presentation_or_binary_workbook_named_xlsx_is_named_for_what_it_is(
    tmp_path, part, en, sv
):
    """A .pptx or .xlsb saved as .xlsx is refused saying what it is, in both languages. Kills
    `_not_a_workbook` 40, 41, 43-48, 50-53."""
    import zipfile

    path = tmp_path / "svar.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("[Content_Types].xml", "<x/>")
        zf.writestr(part, "<x/>")
    with pytest.raises(mognad.InputError) as err:
        read_table(path)
    assert err.value.text("en") == (
        f"svar.xlsx: the file is {en}, not an Excel workbook (it has no xl/workbook.xml). Expected "
        'an Excel workbook (.xlsx): open the file in Excel and save it as "Excel Workbook '
        '(*.xlsx)".'
    )
    assert err.value.text("sv") == (
        f"svar.xlsx: filen är {sv}, inte en Excel-arbetsbok (den saknar xl/workbook.xml). "
        "Förväntat: en Excel-arbetsbok (.xlsx): öppna filen i Excel och spara den som "
        '"Excel-arbetsbok (*.xlsx)".'
    )


def _book(path: Path, rows: list[list], change=None) -> Path:
    """A workbook of one sheet "Svar" written by openpyxl; ``change(sheet)`` before saving."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Svar"
    for row in rows:
        sheet.append(row)
    if change:
        change(sheet)
    book.save(path)
    return path


def _edit_parts(path: Path, edit) -> Path:
    """The workbook rewritten with ``edit(name, data) -> (name, data)`` for each of its parts."""
    import zipfile

    with zipfile.ZipFile(path) as zf:
        parts = [edit(i.filename, zf.read(i)) for i in zf.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts:
            zf.writestr(name, data)
    return path


@pytest.mark.parametrize("order", ["min first", "max first"])
def test_hidden_columns_are_noted_whichever_order_min_and_max_come_in(tmp_path, order):
    """Columns B:C hidden as one <col min="2" max="3">, or with max written before min (XML
    attributes have no order): both are noted, in both languages. Kills `_collect_hidden` 23-25,
    31, 32."""
    import re

    from mognad_core.texts import words

    def hide(sheet):
        sheet.column_dimensions.group("B", "C", hidden=True)

    path = _book(tmp_path / "svar.xlsx", [["a1", "a2", "a3", "a4"], [1, 2, 3, 4]], hide)
    if order == "max first":
        swap = re.compile(rb'\bmin="(\d+)" max="(\d+)"')
        _edit_parts(path, lambda name, data: (name, swap.sub(rb'max="\2" min="\1"', data)))
    notes = read_table(path).notes
    assert words(notes, "en") == [
        '2 hidden column(s) in sheet "Svar" (B ("a2"), C ("a3")) were read like the others.'
    ]
    assert words(notes, "sv") == [
        '2 dold(a) kolumn(er) i bladet "Svar" (B ("a2"), C ("a3")) lästes som de andra.'
    ]


def test_cells_formatted_as_a_percentage_are_found_whatever_the_format(tmp_path):
    """A number in a cell of an own format "0.0%", or of Excel's built-in 0.00% (numFmtId 10,
    not written out in styles.xml), is handed on as a percentage cell; so it is when styles.xml
    has a format without a code beside it, or no namespace (calamine reads both). Kills
    `percent_styles` 3, 4, 9-12, 22, 28-32, 39, 40, 42-45."""
    rows = [["a1", "a2", "a3"], [1, 0.5, 0.25]]

    def own(sheet):
        sheet["B2"].number_format = "0.0%"

    def builtin(sheet):
        sheet["C2"].number_format = "0.00%"

    assert read_table(_book(tmp_path / "own.xlsx", rows, own)).percent_cells == [(2, 1)]
    assert read_table(_book(tmp_path / "builtin.xlsx", rows, builtin)).percent_cells == [(2, 2)]
    no_code = _edit_parts(
        _book(tmp_path / "no_code.xlsx", rows, own),
        lambda name, data: (name, data.replace(b"<numFmt ", b'<numFmt numFmtId="163"/><numFmt ')),
    )
    assert read_table(no_code).percent_cells == [(2, 1)]
    ns = b' xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    plain = _edit_parts(
        _book(tmp_path / "plain.xlsx", rows, own),
        lambda name, data: (name, data.replace(ns, b"") if name == "xl/styles.xml" else data),
    )
    assert read_table(plain).percent_cells == [(2, 1)]


def _merge_cells(path: Path, ref: bytes) -> Path:
    """``ref`` merged in the sheet's XML (openpyxl's merge_cells would blank the other cells)."""
    merged = b'</sheetData><mergeCells count="1"><mergeCell ref="%s"/></mergeCells>' % ref
    return _edit_parts(
        path,
        lambda name, data: (
            name,
            data.replace(b"</sheetData>", merged) if name == "xl/worksheets/sheet1.xml" else data,
        ),
    )


def test_a_merge_is_placed_by_both_its_cells_or_by_its_one_cell(tmp_path):
    """C2:C3 takes in the header in row 3 under a title and is refused; a merge written as one
    cell (B3) lies below the header and is noted, not taken for a merge from row 0. Kills
    `merged_range` 3, 4, 9."""
    from mognad_core.texts import words

    titled = [["Enkät 2025"], [], ["a1", "a2", "roll"], [1, 2, "Chef"], [3, 4, "Chef"]]
    path = _merge_cells(_book(tmp_path / "svar.xlsx", titled), b"C2:C3")
    with pytest.raises(mognad.InputError) as err:
        read_table(path)
    assert err.value.text("en").startswith(
        'svar.xlsx, sheet "Svar", row 3, column C ("roll"): the header cells C2:C3 are merged.'
    )
    assert err.value.text("sv").startswith(
        'svar.xlsx, blad "Svar", rad 3, kolumn C ("roll"): rubrikcellerna C2:C3 är sammanfogade.'
    )
    rows = [["a1", "a2", "a3"], [1, 2, 3], [4, 5, 6]]
    one = _merge_cells(_book(tmp_path / "en.xlsx", rows), b"B3")
    assert words(read_table(one).notes, "en") == [
        'Merged cells in sheet "Svar" (B3): only the first cell of each holds a value; the other '
        "cells were read as blank."
    ]


def _other_sheets_book(path: Path) -> Path:
    """Sheet "Svar" with answers, and sheets "Blad2", "Blad3", "Blad4" holding one cell."""

    def more(sheet):
        for name in ("Blad2", "Blad3", "Blad4"):
            sheet.parent.create_sheet(name)["A1"] = "x"

    return _book(path, [["a1", "a2"], [1, 2], [3, 4]], more)


def test_only_sheets_whose_used_range_says_two_rows_or_does_not_say_are_named(tmp_path):
    """Excel's used range of an empty sheet ("A1") is one row: not a sheet with data; a range
    without row numbers ("", "A:C9") says nothing, so those sheets are named. Kills
    `used_rows` 23, 24, 26, 32."""
    import re

    from mognad_core.texts import words

    dims = {"sheet2.xml": b"A1", "sheet3.xml": b"A:C9", "sheet4.xml": b""}

    def edit(name, data):
        dim = dims.get(name.rpartition("/")[2])
        if dim is None:
            return name, data
        return name, re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="%s"' % dim, data)

    table = read_table(_edit_parts(_other_sheets_book(tmp_path / "svar.xlsx"), edit))
    assert table.other_sheets == ["Blad3", "Blad4"]
    assert words(table.notes, "sv") == [
        'Bara bladet "Svar" lästes; arbetsboken har 2 andra blad med data ("Blad3", "Blad4"). '
        "Finns svaren på flera blad: samla dem i ett blad; läs ett annat blad med --sheet."
    ]


def test_a_damaged_other_sheet_is_refused_naming_its_part(tmp_path):
    """The first sheet is read, but the second, whose used range is looked at for the note on
    other sheets, fails its checksum: a refusal that names the file and the part, in both
    languages, not a traceback. Kills `used_rows` 8-13."""
    import zipfile

    path = _other_sheets_book(tmp_path / "svar.xlsx")
    with zipfile.ZipFile(path) as zf:
        parts = [(i.filename, zf.read(i)) for i in zf.infolist()]
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in parts:
            stored = name == "xl/worksheets/sheet2.xml"  # uncompressed: its bytes can be changed
            zf.writestr(name, data, zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED)
    raw = path.read_bytes()
    at = raw.index(b"<dimension ref=") + 1
    path.write_bytes(raw[:at] + b"D" + raw[at + 1 :])  # its checksum no longer matches
    with pytest.raises(mognad.InputError) as err:
        read_table(path)
    assert err.value.text("en") == (
        'svar.xlsx: the workbook part "xl/worksheets/sheet2.xml" does not match the zip directory '
        "(Bad CRC-32 for file 'xl/worksheets/sheet2.xml'): the file is damaged, or built to hide "
        "its real size. Expected an undamaged workbook (save it again from Excel, or copy it "
        "again)."
    )
    assert err.value.text("sv") == (
        'svar.xlsx: arbetsboksdelen "xl/worksheets/sheet2.xml" stämmer inte med zip-katalogen '
        "(läsarens besked: \"Bad CRC-32 for file 'xl/worksheets/sheet2.xml'\"): filen är skadad, "
        "eller byggd för att dölja sin verkliga storlek. Förväntat: en oskadad arbetsbok (spara "
        "den igen från Excel, eller kopiera den igen)."
    )


HIDDEN_ROW_NOTE = (
    '1 hidden row(s) in sheet "Svar" (row 3), e.g. hidden by a filter, were read and scored like '
    "the other rows; delete them (or copy the visible rows to a new sheet) if they should not "
    "count."
)


def _moved_sheet(path: Path, part: str, target: str, plain: bool = False) -> Path:
    """A workbook whose sheet "Svar" (row 3 hidden) is stored as ``part``, which the workbook's
    relationships name as ``target``; ``plain``: xl/workbook.xml without a namespace."""
    import re

    def hide(sheet):
        sheet.row_dimensions[3].hidden = True

    def edit(name, data):
        if name == "xl/worksheets/sheet1.xml":
            return part, data
        if name == "xl/_rels/workbook.xml.rels":
            written = b'Target="%s"' % target.encode()
            return name, re.sub(rb'Target="[^"]*sheet1.xml"', lambda _: written, data)
        if name == "[Content_Types].xml":
            return name, data.replace(b"/xl/worksheets/sheet1.xml", b"/" + part.encode())
        if name == "xl/workbook.xml" and plain:
            ns = b' xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
            return name, data.replace(ns, b"")
        return name, data

    return _edit_parts(_book(path, [["a1", "a2"], [1, 2], [3, 4], [5, 6]], hide), edit)


@pytest.mark.parametrize(
    ("engine", "part", "target", "plain"),
    [
        ("calamine", "Xdata/s.xml", "/Xdata/s.xml", False),
        ("openpyxl", "xl/data/s.xml", "../xl/data/s.xml", False),
        ("calamine", "xl/data/s.xml", "data/s.xml", True),
    ],
)
def test_a_sheet_stored_elsewhere_is_still_scanned(tmp_path, engine, part, target, plain):
    """The checks and notes follow the sheet wherever the workbook stores it: an absolute
    target, a target through "..", a workbook.xml without a namespace (calamine reads the first
    and the last, openpyxl the second); the hidden row is noted. Kills `_resolve` 5, 10 and
    `_sheet_parts` 40-42."""
    from mognad_core.readers.excel import ExcelReader
    from mognad_core.texts import words

    path = _moved_sheet(tmp_path / "svar.xlsx", part, target, plain)
    assert words(ExcelReader(engine).read(path).notes, "en") == [HIDDEN_ROW_NOTE]


@pytest.mark.parametrize(
    "target", ["Worksheets/Sheet1.xml", "/XL/worksheets/sheet1.xml", "WORKSHEETS/SHEET1.XML"]
)
def test_a_sheet_named_with_other_capitals_is_checked_like_any_other(tmp_path, target):
    """calamine finds a sheet whatever the case of its name, so the checks must
    find the same part: the hidden row is noted, and a sheet longer than the row limit is
    refused before it is read. The checks passed over such a sheet without a word (no note,
    no limit: a far cell made calamine ask for 128 GB and abort)."""
    from mognad_core.texts import words

    path = _moved_sheet(tmp_path / "svar.xlsx", "xl/worksheets/sheet1.xml", target)
    assert words(read_table(path).notes, "en") == [HIDDEN_ROW_NOTE]
    with pytest.raises(mognad.InputError) as err:
        read_table(path, limits=Limits(max_rows=2))
    assert "more than the limit of 2 rows" in err.value.text("en")


def test_odd_relationships_are_read_or_refused_in_words_not_a_traceback(tmp_path):
    """A relationship without a target beside the sheet's is passed over (calamine reads the
    sheet); a sheet without a relationship id, or naming one that is not there, is refused with
    calamine's reason, in both languages. Kills `_sheet_parts` 26, 51, 55."""
    from mognad_core.texts import words

    def hide(sheet):
        sheet.row_dimensions[3].hidden = True

    rows = [["a1", "a2"], [1, 2], [3, 4], [5, 6]]
    stray = b'<Relationship Id="rId9" Type="http://example.org/x"/></Relationships>'
    extra = _edit_parts(
        _book(tmp_path / "svar.xlsx", rows, hide),
        lambda name, data: (name, data.replace(b"</Relationships>", stray)),
    )
    assert words(read_table(extra).notes, "en") == [HIDDEN_ROW_NOTE]
    for rid in (b"", b' r:id="rId99"'):
        path = _edit_parts(
            _book(tmp_path / "svar.xlsx", rows),
            lambda name, data, rid=rid: (name, data.replace(b' r:id="rId1"', rid)),
        )
        with pytest.raises(mognad.InputError) as err:
            read_table(path)
        assert err.value.text("en") == (
            "svar.xlsx: the file could not be read as an Excel workbook (Relationship not found). "
            "Expected an Excel workbook (.xlsx) saved by Excel, LibreOffice or a survey tool."
        )
        assert err.value.text("sv") == (
            "svar.xlsx: filen kunde inte läsas som en Excel-arbetsbok (läsarens besked: "
            '"Relationship not found"). Förväntat: en Excel-arbetsbok (.xlsx) sparad av Excel, '
            "LibreOffice eller ett enkätverktyg."
        )


def test_a_used_range_past_the_first_64_kb_is_not_looked_for(tmp_path):
    """The used range of another sheet is looked for in the first 64 KB of its XML only (it
    stands at the start; the rest may be hundreds of MB): a sheet whose range "A1" ends one
    byte after them counts as one that does not say, so it is named. Kills `used_rows` 6, 7."""

    def edit(name, data):
        if name != "xl/worksheets/sheet2.xml":
            return name, data
        data = data.replace(b'<dimension ref="A1:A1"', b'<dimension ref="A1"')
        pad = 65_536 - len(b'<dimension ref="A1') - data.index(b"<dimension")  # quote: byte 65,537
        return name, data.replace(b"<dimension", b" " * pad + b"<dimension")

    table = read_table(_edit_parts(_other_sheets_book(tmp_path / "svar.xlsx"), edit))
    assert table.other_sheets == ["Blad2"]


# ---- found by mutation testing, the second run, last survivors (limits.py) ----
@pytest.mark.parametrize("part", ["_rels/.rels", "xl/drawings/vmlDrawing1.vml"])
def test_a_doctype_in_a_relationships_or_vml_part_is_refused(tmp_path, part):
    """A relationships part (.rels) or a VML drawing (.vml) is XML too: one that declares a
    document type is refused unread, as any other XML part is. Kills `_check_small_parts` 19,
    21."""
    import zipfile

    path = _book(tmp_path / "svar.xlsx", [["a1"], [1]])
    hostile = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "EXPANDED">]><x>&e;</x>'
    if part == "_rels/.rels":
        _edit_parts(path, lambda name, data: (name, hostile if name == part else data))
    else:
        with zipfile.ZipFile(path, "a") as zf:
            zf.writestr(part, hostile)
    with pytest.raises(mognad.InputError) as err:
        read_table(path)
    assert f'the workbook part "{part}" declares a document type' in err.value.text("en")


def test_a_doctype_ending_at_the_last_byte_of_the_prolog_window_is_refused(tmp_path):
    """The first 64 KB of every XML part are looked through for a DOCTYPE: one whose last byte
    is byte 65,536 of the part is still found and refused. Kills `_check_small_parts` 32."""
    import zipfile

    path = _book(tmp_path / "svar.xlsx", [["a1"], [1]])
    with zipfile.ZipFile(path, "a") as zf:
        zf.writestr("xl/extra.xml", b" " * (65_536 - len(b"<!DOCTYPE")) + b"<!DOCTYPE x><x/>")
    with pytest.raises(mognad.InputError) as err:
        read_table(path)
    assert 'the workbook part "xl/extra.xml" declares a document type' in err.value.text("en")


def test_nfd_text_in_the_shared_strings_is_put_in_nfc_form(tmp_path):
    """macOS's "ö" written as "o" and a combining diaeresis, kept in the workbook's shared
    strings (as Excel keeps text), is read as the one letter "ö". Kills `_check_small_parts`
    23-26."""
    import unicodedata

    from test_text_encodings import _shared_strings_workbook

    nfd = unicodedata.normalize("NFD", "Socialförvaltningen")
    path = _book(tmp_path / "svar.xlsx", [["förvaltning", "a1"], [nfd, 4], ["KLF", 5]])
    _shared_strings_workbook(path)
    table = read_table(path)
    assert table.frame["förvaltning"].tolist() == ["Socialförvaltningen", "KLF"]


@pytest.mark.parametrize(
    "odd",
    [b'<numFmt numFmtId="x1" formatCode="0%"/>', b'<numFmt formatCode="0%"/>'],
    ids=["not a number", "missing"],
)
def test_a_number_format_with_an_odd_id_does_not_stop_the_reading(tmp_path, odd):
    """styles.xml with a percentage number format whose numFmtId is not a number, or is missing,
    or a cell style whose numFmtId is not a number: the workbook is still read and its own
    percentage cells found. Kills `percent_styles` 47-50, 69, 70, 72."""
    rows = [["a1", "a2"], [1, 0.5]]

    def own(sheet):
        sheet["B2"].number_format = "0.0%"

    def edit(name, data):
        if name != "xl/styles.xml":
            return name, data
        data = data.replace(b"<numFmt ", odd + b"<numFmt ", 1)
        first = b'<cellXfs count="2"><xf numFmtId='
        return name, data.replace(first + b'"0"', first + b'"y"')

    table = read_table(_edit_parts(_book(tmp_path / "svar.xlsx", rows, own), edit))
    assert table.percent_cells == [(2, 1)]


def test_a_cell_style_without_a_number_format_id_takes_format_0(tmp_path):
    """A cell style that does not name its number format has format 0 (the spec's default): when
    styles.xml gives format 0 the code "0%", a number in a cell of that style is handed on as a
    percentage cell. Kills `percent_styles` 75, 77, 81."""
    rows = [["a1", "a2"], [1, 0.5]]

    def own(sheet):
        sheet["B2"].number_format = "0.0%"

    def edit(name, data):
        if name == "xl/worksheets/sheet1.xml":
            return name, data.replace(b'<c r="A2" ', b'<c r="A2" s="0" ')
        if name != "xl/styles.xml":
            return name, data
        data = data.replace(b"<numFmt ", b'<numFmt numFmtId="0" formatCode="0%"/><numFmt ', 1)
        first = b'<cellXfs count="2"><xf '
        return name, data.replace(first + b'numFmtId="0" ', first)

    table = read_table(_edit_parts(_book(tmp_path / "svar.xlsx", rows, own), edit))
    assert table.percent_cells == [(2, 0), (2, 1)]


# ---- found by mutation testing, the third run (limits.py) --------------------------------
MB = 1024 * 1024


ANSWERS = [["a1", "a2"], [1, 2], [3, 4], [5, 6]]


def _rezip(path: Path, edit=None, stored: tuple[str, ...] = (), extra=None) -> Path:
    """The workbook rewritten with ``edit(name, data) -> data`` for each part, the parts named
    in ``stored`` kept uncompressed (their ratio is 1, their bytes can be changed in place), and
    the parts of ``extra`` (name -> bytes) added, deflated."""
    with zipfile.ZipFile(path) as zf:
        parts = [(i.filename, zf.read(i)) for i in zf.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in [*parts, *(extra or {}).items()]:
            data = edit(name, data) if edit else data
            method = zipfile.ZIP_STORED if name in stored else zipfile.ZIP_DEFLATED
            zf.writestr(name, data, method)
    return path


def _unpacked(path: Path) -> int:
    with zipfile.ZipFile(path) as zf:
        return sum(i.file_size for i in zf.infolist() if not i.is_dir())


def _refused(path: Path, limits: Limits | None = None) -> tuple[str, str]:
    with pytest.raises(mognad.InputError) as err:
        read_table(path, limits=limits)
    return err.value.text("en"), err.value.text("sv")


# ---- numbers in messages ----------------------------------------------------------------------
def test_a_used_range_in_thousands_is_refused_with_swedish_digit_groups(tmp_path):
    """The numbers of a used range over the cell limit are written 1 000 / 104 000 in Swedish
    (a no-break space between thousands) and 1,000 / 104,000 in English."""
    path = _sheet_file(tmp_path / "svar.xlsx", _cells([]), dimension=b"A1:CZ1000")
    assert _refused(path, Limits(max_cells=100_000)) == (
        'svar.xlsx, sheet "Svar": the sheet\'s used range is A1:CZ1000, 1,000 rows × 104 columns '
        "= 104,000 cells, more than the limit of 100,000 cells (checked before reading). "
        "Expected at most 100,000 cells from A1 to the last used cell (delete empty or unused "
        "rows and columns at the bottom and on the right); if the file is genuine, raise the "
        "limit with the environment variable MOGNAD_MAX_CELLS.",
        'svar.xlsx, blad "Svar": bladets använda område är A1:CZ1000, 1\u00a0000 rader × 104 '
        "kolumner = 104\u00a0000 celler, fler än gränsen på 100\u00a0000 celler (kontrollerat "
        "före läsningen). Förväntat: högst 100\u00a0000 celler från A1 till den sista använda "
        "cellen (ta bort tomma eller oanvända rader och kolumner längst ned och till höger); om "
        "filen är äkta, höj gränsen med miljövariabeln MOGNAD_MAX_CELLS.",
    )


def test_a_used_range_written_in_lower_case_is_counted_as_in_capitals(tmp_path):
    """calamine reads cell references whatever their case: a used range written "a1:z9" spans
    234 cells as "A1:Z9" does, and is refused over a limit of 233."""
    path = _sheet_file(tmp_path / "svar.xlsx", _cells([]), dimension=b"a1:z9")
    en, _ = _refused(path, Limits(max_cells=233))
    assert "used range is a1:z9, 9 rows × 26 columns = 234 cells, more than the limit of 233" in en


# ---- damaged archives -------------------------------------------------------------------------
def test_a_damaged_zip_directory_is_refused_with_the_readers_words(tmp_path):
    """A workbook whose zip directory is damaged (not missing) is refused saying what the zip
    reader found, in both languages."""
    path = _book(tmp_path / "svar.xlsx", ANSWERS)
    raw = path.read_bytes()
    at = raw.index(b"PK\x01\x02")  # the first entry of the zip directory
    path.write_bytes(raw[:at] + b"PK\x01\x03" + raw[at + 4 :])
    assert _refused(path) == (
        "svar.xlsx: the file is not a readable .xlsx workbook: the zip archive is truncated or "
        "damaged (Bad magic number for central directory). Expected an undamaged workbook (save "
        "it again from Excel, or copy or download it again).",
        "svar.xlsx: filen är inte en läsbar .xlsx-arbetsbok: zip-arkivet är avkortat eller "
        'skadat (läsarens besked: "Bad magic number for central directory"). Förväntat: en '
        "oskadad arbetsbok (spara den igen från Excel, eller kopiera eller ladda ner den igen).",
    )


def test_a_damaged_styles_part_is_refused_naming_the_file_and_the_part(tmp_path):
    """A part other than the sheets (here xl/styles.xml) whose bytes no longer match its
    checksum is refused before the sheet is read, naming the file and the part."""
    path = _rezip(_book(tmp_path / "svar.xlsx", ANSWERS), stored=("xl/styles.xml",))
    raw = path.read_bytes()
    at = raw.index(b"<styleSheet") + 1
    path.write_bytes(raw[:at] + b"t" + raw[at + 1 :])  # <tyleSheet: the checksum fails
    assert _refused(path) == (
        'svar.xlsx: the workbook part "xl/styles.xml" does not match the zip directory (Bad '
        "CRC-32 for file 'xl/styles.xml'): the file is damaged, or built to hide its real size. "
        "Expected an undamaged workbook (save it again from Excel, or copy it again).",
        'svar.xlsx: arbetsboksdelen "xl/styles.xml" stämmer inte med zip-katalogen (läsarens '
        "besked: \"Bad CRC-32 for file 'xl/styles.xml'\"): filen är skadad, eller byggd för att "
        "dölja sin verkliga storlek. Förväntat: en oskadad arbetsbok (spara den igen från Excel, "
        "eller kopiera den igen).",
    )


def test_a_sheet_whose_part_is_missing_is_refused_as_unreadable(tmp_path):
    """A workbook whose sheet "Svar" names a part that is not in the file cannot be read
    (calamine does not find the sheet): it is refused as such, not for the number of rows of
    some other part that the checks might have guessed was the sheet."""

    def edit(name, data):
        if name != "xl/_rels/workbook.xml.rels":
            return data
        return data.replace(b"worksheets/sheet1.xml", b"worksheets/saknas.xml")

    path = _rezip(_book(tmp_path / "svar.xlsx", ANSWERS), edit)
    assert _refused(path, Limits(max_rows=2)) == (
        "svar.xlsx: the file could not be read as an Excel workbook (Svar). Expected an Excel "
        "workbook (.xlsx) saved by Excel, LibreOffice or a survey tool.",
        'svar.xlsx: filen kunde inte läsas som en Excel-arbetsbok (läsarens besked: "Svar"). '
        "Förväntat: en Excel-arbetsbok (.xlsx) sparad av Excel, LibreOffice eller ett "
        "enkätverktyg.",
    )


# ---- what the small parts say -----------------------------------------------------------------
def test_nfd_text_early_in_long_shared_strings_is_still_put_in_nfc_form(tmp_path):
    """macOS's "ö" written as "o" and a combining diaeresis at the start of a shared-strings
    part of more than 1 MB (read in pieces of 1 MB) is read as the one letter "ö", though the
    rest of the part holds no such accent."""
    nfd = unicodedata.normalize("NFD", "Socialförvaltningen")
    path = _book(tmp_path / "svar.xlsx", [["förvaltning", "a1"], [nfd, 4], ["KLF", 5]])
    _shared_strings_workbook(path)
    pad = b" " * (MB + 1000)

    def edit(name, data):
        return data.replace(b"</sst>", pad + b"</sst>") if name == "xl/sharedStrings.xml" else data

    _rezip(path, edit, stored=("xl/sharedStrings.xml",))
    assert read_table(path).frame["förvaltning"].tolist() == ["Socialförvaltningen", "KLF"]


def _percent_book(path: Path) -> Path:
    """A workbook whose cell B2 (0.5) has the number format "0.0%"."""

    def own(sheet):
        sheet["B2"].number_format = "0.0%"

    return _book(path, [["a1", "a2"], [1, 0.5]], own)


def test_a_styles_part_of_at_most_8_mb_is_read_for_its_percentages(tmp_path):
    """The number formats of xl/styles.xml are read when the part is 8 MB or less (Excel's are
    a few KB): a cell formatted as a percentage is found in a part of exactly 8 MB, not in one
    of a byte more."""
    found = {}
    for size in (8 * MB, 8 * MB + 1):
        path = _percent_book(tmp_path / f"svar{size}.xlsx")

        def edit(name, data, size=size):
            if name != "xl/styles.xml":
                return data
            return data.replace(b"</styleSheet>", b" " * (size - len(data)) + b"</styleSheet>")

        _rezip(path, edit, stored=("xl/styles.xml",))
        found[size] = read_table(path).percent_cells
    assert found == {8 * MB: [(2, 1)], 8 * MB + 1: []}


def test_percentages_are_found_in_a_styles_part_of_more_than_1_mb(tmp_path):
    """A styles part of more than 1 MB is read in pieces of 1 MB, put together again as they
    were: a number format whose tag lies across the first cut is still read, so the cell
    formatted "0.0%" is found."""
    path = _percent_book(tmp_path / "svar.xlsx")

    def edit(name, data):
        if name != "xl/styles.xml":
            return data
        pad = MB - 3 - data.index(b"<numFmt ")  # the cut falls between "<nu" and "mFmt"
        return data.replace(b"<numFmts", b" " * pad + b"<numFmts")

    _rezip(path, edit, stored=("xl/styles.xml",))
    with zipfile.ZipFile(path) as zf:
        assert zf.read("xl/styles.xml")[MB - 3 : MB + 4] == b"<numFmt"
    assert read_table(path).percent_cells == [(2, 1)]


# ---- limits at their boundaries ---------------------------------------------------------------
def test_a_file_of_exactly_the_size_limit_is_read(tmp_path):
    """MOGNAD_MAX_FILE_MB is the largest size let through: a file of exactly 1 MB is read at a
    limit of 1 MB; a byte more is refused."""
    path = tmp_path / "svar.csv"
    head = b"a1;kommentar\n"
    rows = [b"%d;%s\n" % (i, b"x" * 60_000) for i in range(1, 17)]
    body = head + b"".join(rows)
    last = b"17;" + b"y" * (MB - len(body) - 4) + b"\n"
    path.write_bytes(body + last)
    assert path.stat().st_size == MB
    with use_limits(max_file_mb=1):
        assert read_table(path).frame.shape == (17, 2)
        path.write_bytes(body + last + b"\n")
        with pytest.raises(mognad.InputError, match="more than the limit of 1 MB"):
            read_table(path)


def test_a_workbook_unpacking_to_exactly_the_limit_is_read(tmp_path):
    """MOGNAD_MAX_UNCOMPRESSED_MB is the largest unpacked size let through: a workbook whose
    parts add up to exactly 1 MB is read at a limit of 1 MB; a byte more is refused, in both
    languages."""
    sizes = {}
    for extra in (0, 1):
        path = _book(tmp_path / f"svar{extra}.xlsx", ANSWERS)
        pad = MB - _unpacked(path) + extra
        _rezip(path, extra={"xl/media/pad.bin": bytes(pad)})
        sizes[extra] = _unpacked(path)
    assert sizes == {0: MB, 1: MB + 1}
    limits = Limits(max_uncompressed_mb=1)
    assert read_table(tmp_path / "svar0.xlsx", limits=limits).frame.shape == (3, 2)
    assert _refused(tmp_path / "svar1.xlsx", limits) == (
        "svar1.xlsx: the workbook would unpack to 1.0 MB, more than the limit of 1 MB (checked "
        "from the zip directory before reading: a zip bomb, or a very large workbook). Expected "
        "a workbook that unpacks to at most 1 MB; if the file is genuine, raise the limit with "
        "the environment variable MOGNAD_MAX_UNCOMPRESSED_MB.",
        "svar1.xlsx: arbetsboken skulle packas upp till 1,0 MB, mer än gränsen på 1 MB "
        "(kontrollerat i zip-katalogen före läsningen: en zip-bomb, eller en mycket stor "
        "arbetsbok). Förväntat: en arbetsbok som packas upp till högst 1 MB; om filen är äkta, "
        "höj gränsen med miljövariabeln MOGNAD_MAX_UNCOMPRESSED_MB.",
    )


def test_a_part_of_exactly_1_mb_is_not_ratio_checked(tmp_path):
    """Parts of up to 1 MB are not ratio-checked (small XML compresses very well): a part of
    exactly 1 MB of zeros is read past; one of a byte more is a zip bomb."""
    small = _rezip(_book(tmp_path / "small.xlsx", ANSWERS), extra={"xl/media/pad.bin": bytes(MB)})
    assert read_table(small).frame.shape == (3, 2)
    big = _rezip(_book(tmp_path / "big.xlsx", ANSWERS), extra={"xl/media/pad.bin": bytes(MB + 1)})
    en, _ = _refused(big)
    assert en.startswith('big.xlsx: the workbook part "xl/media/pad.bin" is compressed ')


def test_a_part_compressed_exactly_at_the_ratio_limit_is_read(tmp_path):
    """MOGNAD_MAX_COMPRESSION_RATIO is the largest ratio let through: a part of 2 MB stored
    uncompressed (1 to 1) is read at a limit of 1."""
    path = _rezip(
        _book(tmp_path / "svar.xlsx", ANSWERS),
        extra={"xl/media/pad.bin": bytes(2 * MB)},
        stored=("xl/media/pad.bin",),
    )
    assert read_table(path, limits=Limits(max_compression_ratio=1)).frame.shape == (3, 2)


def test_a_directory_saying_a_part_packs_to_nothing_gives_the_ratio_to_one_byte(tmp_path):
    """A zip directory that says a part of 2 MB packs into 0 bytes (a lie no zip tool writes)
    is refused as a zip bomb, its ratio counted against one byte: 2,097,152 to 1."""
    path = _rezip(_book(tmp_path / "svar.xlsx", ANSWERS), extra={"xl/media/pad.bin": bytes(2 * MB)})
    raw = path.read_bytes()
    entry = raw.index(b"xl/media/pad.bin", raw.index(b"PK\x01\x02")) - 46  # its directory entry
    assert raw[entry : entry + 4] == b"PK\x01\x02"
    path.write_bytes(raw[: entry + 20] + struct.pack("<I", 0) + raw[entry + 24 :])  # packed size
    assert _refused(path) == (
        'svar.xlsx: the workbook part "xl/media/pad.bin" is compressed 2,097,152 to 1 (2.0 MB '
        "from 0.0 KB), more than the limit of 100 to 1 (checked before reading: a zip bomb). "
        "Expected a workbook saved by Excel, LibreOffice or a survey tool; if the file is "
        "genuine, raise the limit with the environment variable MOGNAD_MAX_COMPRESSION_RATIO.",
        'svar.xlsx: arbetsboksdelen "xl/media/pad.bin" är komprimerad 2\u00a0097\u00a0152 till 1 '
        "(2,0 MB från 0,0 KB), mer än gränsen på 100 till 1 (kontrollerat före läsningen: en "
        "zip-bomb). Förväntat: en arbetsbok sparad av Excel, LibreOffice eller ett enkätverktyg; "
        "om filen är äkta, höj gränsen med miljövariabeln MOGNAD_MAX_COMPRESSION_RATIO.",
    )


# ---- limits from the environment and from Python ----------------------------------------------
@pytest.mark.parametrize(
    ("raw", "rows"),
    [("1 000 000", 1_000_000), (" 250 000 ", 250_000), ("1__000", 1000), ("_2_000_", 2000)],
)
def test_limit_variables_may_group_digits_with_spaces_and_underscores(monkeypatch, raw, rows):
    """Spaces and underscores in a limit variable are digit groups, dropped wherever they stand:
    MOGNAD_MAX_ROWS="1 000 000" (as a Swede writes it) is a million rows."""
    monkeypatch.setenv("MOGNAD_MAX_ROWS", raw)
    assert current_limits().max_rows == rows


def test_a_fractional_row_or_cell_limit_from_the_environment_is_a_whole_number(
    monkeypatch, tmp_path
):
    """Rows and cells are whole: MOGNAD_MAX_ROWS=2.5 is a limit of 2 rows and MOGNAD_MAX_CELLS
    =233.9 one of 233 cells, and the messages say so."""
    monkeypatch.setenv("MOGNAD_MAX_ROWS", "2.5")
    monkeypatch.setenv("MOGNAD_MAX_CELLS", "233.9")
    assert current_limits() == Limits(max_rows=2, max_cells=233)
    csv = tmp_path / "svar.csv"
    csv.write_bytes(b"a1;a2\n1;2\n3;4\n")
    en, sv = _refused(csv)
    assert "the file has 3 lines, more than the limit of 2 rows" in en
    assert "filen har 3 rader, fler än gränsen på 2 rader" in sv
    monkeypatch.setenv("MOGNAD_MAX_ROWS", "250000")
    wide = _sheet_file(tmp_path / "svar.xlsx", _cells([]), dimension=b"A1:Z9")
    en, _ = _refused(wide)
    assert "= 234 cells, more than the limit of 233 cells" in en


def test_an_unknown_limit_in_python_names_the_known_ones():
    """A misspelt limit in Python (use_limits(rows=3)) is a TypeError that lists the limits
    there are."""
    with pytest.raises(TypeError) as err, use_limits(rows=3):
        pass
    assert str(err.value) == (
        "unknown limit 'rows'; known: max_file_mb, max_rows, max_cells, max_uncompressed_mb, "
        "max_compression_ratio"
    )


HEADER = (
    b'<row r="1"><c r="A1" t="inlineStr"><is><t>a1</t></is></c>'
    b'<c r="B1" t="inlineStr"><is><t>a2</t></is></c></row>'
)


def _numbers(first: int, last: int) -> bytes:
    return b"".join(
        b'<row r="%d"><c r="A%d"><v>%d</v></c><c r="B%d"><v>2</v></c></row>' % (r, r, r, r)
        for r in range(first, last + 1)
    )


def test_a_sheet_of_exactly_max_rows_rows_is_read_and_one_row_more_is_refused(tmp_path):
    """A sheet whose used range is stale (it says A1:B2) but that holds five rows: with a row
    limit of 5 it is read; with a limit of 4 it is refused before reading, in both languages,
    by the rows counted in its XML. (`_scan_body` 13, `>=` in the shortcut before
    `check_row_count`, is equivalent: that function compares again with `>`.)"""
    path = _sheet_file(tmp_path / "rader.xlsx", HEADER + _numbers(2, 5))
    assert read_table(path, limits=Limits(max_rows=5)).frame.shape == (4, 2)
    with pytest.raises(mognad.InputError) as err:
        read_table(path, limits=Limits(max_rows=4))
    assert err.value.text("en") == (
        'rader.xlsx, sheet "Svar": the sheet has more than the limit of 4 rows (counted in its '
        "XML before reading). Expected at most 4 rows (delete empty or unused rows at the "
        "bottom); if the file is genuine, raise the limit with the environment variable "
        "MOGNAD_MAX_ROWS."
    )
    assert err.value.text("sv") == (
        'rader.xlsx, blad "Svar": bladet har fler än gränsen på 4 rader (räknat i dess XML före '
        "läsningen). Förväntat: högst 4 rader (ta bort tomma eller oanvända rader längst ned); "
        "om filen är äkta, höj gränsen med miljövariabeln MOGNAD_MAX_ROWS."
    )


def test_a_row_limit_switched_off_with_none_reads_the_sheet(tmp_path):
    """``Limits(max_rows=None)`` and ``use_limits(max_rows=None)`` switch the row limit off, as
    0 does: the workbook is read, not stopped by a TypeError. Kills `_scan_body` 11."""
    path = _sheet_file(tmp_path / "svar.xlsx", HEADER + _numbers(2, 3))
    assert read_table(path, limits=Limits(max_rows=None)).frame.shape == (2, 2)
    with use_limits(max_rows=None):
        assert read_table(path).frame.shape == (2, 2)


@pytest.mark.parametrize("engine", ["calamine", "openpyxl"])
def test_an_error_cell_whose_text_is_not_utf8_is_refused_in_words(tmp_path, engine):
    """A damaged sheet whose error cell holds a byte that is not UTF-8 (``#N\\xffA``): both
    engines refuse the workbook with a located message in both languages, not a traceback from
    the checks before reading. Kills `_scan_body` 88, 93, 94."""
    rows = HEADER + b'<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="e"><v>#N\xffA</v></c></row>'
    path = _sheet_file(tmp_path / "trasig.xlsx", rows)
    with pytest.raises(mognad.InputError) as err:
        ExcelReader(engine).read(path)
    en, sv = err.value.text("en"), err.value.text("sv")
    assert en.startswith("trasig.xlsx: the file could not be read as an Excel workbook (")
    assert en.endswith(
        "). Expected an Excel workbook (.xlsx) saved by Excel, LibreOffice or a survey tool."
    )
    assert sv.startswith(
        'trasig.xlsx: filen kunde inte läsas som en Excel-arbetsbok (läsarens besked: "'
    )
    assert sv.endswith(
        '"). Förväntat: en Excel-arbetsbok (.xlsx) sparad av Excel, LibreOffice eller ett '
        "enkätverktyg."
    )


def test_a_formula_without_a_result_is_noted_in_a_sheet_declared_lower_case_utf8(tmp_path):
    """A small sheet written by a program that declares ``encoding="utf-8"`` in lower case (so
    its XML holds no capital F) with a formula in B2 that was never calculated: the note says
    so, in both languages. Kills `_scan_body` 98 (the quick look for "F" instead of "f")."""
    rows = HEADER + b'<row r="2"><c r="A2"><v>1</v></c><c r="B2"><f>A2*2</f></c></row>'
    path = _edit_parts(
        _sheet_file(tmp_path / "svar.xlsx", rows),
        lambda name, data: (name, data.replace(b'encoding="UTF-8"', b'encoding="utf-8"')),
    )
    table = read_table(path)
    assert words(table.notes, "en") == [
        '1 formula cell(s) in sheet "Svar" (B2) have no saved result (the workbook was written '
        "by a program and never recalculated in Excel); they were read as blank. Open the file "
        "in Excel or LibreOffice and save it to keep their values."
    ]
    assert words(table.notes, "sv") == [
        '1 formelcell(er) i bladet "Svar" (B2) saknar sparat resultat (arbetsboken skrevs av ett '
        "program och räknades aldrig om i Excel); de lästes som tomma. Öppna filen i Excel eller "
        "LibreOffice och spara den för att behålla värdena."
    ]


def test_only_numbers_in_percent_formatted_cells_are_percentage_cells(tmp_path):
    """Column B formatted as a percentage holds a text answer, 0.5, a logical, an error value
    and 0.25: only the two numbers are handed on as percentage cells (which are refused as
    answers); the text, the logical and the error before and between them are not, and they do
    not stop the search. Kills `_scan_body` 120, 123, 124, 133."""
    rows = [["a1", "a2"], [1, "Instämmer"], [2, 0.5], [3, True], [4, "#N/A"], [5, 0.25]]

    def percent(sheet):
        for r in range(2, 7):
            sheet[f"B{r}"].number_format = "0%"

    table = read_table(_book(tmp_path / "svar.xlsx", rows, percent))
    assert table.percent_cells == [(3, 1), (6, 1)]


#: the cell in column B of row r for each kind of cell the scan remembers
_NOTED = {
    "error": b'<c r="B%d" t="e"><v>#N/A</v></c>',
    "uncached": b'<c r="B%d"><f>1+1</f></c>',
    "percent": b'<c r="B%d" s="1"><v>0.5</v></c>',
}


@pytest.mark.parametrize("kind", _NOTED)
def test_the_scan_remembers_error_formula_and_percent_cells_up_to_its_bound(tmp_path, kind):
    """The checks before reading remember error cells, formulas without a result and numbers in
    percent-formatted cells only until MAX_CELLS_NOTED (10,000) are held, so a sheet of millions
    of them cannot use up memory before calamine reads it. A sheet whose first megabyte (the
    first piece the scan looks at) holds exactly 10,000 of them, and a megabyte of plain rows
    later 5 more: 10,000 are remembered. Kills `_scan_body` 64, 65, 71 (errors), 95, 96, 103
    (formulas), 118 (percent cells)."""
    cell = _NOTED[kind]
    first = b"".join(b'<row r="%d">%s</row>' % (r, cell % r) for r in range(2, MAX_CELLS_NOTED + 2))
    r = MAX_CELLS_NOTED + 2
    plain = _numbers(r, r + 24_999)
    r += 25_000
    more = b"".join(b'<row r="%d">%s</row>' % (n, cell % n) for n in range(r, r + 5))
    # the first 10,000 lie in the first piece, the 5 more in the next
    assert len(HEADER + first) < CHUNK - 100_000 and len(HEADER + first + plain) > CHUNK + 100_000
    path = _sheet_file(tmp_path / "svar.xlsx", HEADER + first + plain + more)
    info = scan_sheet(path, "xl/worksheets/sheet1.xml", Limits(), "Svar", frozenset({1}))
    noted = {"error": info.errors, "uncached": info.uncached, "percent": info.percent}[kind]
    assert len(noted) == MAX_CELLS_NOTED
    assert noted[0][:2] == (2, 1) and noted[-1][:2] == (MAX_CELLS_NOTED + 1, 1)


SHEET = "xl/worksheets/sheet1.xml"


# row 2 has an attribute twice: calamine reads it, the exact reading (expat) refuses it
_HEAD = (
    b'<row r="1"><c r="A1" t="inlineStr"><is><t>q1</t></is></c><c r="B1" t="inlineStr"><is>'
    b'<t>q2</t></is></c></row><row r="2"><c r="A2" s="0" s="0"><v>1</v></c><c r="B2" '
    b't="inlineStr"><is><t>'
)


_MID = b"</t></is></c></row>"


_LETTERS = bytes(97 + i % 26 for i in range(256))


def _text(size: int) -> bytes:
    """Letters that do not compress much (a zip of repeated text would be taken for a bomb)."""
    return hashlib.shake_256(b"mognad").digest(size).translate(_LETTERS)


def _pieces_meet(path: Path, first_tail: bytes, second: bytes) -> Path:
    """A workbook whose sheet XML has exactly one megabyte (the streamed pass's piece) up to
    the end of ``first_tail``, which ends with a row end, so that the second piece begins with
    ``second``; text of about 1 MB in B2 fills the first piece."""
    probe = _sheet_file(path, _HEAD + _MID + first_tail + second, dimension=b"A1:B4")
    with zipfile.ZipFile(probe) as zf:
        start = zf.read(SHEET).index(_HEAD)
    fill = CHUNK - (start + len(_HEAD) + len(_MID) + len(first_tail))
    rows = _HEAD + _text(fill) + _MID + first_tail + second
    _sheet_file(path, rows, dimension=b"A1:B4")
    with zipfile.ZipFile(path) as zf:
        xml = zf.read(SHEET)
    assert xml[:CHUNK].endswith(first_tail) and xml[CHUNK:].startswith(second)
    return path


_ROW3 = b'<row r="3"><c r="A3"><v>2</v></c><c r="B3" t="inlineStr"><is><t>cirka</t></is></c></row>'


_ROW4 = b'<c r="A4"><v>3</v></c><c r="B4"><v>4</v></c></row>'


@pytest.mark.parametrize(
    ("first_tail", "second"),
    [
        # a cell tag 21 bytes into the second piece: its " r=" falls outside the 24 bytes
        # looked at where the pieces meet, so it is taken for a cell without a reference
        (_ROW3, b'<row r="4" ht="15.5">' + _ROW4),
        # "row>" in a text ends the first piece; the second begins with 200000 and a quote,
        # which the 24 bytes where they meet take for a row number that may reach far
        (
            b'<row r="3"><c r="A3"><v>2</v></c><c r="B3" t="inlineStr"><is><t>row>',
            b'200000"</t></is></c></row><row r="4" spans="1:2">' + _ROW4,
        ),
    ],
    ids=["a cell tag just inside", "a row number just inside"],
)
def test_what_may_reach_far_where_two_pieces_meet_has_the_sheet_read_exactly(
    tmp_path, first_tail, second
):
    """The streamed pass reads a sheet a megabyte at a time and also looks at the 24 bytes on
    either side of where two pieces meet; what may reach far there (a cell tag whose reference
    is not in sight, a row number of 200,000 before a quote) has the whole sheet read exactly,
    and the exact reading refuses XML that is not well-formed (row 2's attribute twice), which
    calamine alone would have read. Kills `_FarCells.seam` 2, 12, 13 (the meeting place no
    longer sends the sheet to the exact reading), 9 (``and``: only a row number that is also
    a cell tag) and 10 (``found[1] or found[1]``: the row number overlooked)."""
    path = _pieces_meet(tmp_path / "seam.xlsx", first_tail, second)
    with pytest.raises(mognad.InputError) as err:
        read_table(path)
    assert err.value.text("en") == (
        'seam.xlsx, sheet "Svar": the sheet\'s XML is not well-formed (line 2, character 249 '
        "of the XML text, for example an attribute twice in one element), so how far its cells "
        "reach cannot be told before it is read. Expected a workbook saved by Excel, "
        "LibreOffice or a survey tool."
    )
    assert err.value.text("sv") == (
        'seam.xlsx, blad "Svar": bladets XML är inte välformad (rad 2, tecken 249 i XML-texten, '
        "till exempel ett attribut två gånger i samma element), så hur långt dess celler når går "
        "inte att avgöra innan den läses. Förväntat: en arbetsbok sparad av Excel, LibreOffice "
        "eller ett enkätverktyg."
    )


def test_what_lies_just_outside_the_24_bytes_where_two_pieces_meet_is_not_looked_at(tmp_path):
    """Where two pieces meet, 24 bytes on either side are looked at, no more: a text "cirka"
    right after a tag (">c", which the fast count takes for a cell tag) starting 25 bytes
    before, and a cell tag starting 23 bytes after (in the 24th and 25th bytes) do not send an
    ordinary sheet to the exact reading, so calamine reads it as it is (row 2's attribute twice
    included). Kills `_FarCells.seam` 7 and 8 (25 bytes looked at on one side)."""
    path = _pieces_meet(tmp_path / "seam.xlsx", _ROW3, b'<row r="4" spans="1:2">' + _ROW4)
    table = read_table(path)
    assert table.frame.columns.tolist() == ["q1", "q2"]
    assert table.frame["q1"].tolist() == [1, 2, 3]
    assert table.frame["q2"].tolist()[1:] == ["cirka", 4]


def test_rows_without_r_in_a_sheet_read_exactly_are_counted_once(tmp_path):
    """A sheet with a cell without a reference is read exactly, and from then on its rows are
    counted by their end tags: rows written as a bare ``<row>`` count once each, so 13 rows pass
    a limit of 13 rows (the fast count of ``row>`` would count each of them twice). The bare
    rows come after the first megabyte, when the sheet is known to be read exactly. Kills
    `_FarCells.search` 1 (the fast search run, and its count used, once the sheet is read
    exactly)."""
    rows = (
        b'<row r="1"><c r="A1" t="inlineStr"><is><t>q1</t></is></c><c r="B1" t="inlineStr">'
        b'<is><t>q2</t></is></c></row><row r="2"><c r="A2"><v>2</v></c><c><v>0</v></c></row>'
        b'<row r="3"><c r="A3"><v>3</v></c><c r="B3" t="inlineStr"><is><t>'
        + _text(CHUNK + CHUNK // 10)
        + b"</t></is></c></row>"
        + b"".join(b'<row><c r="A%d"><v>%d</v></c></row>' % (i, i) for i in range(4, 14))
    )
    path = _sheet_file(tmp_path / "bare.xlsx", rows)
    table = read_table(path, limits=Limits(max_rows=13))
    assert table.frame["q1"].tolist() == list(range(2, 14))
    with pytest.raises(mognad.InputError) as err:
        read_table(path, limits=Limits(max_rows=12))
    assert err.value.text("en") == (
        'bare.xlsx, sheet "Svar": the sheet has more than the limit of 12 rows (counted in its '
        "XML before reading). Expected at most 12 rows (delete empty or unused rows at the "
        "bottom); if the file is genuine, raise the limit with the environment variable "
        "MOGNAD_MAX_ROWS."
    )


def test_a_reference_without_a_column_letter_is_counted_in_column_a(tmp_path):
    """r="5" has no column: calamine refuses the sheet ("could not be read"), and the limits
    must not refuse it first for a span it does not have. Counted in column A, the cell spans
    A1:A5, 5 cells: exactly at a limit of 5 cells calamine has the last word, and at 4 the
    refusal names A1:A5. Kills `_FarCells.exact` 96 (column B: a span of A1:B5, 10 cells)."""
    path = _sheet_file(
        tmp_path / "nocol.xlsx", b'<row r="5"><c r="5"><v>1</v></c></row>', dimension=b"A1"
    )
    with pytest.raises(mognad.InputError) as err:
        read_table(path, limits=Limits(max_cells=5))
    en, sv = err.value.text("en"), err.value.text("sv")
    assert en.startswith("nocol.xlsx: the file could not be read as an Excel workbook (")
    assert en.endswith(
        "). Expected an Excel workbook (.xlsx) saved by Excel, LibreOffice or a survey tool."
    )
    assert sv.startswith("nocol.xlsx: filen kunde inte läsas som en Excel-arbetsbok (")
    with pytest.raises(mognad.InputError) as err:
        read_table(path, limits=Limits(max_cells=4))
    assert err.value.text("en") == (
        'nocol.xlsx, sheet "Svar": the cell reference 5 in the sheet\'s XML makes its cells span '
        "A1:A5, 5 rows × 1 columns = 5 cells, more than the limit of 4 cells (checked before "
        "reading: the whole range is read into memory). Expected at most 4 cells from A1 to the "
        "last used cell (delete empty or unused rows and columns at the bottom and on the "
        "right); if the file is genuine, raise the limit with the environment variable "
        "MOGNAD_MAX_CELLS."
    )


@pytest.mark.parametrize("blank", [b" ", b"\n", b"\t", b"\r\n  "])
def test_a_merged_header_is_refused_whatever_blank_comes_before_ref(tmp_path, blank):
    """``<mergeCell ref=...>`` may have any XML blank between the name and ``ref`` (a program
    that writes one attribute a line does so): a merged header cell is refused alike, with
    the same message, whichever blank it is (the quick look before the search asked for a
    space)."""

    def merged(space: bytes, name: str):
        rows = HEADER + b'<row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>2</v></c></row>'
        cells = b'<mergeCells count="1"><mergeCell%sref="A1:B1"/></mergeCells>' % space
        return _edit_parts(
            _sheet_file(tmp_path / name, rows),
            lambda part, data: (part, data.replace(b"</sheetData>", b"</sheetData>" + cells)),
        )

    with pytest.raises(mognad.InputError) as spaced:
        read_table(merged(b" ", "svar.xlsx"))
    (tmp_path / "svar.xlsx").unlink()
    with pytest.raises(mognad.InputError) as err:
        read_table(merged(blank, "svar.xlsx"))
    assert "A1:B1" in err.value.text("sv")
    assert err.value.text("sv") == spaced.value.text("sv")
    assert err.value.text("en") == spaced.value.text("en")


def test_a_formula_without_a_result_is_noted_in_a_sheet_whose_elements_have_a_prefix(tmp_path):
    """A sheet written with a namespace prefix (``<x:c><x:f>A2*2</x:f></x:c>``, valid XML that
    calamine reads) gets the same note on its never-calculated formula as the same sheet
    without the prefix: the quick look before the search asked for ``<f`` only."""
    plain = b'<row r="2"><c r="A2"><v>1</v></c><c r="B2"><f>A2*2</f></c></row>'
    prefixed = HEADER.replace(b"<", b"<x:").replace(b"<x:/", b"</x:") + plain.replace(
        b"<", b"<x:"
    ).replace(b"<x:/", b"</x:")
    expected = [
        '1 formula cell(s) in sheet "Svar" (B2) have no saved result (the workbook was written '
        "by a program and never recalculated in Excel); they were read as blank. Open the file "
        "in Excel or LibreOffice and save it to keep their values."
    ]
    assert words(read_table(_sheet_file(tmp_path / "a.xlsx", HEADER + plain)).notes, "en") == (
        expected
    )
    table = read_table(_sheet_file(tmp_path / "b.xlsx", prefixed, root=b"x"))
    assert words(table.notes, "en") == expected
    assert table.frame.iloc[0, 1] == ""  # blank, as the note says


NOT_NFC = {
    "the Angstrom sign U+212B": "\u212bngermanland",
    "the Ohm sign U+2126": "\u2126-gruppen",
    "A and a combining ring": "A\u030angermanland",
}


@pytest.mark.parametrize("written", ["as openpyxl writes it", "shared strings in UTF-8"])
@pytest.mark.parametrize("name", list(NOT_NFC), ids=list(NOT_NFC))
def test_text_that_is_not_nfc_for_any_reason_is_read_in_nfc_form(tmp_path, name, written):
    """A group name that looks the same as another but is written with other code points (the
    Angstrom sign for Å, the Ohm sign for Ω, a letter and a combining accent) is read in NFC
    form, as a CSV file's is, so that it is one group with the name typed the usual way. The
    check before reading looked only for the accents U+0300-U+036F."""
    import unicodedata

    text = NOT_NFC[name]
    path = _book(tmp_path / "svar.xlsx", [["forvaltning", "q1"], [text, 1], ["x", 2]])
    if written == "shared strings in UTF-8":
        _shared_strings_workbook(path)
    for engine in ("calamine", "openpyxl"):
        cell = ExcelReader(engine).read(path).frame.iloc[0, 0]
        assert cell == unicodedata.normalize("NFC", text) != text, engine


def _errors_sheet(tmp_path, count: int):
    rows = HEADER + b"".join(
        b'<row r="%d"><c r="A%d"><v>1</v></c><c r="B%d" t="e"><v>#N/A</v></c></row>' % (r, r, r)
        for r in range(2, count + 2)
    )
    return _sheet_file(tmp_path / f"fel{count}.xlsx", rows)


@pytest.mark.parametrize("engine", ["calamine", "openpyxl"])
def test_a_sheet_with_more_error_cells_than_are_put_back_is_refused_by_both_engines(
    tmp_path, engine
):
    """calamine reads an error cell (#N/A ...) as blank, and the reader puts its text back from
    the scan before reading, which remembers 10,000 of them. A sheet with 10,000 is read with
    every one put back; one with 10,001 is refused by either engine, in both languages, instead
    of reading the ones past 10,000 as blank answers with calamine and as #N/A with openpyxl."""
    assert MAX_CELLS_NOTED == 10_000
    table = ExcelReader(engine).read(_errors_sheet(tmp_path, MAX_CELLS_NOTED))
    assert table.frame.shape == (10_000, 2)
    assert set(table.frame.iloc[:, 1]) == {"#N/A"}
    with pytest.raises(mognad.InputError) as err:
        ExcelReader(engine).read(_errors_sheet(tmp_path, MAX_CELLS_NOTED + 1))
    assert err.value.text("sv") == (
        'fel10001.xlsx, blad "Svar", rad 10002, kolumn B: felvärde nummer 10\u00a0001 i bladet '
        "(#SAKNAS!, #DIVISION/0! …); fler än 10\u00a0000 celler med felvärden kan inte läsas "
        "rätt. Förväntat: högst 10\u00a0000 celler med felvärden (rätta formlerna, eller ta bort "
        "kolumnerna som inte behövs, och spara filen igen)."
    )
    assert err.value.text("en") == (
        'fel10001.xlsx, sheet "Svar", row 10002, column B: error value number 10,001 in the '
        "sheet (#N/A, #DIV/0! ...); more than 10,000 cells holding error values cannot be read "
        "correctly. Expected at most 10,000 cells with error values (fix the formulas, or "
        "delete the columns that are not needed, and save the file again)."
    )


@pytest.mark.parametrize("engine", ["calamine", "openpyxl"])
def test_error_cells_in_a_sheet_that_is_not_read_do_not_matter(tmp_path, engine):
    """A workbook whose answers are in "Svar" and whose other sheet ("Beräkning") holds 10,001
    #N/A cells is read: only the sheet read is refused for its error cells (asking for the
    other sheet is refused, naming its first error cell past 10,000)."""

    def sheets(answers):
        other = answers.parent.create_sheet("Beräkning")
        for _ in range(MAX_CELLS_NOTED + 1):
            other.append(["#N/A"])

    path = _book(tmp_path / "svar.xlsx", [["a1", "a2"], [1, 2], [3, 4]], sheets)
    assert ExcelReader(engine).read(path).frame.shape == (2, 2)
    with pytest.raises(mognad.InputError) as err:
        ExcelReader(engine).read(path, sheet="Beräkning")
    assert err.value.text("en").startswith(
        'svar.xlsx, sheet "Beräkning", row 10001, column A: error value number 10,001 in the '
    )


@pytest.mark.parametrize("prefix", [b"", b"x"])
def test_rows_written_without_attributes_are_counted_once(tmp_path, prefix):
    """Some programs write rows as a bare ``<row>`` (no ``r``; .NET's Open XML SDK writes
    ``<x:row>``), each with its end tag: such a row is one row, not two. A sheet of a header
    and 60 such rows (its cells with references, so the fast search reads it) is read at a
    row limit of 61 and refused at 60, in both languages; it was refused at 100, as if it had
    121 rows."""
    rows = HEADER + b"".join(
        b'<row><c r="A%d"><v>1</v></c><c r="B%d"><v>2</v></c></row>' % (r, r) for r in range(2, 62)
    )
    if prefix:
        rows = rows.replace(b"<", b"<x:").replace(b"<x:/", b"</x:")
    path = _sheet_file(tmp_path / "rader.xlsx", rows, root=prefix)
    assert read_table(path, limits=Limits(max_rows=61)).frame.shape == (60, 2)
    with pytest.raises(mognad.InputError) as err:
        read_table(path, limits=Limits(max_rows=60))
    assert err.value.text("en") == (
        'rader.xlsx, sheet "Svar": the sheet has more than the limit of 60 rows (counted in its '
        "XML before reading). Expected at most 60 rows (delete empty or unused rows at the "
        "bottom); if the file is genuine, raise the limit with the environment variable "
        "MOGNAD_MAX_ROWS."
    )
    assert err.value.text("sv") == (
        'rader.xlsx, blad "Svar": bladet har fler än gränsen på 60 rader (räknat i dess XML före '
        "läsningen). Förväntat: högst 60 rader (ta bort tomma eller oanvända rader längst ned); "
        "om filen är äkta, höj gränsen med miljövariabeln MOGNAD_MAX_ROWS."
    )


def test_text_cut_where_two_pieces_of_the_shared_strings_meet_is_still_put_in_nfc_form(
    tmp_path,
):
    """The shared strings are checked for text not in NFC form 1 MB at a time: the Angstrom sign
    (three bytes in UTF-8) written for "Å" where two pieces meet, one byte in the first, is
    still found, and the name is read with the usual "Å"."""
    from mognad_core.readers.limits import CHUNK

    text = "\u212bngermanland"
    path = _book(tmp_path / "svar.xlsx", [["forvaltning", "q1"], [text, 1], ["x", 2]])
    _shared_strings_workbook(path)

    def pad(name, data):
        if name == "xl/sharedStrings.xml":
            at = data.index(text.encode())
            first = data.rindex(b"<si>", 0, at)  # blanks between two strings are no text
            data = data[:first] + b" " * (CHUNK - 1 - at) + data[first:]
            assert data.index(text.encode()) == CHUNK - 1
        return name, data

    _edit_parts(path, pad)
    with use_limits(max_compression_ratio=0):  # a megabyte of blanks packs very well
        for engine in ("calamine", "openpyxl"):
            assert ExcelReader(engine).read(path).frame.iloc[0, 0] == "Ångermanland", engine


def test_text_of_megabytes_without_a_tag_is_still_put_in_nfc_form(tmp_path):
    """An inline text of 3 MB without any tag (more than the scan keeps while it looks for the
    end of a row) that begins with the Angstrom sign for "Å" is read with the usual "Å": the
    text the scan lets go is checked first."""
    text = "\u212b" + "x" * (3 * 1024 * 1024)
    rows = HEADER + (
        b'<row r="2"><c r="A2" t="inlineStr"><is><t>%s</t></is></c><c r="B2"><v>1</v></c></row>'
        % text.encode()
    )
    path = _sheet_file(tmp_path / "lang.xlsx", rows)
    cell = read_table(path, limits=Limits(max_compression_ratio=0)).frame.iloc[0, 0]
    assert cell[0] == "Å" and len(cell) == len(text)


@pytest.mark.parametrize("raw", ["inf", "1e400", "Infinity", "nan"])
@pytest.mark.parametrize("var", ["MOGNAD_MAX_ROWS", "MOGNAD_MAX_FILE_MB"])
def test_a_limit_of_infinity_in_the_environment_is_refused_in_words(monkeypatch, var, raw):
    """``MOGNAD_MAX_ROWS=inf`` (or 1e400, which is infinity too) is no number of rows: it is
    refused with the message for a value that is not a number, in both languages, as NaN
    is, not with an internal error from turning infinity into a whole number; 0 turns a check
    off."""
    monkeypatch.setenv(var, raw)
    with pytest.raises(mognad.InputError) as err:
        Limits.from_env()
    example = "250000" if var == "MOGNAD_MAX_ROWS" else "100"
    assert err.value.text("sv") == (
        f"miljövariabeln {var}={raw!r} är inte ett tal. Förväntat: ett tal som {example} (0 "
        "stänger av kontrollen)."
    )
    assert err.value.text("en") == (
        f"the environment variable {var}={raw!r} is not a number. Expected a number such as "
        f"{example} (0 turns the check off)."
    )


def test_a_part_is_read_in_pieces_of_at_most_a_megabyte(tmp_path):
    """A workbook part is streamed in pieces of at most ``CHUNK`` bytes (1 MB), never read whole:
    a sheet of hundreds of megabytes (within the limits) is checked in little memory. The
    pieces put together are the part, byte for byte."""
    import zipfile

    from mognad_core.readers.limits import _stream

    data = bytes(range(256)) * (3 * CHUNK // 256) + b"tail!"
    path = tmp_path / "bok.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/worksheets/sheet1.xml", data)
    with zipfile.ZipFile(path) as zf:
        pieces = list(_stream(zf, zf.getinfo("xl/worksheets/sheet1.xml"), path))
    assert [len(p) for p in pieces] == [CHUNK, CHUNK, CHUNK, 5]
    assert b"".join(pieces) == data


# ---- scan_sheet, found by mutation testing, the third run (limits.py) --------------------
_MAIN = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"


HEADER_Q = (  # headers q1, q2
    b'<row r="1"><c r="A1" t="inlineStr"><is><t>q1</t></is></c>'
    b'<c r="B1" t="inlineStr"><is><t>q2</t></is></c></row>'
)


#: row 2 with a text in B2 that the helpers below stretch to place a megabyte edge
TEXT_ROW = b'<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="inlineStr"><is><t>'


def _in_sheet(edit):
    """An ``_edit_parts`` edit of the sheet's XML alone."""
    return lambda name, data: (name, edit(data) if name == SHEET else data)


def _cut_at(path: Path, before: bytes, after: bytes, mark: bytes, at: int, **kw) -> Path:
    """A one-sheet workbook whose rows are ``before``, letters, ``after``: as many letters as put
    the end of ``mark`` (the first in ``after``) at byte ``at`` of the sheet's XML, where the
    streamed pass cuts a piece when ``at`` is a multiple of a megabyte."""
    probe = _sheet_file(path, before + after, **kw)
    with zipfile.ZipFile(probe) as zf:
        xml = zf.read(SHEET)
    end = xml.index(before) + len(before) + after.index(mark) + len(mark)
    _sheet_file(path, before + _text(at - end) + after, **kw)
    with zipfile.ZipFile(path) as zf:
        xml = zf.read(SHEET)
    assert xml[:at].endswith(mark)
    return path


# ---- the prolog and the first 64 KB -----------------------------------------------------------
def test_a_doctype_mentioned_in_a_comment_inside_the_sheet_is_no_document_type(tmp_path):
    """Only the prolog before a sheet's root element can declare a document type; a comment in
    the rows that mentions ``<!DOCTYPE`` (near the start, and again right after the first
    megabyte, where the next piece of the streamed pass begins) declares nothing, calamine
    skips it, and the sheet is read. Kills `scan_sheet` 35 (every piece taken for the start of
    the part), 36 and 40 (the first 64 KB searched instead of the prolog)."""
    comment = b"<!-- <!DOCTYPE x [<!ENTITY y 'z'>]> -->"
    after = b"</t></is></c></row>" + comment + b'<row r="3"><c r="A3"><v>2</v></c></row>'
    path = _cut_at(tmp_path / "svar.xlsx", HEADER_Q + comment + TEXT_ROW, after, comment, CHUNK)
    table = read_table(path)
    assert table.frame["q1"].tolist() == [1, 2]
    assert len(table.frame["q2"].iloc[0]) > CHUNK // 2


def test_a_sheet_whose_root_element_starts_after_64_kb_is_read(tmp_path):
    """A sheet's XML with 70 KB of blanks between its declaration and its root element is
    valid XML and calamine reads it: the check of the prolog, which looks for the root element
    in the first 64 KB only, searches those 64 KB instead, and does not stop with an internal
    error. Kills `scan_sheet` 41."""
    rows = HEADER_Q + b'<row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>2</v></c></row>'
    path = _edit_parts(
        _sheet_file(tmp_path / "svar.xlsx", rows),
        _in_sheet(lambda data: data.replace(b"\n", b"\n" + b" " * 70_000, 1)),
    )
    assert read_table(path).frame.values.tolist() == [[1, 2]]


@pytest.mark.parametrize("where", [65_535, 65_536])
def test_the_used_range_is_looked_for_in_the_first_64_kb_only(tmp_path, where):
    """The used range (``<dimension ref=...>``) is looked for in the first 64 KB of a sheet's
    XML (65,536 bytes), as everywhere else it is read: a stale one of 300,000 rows that ends in
    byte 65,536 is over the row limit and refused before reading; one that ends a byte later is
    not seen (the rows are counted instead) and the sheet of one answer row is read. Kills
    `scan_sheet` 62 (65,537 bytes searched)."""
    rows = HEADER_Q + b'<row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>2</v></c></row>'
    path = _sheet_file(tmp_path / "svar.xlsx", rows, dimension=b"A1:B300000")
    with zipfile.ZipFile(path) as zf:
        xml = zf.read(SHEET)
    end = xml.index(b'B300000"') + len(b'B300000"')  # the quote ends in byte `end`
    blanks = b" " * (where - end + 1)
    _edit_parts(path, _in_sheet(lambda data: data.replace(b"<dimension", blanks + b"<dimension")))
    with zipfile.ZipFile(path) as zf:
        assert zf.read(SHEET).index(b'B300000"') + len(b'B300000"') == where + 1
    if where < 65_536:
        assert used_rows(path, SHEET) == 300_000
        with pytest.raises(mognad.InputError) as err:
            read_table(path)
        assert "A1:B300000" in err.value.text("en")
    else:
        assert used_rows(path, SHEET) is None
        assert read_table(path).frame.values.tolist() == [[1, 2]]


def test_rows_of_a_prefixed_sheet_read_exactly_are_counted_by_their_end_tags(tmp_path):
    """A sheet whose elements have a prefix (``<x:row>``, as some programs write) and a cell
    without a reference is read exactly, and its rows after the first megabyte are counted by
    their ``</x:row>`` end tags: 13 rows pass a limit of 13, and at 12 the sheet is refused for
    the rows counted in its XML, as an unprefixed one is, not later for the cell reference in
    row 13. Kills `scan_sheet` 55, 58, 59 (the end tags looked for under another name), 36."""

    def x(xml: bytes) -> bytes:
        return xml.replace(b"<", b"<x:").replace(b"<x:/", b"</x:")

    rows = x(
        HEADER_Q + b'<row r="2"><c r="A2"><v>2</v></c><c><v>0</v></c></row>'
        b'<row r="3"><c r="A3"><v>3</v></c><c r="B3" t="inlineStr"><is><t>'
    )
    rows += _text(CHUNK + CHUNK // 10) + x(
        b"</t></is></c></row>"
        + b"".join(b'<row r="%d"><c r="A%d"><v>%d</v></c></row>' % (i, i, i) for i in range(4, 14))
    )
    path = _sheet_file(tmp_path / "prefix.xlsx", rows, root=b"x")
    assert scan_sheet(path, SHEET, Limits(max_rows=13), "Svar").rows == 13
    with pytest.raises(mognad.InputError) as err:
        scan_sheet(path, SHEET, Limits(max_rows=12), "Svar")
    assert err.value.text("en") == (
        'prefix.xlsx, sheet "Svar": the sheet has more than the limit of 12 rows (counted in its '
        "XML before reading). Expected at most 12 rows (delete empty or unused rows at the "
        "bottom); if the file is genuine, raise the limit with the environment variable "
        "MOGNAD_MAX_ROWS."
    )


# ---- where a piece is cut ---------------------------------------------------------------------
_ERROR_B3 = b'<c r="B3" t="e"><v>#N/A</v></c></row>'


#: (rows before the letters, rows after them, where a piece ends, which megabyte)
_CUTS = {
    # the first megabyte ends inside row 3, right after the error cell's start tag
    "after the cell's start tag": (
        HEADER_Q + TEXT_ROW,
        b'</t></is></c></row><row r="3"><c r="A3"><v>2</v></c>' + _ERROR_B3,
        b't="e">',
        CHUNK,
    ),
    # a row of two megabytes: the second piece has no row end, and ends after the value
    "after the value, in a long row": (
        HEADER_Q + b'<row r="3"><c r="A3" t="inlineStr"><is><t>',
        b"</t></is></c>" + _ERROR_B3,
        b"</v>",
        2 * CHUNK,
    ),
    # the same row; the second piece ends with the first byte of the error cell
    "a byte into the cell, in a long row": (
        HEADER_Q + b'<row r="3"><c r="A3" t="inlineStr"><is><t>',
        b"</t></is></c>" + _ERROR_B3,
        b"</is></c><",
        2 * CHUNK,
    ),
}


@pytest.mark.parametrize("cut", _CUTS)
def test_an_error_cell_cut_by_the_edge_of_a_megabyte_is_put_back(tmp_path, cut):
    """calamine reads #N/A as blank and the reader puts the text back from the streamed pass,
    which reads the sheet a megabyte at a time and cuts each piece after its last row end (or
    after its last tag end in a row longer than that): an error cell that the edge of a
    megabyte falls inside is still read as #N/A, wherever the edge falls. Kills `scan_sheet`
    112, 113, 115 (every piece cut after its last tag end), 121 (two bytes before it), 125 (a
    byte after it: the next piece began ``c r="B3"``)."""
    before, after, mark, at = _CUTS[cut]
    path = _cut_at(tmp_path / "fel.xlsx", before, after, mark, at)
    frame = read_table(path).frame
    assert frame["q2"].tolist()[-1] == "#N/A"
    assert scan_sheet(path, SHEET, Limits(), "Svar").errors == [(3, 1, "#N/A")]


def test_a_hidden_row_whose_start_tag_ends_a_megabyte_is_noted(tmp_path):
    """A hidden row is noted when the first megabyte of the sheet's XML ends right after the
    row's start tag: the piece before is cut after the row end before it, and the next piece
    begins with the whole ``<row r="3" hidden="1">``. Kills `scan_sheet` 118 (the piece cut a
    byte later, so that the next one began ``row r="3"``)."""
    after = b'</t></is></c></row><row r="3" hidden="1"><c r="A3"><v>2</v></c></row>'
    path = _cut_at(tmp_path / "dold.xlsx", HEADER_Q + TEXT_ROW, after, b'hidden="1">', CHUNK)
    assert scan_sheet(path, SHEET, Limits(), "Svar").hidden_rows == [3]
    notes = words(read_table(path).notes, "en")
    assert len(notes) == 1 and notes[0].startswith('1 hidden row(s) in sheet "Svar" (row 3)')


# ---- after the last row -----------------------------------------------------------------------
#: a cell after the last row end (calamine places it by its reference); blanks keep it out of
#: the 24 bytes looked at where the pieces meet
_AFTER_ROWS = b'<c r="C2"><v>7</v></c>' + b" " * 40


def test_a_far_cell_after_the_last_row_is_found_before_reading(tmp_path):
    """calamine places a cell by its reference even when it comes after the last row's end
    tag, so a cell at XFD1048576 there would make it allocate 17 billion cells: the XML after
    the last row end is searched like the rest, and the sheet is refused before reading,
    naming the cell. Kills `scan_sheet` 171, 193 (what lies after the last row end never
    searched)."""
    rows = HEADER_Q + b'<row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>2</v></c></row>'
    path = _sheet_file(
        tmp_path / "far.xlsx", rows + _AFTER_ROWS + b'<c r="XFD1048576"><v>1</v></c>'
    )
    with pytest.raises(mognad.InputError) as err:
        scan_sheet(path, SHEET, Limits(), "Svar")  # not read_table: calamine would abort
    assert err.value.text("en").startswith(
        'far.xlsx, sheet "Svar": the cell reference XFD1048576 in the sheet\'s XML is in row '
        "1,048,576, "
    )


def test_a_percent_cell_after_the_last_row_is_a_percentage_cell(tmp_path):
    """A number in a cell formatted as a percentage is handed on as a percentage cell even when
    the cell comes after the last row's end tag (calamine reads it, by its reference, into row
    2 here): the XML after the last row end is searched with the percent styles too. Kills
    `scan_sheet` 183."""
    rows = HEADER_Q + b'<row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>2</v></c></row>'
    path = _sheet_file(tmp_path / "pct.xlsx", rows + b'<c r="C2" s="1"><v>0.5</v></c>')
    assert read_table(path).frame.values.tolist() == [[1, 2, 0.5]]
    assert scan_sheet(path, SHEET, Limits(), "Svar", frozenset({1})).percent == [(2, 2)]


def test_a_sheet_with_conditional_formatting_after_its_rows_is_read(tmp_path):
    """A sheet with a conditional format (``<conditionalFormatting>`` after the rows, which
    the quick count of cell tags takes for a cell tag) is read, not stopped by an internal
    error. Kills `scan_sheet` 192 (the XML after the last row end not handed on to the closer
    look)."""
    from openpyxl import Workbook
    from openpyxl.formatting.rule import CellIsRule
    from openpyxl.styles import PatternFill

    book = Workbook()
    sheet = book.active
    sheet.title = "Svar"
    for row in [["q1", "q2"], [1, 2], [3, 4]]:
        sheet.append(row)
    fill = PatternFill(start_color="FFFF00", end_color="FFFF00", fill_type="solid")
    sheet.conditional_formatting.add(
        "A2:B3", CellIsRule(operator="equal", formula=["1"], fill=fill)
    )
    path = tmp_path / "svar.xlsx"
    book.save(path)
    with zipfile.ZipFile(path) as zf:
        assert b"</sheetData><conditionalFormatting" in zf.read(SHEET)
    assert read_table(path).frame.values.tolist() == [[1, 2], [3, 4]]


# ---- the start of the part --------------------------------------------------------------------
def test_stray_letters_before_a_sheets_xml_do_not_make_it_read_twice(tmp_path):
    """calamine skips stray bytes before a sheet's XML declaration ("A1" here, which the quick
    search would take for the end of a column name with two letters in front); they are not
    taken for a reference, the sheet is not read a second time by the XML parser (which would
    refuse them), and it is read as calamine reads it. Kills `scan_sheet` 25 (the pass started
    with 4 bytes of its own in front of the part)."""
    rows = HEADER_Q + b'<row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>2</v></c></row>'
    path = _edit_parts(_sheet_file(tmp_path / "svar.xlsx", rows), _in_sheet(lambda d: b"A1" + d))
    assert read_table(path).frame.values.tolist() == [[1, 2]]


# ---- text without a tag end -------------------------------------------------------------------
def _long_text_sheet(path: Path, size: int) -> Path:
    long_row = b'<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="inlineStr"><is><t>'
    return _sheet_file(path, HEADER_Q + long_row + _text(size) + b"</t></is></c></row>")


def test_megabytes_of_text_without_a_tag_end_are_scanned_in_little_memory(tmp_path):
    """A cell of 16 MB of text (no ``>`` in it) is scanned in as little memory as one of 4 MB:
    all but the last kilobyte of text without a tag end is let go past 2 MB, so a sheet of
    hundreds of megabytes of such text cannot use up memory before it is read. Kills
    `scan_sheet` 167 (the first kilobyte let go instead, and the rest kept)."""
    import tracemalloc

    peaks = []
    for size in (4, 16):
        path = _long_text_sheet(tmp_path / f"text{size}.xlsx", size * CHUNK)
        tracemalloc.start()
        try:
            assert scan_sheet(path, SHEET, Limits(), "Svar").rows == 2
            peaks.append(tracemalloc.get_traced_memory()[1])
        finally:
            tracemalloc.stop()
    assert peaks[1] - peaks[0] < 2 * CHUNK, peaks


#: row 2 has an attribute twice: calamine reads it, the exact reading (expat) refuses it
_TWICE = b'<row r="2"><c r="A2" s="0" s="0"><v>1</v></c><c r="B2" t="inlineStr"><is><t>'


@pytest.mark.parametrize("at", [CHUNK, CHUNK - 1], ids=["2 MB", "2 MB and a byte"])
def test_more_than_two_megabytes_of_text_after_a_tag_have_the_sheet_read_exactly(tmp_path, at):
    """The streamed pass carries text without a tag end over to the next piece; once more than
    2 MB of it is carried, all but its last kilobyte is let go and, since a tag may have begun
    in it, the sheet is read exactly (by expat, which refuses row 2's attribute written twice).
    A text cell whose start tag ends the first megabyte leaves exactly 2 MB after it when the
    third megabyte has been read: not more, so calamine reads the sheet as it is; a byte more,
    and the sheet is refused as XML that is not well-formed. Kills `scan_sheet` 158 (``>=``)
    and the mutant that carries up to 3 MB (`scan_sheet` 160 in the current copy)."""
    after = b'</t></is></c></row><row r="3"><c r="A3"><v>2</v></c><c r="B3" t="inlineStr"><is><t>'
    after += _text(2 * CHUNK + 100) + b"</t></is></c></row>"
    path = _cut_at(tmp_path / "svar.xlsx", HEADER_Q + _TWICE, after, b"<is><t>", at)
    if at == CHUNK:
        table = read_table(path)
        assert table.frame["q1"].tolist() == [1, 2]
        assert len(table.frame["q2"].iloc[1]) == 2 * CHUNK + 100
    else:
        with pytest.raises(mognad.InputError) as err:
            read_table(path)
        assert err.value.text("en").startswith(
            'svar.xlsx, sheet "Svar": the sheet\'s XML is not well-formed (line 2, '
        )


def test_a_piece_that_is_only_the_end_of_row_in_a_text_has_the_sheet_read_exactly(tmp_path):
    """A text may hold ``>`` (XML lets it go unescaped): here "...>row" ends the second
    megabyte, and ">", 30 letters, ">" and a megabyte of letters follow. The piece the streamed
    pass cuts there is the 4 bytes "row>", too short for the quick search, so the sheet is read
    exactly, and expat refuses row 2's attribute written twice (calamine would read it). Pins
    where a piece is cut when a row end stands at its very start. Kills `scan_sheet` 119, 120
    (a row end at the first byte not taken for one: the piece cut after the text's last ``>``
    instead, 35 bytes, which the quick search passes)."""
    after = b'</t></is></c></row><row r="3"><c r="A3"><v>2</v></c><c r="B3" t="inlineStr"><is><t>'
    after += (
        _text(CHUNK + 1000)
        + b">row>"
        + _text(30)
        + b">"
        + _text(CHUNK + 100)
        + b"</t></is></c></row>"
    )
    path = _cut_at(tmp_path / "svar.xlsx", HEADER_Q + _TWICE, after, b">row", 2 * CHUNK)
    with zipfile.ZipFile(path) as zf:
        assert zf.read(SHEET)[:CHUNK].count(b"row>") == 2  # row 2 ends in the first megabyte
    with pytest.raises(mognad.InputError) as err:
        read_table(path)
    assert err.value.text("en").startswith(
        'svar.xlsx, sheet "Svar": the sheet\'s XML is not well-formed (line 2, '
    )


# ---- how rows are counted ---------------------------------------------------------------------
def test_rows_without_the_prefix_of_the_root_element_are_counted(tmp_path):
    """A sheet whose root element has a prefix (``<x:worksheet>``) and whose rows have none
    (``<row>`` in the default namespace, declared on the root too: valid XML, which calamine
    reads) has its rows counted by the quick count of row end tags: 6 rows pass a limit of 6
    and at 5 the sheet is refused for the rows counted in its XML, before any cell is placed.
    Kills `scan_sheet` 129, 130, 140, 147 (each piece's rows counted as ``</x:row>`` end
    tags, the root's prefix: none here)."""
    rows = HEADER_Q + b"".join(
        b'<row r="%d"><c r="A%d"><v>%d</v></c><c r="B%d"><v>0</v></c></row>' % (i, i, i, i)
        for i in range(2, 7)
    )
    path = _edit_parts(
        _sheet_file(tmp_path / "blandat.xlsx", rows, root=b"x"),
        _in_sheet(lambda d: d.replace(b"<x:worksheet ", b'<x:worksheet xmlns="%s" ' % _MAIN)),
    )
    assert read_table(path, limits=Limits(max_rows=6)).frame["q1"].tolist() == [2, 3, 4, 5, 6]
    with pytest.raises(mognad.InputError) as err:
        read_table(path, limits=Limits(max_rows=5))
    assert err.value.text("en") == (
        'blandat.xlsx, sheet "Svar": the sheet has more than the limit of 5 rows (counted in its '
        "XML before reading). Expected at most 5 rows (delete empty or unused rows at the "
        "bottom); if the file is genuine, raise the limit with the environment variable "
        "MOGNAD_MAX_ROWS."
    )


@pytest.mark.parametrize("engine", ["calamine", "openpyxl"])
def test_the_error_cell_named_is_the_10001st_even_with_more_after_a_megabyte(tmp_path, engine):
    """A sheet with 10,001 error cells in its first rows and another one more than a megabyte
    further down is refused naming the 10,001st (B10002), not the last one the scan came to."""
    rows = HEADER + b"".join(
        b'<row r="%d"><c r="A%d"><v>1</v></c><c r="B%d" t="e"><v>#N/A</v></c></row>' % (r, r, r)
        for r in range(2, 10_003)
    )
    filler = b"".join(
        b'<row r="%d"><c r="A%d"><v>1</v></c><c r="B%d"><v>2</v></c></row>' % (r, r, r)
        for r in range(10_003, 40_003)
    )
    late = b'<row r="40003"><c r="A40003"><v>1</v></c><c r="B40003" t="e"><v>#REF!</v></c></row>'
    assert len(rows + filler) > CHUNK
    path = _sheet_file(tmp_path / "fel.xlsx", rows + filler + late)
    with pytest.raises(mognad.InputError) as err:
        ExcelReader(engine).read(path)
    assert err.value.text("en").startswith(
        'fel.xlsx, sheet "Svar", row 10002, column B: error value number 10,001 in the sheet '
    )


#: what the check before reading says of a piece of XML: may its text not be in NFC form?
NFC_CHECK = {
    "ASCII": (b'<c r="A1"><v>1</v></c>', False),
    "Swedish letters, dashes, quotes, an ellipsis, a bullet; a dash at the very end": (
        "Åre – ”Kultur” … • Öland –".encode(),
        False,
    ),
    "a euro sign and a Greek letter: checked, NFC": ("x € Ω".encode(), False),
    "a combining ring (U+030A)": ("A\u030angermanland".encode(), True),
    "a combining acute tone mark (U+0341, NFC U+0301)": ("Cafe\u0341".encode(), True),
    "the Greek ano teleia U+0387 (NFC U+00B7), at the very end": ("x\u0387".encode(), True),
    "the Angstrom sign U+212B": ("\u212bre".encode(), True),
    "U+2000 after a Swedish letter (NFC U+2002)": ("å\u2000".encode(), True),
    "a reference to U+212B at the start": (b"&#x212B;re", True),
    "references below U+0300 and to dashes": (b"&#229;re &#8211; &#8221;x&#8221;", False),
    "a letter and a reference to a combining ring": (b"A&#778;ngermanland", True),
}


@pytest.mark.parametrize(("data", "may"), NFC_CHECK.values(), ids=list(NFC_CHECK))
def test_the_nfc_check_before_reading_says_yes_only_for_text_that_may_change(data, may):
    """The check on a workbook's XML before reading says that its text may not be in NFC form
    exactly when it may (a combining accent, a character that NFC changes, as a character or
    a reference), and passes over Swedish text with dashes, quotes and the other punctuation
    of U+2002-U+203F, so that the text cells of such a workbook are not looked at again."""
    from mognad_core.readers.limits import _combining

    assert _combining(data) is may


CUT_OFF = {
    "a cell tag": (
        b"><c r",
        'kort.xlsx, sheet "Svar": the sheet\'s XML is not well-formed (line 2, character 284 of '
        "the XML text, for example an attribute twice in one element), so how far its cells "
        "reach cannot be told before it is read. Expected a workbook saved by Excel, "
        "LibreOffice or a survey tool.",
    ),
    "a row tag": (
        b"/><row",
        "kort.xlsx: the file could not be read as an Excel workbook (syntax error: tag not "
        "closed: `>` not found before end of input). Expected an Excel workbook (.xlsx) saved "
        "by Excel, LibreOffice or a survey tool.",
    ),
}


@pytest.mark.parametrize(("end", "message"), CUT_OFF.values(), ids=list(CUT_OFF))
def test_a_sheet_cut_off_inside_a_tag_is_refused_in_words(tmp_path, end, message):
    """A damaged sheet whose XML stops in the middle of a cell or row tag (a file cut short) is
    refused with a message in words (as XML that is not well-formed, or as calamine's own
    refusal), not with a traceback from the search before reading."""

    def cut(name, data):
        if name == SHEET:
            data = data[: data.index(b"</sheetData>")] + b'<row r="3" spans="1:2"' + end
        return name, data

    rows = HEADER + b'<row r="2"><c r="A2"><v>1</v></c></row>'
    path = _edit_parts(_sheet_file(tmp_path / "kort.xlsx", rows), cut)
    with pytest.raises(mognad.InputError) as err:
        read_table(path)
    assert err.value.text("en") == message


@pytest.mark.parametrize("ref", [b"&#x110000;", b"&#99999999;"])
@pytest.mark.parametrize("engine", ["calamine", "openpyxl"])
def test_a_reference_to_no_character_is_refused_in_words(tmp_path, engine, ref):
    """A damaged sheet whose text refers to a character past U+10FFFF (``&#x110000;``), beside
    the Angstrom sign that has the text checked for NFC form, is refused by either engine with
    its own words, not with a traceback from the check before reading."""
    rows = HEADER + (
        b'<row r="2"><c r="A2" t="inlineStr"><is><t>&#x212B;re %s</t></is></c>'
        b'<c r="B2"><v>1</v></c></row>' % ref
    )
    path = _sheet_file(tmp_path / "ref.xlsx", rows)
    with pytest.raises(mognad.InputError) as err:
        ExcelReader(engine).read(path)
    assert err.value.text("en").startswith(
        "ref.xlsx: the file could not be read as an Excel workbook ("
    )


def test_row_in_a_text_is_no_row_end_once_the_sheet_is_read_exactly(tmp_path):
    """Text may hold "row>" unescaped (a ">" is allowed in XML text): once a sheet is read
    exactly its rows are counted by their end tags only, so 13 rows, one of them with the text
    "arrow>", pass a limit of 13 rows."""
    rows = (
        HEADER + b'<row r="2"><c r="A2"><v>2</v></c><c><v>0</v></c></row>'
        b'<row r="3"><c r="A3"><v>3</v></c><c r="B3" t="inlineStr"><is><t>'
        + b"x" * (CHUNK + CHUNK // 10)
        + b"</t></is></c></row>"
        + b"".join(
            b'<row r="%d"><c r="A%d"><v>%d</v></c><c r="B%d" t="inlineStr"><is><t>arrow></t>'
            b"</is></c></row>" % (i, i, i, i)
            for i in range(4, 14)
        )
    )
    path = _sheet_file(tmp_path / "pil.xlsx", rows)
    limits = Limits(max_rows=13, max_compression_ratio=0)
    assert read_table(path, limits=limits).frame.shape == (12, 2)
