"""The plugin manager: built-in plugins first, then the ``mognad`` entry-point group.

Built-in plugins (the core file readers, the DiMiOS and Digital Maturity Matrix models, the Excel
commands) are ordinary plugins: they are declared in the same entry-point group as external
ones, and loaded by the same function. When mognad runs from a source tree that was never
installed, the built-ins are still found by their module names.

Environment variables:

``MOGNAD_BLOCK_PLUGINS``
    Comma-separated plugin names that are not loaded (e.g. ``MOGNAD_BLOCK_PLUGINS=dmm,acme``).
``MOGNAD_ALLOW_PLUGINS``
    When set, only the built-ins and the external plugins named here are loaded (an allow list);
    set it to an empty string to load no external plugin at all.

A plugin that fails to import, or whose hook raises, is reported and skipped; the rest work.
"""

from __future__ import annotations

import importlib
import os
import warnings
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

import pluggy

from . import hookspecs
from .errors import ModelError, MognadError, PluginError

ENTRY_POINT_GROUP = "mognad"
BLOCK_ENV = "MOGNAD_BLOCK_PLUGINS"
ALLOW_ENV = "MOGNAD_ALLOW_PLUGINS"

#: Built-in plugins: entry-point name -> module. Loaded first, in this order.
BUILTIN_PLUGINS: dict[str, str] = {
    "mognad_readers": "mognad_core.readers.builtin",
    "dimios": "mognad_dimios",
    "dmm": "mognad_dmm",
    "excel": "mognad_excel.plugin",
}
#: Built-ins that cannot be blocked (without them no file can be read).
_ESSENTIAL = {"mognad_readers"}


class PluginWarning(UserWarning):
    """A plugin could not be loaded or failed in a hook, and was skipped."""


@dataclass
class PluginFailure:
    name: str
    error: str

    def describe(self) -> str:
        return f"plugin {self.name!r} was skipped: {self.error}"


@dataclass
class Sample:
    model: str
    path: Path
    description: str
    plugin: str
    kind: str = "responses"  # or e.g. "initiatives" (an initiative portfolio sheet)


_pm: pluggy.PluginManager | None = None
_failures: list[PluginFailure] = []
_distributions: dict[str, str] = {}  # plugin name -> "distribution version"


def _names(env: str) -> set[str] | None:
    value = os.environ.get(env)
    if value is None:
        return None
    return {n.strip() for n in value.split(",") if n.strip()}


def _record_failure(name: str, exc: BaseException) -> None:
    failure = PluginFailure(name, f"{type(exc).__name__}: {exc}")
    _failures.append(failure)
    warnings.warn(failure.describe(), PluginWarning, stacklevel=3)


def _entry_points() -> dict[str, metadata.EntryPoint]:
    found: dict[str, metadata.EntryPoint] = {}
    for ep in metadata.entry_points(group=ENTRY_POINT_GROUP):
        found.setdefault(ep.name, ep)
    return found


def _load_into(
    pm: pluggy.PluginManager, name: str, loader: Any, ep: metadata.EntryPoint | None = None
) -> None:
    """Import one plugin and register it; report and skip it if anything goes wrong."""
    if pm.has_plugin(name):
        return
    try:
        module = loader()
        pm.register(module, name=name)
    except Exception as exc:  # a broken plugin must never break the others
        _record_failure(name, exc)
        return
    dist = getattr(ep, "dist", None)
    if dist is not None:
        _distributions[name] = f"{dist.name} {dist.version}"


def _build() -> pluggy.PluginManager:
    pm = pluggy.PluginManager(ENTRY_POINT_GROUP)
    pm.add_hookspecs(hookspecs)
    blocked = _names(BLOCK_ENV) or set()
    allowed = _names(ALLOW_ENV)
    eps = _entry_points()
    for name, module in BUILTIN_PLUGINS.items():
        if name in blocked and name not in _ESSENTIAL:
            continue
        ep = eps.get(name)
        loader = ep.load if ep is not None else (lambda m=module: importlib.import_module(m))
        _load_into(pm, name, loader, ep)
    for name in sorted(eps):
        if name in BUILTIN_PLUGINS or name in blocked:
            continue
        if allowed is not None and name not in allowed:
            continue
        _load_into(pm, name, eps[name].load, eps[name])
    return pm


def get_plugin_manager() -> pluggy.PluginManager:
    """The process-wide plugin manager (built on first use)."""
    global _pm
    if _pm is None:
        _pm = _build()
    return _pm


def reset_plugins() -> None:
    """Forget loaded plugins; the next call loads them again (for tests and long sessions)."""
    global _pm
    _pm = None
    _failures.clear()
    _distributions.clear()


def plugin_failures() -> list[PluginFailure]:
    """Plugins that were reported and skipped since the manager was built."""
    get_plugin_manager()
    return list(_failures)


def _call(impl: Any, **kwargs: Any) -> Any:
    """Call one hook implementation with the arguments it asks for (pluggy allows a subset)."""
    return impl.function(**{k: v for k, v in kwargs.items() if k in impl.argnames})


def _collect(hook_name: str) -> list[tuple[str, tuple[Any, ...], dict[str, Any]]]:
    """Call a ``register_*`` hook on each plugin separately, remembering who registered what."""
    pm = get_plugin_manager()
    out: list[tuple[str, tuple[Any, ...], dict[str, Any]]] = []
    hook = getattr(pm.hook, hook_name)
    for impl in hook.get_hookimpls():  # registration order
        items: list[tuple[str, tuple[Any, ...], dict[str, Any]]] = []

        def register(*args: Any, _items=items, _name=impl.plugin_name, **kwargs: Any) -> None:
            _items.append((_name, args, kwargs))

        try:
            _call(impl, register=register)
        except Exception as exc:
            _record_failure(impl.plugin_name, exc)
            continue
        out.extend(items)
    return out


@dataclass
class ModelInfo:
    name: str
    version: str
    title: str
    plugin: str
    statements: int
    dimensions: int


def _model_registry() -> dict[str, tuple[Any, str]]:
    models: dict[str, tuple[Any, str]] = {}
    for plugin, args, _ in _collect("register_models"):
        for model in args:
            if model.name in models:
                other = models[model.name][1]
                raise PluginError(
                    f"Two plugins register a model named {model.name!r}: {other!r} and "
                    f"{plugin!r}. Uninstall one of them, or block one with "
                    f"{BLOCK_ENV}={plugin}."
                )
            models[model.name] = (model, plugin)
    return models


def list_models() -> list[ModelInfo]:
    """Installed models with the plugin that provides each."""
    return [
        ModelInfo(
            name=m.name,
            version=m.version,
            title=m.title,
            plugin=plugin,
            statements=len(m.statement_ids),
            dimensions=len(m.dimensions),
        )
        for m, plugin in _model_registry().values()
    ]


def get_model(name: str):
    """A registered model by name; the error lists the installed models."""
    models = _model_registry()
    if name in models:
        return models[name][0]
    known = ", ".join(sorted(models)) or "none"
    raise ModelError(
        f"Unknown model {name!r}. Installed models: {known}. "
        "Give a model name or the path of a .yaml/.json model file."
    )


def load_model(name_or_path: Any):
    """A model from a name, a model file path, a dict, or a MaturityModel (returned as is)."""
    from .model_files import load_model_file, model_from_dict
    from .schema import MaturityModel

    if isinstance(name_or_path, MaturityModel):
        return name_or_path
    if isinstance(name_or_path, dict):
        return model_from_dict(name_or_path)
    if isinstance(name_or_path, Path):
        return load_model_file(name_or_path)
    text = str(name_or_path).strip()
    if text.lower().endswith((".yaml", ".yml", ".json")) or os.sep in text or "/" in text:
        return load_model_file(text)
    return get_model(text)


def get_readers() -> dict[str, Any]:
    """Registered readers by lower-case file suffix (``.xlsx``, ``.csv`` ...)."""
    readers: dict[str, Any] = {}
    for _plugin, args, _ in _collect("register_readers"):
        for reader in args:
            for suffix in reader.suffixes:
                readers[suffix.lower()] = reader
    return readers


def get_samples(model: str | None = None, kind: str | None = None) -> list[Sample]:
    """Bundled sample files registered by plugins, optionally of one model and/or kind."""
    out = []
    for plugin, _args, kwargs in _collect("register_samples"):
        out.append(
            Sample(
                model=kwargs["model"],
                path=Path(kwargs["path"]),
                description=kwargs.get("description", ""),
                plugin=plugin,
                kind=kwargs.get("kind", "responses"),
            )
        )
    return [
        s for s in out if (model is None or s.model == model) and (kind is None or s.kind == kind)
    ]


def list_plugins() -> list[dict[str, Any]]:
    """Loaded plugins with the hooks each implements (for ``mognad plugins``)."""
    pm = get_plugin_manager()
    rows = []
    for name, plugin in pm.list_name_plugin():
        hooks = sorted(h.name for h in pm.get_hookcallers(plugin) or [])
        module = getattr(plugin, "__name__", type(plugin).__name__)
        rows.append(
            {
                "name": name,
                "module": module,
                "hooks": hooks,
                "builtin": name in BUILTIN_PLUGINS,
                "distribution": _distributions.get(name),
            }
        )
    return rows


def call_overall(model: Any, result: Any) -> float | None:
    pm = get_plugin_manager()
    try:
        return pm.hook.overall_score(model=model, result=result)
    except Exception as exc:
        _record_failure("overall_score", exc)
        return None


def call_resolve_target(model: Any, value: Any, result: Any) -> Any:
    """A plugin's own resolution of a target value, or None."""
    return get_plugin_manager().hook.resolve_target(model=model, value=value, result=result)


def collect_insights(model: Any, result: Any, context: dict[str, Any]) -> list[Any]:
    """Model insights from every plugin.

    A :class:`MognadError` from a plugin is about the user's input (a bad target, say) and is
    raised; any other failure is a bug in the plugin, reported and skipped.
    """
    pm = get_plugin_manager()
    out: list[Any] = []
    for impl in pm.hook.model_insights.get_hookimpls():
        try:
            found = _call(impl, model=model, result=result, context=context)
        except MognadError:
            raise
        except Exception as exc:
            _record_failure(impl.plugin_name, exc)
            continue
        out.extend(found or [])
    return out
