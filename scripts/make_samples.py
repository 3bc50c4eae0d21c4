"""Regenerate the bundled sample response files (seeded: the same files every time).

python scripts/make_samples.py
"""

from __future__ import annotations

from pathlib import Path

from mognad_core import get_model
from mognad_core.sample_data import generate_responses, write_csv, write_xlsx

ROOT = Path(__file__).resolve().parent.parent
DIMIOS = ROOT / "plugins" / "dimios" / "mognad_dimios" / "samples"
DMM = ROOT / "plugins" / "dmm_nine_engines" / "mognad_dmm" / "samples"

LEADERSHIP_GROUPS = {
    "Kommunledningsgruppen": 1.0,
    "Socialförvaltningens ledningsgrupp": 1.0,
    "Barn- och utbildnings ledningsgrupp": 1.0,
    "Samhällsbyggnads ledningsgrupp": 1.0,
}


def main() -> None:
    dimios = get_model("dimios")
    frame = generate_responses(dimios, n=240, seed=2025, waves=(2024, 2025))
    write_xlsx(frame, DIMIOS / "dimios_sample.xlsx")
    for year in (2024, 2025):
        write_csv(frame[frame["år"] == year], DIMIOS / f"dimios_{year}.csv")
    dmm = get_model("dmm")
    frame = generate_responses(
        dmm,
        n=28,
        seed=7,
        waves=(2025,),
        groups=LEADERSHIP_GROUPS,
        group_column="ledningsgrupp",
        roles=False,
        missing_rate=0.0,
    )
    write_xlsx(frame, DMM / "dmm_sample.xlsx")
    print("wrote", DIMIOS, DMM)


if __name__ == "__main__":
    main()
