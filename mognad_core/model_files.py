"""Loading maturity models from YAML or JSON definition files.

YAML is read with ``yaml.safe_load``: a model file is data and can never execute code.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from .errors import ModelError
from .schema import MaturityModel

MAX_MODEL_FILE_BYTES = 5 * 1024 * 1024


def _path_label(raw: Any, loc: tuple[Any, ...]) -> str:
    """Turn a pydantic error location into words, using ids where the data has them.

    ``('dimensions', 0, 'statements', 2, 'weight')`` becomes
    ``dimensions[0] (id "strategi") > statements[2] (id "s3") > weight``.
    """
    parts: list[str] = []
    node = raw
    for key in loc:
        if isinstance(key, int) and parts:
            parts[-1] += f"[{key}]"
            try:
                node = node[key]
            except (IndexError, KeyError, TypeError):
                node = None
            if isinstance(node, dict) and "id" in node:
                parts[-1] += f' (id "{node["id"]}")'
            elif isinstance(node, dict) and "name" in node:
                parts[-1] += f' (name "{node["name"]}")'
            continue
        parts.append(str(key))
        try:
            node = node[key] if isinstance(node, dict) else None
        except (KeyError, TypeError):
            node = None
    return " > ".join(parts) if parts else "(top level)"


def validation_message(exc: ValidationError, raw: Any, source: str) -> str:
    """A readable paragraph for a model that does not validate."""
    lines = []
    for err in exc.errors()[:5]:
        loc = tuple(err.get("loc", ()))
        msg = err.get("msg", "invalid")
        if msg.startswith("Value error, "):
            msg = msg[len("Value error, ") :]
        where = _path_label(raw, loc)
        if err.get("type") == "missing":
            lines.append(f"{where}: this field is required but missing")
        elif err.get("type") == "extra_forbidden":
            lines.append(
                f"{where}: unknown field (check the spelling against docs/model-format.md)"
            )
        else:
            got = err.get("input")
            shown = "" if isinstance(got, (dict, list)) else f" (got {got!r})"
            lines.append(f"{where}: {msg}{shown}")
    more = len(exc.errors()) - len(lines)
    text = f"{source}: the model definition is not valid. " + "; ".join(lines) + "."
    if more > 0:
        text += f" ({more} more problem(s) not shown.)"
    return text


def model_from_dict(data: Any, source: str = "model") -> MaturityModel:
    """Validate a model given as plain data; raises :class:`ModelError` with located messages."""
    if not isinstance(data, dict):
        raise ModelError(f"{source}: a model definition must be a mapping with name, title, ...")
    try:
        return MaturityModel.model_validate(data)
    except ValidationError as exc:
        raise ModelError(validation_message(exc, data, source)) from None


def load_model_file(path: str | Path) -> MaturityModel:
    """Read and validate a model from a ``.yaml``/``.yml``/``.json`` file."""
    p = Path(path)
    name = p.name
    if not p.is_file():
        raise ModelError(f"{p}: model file not found")
    if p.stat().st_size > MAX_MODEL_FILE_BYTES:
        raise ModelError(f"{name}: model file is larger than {MAX_MODEL_FILE_BYTES} bytes")
    try:
        text = p.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ModelError(f"{name}: model file is not UTF-8 text ({exc.reason})") from None
    suffix = p.suffix.lower()
    try:
        if suffix == ".json":
            data = json.loads(text)
        elif suffix in (".yaml", ".yml"):
            data = yaml.safe_load(text)
        else:
            raise ModelError(f"{name}: a model file must end in .yaml, .yml or .json")
    except json.JSONDecodeError as exc:
        where = f"{name}, line {exc.lineno}, column {exc.colno}"
        raise ModelError(f"{where}: not valid JSON ({exc.msg})") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f", line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or "syntax error"
        raise ModelError(f"{name}{where}: not valid YAML ({problem})") from None
    return model_from_dict(data, name)


def dump_model(model: MaturityModel, fmt: str = "json") -> str:
    """The model as JSON or YAML text (the pydantic dump)."""
    data = model.model_dump(mode="json")
    if fmt == "yaml":
        return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    return json.dumps(data, ensure_ascii=False, indent=2)
