"""docs/plugin-utilities.md: every name listed exists with the parameters shown, every name the
built-in plugins import from mognad_core is listed, and the plugin docs link the page."""

from __future__ import annotations

import ast
import importlib
import inspect
import re

import pytest
from conftest import ROOT

DOC = ROOT / "docs" / "plugin-utilities.md"
PLUGIN_PACKAGES = [
    ROOT / "plugins" / "dimios" / "mognad_dimios",
    ROOT / "plugins" / "dmm_nine_engines" / "mognad_dmm",
    ROOT / "plugins" / "arbetsgrupp" / "mognad_arbetsgrupp",
]


def entries() -> list[tuple[str, str, list[str] | None]]:
    """(module, name, parameters or None) for each ``- `name(...)` — ...`` line of the page."""
    found = []
    module = None
    for line in DOC.read_text(encoding="utf-8").splitlines():
        heading = re.match(r"^## `([\w.]+)`$", line)
        if heading:
            module = heading.group(1)
            continue
        item = re.match(r"^- `(\w+)(?:\(([^)]*)\))?` — \S", line)
        if item and module:
            params = None
            if item.group(2) is not None:
                params = [p.strip().lstrip("*") for p in item.group(2).split(",") if p.strip()]
            found.append((module, item.group(1), params))
    return found


ENTRIES = entries()


def _parameters(obj) -> list[str]:
    signature = inspect.signature(obj)
    return [
        name
        for name, p in signature.parameters.items()
        if name != "self" and p.kind is not inspect.Parameter.VAR_POSITIONAL
    ]


def test_the_page_lists_the_utilities():
    assert len(ENTRIES) >= 50
    modules = {module for module, _, _ in ENTRIES}
    assert {"mognad_core", "mognad_core.texts", "mognad_core.disclosure"} <= modules
    assert ("mognad_core.schema", "normalize_token", ["value"]) in ENTRIES


@pytest.mark.parametrize(("module", "name", "params"), ENTRIES, ids=lambda v: str(v))
def test_each_documented_name_exists_with_its_parameters(module, name, params):
    obj = getattr(importlib.import_module(module), name, None)
    assert obj is not None, f"{module}.{name} is documented but does not exist"
    assert not name.startswith("_")
    if params is None:
        return
    actual = _parameters(obj)
    if inspect.isclass(obj):  # a class: the parameters a plugin usually passes
        assert set(params) <= set(actual), f"{name}: {sorted(set(params) - set(actual))}"
    else:  # a function: all of them, in order
        assert params == actual, f"{module}.{name}{inspect.signature(obj)}"


def _imports_from_core(package) -> set[tuple[str, str]]:
    """(module, name) of everything a plugin package takes from mognad_core, including
    ``module.name`` uses of a module it imported (``disclosure.policy``)."""
    found: set[tuple[str, str]] = set()
    for path in sorted(package.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        modules: dict[str, str] = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("mognad_core"):
                for alias in node.names:
                    full = f"{node.module}.{alias.name}"
                    try:
                        importlib.import_module(full)
                        modules[alias.asname or alias.name] = full
                    except ImportError:
                        found.add((node.module, alias.name))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id in modules
            ):
                found.add((modules[node.value.id], node.attr))
    return found


def test_everything_the_builtin_plugins_import_is_documented():
    documented = {id(getattr(importlib.import_module(module), name)) for module, name, _ in ENTRIES}
    used = set().union(*(_imports_from_core(p) for p in PLUGIN_PACKAGES))
    assert len(used) > 30
    missing = sorted(
        f"{module}.{name}"
        for module, name in used
        if id(getattr(importlib.import_module(module), name)) not in documented
    )
    assert missing == [], "add these to docs/plugin-utilities.md (or stop using them)"


def test_the_plugin_docs_link_the_page():
    for page in ("README.md", "docs/writing-a-plugin.md", "docs/plugin-hooks.md"):
        assert "plugin-utilities.md" in (ROOT / page).read_text(encoding="utf-8"), page
