"""The summary in plain sentences, and the key figures, in Swedish or English."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .data import ReportData
from .texts import shorten

#: Model insights whose own sentence goes into the summary (the plugins write it in the
#: report's language).
SUMMARY_INSIGHTS = ("dimios.balance", "dmm_weakest", "dmm_target_gap")


@dataclass
class KeyFigure:
    label: str
    value: float | int | str | None
    kind: str  # pct | pp | int | text


def key_figures(data: ReportData) -> list[KeyFigure]:
    t, r = data.texts, data.result
    out = [KeyFigure(t("fig.overall"), r.overall, "pct")]
    if data.level_label:
        out.append(KeyFigure(t("fig.level"), data.level_label, "text"))
    if data.quadrant is not None and data.quadrant.name:
        out.append(KeyFigure(t("fig.quadrant"), data.quadrant.name, "text"))
    out.append(KeyFigure(t("fig.respondents"), r.n_respondents, "int"))
    if data.benchmark is not None and data.benchmark.gap is not None:
        out.append(
            KeyFigure(
                t("fig.benchmark", label=f"{data.benchmark.label} ({t.pct(data.benchmark.value)})"),
                data.benchmark.gap,
                "pp",
            )
        )
    if data.gap is not None and data.gap.overall.gap is not None:
        out.append(KeyFigure(t("fig.target", label=data.target_label), data.gap.overall.gap, "pp"))
    if data.compare is not None and data.compare.overall.change is not None:
        out.append(
            KeyFigure(
                t("fig.change", label=data.compare.before_label), data.compare.overall.change, "pp"
            )
        )
    return out


def _above_below(t, value: float) -> str:
    if t.lang == "sv":
        return "över" if value > 0 else "under"
    return "above" if value > 0 else "below"


def sentences(data: ReportData) -> list[str]:
    """The summary, one sentence (or two short ones) per line."""
    t, r, sv = data.texts, data.result, data.lang == "sv"
    out: list[str] = []
    n = r.n_respondents
    if sv:
        line = f"{n} personer har svarat ({data.source_name}"
        line += f", {', '.join(data.where)})." if data.where else ")."
        if data.wave:
            line += f" Rapporten gäller {data.wave}."
    else:
        line = f"{n} people answered ({data.source_name}"
        line += f", {', '.join(data.where)})." if data.where else ")."
        if data.wave:
            line += f" The report is about {data.wave}."
    out.append(line)

    line = (
        f"Den samlade digitala mognaden är {t.pct(r.overall, 1)}."
        if sv
        else f"Overall digital maturity is {t.pct(r.overall, 1)}."
    )
    if data.level_label:
        line += (
            f" Det motsvarar nivån {data.level_label}."
            if sv
            else f" That is the level {data.level_label}."
        )
    out.append(line)

    q = data.quadrant
    if q is not None and q.name:
        org = q.points[0]
        out.append(
            f"I fyrfältet hamnar organisationen i ”{q.name}”: {q.x_label} {t.pct(org.x, 1)}, "
            f"{q.y_label} {t.pct(org.y, 1)}."
            if sv
            else f"In the 2x2 the organisation is “{q.name}”: {q.x_label} {t.pct(org.x, 1)}, "
            f"{q.y_label} {t.pct(org.y, 1)}."
        )

    b = data.benchmark
    if b is not None and b.gap is not None:
        amount = t.pp(abs(b.gap), long=True).lstrip("+")
        if abs(b.gap) < 0.0005:
            out.append(
                f"Det är samma nivå som {b.label} ({t.pct(b.value)})."
                if sv
                else f"That equals {b.label} ({t.pct(b.value)})."
            )
        else:
            out.append(
                f"Det är {amount} {_above_below(t, b.gap)} {b.label} ({t.pct(b.value)})."
                if sv
                else f"That is {amount} {_above_below(t, b.gap)} {b.label} ({t.pct(b.value)})."
            )

    g = data.gap
    if g is not None:
        dims = [x for x in g.rows if x.kind == "dimension" and x.gap is not None]
        if dims:
            met = sum(1 for x in dims if x.met)
            worst = min(dims, key=lambda x: x.gap)
            line = (
                f"Mot målet {data.target_label} når {met} av {len(dims)} dimensioner målet."
                if sv
                else f"Against the target {data.target_label}, {met} of {len(dims)} dimensions "
                "reach it."
            )
            if worst.gap < 0:
                line += (
                    f" Störst gap: {worst.label} ({t.pp(worst.gap)})."
                    if sv
                    else f" Largest gap: {worst.label} ({t.pp(worst.gap)})."
                )
            out.append(line)
        elif g.overall.gap is not None:
            out.append(
                f"Mot målet {data.target_label}: {t.pp(g.overall.gap, long=True)}."
                if sv
                else f"Against the target {data.target_label}: {t.pp(g.overall.gap, long=True)}."
            )

    p = data.profile
    scored = [
        (lab, v) for lab, v in zip(p.labels, p.series[0].values, strict=True) if v is not None
    ]
    if len(scored) >= 2:
        hi = max(scored, key=lambda x: x[1])
        lo = min(scored, key=lambda x: x[1])
        out.append(
            f"Starkast är {hi[0]} ({t.pct(hi[1])}) och svagast {lo[0]} ({t.pct(lo[1])})."
            if sv
            else f"Strongest is {hi[0]} ({t.pct(hi[1])}), weakest {lo[0]} ({t.pct(lo[1])})."
        )

    c = data.compare
    if c is not None:
        o = c.overall
        if o.change is not None:
            ci = ""
            if o.ci_low is not None:
                ci = (
                    f" (95 %-intervall {t.pp(o.ci_low)} till {t.pp(o.ci_high)})"
                    if sv
                    else f" (95 % interval {t.pp(o.ci_low)} to {t.pp(o.ci_high)})"
                )
            out.append(
                f"Sedan {c.before_label} har totalen ändrats med {t.pp(o.change, long=True)}{ci}."
                if sv
                else f"Since {c.before_label} the overall score changed by "
                f"{t.pp(o.change, long=True)}{ci}."
            )
        if c.improved_all:
            out.append(
                f"Alla {c.compared} påståenden har förbättrats."
                if sv
                else f"All {c.compared} statements improved."
            )
        elif c.compared:
            out.append(
                f"{c.improved} av {c.compared} påståenden har förbättrats och {c.declined} "
                "försämrats."
                if sv
                else f"{c.improved} of {c.compared} statements improved and {c.declined} declined."
            )

    items = data.priorities.items
    if items:
        parts = [
            f"{shorten(x.label, 70)} ({t.pct(x.score)}, "
            + ("vet ej " if sv else "don't know ")
            + f"{t.pct(x.dont_know_share)})"
            for x in items
        ]
        out.append(
            f"Förslag på var ni kan börja: {t.join(parts)}. Välj ett eller två områden, annars "
            "blir det för mycket."
            if sv
            else f"Suggested places to start: {t.join(parts)}. Choose one or two areas, "
            "otherwise it becomes far too much."
        )

    grp = data.groups
    if grp is not None:
        by = ", ".join(grp.by)
        shown, hidden = len(grp.visible), len(grp.suppressed)
        line = (
            f"Per {by}: {shown} grupper visas"
            + (f" och {hidden} döljs för att skydda anonymiteten." if hidden else ".")
            if sv
            else f"By {by}: {shown} groups shown"
            + (f" and {hidden} hidden to protect anonymity." if hidden else ".")
        )
        overall = next(x for x in grp.rows if x.id == "overall")
        vals = {k: v for k, v in overall.values.items() if v is not None}
        if len(vals) >= 2:
            hi_g = max(vals, key=lambda k: vals[k])
            lo_g = min(vals, key=lambda k: vals[k])
            line += (
                f" Högst: {hi_g} ({t.pct(vals[hi_g])}); lägst: {lo_g} ({t.pct(vals[lo_g])})."
                if sv
                else f" Highest: {hi_g} ({t.pct(vals[hi_g])}); lowest: {lo_g} "
                f"({t.pct(vals[lo_g])})."
            )
        out.append(line)

    for key in SUMMARY_INSIGHTS:
        ins = r.insight(key)
        if ins is not None and ins.text:
            text = f"{ins.title}: {ins.text}"
            out.append(swedish_numbers(text) if sv else text)
    return out


def swedish_numbers(text: str) -> str:
    """Decimal commas and a real minus sign in a sentence a plugin wrote with decimal points
    ("-3.1 procentenheter" -> "−3,1 procentenheter"), so the summary reads the same throughout."""
    text = re.sub(r"(?<![\w.])-(?=\d)", "−", text)
    return re.sub(r"(?<=\d)\.(?=\d)", ",", text)
