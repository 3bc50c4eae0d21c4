"""``mognad plugin check NAME``: is an installed plugin in working order?

Each check is a :class:`Finding`: passed (``ok``), a problem (``problem``: the plugin does not
work as its author meant) or a remark (``remark``: it works, but users will see something
odd, such as Swedish texts under ``--lang en``). The checks, in order:

1. the plugin is loaded (else why not: blocked, not in the allow list, failed to import);
2. its hooks are hooks mognad knows (a misspelt hook is never called), and no function that
   is named like a hook lacks ``@hookimpl``;
3. its models are registered and in use (none skipped; a model file missing from an installed
   package points at ``[tool.setuptools.package-data]``);
4. each model has short statement names and English texts (remarks);
5. its sample files exist;
6. each model scores a sample (its own, else made-up answers from
   :func:`~mognad_core.sample_data.make_responses`), with its insights, priorities and gap,
   and none of the plugin's hooks fails on the way.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from typing import Any

from . import hookspecs
from .errors import MognadError
from .texts import Figure, Message

OK, PROBLEM, REMARK = "ok", "problem", "remark"


@dataclass(frozen=True)
class Finding:
    """One check's outcome: ``status`` (``"ok"``, ``"problem"`` or ``"remark"``) and what was
    found, a :class:`~mognad_core.texts.Message` and/or the plugin failure it is about
    (``failure``, a :class:`~mognad_core.plugins.PluginFailure`); :meth:`text` puts it into
    words."""

    status: str
    message: Message | None
    failure: Any = None

    def text(self, lang: str = "sv") -> str:
        words = [self.message.text(lang)] if self.message is not None else []
        if self.failure is not None:
            words.append(self.failure.describe(lang))
        return " ".join(words)


def _hook_names() -> set[str]:
    return {
        name
        for name, fn in inspect.getmembers(hookspecs, inspect.isfunction)
        if hasattr(fn, "mognad_spec")
    }


def _loaded(name: str) -> tuple[Any, list[Finding]]:
    """The plugin object, or None with the finding that says why it is not loaded."""
    from .plugins import close_hint, get_plugin_manager, list_plugins

    plugin = get_plugin_manager().get_plugin(name)
    if plugin is not None:
        return plugin, [Finding(OK, Message("check.loaded", name=name))]
    rows = {row["name"]: row for row in list_plugins()}
    if name in rows:
        why = Message("check.not_loaded", name=name, reason=rows[name]["reason"])
    else:
        known = ", ".join(sorted(rows))
        why = Message("check.not_installed", name=name, close=close_hint(name, rows), known=known)
    return None, [Finding(PROBLEM, why)]


def _hooks(name: str, plugin: Any) -> list[Finding]:
    from .plugins import close_hint, list_plugins

    known = _hook_names()
    used = next(row["hooks"] for row in list_plugins() if row["name"] == name)
    findings = []
    for hook in used:
        if hook not in known:
            hint = close_hint(hook, known)
            findings.append(Finding(PROBLEM, Message("check.unknown_hook", hook=hook, close=hint)))
    unmarked = sorted(
        attr
        for attr in known - set(used)
        if callable(getattr(plugin, attr, None))
        and not hasattr(getattr(plugin, attr), "mognad_impl")
    )
    for attr in unmarked:
        findings.append(Finding(PROBLEM, Message("check.unmarked_hook", hook=attr)))
    if not findings:
        hooks = ", ".join(used) or Message("error.none")
        findings.append(Finding(OK, Message("check.hooks", hooks=hooks)))
    return findings


def _new_failures(name: str, before: list[Any]) -> list[Any]:
    """The failures of plugin ``name`` recorded since ``before`` was taken."""
    from .plugins import plugin_failures

    return [f for f in plugin_failures() if f.name == name and f not in before]


def _failure_finding(failure: Any) -> Finding:
    """A failure of the plugin's; its own model file that it cannot find points at
    package-data."""
    from .model_files import NOT_FOUND

    missing = failure.in_hook("register_models") and NOT_FOUND in failure.error_text("en")
    return Finding(PROBLEM, Message("check.package_data") if missing else None, failure)


def _models(name: str, failures: list[Any]) -> tuple[list[Any], list[Finding]]:
    """The plugin's models in use; its registration's failures (``failures``) are the
    findings when it has no model."""
    from .plugins import get_model, list_models

    mine = [info for info in list_models() if info.plugin == name]
    findings = [
        Finding(OK, Message("check.model", model=i.name, statements=i.statements)) for i in mine
    ]
    findings += [_failure_finding(f) for f in failures if f.kind == "model"]
    registering = [f for f in failures if f.in_hook("register_models")]
    findings += [_failure_finding(f) for f in registering]
    if not findings:
        findings.append(Finding(REMARK, Message("check.no_models", name=name)))
    return [get_model(i.name) for i in mine], findings


def _model_texts(model: Any) -> list[Finding]:
    findings = []
    no_short = [s.id for s in model.statements if not (s.short and s.short_en)]
    if no_short:
        findings.append(
            Finding(REMARK, Message("check.no_short", model=model.name, ids=", ".join(no_short)))
        )
    no_english = [s.id for s in model.statements if not s.text_en]
    no_english += [d.id for _, d in model.iter_tree() if not d.label_en]
    if no_english:
        ids = ", ".join(no_english[:8]) + (" …" if len(no_english) > 8 else "")
        findings.append(Finding(REMARK, Message("check.no_english", model=model.name, ids=ids)))
    return findings


def _samples(name: str) -> tuple[dict[str, Any], list[Finding]]:
    """The plugin's sample files (each exists), and the first response sample of each of its
    models by model key."""
    from .plugins import get_samples, model_key

    found: dict[str, Any] = {}
    findings = []
    for sample in (s for s in get_samples() if s.plugin == name):
        if not sample.path.is_file():
            findings.append(
                Finding(PROBLEM, Message("check.sample_missing", path=str(sample.path)))
            )
            continue
        findings.append(Finding(OK, Message("check.sample", path=str(sample.path))))
        if sample.kind == "responses":
            found.setdefault(model_key(sample.model), sample.path)
    return found, findings


def _scores(name: str, model: Any, sample: Any) -> list[Finding]:
    """Score a sample with ``model`` as a user would, with its insights, priorities and gap.
    A problem when it cannot, when the sample has no answers for a statement (made before the
    statement was added), or when a hook of the plugin fails on the way."""
    from .analysis import gap, priorities
    from .plugins import plugin_failures
    from .scoring import score
    from .targets import default_target

    if sample is None:
        from .sample_data import make_responses

        source: Any = make_responses(model, n=40, seed=0)
        where: Any = Message("check.made_up")
    else:
        source, where = sample, str(sample)
    before = plugin_failures()
    try:
        result = score(source, model, insights=True)
        priorities(result, model=model)
        gap(result, default_target(model) or ("next" if model.levels else 0.75), model=model)
    except MognadError as exc:
        return [Finding(PROBLEM, Message("check.score_failed", model=model.name, error=exc.body))]
    findings = [_failure_finding(f) for f in _new_failures(name, before)]
    unanswered = [s.id for s in result.statements.values() if s.n == 0 and not s.dont_know]
    if unanswered and sample is not None:
        ids = ", ".join(unanswered)
        findings.append(Finding(PROBLEM, Message("check.sample_old", model=model.name, ids=ids)))
    scored = Message(
        "check.scored",
        model=model.name,
        where=where,
        n=result.n_respondents,
        overall=Figure(result.overall),
        insights=len(result.insights),
    )
    return [Finding(OK if not findings else REMARK, scored), *findings]


def check_plugin(name: str) -> list[Finding]:
    """Check the installed plugin ``name`` (its entry-point name, as ``mognad plugins`` lists
    it); see the module's docstring for the checks. Never raises for the plugin's faults:
    they are findings."""
    import warnings

    from .plugins import PluginWarning, failures_so_far, model_key

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PluginWarning)
        before = failures_so_far()  # loading the plugins is part of the check
        plugin, findings = _loaded(name)
        if plugin is None:
            return findings
        findings += _hooks(name, plugin)
        models, found = _models(name, _new_failures(name, []))
        findings += found
        for model in models:
            findings += _model_texts(model)
        samples, found = _samples(name)
        findings += found
        for model in models:
            findings += _scores(name, model, samples.get(model_key(model.name)))
        reported = {f.failure for f in findings if f.failure is not None}
        rest = [f for f in _new_failures(name, before) if f not in reported]
        findings += [_failure_finding(f) for f in rest if f.kind == "hook"]
    return findings


def passed(findings: list[Finding]) -> bool:
    """True when no finding is a problem (remarks do not fail a check)."""
    return all(f.status != PROBLEM for f in findings)
