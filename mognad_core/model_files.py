"""Loading maturity models from YAML or JSON definition files.

YAML is read with ``yaml.safe_load``: a model file is data and can never execute code.

A YAML model file may have a *twin* beside it, ``model.yaml.json``: the data PyYAML reads from
exactly that text (its SHA-256), as JSON. The built-in models have one (written by
scripts/make_model_twins.py): every ``mognad`` command that scores reads a model file, and
importing PyYAML and parsing the file took about 15 ms of it, reading the JSON 0.2 ms. A twin
that does not match the text, or gives another model, is not used (the YAML is read as always).
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from .errors import ModelError
from .schema import MaturityModel
from .texts import Message, joined

if TYPE_CHECKING:
    import yaml  # imported where a YAML text is parsed or written

MAX_MODEL_FILE_BYTES = 5 * 1024 * 1024
#: The end of the error for a model file that does not exist (``mognad plugin check`` reads a
#: plugin's failure to load its own model file as a missing package-data entry).
NOT_FOUND = "model file not found"


def _path_label(raw: Any, loc: tuple[Any, ...]) -> str | Message:
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
    return " > ".join(parts) if parts else Message("model.invalid.top")


def _cut_text(raw: Any, loc: tuple[Any, ...]) -> tuple[str, str | None] | None:
    """When ``loc`` ends in (or passes) a key with a space and no value, the tail of a text that
    flow-style YAML cut at a comma (``{id: s1, text: Vi har en plan, men ingen budget}`` reads
    as ``text: Vi har en plan`` and a key ``men ingen budget``): that key and, when the mapping
    holds the text before it, the field and the whole text as they were meant."""
    node = raw
    for key in loc:
        if isinstance(node, dict) and isinstance(key, str) and " " in key and key in node:
            if node[key] is not None:
                return None
            before = list(node)[: list(node).index(key)]
            field, parts = None, [key]
            for k in reversed(before):
                if node[k] is None:  # an earlier piece of the same text ("men, ingen budget")
                    parts.insert(0, str(k))
                    continue
                if isinstance(node[k], str):
                    field, parts = str(k), [node[k], *parts]
                break
            return key, f'{field}: "{", ".join(parts)}"' if field else None
        try:
            node = node[key]
        except (IndexError, KeyError, TypeError):
            return None
    return None


def _line_of(text: str | None, key: str) -> str | Message:
    """ ", line L, column C" of the one place ``key`` follows a comma in ``text`` (else "")."""
    if not text:
        return ""
    hits = list(re.finditer(r",[ \t]*(" + re.escape(key) + r")[ \t]*[,}\n]", text))
    if len(hits) != 1:
        return ""
    start = hits[0].start(1)
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    return Message("model.invalid.line", line=line, column=column)


def validation_message(
    exc: ValidationError, raw: Any, source: str, text: str | None = None
) -> Message:
    """A readable paragraph for a model that does not validate, in either language (the
    validator's own words quoted in Swedish); ``text``, the file's text, lets it give the line
    of a text cut at a comma."""
    lines: list[Message] = []
    errors = exc.errors()
    for err in errors[:5]:
        loc = tuple(err.get("loc", ()))
        msg = err.get("msg", "invalid")
        if msg.startswith("Value error, "):
            msg = msg[len("Value error, ") :]
        where = _path_label(raw, loc)
        cut = _cut_text(raw, loc)
        if cut is not None:
            key, meant = cut
            where = joined([_path_label(raw, loc[: loc.index(key) + 1]), _line_of(text, key)], "")
            fix = f" ({meant})" if meant else ""
            line = Message(
                "model.invalid.cut", where=where, fix=fix, docs=Message("hint.yaml.docs")
            )
            if line not in lines:  # one line for a key that gives several errors
                lines.append(line)
        elif err.get("type") == "missing":
            lines.append(Message("model.invalid.missing", where=where))
        elif err.get("type") == "extra_forbidden":
            lines.append(Message("model.invalid.extra", where=where))
        else:
            got = err.get("input")
            shown = (
                "" if isinstance(got, (dict, list)) else Message("model.invalid.got", got=repr(got))
            )
            lines.append(Message("model.invalid.other", where=where, msg=msg, shown=shown))
    more = len(errors) - len(errors[:5])
    shown_more = Message("model.invalid.more", n=more) if more > 0 else ""
    return Message("model.invalid", source=source, lines=tuple(lines), more=shown_more)


def model_from_dict(data: Any, source: str = "model") -> MaturityModel:
    """Validate a model given as plain data; raises :class:`ModelError` with located messages."""
    return _validated(data, source)


def _validated(data: Any, source: str, text: str | None = None) -> MaturityModel:
    if not isinstance(data, dict):
        raise ModelError(Message("error.model_file.not_mapping", source=source))
    try:
        return MaturityModel.model_validate(data)
    except ValidationError as exc:
        raise ModelError(validation_message(exc, data, source, text)) from None


def _yaml_hint(exc: yaml.YAMLError, text: str) -> str | Message:
    """What to do about a YAML syntax error: the line as written, and quoting or block style
    (a text with a colon, a comma or a # breaks flow style, ``{id: s1, text: ...}``)."""
    import yaml

    if not isinstance(exc, (yaml.scanner.ScannerError, yaml.parser.ParserError)):
        return ""
    lines = text.splitlines()

    def quoted(index: int) -> str:
        line = lines[index].strip() if 0 <= index < len(lines) else ""
        return f'"{line if len(line) <= 80 else line[:77] + "..."}"'

    mark, began = exc.problem_mark, exc.context_mark
    shown: list[str | Message] = []
    if mark is not None:
        shown.append(Message("hint.yaml.reads", line=quoted(mark.line)))
    if began is not None and mark is not None and began.line != mark.line:
        # a # in a flow-style text makes the rest of its line a comment: the {...} or [...]
        # it was in never closes, and the error is found on a later line
        shown.append(Message("hint.yaml.began", line=began.line + 1, text=quoted(began.line)))
    return Message("hint.yaml.quote", shown=joined(shown, ""), docs=Message("hint.yaml.docs"))


def safe_load_yaml(text: str) -> Any:
    """``yaml.safe_load(text)``, parsed by libyaml when PyYAML has it (about ten times faster:
    every command loads every installed model). Same data: the same safe constructors. Same
    errors: a text libyaml refuses is parsed again by PyYAML's own parser, whose messages (line,
    column, problem) are the ones users see; a text with a character PyYAML's reader refuses,
    which libyaml may let through, goes to PyYAML's parser directly."""
    import yaml

    if hasattr(yaml, "CSafeLoader") and not yaml.reader.Reader.NON_PRINTABLE.search(text):
        loader = yaml.CSafeLoader(text)  # what yaml.safe_load does, with libyaml's parser
        try:
            return loader.get_single_data()
        except yaml.YAMLError:
            pass  # the message below, from the same parser as always
        finally:
            loader.dispose()
    return yaml.safe_load(text)


def load_model_file(path: str | Path) -> MaturityModel:
    """Read and validate a model from a ``.yaml``/``.yml``/``.json`` file."""
    p = Path(path)
    name = p.name
    if not p.is_file():
        raise ModelError(Message("error.model_file.not_found", path=p))  # English: NOT_FOUND
    if p.stat().st_size > MAX_MODEL_FILE_BYTES:
        raise ModelError(
            Message("error.model_file.too_large", name=name, limit=MAX_MODEL_FILE_BYTES)
        )
    try:
        text = p.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ModelError(
            Message("error.model_file.not_utf8", name=name, detail=exc.reason)
        ) from None
    suffix = p.suffix.lower()
    if suffix == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            where = Message("error.model_file.at", name=name, line=exc.lineno, column=exc.colno)
            raise ModelError(
                Message("error.model_file.json", where=where, detail=exc.msg)
            ) from None
    elif suffix in (".yaml", ".yml"):
        twin = _from_twin(p, text)
        if twin is not None:
            return twin
        data = _yaml_data(name, text)
    else:
        raise ModelError(Message("error.model_file.suffix", name=name))
    return _validated(data, name, text)


def _yaml_data(name: str, text: str) -> Any:
    """The data of a YAML model file's text; a syntax error is a located :class:`ModelError`."""
    import yaml

    try:
        return safe_load_yaml(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where: str | Message = name
        if mark:
            where = Message(
                "error.model_file.at", name=name, line=mark.line + 1, column=mark.column + 1
            )
        problem = getattr(exc, "problem", None) or Message("error.model_file.yaml_syntax")
        hint = _yaml_hint(exc, text)
        raise ModelError(
            Message("error.model_file.yaml", where=where, detail=problem, hint=hint)
        ) from None


#: What a YAML model file's twin adds to its name (see the module docstring).
TWIN_SUFFIX = ".json"


def text_sha256(text: str) -> str:
    """The SHA-256 of a model file's text (as read: UTF-8, without a byte-order mark)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _from_twin(path: Path, text: str) -> MaturityModel | None:
    """The model from the twin of the YAML file ``path`` (whose text is ``text``), when it has
    one written for exactly this text and it validates; else None (then the YAML is read)."""
    twin = path.with_name(path.name + TWIN_SUFFIX)
    try:
        saved = json.loads(twin.read_text(encoding="utf-8"))
    except (OSError, ValueError):  # no twin (the usual case for a user's file), or not JSON
        return None
    if not isinstance(saved, dict) or saved.get("sha256") != text_sha256(text):
        return None
    try:
        return MaturityModel.model_validate(saved.get("data"))
    except ValidationError:
        return None  # the YAML's own reading gives the located message


def dump_model(model: MaturityModel, fmt: str = "json") -> str:
    """The model as JSON or YAML text (the pydantic dump)."""
    data = model.model_dump(mode="json")
    if fmt == "yaml":
        import yaml

        return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    return json.dumps(data, ensure_ascii=False, indent=2)
