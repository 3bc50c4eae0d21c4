"""benchmarks/run.py runs and reports every benchmark with its target (a smoke run at quick
sizes; the timing targets live in the script, not here: no timing is asserted)."""

from __future__ import annotations

import re
import subprocess
import sys

from conftest import ROOT

BENCHMARKS = [
    r"score [\d,]+ x 25 \(25-statement DiMiOS-shaped model\)",
    r"score [\d,]+ x 30 \(dimios\)",
    r"read [\d,]+ x 30 \.xlsx",
    r"a cached MOGNAD_SCORE call on an unchanged [\d,]+-row range",
    r"compare 2 x [\d,]+ respondents, 2,000 bootstrap resamples",
    r"mognad excel recalc, template filled with [\d,]+ responses",
    r"memory, scoring [\d,]+ x 25",
    r"mognad --help, whole process",
    r"mognad score on a 240-row CSV, whole process",
    r"mognad report on the DiMiOS sample \(--compare år --groups förvaltning\), whole process",
]


def test_quick_run_prints_every_benchmark_with_its_target_and_verdict(tmp_path):
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick", "--cache-dir", tmp_path],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    out = done.stdout
    assert done.returncode in (0, 1), done.stderr  # 1: a target missed (quick sizes say nothing)
    assert "Traceback" not in done.stderr
    verdicts = [line for line in out.splitlines() if re.match(r"\[(PASS|FAIL)\] ", line)]
    assert len(verdicts) == len(BENCHMARKS), out
    for pattern, line in zip(BENCHMARKS, verdicts, strict=True):
        assert re.match(rf"\[(PASS|FAIL)\] {pattern}: .+; target .+$", line), line
    met = sum(line.startswith("[PASS]") for line in verdicts)
    assert f"{met} of {len(BENCHMARKS)} targets met." in out
    assert done.returncode == (0 if met == len(BENCHMARKS) else 1)
    assert re.search(r"\d+ logical CPUs", out) and "Python 3." in out  # the machine facts
    assert "How scoring time grows" in out and "ns per answer" in out
    assert "they agree with the baseline to" in out
    assert "How reading time grows" in out and "calamine/cell" in out
    growth = out.split("How report time grows", 1)[1].split("\n\n", 1)[0].splitlines()
    assert [line.split()[0] for line in growth[2:]] == ["200", "800"]  # respondents, two waves
    assert all(re.search(r"\d s|\d ms", line) for line in growth[2:]), growth
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "report_100x2.csv",
        "report_400x2.csv",
        "responses_2000x30.xlsx",
        "responses_500x30.xlsx",
    ]
