"""Rules of the code's shape, checked by reading the source with ``ast``.

- No module uses another module's private names (``from x import _name``, ``x._name``): what
  another module needs is public under a name that says what it is. A private module
  (``analysis/_common.py``) is fine inside its own package.
- No module reaches into an object of another module's class by a private attribute
  (``rs._rows()``, ``getattr(rs, "_plans")``): an attribute starting with one underscore on
  anything but ``self``/``cls`` must be one the module itself defines; exceptions are listed in
  :data:`PRIVATE_ATTRIBUTES_ALLOWED` with their reason.
- Plugin hooks are called in one place only, ``mognad_core.plugins.call_each``, which records a
  failure against the plugin and the hook and dispatches model-specific hooks by model.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from conftest import ROOT

#: (folder on sys.path, top-level packages in it)
PACKAGES = [
    (ROOT, ["mognad_core"]),
    (ROOT / "plugins" / "dimios", ["mognad_dimios"]),
    (ROOT / "plugins" / "dmm_nine_engines", ["mognad_dmm"]),
    (ROOT / "excel", ["mognad_excel"]),
]
WRAPPER_MODULE = "mognad_core.plugins"


def _modules() -> list[tuple[str, Path]]:
    """(dotted module name, path) of every module of mognad, its plugins and the Excel layer."""
    found = []
    for base, packages in PACKAGES:
        for package in packages:
            for path in sorted((base / package).rglob("*.py")):
                parts = list(path.relative_to(base).with_suffix("").parts)
                if parts[-1] == "__init__":
                    parts.pop()
                found.append((".".join(parts), path))
    return found


MODULES = _modules()
MODULE_NAMES = {name for name, _ in MODULES}


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _package_of(module: str, path: Path) -> str:
    return module if path.name == "__init__.py" else module.rpartition(".")[0]


def _absolute(node: ast.ImportFrom, module: str, path: Path) -> str:
    if not node.level:
        return node.module or ""
    base = _package_of(module, path).split(".")
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def _private_module_allowed(target: str, importer: str, importer_path: Path) -> bool:
    """A module path with a private part (``pkg._common``) may be used inside ``pkg`` only."""
    parts = target.split(".")
    for i, part in enumerate(parts):
        if _private(part):
            owner = ".".join(parts[:i])
            package = _package_of(importer, importer_path)
            return package == owner or package.startswith(owner + ".")
    return True


def private_uses(module: str, path: Path) -> list[str]:
    """Every use of another module's private name in one module, as "line: what"."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[str] = []
    imported: set[str] = set()  # names bound by an import: modules, classes, functions
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                imported.add((alias.asname or alias.name).split(".")[0])
                if not _private_module_allowed(alias.name, module, path):
                    found.append(f"{node.lineno}: import {alias.name}")
        elif isinstance(node, ast.ImportFrom):
            target = _absolute(node, module, path)
            if not _private_module_allowed(target, module, path):
                found.append(f"{node.lineno}: from {target} import ...")
            for alias in node.names:
                imported.add(alias.asname or alias.name)
                full = f"{target}.{alias.name}"
                if _private(alias.name) and not (
                    full in MODULE_NAMES and _private_module_allowed(full, module, path)
                ):
                    found.append(f"{node.lineno}: from {target} import {alias.name}")
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and _private(node.attr)
            and isinstance(node.value, ast.Name)
            and node.value.id in imported
        ):
            found.append(f"{node.lineno}: {node.value.id}.{node.attr}")
    return sorted(found, key=lambda line: int(line.split(":")[0]))


def test_the_scan_finds_every_kind_of_private_use(tmp_path):
    source = (
        "from mognad_core.plugins import _call\n"
        "from mognad_core.schema import (\n    Scale,\n    _fmt,\n)\n"
        "from ..scoring import _raw_score\n"
        "from mognad_core import scoring\n"
        "scoring._raw_score(None)\n"
        "from mognad_core.analysis._common import none\n"
        "from ._common import none as fine\n"
    )
    path = tmp_path / "mod.py"
    path.write_text(source, encoding="utf-8")
    found = private_uses("mognad_core.report.mod", path)
    assert found == [
        "1: from mognad_core.plugins import _call",
        "2: from mognad_core.schema import _fmt",
        "6: from mognad_core.scoring import _raw_score",
        "8: scoring._raw_score",
        "9: from mognad_core.analysis._common import ...",
    ]


def test_modules_are_found():
    assert {"mognad_core.plugins", "mognad_dimios", "mognad_dmm", "mognad_excel.udfs"} <= (
        MODULE_NAMES
    )
    assert "mognad_core.analysis._common" in MODULE_NAMES


@pytest.mark.parametrize("module,path", MODULES, ids=[name for name, _ in MODULES])
def test_no_private_names_across_modules(module, path):
    assert private_uses(module, path) == [], (
        f"{path.relative_to(ROOT)} uses another module's private names; make what it needs "
        "public under a name that says what it is"
    )


#: (module, attribute) -> why the module may touch that private attribute of another's object
PRIVATE_ATTRIBUTES_ALLOWED = {
    ("mognad_core.disclosure", "_plans"): "disclosure keeps its breakdown plans on the responses "
    "as read (a ResponseSet), so every output of one reading shares one plan; the cache is "
    "disclosure's own and ResponseSet never reads it",
}
#: functions that reach an attribute by its name as a string
_BY_NAME = {"getattr", "setattr", "hasattr", "delattr", "__setattr__", "__delattr__"}


def _defined_here(tree: ast.AST) -> set[str]:
    """Names the module itself defines: functions, methods and classes, and attributes it
    assigns (``x._cache = ...``)."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        targets = node.targets if isinstance(node, ast.Assign) else []
        if isinstance(node, (ast.AnnAssign, ast.AugAssign)):
            targets = [node.target]
        names |= {t.attr for t in targets if isinstance(t, ast.Attribute)}
    return names


def _on_self(node: ast.AST) -> bool:
    return isinstance(node, ast.Name) and node.id in {"self", "cls"}


def private_attributes(module: str, path: Path) -> list[str]:
    """Private attributes of another module's objects that a module uses, as "line: what":
    ``obj._name`` (called or not) on anything but ``self``/``cls`` when the module does not
    define ``_name`` itself, and ``getattr(obj, "_name")``-style access by a string."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    own = _defined_here(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            owner, name = node.value, node.attr
        elif isinstance(node, ast.Call) and (by_string := _by_string(node)) is not None:
            owner, name = by_string
        else:
            continue
        if not _private(name) or name in own or _on_self(owner):
            continue
        if (module, name) not in PRIVATE_ATTRIBUTES_ALLOWED:
            found.append(f"{node.lineno}: {ast.unparse(node)}")
    return sorted(set(found), key=lambda line: int(line.split(":")[0]))


def _by_string(node: ast.Call) -> tuple[ast.AST, str] | None:
    """(object, attribute) of ``getattr(x, "_name")``, ``setattr``/``hasattr``/``delattr``,
    ``object.__setattr__(x, "_name", value)`` and ``x.__dict__.get/pop("_name")``."""
    func, args = node.func, node.args
    if (
        isinstance(func, ast.Attribute)
        and func.attr in {"get", "pop"}
        and isinstance(func.value, ast.Attribute)
        and func.value.attr == "__dict__"
        and args
    ):
        owner, key = func.value.value, args[0]
    elif len(args) >= 2 and (
        (isinstance(func, ast.Name) and func.id in _BY_NAME)
        or (isinstance(func, ast.Attribute) and func.attr in _BY_NAME)
    ):
        owner, key = args[0], args[1]
    else:
        return None
    if isinstance(key, ast.Constant) and isinstance(key.value, str):
        return owner, key.value
    return None


def test_the_scan_finds_private_attributes_of_other_objects(tmp_path):
    source = (
        "class Own:\n"
        "    def _mine(self):\n"
        "        return self._other()\n"
        "def f(rs, own):\n"
        "    rs._rows()\n"
        "    own._mine()\n"
        "    x = rs.result._cache\n"
        "    getattr(rs, '_plans', None)\n"
        "    object.__setattr__(rs, '_plans', {})\n"
        "    rs.__dict__.pop('_plans', None)\n"
        "    rs.__len__()\n"
    )
    path = tmp_path / "mod.py"
    path.write_text(source, encoding="utf-8")
    assert private_attributes("mognad_core.mod", path) == [
        "5: rs._rows",
        "7: rs.result._cache",
        "8: getattr(rs, '_plans', None)",
        "9: object.__setattr__(rs, '_plans', {})",
        "10: rs.__dict__.pop('_plans', None)",
    ]


@pytest.mark.parametrize("module,path", MODULES, ids=[name for name, _ in MODULES])
def test_no_private_attributes_of_other_modules_objects(module, path):
    assert private_attributes(module, path) == [], (
        f"{path.relative_to(ROOT)} uses a private attribute of another module's object; make it "
        "public under a name that says what it is (or list it, with the reason, in "
        "PRIVATE_ATTRIBUTES_ALLOWED)"
    )


def test_every_allowed_private_attribute_is_still_used():
    paths = dict(MODULES)
    for (module, name), reason in PRIVATE_ATTRIBUTES_ALLOWED.items():
        assert reason and name in paths[module].read_text(encoding="utf-8"), (module, name)


def hook_calls(path: Path) -> list[str]:
    """Places that reach a plugin hook directly: ``pm.hook...``, ``get_hookimpls()``."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return [
        f"{node.lineno}: .{node.attr}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and node.attr in {"hook", "get_hookimpls", "get_hookcallers", "_hookexec"}
    ]


def test_hooks_are_called_only_through_the_wrapper():
    outside = {
        str(path.relative_to(ROOT)): calls
        for module, path in MODULES
        if module != WRAPPER_MODULE and (calls := hook_calls(path))
    }
    assert outside == {}, "call plugin hooks through mognad_core.plugins.call_each"
    wrapper = dict(MODULES)[WRAPPER_MODULE]
    assert hook_calls(wrapper), "the scan no longer sees the wrapper's own hook call"
