"""Seeded, realistic sample responses for any model (used by the README, docs and tests).

The generator draws a latent maturity per respondent, adds effects for förvaltning, role and
wave, and a difficulty per statement; answers are rounded onto the model's scale. "Vet ej" is
more common for statements tagged with ``meta.topic`` about finances (kostnadskontroll,
ekonomiska ramar) and among employees far from the subject, as municipalities report.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from . import safe_write
from .schema import MaturityModel

FORVALTNINGAR: dict[str, float] = {
    # name: (relative size) -- Kultur och fritid is small on purpose (anonymity rules)
    "Kommunledningsförvaltningen": 0.22,
    "Socialförvaltningen": 0.26,
    "Barn- och utbildningsförvaltningen": 0.28,
    "Samhällsbyggnadsförvaltningen": 0.20,
    "Kultur- och fritidsförvaltningen": 0.04,
}
FORVALTNING_EFFECT = {
    "Kommunledningsförvaltningen": 0.35,
    "Socialförvaltningen": -0.25,
    "Barn- och utbildningsförvaltningen": 0.0,
    "Samhällsbyggnadsförvaltningen": 0.15,
    "Kultur- och fritidsförvaltningen": -0.1,
}
ROLES: dict[str, tuple[float, float, float]] = {
    # role: (share, maturity effect, extra vet-ej probability)
    "Förvaltningsledning": (0.15, 0.25, 0.00),
    "Enhetschef": (0.30, 0.05, 0.04),
    "Medarbetare": (0.40, -0.20, 0.12),
    "IT/Digitalisering": (0.15, 0.30, 0.02),
}
FINANCE_TOPICS = {"kostnadskontroll", "ekonomiska_ramar", "ekonomi", "finance"}


def _statement_seed(model: str, sid: str) -> int:
    return zlib.crc32(f"{model}:{sid}".encode())


def generate_responses(
    model: MaturityModel,
    n: int = 200,
    *,
    seed: int = 2025,
    waves: Sequence[int] = (2024, 2025),
    improvement: float = 0.35,
    groups: dict[str, float] | None = None,
    group_column: str = "förvaltning",
    roles: bool = True,
    missing_rate: float = 0.015,
    dont_know_token: str = "Vet ej",
) -> pd.DataFrame:
    """A wide response table with ``n`` respondents per wave.

    Columns: ``respondent``, ``år`` (when there are waves), ``group_column``, ``roll`` (when
    ``roles``), then one column per statement id. Later waves are ``improvement`` logits better.
    """
    rng = np.random.default_rng(seed)
    groups = groups or FORVALTNINGAR
    names = list(groups)
    shares = np.array([groups[g] for g in names], dtype=float)
    shares /= shares.sum()
    sids = model.statement_ids
    k = len(sids)
    lo, hi = float(model.scale.min), float(model.scale.max)
    difficulty = np.array(
        [np.random.default_rng(_statement_seed(model.name, s)).normal(0, 0.55) for s in sids]
    )
    base_dk = np.array(
        [
            0.22 if str(s.meta.get("topic", "")).lower() in FINANCE_TOPICS else 0.04
            for s in model.statements
        ]
    )
    base_dk += np.clip(difficulty, 0, None) * 0.06
    frames = []
    wave_list = list(waves) or [None]
    for w_i, wave in enumerate(wave_list):
        group = rng.choice(names, size=n, p=shares)
        if roles:
            role_names = list(ROLES)
            role_p = np.array([ROLES[r][0] for r in role_names])
            role = rng.choice(role_names, size=n, p=role_p / role_p.sum())
            role_effect = np.array([ROLES[r][1] for r in role])
            role_dk = np.array([ROLES[r][2] for r in role])
        else:
            role = None
            role_effect = np.zeros(n)
            role_dk = np.zeros(n)
        group_effect = np.array([FORVALTNING_EFFECT.get(g, 0.0) for g in group])
        theta = rng.normal(0, 0.6, n) + group_effect + role_effect + improvement * w_i
        latent = theta[:, None] - difficulty[None, :] + rng.normal(0, 0.7, (n, k))
        mid = (lo + hi) / 2
        answers = np.clip(np.rint(mid + latent * (hi - lo) / 4), lo, hi)
        reverse = np.array([st.reverse for st in model.statements], dtype=bool)
        answers[:, reverse] = lo + hi - answers[:, reverse]  # agreeing means LOW maturity
        dk_p = np.clip(base_dk[None, :] + role_dk[:, None] - 0.01 * w_i, 0, 0.9)
        is_dk = rng.random((n, k)) < dk_p
        is_missing = (rng.random((n, k)) < missing_rate) & ~is_dk
        cells = answers.astype(int).astype(object)
        cells[is_dk] = dont_know_token
        cells[is_missing] = None
        data: dict[str, Any] = {"respondent": [f"R{w_i + 1}{i + 1:04d}" for i in range(n)]}
        if wave is not None:
            data["år"] = wave
        data[group_column] = group
        if role is not None:
            data["roll"] = role
        frame = pd.DataFrame(data)
        stmt = pd.DataFrame(cells, columns=sids)
        frames.append(pd.concat([frame, stmt], axis=1))
    return pd.concat(frames, ignore_index=True)


def write_xlsx(
    frame: pd.DataFrame, path: str | Path, sheet: str = "Svar", *, force: bool = False
) -> Path:
    """Write a response table as a plain .xlsx with a frozen, bold header row (through
    :mod:`mognad_core.safe_write`: an existing file only with ``force=True``)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    ws.append([str(c) for c in frame.columns])
    for row in frame.itertuples(index=False):
        ws.append([None if (isinstance(v, float) and v != v) else v for v in row])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "A2"
    return safe_write.write_file(path, wb.save, force=force)


def write_csv(frame: pd.DataFrame, path: str | Path, *, force: bool = False) -> Path:
    """Write as Swedish Excel does: ``;`` separated, UTF-8 with BOM (through
    :mod:`mognad_core.safe_write`: an existing file only with ``force=True``)."""
    return safe_write.write_file(
        path,
        lambda tmp: frame.to_csv(tmp, sep=";", index=False, encoding="utf-8-sig"),
        force=force,
    )
