"""MOGNAD_* worksheet functions for Excel (xlwings classic on Windows and xlwings Lite).

Every function takes Excel ranges as Excel passes them (lists of rows; blanks are ``None``,
numbers are floats, error cells their error text), builds a table, and calls mognad's public
API: :func:`mognad_core.prepare`, :func:`mognad_core.score_responses`, :func:`mognad_core.gap`,
:func:`mognad_core.priorities`, :func:`mognad_core.compare`. Nothing is scored here, and no
argument is interpreted here: targets, target ranges, percentages, levels, counts and parts are
read by :mod:`mognad_core.targets`, :func:`~mognad_core.schema.check_level`,
:func:`~mognad_core.analysis.check_count` and :meth:`~mognad_core.MaturityModel.find_part`, as
``mognad gap`` and ``mognad priorities`` read them (``docs/analysis.md``, "Arguments"); this
module only turns cells into Python values and results into cells.

* ``responses`` is a range whose first row holds the headers (statement ids such as ``f11`` or
  the statement texts, plus any attribute columns such as ``förvaltning``) and then one row per
  respondent. Blank rows below the answers are ignored. Error cells (``#N/A``) arrive as their
  error text (``err_to_str``), so Excel refuses them with the same located message as
  ``mognad excel recalc``.
* ``model`` defaults to ``"dimios"``; names are case-insensitive (``"DiMiOS"``); a model file
  path (.yaml/.json) works too.
* **A problem gives an Excel error value, never text** (:mod:`mognad_excel.cell_errors`):
  ``#VALUE!`` for a bad argument or bad data, ``#N/A`` when there is no result (no valid
  answers; a figure the anonymity policy withholds), ``#NUM!`` for a number out of range. So
  ``IFERROR``, ``ISERROR``, ``IF`` and ``AVERAGE`` treat a failing cell as they treat any Excel
  error. The message (``MOGNAD: rad 7, kolumn D ("f14"): ...``: where and what) is shown on
  hover in xlwings Lite, as a comment in ``mognad excel recalc``'s copy, and always by
  ``MOGNAD_CHECK(responses; model)``. Rows and column letters count from the top-left cell of
  the range, so they are the worksheet's when the range starts in A1.
* **Language**: messages, table headers and the model's texts are in Swedish unless the
  ``lang`` setting says ``en`` (``MOGNAD_LANG=en``, or ``lang = "en"`` in ``mognad.toml``;
  ``mognad excel recalc --lang en`` for one recalculation).
* Every figure is published through the anonymity policy (:mod:`mognad_core.disclosure`), read
  from the settings on each call: ``MOGNAD_MIN_SIZE``, else ``min_size`` in ``mognad.toml``,
  else 5 (``mognad excel recalc --min-size N`` sets it for a whole workbook through
  :func:`settings_for_run`). The functions take no ``min_size`` argument on purpose: in a
  shared workbook anyone who can edit a formula could turn the protection off for one cell, and
  cells with different thresholds could be subtracted from each other; the setting is one policy
  for every cell, and the data holder's opt-out (``MOGNAD_MIN_SIZE=1``) is made outside the
  workbook. A range that may not be published gives ``#N/A`` (MOGNAD_CHECK says why), a hidden
  statement's figure in a table gives ``#N/A``; figures are the published, rounded ones. With the
  opt-out every table ends with a line "Anonymitetsskydd avstängt ..." and MOGNAD_INSIGHTS
  starts with it (see ``docs/excel.md``, "Anonymity").
* Results are cached on the content of the range (plus model, policy, language and arguments):
  recalculating a workbook with many MOGNAD_* cells on an unchanged range scores it once. In
  xlwings Lite the add-in also caches results by their arguments (``cache=True``; classic
  xlwings ignores it).

The Excel names are the Python names (upper case), which classic xlwings uses as they are and
xlwings Lite upper-cases anyway. Each function's docstring is one line: it is the description
Excel's function wizard shows. Only ``func`` and ``arg`` come from xlwings; on a machine
without Excel they are no-ops, so these functions can be called directly (the tests do).
"""

from __future__ import annotations

import contextlib
import contextvars
import dataclasses
import numbers
from pathlib import Path
from typing import Any

import pandas as pd
from xlwings import arg, func

import mognad_core as mognad
from mognad_core import disclosure, settings, texts
from mognad_core.analysis import check_count
from mognad_core.cells import is_blank, is_missing
from mognad_core.errors import InputError, MognadError
from mognad_core.plugins import names_a_model_file
from mognad_core.readers.grid import table_from_grid
from mognad_core.schema import PART_LEVELS, MaturityModel, check_level, in_language
from mognad_core.targets import default_target, parse_score, profile_from_rows
from mognad_core.texts import Message

from . import cell_errors
from .cache import LRUCache, content_key
from .cell_errors import NA, NUM, VALUE

__all__ = [
    "MOGNAD_CHANGE",
    "MOGNAD_CHECK",
    "MOGNAD_DIMENSIONS",
    "MOGNAD_GAP",
    "MOGNAD_HEADERS",
    "MOGNAD_INSIGHTS",
    "MOGNAD_LEVEL",
    "MOGNAD_MODELS",
    "MOGNAD_PRIORITIES",
    "MOGNAD_RESPONDENTS",
    "MOGNAD_SCORE",
    "MOGNAD_STATEMENTS",
]

DEFAULT_MODEL = "dimios"
CATEGORY = "mognad"
#: Every message starts with this, so a reader knows where it comes from.
PREFIX = "MOGNAD: "
#: Reading notes MOGNAD_CHECK leaves out: they describe a sheet that is as it should be.
QUIET_NOTES = frozenset({"read.columns_kept"})
#: Texts whose advice is for the command line, and their wording for a workbook.
IN_EXCEL = {
    "note.waves_pooled": "excel.note.waves_pooled",
    "answer.expected_labels": "excel.answer.expected_labels",
}
#: Key of the opt-out notice when MOGNAD_INSIGHTS lists it as its first finding.
OPT_OUT_KEY = "anonymitetsskydd"
#: Results (prepared responses, scores, tables) by content; shared by every function.
CACHE = LRUCache(256, max_bytes=None)  # bytes: the excel_cache_mb setting, read on each store
#: The policy and language of a whole recalculation (``mognad excel recalc``), else None.
_RUN_POLICY: contextvars.ContextVar[disclosure.DisclosurePolicy | None] = contextvars.ContextVar(
    "mognad_excel_policy", default=None
)
_RUN_LANG: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "mognad_excel_lang", default=None
)
_MODELS: dict[tuple, tuple[MaturityModel, tuple]] = {}

# ---- argument docs (shown in Excel's function wizard; one line, at most 255 characters) -----
DOC_RESPONSES = (
    "The response range: first row headers (statement ids such as f11, or statement texts, plus "
    "attribute columns), then one row per respondent. Answers 1-5, vet ej, or blank."
)
DOC_MODEL = 'Model name (default "dimios"; see =MOGNAD_MODELS()) or the path of a model file.'
DOC_PART = (
    "Optional: a dimension or category id or label (e.g. arv), or a statement id (e.g. f12). "
    "Leave out for the overall score."
)


class CellRange(list):
    """Rows of cells that know where they sit on the worksheet.

    Excel passes plain lists; offline recalculation (:mod:`mognad_excel.recalc`) passes this, so
    messages name the real sheet, row and column even when a range does not start in A1.
    """

    def __init__(
        self, rows: Any = (), *, sheet: str | None = None, first_row: int = 1, first_col: int = 0
    ) -> None:
        super().__init__(rows)
        self.sheet = sheet
        self.first_row = first_row
        self.first_col = first_col


class CellError(Exception):
    """A problem a function reports as the Excel error ``code``, with a message from the
    catalogue (``excel.*`` keys in :mod:`mognad_core.texts`)."""

    def __init__(self, key: str | Message, code: str = VALUE, /, **data: Any) -> None:
        self.message = key if isinstance(key, Message) else Message(key, **data)
        self.code = code
        super().__init__(self.message.text("en"))


# ---- language and messages ------------------------------------------------------------------
def language() -> str:
    """The language of the cells: the recalculation's (``recalc --lang``), else the ``lang``
    setting (``MOGNAD_LANG``, ``lang`` in mognad.toml), else Swedish."""
    return _RUN_LANG.get() or settings.language()


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "?", "!")) else text + "."


def problem(exc: BaseException, lang: str) -> tuple[str, str]:
    """The Excel error value and the message (in ``lang``, starting with ``MOGNAD: ``) for a
    problem a function ran into."""
    expected = getattr(exc, "expected", None)
    if isinstance(exc, InputError) and getattr(expected, "key", None) in IN_EXCEL:
        exc = dataclasses.replace(exc, expected=Message(IN_EXCEL[expected.key], **expected.data))
    if isinstance(exc, CellError):
        code, message = exc.code, exc.message.text(lang)
    elif isinstance(exc, disclosure.DisclosureError):
        code, message = NA, exc.text(exc.language(lang))  # no result may be given
    elif isinstance(exc, MognadError):
        # bad data or a bad argument; a message not yet in the catalogue is English throughout
        # (exc.language), never Swedish around an English part
        code, message = VALUE, exc.text(exc.language(lang))
    elif isinstance(exc, RecursionError):
        code, message = VALUE, texts.text("excel.too_deep", lang)
    else:
        code, message = VALUE, texts.text("excel.bug", lang, error=f"{type(exc).__name__}: {exc}")
    return code, PREFIX + _sentence(message)


def _safely(compute: Any, *args: Any) -> Any:
    """Run one worksheet function; any problem becomes the host's Excel error value."""
    try:
        lang = language()
    except Exception as exc:  # an unusable lang setting: said in Swedish, the default
        return cell_errors.failed(*problem(exc, "sv"))
    try:
        return compute(*args)
    except Exception as exc:  # never a traceback, never text taken for a value
        return cell_errors.failed(*problem(exc, lang))


def clear_cache() -> None:
    """Forget cached results and models (e.g. after installing a model plugin)."""
    CACHE.clear()
    _MODELS.clear()


def is_error(value: Any) -> bool:
    """True for what a failing MOGNAD_* function returns here (an Excel error value)."""
    return cell_errors.code_of(value) is not None


# ---- the anonymity policy and the language of a whole recalculation -------------------------
def _policy() -> disclosure.DisclosurePolicy:
    """The policy in force: that of the recalculation running (:func:`settings_for_run`), else
    ``MOGNAD_MIN_SIZE``, else ``min_size`` in ``mognad.toml`` (or the file ``MOGNAD_CONFIG``
    names), else 5. Read on every call, so every cache key holds it. An unusable setting is
    bad input (``#VALUE!``), not a refusal."""
    run = _RUN_POLICY.get()
    if run is not None:
        return run
    lang = language()
    try:
        return disclosure.policy(None, lang)
    except disclosure.DisclosureError as exc:
        raise MognadError(exc.text(lang)) from None


@contextlib.contextmanager
def settings_for_run(min_size: Any = None, lang: str | None = None):
    """Every function called inside uses the policy of ``min_size`` and writes in ``lang`` (a
    whole workbook at once, as ``mognad excel recalc --min-size N --lang en`` does); ``None``
    keeps the settings'. An unusable value raises :class:`~mognad_core.errors.MognadError`
    here, before anything is computed."""
    run_lang = None if lang is None else texts.check_lang(lang)
    pol = None if min_size is None else disclosure.policy(min_size, run_lang or "sv")
    token = _RUN_POLICY.set(pol)
    token_lang = _RUN_LANG.set(run_lang)
    try:
        yield pol
    finally:
        _RUN_POLICY.reset(token)
        _RUN_LANG.reset(token_lang)


def _policy_key(pol: disclosure.DisclosurePolicy) -> tuple:
    return ("policy", *sorted(pol.model_dump().items()))


def policy_notes() -> list[str]:
    """The opt-out notice when the policy in force turns the protection off (for reports such
    as ``mognad excel recalc``); empty when protected, or when the setting is unusable (every
    cell then says why)."""
    try:
        return disclosure.notes_for(_policy(), language())
    except MognadError:
        return []


def _hides(result: Any, statements: Any) -> bool:
    """True when the policy hid any of ``statements`` in ``result``."""
    info = result.disclosure
    return bool(info and set(statements) & set(info.hidden_statements))


def _hidden_statement(result: Any, sid: str) -> bool:
    st = result.statements.get(sid)
    return bool(st is not None and st.hidden)


def _hidden_dimension(result: Any, dim_id: str) -> bool:
    """A dimension without a score because every statement it has an answer to is hidden."""
    d = result.dimensions.get(dim_id)
    return bool(d is not None and d.score is None and _hides(result, d.statements))


def _hidden_reason(result: Any, what: Message) -> CellError:
    k = disclosure.policy_of(result, language()).min_size
    return CellError("excel.hidden", NA, what=what, reason=Message("reason.hidden_statement", k=k))


def _hidden_cell(result: Any, lang: str) -> Any:
    """A withheld figure inside a table: ``#N/A`` (a number formulas must not take for one)."""
    k = disclosure.policy_of(result, lang).min_size
    reason = texts.text("reason.hidden_statement", lang, k=k)
    return cell_errors.in_table(NA, PREFIX + _sentence(reason))


# ---- arguments: cells to Python values (what they mean is read by mognad_core) --------------
def _scalar(value: Any, what: str) -> Any:
    """A single value; a 1x1 range counts as its cell. An error value (``#N/A`` in the cell an
    argument comes from) stops the function with the same error, as Excel's functions do."""
    if isinstance(value, (list, tuple)):
        flat = [v for row in value for v in (row if isinstance(row, (list, tuple)) else [row])]
        if len(flat) != 1:
            raise CellError("excel.arg.one_cell", what=what, n=len(flat))
        value = flat[0]
    _pass_on_error(value, what)
    return value


def _pass_on_error(value: Any, what: str) -> None:
    code = cell_errors.code_of(value)
    if code is None:
        return
    because = (cell_errors.message_of(value) or "").removeprefix(PREFIX)
    if because:
        raise CellError("excel.arg.error_because", code, what=what, error=code, because=because)
    raise CellError("excel.arg.error", code, what=what, error=code)


def _text(value: Any, what: str) -> str | None:
    value = _scalar(value, what)
    if is_blank(value):
        return None
    if isinstance(value, bool):
        raise CellError("excel.arg.not_bool", what=what)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _model(value: Any) -> tuple[MaturityModel, tuple]:
    """The model and a cache key that changes when the model does.

    Models are looked up once per name, whatever its case (per plugin manager:
    ``mognad_core.reset_plugins()`` starts afresh); a model file is read again when it changes
    on disk.
    """
    name = _text(value, "model") or DEFAULT_MODEL
    is_file = names_a_model_file(name)
    if is_file:
        path = Path(name)
        stamp = path.stat().st_mtime_ns if path.is_file() else None
        lookup: tuple = ("file", str(path.resolve()), stamp)
    else:
        lookup = ("name", name.casefold(), id(mognad.get_plugin_manager()))
    found = _MODELS.get(lookup)
    if found is None:
        model = mognad.load_model(name)
        key: tuple = (model.name, model.version)
        if is_file:
            key += lookup[1:]
        if len(_MODELS) >= 64:
            _MODELS.clear()
        found = _MODELS[lookup] = (model, key)
    return found


def _rows(value: Any, what: str) -> list[list[Any]]:
    """Rows of cells, trailing blank rows dropped (a generous fixed range is fine)."""
    if not isinstance(value, (list, tuple)) or not value:
        _pass_on_error(value, what)
        raise CellError("excel.range.not_range", what=what)
    if not isinstance(value[0], (list, tuple)):  # one row, passed flat
        rows: Any = [list(value)]
    elif set(map(type, value)) <= {list, tuple}:
        rows = value  # no copy: hashing and reading take it as it is
    else:
        rows = [list(r) if isinstance(r, (list, tuple)) else [r] for r in value]
    end = len(rows)
    while end and _blank_row(rows[end - 1]):
        end -= 1
    if end == 0:
        raise CellError("excel.range.empty", what=what)
    return rows[:end] if end < len(rows) else rows


def _blank_row(row: Any) -> bool:
    if row.count(None) == len(row):  # the common case, checked at C speed
        return True
    return all(is_blank(v) for v in row)


def _origin(value: Any) -> tuple[str | None, int, int]:
    return (
        getattr(value, "sheet", None),
        getattr(value, "first_row", 1),
        getattr(value, "first_col", 0),
    )


def _cached(key: tuple, compute: Any) -> Any:
    """Cache a result, or the message-worthy error computing it raised."""

    def run() -> tuple[bool, Any]:
        try:
            return True, compute()
        except MognadError as exc:
            return False, exc

    ok, value = CACHE.get_or_compute(key, run)
    if not ok:
        raise value
    return value


def _prepared(value: Any, model: MaturityModel, mkey: tuple, what: str = "responses"):
    rows = _rows(value, what)
    origin = _origin(value)
    key = ("responses", content_key(rows), origin, mkey)

    def compute():
        sheet, first_row, first_col = origin
        grid = pd.DataFrame(rows, dtype=object)
        table = table_from_grid(
            grid, source=None, sheet=sheet, first_row=first_row, first_col=first_col
        )
        return mognad.prepare(table, model)

    return _cached(key, compute), key


def _scored(value: Any, model: MaturityModel, mkey: tuple, what: str = "responses"):
    """Prepared responses, their published score and the key of that score (content, origin,
    model, policy and language: every result computed from it extends this key)."""
    rs, rkey = _prepared(value, model, mkey, what)
    if rs.n == 0:
        raise CellError("excel.no_respondents", NA)
    pol = _policy()
    lang = language()
    skey = ("score", *rkey[1:], _policy_key(pol), lang)
    result = _cached(
        skey,
        lambda: mognad.score_responses(rs, insights=False, context={"lang": lang}, min_size=pol),
    )
    return rs, result, skey


def _part(model: MaturityModel, value: Any) -> tuple[str, str] | None:
    """("dimension" | "statement", id) for an id or label, or None when blank."""
    text = _text(value, "part")
    if text is None:
        return None
    found = model.find_part(text)
    if found is not None:
        return ("statement" if found in model.statement_ids else "dimension", found)
    ids = model.statement_ids
    cats = [d.id for d in model.all_dimensions() if d.parent]
    raise CellError(
        "excel.part.unknown",
        text=text,
        model=model.name,
        dims=", ".join(d.id for d in model.dimensions),
        cats=", ".join(cats) if cats else Message("excel.none"),
        first=ids[0],
        last=ids[-1],
    )


def _level_arg(value: Any, default: str, allowed: tuple[str, ...] = PART_LEVELS) -> str:
    return check_level(_text(value, "level"), allowed, default=default)


def _count(value: Any, default: int) -> int:
    return check_count(_scalar(value, "count"), default)


def _target(value: Any, model: MaturityModel) -> Any:
    """A target as mognad_core.parse_target takes it: a cell's number or name, a range of
    dimension/target pairs as a profile (dict), or None for a blank cell."""
    if isinstance(value, (list, tuple)):
        rows = [list(r) if isinstance(r, (list, tuple)) else [r] for r in value]
        if sum(map(len, rows)) != 1:
            return profile_from_rows(rows, model, Message("error.what.target_range"))
        value = rows[0][0]
    _pass_on_error(value, "target")
    if isinstance(value, bool):
        raise CellError("excel.target.not_bool")
    return None if is_blank(value) else value


def _out(value: Any) -> Any:
    """One cell of a returned table: blanks for missing values, plain Python types."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return value
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):  # numpy scalar
        value = value.item()
    if is_missing(value):
        return ""
    return value


def _header(lang: str, *keys: str) -> list[str]:
    """Column headers in the cells' language (the catalogue's ``col.*`` / ``cli.col.*``)."""
    t = texts.Texts(lang)
    return [t(k) for k in keys]


def _spilled_table(
    header: list[str],
    rows: list[list[Any]],
    lang: str,
    pol: disclosure.DisclosurePolicy | None = None,
) -> list[list[Any]]:
    """A table for Excel; one published under the opt-out (``pol``) ends with its notice."""
    table = [list(header)] + [[_out(v) for v in row] for row in rows]
    if pol is not None:
        for note in disclosure.notes_for(pol, lang):
            table.append([note] + [""] * (len(header) - 1))
    return table


def _no_answers(result: Any, what: Message) -> CellError:
    if result.n_respondents == 0:
        return CellError("excel.no_respondents", NA)
    return CellError("excel.no_answers", NA, what=what)


# ---- the worksheet functions -------------------------------------------------------------
def _score(responses: Any, model: Any, part: Any) -> float:
    m, mkey = _model(model)
    which = _part(m, part)  # the formula's own problems first, whatever the range holds
    _, result, _ = _scored(responses, m, mkey)
    if which is None:
        value, what = result.overall, Message("excel.what.overall")
        hidden = value is None and _hides(result, m.statement_ids)
    elif which[0] == "dimension":
        value, what = result.dimensions[which[1]].score, Message("excel.what.part", id=which[1])
        hidden = _hidden_dimension(result, which[1])
    else:
        value = result.statements[which[1]].score
        what = Message("excel.what.statement", id=which[1])
        hidden = _hidden_statement(result, which[1])
    if hidden:
        raise _hidden_reason(result, what)
    if value is None:
        raise _no_answers(result, what)
    return float(value)


@func(category=CATEGORY, cache=True)
@arg("responses", ndim=2, err_to_str=True, doc=DOC_RESPONSES)
@arg("model", err_to_str=True, doc=DOC_MODEL)
@arg("part", err_to_str=True, doc=DOC_PART)
def MOGNAD_SCORE(responses, model=DEFAULT_MODEL, part=None):
    """Maturity score 0-1 (format as %): overall, or of one dimension, category or statement (part); same numbers as `mognad score`; an Excel error when there is none (see MOGNAD_CHECK)."""  # noqa: E501
    return _safely(_score, responses, model, part)


def _respondents(responses: Any, model: Any) -> int:
    m, mkey = _model(model)
    _, result, _ = _scored(responses, m, mkey)  # a range too small to publish is refused
    return result.n_respondents


@func(category=CATEGORY, cache=True)
@arg("responses", ndim=2, err_to_str=True, doc=DOC_RESPONSES)
@arg("model", err_to_str=True, doc=DOC_MODEL)
def MOGNAD_RESPONDENTS(responses, model=DEFAULT_MODEL):
    """Number of respondents (antal svarande): rows of the range below the header that are not entirely blank; #N/A when too few to publish (anonymity)."""  # noqa: E501
    return _safely(_respondents, responses, model)


def _dimensions(responses: Any, model: Any) -> list[list[Any]]:
    m, mkey = _model(model)
    _, result, _ = _scored(responses, m, mkey)
    keys = ["col.id", "col.dimension", "col.parent", "col.score", "col.respondents"]
    keys.append("col.dont_know_share")
    if m.levels:
        keys.append("col.level")
    lang = language()
    rows = []
    for d in result.dimensions.values():
        if _hidden_dimension(result, d.id):
            figures = [_hidden_cell(result, lang), None, None]
        else:
            figures = [d.score, d.n, d.dont_know_share]
        row = [d.id, in_language(d.label, d.label_en, lang), d.parent, *figures]
        if m.levels:
            row.append(d.level_label(lang))
        rows.append(row)
    return _spilled_table(_header(lang, *keys), rows, lang, disclosure.policy_of(result, lang))


@func(category=CATEGORY, cache=True)
@arg("responses", ndim=2, err_to_str=True, doc=DOC_RESPONSES)
@arg("model", err_to_str=True, doc=DOC_MODEL)
def MOGNAD_DIMENSIONS(responses, model=DEFAULT_MODEL):
    """Table (spills): each dimension and category with id, name, parent, score 0-1, respondents, vet ej share, and level when the model has levels."""  # noqa: E501
    return _safely(_dimensions, responses, model)


def _statements(responses: Any, model: Any) -> list[list[Any]]:
    m, mkey = _model(model)
    _, result, _ = _scored(responses, m, mkey)
    keys = ("col.id", "col.statement", "col.dimension", "col.score", "col.mean", "col.n")
    lang = language()
    text = {st.id: st.label(lang) for st in m.statements}  # the model's English text in English
    hidden = [_hidden_cell(result, lang), None, None, None]
    rows = [
        [s.id, text.get(s.id, s.text), s.dimension]
        + (hidden if s.hidden else [s.score, s.mean, s.n, s.dont_know_share])
        for s in result.statements.values()
    ]
    header = _header(lang, *keys, "col.dont_know_share")
    return _spilled_table(header, rows, lang, disclosure.policy_of(result, lang))


@func(category=CATEGORY, cache=True)
@arg("responses", ndim=2, err_to_str=True, doc=DOC_RESPONSES)
@arg("model", err_to_str=True, doc=DOC_MODEL)
def MOGNAD_STATEMENTS(responses, model=DEFAULT_MODEL):
    """Table (spills): each statement (påstående) with id, text, dimension, score 0-1, mean answer, valid answers (n) and vet ej share."""  # noqa: E501
    return _safely(_statements, responses, model)


def _gap(responses: Any, model: Any, target: Any, level: Any) -> list[list[Any]]:
    m, mkey = _model(model)
    goal = _target(target, m)  # blank: the model's default benchmark (mognad_core.gap)
    if goal is None and default_target(m) is None:
        names = ", ".join(b.name for b in m.benchmarks)
        raise CellError("excel.target.missing", names=names or Message("excel.no_benchmarks"))
    lvl = _level_arg(level, "dimension")
    _, result, skey = _scored(responses, m, mkey)
    lang = language()
    key = ("gap", *skey[1:], content_key(goal), lvl)
    res = _cached(key, lambda: mognad.gap(result, goal, model=m, level=lvl, lang=lang))
    t = texts.Texts(lang)
    rows = []
    for r in (res.overall, *res.rows):
        if r.kind == "statement":
            hidden = _hidden_statement(result, r.id)
        elif r.kind == "overall":
            hidden = r.score is None and _hides(result, m.statement_ids)
        else:
            hidden = _hidden_dimension(result, r.id)
        score, gap = (_hidden_cell(result, lang), None) if hidden else (r.score, r.gap)
        rows.append([r.id, r.label, t.kind(r.kind), score, r.target, gap])
    header = _header(lang, "col.id", "col.part", "col.kind", "col.score", "col.target", "col.gap")
    return _spilled_table(header, rows, lang, disclosure.policy_of(result, lang))


@func(category=CATEGORY, cache=True)
@arg("responses", ndim=2, err_to_str=True, doc=DOC_RESPONSES)
@arg("model", err_to_str=True, doc=DOC_MODEL)
@arg(
    "target",
    err_to_str=True,
    doc="Target: a number (0.6 or 60), a benchmark name (e.g. national_2021), a level name, or "
    "a range of dimension/target pairs. Default: the model's reference benchmark.",
)
@arg("level", err_to_str=True, doc="Optional: dimension (default), category, statement or all.")
def MOGNAD_GAP(responses, model=DEFAULT_MODEL, target=None, level=None):
    """Table (spills): score, target and gap (score minus target; negative is below) for the overall score and each dimension, largest shortfall first."""  # noqa: E501
    return _safely(_gap, responses, model, target, level)


def _priorities(responses: Any, model: Any, count: Any, target: Any, level: Any):
    m, mkey = _model(model)
    n = _count(count, 2)
    goal = _target(target, m)
    lvl = _level_arg(level, "area", ("area", *PART_LEVELS))
    rs, result, skey = _scored(responses, m, mkey)
    lang = language()
    key = ("priorities", *skey[1:], n, content_key(goal), lvl)
    pol = disclosure.policy_of(result, lang)
    if lvl == "area":  # the one decision every output shows (mognad_core.where_to_start)
        start = _cached(
            key, lambda: mognad.where_to_start(result, count=n, target=goal, model=m, lang=lang)
        )
        rows = [
            [a.rank, a.id, a.label, a.score, a.dont_know_share, a.gap, a.reason, _shorts(a)]
            for a in start.areas
        ]
        keys = ("col.rank", "col.id", "col.part", "col.score", "col.dont_know_share", "col.gap")
        header = _header(lang, *keys, "col.reason", "col.statements")
        return _spilled_table(header, rows, lang, pol)
    res = _cached(
        key,
        lambda: mognad.priorities(
            result, target=goal, count=n, model=m, level=lvl, context={"responses": rs}, lang=lang
        ),
    )
    rows = [
        [p.rank, p.id, p.label, p.score, p.dont_know_share, p.gap, p.reason or "; ".join(p.reasons)]
        for p in res.items
    ]
    keys = ("col.rank", "col.id", "col.part", "col.score", "col.dont_know_share", "col.gap")
    header = _header(lang, *keys, "col.reason")
    return _spilled_table(header, rows, lang, pol)


def _shorts(area: Any) -> str:
    """The statements behind an area, weakest first, by their short names."""
    return "; ".join(s.short for s in area.statements)


@func(category=CATEGORY, cache=True)
@arg("responses", ndim=2, err_to_str=True, doc=DOC_RESPONSES)
@arg("model", err_to_str=True, doc=DOC_MODEL)
@arg("count", err_to_str=True, doc="Optional: how many areas (default 2; choose few).")
@arg(
    "target",
    err_to_str=True,
    doc="Optional: a target (number, benchmark or level name) to add the gap.",
)
@arg(
    "level",
    err_to_str=True,
    doc="Optional: area (default: the areas to start with), statement, category, dimension or all.",
)
def MOGNAD_PRIORITIES(responses, model=DEFAULT_MODEL, count=2, target=None, level=None):
    """Table (spills): the areas to start with, each with its reason and statements (level statement: single statements)."""  # noqa: E501
    return _safely(_priorities, responses, model, count, target, level)


def _level(score_or_responses: Any, model: Any, part: Any) -> str:
    m, _ = _model(model)
    if not m.levels:
        with_levels = [i.name for i in mognad.list_models() if mognad.get_model(i.name).levels]
        others = Message("excel.level.others", names=with_levels) if with_levels else ""
        raise CellError("excel.level.no_levels", NA, model=m.name, others=others)
    value = score_or_responses
    if (
        isinstance(value, (list, tuple))
        and sum(len(r) if isinstance(r, (list, tuple)) else 1 for r in value) == 1
    ):
        value = _scalar(value, "score")
    if isinstance(value, (list, tuple)):
        score = _score(value, model, part)
    else:
        _pass_on_error(value, "score")
        if is_blank(value):
            raise CellError("excel.level.give_score")
        try:
            score = parse_score(value)  # 0.625, 62.5, "62,5 %" ...
        except MognadError as exc:
            out_of_range = getattr(exc.body, "key", None) == "error.score_range"
            raise CellError(exc.body, NUM if out_of_range else VALUE) from None
    level = m.level_for(score)
    if level is None:
        shown = texts.pct(score, language())
        raise CellError("excel.level.none", NUM, model=m.name, score=shown)
    return level.label(language())


@func(category=CATEGORY, cache=True)
@arg(
    "score_or_responses",
    ndim=2,
    err_to_str=True,
    doc="A score from 0 to 1 (e.g. a MOGNAD_SCORE cell) or a response range.",
)
@arg("model", err_to_str=True, doc=DOC_MODEL)
@arg("part", err_to_str=True, doc=DOC_PART + " Only used with a response range.")
def MOGNAD_LEVEL(score_or_responses, model=DEFAULT_MODEL, part=None):
    """The maturity level (mognadsnivå) a score reaches, e.g. Koordination: give a score, or a response range for its overall score or a part's."""  # noqa: E501
    return _safely(_level, score_or_responses, model, part)


def _change(before: Any, after: Any, model: Any) -> list[list[Any]]:
    m, mkey = _model(model)
    rs0, k0 = _prepared(before, m, mkey, "before")
    rs1, k1 = _prepared(after, m, mkey, "after")
    pol = _policy()
    lang = language()
    key = ("change", k0[1], k0[2], k1[1], k1[2], mkey, _policy_key(pol), lang)
    labels = (texts.text("col.before", lang), texts.text("col.after", lang))

    def compute():
        try:
            return mognad.compare(rs0, rs1, model=m, labels=labels, lang=lang, min_size=pol)
        except disclosure.DisclosureError as exc:  # name the wave that may not be published
            wave = labels[1]
            try:
                disclosure.check(rs0, pol, lang)
            except disclosure.DisclosureError:
                wave = labels[0]
            raise disclosure.DisclosureError(f"{wave}: {exc.text(lang)}", lang) from None

    res = _cached(key, compute)
    keys = ("col.id", "col.part", "col.before", "col.after", "col.change", "col.ci_low")
    header = _header(lang, *keys, "col.ci_high", "col.significant")
    rows = [
        [r.id, r.label, r.before, r.after, r.change, r.ci_low, r.ci_high, r.significant]
        for r in (res.overall, *res.dimensions)
    ]
    return _spilled_table(header, rows, lang, pol)


@func(category=CATEGORY, cache=True)
@arg("before", ndim=2, err_to_str=True, doc="Responses of the earlier survey (header + rows).")
@arg("after", ndim=2, err_to_str=True, doc="Responses of the later survey, same layout.")
@arg("model", err_to_str=True, doc=DOC_MODEL)
def MOGNAD_CHANGE(before, after, model=DEFAULT_MODEL):
    """Table (spills): overall and each dimension before, after, change, its 95 % interval, and whether it is a clear change: Holm-adjusted p < 0.05 (TRUE/FALSE)."""  # noqa: E501
    return _safely(_change, before, after, model)


def _models() -> list[list[Any]]:
    lang = language()
    rows = []
    for i in mognad.list_models():
        title = mognad.get_model(i.name).display_title(lang)
        rows.append([i.name, i.version, title, i.statements, i.dimensions, i.source])
    for failure in mognad.plugin_failures():  # a visible sign: one status row per problem
        warning = texts.text("excel.models.warning", lang)
        rows.append([warning, "", failure.describe(lang), "", "", failure.name])
    keys = ("cli.col.name", "cli.col.version", "cli.col.title", "cli.col.statements")
    return _spilled_table(_header(lang, *keys, "cli.col.dimensions", "cli.col.source"), rows, lang)


@func(category=CATEGORY)
def MOGNAD_MODELS():
    """Table (spills): the installed maturity models with name, version, title, statements, dimensions and source (the plugin, or the model file of a models folder); then a Varning row per plugin problem (a model skipped, a hook failed)."""  # noqa: E501
    return _safely(_models)


def _headers(model: Any, texts_flag: Any) -> list[list[Any]]:
    m, _ = _model(model)
    flag = _scalar(texts_flag, "texts")
    if not is_blank(flag) and not isinstance(flag, (bool, numbers.Real)):
        raise CellError("excel.texts_flag")
    if not is_blank(flag) and bool(flag):
        return [[s.text for s in m.statements]]
    return [list(m.statement_ids)]


@func(category=CATEGORY, cache=True)
@arg("model", err_to_str=True, doc=DOC_MODEL)
@arg("texts", err_to_str=True, doc="Optional: TRUE for the statement texts instead of the ids.")
def MOGNAD_HEADERS(model=DEFAULT_MODEL, texts=False):
    """One row (spills right): the statement ids of a model, to start a response sheet; with texts TRUE the statement texts."""  # noqa: E501
    return _safely(_headers, model, texts)


def _insights(responses: Any, model: Any, which: Any) -> Any:
    m, mkey = _model(model)
    rs, result, skey = _scored(responses, m, mkey)  # refused here when it may not be published
    lang = language()
    pol = disclosure.policy_of(result, lang)
    found = _cached(
        ("insights", *skey[1:]),
        lambda: (
            mognad.score_responses(rs, insights=True, context={"lang": lang}, min_size=pol).insights
        ),
    )
    if not pol.protected:  # the opt-out notice first: the one place a fixed-size sheet shows it
        notice = " ".join(disclosure.notes_for(pol, lang))
        found = [mognad.ModelInsight(key=OPT_OUT_KEY, title=notice), *found]
    pick = _scalar(which, "which")
    if is_blank(pick):
        header = _header(lang, "excel.col.key", "excel.col.title", "excel.col.text")
        return _spilled_table(header, [[i.key, i.title, i.text] for i in found], lang)
    if isinstance(pick, numbers.Real) and not isinstance(pick, bool):
        if not float(pick).is_integer() or pick < 1:
            raise CellError("excel.which.bad", value=texts.num(float(pick), lang, None))
        index = int(pick)
        if index > len(found):
            return ""  # fewer insights than rows set aside for them
        ins = found[index - 1]
    else:
        key = str(pick).strip()
        ins = next((i for i in found if i.key == key), None)
        if ins is None:
            keys = ", ".join(i.key for i in found)
            raise CellError("excel.which.unknown", NA, key=key, keys=keys or Message("excel.none"))
    return f"{ins.title}: {ins.text}" if ins.text else ins.title


@func(category=CATEGORY, cache=True)
@arg("responses", ndim=2, err_to_str=True, doc=DOC_RESPONSES)
@arg("model", err_to_str=True, doc=DOC_MODEL)
@arg(
    "which",
    err_to_str=True,
    doc="Optional: 1, 2, ... or an insight key for one insight as text; blank: table.",
)
def MOGNAD_INSIGHTS(responses, model=DEFAULT_MODEL, which=None):
    """The model's own findings (e.g. the DiMiOS 2x2 category): a table of key, title and text, or one insight as text when which is given."""  # noqa: E501
    return _safely(_insights, responses, model, which)


def _check(responses: Any, model: Any, which: Any) -> Any:
    """What is wrong with the responses and the model, and what the anonymity policy withholds:
    one row per message (an error stops the checking), or an empty cell when all is well;
    with ``which`` (1, 2, ...) that message alone, as "kind: message", or an empty cell."""
    pick = _scalar(which, "which")
    if not is_blank(pick) and (
        isinstance(pick, bool)
        or not isinstance(pick, numbers.Real)
        or not float(pick).is_integer()
        or pick < 1
    ):
        raise CellError("excel.check.which", value=str(pick))
    found = _checked(responses, model)
    if is_blank(pick):
        return _check_table(found, texts.Texts(language()))
    index = int(pick)
    if index > len(found):
        return ""  # fewer messages than rows set aside for them
    kind, message = found[index - 1]
    return f"{kind}: {message}"


def _checked(responses: Any, model: Any) -> list[list[Any]]:
    """The messages of MOGNAD_CHECK: [kind, message] rows."""
    lang = language()
    t = texts.Texts(lang)
    found: list[list[Any]] = []

    def add(kind: str, message: str) -> None:
        found.append([t(f"excel.check.{kind}"), message])

    def failure(exc: Exception) -> None:
        code, message = problem(exc, lang)
        message = message.removeprefix(PREFIX)  # the kind says where it comes from
        add(
            "anonymity" if code == NA and isinstance(exc, disclosure.DisclosureError) else "error",
            message,
        )

    try:
        m, mkey = _model(model)
        rs, _ = _prepared(responses, m, mkey)
    except Exception as exc:
        failure(exc)
        return found
    for column in rs.attributes.columns:  # an error value where a group name belongs
        codes = [cell_errors.code_of(v) for v in rs.attributes[column] if isinstance(v, str)]
        codes = [c for c in codes if c is not None]
        if codes:
            first = sorted(set(codes))
            add(
                "note",
                texts.text(
                    "excel.note.error_in_attribute",
                    lang,
                    column=column,
                    errors=", ".join(first),
                    n=len(codes),
                ),
            )
    for note in rs.result_notes():
        key = getattr(note, "key", None)
        if key in QUIET_NOTES:
            continue
        if key in IN_EXCEL:
            note = Message(IN_EXCEL[key], **note.data)
        add("note", _sentence(texts.words([note], lang)[0]))
    try:
        _, result, _ = _scored(responses, m, mkey)
    except Exception as exc:
        failure(exc)
        return found
    pol = disclosure.policy_of(result, lang)
    hidden = list(result.disclosure.hidden_statements) if result.disclosure else []
    for note in disclosure.hidden_note(hidden, pol, lang):
        add("anonymity", _sentence(note))
    for note in disclosure.notes_for(pol, lang):
        add("anonymity", _sentence(note))
    return found


def _check_table(found: list[list[Any]], t: texts.Texts) -> Any:
    if not found:
        return ""
    return [[t("excel.col.check"), t("excel.col.message")], *found]


@func(category=CATEGORY, cache=True)
@arg("responses", ndim=2, err_to_str=True, doc=DOC_RESPONSES)
@arg("model", err_to_str=True, doc=DOC_MODEL)
@arg("which", err_to_str=True, doc="Optional: 1, 2, ... for one message as text; blank: table.")
def MOGNAD_CHECK(responses, model=DEFAULT_MODEL, which=None):
    """Checks the responses and the model: what is wrong (where and what) and what the anonymity rules withhold, as a table or one message; empty when all is well."""  # noqa: E501
    return _safely(_check, responses, model, which)


#: Excel name -> function, for offline recalculation and the docs.
FUNCTIONS = {name: globals()[name] for name in __all__}
