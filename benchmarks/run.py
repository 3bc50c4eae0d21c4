"""mognad's benchmarks: every ratio measured side by side in one run, with its target.

Run from the repository root with the project's Python::

    .venv/bin/python benchmarks/run.py            # the sizes of issue 8 (a few minutes)
    .venv/bin/python benchmarks/run.py --quick    # small sizes, a few seconds (a smoke run)

Every benchmark prints one line ``[PASS]`` or ``[FAIL]`` with what was measured and its target;
the exit code is 1 when any target is missed. Timings are the best of several runs
(``time.perf_counter``). Quick sizes are far from the targets' sizes: their PASS/FAIL says
nothing. The results of a full run are recorded in ``docs/performance.md``.

The benchmarks:

* ``score``: :func:`mognad_core.score` on a pandas DataFrame of 1,000,000 respondents, against
  :func:`numpy_baseline`, which does the same arithmetic in plain numpy (and checks nothing).
* ``read``: :func:`mognad_core.read_responses` of a 100,000 x 30 .xlsx response sheet against
  openpyxl in read-only mode iterating every value (the file is made once, in ``.cache/``);
  python-calamine alone (parsing it into Python cells, taking turns with mognad) is printed
  beside it, and a growth table over 10,000-200,000 rows.
* ``udf``: a cached call of ``MOGNAD_SCORE`` on an unchanged 10,000-row range (best of 100)
  against a fresh one (cache cleared); every call gets its own copy of the range, as Excel
  passes one.
* ``compare``: the bootstrap of :func:`mognad_core.compare` (2,000 resamples of each of two
  waves of 20,000 respondents), and the whole comparison beside it.
* ``recalc``: :func:`mognad_excel.recalc.recalc` (what ``mognad excel recalc`` runs) of the
  template workbook filled with 1,000 responses.
* ``memory``: peak memory of scoring 1,000,000 respondents x 25 statements, measured with
  tracemalloc in a child process (numpy reports its buffers to tracemalloc).
* ``cli-help``, ``cli-score``, ``cli-report``: whole ``mognad`` processes (start-up, imports,
  plugins, the work, the output), against a Python that only imports what such a command
  cannot do without: ``mognad --help`` against ``import json``, ``mognad score`` of the
  240-row DiMiOS sample CSV against ``import pandas``, ``mognad report`` of the DiMiOS sample
  workbook with ``--compare år --groups förvaltning`` against ``import pandas, openpyxl``.
  The commands take turns, best of several. ``cli-report`` adds a growth table: the same
  report of two waves of 240 to 25,000 respondents each (made by ``make_responses``, once, in
  ``.cache/``).
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import io
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from scipy import stats

import mognad_core as mognad

ROOT = Path(__file__).resolve().parent.parent
CACHE = Path(__file__).resolve().parent / ".cache"  # --cache-dir changes it
SEED = 20240508


@dataclasses.dataclass
class Sizes:
    respondents: int  # score and memory
    statements: int
    read_rows: int
    read_columns: int
    udf_rows: int
    udf_calls: int
    recalc_rows: int
    growth_respondents: tuple[int, ...]
    growth_statements: tuple[int, ...]
    repeat: int  # best of
    repeat_slow: int  # best of, for openpyxl


FULL = Sizes(1_000_000, 25, 100_000, 30, 10_000, 100, 1_000, (10_000, 100_000, 1_000_000),
             (10, 25, 50), 5, 2)  # fmt: skip
QUICK = Sizes(20_000, 25, 2_000, 30, 1_000, 100, 100, (1_000, 10_000), (10, 25), 3, 1)


# ---- results -------------------------------------------------------------------------------
@dataclasses.dataclass
class Result:
    name: str
    measured: str
    target: str
    passed: bool

    def line(self) -> str:
        verdict = "PASS" if self.passed else "FAIL"
        return f"[{verdict}] {self.name}: {self.measured}; target {self.target}"


RESULTS: list[Result] = []


def report(name: str, measured: str, target: str, passed: bool) -> None:
    result = Result(name, measured, target, bool(passed))
    RESULTS.append(result)
    print(result.line(), flush=True)


def info(text: str) -> None:
    print(f"       {text}", flush=True)


def best(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    """The shortest of ``repeat`` runs (seconds) and the last run's value."""
    times = []
    value = None
    for _ in range(max(repeat, 1)):
        start = time.perf_counter()
        value = fn()
        times.append(time.perf_counter() - start)
    return min(times), value


def secs(t: float) -> str:
    return f"{t * 1000:,.1f} ms" if t < 1 else f"{t:,.2f} s"


# ---- the machine ---------------------------------------------------------------------------
def _cpu_model() -> str:
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or platform.machine()


def _memory_gb() -> float | None:
    with contextlib.suppress(ValueError, OSError, AttributeError):
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024**3
    return None


def machine_facts() -> None:
    from importlib import metadata

    cpus = os.cpu_count()
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else cpus
    memory = _memory_gb()
    versions = []
    for dist in ("numpy", "pandas", "scipy", "python-calamine", "openpyxl", "pycel"):
        with contextlib.suppress(metadata.PackageNotFoundError):
            versions.append(f"{dist} {metadata.version(dist)}")
    print("Machine")
    print(f"  {platform.platform()}; CPU {_cpu_model()}")
    print(
        f"  {cpus} logical CPUs ({usable} usable by this process)"
        + (f"; {memory:.1f} GB memory" if memory else "")
    )
    print(f"  Python {platform.python_version()}; mognad {mognad.__version__}")
    print(f"  {', '.join(versions)}")
    print()


# ---- scoring -------------------------------------------------------------------------------
def bench_model(statements: int, dimensions: int = 5) -> mognad.MaturityModel:
    """A DiMiOS-shaped model: a 1-5 scale, "vet ej" and the numeric don't-know code 9 (as survey
    tools export it), ``dimensions`` dimensions, the first statement of each reversed."""
    per = [statements // dimensions + (d < statements % dimensions) for d in range(dimensions)]
    return mognad.model_from_dict(
        {
            "name": f"bench{statements}",
            "title": f"Benchmark model, {statements} statements",
            "scale": {"min": 1, "max": 5, "dont_know": ["vet ej", "9"]},
            "dimensions": [
                {
                    "id": f"d{d}",
                    "label": f"Dimension {d}",
                    "weight": 1 + d % 2,
                    "statements": [
                        {"id": f"s{d}_{j}", "text": f"Statement {d}.{j}", "reverse": j == 0}
                        for j in range(per[d])
                    ],
                }
                for d in range(dimensions)
                if per[d]
            ],
        }
    )


def answers_frame(model: mognad.MaturityModel, respondents: int, seed: int = SEED) -> pd.DataFrame:
    """Whole answers over the model's scale (1-5 for the DiMiOS-shaped model, 1-6 for dimios),
    10 % blank (NaN) and, when the model has the code 9, 5 % don't know.

    Built column by column, so no temporary is larger than one column."""
    rng = np.random.default_rng(seed)
    codes = [t for t in model.scale.dont_know if t.strip().isdigit()]
    low, high = int(model.scale.min), int(model.scale.max)
    columns = {}
    for sid in model.statement_ids:
        col = rng.integers(low, high + 1, size=respondents).astype(float)
        u = rng.random(respondents)
        col[u < 0.10] = np.nan
        if codes:
            col[(u >= 0.10) & (u < 0.15)] = float(codes[0])
        columns[sid] = col
    return pd.DataFrame(columns)


def numpy_baseline(frame: pd.DataFrame, model: mognad.MaturityModel) -> dict[str, Any]:
    """mognad's arithmetic (docs/scoring.md) written plainly in numpy, all rows at once.

    Per statement: don't-know codes counted and taken out, n valid answers, mean (reversed items
    mapped min + max - x), score = (mean - min) / (max - min), sample sd, 95 % t-interval of the
    score, don't-know share. Per dimension (children aggregation): the weighted mean of its
    children's scores, respondents with an answer below it, don't-know share. Overall: the
    weighted mean of the top-level dimensions. Unlike mognad it validates nothing: every cell is
    trusted to be blank, a don't-know code or an answer on the scale.
    """
    lo, hi = float(model.scale.min), float(model.scale.max)
    x = frame[model.statement_ids].to_numpy(dtype=float, copy=True)
    dk = np.zeros(x.shape, dtype=bool)
    for token in model.scale.dont_know:
        with contextlib.suppress(ValueError):
            dk |= x == float(token)
    x[dk] = np.nan
    valid = ~np.isnan(x)
    n = valid.sum(axis=0)
    dk_n = dk.sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        raw = np.where(valid, x, 0.0).sum(axis=0) / n
        dev = np.where(valid, x - raw, 0.0)
        sd = np.sqrt(np.einsum("ij,ij->j", dev, dev) / (n - 1))
        sd[n < 2] = np.nan
        reverse = np.array([s.reverse for s in model.statements])
        mean = np.where(reverse, lo + hi - raw, raw)
        score = (mean - lo) / (hi - lo)
        half = stats.t.ppf(0.975, np.maximum(n - 1, 1)) * sd / np.sqrt(n) / (hi - lo)
        ci = np.clip(score - half, 0, 1), np.clip(score + half, 0, 1)
        dk_share = dk_n / (n + dk_n)
    col = {sid: j for j, sid in enumerate(model.statement_ids)}

    def weighted(scores: list[float], weights: list[float]) -> float:
        s, w = np.array(scores, dtype=float), np.array(weights, dtype=float)
        ok = ~np.isnan(s)
        return float((s[ok] * w[ok]).sum() / w[ok].sum()) if ok.any() else float("nan")

    dims: dict[str, dict[str, float]] = {}

    def dimension(d) -> float:
        scores = [score[col[s.id]] for s in d.statements] + [dimension(c) for c in d.categories]
        weights = [s.weight for s in d.statements] + [c.weight for c in d.categories]
        under = [col[s.id] for s in model.statements_under(d.id)]
        answers, dks = n[under].sum(), dk_n[under].sum()
        dims[d.id] = {
            "score": weighted(scores, weights),
            "n": int(valid[:, under].any(axis=1).sum()),
            "dont_know_share": dks / (answers + dks) if answers + dks else float("nan"),
        }
        return dims[d.id]["score"]

    tops = model.dimensions
    overall = weighted([dimension(d) for d in tops], [d.weight for d in tops])
    return {"score": score, "ci": ci, "sd": sd, "dk_share": dk_share, "n": n, "dims": dims,
            "overall": overall}  # fmt: skip


def _agree(result: mognad.ScoreResult, base: dict[str, Any], model) -> float:
    """Largest difference between mognad's figures and the baseline's (they must agree)."""
    diffs = [abs(result.overall - base["overall"])]
    for j, sid in enumerate(model.statement_ids):
        s = result.statements[sid]
        assert s.n == base["n"][j], sid
        diffs += [abs(s.score - base["score"][j]), abs(s.sd - base["sd"][j])]
        diffs += [abs(s.ci_low - base["ci"][0][j]), abs(s.ci_high - base["ci"][1][j])]
        diffs.append(abs(s.dont_know_share - base["dk_share"][j]))
    for did, d in base["dims"].items():
        assert result.dimensions[did].n == d["n"], did
        diffs.append(abs(result.dimensions[did].score - d["score"]))
    return max(diffs)


def run_score(sizes: Sizes) -> None:
    cases = [
        (bench_model(sizes.statements), f"{sizes.statements}-statement DiMiOS-shaped model"),
        (mognad.get_model("dimios"), "dimios"),
    ]
    for model, label in cases:
        k = len(model.statement_ids)
        frame = answers_frame(model, sizes.respondents)
        t_lib, _ = best(lambda m=model, f=frame: mognad.score(f, m), sizes.repeat)
        t_np, base = best(lambda m=model, f=frame: numpy_baseline(f, m), sizes.repeat)
        ratio = t_lib / t_np
        report(
            f"score {sizes.respondents:,} x {k} ({label})",
            f"mognad.score {secs(t_lib)}, numpy baseline {secs(t_np)}, ratio {ratio:.2f}x",
            "<= 1.5x the baseline and < 1 s",
            ratio <= 1.5 and t_lib < 1.0,
        )
        exact = mognad.score(frame, model, min_size=1)  # published figures are rounded
        info(
            f"published as the default policy has it (rounded, k = 5); unrounded (min_size=1) "
            f"they agree with the baseline to {_agree(exact, base, model):.1e}"
        )
        del frame


def run_growth(sizes: Sizes) -> None:
    """How the cost grows: mognad.score for respondents x statements."""
    print()
    print("How scoring time grows (mognad.score on a DataFrame; best of 3)")
    header = "  respondents" + "".join(f"{k:>12} st." for k in sizes.growth_statements)
    print(header + "   ns per answer")
    for r in sizes.growth_respondents:
        cells = []
        per = []
        for k in sizes.growth_statements:
            model = bench_model(k)
            frame = answers_frame(model, r)
            t, _ = best(lambda m=model, f=frame: mognad.score(f, m), 3)
            cells.append(f"{secs(t):>16}")
            per.append(f"{t / (r * k) * 1e9:.1f}")
            del frame
        print(f"  {r:>11,}" + "".join(cells) + "   " + " / ".join(per))
    print()


# ---- reading an .xlsx ----------------------------------------------------------------------
ATTRIBUTES = ["respondent", "år", "förvaltning", "roll", "enhet", "kön"]


def response_workbook(rows: int, columns: int) -> Path:
    """A response sheet as a survey tool exports it (made once, kept in benchmarks/.cache/):
    attribute columns, then DiMiOS statements; whole answers, "Vet ej" and blank cells; shared
    strings, as Excel writes them."""
    import xlsxwriter  # a dependency of python-pptx, which mognad depends on

    ids = mognad.get_model("dimios").statement_ids
    attrs = ATTRIBUTES[: max(columns - len(ids), 0)]
    ids = ids[: columns - len(attrs)]
    path = CACHE / f"responses_{rows}x{len(attrs) + len(ids)}.xlsx"  # seeded: same every time
    if path.exists():
        return path
    CACHE.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(SEED)
    answers = rng.integers(1, 6, size=(rows, len(ids)))
    u = rng.random((rows, len(ids)))
    offices = ["Socialförvaltningen", "Kommunledningskontoret", "Utbildningsförvaltningen"]
    roles = ["Chef", "Medarbetare", "Förtroendevald"]
    tmp = path.with_suffix(".tmp.xlsx")
    wb = xlsxwriter.Workbook(str(tmp))
    ws = wb.add_worksheet("Svar")
    ws.write_row(0, 0, attrs + ids)
    for i in range(rows):
        extra = [i + 1, 2024, offices[i % 3], roles[i % 3 - 1], f"Enhet {i % 41}", "KM"[i % 2]]
        ws.write_row(i + 1, 0, extra[: len(attrs)])
        for j in range(len(ids)):
            if u[i, j] < 0.05:
                continue  # a blank cell
            value = "Vet ej" if u[i, j] < 0.10 else int(answers[i, j])
            ws.write(i + 1, len(attrs) + j, value)
    wb.close()
    os.replace(tmp, path)
    return path


def _openpyxl_all_values(path: Path) -> int:
    import openpyxl

    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    cells = 0
    for row in wb.worksheets[0].iter_rows(values_only=True):
        for _value in row:
            cells += 1
    wb.close()
    return cells


def run_read(sizes: Sizes) -> None:
    start = time.perf_counter()
    path = response_workbook(sizes.read_rows, sizes.read_columns)
    made = time.perf_counter() - start
    if made > 1:
        info(f"made {path} in {made:.0f} s (kept for the next run)")
    t_lib, t_parse = float("inf"), float("inf")
    for _ in range(sizes.repeat_slow + 1):  # taking turns: a busy moment hits both alike
        t, rs = best(lambda: mognad.read_responses(path, "dimios"), 1)
        t_lib = min(t_lib, t)
        t_parse = min(t_parse, best(lambda: _calamine_cells(path), 1)[0])
    t_op, cells = best(lambda: _openpyxl_all_values(path), sizes.repeat_slow)
    assert rs.n == sizes.read_rows and cells == (sizes.read_rows + 1) * sizes.read_columns
    speedup = t_op / t_lib
    report(
        f"read {sizes.read_rows:,} x {sizes.read_columns} .xlsx",
        f"mognad.read_responses {secs(t_lib)}, openpyxl read-only {secs(t_op)}, "
        f"{speedup:.1f}x faster",
        ">= 10x faster than openpyxl",
        speedup >= 10,
    )
    mb = path.stat().st_size / 1e6
    info(f"{mb:.1f} MB file; mognad reads, checks and validates every cell, openpyxl only reads")
    info(
        f"python-calamine alone (parse and Python cells, nothing checked; taking turns with "
        f"mognad): {secs(t_parse)}, {t_op / t_parse:.1f}x faster than openpyxl; mognad adds "
        f"{secs(t_lib - t_parse)} ({t_lib / t_parse - 1:.0%}): the limit scan, validation, frames"
    )


def _calamine_cells(path: Path) -> int:
    """What python-calamine alone costs: the sheet parsed and turned into Python cells, with the
    garbage collector paused meanwhile as mognad pauses it (else its passes over the millions
    of new cells would be timed too)."""
    import gc

    import python_calamine

    gc.disable()
    try:
        wb = python_calamine.CalamineWorkbook.from_path(str(path))
        rows = wb.get_sheet_by_name(wb.sheet_names[0]).to_python(skip_empty_area=True)
        return len(rows)
    finally:
        gc.enable()


#: rows of the reading growth table (the 30 columns of the read benchmark)
READ_GROWTH = {"full": (10_000, 100_000, 200_000), "quick": (500, 2_000)}


def run_read_growth(sizes: Sizes) -> None:
    """How reading time grows with rows: mognad.read_responses and python-calamine alone."""
    rows_list = READ_GROWTH["quick" if sizes is QUICK else "full"]
    print()
    print(f"How reading time grows (.xlsx, {sizes.read_columns} columns; best of "
          f"{sizes.repeat_slow + 1})")  # fmt: skip
    print(f"  {'rows':>9} {'file':>8} {'mognad':>10} {'calamine':>10} {'mognad/cell':>12} "
          f"{'calamine/cell':>14}")  # fmt: skip
    for rows in rows_list:
        path = response_workbook(rows, sizes.read_columns)
        cells = (rows + 1) * sizes.read_columns
        t_lib, rs = best(lambda p=path: mognad.read_responses(p, "dimios"), sizes.repeat_slow + 1)
        assert rs.n == rows
        del rs
        t_cal, _ = best(lambda p=path: _calamine_cells(p), sizes.repeat_slow + 1)
        mb = path.stat().st_size / 1e6
        print(
            f"  {rows:>9,} {mb:>6.1f}MB {secs(t_lib):>10} {secs(t_cal):>10} "
            f"{t_lib / cells * 1e6:>9.2f} us {t_cal / cells * 1e6:>11.2f} us",
            flush=True,
        )
    print()


# ---- MOGNAD_SCORE, cached --------------------------------------------------------------------
def excel_range(rows: int) -> list[list[Any]]:
    """A response range as Excel passes it: header row, then floats, "Vet ej" and None."""
    model = mognad.get_model("dimios")
    rng = np.random.default_rng(SEED)
    answers = rng.integers(1, 6, size=(rows, len(model.statement_ids))).astype(float)
    u = rng.random(answers.shape)
    out: list[list[Any]] = [["förvaltning", "roll", *model.statement_ids]]
    for i in range(rows):
        cells: list[Any] = answers[i].tolist()
        for j in np.flatnonzero(u[i] < 0.10):
            cells[j] = None if u[i, j] < 0.05 else "Vet ej"
        out.append(["Socialförvaltningen" if i % 2 else "Kommunledningskontoret", "Chef", *cells])
    return out


def run_udf(sizes: Sizes) -> None:
    """A cached call against a fresh one: Excel passes new lists and cells on every call, so a
    cached call still reads every cell once (the content key); the rest is a lookup."""
    from mognad_excel import udfs
    from mognad_excel.cache import content_key

    grid = excel_range(sizes.udf_rows)

    def fresh() -> list[list[Any]]:
        return [list(r) for r in grid]  # Excel passes new lists on every call

    def timed_call() -> float:
        value = fresh()
        start = time.perf_counter()
        out = udfs.MOGNAD_SCORE(value, "dimios")
        elapsed = time.perf_counter() - start
        assert isinstance(out, float), out
        return elapsed

    def fresh_call() -> float:
        udfs.clear_cache()
        return timed_call()

    first = min(fresh_call() for _ in range(sizes.repeat))
    computed = udfs.CACHE.stats().computed
    cached = min(timed_call() for _ in range(sizes.udf_calls))
    stats_ = udfs.CACHE.stats()
    assert stats_.computed == computed, "a cached call computed again"
    value = fresh()
    t_key, _ = best(lambda: content_key(value), sizes.repeat)
    ratio = cached / first
    report(
        f"a cached MOGNAD_SCORE call on an unchanged {sizes.udf_rows:,}-row range",
        f"cached call {secs(cached)}, fresh call {secs(first)}, ratio {ratio:.3f}x",
        "<= 0.15x a fresh call",
        ratio <= 0.15,
    )
    cells = sum(len(r) for r in grid)
    info(
        f"of which the content key {secs(t_key)} ({cells:,} cells, "
        f"{t_key / cells * 1e9:.0f} ns a cell); best of {sizes.udf_calls} cached calls, each on "
        f"a new copy of the range; cache: {stats_.computed} computed, {stats_.hits} hits"
    )


# ---- compare: the bootstrap ---------------------------------------------------------------
def compare_wave(model: Any, respondents: int, seed: int) -> pd.DataFrame:
    """One wave as a survey tool exports it: answers over the model's scale, about 5 % "Vet ej"
    and 5 % blank."""
    ids = model.statement_ids
    rng = np.random.default_rng(seed)
    lo, hi = int(model.scale.min), int(model.scale.max)
    answers = rng.integers(lo, hi + 1, size=(respondents, len(ids))).astype(object)
    u = rng.random(answers.shape)
    answers[u < 0.05] = None
    answers[(u >= 0.05) & (u < 0.10)] = "Vet ej"
    return pd.DataFrame(answers, columns=ids)


def run_compare(sizes: Sizes) -> None:
    from mognad_core.analysis.compare import _boot_scores

    n = 2_000 if sizes is QUICK else 20_000
    n_boot = 2000
    model = mognad.get_model("dimios")
    waves = [mognad.prepare(compare_wave(model, n, SEED + k), model) for k in (0, 1)]

    def bootstrap(resampling: str = "index") -> None:  # both waves from one seeded generator
        rng = np.random.default_rng(2025)
        for rs in waves:
            _boot_scores(rs, n_boot, rng, resampling)

    t_boot, _ = best(bootstrap, sizes.repeat_slow + 1)
    t_old, _ = best(lambda: bootstrap("multinomial"), 1)
    t_all, result = best(lambda: mognad.compare(*waves, n_boot=n_boot), sizes.repeat_slow + 1)
    assert result.n_boot == n_boot and result.overall.ci_low is not None
    report(
        f"compare 2 x {n:,} respondents, {n_boot:,} bootstrap resamples",
        f"the bootstrap {secs(t_boot)}, the whole compare {secs(t_all)}",
        "<= 1 s for the bootstrap",
        t_boot <= 1.0,
    )
    info(
        "resamples drawn as respondent numbers (rng.integers) and counted; mognad 0.1.0's "
        f'multinomial draws (resampling="multinomial") took {secs(t_old)} in this run'
    )


# ---- mognad excel recalc -------------------------------------------------------------------
def filled_template(folder: Path, rows: int) -> Path:
    import openpyxl
    from mognad_excel.template import write_template

    template = folder / "mall.xlsx"
    write_template("dimios", template)
    grid = excel_range(rows)
    wb = openpyxl.load_workbook(template)
    ws = wb["Svar"]
    columns = {ws.cell(1, c).value: c for c in range(1, ws.max_column + 1)}
    for i, row in enumerate(grid[1:], start=2):
        for name, value in zip(grid[0], row, strict=True):
            if value is not None and name in columns:
                ws.cell(i, columns[name], value)
    filled = folder / "ifylld.xlsx"
    wb.save(filled)
    return filled


def run_recalc(sizes: Sizes) -> None:
    from mognad_excel.recalc import recalc

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        filled = filled_template(folder, sizes.recalc_rows)
        counter = iter(range(1000))

        def once():
            return recalc(filled, folder / f"ut{next(counter)}.xlsx")

        t, rep = best(once, sizes.repeat_slow + 1)
        assert not rep.failed, rep.failed
        report(
            f"mognad excel recalc, template filled with {sizes.recalc_rows:,} responses",
            f"{secs(t)} (recalc(), the function the command runs, in this process)",
            "< 2 s",
            t < 2,
        )
        if sizes is QUICK:
            return
        cmd = [sys.executable, "-m", "mognad_core", "excel", "recalc", str(filled)]
        start = time.perf_counter()
        done = subprocess.run([*cmd, "-o", str(folder / "cli.xlsx")], capture_output=True)
        cli = time.perf_counter() - start
        assert done.returncode == 0, done.stderr.decode()
        info(
            f"the whole command in a new process: {secs(cli)} "
            f"(Python start-up and imports included; not the target)"
        )


# ---- memory --------------------------------------------------------------------------------
def _status_kb(field: str) -> int | None:
    """A field of /proc/self/status in kB (Linux), else None."""
    with contextlib.suppress(OSError, ValueError, IndexError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return None


def _memory_child(respondents: int, statements: int) -> None:
    """In a child process: the peak memory of mognad.score, as JSON on stdout.

    tracemalloc counts every allocation numpy and Python make while scoring (the input frame is
    made before it starts). As a cross-check the process's peak resident size is reset just
    before scoring (Linux: /proc/self/clear_refs) and read after it."""
    import tracemalloc

    model = bench_model(statements)
    frame = answers_frame(model, respondents)
    mognad.score(frame.iloc[:1000], model)  # imports and first-call set-up, not measured
    raw = int(frame.memory_usage(index=False).sum())
    rss_before = _status_kb("VmRSS")
    try:
        Path("/proc/self/clear_refs").write_text("5")  # resets VmHWM to the current size
    except OSError:
        rss_before = None
    tracemalloc.start()
    mognad.score(frame, model)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    hwm = _status_kb("VmHWM")
    growth = None if rss_before is None or hwm is None else hwm - rss_before
    print(json.dumps({"raw": raw, "peak": peak, "rss_growth_kb": growth}))


def run_memory(sizes: Sizes) -> None:
    code = [sys.executable, str(Path(__file__).resolve()), "--memory-child"]
    args = [str(sizes.respondents), str(sizes.statements)]
    done = subprocess.run([*code, *args], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout.strip().splitlines()[-1])
    raw, peak = data["raw"], data["peak"]
    total = (raw + peak) / raw
    report(
        f"memory, scoring {sizes.respondents:,} x {sizes.statements}",
        f"peak {(raw + peak) / 1e6:,.0f} MB = the input frame {raw / 1e6:,.0f} MB + "
        f"{peak / 1e6:,.0f} MB while scoring, {total:.2f}x the raw data",
        "< 5x the raw data",
        total < 5,
    )
    growth = data["rss_growth_kb"]
    info(
        "tracemalloc in a child process"
        + (
            f"; its peak resident size grew by {growth / 1024:,.0f} MB while scoring"
            if growth is not None
            else ""
        )
    )


# ---- command start, score and report: whole processes ----------------------------------
DIMIOS_SAMPLES = ROOT / "plugins" / "dimios" / "mognad_dimios" / "samples"


def _mognad() -> list[str]:
    """The ``mognad`` command as users run it: the console script beside this Python."""
    script = Path(sys.executable).with_name("mognad")
    return [str(script)] if script.exists() else [sys.executable, "-m", "mognad_core"]


def processes(commands: dict[str, list[str]], repeat: int) -> dict[str, float]:
    """The best of ``repeat`` wall times (seconds) of each command, each in a new process; the
    commands take turns, so that a busy moment of a shared machine hits them alike.

    Every command runs once first, untimed, writing its bytecode to a folder of its own
    (``PYTHONPYCACHEPREFIX``), and is then timed reading it, as an installed mognad reads what
    pip compiled. Without that, under ``PYTHONDONTWRITEBYTECODE`` (set in some development
    shells) every module edited since its .pyc was written would be compiled again in every
    run, and the times would depend on which files had been edited."""
    times = {name: float("inf") for name in commands}
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(Path(tempfile.gettempdir()) / "mognad-benchmark-pycache")
    for command in commands.values():
        subprocess.run(command, capture_output=True, cwd=ROOT, env=env)
    for _ in range(max(repeat, 1)):
        for name, command in commands.items():
            start = time.perf_counter()
            done = subprocess.run(command, capture_output=True, cwd=ROOT, env=env)
            elapsed = time.perf_counter() - start
            assert done.returncode == 0, (command, done.stderr.decode(errors="replace"))
            times[name] = min(times[name], elapsed)
    return times


def _versus(name: str, what: str, base: str, times: dict[str, float], most: float) -> None:
    ratio = times["mognad"] / times["base"]
    report(
        name,
        f"{what} {secs(times['mognad'])}, {base} {secs(times['base'])}, ratio {ratio:.2f}x",
        f"<= {most:g}x {base}",
        ratio <= most,
    )


def run_cli_help(sizes: Sizes) -> None:
    times = processes(
        {"base": [sys.executable, "-c", "import json"], "mognad": [*_mognad(), "--help"]},
        sizes.repeat + 2,
    )
    _versus("mognad --help, whole process", "mognad --help", 'python -c "import json"', times, 10)


def run_cli_score(sizes: Sizes) -> None:
    sample = DIMIOS_SAMPLES / "dimios_2025.csv"
    rows = sum(1 for _ in sample.open(encoding="utf-8-sig")) - 1
    command = [*_mognad(), "score", str(sample), "--model", "dimios"]
    times = processes(
        {"base": [sys.executable, "-c", "import pandas"], "mognad": command}, sizes.repeat + 2
    )
    _versus(
        f"mognad score on a {rows:,}-row CSV, whole process",
        "mognad score",
        'python -c "import pandas"',
        times,
        1.5,
    )


def run_cli_report(sizes: Sizes) -> None:
    sample = DIMIOS_SAMPLES / "dimios_sample.xlsx"
    with tempfile.TemporaryDirectory() as tmp:
        command = [
            *_mognad(),
            "report",
            str(sample),
            "--model",
            "dimios",
            "--compare",
            "år",
            "--groups",
            "förvaltning",
            "--output",
            tmp + "/",
            "--force",
            "--no-progress",
        ]
        times = processes(
            {"base": [sys.executable, "-c", "import pandas, openpyxl"], "mognad": command},
            sizes.repeat_slow + 1,
        )
        written = sorted(p.name for p in Path(tmp).iterdir())
    _versus(
        "mognad report on the DiMiOS sample (--compare år --groups förvaltning), whole process",
        "mognad report",
        'python -c "import pandas, openpyxl"',
        times,
        5,
    )
    info(f"wrote {', '.join(written)} each time")


#: respondents per wave in the report growth table (two waves, 2024 and 2025)
REPORT_GROWTH = {"full": (240, 2_500, 25_000), "quick": (100, 400)}


def report_responses(per_wave: int) -> Path:
    """Two waves of DiMiOS answers with förvaltning and roll (mognad.make_responses, seeded),
    as a CSV in the cache folder, made once."""
    from mognad_core.sample_data import make_responses, write_csv

    path = CACHE / f"report_{per_wave}x2.csv"
    if not path.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        frame = make_responses("dimios", per_wave, SEED, groups=6, roles=True, waves=[2024, 2025])
        write_csv(frame, path)
    return path


def run_report_growth(sizes: Sizes) -> None:
    """How a whole ``mognad report`` (workbook and deck, --compare år --groups förvaltning)
    grows with respondents: new processes, start-up included."""
    per_wave = REPORT_GROWTH["quick" if sizes is QUICK else "full"]
    print()
    print(f"How report time grows (whole mognad report process, --compare år --groups "
          f"förvaltning; two waves; best of {sizes.repeat_slow + 1})")  # fmt: skip
    print(f"  {'respondents':>11} {'file':>8} {'report':>10} {'per 1,000 more':>15}")
    last = None
    for n in per_wave:
        path = report_responses(n)
        with tempfile.TemporaryDirectory() as tmp:
            command = [*_mognad(), "report", str(path), "--model", "dimios", "--compare", "år",
                       "--groups", "förvaltning", "--output", tmp + "/", "--force",
                       "--no-progress"]  # fmt: skip
            t = processes({"mognad": command}, sizes.repeat_slow + 1)["mognad"]
        more = "" if last is None else secs((t - last[1]) / (2 * n - last[0]) * 1000)
        print(f"  {2 * n:>11,} {path.stat().st_size / 1e6:>6.1f}MB {secs(t):>10} {more:>15}",
              flush=True)  # fmt: skip
        last = (2 * n, t)
    print()


# ---- main ----------------------------------------------------------------------------------
BENCHMARKS = {
    "score": run_score,
    "read": run_read,
    "udf": run_udf,
    "compare": run_compare,
    "recalc": run_recalc,
    "memory": run_memory,
    "cli-help": run_cli_help,
    "cli-score": run_cli_score,
    "cli-report": run_cli_report,
}


def main(argv: list[str] | None = None) -> int:
    global CACHE
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes (a smoke run)")
    parser.add_argument(
        "--only", action="append", choices=sorted(BENCHMARKS), help="run only these benchmarks"
    )
    parser.add_argument("--no-growth", action="store_true", help="skip the growth table")
    parser.add_argument(
        "--cache-dir", type=Path, help=f"where generated workbooks are kept (default {CACHE})"
    )
    parser.add_argument("--memory-child", nargs=2, type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.memory_child:
        _memory_child(*args.memory_child)
        return 0
    sizes = QUICK if args.quick else FULL
    if args.cache_dir:
        CACHE = args.cache_dir
    warnings.simplefilter("ignore")  # a plugin warning must not break the table
    machine_facts()
    print("Quick sizes: the verdicts below say nothing about the targets." if args.quick else "")
    with contextlib.redirect_stderr(io.StringIO()):
        mognad.get_model("dimios")  # plugins loaded once, before any timing
    for name in args.only or list(BENCHMARKS):
        BENCHMARKS[name](sizes)
        if name == "score" and not args.no_growth:
            run_growth(sizes)
        if name == "read" and not args.no_growth:
            run_read_growth(sizes)
        if name == "cli-report" and not args.no_growth:
            run_report_growth(sizes)
    failed = [r for r in RESULTS if not r.passed]
    print()
    print(f"{len(RESULTS) - len(failed)} of {len(RESULTS)} targets met.")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
