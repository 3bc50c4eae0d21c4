"""Everything a report shows, computed once through the public API (read → score → analyse).

The writers (``excel_report``, ``slides``, ``charts``) only lay out what :func:`collect`
returns; they compute no scores of their own.

Every figure here is published under one anonymity policy (:mod:`mognad_core.disclosure`,
``data.policy``): the responses, a ``where`` selection and each wave are cells of the
disclosure plan (selected with :meth:`ResponseSet.where`), groups are the cells of
:func:`disclosure.breakdown`, and the analyses get the same policy. So a hidden statement has no
figure, a hidden group has no figures and no size, and figures are rounded, on every sheet and
slide. ``min_size=1`` turns the protection off; the report then says so.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from .. import disclosure, texts
from ..analysis import (
    CompareResult,
    GapResult,
    GroupResult,
    PriorityResult,
    ReliabilityResult,
    compare_waves,
    gap,
    priorities,
    reliability,
    where_to_start,
)
from ..analysis import compare as compare_api
from ..analysis import groups as groups_api
from ..analysis.start import StartResult
from ..cells import is_missing
from ..errors import InputError, Location, MognadError
from ..responses import ResponseSet
from ..results import ScoreResult
from ..schema import Benchmark, MaturityModel, in_language
from ..scoring import publish_score, score_responses
from .sections import ReportSection, collect_sections
from .texts import Texts

#: progress(done, total, what) is called after each step.
Progress = Callable[[int, int, str], None]


class Steps:
    """Counts the steps of a report run for a progress indicator; ``total`` grows when the
    number of groups becomes known."""

    def __init__(self, progress: Progress | None = None, total: int = 0) -> None:
        self.progress, self.total, self.done = progress, total, 0

    def grow(self, n: int) -> None:
        self.total += n

    def step(self, what: str) -> None:
        self.done += 1
        self.total = max(self.total, self.done)
        if self.progress is not None:
            self.progress(self.done, self.total, what)


@dataclass
class Series:
    """One line of a profile chart: a value per part (None = no value)."""

    name: str
    values: list[float | None]
    kind: str  # result | previous | target | benchmark


@dataclass
class Profile:
    """The parts drawn on the radar (dimensions, or categories when there are fewer than three
    dimensions) and the series drawn over them."""

    level: str  # "dimensions" | "categories"
    ids: list[str]
    labels: list[str]
    series: list[Series]
    rings: list[tuple[str, float]] = field(default_factory=list)  # (level name, lower bound)


@dataclass
class StatementRow:
    id: str
    text: str
    dimension: str
    score: float | None
    mean: float | None
    n: int | None
    dont_know: int | None
    missing: int | None
    dont_know_share: float | None
    ci_low: float | None
    ci_high: float | None
    hidden: bool = False  # not shown (anonymity): every figure is None


@dataclass
class QuadrantPoint:
    name: str
    x: float
    y: float
    kind: str  # organisation | previous | group


@dataclass
class Quadrant:
    """A 2x2 position (the DiMiOS plugin's ``dimios.quadrant`` insight)."""

    x_id: str
    y_id: str
    x_label: str
    y_label: str
    threshold: float
    name: str | None
    description: str | None
    recommendation: str | None
    points: list[QuadrantPoint]
    corners: dict[tuple[bool, bool], str]  # (high x, high y) -> quadrant name

    def axis_range(self) -> tuple[float, float]:
        """The charts' axis range: the points with a margin, and at least 25 points either side
        of the threshold (the same square range on both axes)."""
        vals = [p.x for p in self.points] + [p.y for p in self.points]
        lo = math.floor(min(self.threshold - 0.25, min(vals) - 0.08) * 10) / 10
        hi = math.ceil(max(self.threshold + 0.25, max(vals) + 0.08) * 10) / 10
        return round(max(0.0, lo), 4), round(min(1.0, hi), 4)


@dataclass
class GroupReport:
    """One group of the report's breakdown: a hidden group has no size and no figures."""

    name: str
    n: int | None
    suppressed: bool
    reason: str | None
    result: ScoreResult | None = None
    priorities: PriorityResult | None = None


@dataclass
class ResponseRate:
    """Respondents (and the response rate, when the invited are known) of a wave or a group.

    ``group`` None is the whole organisation; a hidden group has no respondents and no rate."""

    wave: str | None
    group: str | None
    respondents: int | None
    invited: int | None = None
    rate: float | None = None
    hidden: bool = False


@dataclass
class BenchmarkGap:
    label: str
    value: float
    gap: float | None
    is_target: bool
    caveat: str | None = None


@dataclass
class ReportData:
    """What the workbook and the deck show."""

    model: MaturityModel
    texts: Texts
    title: str
    responses: ResponseSet
    result: ScoreResult
    priorities: PriorityResult
    reliability: ReliabilityResult
    profile: Profile
    statements: list[StatementRow]  # sorted by score, lowest first; unscored last
    source_name: str
    wave: str | None = None  # the current wave's label when waves were compared
    target_label: str | None = None
    gap: GapResult | None = None
    benchmark: BenchmarkGap | None = None
    compare: CompareResult | None = None
    groups: GroupResult | None = None
    group_reports: list[GroupReport] = field(default_factory=list)
    quadrant: Quadrant | None = None
    where: list[str] = field(default_factory=list)
    created: date = field(default_factory=date.today)
    notes: list[str] = field(default_factory=list)
    inputs: list[Path] = field(default_factory=list)
    #: the anonymity policy every figure was published under
    policy: disclosure.DisclosurePolicy = field(default_factory=disclosure.DisclosurePolicy)
    #: which wave a report of several waves is about (:func:`report_waves`); None for one wave
    waves_note: texts.Message | None = None
    #: where to start: the one decision every sheet and slide shows (:func:`where_to_start`)
    start: StartResult | None = None
    #: roles side by side (chef vs medarbetare): the groups of ``role_column``, published as
    #: groups are (a hidden role has no size and no figures)
    roles: list[GroupReport] = field(default_factory=list)
    role_column: str | None = None
    #: respondents per wave and per group, with the response rate when ``invited`` was given
    response_rates: list[ResponseRate] = field(default_factory=list)
    #: the model plugin's own sheets and slides (the ``report_sections`` hook), in order
    sections: list[ReportSection] = field(default_factory=list)

    @property
    def lang(self) -> str:
        return self.texts.lang

    @property
    def protected(self) -> bool:
        return self.policy.protected

    @property
    def hidden_text(self) -> str:
        """What a hidden statement figure shows instead of a number: the one reason for every
        hidden figure (whether it has too few answers or protects a smaller group is not said:
        either would bound its count)."""
        return texts.text("reason.hidden_statement", self.lang, k=self.policy.min_size)

    @property
    def hidden_size(self) -> str:
        """What a hidden group shows instead of its size (no size, not even a bound)."""
        return texts.text("hidden_size", self.lang, k=self.policy.min_size)

    @property
    def off_notice(self) -> str | None:
        """The notice every report made with the protection off carries (None when on)."""
        notes = disclosure.notes_for(self.policy, self.lang)
        return notes[0] if notes else None

    def pp(self, value: float | None) -> float | None:
        """A 0-1 difference as percentage points for a cell: rounded to 0.1 when protected."""
        if value is None:
            return None
        return round(value * 100, 1) if self.protected else round(value * 100, 9)

    def group_result(self, name: str) -> ScoreResult | None:
        """A visible group's published score (None for a hidden or unknown group)."""
        return next((g.result for g in self.group_reports if g.name == name), None)

    @property
    def level_label(self) -> str | None:
        level = self.model.level_named(self.result.level)
        return None if level is None else level.label(self.lang)


# ---- roles and response rates -------------------------------------------------------------------
#: columns shown side by side as roles when the report is not told which (case ignored)
ROLE_COLUMNS = ("roll", "role", "befattning", "yrkesroll", "roller", "roles")
#: keys of an ``invited`` mapping that mean the whole organisation
TOTAL_KEYS = ("totalt", "total", "hela organisationen", "organisation", "organization")


def _role_column(rs: ResponseSet, roles: str | bool | None, groups: list[str]) -> str | None:
    """The column of roles: ``roles`` as named (an unknown column is the same located error as
    ``--groups``), else the first column called like :data:`ROLE_COLUMNS` that is not one of
    the report's ``groups`` columns; None when there is none or ``roles`` is False/blank."""
    if roles is False or (isinstance(roles, str) and not roles.strip()):
        return None
    if isinstance(roles, str):
        return rs.column(roles.strip(), texts.Message("error.purpose.group_by"))
    taken = {c.casefold() for c in groups}
    for column in rs.attributes.columns:
        name = str(column).strip().casefold()
        if name in ROLE_COLUMNS and name not in taken:
            return str(column)
    return None


def read_invited(invited: Any) -> dict[str, int] | int | None:
    """``invited`` as a number, or a mapping of name (casefolded) to number: a mapping, a
    .yaml/.json file of ``name: number`` lines, or a .csv/.xlsx table of two columns."""
    if invited is None or (isinstance(invited, str) and not invited.strip()):
        return None
    if isinstance(invited, (int, float)) and not isinstance(invited, bool):
        return _whole(invited, None)
    if isinstance(invited, str) and invited.strip().isdigit():
        return _whole(int(invited.strip()), None)
    if isinstance(invited, Mapping):
        return {str(k).strip().casefold(): _whole(v, None) for k, v in invited.items()}
    from ..readers import DATA_FILE_SUFFIXES, read_data_file, read_table

    p = Path(invited)
    where = Location(file=str(p))
    if not p.is_file():
        raise InputError(texts.Message("error.invited_not_found"), where)
    if p.suffix.lower() in DATA_FILE_SUFFIXES:
        data = read_data_file(p, texts.Message("error.what.invited_file"))
        if not isinstance(data, Mapping):
            raise InputError(
                texts.Message("error.invited_not_mapping"), where, texts.Message("expected.invited")
            )
        return {str(k).strip().casefold(): _whole(v, where) for k, v in data.items()}
    table = read_table(p)
    if table.frame.shape[1] < 2:
        raise InputError(
            texts.Message("error.invited_columns"), where, texts.Message("expected.invited")
        )
    out: dict[str, int] = {}
    rows = table.row_numbers if table.row_numbers is not None else range(2, len(table.frame) + 2)
    for row, (name, value) in zip(
        rows, zip(table.frame.iloc[:, 0], table.frame.iloc[:, 1], strict=True), strict=True
    ):
        if is_missing(name) or not str(name).strip():
            continue
        cell = Location(
            file=str(p), sheet=table.sheet, row=int(row), column=str(table.frame.columns[1])
        )
        out[str(name).strip().casefold()] = _whole(value, cell)
    return out


def _whole(value: Any, where: Location | None) -> int:
    try:
        number = float(str(value).replace(",", ".").replace("\u00a0", "").replace(" ", ""))
    except ValueError:
        number = float("nan")
    if not number.is_integer() or number < 1 or isinstance(value, bool):
        message = texts.Message("error.invited", invited=repr(value))
        if where is None:
            raise MognadError(message)
        raise InputError(message, where)
    return int(number)


def _response_rates(
    rs: ResponseSet,
    cmp: CompareResult | None,
    wave: str | None,
    reports: list[GroupReport],
    invited: Any,
) -> list[ResponseRate]:
    """Respondents per wave (the earlier one first) and per group of the report's wave, with
    the rate where the invited are known; a hidden group has neither."""
    known = read_invited(invited)
    table = known if isinstance(known, dict) else {}

    def of(*names: str | None) -> int | None:
        for name in names:
            if name is not None and name.strip().casefold() in table:
                return table[name.strip().casefold()]
        return None

    def rate(n: int | None, inv: int | None) -> float | None:
        if n is None or inv is None:
            return None
        if n > inv:
            raise MognadError(texts.Message("error.invited_fewer", n=n, invited=inv))
        return n / inv

    rows: list[ResponseRate] = []
    if cmp is not None:
        before = of(cmp.before_label)
        rows.append(
            ResponseRate(cmp.before_label, None, cmp.n_before, before, rate(cmp.n_before, before))
        )
    now = known if isinstance(known, int) else of(wave, *TOTAL_KEYS)
    rows.append(ResponseRate(wave, None, rs.n, now, rate(rs.n, now)))
    for g in reports:
        inv = of(g.name)
        if g.suppressed:
            rows.append(ResponseRate(wave, g.name, None, inv, None, hidden=True))
        else:
            rows.append(ResponseRate(wave, g.name, g.n, inv, rate(g.n, inv)))
    return rows


# ---- inputs ----------------------------------------------------------------------------------
def _split_compare(spec: str) -> tuple[str, list[str] | None]:
    """``"år"`` or ``"år=2024,2025"`` -> (column, [before, after] or None)."""
    if "=" not in spec:
        return spec.strip(), None
    column, waves = spec.split("=", 1)
    pair = [w.strip() for w in waves.split(",")]
    if len(pair) != 2 or not all(pair):
        raise MognadError(texts.Message("error.report_compare", spec=repr(spec)))
    return column.strip(), pair


def report_waves(
    rs: ResponseSet, compare: Any = None
) -> tuple[ResponseSet, Any, str | None, texts.Message | None]:
    """What a report about ``rs`` (the respondents after ``where``) is about: the respondents,
    what they are compared with, the wave's label (when the report is one wave alone) and the
    note saying so. ``compare`` as given; else, when the responses hold several waves (a column
    such as år) and no ``where`` condition picks one (:meth:`ResponseSet.pooled_waves`), the
    latest wave compared with the one before; or, when the selection has nobody in the wave
    before, the latest wave alone. A report never mixes years."""
    w = None if compare is not None else rs.pooled_waves()
    if w is None:
        return rs, compare, None, None
    if w.previous not in rs.waves(w.column).labels:  # a selection with nobody in the wave before
        note = texts.Message(
            "note.waves_report_latest", count=len(w.labels), column=w.column, latest=w.latest
        )
        return rs.where((w.column, w.latest)), None, w.latest, note
    note = texts.Message(
        "note.waves_report",
        count=len(w.labels),
        column=w.column,
        waves=", ".join(w.labels),
        latest=w.latest,
        previous=w.previous,
    )
    return rs, (w.column, [w.previous, w.latest]), None, note


def _compare(
    rs: ResponseSet,
    previous: Any,
    sheet: str | None,
    mapping: Any,
    lang: str,
    pol: disclosure.DisclosurePolicy,
    where: list[str] | None,
) -> tuple[CompareResult, ResponseSet, str | None, Path | None]:
    """The comparison and the responses of the current wave (and its label, and the file of the
    earlier wave when one was given). ``where`` selects in an earlier wave's file as well.
    ``previous`` is a file, DataFrame or ResponseSet, a wave column (``"år"``,
    ``"år=2024,2025"``) or, from :func:`report_waves`, ``(column, [before, after])``."""
    where = where or []
    if isinstance(previous, (ResponseSet, pd.DataFrame)) or (
        isinstance(previous, (str, Path)) and Path(previous).is_file()
    ):
        before = ResponseSet.from_any(previous, rs.model, sheet=sheet, mapping=mapping)
        w = rs.waves()
        result = compare_api(before.where(*where), rs, lang=lang, min_size=pol)
        path = None if isinstance(previous, (ResponseSet, pd.DataFrame)) else Path(previous)
        return result, rs, None if w is None else w.single, path
    if isinstance(previous, tuple):
        column, waves = previous
    else:
        column, waves = _split_compare(str(previous))
    try:
        col = rs.waves(column).column
    except InputError:
        cols = ", ".join(rs.attributes.columns) or texts.Message("error.none")
        raise InputError(
            texts.Message("error.report_compare_neither", previous=previous),
            Location(file=rs.source, sheet=rs.sheet),
            texts.Message("error.expected.earlier_wave", columns=cols),
        ) from None
    result = compare_waves(rs, col, waves, lang=lang, min_size=pol)
    current = rs.where((col, result.after_label))  # the wave is a cell of the plan
    return result, current, result.after_label, None


# ---- pieces ----------------------------------------------------------------------------------
def _benchmark_label(b: Benchmark, lang: str) -> str:
    label = in_language(b.label, b.label_en, lang)
    return label or b.name


def _rounded(value: float | None, pol: disclosure.DisclosurePolicy) -> float | None:
    """A 0-1 figure derived from published ones, rounded as they are (when protected)."""
    if value is None or not pol.protected:
        return value
    return round(value, pol.score_digits)


def _benchmark_gap(
    model: MaturityModel, result: ScoreResult, lang: str, pol: disclosure.DisclosurePolicy
) -> BenchmarkGap | None:
    insight = result.insight("dimios.benchmark")
    if insight is not None and insight.data.get("value") is not None:
        d = insight.data
        gap_pp = d.get("gap_pp")
        return BenchmarkGap(
            label=str(d.get("label") or d.get("benchmark")),
            value=float(d["value"]),
            gap=None if gap_pp is None else _rounded(float(gap_pp) / 100, pol),
            is_target=bool(d.get("is_target")),
            caveat=d.get("caveat"),
        )
    b = model.default_benchmark()
    if b is None or b.overall is None:
        return None
    targets = set(model.meta.get("target_benchmarks") or [])
    return BenchmarkGap(
        label=_benchmark_label(b, lang),
        value=b.overall,
        gap=None if result.overall is None else _rounded(result.overall - b.overall, pol),
        is_target=b.name in targets,
    )


def _profile(
    model: MaturityModel,
    result: ScoreResult,
    texts: Texts,
    cmp: CompareResult | None,
    gap_result: GapResult | None,
    target_label: str | None,
    current_label: str | None,
) -> Profile:
    lang = texts.lang
    top = [d.id for d in model.dimensions]
    cats = [d.id for depth, d in model.iter_tree() if depth == 1]
    if len(top) >= 3 or len(cats) < 3:
        level, ids = "dimensions", top
    else:
        level, ids = "categories", cats
    labels = [model.dimension(i).name(lang) for i in ids]
    result_name = texts("series.result") + (f" {current_label}" if current_label else "")
    series = [Series(result_name, [result.dimensions[i].score for i in ids], "result")]
    if cmp is not None:
        before = {r.id: r.before for r in cmp.dimensions}
        series.append(Series(cmp.before_label, [before.get(i) for i in ids], "previous"))
    if gap_result is not None:
        targets = {r.id: r.target for r in gap_result.rows}
        values = [targets.get(i) for i in ids]
        if any(v is not None for v in values):
            series.append(Series(texts("series.target", label=target_label), values, "target"))
    b = model.default_benchmark()
    if b is not None:
        values = [b.dimensions.get(i) for i in ids]
        label = _benchmark_label(b, lang)
        if any(v is not None for v in values):
            series.append(Series(label, values, "benchmark"))
        elif b.overall is not None and len(series) == 1:
            series.append(
                Series(
                    texts("series.benchmark_overall", label=label),
                    [b.overall] * len(ids),
                    "benchmark",
                )
            )
    rings = [(lv.label(lang), lv.lower_bound) for lv in model.levels if lv.lower_bound > 0]
    return Profile(level=level, ids=ids, labels=labels, series=series, rings=rings)


def _statement_rows(model: MaturityModel, result: ScoreResult, lang: str) -> list[StatementRow]:
    rows = []
    for s in result.statements.values():
        st = model.statement(s.id)
        rows.append(
            StatementRow(
                id=s.id,
                text=st.label(lang),
                dimension=model.dimension(s.dimension).name(lang) if s.dimension else "",
                score=s.score,
                mean=s.mean,
                n=s.n,
                dont_know=s.dont_know,
                missing=s.missing,
                dont_know_share=s.dont_know_share,
                ci_low=s.ci_low,
                ci_high=s.ci_high,
                hidden=s.hidden,
            )
        )
    order = {r.id: i for i, r in enumerate(rows)}
    # hidden statements last: the charts' data ranges end before them
    rows.sort(key=lambda r: (r.hidden, r.score is None, r.score or 0.0, order[r.id]))
    return rows


def _quadrant(
    model: MaturityModel,
    result: ScoreResult,
    texts: Texts,
    cmp: CompareResult | None,
    grp: GroupResult | None,
) -> Quadrant | None:
    """The 2x2 of the ``dimios.quadrant`` insight, with the visible groups of ``grp`` (the
    report's groups, or those of the plugin's group insight, published under the report's
    policy by :func:`collect`)."""
    insight = result.insight("dimios.quadrant")
    if insight is None:
        return None
    d = insight.data
    x_id, y_id = d.get("x"), d.get("y")
    scores = d.get("scores") or {}
    if not x_id or not y_id or scores.get(x_id) is None or scores.get(y_id) is None:
        return None
    lang = texts.lang
    points = [
        QuadrantPoint(texts("series.organisation"), scores[x_id], scores[y_id], "organisation")
    ]
    if cmp is not None:
        before = {r.id: r.before for r in cmp.dimensions}
        if before.get(x_id) is not None and before.get(y_id) is not None:
            points.append(QuadrantPoint(cmp.before_label, before[x_id], before[y_id], "previous"))
    if grp is not None:
        rows = {r.id: r for r in grp.rows}
        for name in grp.visible:
            x, y = rows[x_id].values.get(name), rows[y_id].values.get(name)
            if x is not None and y is not None:
                points.append(QuadrantPoint(name, x, y, "group"))
    corners: dict[tuple[bool, bool], str] = {}
    for q in model.meta.get("quadrants") or []:
        hx, hy = q.get(f"high_{x_id}"), q.get(f"high_{y_id}")
        if isinstance(hx, bool) and isinstance(hy, bool):
            name = in_language(q.get("name"), q.get("name_en"), lang)
            corners[(hx, hy)] = str(name or q.get("id"))
    return Quadrant(
        x_id=x_id,
        y_id=y_id,
        x_label=model.dimension(x_id).name(lang),
        y_label=model.dimension(y_id).name(lang),
        threshold=float(d.get("threshold", 0.5)),
        name=d.get("name"),
        description=d.get("description"),
        recommendation=d.get("recommendation"),
        points=points,
        corners=corners,
    )


# ---- collect ---------------------------------------------------------------------------------
#: steps :func:`collect` reports besides one per group: read, score, analyse
COLLECT_STEPS = 3


def collect(
    responses: Any,
    model: Any = None,
    *,
    groups: str | list[str] | None = None,
    compare: Any = None,
    target: Any = None,
    lang: str = "sv",
    title: str | None = None,
    count: int = 2,
    min_size: Any = None,
    sheet: str | None = None,
    mapping: Any = None,
    where: list[str] | None = None,
    steps: Steps | None = None,
    roles: str | bool | None = None,
    invited: Any = None,
) -> ReportData:
    """Read, score and analyse for a report. ``compare`` is the earlier wave (a response file, a
    DataFrame or a ResponseSet) or a wave column of ``responses`` (``"år"`` or
    ``"år=2024,2025"``: the report is then about the later wave); without it, responses that
    hold several waves are reported as their latest wave compared with the one before
    (:func:`report_waves`: a report never mixes years). ``where`` (``COLUMN=VALUE``
    conditions) selects the respondents, in ``responses`` and in an earlier wave given as a
    file. ``min_size`` is the anonymity threshold (default from the settings, 5; a
    :class:`~mognad_core.disclosure.DisclosurePolicy` is used as it is; 1 turns the protection
    off and the report says so). A selection that may not be published is refused with
    :class:`~mognad_core.disclosure.DisclosureError`. ``roles`` is the column of roles shown
    side by side (default: a column called ``roll``, ``role``, ``befattning`` or ``yrkesroll``
    when there is one and it is not ``groups``; False: none). ``invited`` gives response
    rates: a number (the whole organisation, the report's wave), or a mapping / a .yaml, .csv
    or .xlsx file of name and number, where a name is a group, a wave label or ``totalt``."""
    texts = Texts(lang)
    pol = disclosure.policy(min_size, lang)
    rs = ResponseSet.from_any(responses, model, sheet=sheet, mapping=mapping)
    m = rs.model
    inputs = [Path(responses)] if isinstance(responses, (str, Path)) else []
    steps = steps or Steps(total=COLLECT_STEPS)
    step = steps.step
    step("read")
    if rs.n == 0:
        raise InputError(texts.Message("error.file_no_respondents"), Location(file=rs.source))
    rs = rs.where(*(where or []))  # a cell of the disclosure plan, as with score --where
    rs, compare, wave, waves_note = report_waves(rs, compare)
    cmp = None
    if compare is not None:
        cmp, rs, wave, prev_path = _compare(rs, compare, sheet, mapping, lang, pol, where)
        if prev_path is not None:
            inputs.append(prev_path)
    # the plugins' findings name the same areas as the report's decision: same target, count
    context = {"target": target, "lang": lang, "count": count}
    result = score_responses(rs, context=context, min_size=pol)
    from ..targets import parse_target

    t = parse_target(target, m, result)
    step("score")
    insights = list(result.insights)
    left_out = _own_threshold_insights(result, pol)
    prio = priorities(result, target=t, count=count, model=m, context={"responses": rs}, lang=lang)
    gap_result = gap(result, t, model=m, level="all", lang=lang) if t is not None else None
    rel = reliability(rs, lang=lang, min_size=pol)
    grp = None
    if groups:
        by = [groups] if isinstance(groups, str) else list(groups)
        by = [c.strip() for b in by for c in str(b).split(",") if c.strip()]
        grp = groups_api(rs, by, min_size=pol, lang=lang)
    split = disclosure.breakdown(rs, grp.by, pol, lang) if grp is not None else None
    steps.grow(len(split.cells) if split is not None else 0)
    step("analyse")

    def group_reports(split: disclosure.Breakdown) -> list[GroupReport]:
        out: list[GroupReport] = []
        for c in split.cells:
            name = split.name(c)
            if split.hidden(c):  # no size, no figures
                gr = GroupReport(name=name, n=None, suppressed=True, reason=split.reason(c, lang))
            else:
                gr = GroupReport(name=name, n=split.n(c), suppressed=False, reason=None)
                gr.result = publish_score(
                    rs.subset(split.members[c]),
                    split.figure_hidden(c),
                    pol,
                    insights=False,
                    context={"lang": lang},
                )
                gr.priorities = priorities(
                    gr.result, target=t, count=count, model=m, context={}, lang=lang
                )
            out.append(gr)
            step(name)
        return out

    reports = group_reports(split) if split is not None else []
    start = where_to_start(result, count=count, target=t, model=m, lang=lang)
    role_column = _role_column(rs, roles, grp.by if grp is not None else [])
    role_reports: list[GroupReport] = []
    if role_column is not None:
        role_split = disclosure.breakdown(rs, [role_column], pol, lang)
        steps.grow(len(role_split.cells))
        role_reports = group_reports(role_split)
    rates = _response_rates(rs, cmp, wave, reports, invited)
    source = Path(rs.source).name if rs.source else texts("cli.responses")
    target_label = None if t is None else t.name(lang)  # named in the report's language
    profile = _profile(m, result, texts, cmp, gap_result, target_label, wave)
    notes = [texts.message(n) for n in rs.notes]
    if waves_note is not None:  # what the report is about comes first
        notes.insert(0, texts.message(waves_note))
    if cmp is not None:
        notes += cmp.notes
    if grp is not None:
        notes += grp.notes
    notes += prio.notes
    if gap_result is not None:
        notes += gap_result.notes
    notes += [texts("note.insight_left_out", title=ins.title) for ins in left_out]
    notes += disclosure.notes_for(pol, lang)
    quadrant_groups = grp if grp is not None else _insight_groups(rs, result, insights, pol, lang)
    data = ReportData(
        model=m,
        texts=texts,
        title=title or _default_title(m, texts, wave),
        responses=rs,
        result=result,
        priorities=prio,
        reliability=rel,
        profile=profile,
        statements=_statement_rows(m, result, lang),
        source_name=source,
        wave=wave,
        target_label=target_label,
        gap=gap_result,
        benchmark=_benchmark_gap(m, result, lang, pol),
        compare=cmp,
        groups=grp,
        group_reports=reports,
        quadrant=_quadrant(m, result, texts, cmp, quadrant_groups),
        where=list(where or []),
        notes=list(dict.fromkeys(notes)),
        inputs=inputs,
        policy=pol,
        waves_note=waves_note,
        start=start,
        roles=role_reports,
        role_column=role_column,
        response_rates=rates,
    )
    # the plugin's sections see what every sheet shows: published figures only
    section_context = {
        "lang": lang,
        "count": count,
        "target": t,
        "groups": list(grp.by) if grp is not None else [],
        "disclosure": pol,
    }
    data.sections = collect_sections(data, section_context)
    return data


def _own_threshold_insights(result: ScoreResult, pol: disclosure.DisclosurePolicy) -> list:
    """Leave out the model insights that say they used another minimum group size than the
    report's policy (a plugin takes the policy from its hook context and never applies a
    threshold of its own; one that did could show a group the report hides); returns them.
    Nothing is left out with the protection off."""
    if not pol.protected:
        return []
    kept, left_out = [], []
    for ins in result.insights:
        used = ins.data.get("min_size") if isinstance(ins.data, dict) else None
        (kept if used is None or used == pol.min_size else left_out).append(ins)
    result.insights = kept
    return left_out


def _insight_groups(
    rs: ResponseSet,
    result: ScoreResult,
    insights: list,
    pol: disclosure.DisclosurePolicy,
    lang: str,
) -> GroupResult | None:
    """Without report groups, the 2x2 shows the groups of the plugin's group insight
    (``dimios.groups.<column>``), scored here under the report's policy."""
    if result.insight("dimios.quadrant") is None:
        return None
    for ins in insights:
        if ins.key.startswith("dimios.groups."):
            columns = ins.key.removeprefix("dimios.groups.").split(" / ")
            try:
                return groups_api(rs, columns, min_size=pol, lang=lang, top=0)
            except MognadError:
                return None
    return None


def _default_title(model: MaturityModel, texts: Texts, wave: str | None) -> str:
    base = texts("report.title")
    return f"{base} {wave}" if wave else base
