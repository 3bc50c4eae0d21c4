"""Words of the report: Swedish (default) and English labels, number formats, sentences.

Everything a reader sees in the workbook and the deck comes from here or from the model (its
dimension labels, statement texts and level names in the chosen language), so a translation or a
change of wording is made in one place.
"""

from __future__ import annotations

import re
from typing import Any

LANGS = ("sv", "en")

LABELS: dict[str, dict[str, str]] = {
    "sv": {
        # sheet names (at most 31 characters, none of []:*?/\)
        "sheet.summary": "Sammanfattning",
        "sheet.dimensions": "Dimensioner",
        "sheet.statements": "Påståenden",
        "sheet.priorities": "Prioriteringar",
        "sheet.change": "Förändring",
        "sheet.groups": "Grupper",
        "sheet.group_sizes": "Gruppstorlek",
        "sheet.quadrant": "Fyrfält",
        "sheet.insights": "Modellens tolkning",
        "sheet.reliability": "Tillförlitlighet",
        "sheet.about": "Om rapporten",
        # column headers
        "col.id": "Id",
        "col.part": "Del",
        "col.kind": "Typ",
        "col.parent": "Hör till",
        "col.statement": "Påstående",
        "col.short": "Kort text",
        "col.dimension": "Dimension",
        "col.score": "Värde",
        "col.level": "Nivå",
        "col.mean": "Medel (skala)",
        "col.n": "Svar (n)",
        "col.respondents": "Svarande",
        "col.dont_know": "Vet ej (antal)",
        "col.dont_know_share": "Vet ej (andel)",
        "col.missing": "Tomma",
        "col.ci_low": "95 % KI, lägre",
        "col.ci_high": "95 % KI, övre",
        "col.target": "Mål",
        "col.gap": "Gap mot mål",
        "col.benchmark": "Riktmärke",
        "col.rank": "Rang",
        "col.priority": "Prioritet",
        "col.vetlanda": "Lågt värde + mycket vet ej",
        "col.reason": "Varför",
        "col.before": "Före",
        "col.after": "Efter",
        "col.change": "Förändring",
        "col.significant": "Säker förändring",
        "col.total": "Totalt",
        "col.group": "Grupp",
        "col.shown": "Visas",
        "col.why_hidden": "Varför dold",
        "col.x": "x",
        "col.y": "y",
        "col.category": "Fält",
        "col.items": "Påståenden",
        "col.complete": "Svarat på alla",
        "col.alpha": "Cronbachs alfa",
        "col.warning": "Varning",
        "col.figure": "Nyckeltal",
        "col.value": "Värde",
        "col.comparison": "Jämförelse",
        "col.dimension_level": "Nivå",
        # kinds
        "kind.overall": "totalt",
        "kind.dimension": "dimension",
        "kind.category": "kategori",
        "kind.statement": "påstående",
        "yes": "ja",
        "no": "nej",
        # anonymity (mognad_core.disclosure)
        "hidden.statement_short": "visas inte",
        "about.anonymity": "Anonymitet",
        "anonymity.on": "Minsta gruppstorlek {k}. Ett värde visas bara för minst {k} svarande "
        "och minst {k} svar per påstående; en grupp eller ett påstående som annars kunde räknas "
        "fram ur en total döljs också, och dolda gruppers storlek visas inte. Spridningsmått "
        "kräver minst {k2} svar. Värden är avrundade till en tiondels procentenhet, medelvärden "
        "och alfa till två decimaler.",
        "note.insight_left_out": "Modellens tolkning ”{title}” visas inte: den räknades med en "
        "annan minsta gruppstorlek än rapportens.",
        # figures on the summary
        "fig.overall": "Total mognad",
        "fig.level": "Nivå",
        "fig.quadrant": "Fält i fyrfältet",
        "fig.respondents": "Svarande",
        "fig.benchmark": "Jämfört med {label}",
        "fig.target": "Jämfört med målet {label}",
        "fig.change": "Förändring sedan {label}",
        # series and chart titles
        "series.result": "Resultat",
        "series.benchmark_overall": "{label} (bara totalvärde)",
        "series.target": "Mål: {label}",
        "series.dont_know": "Vet ej (andel)",
        "series.threshold": "Gräns {value}",
        "series.organisation": "Hela organisationen",
        "chart.radar": "Profil: {what}",
        "chart.radar.dimensions": "dimensionerna",
        "chart.radar.categories": "kategorierna",
        "chart.statements": "Påståenden, lägst värde först",
        "chart.statements.part": "Påståenden {first}–{last} av {total}, lägst värde först",
        "chart.change": "Före och efter: {before} → {after}",
        "chart.groups": "Per {by}",
        "chart.quadrant": "Fyrfältet: {x} och {y}",
        "chart.start": "Var börja? Värde och andel vet ej",
        "chart.recommendation": "Rekommendation",
        "chart.significant": "* säker förändring: 95 %-intervallet innehåller inte noll",
        "axis.score": "Värde (0–100 %)",
        "axis.dont_know": "Vet ej",
        "axis.dont_know_share": "Andel vet ej",
        "axis.level_ring": "{level} från {value}",
        "start.candidate": "Lågt värde och mycket vet ej: en bra plats att börja",
        "legend.suggested": "Föreslaget att börja med",
        "legend.group": "Gruppen",
        "target.next": "nästa nivå",
        "target.profile": "målprofil",
        "start.none": "Inget påstående har både lågt värde och minst {share} vet ej.",
        "start.region": "Lågt värde + mycket vet ej",
        "legend.whole": "Hela organisationen",
        "start.median": "median {value}",
        "start.min_share": "vet ej {value}",
        # headings on sheets
        "head.summary": "Sammanfattning",
        "head.key_figures": "Nyckeltal",
        "head.radar_data": "Profil (data till diagrammet)",
        "head.dimensions": "Värde per dimension och kategori",
        "head.statements": "Värde och vet ej per påstående, lägst värde först",
        "head.priorities": "Var börja: alla påståenden rangordnade",
        "head.change": "Förändring från {before} till {after}",
        "head.groups": "Värde per {by}",
        "head.group_sizes": "Grupper och anonymitet",
        "head.quadrant": "Läget i fyrfältet",
        "head.quadrant_help": "Diagramhjälp (gränslinjer och fältnamn)",
        "head.insights": "Modellens tolkning",
        "head.reliability": "Hur säkra är siffrorna?",
        "head.about": "Om rapporten",
        "note.percent": "Alla värden är andelar av skalans maxvärde: 0 % = lägsta svaret, "
        "100 % = högsta. Vet ej räknas inte in i värdet men redovisas som andel.",
        "note.priorities_top": "De {count} översta är förslaget: välj ett eller två områden, "
        "annars blir det för mycket.",
        "note.significant": "Säker förändring = 95 %-intervallet för förändringen innehåller "
        "inte noll.",
        "note.groups_hidden": "Dolda grupper har inga siffror i rapporten (anonymitet).",
        "note.short": "Kort text används som etikett i diagrammet.",
        # slides
        "slide.summary": "Sammanfattning",
        "slide.priorities": "Var börja: {count} förslag",
        "slide.priorities_one": "Var börja: ett förslag",
        "slide.next_in_line": "Därefter: {items}",
        "slide.group_overview": "Resultat per {by}",
        "slide.group": "{name}",
        "slide.group_sub": "{n} svarande · totalt {score} (hela organisationen {total})",
        "slide.hidden_groups": "Visas inte (färre än {min} svarande eller för att skydda en "
        "mindre grupp): {names}",
        "slide.next_steps": "Nästa steg för de svagaste motorerna",
        "slide.about": "Om mätningen",
        "slide.change_title": "Förändring {before} → {after}",
        "slide.quadrant_title": "Fyrfältet: {name}",
        "slide.group_priorities": "Var börja i gruppen",
        "slide.no_priorities": "Inga påståenden att rangordna.",
        "slide.score_dk": "Värde {score} · vet ej {dk}",
        "notes.figures": "Siffrorna:",
        # misc
        "respondents": "{n} svarande",
        "created": "Skapad {date} med mognad {version}",
        "source": "Svar: {source}",
        "model": "Modell: {title} ({name} {version})",
        "compared_with": "Jämförelse: {label} ({n} svarande)",
        "where": "Urval: {where}",
        "none": "–",
    },
    "en": {
        "sheet.summary": "Summary",
        "sheet.dimensions": "Dimensions",
        "sheet.statements": "Statements",
        "sheet.priorities": "Priorities",
        "sheet.change": "Change",
        "sheet.groups": "Groups",
        "sheet.group_sizes": "Group sizes",
        "sheet.quadrant": "2x2",
        "sheet.insights": "Model insights",
        "sheet.reliability": "Reliability",
        "sheet.about": "About",
        "col.id": "Id",
        "col.part": "Part",
        "col.kind": "Kind",
        "col.parent": "Belongs to",
        "col.statement": "Statement",
        "col.short": "Short text",
        "col.dimension": "Dimension",
        "col.score": "Score",
        "col.level": "Level",
        "col.mean": "Mean (scale)",
        "col.n": "Answers (n)",
        "col.respondents": "Respondents",
        "col.dont_know": "Don't know (count)",
        "col.dont_know_share": "Don't know (share)",
        "col.missing": "Blank",
        "col.ci_low": "95 % CI, low",
        "col.ci_high": "95 % CI, high",
        "col.target": "Target",
        "col.gap": "Gap to target",
        "col.benchmark": "Benchmark",
        "col.rank": "Rank",
        "col.priority": "Priority",
        "col.vetlanda": "Low score + much don't know",
        "col.reason": "Why",
        "col.before": "Before",
        "col.after": "After",
        "col.change": "Change",
        "col.significant": "Clear change",
        "col.total": "Total",
        "col.group": "Group",
        "col.shown": "Shown",
        "col.why_hidden": "Why hidden",
        "col.x": "x",
        "col.y": "y",
        "col.category": "Quadrant",
        "col.items": "Statements",
        "col.complete": "Answered all",
        "col.alpha": "Cronbach's alpha",
        "col.warning": "Warning",
        "col.figure": "Key figure",
        "col.value": "Value",
        "col.comparison": "Comparison",
        "col.dimension_level": "Level",
        "kind.overall": "overall",
        "kind.dimension": "dimension",
        "kind.category": "category",
        "kind.statement": "statement",
        "yes": "yes",
        "no": "no",
        "hidden.statement_short": "not shown",
        "about.anonymity": "Anonymity",
        "anonymity.on": "Minimum group size {k}. A figure is shown only for at least {k} "
        "respondents and at least {k} answers to a statement; a group or statement that could "
        "otherwise be derived from a total is hidden too, and the sizes of hidden groups are not "
        "shown. Spread figures need at least {k2} answers. Scores are rounded to a tenth of a "
        "percentage point, means and alphas to two decimals.",
        "note.insight_left_out": "The model insight “{title}” is not shown: it was computed with "
        "another minimum group size than the report's.",
        "fig.overall": "Overall maturity",
        "fig.level": "Level",
        "fig.quadrant": "2x2 quadrant",
        "fig.respondents": "Respondents",
        "fig.benchmark": "Compared with {label}",
        "fig.target": "Compared with the target {label}",
        "fig.change": "Change since {label}",
        "series.result": "Result",
        "series.benchmark_overall": "{label} (overall figure only)",
        "series.target": "Target: {label}",
        "series.dont_know": "Don't know (share)",
        "series.threshold": "Threshold {value}",
        "series.organisation": "Whole organisation",
        "chart.radar": "Profile: {what}",
        "chart.radar.dimensions": "the dimensions",
        "chart.radar.categories": "the categories",
        "chart.statements": "Statements, lowest score first",
        "chart.statements.part": "Statements {first}–{last} of {total}, lowest score first",
        "chart.change": "Before and after: {before} → {after}",
        "chart.groups": "By {by}",
        "chart.quadrant": "2x2: {x} and {y}",
        "chart.start": "Where to start? Score and don't-know share",
        "chart.recommendation": "Recommendation",
        "chart.significant": "* clear change: the 95 % interval does not include zero",
        "axis.score": "Score (0–100 %)",
        "axis.dont_know": "Don't know",
        "axis.dont_know_share": "Don't-know share",
        "axis.level_ring": "{level} from {value}",
        "start.candidate": "Low score and much don't know: a good place to start",
        "legend.suggested": "Suggested place to start",
        "legend.group": "This group",
        "target.next": "the next level",
        "target.profile": "target profile",
        "start.none": "No statement has both a low score and at least {share} don't know.",
        "start.region": "Low score + much don't know",
        "legend.whole": "Whole organisation",
        "start.median": "median {value}",
        "start.min_share": "don't know {value}",
        "head.summary": "Summary",
        "head.key_figures": "Key figures",
        "head.radar_data": "Profile (chart data)",
        "head.dimensions": "Score per dimension and category",
        "head.statements": "Score and don't know per statement, lowest score first",
        "head.priorities": "Where to start: every statement ranked",
        "head.change": "Change from {before} to {after}",
        "head.groups": "Score by {by}",
        "head.group_sizes": "Groups and anonymity",
        "head.quadrant": "Position in the 2x2",
        "head.quadrant_help": "Chart helpers (threshold lines and quadrant names)",
        "head.insights": "Model insights",
        "head.reliability": "How reliable are the figures?",
        "head.about": "About this report",
        "note.percent": "Every score is a share of the scale's maximum: 0 % = the lowest answer, "
        "100 % = the highest. Don't know is left out of the score and reported as a share.",
        "note.priorities_top": "The top {count} are the suggestion: choose one or two areas, "
        "otherwise it becomes far too much.",
        "note.significant": "Clear change = the 95 % interval of the change does not include zero.",
        "note.groups_hidden": "Hidden groups have no figures in the report (anonymity).",
        "note.short": "The short text labels the chart.",
        "slide.summary": "Summary",
        "slide.priorities": "Where to start: {count} suggestions",
        "slide.priorities_one": "Where to start: one suggestion",
        "slide.next_in_line": "Next in line: {items}",
        "slide.group_overview": "Results by {by}",
        "slide.group": "{name}",
        "slide.group_sub": "{n} respondents · overall {score} (whole organisation {total})",
        "slide.hidden_groups": "Not shown (fewer than {min} respondents, or hidden to protect a "
        "smaller group): {names}",
        "slide.next_steps": "Next steps for the weakest engines",
        "slide.about": "About the survey",
        "slide.change_title": "Change {before} → {after}",
        "slide.quadrant_title": "2x2: {name}",
        "slide.group_priorities": "Where to start in this group",
        "slide.no_priorities": "No statements to rank.",
        "slide.score_dk": "Score {score} · don't know {dk}",
        "notes.figures": "The figures:",
        "respondents": "{n} respondents",
        "created": "Created {date} with mognad {version}",
        "source": "Responses: {source}",
        "model": "Model: {title} ({name} {version})",
        "compared_with": "Compared with: {label} ({n} respondents)",
        "where": "Selection: {where}",
        "none": "–",
    },
}


#: Swedish for the messages of the analyses (written in English, like all of mognad's messages)
#: that a report shows: reliability warnings, notes about the data. (Why a group is hidden, and
#: the anonymity notes, come from mognad_core.disclosure in the report's language.) A message not
#: listed here is shown as it is.
MESSAGES_SV: list[tuple[str, str]] = [
    (r"one statement: alpha needs at least two", "ett påstående: alfa kräver minst två"),
    (
        r"alpha not computed: (\d+) respondent\(s\) answered every statement "
        r"\(at least (\d+) needed\)",
        "alfa beräknas inte: {0} svarande besvarade alla påståenden (minst {1} behövs)",
    ),
    (
        r"alpha cannot be computed: the answers do not vary",
        "alfa kan inte beräknas: svaren varierar inte",
    ),
    (
        r"alpha from only (\d+) complete respondents \(fewer than (\d+)\): unstable",
        "alfa från bara {0} svarande som besvarat alla påståenden (färre än {1}): osäkert",
    ),
    (
        r"alpha (\d+)\.(\d+) is below (\d+)\.(\d+): the statements do not hang together well",
        "alfa {0},{1} är under {2},{3}: påståendena hänger inte ihop väl",
    ),
    (
        r"only (\d+) valid answer\(s\) \(fewer than (\d+)\): the score says little",
        "bara {0} giltiga svar (färre än {1}): värdet säger lite",
    ),
    (r"Fewer than (\d+) valid answers: (.*)\.", "Färre än {0} giltiga svar: {1}."),
    (
        r"Every statement has fewer than (\d+) valid answers\.",
        "Alla påståenden har färre än {0} giltiga svar.",
    ),
    (
        r"Only (\d+) respondent\(s\): treat every figure as indicative\.",
        "Bara {0} svarande: se alla siffror som vägledande.",
    ),
    (
        r"Columns kept as respondent attributes \(not statements\): (.*)\.",
        "Kolumner som behålls som bakgrundsuppgifter (inte påståenden): {0}.",
    ),
    (
        r'No column for (\d+) statement\(s\) of model "(.*)": (.*); they are scored as having '
        r"no answers\.",
        'Ingen kolumn för {0} påstående(n) i modellen "{1}": {2}; de räknas som obesvarade.',
    ),
    (
        r"Not compared \(no score in one wave\): (.*)\.",
        "Inte jämförda (inget värde i en av mätningarna): {0}.",
    ),
    (
        r'(\d+) respondent\(s\) with no value in "(.*)" were left out\.',
        '{0} svarande utan värde i "{1}" togs inte med.',
    ),
    (r"No target for: (.*)\.", "Inget mål för: {0}."),
]


class Texts:
    """Labels and number formats for one language (``sv`` or ``en``)."""

    def __init__(self, lang: str = "sv") -> None:
        if lang not in LANGS:
            from ..errors import MognadError

            raise MognadError(f"lang {lang!r} is not one of: {', '.join(LANGS)}.")
        self.lang = lang
        self._labels = LABELS[lang]

    def __call__(self, key: str, **values: Any) -> str:
        text = self._labels[key]
        return text.format(**values) if values else text

    def message(self, text: str | None) -> str:
        """A message of the analyses in the report's language (see ``MESSAGES_SV``)."""
        if not text or self.lang != "sv":
            return text or ""
        for pattern, swedish in MESSAGES_SV:
            m = re.fullmatch(pattern, text.strip())
            if m:
                return swedish.format(*m.groups())
        return text

    # ---- numbers ------------------------------------------------------------------------
    def _num(self, value: float, digits: int) -> str:
        text = f"{value:.{digits}f}"
        return text.replace(".", ",") if self.lang == "sv" else text

    def pct(self, value: float | None, digits: int = 0) -> str:
        """0.626 -> "63 %" ("62,6 %" with one digit in Swedish)."""
        if value is None or value != value:
            return "–"
        return f"{self._num(value * 100, digits)} %"

    def pp(self, value: float | None, digits: int = 1, long: bool = False) -> str:
        """A difference of two 0-1 figures in percentage points, with its sign."""
        if value is None or value != value:
            return "–"
        number = self._num(abs(value) * 100, digits)
        sign = "+" if value > 0 else ("−" if value < 0 else "±")
        unit = (
            ("procentenheter" if self.lang == "sv" else "percentage points")
            if long
            else ("p.e." if self.lang == "sv" else "pp")
        )
        return f"{sign}{number} {unit}"

    def join(self, items: list[str]) -> str:
        """ "a, b och c" / "a, b and c"."""
        items = [i for i in items if i]
        if len(items) <= 1:
            return "".join(items)
        word = " och " if self.lang == "sv" else " and "
        return ", ".join(items[:-1]) + word + items[-1]

    def kind(self, kind: str) -> str:
        return self._labels.get(f"kind.{kind}", kind)

    def yes_no(self, value: bool | None) -> str:
        if value is None:
            return ""
        return self("yes") if value else self("no")


def shorten(text: str, width: int) -> str:
    """Cut ``text`` at a word boundary to at most ``width`` characters, adding an ellipsis."""
    text = " ".join(str(text).split())
    if len(text) <= width:
        return text
    cut = text[: width - 1]
    if " " in cut[width // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,.;:–-") + "…"
