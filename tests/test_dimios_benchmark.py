"""The gap to published DiMiOS figures, in percentage points, on hand-made answers.

The frames have two respondents: the arithmetic is checked with ``min_size=1`` (protection off).
"""

from __future__ import annotations

import mognad_dimios as dimios
import pandas as pd
import pytest
import yaml
from conftest import DIMIOS_MODEL_FILE

import mognad_core as mognad

IDS = [f"{d}{c}{i}" for d in "fa" for c in (1, 2, 3) for i in (1, 2, 3, 4, 5)]


@pytest.fixture
def result() -> mognad.ScoreResult:
    # on 1-6, förmåga answers 5 (0.8), arv answers 2 (0.2): overall 0.5
    return mognad.score(
        pd.DataFrame({s: [5, 5] if s.startswith("f") else [2, 2] for s in IDS}),
        model="dimios",
        min_size=1,
    )


def test_default_is_the_latest_national_figure(result):
    gap = dimios.benchmark_gap(result)
    assert gap.benchmark == "public_sector_2023" and gap.value == 0.47 and gap.year == 2023
    assert gap.gap_pp == pytest.approx(3.0) and gap.is_target is False
    assert gap.dimensions == {}  # the published figures are overall only
    assert "https://www.gu.se/en/node/115091" in gap.source and "juni 2023" in gap.source
    older = dimios.benchmark_gap(result, "national_2021")  # the older figures stay
    assert older.value == 0.48 and older.gap_pp == pytest.approx(2.0)
    assert "skr" in older.source.lower()
    assert "DiMiOS-verktyget" in gap.caveat


def test_named_targets_and_numbers(result):
    target = dimios.benchmark_gap(result, "TARGET_2023")
    assert target.benchmark == "target_2023" and target.is_target
    assert target.gap_pp == pytest.approx(-5.0)
    assert dimios.benchmark_gap(result, 0.45).gap_pp == pytest.approx(5.0)
    assert dimios.benchmark_gap(result, "45 %").gap_pp == pytest.approx(5.0)
    assert dimios.benchmark_gap(result, 60).gap_pp == pytest.approx(-10.0)
    with pytest.raises(mognad.ModelError, match=r"no benchmark 'national'.*national_2021"):
        dimios.benchmark_gap(result, "national")


def test_describe_in_both_languages(result):
    from mognad_dimios.benchmark import describe

    sv = describe(dimios.benchmark_gap(result))
    assert sv == (
        "Totalt 50,0 % är +3,0 procentenheter mot Offentlig sektor, statusrapport juni 2023 "
        "(GU/SCDI) (47 %)."
    )  # the catalogue's numbers: a decimal comma in Swedish, a true minus in either language
    en = describe(dimios.benchmark_gap(result, "target_2023", lang="en"))
    assert en.startswith("50.0 % overall is −5.0 percentage points against Target 2023")
    assert "(a target) (55 %)" in en


def test_per_dimension_benchmark_in_an_own_model(tmp_path):
    data = yaml.safe_load(DIMIOS_MODEL_FILE.read_text("utf-8"))
    data["name"] = "var_region"
    data["benchmarks"].append(
        {"name": "region_2024", "label": "Regionens snitt", "year": 2024, "overall": 0.6,
         "dimensions": {"formaga": 0.7, "arv": 0.5}}
    )  # fmt: skip
    data["meta"]["default_benchmark"] = "region_2024"
    path = tmp_path / "var_region.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    frame = pd.DataFrame({s: [5, 5] if s.startswith("f") else [2, 2] for s in IDS})
    result = mognad.score(frame, model=path, min_size=1)
    gap = dimios.benchmark_gap(result, model=path)
    assert gap.benchmark == "region_2024" and gap.gap_pp == pytest.approx(-10.0)
    assert gap.dimensions["formaga"].gap_pp == pytest.approx(10.0)  # 0.8 - 0.7
    assert gap.dimensions["arv"].gap_pp == pytest.approx(-30.0)  # 0.2 - 0.5
    ins = result.insight("dimios.benchmark")
    assert ins.title == "Jämförelse" and ins.data["benchmark"] == "region_2024"
    assert ins.data["dimensions"]["arv"]["gap_pp"] == pytest.approx(-30.0)


def test_model_without_benchmarks_has_no_comparison(tmp_path):
    data = yaml.safe_load(DIMIOS_MODEL_FILE.read_text("utf-8"))
    data["name"] = "utan_jamforelse"
    data["benchmarks"] = []
    data["meta"].pop("default_benchmark")
    path = tmp_path / "m.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    frame = pd.DataFrame({s: [6, 6] for s in IDS})  # 1.0
    result = mognad.score(frame, model=path, min_size=1)
    assert result.insight("dimios.benchmark") is None
    with pytest.raises(mognad.ModelError, match="has no benchmarks"):
        dimios.benchmark_gap(result, model=path)
    assert dimios.benchmark_gap(result, 0.5, model=path).gap_pp == pytest.approx(50.0)
