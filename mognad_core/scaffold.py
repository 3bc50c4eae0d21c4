"""``mognad plugin new NAME``: a new model plugin as a ready, tested package.

:func:`new_plugin` writes the folder ``mognad-NAME/``: ``pyproject.toml`` (the entry point and
the package data), ``mognad_NAME/model.yaml`` (a small but complete model),
``mognad_NAME/plugin.py`` (its hooks), a sample response file, tests that pass right after
``pip install -e ".[test]"``, a README and a ``.gitignore``. The files come from the templates
in ``scaffold_templates/`` (``{{name}}``-style fields; ``{{#full}}...{{/full}}`` is left out of
the model-only variant, ``{{#model_only}}...{{/model_only}}`` out of the full one). Everything is
written through :func:`mognad_core.safe_write.write_files`: all files or none.

See ``docs/writing-a-plugin.md``, section "Start from the scaffold".
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import safe_write, sample_data
from .errors import MognadError
from .model_files import model_from_dict
from .plugins import BUILTIN_MODELS, list_models, model_key
from .texts import Message

__all__ = ["PluginScaffold", "check_name", "new_plugin", "package_name", "plugin_files"]

TEMPLATES = Path(__file__).parent / "scaffold_templates"
#: A plugin name: lower-case letters, digits, ``_`` and ``-``, starting with a letter.
NAME = re.compile(r"[a-z][a-z0-9_-]*")
#: Respondents in the sample file, and the seed that makes it the same every time.
SAMPLE_SIZE = 60
SAMPLE_SEED = 17
#: Each file written: its path in the new folder, and its template.
FILES = {
    "pyproject.toml": "pyproject.toml.tmpl",
    "README.md": "README.md.tmpl",
    ".gitignore": "gitignore.tmpl",
    "{package}/__init__.py": "init.py.tmpl",
    "{package}/model.yaml": "model.yaml.tmpl",
    "{package}/plugin.py": "plugin.py.tmpl",
    "tests/conftest.py": "conftest.py.tmpl",
    "tests/test_{module}.py": "test_plugin.py.tmpl",
}
SAMPLE = "{package}/samples/{name}_svar.csv"
_FIELD = re.compile(r"\{\{(\w+)\}\}")
_BLOCK = re.compile(r"\{\{#(\w+)\}\}\n?(.*?)\{\{/\1\}\}\n?", re.S)


@dataclass(frozen=True)
class PluginScaffold:
    """What :func:`new_plugin` wrote."""

    name: str
    package: str
    folder: Path
    files: tuple[Path, ...]
    model_only: bool

    def next_commands(self) -> list[str]:
        """The three commands that take the new plugin from files to passing tests."""
        folder = str(self.folder)
        if any(c.isspace() for c in folder):
            folder = f'"{folder}"'
        return [f"cd {folder}", 'pip install -e ".[test]"', "pytest"]


def package_name(name: str) -> str:
    """The import package of the plugin ``name``: ``mognad_`` and the name with ``_`` for
    ``-`` (``kommun-2`` -> ``mognad_kommun_2``)."""
    return "mognad_" + name.replace("-", "_")


def check_name(name: str) -> str:
    """``name`` when it may name a new plugin (and its model); else a :class:`MognadError`:
    a name that is not lower-case letters, digits, ``_`` and ``-`` starting with a letter, or
    the name of an installed or built-in model (naming the plugin or model file that has it)."""
    if not NAME.fullmatch(name):
        suggestion = re.sub(r"[^a-z0-9_-]+", "_", name.strip().lower()).strip("_-")
        suggestion = suggestion.lstrip("0123456789_-")
        taken = {model_key(info.name) for info in list_models()} | set(BUILTIN_MODELS)
        if suggestion in taken:  # "DiMiOS" would suggest a name that is taken
            suggestion = f"{suggestion}_egen"
        if suggestion:
            raise MognadError(Message("scaffold.bad_name_try", name=name, suggestion=suggestion))
        raise MognadError(Message("scaffold.bad_name", name=name))
    if name in BUILTIN_MODELS:  # reserved for the built-ins, even when they are blocked
        raise MognadError(Message("scaffold.name_taken", name=name, plugin=BUILTIN_MODELS[name]))
    for info in list_models():
        if model_key(info.name) == name and info.plugin is not None:
            raise MognadError(Message("scaffold.name_taken", name=name, plugin=info.plugin))
        if model_key(info.name) == name:  # a model file in a models folder
            raise MognadError(Message("scaffold.name_taken_file", name=name, path=info.path))
    return name


def _render(template: str, fields: dict[str, str], model_only: bool) -> str:
    shown = {"full": not model_only, "model_only": model_only}
    text = _BLOCK.sub(lambda m: m.group(2) if shown[m.group(1)] else "", template)
    return _FIELD.sub(lambda m: fields[m.group(1)], text)


def plugin_files(
    name: str,
    *,
    title: str | None = None,
    model_only: bool = False,
    title_en: str | None = None,
) -> dict:
    """The text of each file of the plugin ``name`` (paths relative to its folder, with ``/``);
    ``title`` is the model's title (default: "NAME: digital mognad") and ``title_en`` its
    English title (default: the title, when one is given, else "NAME: digital maturity")."""
    package = package_name(name)
    title = " ".join((title or "").split())  # one line: a heading in the README, a TOML string
    title_sv = title or f"{name}: digital mognad"
    title_en = " ".join((title_en or "").split()) or title or f"{name}: digital maturity"
    fields = {
        "name": name,
        "package": package,
        "module": name.replace("-", "_"),
        "title_md": title_sv,
        "title_yaml": json.dumps(title_sv, ensure_ascii=False),  # a double-quoted YAML text
        "title_en_yaml": json.dumps(title_en, ensure_ascii=False),
        "title_toml": json.dumps(title_sv, ensure_ascii=False),  # a TOML basic string
    }
    names = {"name": name, "package": package, "module": fields["module"]}
    return {
        path.format(**names): _render(
            (TEMPLATES / template).read_text(encoding="utf-8"), fields, model_only
        )
        for path, template in FILES.items()
    }


def _text_writer(content: str) -> safe_write.Writer:
    return lambda tmp: tmp.write_text(content, encoding="utf-8")


def new_plugin(
    name: str,
    *,
    folder: str | Path = ".",
    title: str | None = None,
    model_only: bool = False,
    title_en: str | None = None,
) -> PluginScaffold:
    """Write the plugin ``name`` as the folder ``mognad-NAME`` in ``folder``, all files or none.

    Refused (:class:`MognadError`, nothing written): a bad or taken name (:func:`check_name`),
    a ``mognad-NAME`` that exists already. ``model_only`` leaves out the stubs of the hooks
    other than ``register_models`` and ``register_samples``.
    """
    check_name(name)
    root = Path(folder) / f"mognad-{name}"
    if root.exists() or root.is_symlink():
        raise MognadError(Message("scaffold.folder_exists", folder=str(root)))
    files = plugin_files(name, title=title, model_only=model_only, title_en=title_en)
    model = model_from_dict(yaml.safe_load(files[f"{package_name(name)}/model.yaml"]))
    frame = sample_data.make_responses(
        model, SAMPLE_SIZE, SAMPLE_SEED, groups=sample_data.FORVALTNINGAR
    )
    jobs = [(root / path, _text_writer(content)) for path, content in files.items()]
    sample = SAMPLE.format(package=package_name(name), name=name)
    jobs.append((root / sample, sample_data.csv_writer(frame)))
    safe_write.write_files(jobs, new_folder=root)
    return PluginScaffold(
        name=name,
        package=package_name(name),
        folder=root,
        files=tuple(sorted(Path(p) for p in [*files, sample])),
        model_only=model_only,
    )
