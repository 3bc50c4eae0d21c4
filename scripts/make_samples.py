"""Regenerate the bundled sample response files (seeded: the same files every time).

python scripts/make_samples.py   (replaces the files: force=True)
"""

from __future__ import annotations

from pathlib import Path

from mognad_core import get_model
from mognad_core.sample_data import generate_responses, write_csv, write_xlsx

ROOT = Path(__file__).resolve().parent.parent
DIMIOS = ROOT / "plugins" / "dimios" / "mognad_dimios" / "samples"
DMM = ROOT / "plugins" / "dmm_nine_engines" / "mognad_dmm" / "samples"
EU_DMA = ROOT / "plugins" / "eu_dma" / "mognad_eudma" / "samples"
ARBETSGRUPP = ROOT / "plugins" / "arbetsgrupp" / "mognad_arbetsgrupp" / "samples"

LEADERSHIP_GROUPS = {
    "Kommunledningsgruppen": 1.0,
    "Socialförvaltningens ledningsgrupp": 1.0,
    "Barn- och utbildnings ledningsgrupp": 1.0,
    "Samhällsbyggnads ledningsgrupp": 1.0,
}


#: The DMM leaders: one wave, four leadership groups, no roles, no blanks.
DMM_ARGS = dict(
    n=28,
    seed=7,
    waves=(2025,),
    groups=LEADERSHIP_GROUPS,
    group_column="ledningsgrupp",
    roles=False,
    missing_rate=0.0,
)


def dmm_frames():
    """The two DMM samples: ``dmm`` (27 statements) and ``dmm-original``, the same leaders and
    answers plus the Relationer statements rel1-rel3. Those come from the generator run for
    ``dmm-original`` with the same seed: it draws the same respondents (groups and maturity)
    before the answers, so each leader's Relationer answers fit their other answers."""
    dmm = generate_responses(get_model("dmm"), **DMM_ARGS)
    original = generate_responses(get_model("dmm-original"), **DMM_ARGS)
    relationer = [s for s in original.columns if s not in dmm.columns]
    assert (original["ledningsgrupp"] == dmm["ledningsgrupp"]).all()
    return dmm, dmm.join(original[relationer])


#: The work groups of one förvaltning: (name, respondents, maturity effect in logits). Work
#: groups are small: four of 7-11 respondents, and IT-stöd's 3, below the default min_size 5.
WORK_GROUPS = [
    ("Kundtjänst", 11, 0.3),
    ("Ekonomienheten", 8, 0.0),
    ("Bygglov", 7, -0.3),
    ("Förskolan Solrosen", 9, -0.1),
    ("IT-stöd", 3, 0.6),
]
#: the conditions' statements (förvaltningens förutsättningar), often answered "vet ej" by staff
CONDITION_DONT_KNOW = 0.18


def arbetsgrupp_frame():
    """The work-group sample: each group drawn on its own (exact sizes, its own seed), then
    extra "Vet ej" on the conditions (strategy, economy, infrastructure, support), which a work
    group often does not know; one wave, no roles."""
    import numpy as np
    import pandas as pd

    model = get_model("arbetsgrupp")
    frames = []
    for i, (name, n, effect) in enumerate(WORK_GROUPS):
        frame = generate_responses(
            model,
            n=n,
            seed=300 + i,
            waves=(2025,),
            groups={name: 1.0},
            group_column="arbetsgrupp",
            group_effects={name: effect},
            roles=False,
            missing_rate=0.0,
        )
        frames.append(frame)
    frame = pd.concat(frames, ignore_index=True)
    frame["respondent"] = [f"A{i + 1:03d}" for i in range(len(frame))]
    rng = np.random.default_rng(2026)
    conditions = [s.id for s in model.statements_under("forutsattningar")]
    extra = rng.random((len(frame), len(conditions))) < CONDITION_DONT_KNOW
    for j, sid in enumerate(conditions):
        frame.loc[extra[:, j], sid] = "Vet ej"
    return frame


def make_arbetsgrupp() -> Path:
    return write_xlsx(arbetsgrupp_frame(), ARBETSGRUPP / "arbetsgrupp_sample.xlsx", force=True)


#: The EU DMA sample: a municipality's management team answering individually (never one joint
#: row: 7 members, above the default min_size 5) at T0 and again at T1, a year later.
EU_DMA_TEAM = 7
EU_DMA_WAVES = {2025: "T0", 2026: "T1"}


def eu_dma_frame():
    """The EU DMA sample as Microsoft Forms exports it: one column per question headed by its
    Swedish text; a checklist's chosen options in one cell separated by ";" (with the trailing
    ";" Forms writes), "Inget" when none was chosen. The generator draws how many options a
    respondent chose (from their answer on the 0-5 scale); which ones follow a fixed order per
    question, the commoner ones first."""
    import numpy as np

    model = get_model("eu-dma")
    frame = generate_responses(
        model,
        n=EU_DMA_TEAM,
        seed=616,
        waves=tuple(EU_DMA_WAVES),
        improvement=0.6,
        groups={"Ledningsgruppen": 1.0},
        roles=False,
        missing_rate=0.0,
        dont_know_rate=0.0,
    )
    out = frame[["år"]].replace(EU_DMA_WAVES).rename(columns={"år": "mätning"})
    for j, s in enumerate(model.statements):
        drawn = frame[s.id]
        if not s.is_checklist:
            out[s.text] = drawn
            continue
        order = np.random.default_rng(700 + j).permutation(len(s.options))
        cells = []
        for v in drawn:
            k = int(v)
            chosen = [s.options[i].text for i in sorted(order[:k])]
            cells.append(";".join(chosen) + ";" if chosen else "Inget")
        out[s.text] = cells
    return out.reset_index(drop=True)


def make_eu_dma() -> Path:
    return write_xlsx(eu_dma_frame(), EU_DMA / "eu_dma_ledningsgrupp.xlsx", force=True)


def dimios5_frame():
    """The 1-5 variant's sample: one wave (2023) of Exempelkommun answered on five points, as
    files exported before DiMiOS moved to six points look."""
    return generate_responses(get_model("dimios-5"), n=240, seed=2023, waves=(2023,))


def make_dimios5() -> Path:
    return write_csv(dimios5_frame(), DIMIOS / "dimios5_2023.csv", force=True)


def main() -> None:
    dimios = get_model("dimios")
    frame = generate_responses(dimios, n=240, seed=2025, waves=(2024, 2025))
    write_xlsx(frame, DIMIOS / "dimios_sample.xlsx", force=True)
    for year in (2024, 2025):
        write_csv(frame[frame["år"] == year], DIMIOS / f"dimios_{year}.csv", force=True)
    dmm, dmm_original = dmm_frames()
    write_xlsx(dmm, DMM / "dmm_sample.xlsx", force=True)
    write_xlsx(dmm_original, DMM / "dmm_original_sample.xlsx", force=True)
    make_arbetsgrupp()
    make_eu_dma()
    make_dimios5()
    make_initiatives()
    print("wrote", DIMIOS, DMM, ARBETSGRUPP)


if __name__ == "__main__":
    main()


# ---- initiative portfolio (mognad portfolio) ----------------------------------------------
#: (initiative, status, statements/dimensions, effektivitet–innovation, operativt–strategiskt,
#: intern–extern nytta). Like Sundsvall's portfolio it leans to efficiency, operations and
#: internal benefit; the axis cells mix numbers (-2..2) and text labels, and one is blank, to
#: show every accepted form. Some weak statements (f22, a14, a22, a24) have no initiative.
INITIATIVES = [
    ("E-tjänsteplattform för invånare", "klar", "f13, f23", -1, -1, 2),
    ("Modell för nyttorealisering", "pågående", "f11, f14", -2, 1, -2),
    ("Projektkontor och portföljstyrning", "klar", "f14; f31", -2, 1, -2),
    ("Kostnadsuppföljning av it (TCO)", "pågående", "f12", -2, -1, -2),
    ("Automatisering av ekonomiprocesser", "klar", "f13", "effektivitet", "operativt", "intern"),
    ("Digital strategi 2025–2028", "klar", "a12, f32", 0, 2, "båda"),
    ("Styrmodell för digitalisering", "pågående", "a13", -1, 2, -2),
    ("Gemensam integrationsplattform", "pågående", "a32", -1, 1, -1),
    ("Informationshanteringsplan och datakatalog", "planerad", "a33", -2, "operativt", None),
    ("Avveckling av äldre verksamhetssystem", "planerad", "a34", -2, -1, -2),
    ("Kompetenslyft digital förmåga", "pågående", "a21", 0, 0, -2),
    ("Förvaltningsmodell för it-stöd", "klar", "a23", -2, -1, -2),
    ("Säkert nät och driftmiljö", "klar", "arv_tekniskt", -2, -2, -2),
    ("Omvärldsbevakning digitalisering", "planerad", "f21", "mest innovation", 1, -1),
    ("Välfärdsteknik i hemtjänsten", "pågående", "f24", 1, 0, 2),
    ("Digital medborgardialog", "planerad", "f23", "mest innovation", "operativt", "extern"),
]


def make_initiatives(path: Path = DIMIOS / "initiativ.xlsx") -> Path:
    """The sample initiative portfolio for the DiMiOS sample (``mognad portfolio``).

    The initiatives are fixed; the responsible förvaltning per initiative is drawn with a seeded
    generator (the column is not used by the analysis: extra columns are ignored).
    """
    import numpy as np
    import pandas as pd

    from mognad_core.sample_data import FORVALTNINGAR

    rng = np.random.default_rng(2025)
    owners = rng.choice(list(FORVALTNINGAR), size=len(INITIATIVES))
    frame = pd.DataFrame(
        INITIATIVES,
        columns=[
            "Initiativ",
            "Status",
            "Påståenden",
            "Effektivitet–innovation",
            "Operativt–strategiskt",
            "Intern–extern nytta",
        ],
    )
    frame["Ansvarig förvaltning"] = owners
    return write_xlsx(frame, path, sheet="Initiativ", force=True)
