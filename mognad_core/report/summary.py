"""The summary in plain sentences, and the key figures, in Swedish or English."""

from __future__ import annotations

from dataclasses import dataclass

from .data import ReportData

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


def sentences(data: ReportData) -> list[str]:
    """The summary, one sentence (or two short ones) per line."""
    t, r = data.texts, data.result
    out: list[str] = []
    where = f", {', '.join(data.where)}" if data.where else ""
    line = t("summary.respondents", n=r.n_respondents, source=data.source_name, where=where)
    if data.wave:
        line += " " + t("summary.wave", wave=data.wave)
    out.append(line)

    line = t("summary.overall", score=t.pct(r.overall, 1))
    if data.level_label:
        line += " " + t("summary.level", level=data.level_label)
    out.append(line)

    q = data.quadrant
    if q is not None and q.name:
        org = q.points[0]
        out.append(
            t(
                "summary.quadrant",
                name=q.name,
                x_label=q.x_label,
                x=t.pct(org.x, 1),
                y_label=q.y_label,
                y=t.pct(org.y, 1),
            )
        )

    b = data.benchmark
    if b is not None and b.gap is not None:
        if abs(b.gap) < 0.0005:
            key = "summary.benchmark_same"
        else:
            key = "summary.benchmark_above" if b.gap > 0 else "summary.benchmark_below"
        amount = t.pp(abs(b.gap), long=True).lstrip("+")
        out.append(t(key, amount=amount, label=b.label, value=t.pct(b.value)))
        if b.caveat:  # the caveat where the benchmark's figure stands
            out.append(b.caveat)

    g = data.gap
    if g is not None:
        dims = [x for x in g.rows if x.kind == "dimension" and x.gap is not None]
        if dims:
            met = sum(1 for x in dims if x.met)
            worst = min(dims, key=lambda x: x.gap)
            line = t(
                "summary.target_dimensions", target=data.target_label, met=met, total=len(dims)
            )
            if worst.gap < 0:
                line += " " + t("summary.largest_gap", label=worst.label, gap=t.pp(worst.gap))
            out.append(line)
        elif g.overall.gap is not None:
            gap = t.pp(g.overall.gap, long=True)
            out.append(t("summary.target_overall", target=data.target_label, gap=gap))

    p = data.profile
    scored = [
        (lab, v) for lab, v in zip(p.labels, p.series[0].values, strict=True) if v is not None
    ]
    if len(scored) >= 2:
        hi = max(scored, key=lambda x: x[1])
        lo = min(scored, key=lambda x: x[1])
        out.append(
            t(
                "summary.strongest",
                high=hi[0],
                high_score=t.pct(hi[1]),
                low=lo[0],
                low_score=t.pct(lo[1]),
            )
        )

    c = data.compare
    if c is not None:
        o = c.overall
        if o.change is not None:
            interval = ""
            if o.ci_low is not None:
                interval = t("summary.change_interval", low=t.pp(o.ci_low), high=t.pp(o.ci_high))
            change = t.pp(o.change, long=True)
            sure = ""
            if o.significant is not None:  # the adjusted decision
                sure = t("summary.change_sure" if o.significant else "summary.change_unsure")
            out.append(
                t(
                    "summary.change",
                    before=c.before_label,
                    change=change,
                    interval=interval,
                    sure=sure,
                )
            )
        if c.compared:  # how many are higher, and how many surely (Holm-adjusted)
            verdict = c.verdict(t.lang)  # "alla 24 påståenden är högre, 14 av dem säkert"
            out.append(f"{verdict[0].upper()}{verdict[1:]}.")

    # where to start: the one decision (data.start), the areas every sheet and slide shows
    items = data.start.areas if data.start is not None else []
    if items:
        parts = [
            t(
                "summary.start_item",
                label=x.label,
                score=t.pct(x.score),
                share=t.pct(x.dont_know_share),
            )
            for x in items
        ]
        out.append(t("summary.start", items=t.join(parts)))

    grp = data.groups
    if grp is not None:
        by = ", ".join(grp.by)
        shown, hidden = len(grp.visible), len(grp.suppressed)
        if hidden:
            line = t("summary.groups_hidden", by=by, shown=shown, hidden=hidden)
        else:
            line = t("summary.groups", by=by, shown=shown)
        overall = next(x for x in grp.rows if x.id == "overall")
        vals = {k: v for k, v in overall.values.items() if v is not None}
        if len(vals) >= 2:
            hi_g = max(vals, key=lambda k: vals[k])
            lo_g = min(vals, key=lambda k: vals[k])
            line += " " + t(
                "summary.groups_range",
                high=hi_g,
                high_score=t.pct(vals[hi_g]),
                low=lo_g,
                low_score=t.pct(vals[lo_g]),
            )
        out.append(line)

    for key in SUMMARY_INSIGHTS:
        ins = r.insight(key)
        if ins is not None and ins.text:
            # the plugins write their numbers with texts.pct/pp/num, as the summary does
            out.append(f"{ins.title}: {ins.text}")
    return out


# ---- headlines (the deck's slide titles that state the message) --------------------------------
def headline(data: ReportData) -> str:
    """The summary slide's title: the overall score and only what is sure about it. With an
    earlier wave, the change when the comparison calls it sure (``CompareRow.significant``, the
    adjusted decision), else that no change is sure; without one, the level."""
    t, r = data.texts, data.result
    score = t.pct(r.overall)
    c = data.compare
    if c is not None and c.overall.change is not None:
        o = c.overall
        if o.significant:
            key = "headline.up" if o.change > 0 else "headline.down"
            change = t.pp(abs(o.change), sign=False)
            return t(key, score=score, change=change, before=c.before_label)
        return t("headline.same", score=score, before=c.before_label)
    if data.level_label:
        return t("headline.level", score=score, level=data.level_label)
    return t("headline.overall", score=score)
