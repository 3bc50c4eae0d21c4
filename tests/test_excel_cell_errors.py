"""What a failing MOGNAD_* cell shows in each host (mognad_excel.cell_errors).

Excel is not on this machine, so each host's conversion is checked against the code that does
it there: xlwings' own functions, read from the installed xlwings source (its classic COM
engine and its Office.js engine cannot be imported here: one needs pywin32, the other a
license key), and pywin32's ``win32com.client.VARIANT`` interface (``varianttype`` and
``value``, what pywin32's ``PyCom_VariantFromPyObject`` turns into a VT_ERROR variant).
"""

from __future__ import annotations

import ast
import pickle
import sys
import types
from pathlib import Path

import pytest
import xlwings
from conftest import TINY
from mognad_excel import cell_errors, udfs
from mognad_excel.cell_errors import NA, NUM, VALUE, ErrorValue, LiteError

XLWINGS = Path(xlwings.__file__).parent


def xlwings_functions(relative: str, *names: str, namespace: dict | None = None) -> dict:
    """Functions (and module-level assignments) of an xlwings source file, run on their own."""
    tree = ast.parse((XLWINGS / relative).read_text(encoding="utf-8"))
    wanted: list[ast.stmt] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name in names:
            node.decorator_list = []
            wanted.append(node)
        elif isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id in names for t in node.targets
        ):
            wanted.append(node)
    found = {n.name if isinstance(n, ast.FunctionDef) else n.targets[0].id for n in wanted}
    assert found == set(names), f"xlwings {xlwings.__version__} changed: {set(names) - found}"
    scope = dict(namespace or {})
    exec(compile(ast.Module(body=wanted, type_ignores=[]), relative, "exec"), scope)
    return scope


# ---- the Python host: recalc (pycel) and direct calls ---------------------------------------
def test_python_host_gives_a_str_equal_to_the_error_carrying_its_message():
    value = cell_errors.failed(NA, "MOGNAD: för få svarande.", "python")
    assert isinstance(value, ErrorValue) and isinstance(value, str)
    assert value == "#N/A" and value.code == "#N/A" and value.message == "MOGNAD: för få svarande."
    again = pickle.loads(pickle.dumps(value))  # cached results keep the message
    assert again == value and again.message == value.message
    assert cell_errors.code_of(value) == NA and cell_errors.message_of(value) == value.message
    with pytest.raises(ValueError):
        cell_errors.failed("#OOPS!", "x", "python")


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("#N/A", NA),
        ("#n/a", NA),
        (" #VALUE! ", VALUE),
        ("#NUM!", NUM),
        ("#SPILL!", "#SPILL!"),
        (-2146826246, NA),  # a VT_ERROR code, as classic xlwings passes it without err_to_str
        (-2146826273, VALUE),
        ("N/A", None),  # text a survey tool writes for "not answered", not an error
        ("Vet ej", None),
        (4.0, None),
        (True, None),
        (None, None),
    ],
)
def test_code_of_knows_every_form_an_error_arrives_in(value, code):
    assert cell_errors.code_of(value) == code


def test_the_default_host_here_is_python(monkeypatch):
    monkeypatch.delenv("XLWINGS_ON_SERVER", raising=False)
    assert cell_errors.host() == "python"
    monkeypatch.setenv("XLWINGS_ON_SERVER", "true")
    assert cell_errors.host() == "lite"
    monkeypatch.delenv("XLWINGS_ON_SERVER")
    monkeypatch.setattr(sys, "platform", "emscripten")  # Pyodide, as in xlwings Lite
    assert cell_errors.host() == "lite"


# ---- classic xlwings (Windows, COM): a VT_ERROR variant --------------------------------------
@pytest.fixture
def pywin32(monkeypatch):
    """pywin32's two names cell_errors uses, with pywin32's interface: ``VARIANT(vt, value)``
    with ``varianttype`` and ``value`` (win32com/client/__init__.py), and ``VT_ERROR = 10``."""

    class VARIANT:
        def __init__(self, vt, value):
            self.varianttype = vt
            self._value = value

        value = property(lambda self: self._value)

    pythoncom = types.ModuleType("pythoncom")
    pythoncom.VT_ERROR = 10
    win32com = types.ModuleType("win32com")
    client = types.ModuleType("win32com.client")
    client.VARIANT = VARIANT
    win32com.client = client
    monkeypatch.setitem(sys.modules, "pythoncom", pythoncom)
    monkeypatch.setitem(sys.modules, "win32com", win32com)
    monkeypatch.setitem(sys.modules, "win32com.client", client)
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.delenv("XLWINGS_ON_SERVER", raising=False)
    return VARIANT


def test_classic_returns_the_vt_error_variant_xlwings_reads_back_as_the_same_error(pywin32):
    assert cell_errors.host() == "classic"
    # xlwings' own table of the VT_ERROR codes Excel uses (_xlwindows.cell_errors)
    xl_errors = xlwings_functions("_xlwindows.py", "cell_errors")["cell_errors"]
    for code in (VALUE, NA, NUM):
        value = udfs.cell_errors.failed(code, "MOGNAD: x.")
        assert isinstance(value, pywin32) and value.varianttype == 10
        assert xl_errors[value.value] == code  # what xlwings reads such a cell as
    assert set(cell_errors.SCODES.items()) >= {(c, s) for s, c in xl_errors.items()}


def test_classic_every_function_returns_the_variant_never_text(pywin32):
    value = udfs.MOGNAD_SCORE([["a1"], ["kanske"]], TINY)
    assert isinstance(value, pywin32) and value.value == cell_errors.SCODES[VALUE]
    few = udfs.MOGNAD_SCORE([["a1"], [4.0], [3.0]], TINY)  # two respondents: no result
    assert isinstance(few, pywin32) and few.value == cell_errors.SCODES[NA]


def test_classic_xlwings_passes_error_cells_as_their_text_only_with_err_to_str():
    """Why every range argument has ``err_to_str=True``: without it classic xlwings turns an
    error cell into a blank (the answer silently lost), with it into "#N/A" (refused, located)."""
    clean = xlwings_functions(
        "_xlwindows.py",
        "cell_errors",
        "_clean_value_data_element",
        namespace={"time_types": (), "_com_time_to_datetime": None},
    )["_clean_value_data_element"]
    raw = -2146826246  # an #N/A cell, as COM passes it
    assert clean(raw, None, None, None, False) is None  # the old way: a blank
    assert clean(raw, None, None, None, True) == "#N/A"
    assert cell_errors.code_of(clean(raw, None, None, None, True)) == NA


# ---- xlwings Lite / Server (Office.js) ---------------------------------------------------
def test_lite_raises_value_errors_for_the_hover_message_and_returns_the_others(monkeypatch):
    monkeypatch.setenv("XLWINGS_ON_SERVER", "true")
    with pytest.raises(LiteError, match=r"^MOGNAD: rad 3"):
        cell_errors.failed(VALUE, "MOGNAD: rad 3, kolumn B: fel.")
    assert cell_errors.failed(NA, "MOGNAD: för få.") == "#N/A"
    assert type(cell_errors.failed(NUM, "MOGNAD: 150.")) is str
    assert cell_errors.in_table(VALUE, "x") == "#VALUE!"  # inside a table: never raised
    with pytest.raises(LiteError):
        udfs.MOGNAD_SCORE([["a1"], ["kanske"]], TINY)  # the function lets it through


def test_lite_office_js_conversion_turns_the_returned_codes_into_error_values():
    office = xlwings_functions(
        "pro/_xlofficejs.py",
        "errorstr_to_errortype",
        "_clean_value_data_element",
        namespace={"_is_jsnull": lambda v: False},
    )
    to_error = office["errorstr_to_errortype"]
    assert to_error(NA, "1.4") == {"type": "Error", "errorType": "NotAvailable"}
    assert to_error(NUM, "1.4") == {"type": "Error", "errorType": "Num"}
    assert to_error(VALUE, "1.4") == {"type": "Error", "errorType": "Value"}
    # an error cell in a range argument arrives as its text with err_to_str
    cell = {"type": "Error", "basicValue": "#N/A", "errorType": "NotAvailable"}
    clean = office["_clean_value_data_element"]
    assert clean(cell, None, None, None, True) == "#N/A"
    assert clean(cell, None, None, None, False) is None


def test_lite_turns_strings_that_start_with_hash_into_errors_so_tables_never_return_them():
    """xlwings' Office.js writer makes every str starting with "#" an error: no MOGNAD_* table
    may hold such text by accident (statement texts, ids and headers of the built-in models)."""
    source = (XLWINGS / "pro/_xlofficejs.py").read_text(encoding="utf-8")
    assert 'isinstance(x, str) and x.startswith("#")' in source
    import mognad_core as mognad

    for info in mognad.list_models():
        m = mognad.get_model(info.name)
        texts = [s.text for s in m.statements] + list(m.statement_ids)
        texts += [d.label for d in m.all_dimensions()]
        assert not [t for t in texts if t.startswith("#")], info.name


# ---- every function reaches the one module -------------------------------------------------
BAD = {
    "MOGNAD_SCORE": ("f11",),
    "MOGNAD_RESPONDENTS": ("f11",),
    "MOGNAD_DIMENSIONS": ("f11",),
    "MOGNAD_STATEMENTS": ("f11",),
    "MOGNAD_GAP": ("f11",),
    "MOGNAD_PRIORITIES": ("f11",),
    "MOGNAD_LEVEL": (0.5, "nomodel"),
    "MOGNAD_CHANGE": ("f11", "f11"),
    "MOGNAD_MODELS": (),
    "MOGNAD_HEADERS": ("nomodel",),
    "MOGNAD_INSIGHTS": ("f11",),
    "MOGNAD_CHECK": ("f11",),
}


def test_every_function_fails_through_cell_errors(monkeypatch):
    assert set(BAD) == set(udfs.FUNCTIONS)
    calls = []

    def recording(code, message, where=None):
        calls.append((code, message))
        return ErrorValue(code, message)

    monkeypatch.setattr(cell_errors, "failed", recording)
    monkeypatch.setattr("mognad_core.list_models", lambda: 1 / 0)  # MOGNAD_MODELS fails too
    for name, args in BAD.items():
        before = len(calls)
        value = udfs.FUNCTIONS[name](*args)
        if name == "MOGNAD_CHECK":  # it reports problems as rows, and fails only itself
            assert value[1][0] == "fel" and value[1][1].startswith("argumentet "), value
            continue
        assert len(calls) == before + 1, name
        assert value == calls[-1][0] and calls[-1][1].startswith("MOGNAD: "), name


# ---- what mutation testing found (cell_errors.py) ----------------------------------------------
def test_a_number_is_an_error_code_only_as_a_whole_number():
    """Classic xlwings passes an error cell as an int SCODE; a number typed in a cell (a float,
    even of the same value) and TRUE/FALSE are values, never errors."""
    scode = cell_errors.SCODES[NA]
    assert cell_errors.code_of(scode) == NA
    assert cell_errors.code_of(float(scode)) is None
    assert cell_errors.code_of(True) is None and cell_errors.code_of(0.5) is None


def test_classic_errors_without_a_vt_error_code_are_value_errors(pywin32):
    """#SPILL! and #CALC! have no VT_ERROR code: classic Excel gets #VALUE!."""
    for code in ("#SPILL!", "#CALC!"):
        value = cell_errors.failed(code, "MOGNAD: x.")
        assert value.varianttype == 10 and value.value == cell_errors.SCODES[VALUE], code


def test_only_excel_error_values_can_be_failed_with():
    with pytest.raises(ValueError, match=r"^not an Excel error value: '#OOPS'$"):
        cell_errors.failed("#OOPS", "x")


def test_windows_without_pywin32_is_the_python_host(monkeypatch):
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.delenv("XLWINGS_ON_SERVER", raising=False)
    monkeypatch.setitem(sys.modules, "pythoncom", None)  # import pythoncom raises ImportError
    assert cell_errors.host() == "python"
    assert isinstance(cell_errors.failed(NA, "MOGNAD: x."), ErrorValue)


def test_a_table_cell_for_a_host_named_is_that_hosts(monkeypatch):
    monkeypatch.setenv("XLWINGS_ON_SERVER", "true")  # running in Lite, asked for Python's value
    value = cell_errors.in_table(VALUE, "MOGNAD: x.", "python")
    assert isinstance(value, ErrorValue) and value.message == "MOGNAD: x."
