"""docs/api.md documents the public Python API: exactly the names in ``mognad_core.__all__``.

The page's form, which this test reads: one ``### `name` `` heading per name; a function's entry
has its signature as the first line of a ```python block (``name(a, b=1, *, lang="sv") ->
Result``), checked against ``inspect.signature`` (names, kinds, defaults, return annotation),
as datasette's test_docs checks its hooks; a result or schema object's entry names each of
its fields in backticks. The ```python blocks that start with ``import mognad_core`` are run,
and each ``print(...)  # shown`` must print what its comment shows.
"""

from __future__ import annotations

import ast
import dataclasses
import inspect
import json
import re

import pytest
from conftest import ROOT

import mognad_core as mognad

DOC = ROOT / "docs" / "api.md"
TEXT = DOC.read_text(encoding="utf-8")
HEADING = re.compile(r"^### `(\w+)`$", flags=re.M)


def entries() -> dict[str, str]:
    """name -> the text of its entry (up to the next heading)."""
    found: dict[str, str] = {}
    for match in HEADING.finditer(TEXT):
        rest = TEXT[match.end() :]
        end = re.search(r"^#{2,3} ", rest, flags=re.M)
        found[match.group(1)] = rest[: end.start()] if end else rest
    return found


ENTRIES = entries()


def _default(value: object) -> str:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, str) else repr(value)


def signature_text(obj: object, name: str) -> str:
    """The signature line the page should show for ``obj``: parameters with their defaults,
    no annotations, and the return annotation when there is one."""
    sig = inspect.signature(obj)
    parts: list[str] = []
    star_done = False
    for p in sig.parameters.values():
        if p.kind is p.VAR_POSITIONAL:
            parts.append(f"*{p.name}")
            star_done = True
            continue
        if p.kind is p.KEYWORD_ONLY and not star_done:
            parts.append("*")
            star_done = True
        if p.kind is p.VAR_KEYWORD:
            parts.append(f"**{p.name}")
            continue
        parts.append(p.name if p.default is p.empty else f"{p.name}={_default(p.default)}")
        if p.kind is p.POSITIONAL_ONLY and (
            list(sig.parameters.values()).index(p) == len(sig.parameters) - 1
            or list(sig.parameters.values())[list(sig.parameters.values()).index(p) + 1].kind
            is not p.POSITIONAL_ONLY
        ):
            parts.append("/")
    text = f"{name}({', '.join(parts)})"
    if sig.return_annotation is not sig.empty and not inspect.isclass(obj):
        text += f" -> {_annotation(sig.return_annotation)}"
    return text


def _annotation(value: object) -> str:
    text = value if isinstance(value, str) else inspect.formatannotation(value)
    return text.replace("'", "").replace('"', "")


def _fields(obj: object) -> list[str]:
    if inspect.isclass(obj) and hasattr(obj, "model_fields"):
        return list(obj.model_fields)
    if inspect.isclass(obj) and dataclasses.is_dataclass(obj):
        return [f.name for f in dataclasses.fields(obj)]
    return []


def _what_to_add(name: str) -> str:
    obj = getattr(mognad, name)
    lines = [f"### `{name}`", ""]
    if inspect.isfunction(obj):
        lines += ["```python", signature_text(obj, name), "```", ""]
        lines.append("What it takes and what it returns, in a sentence or two.")
    elif _fields(obj):
        fields = ", ".join(f"`{f}`" for f in _fields(obj))
        lines.append(f"What it is, and its fields: {fields}.")
    else:
        lines.append("What it is, in a sentence or two.")
    return "\n".join(lines)


def test_every_public_name_has_an_entry():
    missing = [name for name in mognad.__all__ if name not in ENTRIES]
    advice = "\n\n".join(_what_to_add(name) for name in missing)
    assert not missing, (
        f"docs/api.md has no entry for {', '.join(missing)} (in mognad_core.__all__). Add, "
        f"under the group it belongs to (## Reading, ## Scoring, ...):\n\n{advice}"
    )


def test_every_entry_is_a_public_name():
    extra = [name for name in ENTRIES if name not in mognad.__all__]
    assert not extra, (
        f"docs/api.md documents {', '.join(extra)}, not in mognad_core.__all__: remove the "
        "entry, or export the name from mognad_core/__init__.py"
    )


def test_entries_are_grouped():
    groups = re.findall(r"^## (.+)$", TEXT, flags=re.M)
    for group in ("Reading", "Scoring", "Analysis", "Models and plugins", "Reports", "Errors"):
        assert any(g.startswith(group) for g in groups), group
    assert any(g.startswith("Result") for g in groups)


def _documented_signature(name: str) -> str | None:
    for block in re.findall(r"```python\n(.*?)```", ENTRIES[name], flags=re.S):
        if block.startswith(f"{name}("):
            return " ".join(block.split()).replace("( ", "(").replace(", )", ")")
    return None


def _literal(node: ast.expr | None) -> object:
    return inspect.Parameter.empty if node is None else ast.literal_eval(node)


def _parameters_of(node: ast.FunctionDef) -> list[tuple[str, str, object]]:
    a = node.args
    out: list[tuple[str, str, object]] = []
    positional = a.posonlyargs + a.args
    defaults = [None] * (len(positional) - len(a.defaults)) + list(a.defaults)
    for i, (arg, d) in enumerate(zip(positional, defaults, strict=True)):
        kind = "POSITIONAL_ONLY" if i < len(a.posonlyargs) else "POSITIONAL_OR_KEYWORD"
        out.append((arg.arg, kind, _literal(d)))
    if a.vararg:
        out.append((a.vararg.arg, "VAR_POSITIONAL", inspect.Parameter.empty))
    for arg, d in zip(a.kwonlyargs, a.kw_defaults, strict=True):
        out.append((arg.arg, "KEYWORD_ONLY", _literal(d)))
    if a.kwarg:
        out.append((a.kwarg.arg, "VAR_KEYWORD", inspect.Parameter.empty))
    return out


FUNCTIONS = [n for n in mognad.__all__ if inspect.isfunction(getattr(mognad, n))]


@pytest.mark.parametrize("name", FUNCTIONS)
def test_each_function_shows_its_real_signature(name):
    obj = getattr(mognad, name)
    expected = signature_text(obj, name)
    if name not in ENTRIES:
        pytest.skip("no entry: test_every_public_name_has_an_entry says what to add")
    shown = _documented_signature(name)
    assert shown is not None, (
        f"docs/api.md's entry for {name} has no signature: add a ```python block whose first "
        f"line is\n{expected}"
    )
    node = ast.parse(f"def {shown}: pass").body[0]
    sig = inspect.signature(obj)
    real = [
        (p.name, p.kind.name, p.default if p.default is not p.empty else inspect.Parameter.empty)
        for p in sig.parameters.values()
    ]
    assert _parameters_of(node) == real, (
        f"docs/api.md shows\n{shown}\nbut the function is\n{expected}"
    )
    if sig.return_annotation is not sig.empty:
        assert node.returns is not None, f"docs/api.md: say what {name} returns:\n{expected}"
        assert ast.unparse(node.returns) == _annotation(sig.return_annotation), (
            f"docs/api.md shows\n{shown}\nbut the function is\n{expected}"
        )


CLASSES_WITH_FIELDS = [n for n in mognad.__all__ if _fields(getattr(mognad, n))]


@pytest.mark.parametrize("name", CLASSES_WITH_FIELDS)
def test_each_result_and_schema_object_names_its_fields(name):
    if name not in ENTRIES:
        pytest.skip("no entry: test_every_public_name_has_an_entry says what to add")
    missing = [f for f in _fields(getattr(mognad, name)) if f"`{f}`" not in ENTRIES[name]]
    assert not missing, f"docs/api.md's entry for {name} does not name the field(s) " + ", ".join(
        f"`{f}`" for f in missing
    )


def test_the_result_objects_the_issue_names_are_documented_with_fields():
    for name in (
        "ScoreResult",
        "DimensionScore",
        "StatementScore",
        "GapResult",
        "PriorityResult",
        "StartResult",
        "CompareResult",
        "GroupResult",
        "ReliabilityResult",
        "PortfolioResult",
    ):
        assert name in CLASSES_WITH_FIELDS and name in ENTRIES, name


EXAMPLES = [
    b
    for b in re.findall(r"```python\n(.*?)```", TEXT, flags=re.S)
    if b.startswith("import mognad_core") and b.count("\n") > 1
]


@pytest.mark.parametrize("code", EXAMPLES, ids=lambda c: c.splitlines()[0])
def test_the_examples_run_and_print_what_they_show(code, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    exec(compile(code, str(DOC), "exec"), {})
    printed = capsys.readouterr().out.splitlines()
    shown = re.findall(r"^print\(.*\)  # (.*)$", code, flags=re.M)
    assert shown, "an example shows what it prints"
    assert printed == shown


def test_list_models_is_shown_with_its_names():
    assert "[m.name for m in mognad.list_models()]" in TEXT
    assert "ModelInfo" in ENTRIES["list_models"]


def test_the_readme_links_the_page():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "(docs/api.md)" in readme
