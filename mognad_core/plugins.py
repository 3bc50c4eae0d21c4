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
Every hook is called through :func:`call_each`, which records such a failure against the plugin
and the hook, and asks a model-specific hook only of the plugin that registered the model.
"""

from __future__ import annotations

import contextvars
import difflib
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
from .texts import Message

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


@dataclass(frozen=True)
class PluginFailure:
    """A plugin that could not be loaded (``hook`` is None), or whose ``hook`` raised."""

    name: str
    error: str
    hook: str | None = None

    def describe(self) -> str:
        if self.hook is None:
            return f"plugin {self.name!r} was skipped: {self.error}"
        return f"plugin {self.name!r} was skipped in hook {self.hook}: {self.error}"


@dataclass(frozen=True)
class HookAnswer:
    """What one plugin's hook implementation returned."""

    plugin: str
    value: Any


@dataclass
class Sample:
    """A bundled sample file, described in Swedish (``description``) and English
    (``description_en``; None: the same words), as a model file names its parts."""

    model: str
    path: Path
    description: str
    plugin: str
    kind: str = "responses"  # or e.g. "initiatives" (an initiative portfolio sheet)
    description_en: str | None = None

    def describe(self, lang: str = "sv") -> str:
        """The description in ``lang``."""
        from .schema import in_language

        return in_language(self.description, self.description_en, lang) or ""


_pm: pluggy.PluginManager | None = None
_failures: list[PluginFailure] = []
_distributions: dict[str, str] = {}  # plugin name -> "distribution version"
#: The plugin whose hook implementation is running (for the ``register`` callbacks).
_calling: contextvars.ContextVar[str | None] = contextvars.ContextVar("mognad_plugin", default=None)


def _names(env: str) -> set[str] | None:
    value = os.environ.get(env)
    if value is None:
        return None
    return {n.strip() for n in value.split(",") if n.strip()}


def _record_failure(name: str, exc: BaseException, hook: str | None = None) -> None:
    failure = PluginFailure(name, f"{type(exc).__name__}: {exc}", hook)
    if failure not in _failures:  # a hook that fails on every call is listed once
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


class _PluginManager(pluggy.PluginManager):
    """pluggy's manager, remembering what the ``register_*`` hooks registered (models, readers,
    samples) until a plugin is registered or unregistered: :func:`_collect` asks each plugin
    once, not on every :func:`get_model` or model-specific hook call."""

    def __init__(self, project_name: str) -> None:
        super().__init__(project_name)
        self.registered: dict[str, list[tuple[str, tuple[Any, ...], dict[str, Any]]]] = {}

    def register(self, plugin: Any, name: str | None = None) -> str | None:
        self.registered.clear()
        return super().register(plugin, name)

    def unregister(self, plugin: Any = None, name: str | None = None) -> Any:
        self.registered.clear()
        return super().unregister(plugin, name)


def _build() -> pluggy.PluginManager:
    pm = _PluginManager(ENTRY_POINT_GROUP)
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


def call_each(hook_name: str, *, model: Any = None, first: bool = False, **kwargs: Any) -> Any:
    """Call the hook ``hook_name`` on each plugin, guarded; every hook call goes through here.

    Each implementation gets the arguments it asks for (pluggy allows a subset). One that raises
    is recorded against its plugin and the hook (:func:`plugin_failures`, a
    :class:`PluginWarning`) and skipped; the others still answer. A
    :class:`~mognad_core.errors.MognadError` is about the user's input (a bad target, say) and
    is raised, except from the ``register_*`` hooks, which see no input: there it is the
    plugin's failure like any other.

    ``model`` is passed to the hook as ``model``. For the hooks in
    :data:`~mognad_core.hookspecs.MODEL_OWNER_HOOKS`, a model that a plugin registered is asked
    of that plugin only; a model no plugin registered (a user's own model file) is offered to
    every plugin.

    Returns a :class:`HookAnswer` per plugin that answered, in registration order (built-ins
    first, so a later plugin's registration wins); with ``first=True`` the first answer that is
    not None, asking in pluggy's order (the last registered first), or None.
    """
    impls = getattr(get_plugin_manager().hook, hook_name).get_hookimpls()
    if first:
        impls = impls[::-1]
    if model is not None:
        kwargs["model"] = model
        if hook_name in hookspecs.MODEL_OWNER_HOOKS:
            owner = _model_owner(getattr(model, "name", None))
            if owner is not None:
                impls = [impl for impl in impls if impl.plugin_name == owner]
    answers: list[HookAnswer] = []
    for impl in impls:
        token = _calling.set(impl.plugin_name)
        try:
            value = impl.function(**{k: v for k, v in kwargs.items() if k in impl.argnames})
        except MognadError as exc:
            if not hook_name.startswith("register_"):
                raise
            _record_failure(impl.plugin_name, exc, hook_name)
            continue
        except Exception as exc:  # a broken plugin must never break the others
            _record_failure(impl.plugin_name, exc, hook_name)
            continue
        finally:
            _calling.reset(token)
        if not first:
            answers.append(HookAnswer(impl.plugin_name, value))
        elif value is not None:
            return HookAnswer(impl.plugin_name, value)
    return None if first else answers


def _collect(hook_name: str) -> list[tuple[str, tuple[Any, ...], dict[str, Any]]]:
    """Call a ``register_*`` hook, remembering which plugin registered what: once per plugin
    manager until a plugin is registered or unregistered (:class:`_PluginManager`)."""
    pm = get_plugin_manager()
    cache = getattr(pm, "registered", None)
    if cache is not None and hook_name in cache:
        return cache[hook_name]
    items: list[tuple[str, tuple[Any, ...], dict[str, Any]]] = []

    def register(*args: Any, **kwargs: Any) -> None:
        items.append((_calling.get() or "?", args, kwargs))

    answered = {answer.plugin for answer in call_each(hook_name, register=register)}
    found = [item for item in items if item[0] in answered]  # nothing from a plugin that failed
    if cache is not None:
        cache[hook_name] = found
    return found


def _model_owner(name: str | None) -> str | None:
    """The plugin that registered the model called ``name``; None when no plugin (or two) did."""
    owners: dict[str, str | None] = {}
    for plugin, args, _ in _collect("register_models"):
        for model in args:
            owners[model.name] = plugin if model.name not in owners else None
    return owners.get(name) if name is not None else None


@dataclass
class ModelInfo:
    name: str
    version: str
    title: str
    plugin: str
    statements: int
    dimensions: int


def model_key(name: str) -> str:
    """The form a model name is looked up by: without surrounding spaces, case folded, so
    ``"DiMiOS"``, ``" dimios "`` and ``"DIMIOS"`` all name ``dimios``. The one rule for the
    CLI, Python and Excel; a model keeps its own (canonical) name in results and outputs."""
    return str(name).strip().casefold()


def _model_registry() -> dict[str, tuple[Any, str]]:
    """Registered models by :func:`model_key` of their name: (model, plugin). Two models whose
    names differ only in case are the same name registered twice."""
    models: dict[str, tuple[Any, str]] = {}
    for plugin, args, _ in _collect("register_models"):
        for model in args:
            key = model_key(model.name)
            if key in models:
                other_model, other = models[key]
                spelt = ""
                if other_model.name != model.name:
                    spelt = f" (also as {model.name!r}: model names are case-insensitive)"
                raise PluginError(
                    f"Two plugins register a model named {other_model.name!r}{spelt}: "
                    f"{other!r} and {plugin!r}. Uninstall one of them, or block one with "
                    f"{BLOCK_ENV}={plugin}."
                )
            models[key] = (model, plugin)
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
    """A registered model by name, whatever its case and surrounding spaces (:func:`model_key`);
    the model keeps its own name. The error lists the installed models and suggests the
    closest one, if any is close."""
    models = _model_registry()
    key = model_key(name)
    if key in models:
        return models[key][0]
    names = sorted(model.name for model, _ in models.values())
    known = ", ".join(names) or Message("error.none")
    close = difflib.get_close_matches(key, list(models), n=1)
    if close:
        suggestion = models[close[0]][0].name
        raise ModelError(
            Message("error.unknown_model_close", name=repr(name), known=known, close=suggestion)
        )
    raise ModelError(Message("error.unknown_model", name=repr(name), known=known))


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
    if names_a_model_file(text):
        return load_model_file(text)
    return get_model(text)


def resolve_model(result: Any = None, model: Any = None, default: str | None = None):
    """The model to analyse ``result`` with: ``model`` if given (anything :func:`load_model`
    takes), else the installed model ``result`` was scored with (``result.model``), else the
    model named ``default`` (a plugin's functions default to their own model). The one rule for
    the analysis functions and the plugins."""
    if model is not None:
        return load_model(model)
    name = getattr(result, "model", None) or default
    if name is None:
        raise MognadError("No model given: pass model=... (a name, a model file or a model).")
    try:
        return load_model(name)
    except ModelError:
        raise ModelError(
            f"The result was scored with model {name!r}, which is not installed; pass "
            "model=... (the model file or MaturityModel it was scored with)."
        ) from None


def names_a_model_file(text: str) -> bool:
    """Whether a model argument is a file path (``.yaml``/``.yml``/``.json``, or with a
    folder) rather than a model name: the one test for the CLI, Python and Excel."""
    text = str(text).strip()
    return text.lower().endswith((".yaml", ".yml", ".json")) or os.sep in text or "/" in text


def get_readers() -> dict[str, Any]:
    """Registered readers by lower-case file suffix (``.xlsx``, ``.csv`` ...)."""
    readers: dict[str, Any] = {}
    for _plugin, args, _ in _collect("register_readers"):
        for reader in args:
            for suffix in reader.suffixes:
                readers[suffix.lower()] = reader
    return readers


def get_samples(model: str | None = None, kind: str | None = None) -> list[Sample]:
    """Bundled sample files registered by plugins, optionally of one model (a name in any case,
    :func:`model_key`) and/or kind."""
    out = []
    for plugin, _args, kwargs in _collect("register_samples"):
        out.append(
            Sample(
                model=kwargs["model"],
                path=Path(kwargs["path"]),
                description=kwargs.get("description", ""),
                plugin=plugin,
                kind=kwargs.get("kind", "responses"),
                description_en=kwargs.get("description_en"),
            )
        )
    wanted = None if model is None else model_key(model)
    return [
        s
        for s in out
        if (wanted is None or model_key(s.model) == wanted) and (kind is None or s.kind == kind)
    ]


def list_plugins() -> list[dict[str, Any]]:
    """Plugins with the hooks each implements and its failures so far (for ``mognad plugins``).

    A plugin that could not be loaded is listed last, with ``loaded`` false and no hooks; each
    failure is ``{"hook": name or None (loading), "error": "Type: message"}``.
    """
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
                "loaded": True,
            }
        )
    for failure in _failures:
        listed = {row["name"] for row in rows}
        if failure.hook is None and failure.name not in listed:
            rows.append(
                {
                    "name": failure.name,
                    "module": None,
                    "hooks": [],
                    "builtin": failure.name in BUILTIN_PLUGINS,
                    "distribution": None,
                    "loaded": False,
                }
            )
    for row in rows:
        row["failures"] = [
            {"hook": f.hook, "error": f.error} for f in _failures if f.name == row["name"]
        ]
    return rows
