"""MOGNAD_* worksheet functions for Excel (xlwings classic on Windows and xlwings Lite).

Every function takes Excel ranges as Excel passes them (lists of rows; blanks are ``None``,
numbers are floats), builds a table, and calls mognad's public API: :func:`mognad_core.prepare`,
:func:`mognad_core.score_responses`, :func:`mognad_core.gap`, :func:`mognad_core.priorities`,
:func:`mognad_core.compare`. Nothing is scored here, and no argument is interpreted here:
targets, target ranges, percentages, levels, counts and parts are read by
:mod:`mognad_core.targets`, :func:`~mognad_core.schema.check_level`,
:func:`~mognad_core.analysis.check_count` and :meth:`~mognad_core.MaturityModel.find_part`,
as ``mognad gap`` and ``mognad priorities`` read them (``docs/analysis.md``, "Arguments"); this
module only turns cells into Python values and results into cells.

* ``responses`` is a range whose first row holds the headers (statement ids such as ``f11`` or
  the statement texts, plus any attribute columns such as ``förvaltning``) and then one row per
  respondent. Blank rows below the answers (a generous fixed range) are ignored.
* ``model`` defaults to ``"dimios"``; a model file path (.yaml/.json) works too.
* A problem never shows a Python traceback: the cell gets one short message that starts with
  ``MOGNAD:`` and says where the problem is, e.g.
  ``MOGNAD: row 7, column D ("f14"): "kanske" is not a valid answer. Expected ...``.
  Rows and column letters count from the top-left cell of the range, so they are the worksheet's
  rows and columns when the range starts in A1 (see ``docs/excel.md``).
* Every figure is published through the anonymity policy (:mod:`mognad_core.disclosure`), read
  from the settings on each call: ``MOGNAD_MIN_SIZE``, else ``min_size`` in ``mognad.toml``,
  else 5 (``mognad excel recalc --min-size N`` sets it for a whole workbook through
  :func:`policy_for_run`). The functions take no ``min_size`` argument on purpose: in a shared
  workbook anyone who can edit a formula could turn the protection off for one cell, and cells
  with different thresholds could be subtracted from each other; the setting is one policy for
  every cell, and the data holder's opt-out (``MOGNAD_MIN_SIZE=1``) is made outside the
  workbook. A range that may not be published (fewer than k respondents) shows the refusal in
  its cell, in Swedish (``MOGNAD: Resultat för svaren visas inte av anonymitetsskäl: ...``),
  never a number; a hidden statement's figures show ``visas inte``; figures are the published,
  rounded ones. With the opt-out every table ends with a line "Anonymitetsskydd avstängt ..."
  and MOGNAD_INSIGHTS starts with it (see ``docs/excel.md``, "Anonymity").
* Results are cached on the content of the range (plus model, policy and arguments):
  recalculating a workbook with many MOGNAD_* cells on an unchanged range scores it once. In
  xlwings Lite the add-in also caches results by their arguments (``cache=True``; classic
  xlwings ignores it).

The Excel names are the Python names (upper case), which classic xlwings uses as they are and
xlwings Lite upper-cases anyway. Only ``func`` and ``arg`` come from xlwings; on a machine without
Excel they are no-ops, so these functions can be called directly (the tests do).
"""

from __future__ import annotations

import contextlib
import contextvars
import math
import numbers
from pathlib import Path
from typing import Any

import pandas as pd
from xlwings import arg, func

import mognad_core as mognad
from mognad_core import disclosure, texts
from mognad_core.analysis import check_count
from mognad_core.errors import InputError, MognadError
from mognad_core.plugins import names_a_model_file
from mognad_core.readers.grid import table_from_grid
from mognad_core.schema import MaturityModel, check_level
from mognad_core.targets import default_target, is_blank, parse_score, profile_from_rows

from .cache import LRUCache, content_key

__all__ = [
    "MOGNAD_CHANGE",
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
PREFIX = "MOGNAD: "
#: Language of the anonymity texts in cells: refusals, "visas inte", the opt-out notice.
LANG = "sv"
#: What a figure the anonymity policy hides shows instead of a number.
HIDDEN = "visas inte"
#: Key of the opt-out notice when MOGNAD_INSIGHTS lists it as its first finding.
OPT_OUT_KEY = "anonymitetsskydd"
#: Results (prepared responses, scores, tables) by content; shared by every function.
CACHE = LRUCache(256)
#: The policy of a whole recalculation (``mognad excel recalc --min-size N``), else None.
_RUN_POLICY: contextvars.ContextVar[disclosure.DisclosurePolicy | None] = contextvars.ContextVar(
    "mognad_excel_policy", default=None
)
_MODELS: dict[tuple, tuple[MaturityModel, tuple]] = {}

# ---- argument docs (shown in Excel's function wizard; at most 255 characters each) ----------
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
    """A problem to show in the cell (the text follows ``MOGNAD: ``)."""


# ---- messages ----------------------------------------------------------------------------
def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "?", "!")) else text + "."


def _describe(exc: BaseException) -> str:
    if isinstance(exc, InputError):  # in English until the cells speak Swedish (issue 14)
        where = exc.location.describe("en")
        problem, expected = texts.words([exc.problem, exc.expected or ""], "en")
        text = _sentence(f"{where}: {problem}" if where else problem)
        if expected:
            text += " " + _sentence(f"Expected {expected}")
        if exc.more_count:
            shown = "; ".join(texts.words(exc.more[:3], "en"))
            etc = ", ..." if exc.more_count > min(len(exc.more), 3) else ""
            text += f" {exc.more_count} more cell(s) like this ({shown}{etc})."
        return text
    if isinstance(exc, (MognadError, CellError)):
        return _sentence(str(exc))
    return _sentence(
        f"unexpected {type(exc).__name__}: {exc}. This is a bug in mognad; please report it "
        "with the workbook"
    )


def _safely(compute: Any, *args: Any) -> Any:
    """Run one worksheet function; any problem becomes a short message in the cell."""
    try:
        return compute(*args)
    except RecursionError:
        return PREFIX + "the calculation went too deep (a circular reference?)."
    except Exception as exc:  # never a traceback in a cell
        return PREFIX + _describe(exc)


def clear_cache() -> None:
    """Forget cached results and models (e.g. after installing a model plugin)."""
    CACHE.clear()
    _MODELS.clear()


def is_message(value: Any) -> bool:
    """True for a MOGNAD_* message (text starting with ``MOGNAD:``)."""
    return isinstance(value, str) and value.startswith(PREFIX.strip())


# ---- the anonymity policy ------------------------------------------------------------------
def _policy() -> disclosure.DisclosurePolicy:
    """The policy in force: that of the recalculation running (:func:`policy_for_run`), else
    ``MOGNAD_MIN_SIZE``, else ``min_size`` in ``mognad.toml`` (or the file ``MOGNAD_CONFIG``
    names), else 5. Read on every call, so every cache key holds it."""
    return _RUN_POLICY.get() or disclosure.policy(None, LANG)


@contextlib.contextmanager
def policy_for_run(min_size: Any = None):
    """Every function called inside uses the policy of ``min_size`` (a whole workbook at once,
    as ``mognad excel recalc --min-size N`` does); ``None`` keeps the settings'. An unusable
    value raises :class:`~mognad_core.errors.MognadError` here, before anything is computed."""
    pol = None if min_size is None else disclosure.policy(min_size, LANG)
    token = _RUN_POLICY.set(pol)
    try:
        yield pol
    finally:
        _RUN_POLICY.reset(token)


def _policy_key(pol: disclosure.DisclosurePolicy) -> tuple:
    return ("policy", *sorted(pol.model_dump().items()))


def policy_notes() -> list[str]:
    """The opt-out notice when the policy in force turns the protection off (for reports such
    as ``mognad excel recalc``); empty when protected, or when the setting is unusable (every
    cell then says why)."""
    try:
        return disclosure.notes_for(_policy(), LANG)
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


def _hidden_reason(result: Any, what: str) -> CellError:
    k = disclosure.policy_of(result, LANG).min_size
    return CellError(f"{what} {texts.text('reason.hidden_statement', LANG, k=k)}")


# ---- arguments: cells to Python values (what they mean is read by mognad_core) --------------
def _scalar(value: Any, what: str) -> Any:
    """A single value; a 1x1 range counts as its cell."""
    if isinstance(value, (list, tuple)):
        flat = [v for row in value for v in (row if isinstance(row, (list, tuple)) else [row])]
        if len(flat) == 1:
            return flat[0]
        raise CellError(f"{what} must be one cell or a value, not a range of {len(flat)} cells")
    return value


def _text(value: Any, what: str) -> str | None:
    value = _scalar(value, what)
    if is_blank(value):
        return None
    if isinstance(value, bool):
        raise CellError(f"{what} must be text, not TRUE/FALSE")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _model(value: Any) -> tuple[MaturityModel, tuple]:
    """The model and a cache key that changes when the model does.

    Models are looked up once per name (per plugin manager: ``mognad_core.reset_plugins()``
    starts afresh); a model file is read again when it changes on disk.
    """
    name = _text(value, "model") or DEFAULT_MODEL
    is_file = names_a_model_file(name)
    if is_file:
        path = Path(name)
        stamp = path.stat().st_mtime_ns if path.is_file() else None
        lookup: tuple = ("file", str(path.resolve()), stamp)
    else:
        lookup = ("name", name, id(mognad.get_plugin_manager()))
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
        raise CellError(
            f"{what} must be a range: a header row (statement ids such as f11) and one row per "
            "respondent"
        )
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
        raise CellError(
            f"the {what} range is empty. Expected a header row (statement ids such as f11, or "
            "statement texts) and one row per respondent"
        )
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
    model and policy: every result computed from it extends this key)."""
    rs, rkey = _prepared(value, model, mkey, what)
    if rs.n == 0:
        raise CellError("the responses range has a header row but no respondent rows below it")
    pol = _policy()
    skey = ("score", *rkey[1:], _policy_key(pol))
    result = _cached(
        skey,
        lambda: mognad.score_responses(rs, insights=False, context={"lang": LANG}, min_size=pol),
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
    dims = ", ".join(d.id for d in model.dimensions)
    cats = ", ".join(d.id for d in model.all_dimensions() if d.parent) or "none"
    ids = model.statement_ids
    raise CellError(
        f'"{text}" is not part of model "{model.name}". Use a dimension ({dims}), a category '
        f"({cats}) or a statement id ({ids[0]} ... {ids[-1]})"
    )


def _level_arg(value: Any, default: str) -> str:
    return check_level(_text(value, "level"), default=default)


def _count(value: Any, default: int) -> int:
    return check_count(_scalar(value, "count"), default)


def _target(value: Any, model: MaturityModel) -> Any:
    """A target as mognad_core.parse_target takes it: a cell's number or name, a range of
    dimension/target pairs as a profile (dict), or None for a blank cell."""
    if isinstance(value, (list, tuple)):
        rows = [list(r) if isinstance(r, (list, tuple)) else [r] for r in value]
        if sum(map(len, rows)) != 1:
            return profile_from_rows(rows, model, "target range")
        value = rows[0][0]
    if isinstance(value, bool):
        raise CellError("target must be a number, a name or a range, not TRUE/FALSE")
    return None if is_blank(value) else value


def _out(value: Any) -> Any:
    """One cell of a returned table: blanks for missing values, plain Python types."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return value
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):  # numpy scalar
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return ""
    if value is pd.NA or value is pd.NaT:
        return ""
    return value


def _spilled_table(
    header: list[str], rows: list[list[Any]], pol: disclosure.DisclosurePolicy | None = None
) -> list[list[Any]]:
    """A table for Excel; one published under the opt-out (``pol``) ends with its notice."""
    table = [list(header)] + [[_out(v) for v in row] for row in rows]
    if pol is not None:
        for note in disclosure.notes_for(pol, LANG):
            table.append([note] + [""] * (len(header) - 1))
    return table


def _no_answers(result: Any, what: str) -> CellError:
    if result.n_respondents == 0:
        return CellError("the responses range has a header row but no respondent rows below it")
    return CellError(f"no valid answers for {what} (every answer is blank or vet ej)")


# ---- the worksheet functions -------------------------------------------------------------
def _score(responses: Any, model: Any, part: Any) -> float:
    m, mkey = _model(model)
    which = _part(m, part)  # the formula's own problems first, whatever the range holds
    _, result, _ = _scored(responses, m, mkey)
    if which is None:
        value, what = result.overall, "the overall score"
        hidden, shown = value is None and _hides(result, m.statement_ids), "totalen"
    elif which[0] == "dimension":
        value, what = result.dimensions[which[1]].score, f'"{which[1]}"'
        hidden, shown = _hidden_dimension(result, which[1]), f'"{which[1]}"'
    else:
        value, what = result.statements[which[1]].score, f'statement "{which[1]}"'
        hidden, shown = _hidden_statement(result, which[1]), f'påstående "{which[1]}"'
    if hidden:
        raise _hidden_reason(result, shown)
    if value is None:
        raise _no_answers(result, what)
    return float(value)


@func(category=CATEGORY, cache=True)
@arg("responses", ndim=2, doc=DOC_RESPONSES)
@arg("model", doc=DOC_MODEL)
@arg("part", doc=DOC_PART)
def MOGNAD_SCORE(responses, model=DEFAULT_MODEL, part=None):
    """Maturity score from 0 to 1 (format the cell as %): the overall score, or the score of one
    dimension, category or statement (part). Same numbers as `mognad score`; a range too small to
    publish (anonymity) shows why instead."""
    return _safely(_score, responses, model, part)


def _respondents(responses: Any, model: Any) -> int:
    m, mkey = _model(model)
    _, result, _ = _scored(responses, m, mkey)  # a range too small to publish is refused
    return result.n_respondents


@func(category=CATEGORY, cache=True)
@arg("responses", ndim=2, doc=DOC_RESPONSES)
@arg("model", doc=DOC_MODEL)
def MOGNAD_RESPONDENTS(responses, model=DEFAULT_MODEL):
    """Number of respondents (antal svarande): the rows of the range below the header that are
    not entirely blank. Checked and refused (fewer than 5) as for MOGNAD_SCORE."""
    return _safely(_respondents, responses, model)


def _dimensions(responses: Any, model: Any) -> list[list[Any]]:
    m, mkey = _model(model)
    _, result, _ = _scored(responses, m, mkey)
    header = ["id", "dimension", "parent", "score", "n", "vet ej share"]
    if m.levels:
        header.append("level")
    rows = []
    for d in result.dimensions.values():
        if _hidden_dimension(result, d.id):
            row = [d.id, d.label, d.parent, HIDDEN, None, None]
        else:
            row = [d.id, d.label, d.parent, d.score, d.n, d.dont_know_share]
        if m.levels:
            row.append(d.level)
        rows.append(row)
    return _spilled_table(header, rows, disclosure.policy_of(result, LANG))


@func(category=CATEGORY, cache=True)
@arg("responses", ndim=2, doc=DOC_RESPONSES)
@arg("model", doc=DOC_MODEL)
def MOGNAD_DIMENSIONS(responses, model=DEFAULT_MODEL):
    """Table (spills): one row per dimension and category: id, dimension, parent, score (0-1),
    n respondents, vet ej share (andel vet ej), and level when the model has levels."""
    return _safely(_dimensions, responses, model)


def _statements(responses: Any, model: Any) -> list[list[Any]]:
    m, mkey = _model(model)
    _, result, _ = _scored(responses, m, mkey)
    header = ["id", "statement", "dimension", "score", "mean", "n", "vet ej share"]
    rows = [
        [s.id, s.text, s.dimension, HIDDEN, None, None, None]
        if s.hidden
        else [s.id, s.text, s.dimension, s.score, s.mean, s.n, s.dont_know_share]
        for s in result.statements.values()
    ]
    return _spilled_table(header, rows, disclosure.policy_of(result, LANG))


@func(category=CATEGORY, cache=True)
@arg("responses", ndim=2, doc=DOC_RESPONSES)
@arg("model", doc=DOC_MODEL)
def MOGNAD_STATEMENTS(responses, model=DEFAULT_MODEL):
    """Table (spills): one row per statement (påstående): id, statement text, dimension, score
    (0-1), mean answer, n valid answers, vet ej share."""
    return _safely(_statements, responses, model)


def _gap(responses: Any, model: Any, target: Any, level: Any) -> list[list[Any]]:
    m, mkey = _model(model)
    goal = _target(target, m)  # blank: the model's default benchmark (mognad_core.gap)
    if goal is None and default_target(m) is None:
        names = ", ".join(b.name for b in m.benchmarks) or "none in this model"
        raise CellError(
            f"give a target: a number (0.6 or 60 %), a benchmark name ({names}), a level name "
            "or a range of dimension/target pairs"
        )
    lvl = _level_arg(level, "dimension")
    _, result, skey = _scored(responses, m, mkey)
    key = ("gap", *skey[1:], content_key(goal), lvl)
    res = _cached(key, lambda: mognad.gap(result, goal, model=m, level=lvl))
    header = ["id", "part", "kind", "score", "target", "gap"]
    rows = []
    for r in (res.overall, *res.rows):
        if r.kind == "statement":
            hidden = _hidden_statement(result, r.id)
        elif r.kind == "overall":
            hidden = r.score is None and _hides(result, m.statement_ids)
        else:
            hidden = _hidden_dimension(result, r.id)
        score, gap = (HIDDEN, None) if hidden else (r.score, r.gap)
        rows.append([r.id, r.label, r.kind, score, r.target, gap])
    return _spilled_table(header, rows, disclosure.policy_of(result, LANG))


@func(category=CATEGORY, cache=True)
@arg("responses", ndim=2, doc=DOC_RESPONSES)
@arg("model", doc=DOC_MODEL)
@arg(
    "target",
    doc="Target: a number (0.6 or 60), a benchmark name (e.g. national_2021), a level name, or "
    "a range of dimension/target pairs. Default: the model's reference benchmark.",
)
@arg("level", doc="Optional: dimension (default), category, statement or all.")
def MOGNAD_GAP(responses, model=DEFAULT_MODEL, target=None, level=None):
    """Table (spills): score, target and gap (score - target, negative = below) for the overall
    score and each dimension, largest shortfall first."""
    return _safely(_gap, responses, model, target, level)


def _priorities(responses: Any, model: Any, count: Any, target: Any, level: Any):
    m, mkey = _model(model)
    n = _count(count, 2)
    goal = _target(target, m)
    lvl = _level_arg(level, "statement")
    rs, result, skey = _scored(responses, m, mkey)
    key = ("priorities", *skey[1:], n, content_key(goal), lvl)
    res = _cached(
        key,
        lambda: mognad.priorities(
            result, target=goal, count=n, model=m, level=lvl, context={"responses": rs}
        ),
    )
    header = ["rank", "id", "area", "score", "vet ej share", "gap", "reason"]
    rows = [
        [p.rank, p.id, p.label, p.score, p.dont_know_share, p.gap, p.reason or "; ".join(p.reasons)]
        for p in res.items
    ]
    return _spilled_table(header, rows, disclosure.policy_of(result, LANG))


@func(category=CATEGORY, cache=True)
@arg("responses", ndim=2, doc=DOC_RESPONSES)
@arg("model", doc=DOC_MODEL)
@arg("count", doc="Optional: how many areas (default 2; choose few).")
@arg("target", doc="Optional: a target (number, benchmark or level name) to add the gap.")
@arg("level", doc="Optional: statement (default), category, dimension or all.")
def MOGNAD_PRIORITIES(responses, model=DEFAULT_MODEL, count=2, target=None, level=None):
    """Table (spills): where to start improving, in the order mognad ranks them, with the reason
    (low score, high vet ej share, gap to target)."""
    return _safely(_priorities, responses, model, count, target, level)


def _level(score_or_responses: Any, model: Any, part: Any) -> str:
    m, _ = _model(model)
    if not m.levels:
        with_levels = [i.name for i in mognad.list_models() if mognad.get_model(i.name).levels]
        others = f"; models with levels: {', '.join(with_levels)}" if with_levels else ""
        raise CellError(
            f'model "{m.name}" has no maturity levels (it reports a score from 0 to 1){others}'
        )
    value = score_or_responses
    if (
        isinstance(value, (list, tuple))
        and sum(len(r) if isinstance(r, (list, tuple)) else 1 for r in value) == 1
    ):
        value = _scalar(value, "score")
    if isinstance(value, (list, tuple)):
        score = _score(value, model, part)
    else:
        if is_message(value):
            raise CellError(value[len(PREFIX) :])
        if is_blank(value):
            raise CellError("give a score (0-1) or a response range")
        score = parse_score(value)  # 0.625, 62.5, "62,5 %" ...
    level = m.level_for(score)
    if level is None:
        raise CellError(f"no level of model {m.name!r} starts at or below {score:.1%}")
    return level.name


@func(category=CATEGORY, cache=True)
@arg(
    "score_or_responses",
    ndim=2,
    doc="A score from 0 to 1 (e.g. a MOGNAD_SCORE cell) or a response range.",
)
@arg("model", doc=DOC_MODEL)
@arg("part", doc=DOC_PART + " Only used with a response range.")
def MOGNAD_LEVEL(score_or_responses, model=DEFAULT_MODEL, part=None):
    """The maturity level (mognadsnivå) a score reaches, e.g. Koordination: give a score or a
    response range (then the overall score, or the part's)."""
    return _safely(_level, score_or_responses, model, part)


def _change(before: Any, after: Any, model: Any) -> list[list[Any]]:
    m, mkey = _model(model)
    rs0, k0 = _prepared(before, m, mkey, "before")
    rs1, k1 = _prepared(after, m, mkey, "after")
    pol = _policy()
    key = ("change", k0[1], k0[2], k1[1], k1[2], mkey, _policy_key(pol))

    def compute():
        try:
            return mognad.compare(
                rs0, rs1, model=m, labels=("före", "efter"), lang=LANG, min_size=pol
            )
        except disclosure.DisclosureError as exc:  # name the wave that may not be published
            wave = "efter"
            try:
                disclosure.check(rs0, pol, LANG)
            except disclosure.DisclosureError:
                wave = "före"
            raise disclosure.DisclosureError(f"{wave}: {exc}", LANG) from None

    res = _cached(key, compute)
    header = ["id", "part", "before", "after", "change", "ci low", "ci high", "significant"]
    rows = [
        [r.id, r.label, r.before, r.after, r.change, r.ci_low, r.ci_high, r.significant]
        for r in (res.overall, *res.dimensions)
    ]
    return _spilled_table(header, rows, pol)


@func(category=CATEGORY, cache=True)
@arg("before", ndim=2, doc="Responses of the earlier survey (header row + one row each).")
@arg("after", ndim=2, doc="Responses of the later survey, same layout.")
@arg("model", doc=DOC_MODEL)
def MOGNAD_CHANGE(before, after, model=DEFAULT_MODEL):
    """Table (spills): overall and each dimension before, after, change, its 95 % interval and
    whether the change is larger than the uncertainty (significant: TRUE/FALSE)."""
    return _safely(_change, before, after, model)


def _models() -> list[list[Any]]:
    rows = [
        [i.name, i.version, i.title, i.statements, i.dimensions, i.plugin]
        for i in mognad.list_models()
    ]
    return _spilled_table(["model", "version", "title", "statements", "dimensions", "plugin"], rows)


@func(category=CATEGORY)
def MOGNAD_MODELS():
    """Table (spills): the installed maturity models: name, version, title, statements,
    dimensions, plugin."""
    return _safely(_models)


def _headers(model: Any, texts: Any) -> list[list[Any]]:
    m, _ = _model(model)
    flag = _scalar(texts, "texts")
    if not is_blank(flag) and not isinstance(flag, (bool, numbers.Real)):
        raise CellError("texts must be TRUE (statement texts) or FALSE (statement ids)")
    if not is_blank(flag) and bool(flag):
        return [[s.text for s in m.statements]]
    return [list(m.statement_ids)]


@func(category=CATEGORY, cache=True)
@arg("model", doc=DOC_MODEL)
@arg("texts", doc="Optional: TRUE for the statement texts instead of the ids.")
def MOGNAD_HEADERS(model=DEFAULT_MODEL, texts=False):
    """One row (spills right): the statement ids of a model, to start a response sheet; with
    texts TRUE the statement texts."""
    return _safely(_headers, model, texts)


def _insights(responses: Any, model: Any, which: Any) -> Any:
    m, mkey = _model(model)
    rs, result, skey = _scored(responses, m, mkey)  # refused here when it may not be published
    pol = disclosure.policy_of(result, LANG)
    found = _cached(
        ("insights", *skey[1:]),
        lambda: (
            mognad.score_responses(rs, insights=True, context={"lang": LANG}, min_size=pol).insights
        ),
    )
    if not pol.protected:  # the opt-out notice first: the one place a fixed-size sheet shows it
        notice = " ".join(disclosure.notes_for(pol, LANG))
        found = [mognad.ModelInsight(key=OPT_OUT_KEY, title=notice), *found]
    pick = _scalar(which, "which")
    if is_blank(pick):
        return _spilled_table(["key", "title", "text"], [[i.key, i.title, i.text] for i in found])
    if isinstance(pick, numbers.Real) and not isinstance(pick, bool):
        if not float(pick).is_integer() or pick < 1:
            raise CellError(f"which must be a number from 1 or an insight key, not {pick:g}")
        index = int(pick)
        if index > len(found):
            return ""  # fewer insights than rows set aside for them
        ins = found[index - 1]
    else:
        key = str(pick).strip()
        ins = next((i for i in found if i.key == key), None)
        if ins is None:
            keys = ", ".join(i.key for i in found) or "none for these responses"
            raise CellError(f'no insight "{key}" (insights: {keys})')
    return f"{ins.title}: {ins.text}" if ins.text else ins.title


@func(category=CATEGORY, cache=True)
@arg("responses", ndim=2, doc=DOC_RESPONSES)
@arg("model", doc=DOC_MODEL)
@arg("which", doc="Optional: 1, 2, ... or an insight key for one insight as text; blank: table.")
def MOGNAD_INSIGHTS(responses, model=DEFAULT_MODEL, which=None):
    """The model's own findings (e.g. the DiMiOS 2x2 category): a table of key, title and text,
    or one insight as text when which is given."""
    return _safely(_insights, responses, model, which)


#: Excel name -> function, for offline recalculation and the docs.
FUNCTIONS = {name: globals()[name] for name in __all__}
