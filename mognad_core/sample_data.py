"""Seeded, realistic sample responses for any model (used by the README, docs and tests).

The generator draws a latent maturity per respondent, adds effects for förvaltning, role and
wave, and a difficulty per statement; answers are rounded onto the model's scale. "Vet ej" is
more common for statements tagged with ``meta.topic`` about finances (kostnadskontroll,
ekonomiska ramar) and among employees far from the subject, as municipalities report.
"""

from __future__ import annotations

import math
import zlib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from . import safe_write
from .cells import is_missing
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
    dont_know_rate: float | None = None,
    group_effects: Mapping[str, float] | None = None,
) -> pd.DataFrame:
    """A wide response table with ``n`` respondents per wave.

    Columns: ``respondent``, ``år`` (when there are waves), ``group_column``, ``roll`` (when
    ``roles``), then one column per statement id (a checklist statement's cell is the number of
    its options chosen, which is how a count is read). Later waves are ``improvement`` logits
    better.

    ``dont_know_rate``: every answer is ``dont_know_token`` with this probability (instead of
    the per-statement, per-role and per-wave rates above). ``missing_rate`` is the probability
    of a blank among the answers that are not "vet ej". ``group_effects``: the maturity effect
    of each group (logits; default: the sample förvaltningar's, 0 for any other group).
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
        effects = FORVALTNING_EFFECT if group_effects is None else group_effects
        group_effect = np.array([effects.get(g, 0.0) for g in group])
        theta = rng.normal(0, 0.6, n) + group_effect + role_effect + improvement * w_i
        latent = theta[:, None] - difficulty[None, :] + rng.normal(0, 0.7, (n, k))
        mid = (lo + hi) / 2
        answers = np.clip(np.rint(mid + latent * (hi - lo) / 4), lo, hi)
        reverse = np.array([st.reverse for st in model.statements], dtype=bool)
        answers[:, reverse] = lo + hi - answers[:, reverse]  # agreeing means LOW maturity
        for j, st in enumerate(model.statements):  # a checklist: the number of options chosen
            if st.is_checklist:
                answers[:, j] = np.rint((answers[:, j] - lo) / (hi - lo) * len(st.options))
        dk_p = np.clip(base_dk[None, :] + role_dk[:, None] - 0.01 * w_i, 0, 0.9)
        if dont_know_rate is not None:
            dk_p = np.full((n, k), float(dont_know_rate))
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


def make_responses(
    model: Any,
    n: int = 40,
    seed: int = 0,
    *,
    dont_know: float = 0.05,
    blanks: float = 0.02,
    groups: dict[str, float] | int | None = None,
    roles: bool = False,
    waves: Sequence[int] | None = None,
) -> pd.DataFrame:
    """A realistic response table for any model, to try a model or a plugin on.

    ``model``: a :class:`~mognad_core.schema.MaturityModel` or anything
    :func:`mognad_core.load_model` takes (a name, a model file path). One column per statement
    id: answers as ints on the model's scale, correlated within a respondent (a latent maturity
    per respondent, a difficulty per statement), reversed statements answered the other way
    round; the model's first ``scale.dont_know`` token for "vet ej" in about the share
    ``dont_know`` of the cells and None (a blank) in about the share ``blanks``. The same
    ``seed`` gives the same table.

    ``groups``: adds the column ``förvaltning``: a dict name -> share of respondents, or a
    number of groups (``Grupp 1``, ``Grupp 2``, ... of equal size). Groups differ in maturity
    (the sample förvaltningar as in the bundled samples, other groups spread evenly from -0.3 to
    +0.3 logits in the order given). ``roles=True`` adds ``roll`` (four roles, the first-line
    staff less mature). ``waves``: a list of years; adds ``år`` with ``n`` respondents per wave,
    each wave a little more mature than the one before. Built on :func:`generate_responses`;
    write the table with :func:`write_csv` or :func:`write_xlsx`.
    """
    from .errors import MognadError
    from .plugins import load_model
    from .texts import Message

    model = load_model(model)
    n = _whole(n, "n", 1)
    seed = _whole(seed, "seed", 0)
    for name, share in (("dont_know", dont_know), ("blanks", blanks)):
        if not _real(share) or not 0 <= share < 1:
            raise MognadError(Message("testing.error.share", name=name, value=repr(share)))
    if dont_know + blanks >= 1:
        raise MognadError(
            Message("testing.error.shares_sum", dont_know=repr(dont_know), blanks=repr(blanks))
        )
    names = _group_shares(groups)
    spread = np.linspace(-0.3, 0.3, len(names)) if len(names) > 1 else np.zeros(len(names))
    effects = {g: FORVALTNING_EFFECT.get(g, float(e)) for g, e in zip(names, spread, strict=True)}
    frame = generate_responses(
        model,
        n,
        seed=seed,
        waves=_years(waves),
        groups=names or {"-": 1.0},
        group_effects=effects,
        roles=bool(roles),
        missing_rate=blanks / (1 - dont_know),  # blanks are drawn among the non-"vet ej" cells
        dont_know_token=model.scale.dont_know[0],
        dont_know_rate=dont_know,
    )
    frame = frame.drop(columns="respondent")
    return frame if names else frame.drop(columns="förvaltning")


def _real(value: Any) -> bool:
    return isinstance(value, int | float | np.integer | np.floating) and not isinstance(
        value, bool | np.bool_
    )


def _is_whole(value: Any) -> bool:
    return _real(value) and math.isfinite(value) and value == int(value)


def _whole(value: Any, name: str, minimum: int) -> int:
    from .errors import MognadError
    from .texts import Message

    if not _is_whole(value) or value < minimum:
        raise MognadError(
            Message("testing.error.whole", name=name, minimum=minimum, value=repr(value))
        )
    return int(value)


def _group_shares(groups: Any) -> dict[str, float]:
    """{} for no groups; a dict name -> share as given; ``Grupp 1`` ... for a number."""
    from .errors import MognadError
    from .texts import Message

    if groups is None:
        return {}
    if isinstance(groups, dict):
        if groups and all(
            isinstance(g, str) and g.strip() and _real(s) and 0 < s < float("inf")
            for g, s in groups.items()
        ):
            return {g: float(s) for g, s in groups.items()}
    elif _is_whole(groups) and groups >= 1:
        return {f"Grupp {i + 1}": 1.0 for i in range(int(groups))}
    raise MognadError(Message("testing.error.groups", value=repr(groups)))


def _years(waves: Any) -> list[int]:
    from .errors import MognadError
    from .texts import Message

    if waves is None:
        return []
    years = list(waves) if isinstance(waves, list | tuple | range) else None
    if (
        not years
        or not all(_is_whole(y) for y in years)
        or len({int(y) for y in years}) < len(years)
    ):
        raise MognadError(Message("testing.error.waves", value=repr(waves)))
    return [int(y) for y in years]


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
        ws.append([None if is_missing(v) else v for v in row])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "A2"
    return safe_write.write_file(path, wb.save, force=force)


def write_csv(frame: pd.DataFrame, path: str | Path, *, force: bool = False) -> Path:
    """Write as Swedish Excel does: ``;`` separated, UTF-8 with BOM (through
    :mod:`mognad_core.safe_write`: an existing file only with ``force=True``)."""
    return safe_write.write_file(path, csv_writer(frame), force=force)


def csv_writer(frame: pd.DataFrame) -> safe_write.Writer:
    """The writer :func:`write_csv` uses, for a caller that writes the file together with
    others (:func:`mognad_core.safe_write.write_files`)."""
    return lambda tmp: frame.to_csv(tmp, sep=";", index=False, encoding="utf-8-sig")
