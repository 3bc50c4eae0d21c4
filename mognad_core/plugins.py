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
``MOGNAD_REPLACE_MODELS`` (the setting ``replace_models``)
    ``model=plugin`` pairs (``dimios=acme``): the plugin whose model of that name is used when
    two plugins register one. The only way a plugin's model replaces a built-in model.

One bad plugin never takes the rest down (docs/writing-a-plugin.md#isolation):

* a plugin that fails to import is skipped, with a :class:`PluginWarning`;
* a hook that raises is reported as that hook's failure (the plugin stays loaded; what the
  hook would have added is left out). Every hook is called through :func:`call_each`, which
  records the failure against the plugin and the hook, with its traceback, and asks a
  model-specific hook only of the plugin that registered the model;
* a model whose name is taken is skipped alone: the first registration keeps the name
  (built-ins first, then the other plugins by name), the later one is reported naming both
  plugins. A built-in model's name stays reserved when its plugin is blocked; only
  ``MOGNAD_REPLACE_MODELS`` hands it to another plugin;
* an unknown plugin name in ``MOGNAD_BLOCK_PLUGINS`` or ``MOGNAD_ALLOW_PLUGINS`` is reported.

All of these are :func:`plugin_failures`, listed by ``mognad plugins`` and ``MOGNAD_MODELS()``.
"""

from __future__ import annotations

import contextvars
import importlib
import os
import traceback
import warnings
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

import pluggy

from . import hookspecs
from .errors import ModelError, MognadError
from .texts import CATALOGUE, Message, check_lang, text

ENTRY_POINT_GROUP = "mognad"
BLOCK_ENV = "MOGNAD_BLOCK_PLUGINS"
ALLOW_ENV = "MOGNAD_ALLOW_PLUGINS"
REPLACE_ENV = "MOGNAD_REPLACE_MODELS"
MODELS_PATH_ENV = "MOGNAD_MODELS_PATH"
#: What a model file in a models folder ends with.
MODEL_FILE_SUFFIXES = (".yaml", ".yml", ".json")

#: Built-in plugins: entry-point name -> module. Loaded first, in this order.
BUILTIN_PLUGINS: dict[str, str] = {
    "mognad_readers": "mognad_core.readers.builtin",
    "dimios": "mognad_dimios",
    "dmm": "mognad_dmm",
    "arbetsgrupp": "mognad_arbetsgrupp",
    "eudma": "mognad_eudma",
    "excel": "mognad_excel.plugin",
}
#: Built-ins that cannot be blocked (without them no file can be read).
_ESSENTIAL = {"mognad_readers"}
#: The models each built-in plugin registers (model name -> plugin). Their names stay reserved
#: for the built-in even when it is blocked: blocking never hands a name to another plugin
#: (tests/test_plugins.py checks this list against what the built-ins register).
BUILTIN_MODELS: dict[str, str] = {
    "dimios": "dimios",
    "dimios-5": "dimios",
    "dmm": "dmm",
    "dmm-original": "dmm",
    "arbetsgrupp": "arbetsgrupp",
    "eu-dma": "eudma",
}


class PluginWarning(UserWarning):
    """A plugin could not be loaded, a hook of it failed, a model of it was skipped, or a
    plugin setting names something unknown (:class:`PluginFailure` says which)."""


@dataclass(frozen=True)
class PluginFailure:
    """Something about plugin ``name`` that did not work, and what was done about it.

    The kind (:attr:`kind`) follows from the fields: ``hook`` set, the hook raised (``error``
    is ``"Type: message"``; the plugin stays loaded, what the hook would have added is left
    out); ``model`` set, a model of the plugin was skipped (``error`` is a
    :class:`~mognad_core.texts.Message` saying why); ``setting`` set, a plugin setting names
    something unknown; ``file`` set, a model file in a models folder is not used (``name`` is
    its path); none of them, the plugin could not be loaded and was skipped.
    ``traceback`` holds the Python traceback of a failure that raised (``--debug`` shows it).
    """

    name: str
    error: str | Message
    hook: str | None = None
    model: str | None = None
    setting: str | None = None
    file: str | None = None
    traceback: str | None = field(default=None, compare=False, repr=False)

    @property
    def kind(self) -> str:
        """``"hook"``, ``"file"`` (a model file in a models folder that is not used: ``name``
        is its path), ``"model"``, ``"setting"`` or ``"load"``."""
        if self.hook is not None:
            return "hook"
        if self.file is not None:
            return "file"
        if self.model is not None:
            return "model"
        return "setting" if self.setting is not None else "load"

    def in_hook(self, hook: str) -> bool:
        """Whether this is a failure of the hook called ``hook``."""
        return self.hook == hook

    def error_text(self, lang: str = "sv") -> str:
        """``error`` in words (an exception's text is the same in every language)."""
        return self.error.text(lang) if isinstance(self.error, Message) else self.error

    def describe(self, lang: str = "sv") -> str:
        """One sentence in ``lang``: what failed, and what was done about it. A sentence that
        holds a detail known only in English (a model file's error) is all in English, as
        such errors are: never two languages in one sentence."""
        if self.kind in ("model", "setting", "file"):
            plain = isinstance(self.error, Message) and _plain_detail(self.error)
            return self.error_text("en" if plain else lang)
        if self.kind == "hook":
            effect = f"plugin.effect.{self.hook}"
            effect = effect if effect in CATALOGUE else "plugin.effect.other"
            return text(
                "plugin.problem.hook",
                lang,
                name=self.name,
                hook=self.hook,
                error=str(self.error).rstrip(" ."),  # the sentence goes on after it
                effect=text(effect, lang),
            )
        return text("plugin.problem.load", lang, name=self.name, error=self.error)


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
_distributions: dict[str, str | None] = {}  # plugin name -> "distribution version"
_entry_eps: dict[str, Any] = {}  # plugin name -> its entry point (its distribution read lazily)
_dist_names: dict[Any, str] = {}  # a distribution -> "distribution version", while loading
_skipped: dict[str, Message] = {}  # plugin name -> why it was not loaded (blocked, not allowed)
#: The plugin whose hook implementation is running (for the ``register`` callbacks).
_calling: contextvars.ContextVar[str | None] = contextvars.ContextVar("mognad_plugin", default=None)


def _names(env: str) -> set[str] | None:
    value = os.environ.get(env)
    if value is None:
        return None
    return {n.strip() for n in value.split(",") if n.strip()}


def _plain_detail(message: Message) -> bool:
    """Whether ``message`` carries an error known only in English (a plain string)."""
    return isinstance(message.data.get("error"), str)


def _record(failure: PluginFailure) -> None:
    """Keep ``failure`` for :func:`plugin_failures` and warn, once per failure: a hook that
    fails on every call is listed once."""
    if failure in _failures:
        return
    _failures.append(failure)
    try:
        from .settings import language

        lang = language()
    except Exception:  # an unusable lang setting is reported by the command; not here
        lang = "sv"
    warnings.warn(failure.describe(lang), PluginWarning, stacklevel=4)


def _record_failure(name: str, exc: BaseException, hook: str | None = None) -> None:
    trace = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    _record(PluginFailure(name, f"{type(exc).__name__}: {exc}", hook, traceback=trace))


def _check_names(env: str, named: set[str] | None, known: set[str]) -> None:
    """Report the names in ``env`` that are no installed plugin (a typo blocks nothing)."""
    known_names = ", ".join(sorted(known))
    for value in sorted((named or set()) - known):
        message = Message(
            "plugin.problem.unknown_name",
            env=env,
            value=value,
            close=close_hint(value, known),
            known=known_names,
        )
        _record(PluginFailure(value, message, setting=env))


def _dist_name(ep: metadata.EntryPoint | None) -> str | None:
    dist = getattr(ep, "dist", None)
    if dist is None:
        return None
    # dist.name and dist.version each parse the whole METADATA file (the README too): once
    # per distribution while the plugins load (:func:`_entry_points`), not twice per entry point
    if dist not in _dist_names:
        meta = dist.metadata
        _dist_names[dist] = f"{meta['Name']} {meta['Version']}"
    return _dist_names[dist]


def _distribution_of(name: str) -> str | None:
    """The "distribution version" of the plugin ``name``'s entry point (None: not an installed
    entry point); its METADATA read when first asked for (``mognad plugins``), not by every
    command."""
    if name not in _distributions and name in _entry_eps:
        found = _dist_name(_entry_eps[name])
        _distributions[name] = None if found is None else str(found)
    return _distributions.get(name)


def _entry_points() -> dict[str, metadata.EntryPoint]:
    """The ``mognad`` entry points by name. A name that two installed packages declare is
    loaded from the first only; the other is reported, naming both packages."""
    found: dict[str, metadata.EntryPoint] = {}
    _dist_names.clear()
    for ep in metadata.entry_points(group=ENTRY_POINT_GROUP):
        first = found.setdefault(ep.name, ep)
        if first is not ep and _dist_name(first) != _dist_name(ep):
            message = Message(
                "plugin.problem.name_twice",
                name=ep.name,
                first=_dist_name(first) or first.value,
                other=_dist_name(ep) or ep.value,
            )
            _record(PluginFailure(ep.name, message, setting=ENTRY_POINT_GROUP))
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


class _PluginManager(pluggy.PluginManager):
    """pluggy's manager, remembering what the ``register_*`` hooks registered (models, readers,
    samples) until a plugin is registered or unregistered: :func:`_collect` asks each plugin
    once, not on every :func:`get_model` or model-specific hook call."""

    def __init__(self, project_name: str) -> None:
        super().__init__(project_name)
        self.registered: dict[str, list[tuple[str, tuple[Any, ...], dict[str, Any]]]] = {}
        #: the models in use and what was decided about the others: :func:`_model_registry`
        self.models: _Registry | None = None

    def register(self, plugin: Any, name: str | None = None) -> str | None:
        self.registered.clear()
        self.models = None
        return super().register(plugin, name)

    def unregister(self, plugin: Any = None, name: str | None = None) -> Any:
        self.registered.clear()
        self.models = None
        return super().unregister(plugin, name)


def _build() -> pluggy.PluginManager:
    pm = _PluginManager(ENTRY_POINT_GROUP)
    pm.add_hookspecs(hookspecs)
    blocked = _names(BLOCK_ENV) or set()
    allowed = _names(ALLOW_ENV)
    eps = _entry_points()
    _check_names(BLOCK_ENV, blocked, set(eps) | set(BUILTIN_PLUGINS))
    _check_names(ALLOW_ENV, allowed, set(eps) | set(BUILTIN_PLUGINS))
    _entry_eps.update(eps)  # their distributions are shown by mognad plugins, loaded or not
    for name in sorted(blocked & _ESSENTIAL):
        message = Message("plugin.problem.essential", env=BLOCK_ENV, value=name)
        _record(PluginFailure(name, message, setting=BLOCK_ENV))
    for name, module in BUILTIN_PLUGINS.items():
        if name in blocked and name not in _ESSENTIAL:
            _skipped[name] = Message("cli.plugins.blocked", env=BLOCK_ENV)
            continue
        ep = eps.get(name)
        loader = ep.load if ep is not None else (lambda m=module: importlib.import_module(m))
        _load_into(pm, name, loader, ep)
    for name in sorted(eps):
        if name in BUILTIN_PLUGINS:
            continue
        if name in blocked:
            _skipped[name] = Message("cli.plugins.blocked", env=BLOCK_ENV)
            continue
        if allowed is not None and name not in allowed:
            _skipped[name] = Message("cli.plugins.not_allowed", env=ALLOW_ENV)
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
    _entry_eps.clear()
    _skipped.clear()


def plugin_failures() -> list[PluginFailure]:
    """What did not work since the manager was built: plugins that could not be loaded, hooks
    that failed, models that were skipped, unknown names in the plugin settings."""
    get_plugin_manager()
    _model_registry()  # a skipped model is known once the models are registered
    return list(_failures)


def failures_so_far() -> list[PluginFailure]:
    """:func:`plugin_failures` without registering the models first (for a command that may
    never need them, such as ``mognad --help``)."""
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
    every plugin. A plugin whose own model of that name is not in use (replaced, or skipped
    because the name was taken) is never asked about it: its code would take the model in use
    for its own.

    Returns a :class:`HookAnswer` per plugin that answered, in registration order (built-ins
    first, so a later plugin's registration wins); with ``first=True`` the first answer that is
    not None, asking in pluggy's order (the last registered first), or None.
    """
    impls = getattr(get_plugin_manager().hook, hook_name).get_hookimpls()
    if first:
        impls = impls[::-1]
    if model is not None:
        kwargs["model"] = model
        registry, key = _registry(), model_key(getattr(model, "name", ""))
        if hook_name in hookspecs.MODEL_OWNER_HOOKS:
            owner = registry.owner(key)
            if owner is not None:
                impls = [impl for impl in impls if impl.plugin_name == owner]
        lost = registry.losers.get(key, set())  # its model of that name is not in use
        impls = [impl for impl in impls if impl.plugin_name not in lost]
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
        plugin = _calling.get() or "?"
        if plugin not in BUILTIN_PLUGINS:  # only a built-in's model waits (BuiltinModel)
            args = tuple(a.build() if isinstance(a, BuiltinModel) else a for a in args)
        items.append((plugin, args, kwargs))

    answered = {answer.plugin for answer in call_each(hook_name, register=register)}
    found = [item for item in items if item[0] in answered]  # nothing from a plugin that failed
    if cache is not None:
        cache[hook_name] = found
    return found


@dataclass(frozen=True)
class BuiltinModel:
    """A built-in plugin's model, registered by name and built (read and validated) when first
    asked for: ``mognad score -m dimios`` then reads one model file, not six. Only the built-in
    plugins register these (an external plugin's is built at once); :func:`get_model` and
    :func:`list_models` build them, and a name clash is decided by the name alone, as before."""

    name: str
    build: Any  # () -> MaturityModel, a cached function of the plugin


@dataclass
class ModelInfo:
    """An installed model, as :func:`list_models` lists it: its ``name`` (what ``--model`` and
    :func:`get_model` take), ``version``, ``title`` (Swedish; ``title_en`` English or None),
    where it comes from (the ``plugin`` that registered it, or the model file's ``path`` in a
    models folder; the other is None), and its numbers of statements and dimensions."""

    name: str
    version: str
    title: str
    plugin: str | None
    statements: int
    dimensions: int
    title_en: str | None = None
    path: str | None = None

    @property
    def source(self) -> str:
        """The plugin's name, or the model file's path."""
        return self.plugin if self.plugin is not None else str(self.path)


def model_key(name: str) -> str:
    """The form a model name is looked up by: without surrounding spaces, case folded, so
    ``"DiMiOS"``, ``" dimios "`` and ``"DIMIOS"`` all name ``dimios``. The one rule for the
    CLI, Python and Excel; a model keeps its own (canonical) name in results and outputs."""
    return str(name).strip().casefold()


def user_models_folder() -> Path:
    """The user's own models folder: ``models`` in mognad's configuration folder
    (``~/.config/mognad/models`` on Linux, ``%APPDATA%\\mognad\\models`` on Windows,
    ``~/Library/Application Support/mognad/models`` on macOS)."""
    import click

    return Path(click.get_app_dir("mognad")) / "models"


def _named_folders() -> tuple[list[Path], str]:
    """The folders of the ``models_path`` setting and where the setting came from."""
    from .settings import setting

    raw, source = setting("models_path")
    parts = raw if isinstance(raw, list) else str(raw or "").split(os.pathsep)
    return [Path(str(p).strip()).expanduser() for p in parts if str(p).strip()], source


def model_folders(named: list[Path] | None = None) -> list[Path]:
    """The folders searched for model files, in order: each folder of the ``models_path``
    setting (``MOGNAD_MODELS_PATH``, folders separated by ``os.pathsep``; ``named`` when the
    caller has read it), then :func:`user_models_folder`. A named folder that does not exist
    is reported (when the models are registered)."""
    named = _named_folders()[0] if named is None else named
    return list(dict.fromkeys([*named, user_models_folder()]))


def _model_files(named: list[Path]) -> list[Path]:
    """The model files in :func:`model_folders` (not in subfolders; hidden files left out),
    by folder order, then name."""
    found: list[Path] = []
    for folder in model_folders(named):
        try:
            entries = sorted(folder.iterdir())
        except OSError:  # no such folder (the user's own, before it is made), or unreadable
            continue
        found += [
            p
            for p in entries
            if p.suffix.lower() in MODEL_FILE_SUFFIXES
            and not p.name.startswith(".")
            and p.is_file()
        ]
    return found


def _signature(named: list[Path], files: list[Path]) -> tuple[Any, ...]:
    """What changes when a model file is added, removed or edited, or a named folder made."""
    out: list[Any] = [(str(f), f.is_dir()) for f in named]
    for p in files:
        try:
            st = p.stat()
        except OSError:
            continue
        out.append((str(p), st.st_mtime_ns, st.st_size))
    return tuple(out)


def _file_models(files: list[Path]) -> list[tuple[Path, Any]]:
    """The models of ``files``; a file that is not a valid model is reported and left out."""
    from .model_files import load_model_file

    models = []
    for path in files:
        try:
            models.append((path, load_model_file(path)))
        except MognadError as exc:
            message = Message("plugin.problem.bad_file", path=str(path), error=exc.body)
            _record(PluginFailure(str(path), message, file=str(path)))
    return models


def close_hint(value: str, known: set[str] | list[str]) -> Message | str:
    """ " (did you mean 'x'?)" for the known name closest to ``value``, if one is close."""
    import difflib  # only for a name that is not known

    close = difflib.get_close_matches(value, sorted(known), n=1)
    return Message("plugin.problem.close", close=close[0]) if close else ""


def _replacements(registered: set[str]) -> dict[str, str]:
    """The ``replace_models`` setting (``MOGNAD_REPLACE_MODELS``): model key -> plugin name.
    A pair that is not ``model=plugin``, or that names a model no plugin registers (a typo
    would otherwise do nothing without a word), is reported and left out."""
    from .settings import setting

    raw, source = setting("replace_models")
    pairs = (
        raw.items()
        if isinstance(raw, dict)
        else (part.partition("=")[::2] for part in str(raw or "").split(",") if part.strip())
    )
    chosen: dict[str, str] = {}
    for model, plugin in pairs:
        model, plugin = str(model).strip(), str(plugin).strip()
        if not model or not plugin:
            value = f"{model}={plugin}".strip("=")
            message = Message("plugin.problem.replace_bad", env=source, value=value)
            _record(PluginFailure(value, message, setting=source))
            continue
        if model_key(model) not in registered:
            close = close_hint(model_key(model), registered)
            message = Message(
                "plugin.problem.replace_no_model", env=source, model=model, close=close
            )
            _record(PluginFailure(model, message, setting=source))
            continue
        chosen[model_key(model)] = plugin
    return chosen


#: Where a model comes from: the name of the plugin that registered it, or a model file's path.
Source = str | Path


def _not_used(
    source: Source, model: Any, winner: Source, why: Message | None = None, spelling: str = ""
) -> None:
    """Report that ``source``'s ``model`` is not used because ``winner`` has its name (the
    built-in plugin ``winner`` that is not loaded, when ``why`` says so), spelt ``spelling``
    there (a plugin may build a model whose name has capitals; names ignore case)."""
    if isinstance(source, Path):
        who = (
            Message("plugin.who.file", path=str(winner))
            if isinstance(winner, Path)
            else (Message("plugin.who.plugin", name=winner))
        )
        message = Message("plugin.problem.file_taken", path=str(source), model=model.name, who=who)
        _record(PluginFailure(str(source), message, model=model.name, file=str(source)))
        return
    if why is not None:
        message = Message(
            "plugin.problem.model_reserved",
            model=model.name,
            name=source,
            other=winner,
            why=why,
            env=REPLACE_ENV,
        )
    elif source == winner:
        message = Message("plugin.problem.model_twice", name=source, model=model.name)
    else:
        spelt = "" if model.name == spelling else Message("plugin.problem.spelt", spelt=spelling)
        taken = "taken_builtin" if winner in BUILTIN_PLUGINS else "taken"  # not uninstallable
        message = Message(
            f"plugin.problem.model_{taken}",
            model=model.name,
            name=source,
            other=winner,
            spelt=spelt,
            env=REPLACE_ENV,
        )
    _record(PluginFailure(source, message, model=model.name))


def _decide(
    key: str, candidates: list[tuple[Source, Any]], chosen: dict[str, str], blocked: bool
) -> tuple[Source, Any] | None:
    """Which registration of the model name ``key`` is used: the plugin the replace setting
    chooses, else the built-in the name belongs to, else the first (plugins come before model
    files). None when the name belongs to a built-in that is not loaded and nothing chose
    another; then every candidate is reported here."""
    wanted = chosen.get(key)
    by_source = {source: model for source, model in reversed(candidates)}  # each one's first
    builtin = BUILTIN_MODELS.get(key)
    if wanted is not None and wanted in by_source:
        return wanted, by_source[wanted]
    if wanted is not None:
        close = close_hint(wanted, {s for s, _ in candidates if isinstance(s, str)})
        message = Message(
            "plugin.problem.replace_unused", env=REPLACE_ENV, model=key, plugin=wanted, close=close
        )
        _record(PluginFailure(wanted, message, setting=REPLACE_ENV))
    if builtin is not None and builtin not in by_source:
        why = Message("cli.plugins.blocked", env=BLOCK_ENV) if blocked else None
        for source, model in candidates:
            _not_used(source, model, builtin, why or Message("plugin.problem.not_loaded"))
        return None
    if builtin is not None:
        return builtin, by_source[builtin]
    return candidates[0]


@dataclass
class _Registry:
    """What :func:`_model_registry` worked out, until the plugins or the model files change."""

    signature: tuple[Any, ...]
    models: dict[str, tuple[Any, Source]]  # model key -> (model, plugin or file) in use
    replaced: list[tuple[str, str, str]]  # (plugin, model, by plugin), the replace setting's
    losers: dict[str, set[str]]  # model key -> plugins whose model of that name is not used
    recorded: list[PluginFailure]  # the failures this working-out recorded

    def owner(self, key: str) -> str | None:
        """The plugin whose model ``key`` is in use; None for a model file, or no such model."""
        found = self.models.get(key)
        return found[1] if found is not None and isinstance(found[1], str) else None


def _registry() -> _Registry:
    """The registry in force, worked out anew when the plugins or the model files changed; the
    failures the previous working-out recorded (a model file since mended, say) are dropped."""
    pm = get_plugin_manager()
    named, source = _named_folders()  # the setting read once per check
    files = _model_files(named)
    signature = _signature(named, files)
    cached = getattr(pm, "models", None)
    if cached is not None and cached.signature == signature:
        return cached
    if cached is not None:
        _failures[:] = [f for f in _failures if f not in cached.recorded]
    start = len(_failures)
    models, replaced, losers = _work_out(files, named, source)
    recorded = [f for f in _failures[start:] if f.kind not in ("hook", "load")]
    found = _Registry(signature, models, replaced, losers, recorded)
    if isinstance(pm, _PluginManager):
        pm.models = found
    return found


def _work_out(
    files: list[Path], named: list[Path], source: str
) -> tuple[dict[str, tuple[Any, Source]], list[tuple[str, str, str]], dict[str, set[str]]]:
    """Which model is in use for each name (:func:`_decide`); the others are reported, and so
    is a folder of the ``models_path`` setting (``source`` says where it was set) that does
    not exist."""
    for folder in named:
        if not folder.is_dir():
            message = Message("plugin.problem.no_folder", env=source, folder=str(folder))
            _record(PluginFailure(str(folder), message, setting=source))
    by_key: dict[str, list[tuple[Source, Any]]] = {}
    for plugin, args, _ in _collect("register_models"):
        for model in args:
            by_key.setdefault(model_key(model.name), []).append((plugin, model))
    for path, model in _file_models(files):
        by_key.setdefault(model_key(model.name), []).append((path, model))
    chosen = _replacements(set(by_key))
    blocked = _names(BLOCK_ENV) or set()
    models: dict[str, tuple[Any, Source]] = {}
    replaced: list[tuple[str, str, str]] = []
    losers: dict[str, set[str]] = {}
    for key, candidates in by_key.items():
        winner = _decide(key, candidates, chosen, BUILTIN_MODELS.get(key) in blocked)
        losers[key] = {s for s, _ in candidates if isinstance(s, str)}
        if winner is None:
            continue
        losers[key].discard(winner[0])  # type: ignore[arg-type]
        was_chosen = chosen.get(key) == winner[0]
        for origin, model in candidates:
            if model is winner[1]:
                continue
            if was_chosen and isinstance(origin, str):  # the user chose: nothing went wrong
                replaced.append((origin, model.name, str(winner[0])))
            else:
                _not_used(origin, model, winner[0], spelling=winner[1].name)
        models[key] = (winner[1], winner[0])
    return models, replaced, losers


def _model_registry() -> dict[str, tuple[Any, Source]]:
    """The models in use by :func:`model_key` of their name: (model, plugin name or model
    file path). Those the plugins register, then those of the model files in
    :func:`model_folders`. Worked out once per plugin manager, until a plugin is registered or
    unregistered or a model file is added, removed or edited. A name registered twice keeps one
    model (:func:`_decide`); the others are reported, never an error."""
    return _registry().models


def _replaced() -> list[tuple[str, str, str]]:
    """(plugin, model, by plugin) for each model the replace setting put another in place of."""
    return _registry().replaced


def list_models() -> list[ModelInfo]:
    """The installed models (:class:`ModelInfo`: name, version, title, plugin or path, numbers
    of statements and dimensions): the plugins' models in registration order (built-ins
    first), then those of the model files in :func:`model_folders`. The names alone:
    ``[m.name for m in list_models()]``. A model that was skipped (its name taken) is not
    listed; :func:`plugin_failures` says why."""
    models = _model_registry()
    for key in list(models):
        _built(models, key)
    return [
        ModelInfo(
            name=m.name,
            version=m.version,
            title=m.title,
            plugin=source if isinstance(source, str) else None,
            statements=len(m.statement_ids),
            dimensions=len(m.dimensions),
            title_en=m.title_en,
            path=str(source) if isinstance(source, Path) else None,
        )
        for m, source in models.values()
    ]


def _built(models: dict[str, tuple[Any, Source]], key: str) -> Any:
    """The model in use for ``key``, a :class:`BuiltinModel` built now (and kept); None when
    building it fails, which is reported as its plugin's register_models failure (as when the
    hook itself fails) and the name then names no model."""
    model, source = models[key]
    if not isinstance(model, BuiltinModel):
        return model
    try:
        built = model.build()
        if model_key(built.name) != key:
            raise ModelError(f"the built-in model {model.name!r} was built as {built.name!r}")
    except Exception as exc:
        _record_failure(str(source), exc, hook="register_models")
        del models[key]
        return None
    models[key] = (built, source)
    return built


def get_model(name: str):
    """A registered model by name, whatever its case and surrounding spaces (:func:`model_key`);
    the model keeps its own name. The error lists the installed models and suggests the
    closest one, if any is close."""
    models = _model_registry()
    key = model_key(name)
    if key in models and _built(models, key) is not None:
        return models[key][0]
    names = sorted(model.name for model, _ in models.values())
    known = ", ".join(names) or Message("error.none")
    import difflib  # only for a name that is not known

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
    losers = _registry().losers  # a plugin's sample of its model that is not in use is left out
    return [
        s
        for s in out
        if (wanted is None or model_key(s.model) == wanted)
        and (kind is None or s.kind == kind)
        and s.plugin not in losers.get(model_key(s.model), set())
    ]


def list_plugins(lang: str = "sv") -> list[dict[str, Any]]:
    """Each plugin with its status, the hooks it implements and what failed (``mognad plugins``).

    A row has ``name``, ``module``, ``hooks``, ``builtin``, ``distribution``, ``loaded``,
    ``status`` (``"loaded"``, ``"model rejected"``: loaded, but a model of it was skipped, or
    ``"skipped"``: not loaded), ``reason`` (why it was skipped, in ``lang``; None when loaded),
    ``failures`` (``{"kind", "hook", "model", "error", "text"}``, ``text`` the whole sentence in
    ``lang``) and ``replaced`` (its models that the replace setting put another plugin's model
    in place of). Loaded plugins come first, in loading order; then skipped ones, by name.
    """
    check_lang(lang)
    pm = get_plugin_manager()
    failures = plugin_failures()
    replaced = _replaced()
    rows = []
    for name, plugin in pm.list_name_plugin():
        hooks = sorted(h.name for h in pm.get_hookcallers(plugin) or [])
        rows.append(
            {
                "name": name,
                "module": getattr(plugin, "__name__", type(plugin).__name__),
                "hooks": hooks,
                "builtin": name in BUILTIN_PLUGINS,
                "distribution": _distribution_of(name),
                "loaded": True,
                "status": "loaded",
                "reason": None,
            }
        )
    listed = {row["name"] for row in rows}
    why_not = dict(_skipped)
    for failure in failures:
        if failure.kind == "load":
            why_not[failure.name] = Message("plugin.reason.failed", error=failure.error)
    for name, reason in sorted(why_not.items(), key=lambda item: item[0]):
        if name in listed:
            continue
        rows.append(
            {
                "name": name,
                "module": None,
                "hooks": [],
                "builtin": name in BUILTIN_PLUGINS,
                "distribution": _distribution_of(name),
                "loaded": False,
                "status": "skipped",
                "reason": reason.text(lang),
            }
        )
    for row in rows:
        mine = [f for f in failures if f.name == row["name"] and f.kind != "setting"]
        if row["loaded"] and any(f.kind == "model" for f in mine):
            row["status"] = "model rejected"
        row["failures"] = [
            {
                "kind": f.kind,
                "hook": f.hook,
                "model": f.model,
                "error": f.error_text(lang),
                "text": f.describe(lang),
            }
            for f in mine
        ]
        row["replaced"] = [
            {"model": model, "by": by} for plugin, model, by in replaced if plugin == row["name"]
        ]
    return rows
