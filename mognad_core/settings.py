"""Settings that apply to every command, each defined once (after datasette's ``SETTINGS``).

A setting's value comes from, first to last:

1. the caller: a command-line option (``--min-size 10``) or a keyword argument
   (``mognad.score(..., min_size=10)``);
2. the environment variable named by the setting (``MOGNAD_MIN_SIZE=10``);
3. the configuration file: ``mognad.toml`` in the current folder, or the file named by
   ``MOGNAD_CONFIG`` (a key per setting, e.g. ``min_size = 10``);
4. the setting's default.

``mognad settings`` lists them with their current values and where each value came from.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import InputError, Location, MognadError
from .texts import Message, check_lang, text

CONFIG_FILE = "mognad.toml"
CONFIG_ENV = "MOGNAD_CONFIG"


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    env: str
    help: str
    option: str | None  # the command-line option, when commands have one


SETTINGS = (
    Setting(
        "min_size",
        5,
        "MOGNAD_MIN_SIZE",
        text("setting.min_size", "en"),  # in both languages in the catalogue
        "--min-size",
    ),
    Setting(
        "lang",
        "sv",
        "MOGNAD_LANG",
        text("setting.lang", "en"),
        "--lang",
    ),
    Setting(
        "excel_cache_mb",
        256,
        "MOGNAD_EXCEL_CACHE_MB",
        text("setting.excel_cache_mb", "en"),
        None,  # no command has it: only the environment and the file
    ),
    Setting(
        "replace_models",
        "",
        "MOGNAD_REPLACE_MODELS",
        text("setting.replace_models", "en"),
        None,
    ),
    Setting(
        "models_path",
        "",
        "MOGNAD_MODELS_PATH",
        text("setting.models_path", "en"),
        None,
    ),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def config_path() -> Path | None:
    """The configuration file in force, or None."""
    named = os.environ.get(CONFIG_ENV)
    if named:
        p = Path(named)
        if not p.is_file():
            raise InputError(
                Message("error.config_missing", env=CONFIG_ENV),
                Location(file=str(p)),
                Message("error.expected.config_path", file=CONFIG_FILE, env=CONFIG_ENV),
            )
        return p
    p = Path.cwd() / CONFIG_FILE
    return p if p.is_file() else None


def _config() -> tuple[dict[str, Any], Path | None]:
    path = config_path()
    if path is None:
        return {}, None
    import tomllib  # only when there is a mognad.toml (most commands have none)

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        import re

        where, detail = Location(file=str(path), column_style="number"), str(exc)
        at = re.search(r"\s*\(at line (\d+), column (\d+)\)$", detail)
        if at:  # tomllib says where in its text; the location says it in the reader's language
            where.row, where.column_index = int(at[1]), int(at[2]) - 1
            detail = detail[: at.start()]
        raise InputError(
            Message("error.config_unreadable", detail=detail),
            where,
            Message("error.expected.toml"),
        ) from None
    unknown = sorted(set(data) - set(_BY_NAME))
    if unknown:
        raise InputError(
            Message("error.config_unknown", names=", ".join(unknown)),
            Location(file=str(path)),
            Message("error.one_of", items=", ".join(_BY_NAME)),
        )
    return data, path


def setting(name: str, value: Any = None) -> tuple[Any, str]:
    """The value of setting ``name`` and where it came from (the option's name when the caller
    gave it, the environment variable's name, the configuration file's path, or "default")."""
    s = _BY_NAME.get(name)
    if s is None:
        raise MognadError(f"Unknown setting {name!r}; settings are: {', '.join(_BY_NAME)}.")
    if value is not None:
        return value, s.option or "-"
    env = os.environ.get(s.env)
    if env is not None and env.strip():
        return env.strip(), s.env
    data, path = _config()
    if name in data:
        return data[name], str(path)
    return s.default, "default"


def language(value: Any = None) -> str:
    """The language to write in: ``value`` when given, else the ``lang`` setting
    (``MOGNAD_LANG``, ``lang`` in mognad.toml), else Swedish. texts.UnknownLanguage for
    anything but sv or en."""
    lang, _source = setting("lang", value)
    return check_lang(str(lang))


def excel_cache_bytes(value: Any = None) -> int:
    """The memory the Excel functions' result cache may use, in bytes (``excel_cache_mb``)."""
    mb, source = setting("excel_cache_mb", value)
    try:
        number = float(str(mb).replace(",", "."))
    except ValueError:
        number = -1.0
    if not number > 0 or number != number or number == float("inf"):
        in_file = source not in ("default", "-", _BY_NAME["excel_cache_mb"].env)
        raise InputError(
            Message("setting.excel_cache_mb.bad", source=source, value=repr(mb)),
            Location(file=source if in_file else None),
            Message("setting.excel_cache_mb.expected"),
        )
    return int(number * 1024 * 1024)


def describe_settings(lang: str = "sv") -> list[dict[str, Any]]:
    """Each setting with its value, source and help (in ``lang``), for ``mognad settings``."""
    check_lang(lang)
    out = []
    for s in SETTINGS:
        value, source = setting(s.name)
        out.append(
            {
                "name": s.name,
                "value": value,
                "source": source,
                "option": s.option,
                "env": s.env,
                "help": text(f"setting.{s.name}", lang),
            }
        )
    return out


__all__ = [
    "CONFIG_ENV",
    "CONFIG_FILE",
    "SETTINGS",
    "Setting",
    "describe_settings",
    "excel_cache_bytes",
    "language",
    "setting",
]
