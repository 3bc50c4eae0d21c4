"""The catalogue of texts: every word a reader sees, in Swedish (default) and English.

One key, one Swedish and one English text, in one place, for the CLI, the reports, the Excel
functions and the plugins' insights. Output is never mixed: a command, report or function runs
in one language, and every text it prints comes from here (or from the model file, which names
its dimensions, statements and levels in both languages).

Messages that are made where the language is not yet known (the notes written while a file is
read) travel as a :class:`Message`, a key with its data, and are put into words at the edge, as
datasette's ``DatasetteError(error_dict=...)`` does. No text is translated back from English.

Plugins add their own keys with :func:`add` (see docs/plugin-utilities.md); a key that is
already taken with other words is an error, so two plugins cannot overwrite each other.

Numbers are written once here too: :func:`pct` (``"62,6 %"``), :func:`pp` (``"+3,1 p.e."``) and
:func:`num` use a decimal comma in Swedish and a point in English.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from .errors import MognadError

#: the languages every text exists in; Swedish first (the default)
LANGS = ("sv", "en")


class UnknownLanguage(MognadError):
    """A language other than ``sv`` or ``en`` was asked for (exit code 2)."""

    def __init__(self, lang: object) -> None:
        super().__init__(
            f"Okänt språk {lang!r}: välj sv (svenska) eller en (engelska). / "
            f"Unknown language {lang!r}: choose sv (Swedish) or en (English)."
        )
        self.lang = "sv"


def check_lang(lang: object) -> str:
    """``lang`` as one of :data:`LANGS` (``"EN"`` and ``" en"`` are ``"en"``), else
    :class:`UnknownLanguage` (one message everywhere: the CLI, the reports, the Excel functions
    and the Python API)."""
    key = lang.strip().lower() if isinstance(lang, str) else lang
    if key not in LANGS:
        raise UnknownLanguage(lang)
    return key  # type: ignore[return-value]


def text(key: str, lang: str = "sv", /, **data: Any) -> str:
    """The text under ``key`` in ``lang``, with ``data`` filled into its ``{placeholders}``."""
    sv, en = CATALOGUE[key]
    words = sv if check_lang(lang) == "sv" else en
    return words.format(**data) if data else words


def add(entries: Mapping[str, tuple[str, str]], owner: str = "a plugin") -> None:
    """Add texts to the catalogue: ``{"key": ("svenska", "English"), ...}``.

    For plugins (their insights and commands). Adding the same words again is harmless; a key
    that is taken with other words raises :class:`~mognad_core.errors.PluginError`.
    """
    from .errors import PluginError

    for key, pair in entries.items():
        if not (
            isinstance(pair, tuple) and len(pair) == 2 and all(isinstance(p, str) for p in pair)
        ):
            raise PluginError(
                f"Text {key!r} from {owner} must be a pair (Swedish, English) of strings."
            )
        if key in CATALOGUE and CATALOGUE[key] != pair:
            raise PluginError(
                f"Text {key!r} from {owner} is already in the catalogue with other words; "
                "prefix the plugin's keys with its name."
            )
        CATALOGUE[key] = pair


class Message:
    """A message as a key and its data, put into words in the reader's language at the edge.

    ``Message("note.columns_kept", names='"a", "b"').text("en")``. A value in ``data`` may itself
    be a :class:`Message` (put into words in the same language), a :class:`Figure` (a 0-1 figure
    as a percentage in that language), :class:`Words` (a model's own text in both languages), a
    list (joined with "och" /
    "and") or a tuple (joined with "; "). ``str()`` gives the Swedish text. Messages compare and
    hash by key and data.
    """

    __slots__ = ("data", "key")

    def __init__(self, key: str, /, **data: Any) -> None:
        if key not in CATALOGUE:
            raise KeyError(f"no text {key!r} in the catalogue (mognad_core.texts)")
        self.key = key
        self.data = data

    def text(self, lang: str = "sv") -> str:
        return text(self.key, lang, **{k: _value(v, lang) for k, v in self.data.items()})

    def _identity(self) -> tuple:
        return (self.key, tuple((k, _frozen(v)) for k, v in sorted(self.data.items())))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Message) and self._identity() == other._identity()

    def __hash__(self) -> int:
        return hash(self._identity())

    def __str__(self) -> str:
        return self.text("sv")

    def __repr__(self) -> str:
        return f"Message({self.key!r}, **{self.data!r})"


def _value(value: Any, lang: str) -> Any:
    if isinstance(value, (Message, Figure, Words)):
        return value.text(lang)
    if isinstance(value, tuple):
        return "; ".join(str(_value(v, lang)) for v in value)
    if isinstance(value, list):
        return join([str(_value(v, lang)) for v in value], lang)
    return value


class Figure:
    """A 0-1 figure in a :class:`Message`'s data, written as a percentage in the reader's
    language (:func:`pct`): ``Message("check.scored", overall=Figure(0.626))``."""

    __slots__ = ("digits", "value")

    def __init__(self, value: float | None, digits: int = 1) -> None:
        self.value, self.digits = value, digits

    def text(self, lang: str = "sv") -> str:
        return pct(self.value, lang, self.digits)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Figure) and (self.value, self.digits) == (
            other.value,
            other.digits,
        )

    def __hash__(self) -> int:
        return hash((self.value, self.digits))


class Words:
    """Words a model gives in both languages (a statement's or an option's text), in a
    :class:`Message`'s data: ``Words("Ja", "Yes")``; English falls back to Swedish."""

    __slots__ = ("en", "sv")

    def __init__(self, sv: str, en: str | None = None) -> None:
        self.sv, self.en = sv, en

    def text(self, lang: str = "sv") -> str:
        return self.en if lang == "en" and self.en else self.sv

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Words) and (self.sv, self.en) == (other.sv, other.en)

    def __hash__(self) -> int:
        return hash((self.sv, self.en))


def _frozen(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return tuple(_frozen(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((k, _frozen(v)) for k, v in value.items()))
    return value


def words(items: Iterable[str | Message], lang: str = "sv") -> list[str]:
    """Notes in ``lang``: each :class:`Message` put into words, plain strings kept."""
    return [i.text(lang) if isinstance(i, Message) else i for i in items]


def rows(numbers: Iterable[int], limit: int = 8) -> Message:
    """``row 4`` / ``rows 4 and 9`` / ``rows 4, 9, 12, ... (7 in all)``, in either language."""
    numbers = [int(n) for n in numbers]
    if len(numbers) == 1:
        return Message("rows.one", row=numbers[0])
    if len(numbers) <= limit:
        return Message("rows.some", rows=[str(n) for n in numbers])
    return Message("rows.many", rows=", ".join(map(str, numbers[:limit])), total=len(numbers))


def listing(items: list[str], limit: int = 8) -> str | Message:
    """``a, b, c`` or ``a, b, c and 5 more`` (at most ``limit`` items shown)."""
    if len(items) <= limit:
        return ", ".join(items)
    return Message("list.more", items=", ".join(items[:limit]), more=len(items) - limit)


def joined(items: Iterable[str | Message], sep: str = ", ") -> str | Message:
    """``items`` (texts or :class:`Message`) joined with ``sep``, put into words at the edge:
    ``joined([Message(...), Message(...)], " ")`` for sentences, ``", "`` for a listing."""
    items = list(items)
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return Message("text.joined", first=items[0], sep=sep, rest=joined(items[1:], sep))


def shorten(text: Any, width: int) -> str:
    """``text`` in at most ``width`` characters: as it is when it fits, else cut at a word
    boundary (in the second half; else within a word) with an ellipsis, ``"Vi följer upp…"``.
    Runs of spaces are written as one. The one cut for table cells, chart labels, quoted cells
    in messages and comments."""
    text = " ".join(str(text).split())
    if len(text) <= width:
        return text
    cut = text[: width - 1]
    if text[width - 1] != " " and " " in cut[width // 2 :]:  # not already at a word's end
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,.;:–-") + "…"


# ---- numbers ---------------------------------------------------------------------------------
def num(value: float, lang: str = "sv", digits: int | None = 1) -> str:
    """``value`` with ``digits`` decimals (``None``: as few as it needs, ``1.5``, ``10``); a
    decimal comma in Swedish, and a true minus sign (``−1,5``) as :func:`pp` writes it."""
    written = f"{value:g}" if digits is None else f"{value:.{digits}f}"
    if written.startswith("-"):
        written = "−" + written[1:] if float(written.replace(",", ".")) else written[1:]
    return written.replace(".", ",") if check_lang(lang) == "sv" else written


def pct(value: float | None, lang: str = "sv", digits: int = 0) -> str:
    """A 0-1 figure as a percentage: 0.626 -> ``"63 %"`` (``"62,6 %"`` with one digit)."""
    if value is None or value != value:
        return "–"
    return f"{num(value * 100, lang, digits)} %"


#: a figure and the unit after it ("12,7 %", "3,1 p.e.", "3.1 pp"), parted by a space
_FIGURE_UNIT = re.compile(r"(\d) (%|p\.e\.|pp\b)")


def keep_together(text: str) -> str:
    """``text`` with a no-break space between each figure and its unit, so a line is never
    broken between ``57,0`` and ``%`` (the CLI's wrapping and the deck's text boxes)."""
    return _FIGURE_UNIT.sub("\\1\u00a0\\2", text)


def pp(
    value: float | None,
    lang: str = "sv",
    digits: int = 1,
    long: bool = False,
    *,
    sign: bool = True,
    unit: bool = True,
) -> str:
    """A difference of two 0-1 figures in percentage points, with its sign: ``"+3,1 p.e."``.

    The sign is the sign of the figure as written: a difference that rounds to zero is
    ``"±0,0 p.e."`` (never ``"−0,0"``). ``sign=False`` writes the size of a difference
    (``"3,1 p.e."``: a spread, a shortfall), ``unit=False`` the figure alone (``"+3,1"``, in
    an interval)."""
    if value is None or value != value:
        return "–"
    shown = round(value * 100, digits)
    signed = ("+" if shown > 0 else ("−" if shown < 0 else "±")) if sign else ""
    written = f"{signed}{num(abs(value) * 100, lang, digits)}"
    if not unit:
        return written
    return f"{written} {text('unit.pp_long' if long else 'unit.pp', lang)}"


def join(items: Iterable[str], lang: str = "sv") -> str:
    """``"a, b och c"`` / ``"a, b and c"``."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {text('word.and', lang)} " + items[-1]


class Texts:
    """The catalogue bound to one language: ``t = Texts("en"); t("sheet.summary")``."""

    def __init__(self, lang: str = "sv") -> None:
        self.lang = check_lang(lang)

    def __call__(self, key: str, **data: Any) -> str:
        return text(key, self.lang, **data)

    def message(self, note: str | Message | None) -> str:
        """A note in this language (a :class:`Message` put into words; a string as it is)."""
        if note is None:
            return ""
        return note.text(self.lang) if isinstance(note, Message) else note

    def num(self, value: float, digits: int = 1) -> str:
        return num(value, self.lang, digits)

    def pct(self, value: float | None, digits: int = 0) -> str:
        return pct(value, self.lang, digits)

    def pp(
        self,
        value: float | None,
        digits: int = 1,
        long: bool = False,
        *,
        sign: bool = True,
        unit: bool = True,
    ) -> str:
        return pp(value, self.lang, digits, long, sign=sign, unit=unit)

    def join(self, items: Iterable[str]) -> str:
        return join(items, self.lang)

    def kind(self, kind: str) -> str:
        key = f"kind.{kind}"
        return text(key, self.lang) if key in CATALOGUE else kind

    def yes_no(self, value: bool | None) -> str:
        if value is None:
            return ""
        return self("yes") if value else self("no")


CATALOGUE: dict[str, tuple[str, str]] = {
    # ---- words and units ---------------------------------------------------------------------
    "word.and": ("och", "and"),
    "unit.pp": ("p.e.", "pp"),
    "unit.pp_long": ("procentenheter", "percentage points"),
    # ---- the command line --------------------------------------------------------------------
    "cli.note": ("Obs: {note}", "Note: {note}"),
    # ---- the command line: headings and columns ----------------------------------------------
    "cli.header": ("{source}{where}: {n} svarande", "{source}{where}: {n} respondents"),
    "cli.responses": ("svar", "responses"),
    "cli.nothing": ("(inget att visa)", "(nothing to show)"),
    "cli.wrote": ("Skrev {path}", "Wrote {path}"),
    "cli.col.id": ("Id", "Id"),
    "cli.col.part": ("Del", "Part"),
    "cli.col.kind": ("Typ", "Kind"),
    "cli.col.dimension": ("Dimension", "Dimension"),
    "cli.col.statement": ("Påstående", "Statement"),
    "cli.col.score": ("Värde", "Score"),
    "cli.col.level": ("Nivå", "Level"),
    "cli.col.mean": ("Medel", "Mean"),
    "cli.col.dont_know": ("Vet ej", "Don't know"),
    "cli.col.target": ("Mål", "Target"),
    "cli.col.gap": ("Gap", "Gap"),
    "cli.col.before": ("Före", "Before"),
    "cli.col.after": ("Efter", "After"),
    "cli.col.change": ("Förändring", "Change"),
    "cli.col.interval": ("95 %-intervall", "95 % interval"),
    "cli.col.group": ("Grupp", "Group"),
    "cli.col.total": ("Totalt", "Total"),
    "cli.col.items": ("Påståenden", "Items"),
    "cli.col.complete": ("Svarat på alla", "Complete"),
    "cli.col.alpha": ("Alfa", "Alpha"),
    "cli.col.warning": ("Varning", "Warning"),
    "cli.col.blank": ("Tomma", "Blank"),
    "cli.col.axis": ("Axel", "Axis"),
    "cli.col.leans": ("Lutar åt", "Leans to"),
    "cli.col.initiatives": ("Initiativ", "Initiatives"),
    "cli.col.name": ("Namn", "Name"),
    "cli.col.version": ("Version", "Version"),
    "cli.col.title": ("Titel", "Title"),
    "cli.col.source": ("Källa", "Source"),
    "cli.col.statements": ("Påståenden", "Statements"),
    "cli.col.dimensions": ("Dimensioner", "Dimensions"),
    "cli.score.responses_file": (
        "Svar: {file}, {n} svarande",
        "Responses: {file}, {n} respondents",
    ),
    "cli.score.responses": ("Svar: {n} svarande", "Responses: {n} respondents"),
    "cli.score.overall": ("Totalt värde: {score}", "Overall score: {score}"),
    "cli.score.level": ("   Nivå: {level}", "   Level: {level}"),
    "cli.demo.sample": ("Exempeldata: {path}", "Sample data: {path}"),
    "cli.demo.latest": (
        "  Senaste mätningen: {column} = {wave}, {n} av {total} svarande; tidigare: {earlier}",
        "  Latest wave: {column} = {wave}, {n} of {total} respondents; earlier: {earlier}",
    ),
    "cli.demo.change": (
        "Förändring sedan {wave}: totalt {before} → {after} ({change})",
        "Change since {wave}: overall {before} → {after} ({change})",
    ),
    "cli.demo.next": ("Nästa steg med den här filen:", "Next steps with this file:"),
    "cli.lang_arg": ("", " --lang en"),
    "cli.gap.title": (
        "Mål: {target}. Totalt {score} mot {goal}{derived}: {gap}",
        "Target: {target}. Overall {score} vs {goal}{derived}: {gap}",
    ),
    "cli.gap.derived": (
        " (vägt medel av dimensionernas mål)",
        " (weighted mean of the dimension targets)",
    ),
    "cli.gap.inherited": (
        "* målet ärvs från dimensionen ovanför",
        "* target inherited from the dimension above",
    ),
    "cli.prio.title": (
        "Var börja: de {count} översta av {total} {what}",
        "Where to start: the top {count} of {total} {what}",
    ),
    "cli.start.title": (
        "Var börja: {count} av {total} områden",
        "Where to start: {count} of {total} areas",
    ),
    "cli.start.statements": (
        "påståendena i området, svagast först:",
        "the area's statements, weakest first:",
    ),
    "cli.start.others": (
        "Övriga områden i ordning: {areas}.",
        "The other areas in order: {areas}.",
    ),
    "cli.prio.statement": ("påståenden", "statements"),
    "cli.prio.category": ("kategorier", "categories"),
    "cli.prio.dimension": ("dimensioner", "dimensions"),
    "cli.prio.all": ("delar", "parts"),
    "cli.prio.target": (", mål {target}", ", target {target}"),
    "cli.prio.flag": ("[lågt värde + mycket vet ej]", "[low score + much don't know]"),
    "cli.prio.figures": (
        "värde {score}, vet ej {dont_know}",
        "score {score}, don't know {dont_know}",
    ),
    "cli.prio.gap": (", gap {gap}", ", gap {gap}"),
    "cli.prio.priority": (", prioritet {priority}", ", priority {priority}"),
    "cli.prio.why": ("varför: {reason}", "why: {reason}"),
    "cli.prio.rule": ("Regel ({by}): {rule}", "Rule ({by}): {rule}"),
    "cli.prio.default": ("standard", "default"),
    "cli.compare.improved": (
        "Högre på varje påstående? {verdict}.",
        "Higher on every statement? {verdict}.",
    ),
    "cli.compare.yes": ("ja: {verdict}", "yes: {verdict}"),
    "cli.compare.no": ("nej: {verdict}", "no: {verdict}"),
    "cli.compare.significant": (
        "Säkra förändringar bland påståendena: {up} upp, {down} ned (utan justering för "
        "{count} jämförelser: {raw_up} upp, {raw_down} ned).",
        "Clear changes among the statements: {up} up, {down} down (without the adjustment for "
        "{count} comparisons: {raw_up} up, {raw_down} down).",
    ),
    "cli.compare.interval": ("{low} till {high}", "{low} to {high}"),
    "cli.compare.footnote": (
        "* säker förändring: Holm-justerat p < 0,05 (kolumnen p (Holm)); p och 95 %-intervallen "
        "är ojusterade",
        "* clear change: Holm-adjusted p < 0.05 (column p (Holm)); p and the 95 % intervals are "
        "unadjusted",
    ),
    "cli.groups.title": (
        "Grupper efter {by} (minsta gruppstorlek {k})",
        "Groups by {by} (minimum group size {k})",
    ),
    "cli.groups.hidden": ("dold", "suppr."),
    "cli.groups.hidden_head": ("Visas inte (anonymitet):", "Suppressed (anonymity):"),
    "cli.groups.disagree": (
        "Där grupperna skiljer sig mest (högsta minus lägsta synliga grupp):",
        "Where the groups disagree most (highest minus lowest visible group):",
    ),
    "cli.rel.respondents": ("Svarande: {n}{rate}", "Respondents: {n}{rate}"),
    "cli.rel.rate": (" av {invited} inbjudna ({rate})", " of {invited} invited ({rate})"),
    "cli.portfolio.title": (
        "{count} initiativ ({statuses}); svagt = {rule}",
        "{count} initiatives ({statuses}); weak = {rule}",
    ),
    # a status with its count: "klar: 6" reads right for any count ("6 klar" did not)
    "cli.status.klar": ("klara: {n}", "done: {n}"),
    "cli.status.pågående": ("pågående: {n}", "ongoing: {n}"),
    "cli.status.planerad": ("planerade: {n}", "planned: {n}"),
    "cli.portfolio.balance": (
        "Balans på de tre axlarna (-2 .. +2):",
        "Balance on the three axes (-2 .. +2):",
    ),
    "cli.portfolio.weak": (
        "Svaga påståenden och initiativen som tar upp dem:",
        "Weak statements and the initiatives that address them:",
    ),
    "cli.portfolio.via": (" (via dimension: {names})", " (via dimension: {names})"),
    "cli.portfolio.none": ("INGET", "NONE"),
    "cli.portfolio.uncovered": (
        "Svaga påståenden utan initiativ: {ids}",
        "Weak statements with no initiative: {ids}",
    ),
    "cli.portfolio.covered": (
        "Varje svagt påstående har minst ett initiativ.",
        "Every weak statement has at least one initiative.",
    ),
    "cli.portfolio.per_part": ("Initiativ per del: {parts}", "Initiatives per part: {parts}"),
    "cli.models.none": ("Inga modeller installerade.", "No models installed."),
    "cli.models.sample_wrote": (
        "Skrev {path}: {n} påhittade svarande för modellen {model}.",
        "Wrote {path}: {n} made-up respondents for model {model}.",
    ),
    "cli.models.sample_suffix": (
        "Kan inte skriva svar som {name}: ange en .csv- eller .xlsx-fil.",
        "Cannot write answers as {name}: give a .csv or .xlsx file.",
    ),
    "cli.models.folders": (
        "Egna modellfiler (.yaml, .yml, .json) läses från: {folders}",
        "Your own model files (.yaml, .yml, .json) are read from: {folders}",
    ),
    "cli.models.scale": (
        "Skala: {low}-{high}; vet ej: {dont_know}",
        "Scale: {low}-{high}; don't know: {dont_know}",
    ),
    "cli.models.weight": ("(vikt {weight})", "(weight {weight})"),
    "cli.models.reversed": ("[omvänd]", "[reversed]"),
    "cli.models.levels": ("Nivåer: {levels}", "Levels: {levels}"),
    "cli.models.benchmark": (
        "Riktmärke {name}: {label} = {value}",
        "Benchmark {name}: {label} = {value}",
    ),
    "cli.plugins.builtin": ("inbyggt", "built-in"),
    "cli.plugins.external": ("externt", "external"),
    "cli.plugins.status.loaded": ("laddat", "loaded"),
    "cli.plugins.status.model_rejected": ("laddat, modell avvisad", "loaded, model rejected"),
    "cli.plugins.status.skipped": ("används inte", "not used"),
    "cli.plugins.problems": ("Problem:", "Problems:"),
    "cli.plugins.replacements": ("Ersatta modeller:", "Replaced models:"),
    "cli.plugins.hint": (
        "Krokar som räknar (insikter, mål, prioriteringar) körs först när en modell används: "
        "mognad plugin check NAMN provar dem på ett exempel.",
        "Hooks that compute (insights, targets, priorities) run only when a model is used: "
        "mognad plugin check NAME tries them on a sample.",
    ),
    "cli.col.package": ("Paket", "Package"),
    "cli.col.status": ("Status", "Status"),
    "cli.col.hooks": ("Krokar", "Hooks"),
    "cli.plugins.replaced": (
        "modellen '{model}' ersatt av tillägget '{by}' ({env})",
        "model '{model}' replaced by plugin '{by}' ({env})",
    ),
    "cli.settings.value": (
        "{name} = {value}   (från {source})",
        "{name} = {value}   (from {source})",
    ),
    "cli.settings.default": ("standard", "default"),
    "cli.settings.change": (
        "Ändra med {option}, {env}=... eller en rad i {file}.",
        "Change it with {option}, {env}=..., or a {file} line.",
    ),
    "cli.settings.change_no_option": (
        "Ändra med {env}=... eller en rad i {file}.",
        "Change it with {env}=... or a {file} line.",
    ),
    "cli.settings.file": (
        "Inställningsfil: ./{file}, eller filen som {env} anger.",
        "Configuration file: ./{file}, or the file named by {env}.",
    ),
    "setting.min_size": (
        "Minsta antal svarande (och svar på ett påstående) för att ett resultat ska visas; "
        "färre döljs eller vägras (anonymitet). 1 stänger av skyddet: bara för den som äger "
        "svarsdata, och allt som görs så säger det.",
        "Smallest number of respondents (and of answers to a statement) for which a result is "
        "shown; sets of fewer are hidden or refused (anonymity). 1 turns the protection off: "
        "only for the data holder's own use, and every output made that way says so.",
    ),
    "setting.lang": (
        "Språk i det mognad skriver (kommandon utan --lang och Excel-funktionernas celler): sv "
        "(svenska) eller en (engelska).",
        "Language of what mognad writes (commands without --lang, and the Excel functions' "
        "cells): sv (Swedish) or en (English).",
    ),
    "setting.excel_cache_mb": (
        "Hur mycket minne (MB) Excel-funktionerna får använda för att komma ihåg resultat; de "
        "äldsta glöms först.",
        "How much memory (MB) the Excel functions may use to remember results; the oldest are "
        "forgotten first.",
    ),
    "setting.excel_cache_mb.bad": (
        "excel_cache_mb (från {source}) ska vara ett positivt antal megabyte, inte {value}",
        "excel_cache_mb (from {source}) must be a positive number of megabytes, not {value}",
    ),
    "setting.excel_cache_mb.expected": ("ett tal som 256", "a number such as 256"),
    "cli.mapping.wrote": (
        "Skrev {path}: {mapped} av {columns} kolumner kopplade till påståenden, {guesses} "
        "gissning(ar) markerade CHECK, {unmapped} påstående(n) utan kolumn.",
        "Wrote {path}: {mapped} of {columns} columns mapped to statements, {guesses} guess(es) "
        "marked CHECK, {unmapped} statement(s) without a column.",
    ),
    "cli.mapping.next": (
        "Kontrollera raderna markerade CHECK, sedan: {command}",
        "Check the lines marked CHECK, then: {command}",
    ),
    # the overall row of an analysis (its label in the results of gap, compare and groups)
    "part.overall": ("Totalt", "Overall"),
    # the priorities' rule (PriorityResult.rule; analysis.DEFAULT_RULE is the English text)
    "prio.rule": (
        "Kandidater är delarna på den valda nivån som har ett värde. Vetlandas sållning: en "
        "del har lågt värde när värdet ligger under medianen av kandidaternas värden (eller "
        "under modellens egen gräns, när den anger en), och är dåligt känd när andelen vet ej "
        "är minst 20 % (eller modellens egen andel). Prioritet = relativ vikt × ((1 − värde) "
        "+ andel vet ej + avstånd till målet), där den relativa vikten är delens vikt delad "
        "med kandidaternas medelvikt och avståndet är max(0, mål − värde) (0 utan mål; målet "
        "nästa nivå är organisationens nästa nivå). Delar som både har lågt värde och är "
        "dåligt kända kommer först; inom varje grupp kommer högre prioritet först; lika "
        "behåller modellens ordning.",
        "Candidates are the parts at the chosen level that have a score. Vetlanda screen: a "
        "part is low when its score is below the median score of the candidates (or below the "
        "model's own threshold, when it sets one), and poorly known when its don't-know share "
        "is at least 20 % (or the model's own share). Priority = relative weight × ((1 − "
        "score) + don't-know share + shortfall to target), where the relative weight is the "
        "part's weight divided by the mean weight of the candidates and the shortfall is "
        "max(0, target − score) (0 without a target; the target next level is the "
        "organisation's next level). Parts that are both low and poorly known come first; "
        "within each group the higher priority comes first; ties keep model order.",
    ),
    "prio.rule_plugin": (
        "Rangordnat av tillägget {plugin} (kroken rank_priorities).",
        "Ranked by the {plugin} plugin's rank_priorities hook.",
    ),
    # which statements portfolio counts as weak (PortfolioResult.weak_rule)
    "portfolio.weak_median": (
        "värde under medianen för påståendenas värden ({median})",
        "score below the median statement score ({median})",
    ),
    "portfolio.weak_none": ("inget påstående har ett värde", "no statement has a score"),
    "portfolio.weak_target": ("värde under målet {target}", "score below the target {target}"),
    # ---- reading a file: notes on what was read and how ---------------------------------------
    "rows.one": ("rad {row}", "row {row}"),
    "rows.some": ("raderna {rows}", "rows {rows}"),
    "rows.many": ("raderna {rows}, … ({total} totalt)", "rows {rows}, ... ({total} in all)"),
    "list.more": ("{items} och {more} till", "{items} and {more} more"),
    "list.more_ids": ("{items} samt {more} id till", "{items}, and {more} more id(s)"),
    "read.column": ("kolumn {column}", "column {column}"),
    "read.no_answers": (
        "{count} rad(er) utan svar på något påstående räknades inte som svarande ({rows}).",
        "{count} row(s) without an answer to any statement were not counted as respondents "
        "({rows}).",
    ),
    "read.summary_cell": ('rad {row}: "{cell}" i {column}', 'row {row}: "{cell}" in {column}'),
    "read.summary_rows": (
        "{count} summeringsrad(er) räknades inte ({told}).",
        "{count} summary row(s) were not scored ({told}).",
    ),
    "read.summary_by_means": (
        "Rad {row} räknades inte: påståendenas celler är medelvärdet av de andra raderna "
        "avrundat till {digits} decimal(er) (en summeringsrad, inte en svarande).",
        "Row {row} was not scored: its statement cells are the means of the other rows rounded "
        "to {digits} decimal(s) (a summary row, not a respondent).",
    ),
    "read.summary_by_sums": (
        "Rad {row} räknades inte: påståendenas celler är summan av de andra raderna (en "
        "summeringsrad, inte en svarande).",
        "Row {row} was not scored: its statement cells are the sums of the other rows (a summary "
        "row, not a respondent).",
    ),
    "read.duplicates_keep_first": (
        '{count} rad(er) upprepar ett svarande-id i kolumnen "{column}" och räknades inte; den '
        "första raden för varje id behölls (--duplicates keep-first): {rows}.",
        '{count} row(s) repeat a respondent id of column "{column}" and were not scored; the '
        "first row of each id was kept (--duplicates keep-first): {rows}.",
    ),
    "read.duplicates_keep_last": (
        '{count} rad(er) upprepar ett svarande-id i kolumnen "{column}" och räknades inte; den '
        "sista raden för varje id behölls (--duplicates keep-last): {rows}.",
        '{count} row(s) repeat a respondent id of column "{column}" and were not scored; the '
        "last row of each id was kept (--duplicates keep-last): {rows}.",
    ),
    "read.blank_texts": (
        "{count} påståendecell(er) med {texts} (texter som betyder inget värde) lästes som tomma: "
        "inget svar.",
        "{count} statement cell(s) holding {texts} (texts meaning no value) were read as blank: "
        "no answer.",
    ),
    "read.unchecked_labels": (
        'Svar som {texts} lästes efter sitt tal: modellen "{model}" har inga svarsetiketter att '
        "jämföra texten med.",
        'Answers such as {texts} were read by their number: model "{model}" has no answer labels '
        "to check the text against.",
    ),
    "read.columns_kept": (
        "Kolumner som behålls som bakgrundsuppgifter (inte påståenden): {names}.",
        "Columns kept as respondent attributes (not statements): {names}.",
    ),
    "read.unmatched_statements": (
        "Räknas inte: {names} ser ut som påståendekolumn(er) men matchar inget påstående i "
        'modellen "{model}" (id, text, nummer eller alias). Är de påståenden: koppla dem med en '
        "mappningsfil (--mapping, rubrik: påståendets id) eller lägg rubriken bland påståendets "
        "alias; annars byt namn på kolumnen eller ta bort den.",
        "Not scored: {names} look(s) like statement column(s) but match no statement of model "
        '"{model}" (by id, text, number or alias). If they are statements, map them with a '
        "mapping file (--mapping, header: statement id) or add the header to the statement's "
        "aliases; otherwise rename or remove the column(s).",
    ),
    "read.missing_statements": (
        'Ingen kolumn för {count} påstående(n) i modellen "{model}": {ids}; de räknas som '
        "obesvarade.",
        'No column for {count} statement(s) of model "{model}": {ids}; they are scored as having '
        "no answers.",
    ),
    "read.header_only": (
        "Tabellen har en rubrikrad men inga rader med svarande.",
        "The table has a header but no respondent rows.",
    ),
    "read.no_respondents": (
        "Ingen rad i tabellen har svar på något påstående: det finns inga svarande.",
        "No row of the table has an answer to a statement: there are no respondents.",
    ),
    "read.not_utf8": (
        "{file} är inte UTF-8-text: den lästes som {encoding}, vilket ger svenska bokstäver (å, ä, "
        'ö) i stället för konstiga tecken. Ser bokstäverna fel ut: spara filen som "CSV UTF-8".',
        "{file} is not UTF-8 text: it was read as {encoding}, which gives Swedish letters (å, ä, "
        'ö) rather than odd characters. If letters look wrong, save the file as "CSV UTF-8".',
    ),
    "read.in_sheet": (' i bladet "{sheet}"', ' of sheet "{sheet}"'),
    "read.surveymonkey": (
        "Raderna {top} och {second}{in_sheet} lästes som SurveyMonkeys två rubrikrader: varje "
        "kolumn får namn efter sin text i rad {second} (en matrisrad eller ett alternativ), eller "
        'i rad {top} där rad {second} är tom eller säger "Response".',
        "Rows {top} and {second}{in_sheet} were read as SurveyMonkey's two header rows: each "
        "column is named by its text in row {second} (a matrix row or an option), or in row {top} "
        'where row {second} is blank or says "Response".',
    ),
    "read.title_row": (
        "Rad {row}{in_sheet}, ovanför rubrikraden (rad {header}), lästes som en titel och hoppades "
        "över: {text}.",
        "Row {row}{in_sheet}, above the header row (row {header}), was read as a title and "
        "skipped: {text}.",
    ),
    "read.title_rows": (
        "Raderna {rows}{in_sheet}, ovanför rubrikraden (rad {header}), lästes som en titel och "
        "hoppades över ({shown}).",
        "Rows {rows}{in_sheet}, above the header row (row {header}), were read as a title and "
        "skipped ({shown}).",
    ),
    "read.title_row_text": ("rad {row}: {text}", "row {row}: {text}"),
    "read.merged_cells": (
        'Sammanfogade celler i bladet "{sheet}" ({cells}): bara den första cellen i varje har ett '
        "värde; de andra cellerna lästes som tomma.",
        'Merged cells in sheet "{sheet}" ({cells}): only the first cell of each holds a value; '
        "the other cells were read as blank.",
    ),
    "read.hidden_rows": (
        '{count} dold(a) rad(er) i bladet "{sheet}" (rad {rows}), t.ex. dolda av ett filter, '
        "lästes och räknades som de andra raderna; ta bort dem (eller kopiera de synliga raderna "
        "till ett nytt blad) om de inte ska räknas.",
        '{count} hidden row(s) in sheet "{sheet}" (row {rows}), e.g. hidden by a filter, were '
        "read and scored like the other rows; delete them (or copy the visible rows to a new "
        "sheet) if they should not count.",
    ),
    "read.hidden_columns": (
        '{count} dold(a) kolumn(er) i bladet "{sheet}" ({columns}) lästes som de andra.',
        '{count} hidden column(s) in sheet "{sheet}" ({columns}) were read like the others.',
    ),
    "read.uncached": (
        '{count} formelcell(er) i bladet "{sheet}" ({cells}) saknar sparat resultat (arbetsboken '
        "skrevs av ett program och räknades aldrig om i Excel); de lästes som tomma. Öppna filen "
        "i Excel eller LibreOffice och spara den för att behålla värdena.",
        '{count} formula cell(s) in sheet "{sheet}" ({cells}) have no saved result (the workbook '
        "was written by a program and never recalculated in Excel); they were read as blank. "
        "Open the file in Excel or LibreOffice and save it to keep their values.",
    ),
    "read.macros": (
        "Arbetsboken innehåller makron (VBA); mognad läste bara cellernas värden och körde inget "
        "makro.",
        "The workbook contains macros (VBA); mognad read only the cell values and ran no macro.",
    ),
    "read.other_sheets": (
        'Bara bladet "{sheet}" lästes; arbetsboken har {count} andra blad med data ({sheets}). '
        "Finns svaren på flera blad: samla dem i ett blad; läs ett annat blad med --sheet.",
        'Only sheet "{sheet}" was read; the workbook has {count} other sheet(s) with data '
        "({sheets}). If answers are on several sheets, put them in one sheet; read another sheet "
        "with --sheet.",
    ),
    # ---- reliability (mognad_core.analysis.reliability) --------------------------------------
    "rel.response_rate": (
        "Svarsfrekvens {rate}: när färre än hälften svarar kan resultatet skilja sig från hur de "
        "som inte svarade ser det.",
        "Response rate {rate}: with fewer than half answering, the result may not represent "
        "those who did not answer.",
    ),
    "rel.few_answers": (
        "bara {n} giltiga svar (färre än {min}): värdet säger lite",
        "only {n} valid answer(s) (fewer than {min}): the score says little",
    ),
    "rel.uncertain": (
        "värdet är osäkert: ±{half} p.e. (95 % intervall)",
        "the score is uncertain: ±{half} pp (95 % interval)",
    ),
    "rel.one_statement": (
        "ett påstående: alfa kräver minst två",
        "one statement: alpha needs at least two",
    ),
    "rel.alpha_few": (
        "alfa beräknas inte: {complete} svarande besvarade alla påståenden (minst {min} behövs)",
        "alpha not computed: {complete} respondent(s) answered every statement (at least {min} "
        "needed)",
    ),
    "rel.alpha_constant": (
        "alfa kan inte beräknas: svaren varierar inte",
        "alpha cannot be computed: the answers do not vary",
    ),
    "rel.alpha_unstable": (
        "alfa från bara {complete} svarande som besvarat alla påståenden (färre än {min}): osäkert",
        "alpha from only {complete} complete respondents (fewer than {min}): unstable",
    ),
    "rel.alpha_low": (
        "alfa {alpha} är under {ok}: påståendena hänger inte ihop väl",
        "alpha {alpha} is below {ok}: the statements do not hang together well",
    ),
    "rel.all_few": (
        "Alla påståenden har färre än {min} giltiga svar.",
        "Every statement has fewer than {min} valid answers.",
    ),
    "rel.some_few": (
        "Färre än {min} giltiga svar: {ids}.",
        "Fewer than {min} valid answers: {ids}.",
    ),
    "rel.few_respondents": (
        "Bara {n} svarande: se alla siffror som vägledande.",
        "Only {n} respondent(s): treat every figure as indicative.",
    ),
    # ---- analyses: compare, gap, priorities, portfolio ---------------------------------------
    "compare.own_overall": (
        "Ett tillägg räknar modellens totalvärde på sitt eget sätt; inget intervall anges för "
        "förändringen av totalen.",
        "A plugin computes this model's overall score its own way; no interval is given for the "
        "overall change.",
    ),
    "compare.latest_two": (
        'Kolumnen "{column}" har {count} mätningar ({waves}); den senaste ({after}) jämförs med '
        "den före ({before}), som i rapporten. Välj andra med --waves {first},{after} "
        "(waves=(före, efter) i Python).",
        'Column "{column}" has {count} waves ({waves}); the latest ({after}) is compared with the '
        "one before ({before}), as in the report. Choose others with --waves {first},{after} "
        "(waves=(before, after) in Python).",
    ),
    "compare.no_wave": (
        '{count} svarande utan värde i "{column}" togs inte med.',
        '{count} respondent(s) with no value in "{column}" were left out.',
    ),
    "compare.not_compared": (
        "Inte jämförda (inget värde i en av mätningarna): {ids}.",
        "Not compared (no score in one wave): {ids}.",
    ),
    "compare.no_interval": (
        "Inget intervall (färre än {n} svar i en mätning): {ids}.",
        "No interval (fewer than {n} answers in a wave): {ids}.",
    ),
    "gap.overall_only": (
        "{label} publicerar bara ett totalvärde ({value}); delarna har inget eget jämförelsevärde. "
        "Ange värdet som ett tal för att jämföra varje del med det.",
        "{label} publishes only an overall figure ({value}); parts have no benchmark of their "
        "own. Give the figure as a number to compare every part with it.",
    ),
    "gap.no_figures": ("{label} har inga värden.", "{label} has no figures."),
    "gap.no_target": ("Inget mål för: {ids}.", "No target for: {ids}."),
    "prio.not_ranked": (
        "Inte rangordnade, inga giltiga svar: {ids} (titta på dem för sig: ett område som ingen "
        "kan svara på kan självt vara ett ställe att börja).",
        "Not ranked, no valid answers: {ids} (look at these separately: an area nobody can "
        "answer for may itself be a place to start).",
    ),
    "portfolio.effektivitet_innovation": ("Effektivitet–innovation", "Efficiency–innovation"),
    "portfolio.effektivitet_innovation.neg": ("effektivitet", "efficiency"),
    "portfolio.effektivitet_innovation.pos": ("innovation", "innovation"),
    "portfolio.operativt_strategiskt": ("Operativt–strategiskt", "Operational–strategic"),
    "portfolio.operativt_strategiskt.neg": ("operativt", "operational"),
    "portfolio.operativt_strategiskt.pos": ("strategiskt", "strategic"),
    "portfolio.intern_extern": ("Intern–extern nytta", "Internal–external benefit"),
    "portfolio.intern_extern.neg": ("intern nytta", "internal benefit"),
    "portfolio.intern_extern.pos": ("extern nytta", "external benefit"),
    "portfolio.balanced": ("balanserad", "balanced"),
    "portfolio.repeated": (
        "Initiativ som finns med mer än en gång: {names}.",
        "Initiatives listed more than once: {names}.",
    ),
    "portfolio.unclassified": (
        "Inget initiativ är klassat på {axis}.",
        "No initiative is classified on {axis}.",
    ),
    # ---- anonymity (mognad_core.disclosure) --------------------------------------------------
    "reason.hidden": (
        "visas inte av anonymitetsskäl (färre än {k} svarande, eller så att en mindre grupp "
        "inte kan räknas fram)",
        "not shown for anonymity (fewer than {k} respondents, or so that a smaller group cannot "
        "be derived)",
    ),
    "refused": (
        "Resultat för {what} visas inte av anonymitetsskäl: färre än {k} svarande, eller så "
        "skulle en mindre grupp kunna räknas fram ur det som visas (--min-size, "
        "MOGNAD_MIN_SIZE).",
        "No results for {what}, for anonymity: fewer than {k} respondents, or a smaller group "
        "could be derived from what is shown (--min-size, MOGNAD_MIN_SIZE).",
    ),
    "refused.column": (
        'Kolumnen "{column}" har nästan ett eget värde per svarande ({count} olika värden för '
        "{n} svarande), som ett id-nummer eller fritext: den kan inte användas för urval eller "
        "grupper.",
        'The column "{column}" has nearly one value per respondent ({count} distinct values '
        "for {n} respondents), like an id or free text: it cannot be used to select or group "
        "respondents.",
    ),
    "refused.cap": (
        'Kolumnen "{column}" kan inte användas för urval eller grupper: anonymitetsskyddet '
        "håller samman uppdelningar efter högst fyra kolumner, här {columns}.",
        'The column "{column}" cannot be used to select or group respondents: the anonymity '
        "protection keeps breakdowns by at most four columns consistent, here {columns}.",
    ),
    "everyone": (
        "hela filen",
        "the whole file",
    ),
    "responses": (
        "svaren",
        "the responses",
    ),
    "note.hidden_statements": (
        "{count} påstående(n) visas inte ({ids}): färre än {k} svar i gruppen, eller dolda så "
        "att en mindre grupp inte kan räknas fram. De ingår inte i dimensionernas och totalens "
        "värden här.",
        "{count} statement(s) not shown ({ids}): fewer than {k} answers in this set, or hidden "
        "so that a smaller group cannot be derived. They are left out of the dimension and "
        "overall figures here.",
    ),
    "note.spread": (
        "Spridningsmått (standardavvikelse, konfidensintervall) visas bara för minst {k2} svar.",
        "Spread figures (standard deviation, confidence interval) are shown only for at least "
        "{k2} answers.",
    ),
    "off.short": (
        "Anonymitetsskydd avstängt",
        "Anonymity protection off",
    ),
    "note.off": (
        "Anonymitetsskydd avstängt (--min-size 1): små grupper och enskilda svar kan synas. "
        "Dela inte detta resultat utanför den som äger svarsdata.",
        "Anonymity protection off (--min-size 1): small groups and single answers may show. Do "
        "not share this result beyond the data holder.",
    ),
    "hidden_size": (
        "dold",
        "hidden",
    ),
    "note.groups_hidden": (
        "{count} grupp(er) visas inte (minsta gruppstorlek {k}): {names}.",
        "{count} group(s) suppressed (minimum group size {k}): {names}.",
    ),
    "reason.hidden_statement": (
        "visas inte av anonymitetsskäl (färre än {k} svar, eller så att en mindre grupp inte "
        "kan räknas fram)",
        "not shown for anonymity (fewer than {k} answers, or so that a smaller group cannot be "
        "derived)",
    ),
    "note.not_ranked_hidden": (
        "Inte rangordnade, visas inte av anonymitetsskäl: {ids}.",
        "Not ranked, not shown for anonymity: {ids}.",
    ),
    "note.few_groups": (
        "Färre än två grupper visas: ingen jämförelse mellan grupper.",
        "Fewer than two visible groups: no comparison between groups.",
    ),
    "bad_min_size": (
        "Minsta gruppstorlek {value!r} (från {source}) går inte att använda: ange ett heltal "
        "från {floor} och uppåt, eller 1 för att stänga av anonymitetsskyddet.",
        "The minimum group size {value!r} (from {source}) cannot be used: give a whole number "
        "of at least {floor}, or 1 to turn the anonymity protection off.",
    ),
    # ---- waves (ResponseSet.waves, the report's choice of waves) ------------------------------
    "note.waves_pooled": (
        'Svaren är från {count} mätomgångar i kolumnen "{column}" ({waves}) och räknas ihop '
        "här. Välj en med --where {column}={latest}, eller jämför dem med mognad compare "
        "--column {column}.",
        'The responses are from {count} waves in column "{column}" ({waves}), analysed '
        "together here. Choose one with --where {column}={latest}, or compare them with mognad "
        "compare --column {column}.",
    ),
    "note.waves_report": (
        'Svaren är från {count} mätomgångar i kolumnen "{column}" ({waves}): rapporten gäller '
        "{latest}, jämfört med {previous} (--compare {column}={previous},{latest}). Bara "
        "{latest}: --where {column}={latest}.",
        'The responses are from {count} waves in column "{column}" ({waves}): the report is '
        "about {latest}, compared with {previous} (--compare {column}={previous},{latest}). For "
        "{latest} alone: --where {column}={latest}.",
    ),
    "note.waves_report_latest": (
        'Svaren är från {count} mätomgångar i kolumnen "{column}": rapporten gäller {latest} '
        "(urvalet har inga svar från mätningen före).",
        'The responses are from {count} waves in column "{column}": the report is about '
        "{latest} (the selection has no responses from the wave before).",
    ),
    # ---- priorities: the reason for each row (mognad_core.analysis.priorities) ---------------
    "prio.low_median": (
        "lågt värde {score} (under medianen {threshold})",
        "low score {score} (below the median {threshold})",
    ),
    "prio.low_model": (
        "lågt värde {score} (under modellens gräns {threshold})",
        "low score {score} (below the model's threshold {threshold})",
    ),
    "prio.score": ("värde {score}", "score {score}"),
    "prio.high_dont_know": (
        "hög andel vet ej {share} (minst {min})",
        "high don't-know share {share} (≥ {min})",
    ),
    "prio.dont_know": ("vet ej {share}", "don't-know share {share}"),
    "prio.below_target": ("{gap} under målet {target}", "{gap} below target {target}"),
    "prio.target_met": ("målet {target} nås", "target {target} met"),
    "prio.weight": (
        "vikt {weight} ({relative}× genomsnittet)",
        "weight {weight} ({relative}× the average)",
    ),
    # ---- errors (mognad_core.errors: MognadError, InputError; the CLI's exit path) ------------
    "error.needs_result": (
        "{function}() tar ett räknat resultat, inte {given}: "
        "mognad.{function}(mognad.score(svar), ...).",
        "{function}() takes a scored result, not a {given}: "
        "mognad.{function}(mognad.score(responses), ...).",
    ),
    # An error carries a key and its data (texts.Message) and is put into words at the edge;
    # str(err) is the English text. The English words are those the errors always had.
    "cli.error": ("Fel: {message}", "Error: {message}"),
    "cli.unexpected": (
        "Fel: oväntat {kind}: {error}. Det är ett fel i mognad eller i ett tillägg; kör "
        "kommandot igen med --debug och rapportera spårutskriften (traceback).",
        "Error: unexpected {kind}: {error}. This is a bug in mognad or a plugin; run the command "
        "again with --debug and report the traceback.",
    ),
    "where.sheet": ('blad "{sheet}"', 'sheet "{sheet}"'),
    "error.expected": ("Förväntat: {expected}", "Expected {expected}"),
    "error.more_cells": (
        "{count} cell(er) till har samma problem ({cells}).",
        "{count} more cell(s) have the same problem ({cells}).",
    ),
    "error.cell": ("rad {row} {column}", "row {row} {column}"),
    "error.none": ("inga", "none"),
    "error.one_of": ("något av: {items}", "one of: {items}"),
    "error.one_of_then": ("något av: {items}; {hint}", "one of: {items}; {hint}"),
    # files
    "error.file_not_found": ("filen finns inte", "file not found"),
    "error.expected.response_file": ("sökvägen till en svarsfil", "the path of a response file"),
    "error.folder": ("det här är en mapp, inte en fil", "this is a folder, not a file"),
    "error.no_reader": (
        'det finns ingen läsare för "{suffix}"-filer',
        'no reader for "{suffix}" files',
    ),
    "error.no_suffix": ("(utan filändelse)", "(no suffix)"),
    "error.save_as.excel": (
        'öppna {suffix}-filen i Excel och spara den som "Excel-arbetsbok (*.xlsx)"',
        'open the {suffix} file in Excel and save it as "Excel Workbook (*.xlsx)"',
    ),
    "error.save_as.ods": (
        'öppna .ods-filen i LibreOffice och spara den som "Excel 2007-365 (.xlsx)"',
        'open the .ods file in LibreOffice and save it as "Excel 2007-365 (.xlsx)"',
    ),
    "error.save_as.numbers": (
        "exportera Numbers-filen till Excel (.xlsx)",
        "export the Numbers file to Excel (.xlsx)",
    ),
    "error.file_empty": ("filen är tom", "the file is empty"),
    "error.expected.response_data": ("en svarsfil med data", "a response file with data"),
    "error.expected.csv_rows": (
        "en rubrikrad och en rad per svarande",
        "a header row and one row per respondent",
    ),
    "error.expected.header_row": ("en rubrikrad", "a header row"),
    "error.csv_zipped": (
        "filen är en zippad arbetsbok (.xlsx), inte CSV-text",
        "the file is a zipped workbook (.xlsx), not CSV text",
    ),
    "error.expected.csv_or_rename": (
        "en .csv-textfil, eller byt filens namn till .xlsx",
        "a .csv text file, or rename the file to .xlsx",
    ),
    "error.csv_binary": ("filen är binär, inte CSV-text", "the file is binary, not CSV text"),
    "error.expected.csv_text": (
        "en .csv-textfil (UTF-8 eller cp1252)",
        "a .csv text file (UTF-8 or cp1252)",
    ),
    "error.sheet_empty": ("bladet är tomt", "the sheet is empty"),
    "error.expected.header_ids": (
        "en rubrikrad med påståendenas id eller texter",
        "a header row with statement ids or texts",
    ),
    "error.expected.header_or_sheet": (
        "en rubrikrad med påståendenas id eller texter i första bladet, eller bladet som ska "
        "läsas valt med --sheet (andra blad: {sheets})",
        "a header row with statement ids or texts in the first sheet, or the sheet to read "
        "chosen with --sheet (other sheets: {sheets})",
    ),
    "error.no_sheets": ("arbetsboken har inga blad", "the workbook has no sheets"),
    "error.no_sheet_named": (
        'arbetsboken har inget blad som heter "{sheet}"',
        'the workbook has no sheet named "{sheet}"',
    ),
    "error.expected.sheets": ("ett av bladen: {sheets}", "one of the sheets: {sheets}"),
    # models
    "error.unknown_model": (
        "Okänd modell {name}. Installerade modeller: {known}. Ange ett modellnamn eller "
        "sökvägen till en .yaml/.json-modellfil.",
        "Unknown model {name}. Installed models: {known}. Give a model name or the path of a "
        ".yaml/.json model file.",
    ),
    "error.no_sample": (
        "Det finns inga exempeldata för modellen {model}. Modeller med exempeldata: {known}.",
        "No sample data for model {model}. Models with samples: {known}.",
    ),
    # columns, headers and --where
    "error.no_column": ('det finns ingen kolumn "{name}"', 'there is no column "{name}"'),
    "error.no_column_for": (
        'det finns ingen kolumn "{name}" {purpose}',
        'there is no column "{name}" {purpose}',
    ),
    "error.purpose.group_by": ("att gruppera efter", "to group by"),
    "error.purpose.group_respondents_by": (
        "att gruppera de svarande efter",
        "to group respondents by",
    ),
    "error.expected.attribute_columns": (
        "en av bakgrundskolumnerna: {columns}",
        "one of the attribute columns: {columns}",
    ),
    "error.where_syntax": (
        "--where {condition}: skriv det som KOLUMN=VÄRDE, t.ex. år=2025.",
        "--where {condition}: write it as COLUMN=VALUE, e.g. år=2025.",
    ),
    "error.no_such_value": (
        'ingen svarande har "{value}" i kolumnen "{column}"',
        'no respondent has "{value}" in column "{column}"',
    ),
    "error.expected.value_in_column": (
        "ett värde som finns i kolumnen",
        "a value that occurs in the column",
    ),
    "error.header_missing": (
        "den här kolumnen har svar men ingen rubrik",
        "this column has answers but no header",
    ),
    "error.expected.header": (
        "en rubrik med ett påståendes id eller text, eller namnet på en bakgrundsuppgift som "
        "förvaltning",
        "a header with a statement id or text, or an attribute name such as förvaltning",
    ),
    "error.header_twice": (
        'rubriken "{header}" finns två gånger (också i {other})',
        'the header "{header}" appears twice (also in {other})',
    ),
    "error.expected.header_once": ("varje rubrik en gång", "each header once"),
    "error.same_statement": (
        'den här kolumnen och kolumnen "{other}" har båda påståendet "{statement}"',
        'this column and the column "{other}" both hold statement "{statement}"',
    ),
    "error.expected.one_column": (
        "en kolumn per påstående (ta bort eller byt namn på en av dem)",
        "one column per statement (remove or rename one of them)",
    ),
    "error.no_statement_columns": (
        'ingen kolumn matchar ett påstående i modellen "{model}" (rubriker som hittades: '
        "{headers})",
        'no column matches a statement of model "{model}" (headers found: {headers})',
    ),
    "error.expected.statement_headers": (
        "rubriker med påståendenas id ({ids}, ...) eller texter; är det rätt modell och "
        "blad{sheets}?",
        "headers with statement ids ({ids}, ...) or statement texts; is this the right model "
        "and sheet{sheets}?",
    ),
    "error.other_sheets": (
        " (andra blad med data: {sheets}; läs ett av dem med --sheet)",
        " (other sheets with data: {sheets}; read one with --sheet)",
    ),
    "error.mapping_not_statement": (
        'mappningen skickar "{header}" till "{statement}", som inte är ett påstående i '
        'modellen "{model}"',
        'the column mapping sends "{header}" to "{statement}", which is not a statement of '
        'model "{model}"',
    ),
    "error.expected.statement_id": (
        "ett påståendes id, till exempel {ids}",
        "a statement id such as {ids}",
    ),
    "error.mapping_not_found": ("mappningsfilen finns inte", "mapping file not found"),
    # respondents
    "error.duplicate_ids": (
        "{count} svarandes id finns på mer än en rad: {listed}",
        "{count} respondent id(s) appear in more than one row: {listed}",
    ),
    "error.duplicate_id": ('"{id}" på {rows}', '"{id}" in {rows}'),
    "error.expected.each_once": (
        "varje svarande en gång: ta bort de upprepade raderna, eller välj vilket svar som räknas "
        "med --duplicates keep-first eller --duplicates keep-last (duplicates= i Python)",
        "each respondent once: delete the repeated rows, or choose which answer counts with "
        "--duplicates keep-first or --duplicates keep-last (duplicates= in Python)",
    ),
    "error.duplicates_rule": (
        "duplicates={value}: förväntade en av {rules} (vad som görs med ett svarandes id som "
        "finns på mer än en rad).",
        "duplicates={value}: expected one of {rules} (what to do with a respondent id that "
        "appears in more than one row).",
    ),
    "error.no_respondents": ("det finns inga svarande", "there are no respondents"),
    "error.no_respondents_why": (
        "det finns inga svarande: {why}",
        "there are no respondents: {why}",
    ),
    "text.joined": ("{first}{sep}{rest}", "{first}{sep}{rest}"),
    "error.expected.respondent_rows": (
        "rader med minst ett svar på ett påstående (ett tal på skalan eller vet ej)",
        "rows with at least one answer to a statement (a number on the scale or vet ej)",
    ),
    "error.file_no_respondents": (
        "svarsfilen har inga svarande",
        "the response file has no respondents",
    ),
    # answers in cells (mognad_core.answers, responses._cell_error)
    "answer.whole_number": ("ett heltal", "a whole number"),
    "answer.number": ("ett tal", "a number"),
    "answer.blank": ("tom", "blank"),
    "answer.dont_know": ("vet ej", "don't know"),
    "answer.expected": (
        "{kind} från {low} till {high}, {tokens} eller en tom cell",
        "{kind} from {low} to {high}, {tokens} or a blank cell",
    ),
    "answer.expected_labels": (
        "{kind} från {low} till {high} eller en av svarsetiketterna ({listed}), {tokens} eller "
        "en tom cell; andra formuleringar kan ges ett tal med en svarsfil (--answers FIL)",
        "{kind} from {low} to {high} or one of the answer labels ({listed}), {tokens} or a "
        "blank cell; other wordings can be given a number with an answers file (--answers FILE)",
    ),
    "answer.invalid": ("{shown} är inte ett giltigt svar", "{shown} is not a valid answer"),
    "answer.excel_error": (
        "cellen har felvärdet {shown} (en formel som inte kunde räknas ut), inget svar",
        "the cell holds the error value {shown} (a formula that could not be computed), not an "
        "answer",
    ),
    "answer.percentage": (
        "{shown} är en procentsats, inte ett svar",
        "{shown} is a percentage, not an answer",
    ),
    "answer.several": (
        "{shown} har {count} svar i en cell ({listed}): frågan tillät mer än ett val",
        "{shown} holds {count} answers in one cell ({listed}): the question allowed more than "
        "one choice",
    ),
    "answer.one_per_cell": ("ett svar per cell: {expected}", "one answer per cell: {expected}"),
    "answer.disagree": (
        '{shown} är inte ett giltigt svar: talet {number} och etiketten "{label}" ({meaning}) '
        "stämmer inte överens",
        '{shown} is not a valid answer: the number {number} and the label "{label}" ({meaning}) '
        "disagree",
    ),
    "answer.unknown_label": (
        '{shown} är inte ett giltigt svar: "{label}" är inte en av svarsetiketterna',
        '{shown} is not a valid answer: "{label}" is not one of the answer labels',
    ),
    "answer.percent_cell": (
        '"{shown}" (talet {number} i en cell formaterad som procent) är en procentsats, inte '
        "ett svar",
        '"{shown}" (the number {number} in a cell formatted as a percentage) is a percentage, '
        "not an answer",
    ),
    "answer.percent_expected": (
        '{expected}; om kolumnen innehåller svar, ändra dess talformat till "Allmänt" eller "Tal"',
        '{expected}; if the column holds answers, set its number format to "General" or "Number"',
    ),
    # waves (compare, compare_waves)
    "error.waves_models": (
        "Mätningarna lästes med olika modeller ({first} och {second}).",
        "The waves were read with different models ({first} and {second}).",
    ),
    "error.wave_empty": (
        "Mätningen {label} har inga svarande.",
        "Wave {label} has no respondents.",
    ),
    "error.no_wave_column": ("ingen kolumn för mätningar hittades", "no wave column found"),
    "error.expected.wave_column": (
        "en kolumn som heter {names} (eller ange den med column=...); bakgrundskolumnerna är: "
        "{columns}",
        "a column named {names} (or name it with column=...); attribute columns are: {columns}",
    ),
    "error.wave_count": (
        'kolumnen "{column}" har {count} olika värde(n) ({values})',
        'column "{column}" has {count} distinct value(s) ({values})',
    ),
    "error.expected.two_waves": (
        "två mätningar (till exempel 2024 och 2025)",
        "two waves (for example 2024 and 2025)",
    ),
    "error.waves_two": (
        "waves ska ange två mätningar (före, efter), fick {waves}.",
        "waves must name two waves (before, after), got {waves}.",
    ),
    "error.wave_missing": (
        'mätningen "{wave}" finns inte i kolumnen "{column}"',
        'wave "{wave}" does not occur in column "{column}"',
    ),
    "error.waves_same": (
        "Båda mätningarna är {wave}; ange två olika mätningar.",
        "Both waves are {wave}; name two different waves.",
    ),
    "error.compare_files": (
        "compare tar en fil (med en kolumn för mätningar) eller två filer (före, efter).",
        "compare takes one file (with a wave column) or two files (before, after).",
    ),
    "error.compare_one_file": (
        "--column och --waves gäller en fil som har båda mätningarna.",
        "--column and --waves are for one file holding both waves.",
    ),
    "error.compare_waves_option": (
        "--waves {waves}: ange två mätningar, t.ex. --waves 2024,2025.",
        "--waves {waves}: give two waves, e.g. --waves 2024,2025.",
    ),
    # targets, levels and counts
    "error.not_a_score": (
        "{value} är inte ett värde; ange ett tal från 0 till 1",
        "{value} is not a score; give a number from 0 to 1",
    ),
    "error.score_range": (
        "{value} är inte ett värde; ange ett tal från 0 till 1 (eller 0-100 %)",
        "{value} is not a score; give a number from 0 to 1 (or 0-100 %)",
    ),
    "error.target_range": (
        "målet {value} ligger utanför 0-100 %",
        "target {value} is outside 0-100 %",
    ),
    "error.target_range_at": (
        "{where}: målet {value} ligger utanför 0-100 %",
        "{where}: target {value} is outside 0-100 %",
    ),
    "error.target_value": (
        "{where}: målet {value} är varken ett tal (0-1 eller en procentsats) eller ett nivånamn "
        "(nivåer: {levels})",
        "{where}: target {value} is neither a number (0-1 or a percentage) nor a level name "
        "(levels: {levels})",
    ),
    "error.target_pair": (
        "målet {value}: {part} saknar '='; skriv par dimension=värde åtskilda med kommatecken, "
        "till exempel {example}",
        "target {value}: {part} has no '='; write dimension=value pairs separated by commas, "
        "e.g. {example}",
    ),
    "error.target_unknown": (
        "målet {value} är varken ett tal, ett riktmärke för modellen {model} (riktmärken: "
        "{benchmarks}), ett nivånamn, 'next', en lista 'dimension=värde,...' eller en fil",
        "target {value} is not a number, a benchmark of model {model} (benchmarks: "
        "{benchmarks}), a level name, 'next', a 'dimension=value,...' list or a file",
    ),
    "error.not_a_dimension": (
        "{where}: {key} är inte en dimension i modellen {model} ({ids})",
        "{where}: {key} is not a dimension of model {model} ({ids})",
    ),
    "error.gap_target": (
        "gap behöver ett mål: ett tal (0.6 eller 60%), ett riktmärke ({benchmarks}), ett "
        "nivånamn eller en profil per dimension.",
        "gap needs a target: a number (0.6 or 60%), a benchmark name ({benchmarks}), a level "
        "name or a per-dimension profile.",
    ),
    "error.gap_target_option": (
        "gap behöver --target: ett tal (60%), ett riktmärke för {model} ({benchmarks}), ett "
        "nivånamn eller en profil per dimension.",
        "gap needs --target: a number (60%), a benchmark of {model} ({benchmarks}), a level "
        "name or a per-dimension profile.",
    ),
    "error.none_in_model": ("inga i den här modellen", "none in this model"),
    "error.level": (
        'nivån "{level}" är inte en av: {allowed}.',
        'level "{level}" is not one of: {allowed}.',
    ),
    "error.count": (
        "antalet måste vara ett heltal från 1, inte {value}.",
        "count must be a whole number from 1, not {value}.",
    ),
    "error.groups_by": (
        "groups behöver minst en kolumn att gruppera efter (till exempel förvaltning).",
        "groups needs at least one column to group by (for example förvaltning).",
    ),
    "error.password": (
        "arbetsboken är lösenordsskyddad (krypterad) och kan inte läsas",
        "the workbook is password-protected (encrypted) and cannot be read",
    ),
    "error.expected.xlsx": (
        "en Excel-arbetsbok (.xlsx) sparad av Excel, LibreOffice eller ett enkätverktyg",
        "an Excel workbook (.xlsx) saved by Excel, LibreOffice or a survey tool",
    ),
    "error.expected.xlsx_html": (
        "en Excel-arbetsbok (.xlsx) sparad av Excel, LibreOffice eller ett enkätverktyg; eller "
        "öppna filen i Excel och spara den som .xlsx",
        "an Excel workbook (.xlsx) saved by Excel, LibreOffice or a survey tool; or open it in "
        "Excel and save it as .xlsx",
    ),
    "error.expected.xlsx_text": (
        "en Excel-arbetsbok (.xlsx) sparad av Excel, LibreOffice eller ett enkätverktyg; om det "
        "är CSV-text, byt namn på den till .csv",
        "an Excel workbook (.xlsx) saved by Excel, LibreOffice or a survey tool; if it is CSV "
        "text, rename it to .csv",
    ),
    "error.xlsx_unreadable_zip": (
        'filen är inte en läsbar .xlsx-arbetsbok (läsarens besked: "{detail}")',
        "the file is not a readable .xlsx workbook ({detail})",
    ),
    "error.xlsx_unreadable": (
        'filen kunde inte läsas som en Excel-arbetsbok (läsarens besked: "{detail}")',
        "the file could not be read as an Excel workbook ({detail})",
    ),
    "error.xlsx_old_format": (
        "filen är en Excel 97-2003-arbetsbok i det gamla formatet (.xls) med ändelsen {suffix}",
        "the file is an old-format Excel 97-2003 workbook (.xls) named {suffix}",
    ),
    "error.expected.xlsx_save_as": (
        'en .xlsx-arbetsbok: öppna filen i Excel och spara den som "Excel-arbetsbok (*.xlsx)"',
        'an .xlsx workbook: open the file in Excel and save it as "Excel Workbook (*.xlsx)"',
    ),
    "error.expected.no_password_how": (
        "en arbetsbok sparad utan lösenord (i Excel: Arkiv > Info > Skydda arbetsbok > "
        "Kryptera med lösenord, ta bort lösenordet, spara)",
        "a workbook saved without a password (in Excel: File > Info > Protect Workbook > "
        "Encrypt with Password, clear the password, save)",
    ),
    "error.xlsx_is_other": (
        "filen är {kind}, inte en .xlsx-arbetsbok",
        "the file is {kind}, not an .xlsx workbook",
    ),
    "error.kind.word": ("ett Word 97-2003-dokument (.doc)", "a Word 97-2003 document (.doc)"),
    "error.kind.old_office": ("en gammal Office-fil", "an old Office file"),
    "error.kind.html": (
        "HTML- eller XML-text (en del system exporterar webbtabeller med en Excel-ändelse)",
        "HTML or XML text (some systems export web tables with an Excel suffix)",
    ),
    "error.kind.text": ("vanlig text", "plain text"),
    "error.xlsx_damaged_zip": (
        "filen är inte en läsbar .xlsx-arbetsbok: zip-arkivet är skadat",
        "the file is not a readable .xlsx workbook: the zip archive is damaged",
    ),
    "error.expected.undamaged": (
        "en oskadad arbetsbok (spara den igen från Excel, eller kopiera eller ladda ner den igen)",
        "an undamaged workbook (save it again from Excel, or copy or download it again)",
    ),
    "error.xlsx_not_zip": (
        "filen är inte en Excel-arbetsbok (den är inte ett zip-arkiv)",
        "the file is not an Excel workbook (it is not a zip archive)",
    ),
    "error.header_merged": (
        "rubrikcellerna {ref} är sammanfogade",
        "the header cells {ref} are merged",
    ),
    "error.expected.header_unmerged": (
        "en rubrikcell per kolumn på en rad: dela de sammanfogade cellerna (Start > Centrera "
        "över kolumner > Dela celler) och ge varje kolumn en egen rubrik; ta bort eventuell "
        "titel- eller grupprad ovanför rubrikerna",
        "one header cell per column in one row: unmerge the cells (Home > Merge & "
        "Center > Unmerge Cells) and give each column its own header; delete any title "
        "or group row above the headers",
    ),
    "error.expected.no_password": (
        "en arbetsbok sparad utan lösenord",
        "a workbook saved without a password",
    ),
    "error.answers_not_found": ("filen med svarsord finns inte", "answers file not found"),
    "error.expected.data_file": (
        "sökvägen till en .yaml-, .json- eller .csv-fil",
        "the path of a .yaml, .json or .csv file",
    ),
    "error.csv_rows": (
        'CSV-raderna stämmer inte överens (CSV-läsarens besked: "{detail}")',
        "the CSV rows do not line up ({detail})",
    ),
    "error.expected.csv_fields": (
        'samma antal "{sep}"-separerade fält på varje rad',
        'the same number of "{sep}"-separated fields on every row',
    ),
    # an initiatives file
    "error.axis_value": (
        "{value} är inget värde på axeln {axis}",
        "{value} is not a value on the {axis} axis",
    ),
    "error.expected.axis_value": (
        'ett heltal från -2 ({neg}) till 2 ({pos}), eller "{neg1}", "mest {neg1}", "båda", '
        '"mest {pos1}", "{pos1}" eller tomt',
        'a whole number from -2 ({neg}) to 2 ({pos}), or "{neg1}", "mest {neg1}", "båda", '
        '"mest {pos1}", "{pos1}", or blank',
    ),
    # the configuration file (mognad.toml)
    "error.config_missing": (
        "konfigurationsfilen som {env} namnger finns inte",
        "the configuration file named by {env} does not exist",
    ),
    "error.expected.config_path": (
        "sökvägen till en {file}-fil, eller ta bort {env}",
        "the path of a {file} file, or unset {env}",
    ),
    "error.config_unreadable": (
        'konfigurationsfilen kan inte läsas (TOML-tolkens besked: "{detail}")',
        'the configuration file cannot be read (the TOML parser says: "{detail}")',
    ),
    "error.expected.toml": (
        "TOML-rader, till exempel min_size = 5",
        "TOML lines such as min_size = 5",
    ),
    "error.config_unknown": (
        "okänd(a) inställning(ar) i konfigurationsfilen: {names}",
        "unknown setting(s) in the configuration file: {names}",
    ),
    # a table in another shape than one row per respondent
    "error.row_per_answer": (
        "tabellen har en rad per svar: den här kolumnen namnger påståendena ({shown}), vart och "
        "ett på flera rader",
        "the table has a row per answer: this column names the statements ({shown}), each in "
        "several rows",
    ),
    "error.expected.pivot": (
        "en rad per svarande och en kolumn per påstående, med påståendena i rubrikraden: gör en "
        "pivottabell med de svarande som rader, påståendena som kolumner och svaren som värden",
        "one row per respondent and one column per statement, the statements in the header "
        "row: make a pivot table with the respondents as rows, the statements as columns and "
        "the answers as values",
    ),
    "error.statements_in_rows": (
        "påståendena står i rader, inte i kolumner: den här kolumnen namnger {n} påståenden "
        "({shown})",
        "the statements are in rows, not in columns: this column names {n} statements ({shown})",
    ),
    "error.expected.transpose": (
        "en rad per svarande och en kolumn per påstående, med påståendena i rubrikraden: vänd "
        "tabellen (kopiera den och välj sedan Klistra in special > Transponera)",
        "one row per respondent and one column per statement, the statements in the header "
        "row: turn the table (copy it, then Paste Special > Transpose)",
    ),
    "error.numbered_columns": (
        "de {n} numrerade kolumnerna {shown} (nummer {numbers}) motsvarar inte ett till ett de "
        '{m} påståenden som modellen "{model}" numrerar {named} (nummer {model_numbers}): '
        "vilken kolumn som innehåller vilket påstående går inte att avgöra av numren (några "
        "kolumner kan vara bakgrundsfrågor, eller påståenden kan vara utelämnade)",
        "the {n} numbered column(s) {shown} (numbers {numbers}) do not correspond one to one "
        'with the {m} statement(s) that model "{model}" numbers {named} (numbers '
        "{model_numbers}): which column holds which statement cannot be told from the numbers "
        "(some columns may be background questions, or statements may be left out)",
    ),
    "error.expected.numbered_mapping": (
        "en mappningsfil som säger vilken rubrik som innehåller vilket påstående (--mapping "
        "FIL); `mognad mapping init {file} --model {model}{sheet}` skriver en från filens "
        "rubriker, med gissningarna markerade för dig att kontrollera",
        "a mapping file saying which header holds which statement (--mapping FILE); "
        "`mognad mapping init {file} --model {model}{sheet}` writes one from this file's "
        "headers, with its guesses marked for you to check",
    ),
    # the small data files (mappings, answers, targets, invited counts) and what is in them
    "error.what.mapping_file": ("mappningsfilen", "the mapping file"),
    "error.what.answers_file": ("filen med svarsord", "the answers file"),
    "error.what.target_file": ("målfilen", "the target file"),
    "error.what.invited_file": ("filen med antal inbjudna", "the invited file"),
    "error.what.target_table": ("måltabellen", "the target table"),
    "error.what.target_range": ("målområdet", "the target range"),
    # the parser's own words ({detail}) are quoted as it gave them
    "error.data_file.yaml": (
        '{what} kan inte tolkas som YAML (YAML-tolkens besked: "{detail}")',
        '{what} cannot be parsed as YAML (the YAML parser says: "{detail}")',
    ),
    "error.data_file.not_utf8": ("{what} är inte UTF-8-text", "{what} is not UTF-8 text"),
    "error.expected.utf8": (
        "text sparad som UTF-8 (i en textredigerare: Spara som, kodning UTF-8)",
        "text saved as UTF-8 (in a text editor: Save As, encoding UTF-8)",
    ),
    "error.data_file.json": (
        '{what} kan inte tolkas som JSON (JSON-tolkens besked: "{detail}")',
        '{what} cannot be parsed as JSON (the JSON parser says: "{detail}")',
    ),
    "error.expected.yaml_lines": (
        'giltig YAML, med en rad "nyckel: värde" för varje post och en text med kolon, komma '
        "eller # inom dubbla citattecken",
        'valid YAML, with a "key: value" line for each entry and a text with a colon, comma or # '
        "in double quotes",
    ),
    "error.expected.json_object": (
        'giltig JSON, ett objekt med par "nyckel": värde',
        'valid JSON, an object of "key": value pairs',
    ),
    "error.mapping_not_mapping": (
        "mappningsfilen är ingen mappning från rubrik till påstående",
        "the mapping file is not a mapping from header to statement",
    ),
    "error.expected.mapping_lines": (
        'rader "rubrik: påståendets_id"',
        '"header: statement_id" lines',
    ),
    "error.mapping_columns": (
        "mappningstabellen behöver två kolumner",
        "the mapping table needs two columns",
    ),
    "error.expected.mapping_columns": ("rubrik, påståendets id", "header, statement id"),
    "error.answers_not_wordings": (
        "filen med svarsord är ingen lista av svarsord",
        "the answers file is not a list of wordings",
    ),
    "error.expected.answers_lines": (
        'rader "svarsord: tal", till exempel "Instämmer helt: 5" eller "Ingen uppfattning: vet ej"',
        '"wording: number" lines, e.g. "Instämmer helt: 5" or "Ingen uppfattning: vet ej"',
    ),
    "error.answers_columns": (
        "tabellen med svarsord behöver två kolumner",
        "the answers table needs two columns",
    ),
    "error.expected.answers_columns": ("svarsord, tal", "wording, number"),
    "error.answers_meaning": (
        'filen med svarsord ger "{wording}" betydelsen {value}, som inte är ett svar',
        'the answers file gives "{wording}" the meaning {value}, which is not an answer',
    ),
    "error.answers_number_wording": (
        'filen med svarsord ger talet "{wording}" betydelsen {value}, men en cell med ett tal '
        "läses alltid som just det talet, så raden används aldrig",
        'the answers file gives the number "{wording}" the meaning {value}, but a cell holding a '
        "number is always read as that very number, so the entry is never used",
    ),
    "error.expected.answers_wording": (
        "svarsord i ord, inte tal (ett tal som betyder vet ej hör till modellens dont_know-lista)",
        "wordings in words, not numbers (a number meaning don't know belongs in the model's "
        "dont_know list)",
    ),
    "error.expected.answers_meaning": (
        'varje svarsord med ett tal från {low} till {high}, "{dont_know}" eller inget '
        "(ett tomt svar)",
        'each wording given a number from {low} to {high}, "{dont_know}" or nothing '
        "(a blank answer)",
    ),
    "error.target_not_mapping": ("målfilen är ingen mappning", "the target file is not a mapping"),
    "error.expected.target_lines": ('rader "dimensionens_id: mål"', '"dimension_id: target" lines'),
    "error.target_columns": (
        "{what} behöver två kolumner: dimension (id eller namn) och mål",
        "{what} needs two columns: dimension (id or label) and target",
    ),
    "error.expected.target_columns": (
        "dimensionens id (eller namn) och mål",
        "dimension id (or label) and target",
    ),
    "error.two_columns": ("{what} behöver två kolumner", "{what} needs two columns"),
    "error.target_empty": ("{what} innehåller inga mål", "{what} is empty"),
    "error.target_profile_empty": (
        "målet {where} ger ingen dimension ett mål (varje värde saknas eller är tomt); ange ett "
        "mål för minst en av dimensionerna {ids}",
        "target {where} gives no dimension a target (every value is missing or blank); give "
        "one of the dimensions {ids} a target",
    ),
    "error.target_next_levels": (
        "målet 'next' kräver mognadsnivåer; modellen {model} har inga",
        "target 'next' needs maturity levels; model {model} has none",
    ),
    # model files
    "error.model_file.not_found": (
        "{path}: modellfilen finns inte",
        "{path}: model file not found",
    ),
    "error.model_file.too_large": (
        "{name}: modellfilen är större än {limit} byte",
        "{name}: model file is larger than {limit} bytes",
    ),
    "error.model_file.not_utf8": (
        '{name}: modellfilen är inte UTF-8-text (avkodarens besked: "{detail}")',
        '{name}: model file is not UTF-8 text (the decoder says: "{detail}")',
    ),
    "error.model_file.suffix": (
        "{name}: en modellfil ska sluta på .yaml, .yml eller .json",
        "{name}: a model file must end in .yaml, .yml or .json",
    ),
    "error.model_file.not_mapping": (
        "{source}: en modelldefinition ska vara en mappning med name, title, ...",
        "{source}: a model definition must be a mapping with name, title, ...",
    ),
    # a model file that does not validate: the validator's own words ({msg}) quoted in Swedish
    "model.invalid": (
        "{source}: modelldefinitionen är inte giltig. {lines}.{more}",
        "{source}: the model definition is not valid. {lines}.{more}",
    ),
    "model.invalid.more": (" ({n} problem till visas inte.)", " ({n} more problem(s) not shown.)"),
    "model.invalid.top": ("(översta nivån)", "(top level)"),
    "model.invalid.line": (" (rad {line}, kolumn {column})", " (line {line}, column {column})"),
    "model.invalid.cut": (
        "{where}: ser ut som resten av en text som delats vid ett kommatecken: sätt texten inom "
        "dubbla citattecken{fix} eller skriv den i blockstil ({docs})",
        "{where}: looks like the rest of a text cut at a comma: put the text in double "
        "quotes{fix} or write it in block style ({docs})",
    ),
    "model.invalid.missing": (
        "{where}: det här fältet krävs men saknas",
        "{where}: this field is required but missing",
    ),
    "model.invalid.extra": (
        "{where}: okänt fält (kontrollera stavningen mot docs/model-format.md)",
        "{where}: unknown field (check the spelling against docs/model-format.md)",
    ),
    "model.invalid.other": (
        '{where}: valideringens besked: "{msg}"{shown}',
        "{where}: {msg}{shown}",
    ),
    "model.invalid.got": (" (fick {got})", " (got {got})"),
    "error.model_file.at": (
        "{name}, rad {line}, kolumn {column}",
        "{name}, line {line}, column {column}",
    ),
    "error.model_file.json": (
        '{where}: inte giltig JSON (JSON-tolkens besked: "{detail}")',
        '{where}: not valid JSON (the JSON parser says: "{detail}")',
    ),
    "error.model_file.yaml": (
        '{where}: inte giltig YAML (YAML-tolkens besked: "{detail}").{hint}',
        '{where}: not valid YAML (the YAML parser says: "{detail}").{hint}',
    ),
    "error.model_file.yaml_syntax": ("syntaxfel", "syntax error"),
    "hint.yaml.reads": (" Raden lyder: {line}.", " The line reads: {line}."),
    "hint.yaml.began": (
        " Sammanhanget som inte avslutas började på rad {line}: {text}.",
        " What it is part of began on line {line}: {text}.",
    ),
    "hint.yaml.docs": (
        'docs/model-format.md, avsnittet "Texts with commas, colons and #"',
        'docs/model-format.md, section "Texts with commas, colons and #"',
    ),
    "hint.yaml.quote": (
        "{shown} Sätt texter inom dubbla citattecken, särskilt en text med komma, kolon eller # "
        '(text: "Mål: en plan, men ingen budget"), eller skriv varje fält på en egen rad '
        "(blockstil): se {docs}.",
        "{shown} Put texts in double quotes, especially a text with a comma, colon or # "
        '(text: "Mål: en plan, men ingen budget"), or write each field on its own line '
        "(block style): see {docs}.",
    ),
    "error.where.target": ("mål", "target"),
    "error.where.target_profile": ("målprofil", "target profile"),
    # a cell's value as an error shows it
    "value.logical": ("{value} (en cell med sant/falskt)", "{value} (a TRUE/FALSE cell)"),
    "value.long_text": ('"{start}" ({count} tecken)', '"{start}" ({count:,} characters)'),
    "value.date": ("{value} (ett datum)", "{value} (a date)"),
    "value.datetime": ("{value} (datum och tid)", "{value} (a date and time)"),
    "value.time": ("{value} (en tid)", "{value} (a time)"),
    "error.invited": (
        "antalet inbjudna ska vara ett heltal, minst 1 (fick {invited}).",
        "invited must be a whole number of people, at least 1 (got {invited}).",
    ),
    "error.invited_not_found": (
        "filen med antal inbjudna finns inte.",
        "the file of invited counts does not exist.",
    ),
    "error.invited_not_mapping": (
        "filen med antal inbjudna är inte en lista av namn och antal.",
        "the file of invited counts is not a list of names and counts.",
    ),
    "error.invited_columns": (
        "tabellen med antal inbjudna behöver två kolumner.",
        "the table of invited counts needs two columns.",
    ),
    "expected.invited": (
        'rader med namn och antal, t.ex. "totalt: 600", "Socialförvaltningen: 120" eller '
        '"2024: 580" (en grupp, en mätomgång eller totalt)',
        'lines of name and count, e.g. "total: 600", "Socialförvaltningen: 120" or '
        '"2024: 580" (a group, a wave or the total)',
    ),
    "error.invited_fewer": (
        "Det finns {n} svarande men bara {invited} inbjudna; kontrollera antalet inbjudna.",
        "There are {n} respondents but only {invited} invited; check the invited count.",
    ),
    # the initiative table (mognad_core.analysis.portfolio)
    "error.initiative_columns": (
        "initiativtabellen har ingen kolumn för {absent} (rubriker som hittades: {headers})",
        "the initiative table has no column for {absent} (headers found: {headers})",
    ),
    "error.expected.initiative_columns": (
        "kolumnerna namn, status, påståenden och de tre axlarna effektivitet–innovation, "
        "operativt–strategiskt, intern–extern nytta",
        "columns namn, status, påståenden and the three axes effektivitet–innovation, "
        "operativt–strategiskt, intern–extern nytta",
    ),
    "error.initiative_name": ("initiativet har inget namn", "this initiative has no name"),
    "error.expected.name": ("ett namn", "a name"),
    "error.not_a_status": ("{value} är ingen status", "{value} is not a status"),
    "error.no_status": ("ingen status", "no status"),
    "error.expected.status": ("klar, pågående eller planerad", "klar, pågående or planerad"),
    "error.initiative_unmapped": (
        "initiativet är inte kopplat till något påstående eller någon dimension",
        "this initiative is not mapped to any statement or dimension",
    ),
    "error.expected.part_ids": (
        "id för påståenden eller dimensioner, t.ex. {ids}",
        "statement or dimension ids, e.g. {ids}",
    ),
    "error.not_a_part": (
        '"{part}" är inte ett påstående eller en dimension i modellen "{model}"',
        '"{part}" is not a statement or dimension of model "{model}"',
    ),
    "error.expected.ids_such_as": (
        "id som {statements} eller {dimensions}, åtskilda med kommatecken",
        "ids such as {statements} or {dimensions}, separated by commas",
    ),
    "error.no_initiatives": (
        "initiativtabellen har inga initiativ",
        "the initiative table has no initiatives",
    ),
    "error.expected.initiative_rows": ("en rad per initiativ", "one row per initiative"),
    # reports (--compare, the output)
    "error.report_compare": (
        "--compare {spec}: ange kolumnen för mätningar och två mätningar, t.ex. år=2024,2025, "
        "eller den tidigare mätningens svarsfil.",
        "--compare {spec}: name the wave column and two waves, e.g. år=2024,2025, or give the "
        "earlier wave's response file.",
    ),
    "error.report_compare_neither": (
        '--compare "{previous}" är varken en svarsfil eller en kolumn för mätningar i svaren',
        '--compare "{previous}" is neither a response file nor a wave column of the responses',
    ),
    "error.expected.earlier_wave": (
        "den tidigare mätningens svarsfil, eller en kolumn som år (bakgrundskolumner: {columns})",
        "the earlier wave's response file, or a column such as år (attribute columns: {columns})",
    ),
    "error.report_not_folder": (
        "{path} finns och är inte en mapp: ange en .xlsx-fil, en .pptx-fil eller en mapp.",
        "{path} exists and is not a folder: give a .xlsx file, a .pptx file or a folder.",
    ),
    "error.report_suffix": (
        "Kan inte skriva en rapport som {name}: ange en .xlsx-fil, en .pptx-fil eller en mapp "
        "(för båda).",
        "Cannot write a report as {name}: give a .xlsx file, a .pptx file or a folder (for both).",
    ),
    # ---- plugins: one bad plugin never takes the rest down (mognad_core.plugins) -------------
    "plugin.problem.load": (
        "tillägget '{name}' kunde inte laddas och används inte: {error}",
        "plugin '{name}' could not be loaded and is not used: {error}",
    ),
    "plugin.problem.hook": (
        "kroken {hook} i tillägget '{name}' misslyckades: {error}; {effect}",
        "hook {hook} of plugin '{name}' failed: {error}; {effect}",
    ),
    # what was done when a hook failed (plugin.problem.hook), one per hook in hookspecs.py
    "plugin.effect.register_models": ("dess modeller utelämnades", "its models were left out"),
    "plugin.effect.register_readers": (
        "dess filläsare utelämnades",
        "its file readers were left out",
    ),
    "plugin.effect.register_samples": (
        "dess exempelfiler utelämnades",
        "its sample files were left out",
    ),
    "plugin.effect.register_commands": ("dess kommandon saknas", "its commands are missing"),
    "plugin.effect.overall_score": (
        "totalvärdet beräknades på mognads vanliga sätt",
        "the overall score was computed mognad's usual way",
    ),
    "plugin.effect.model_insights": ("dess insikter utelämnades", "its insights were left out"),
    "plugin.effect.rank_priorities": (
        "prioriteringarna rangordnades med mognads vanliga regel",
        "the priorities were ranked by mognad's usual rule",
    ),
    "plugin.effect.resolve_target": (
        "målet tolkades med mognads egna regler",
        "the target was read by mognad's own rules",
    ),
    "plugin.effect.other": ("dess svar utelämnades", "its answer was left out"),
    "plugin.problem.model_taken": (
        "modellen '{model}' i tillägget '{name}' används inte: tillägget '{other}' har redan en "
        "modell med det namnet{spelt}. Alla andra modeller fungerar. För att använda den här i "
        "stället: sätt {env}={model}={name}, eller avinstallera ett av tilläggen.",
        "model '{model}' of plugin '{name}' is not used: plugin '{other}' already has a model "
        "of that name{spelt}. All other models work. To use this one instead, set "
        "{env}={model}={name}, or uninstall one of the plugins.",
    ),
    "plugin.problem.model_taken_builtin": (
        "modellen '{model}' i tillägget '{name}' används inte: namnet tillhör den inbyggda "
        "modellen i tillägget '{other}'{spelt}. Alla andra modeller fungerar. Ge din modell ett "
        "annat namn, eller sätt {env}={model}={name} för att använda den i stället för den "
        "inbyggda.",
        "model '{model}' of plugin '{name}' is not used: the name belongs to the built-in model "
        "of plugin '{other}'{spelt}. All other models work. Give your model another name, or "
        "set {env}={model}={name} to use it instead of the built-in one.",
    ),
    "plugin.problem.spelt": (
        " (stavat '{spelt}': modellnamn skiljer inte på stora och små bokstäver)",
        " (spelt '{spelt}': model names ignore case)",
    ),
    "plugin.problem.model_twice": (
        "tillägget '{name}' registrerar två modeller med namnet '{model}'; den första används.",
        "plugin '{name}' registers two models named '{model}'; the first is used.",
    ),
    "plugin.problem.model_reserved": (
        "modellen '{model}' i tillägget '{name}' används inte: namnet tillhör den inbyggda "
        "modellen i tillägget '{other}' ({why}). Att blockera en inbyggd modell lämnar aldrig "
        "över dess namn; för att använda den här modellen under det namnet: sätt "
        "{env}={model}={name}.",
        "model '{model}' of plugin '{name}' is not used: the name belongs to the built-in model "
        "of plugin '{other}' ({why}). Blocking a built-in never hands its name to another "
        "plugin; to use this model under that name, set {env}={model}={name}.",
    ),
    "plugin.problem.not_loaded": ("inte laddat", "not loaded"),
    "plugin.problem.file_taken": (
        "modellfilen {path} används inte: modellnamnet '{model}' är redan upptaget av {who}. "
        "Ge modellen ett annat namn (name: i filen).",
        "the model file {path} is not used: the model name '{model}' is already taken by {who}. "
        "Give the model another name (name: in the file).",
    ),
    "plugin.who.plugin": ("tillägget '{name}'", "plugin '{name}'"),
    "plugin.who.file": ("modellfilen {path}", "the model file {path}"),
    "plugin.problem.bad_file": (
        "modellfilen {path} används inte: {error}",
        "the model file {path} is not used: {error}",
    ),
    "plugin.problem.no_folder": (
        "{env} nämner mappen {folder}, som inte finns; den hoppas över",
        "{env} names the folder {folder}, which does not exist; it is skipped",
    ),
    "setting.models_path": (
        "Mappar med egna modellfiler (.yaml, .yml, .json), åtskilda med : (; i Windows). "
        "mognad models listar modellerna och --model NAMN använder dem. Mappen models i "
        "mognads inställningsmapp söks alltid (mognad models visar var den ligger).",
        "Folders of your own model files (.yaml, .yml, .json), separated by : (; on Windows). "
        "mognad models lists their models and --model NAME uses them. The folder models in "
        "mognad's configuration folder is always searched (mognad models shows where it is).",
    ),
    "plugin.problem.unknown_name": (
        "{env} nämner '{value}', som inte är ett installerat tillägg{close}; installerade "
        "tillägg: {known}",
        "{env} names '{value}', which is not an installed plugin{close}; installed plugins: "
        "{known}",
    ),
    "plugin.problem.close": (" (menade du '{close}'?)", " (did you mean '{close}'?)"),
    "plugin.problem.essential": (
        "{env}: '{value}' kan inte blockeras (utan det kan ingen fil läsas) och laddas ändå",
        "{env}: '{value}' cannot be blocked (without it no file can be read) and is loaded anyway",
    ),
    "plugin.problem.replace_bad": (
        "{env}: '{value}' ska skrivas modell=tillägg, t.ex. dimios=acme; det används inte",
        "{env}: '{value}' should be written model=plugin, e.g. dimios=acme; it is not used",
    ),
    "plugin.problem.replace_unused": (
        "{env} väljer tillägget '{plugin}' för modellen '{model}', men det tillägget har "
        "ingen modell med det namnet{close}; inställningen gör ingenting",
        "{env} chooses plugin '{plugin}' for model '{model}', but that plugin has no model of "
        "that name{close}; the setting does nothing",
    ),
    "plugin.problem.name_twice": (
        "två installerade paket har ett tillägg som heter '{name}': {first} och {other}; bara "
        "det från {first} laddas. Avinstallera ett av paketen, eller byt namn på tillägget "
        "(ingångspunkten i pyproject.toml).",
        "two installed packages have a plugin called '{name}': {first} and {other}; only the "
        "one from {first} is loaded. Uninstall one of the packages, or rename the plugin (its "
        "entry point in pyproject.toml).",
    ),
    "plugin.problem.replace_no_model": (
        "{env} nämner modellen '{model}', som inget tillägg har{close}; det används inte",
        "{env} names model '{model}', which no plugin has{close}; it is not used",
    ),
    "plugin.reason.failed": ("kunde inte laddas: {error}", "could not be loaded: {error}"),
    "cli.plugins.blocked": ("blockerat av {env}", "blocked by {env}"),
    "cli.plugins.not_allowed": ("inte med i {env}", "not in {env}"),
    "cli.warning": ("mognad: varning: {message}", "mognad: warning: {message}"),
    "excel.models.warning": ("Varning", "Warning"),
    "setting.replace_models": (
        "Modeller som ett tillägg ska ta över när två tillägg har en modell med samma namn: "
        "modell=tillägg, kommaseparerat (t.ex. dimios=acme). Det enda sättet att ersätta en "
        "inbyggd modell.",
        "Models a plugin takes over when two plugins have a model of the same name: "
        "model=plugin, comma-separated (e.g. dimios=acme). The only way to replace a built-in "
        "model.",
    ),
    # ---- plugin check: mognad plugin check NAME (mognad_core.plugin_check) --------------------
    "check.loaded": ("tillägget '{name}' är laddat", "plugin '{name}' is loaded"),
    "check.not_loaded": (
        "tillägget '{name}' är inte laddat: {reason}",
        "plugin '{name}' is not loaded: {reason}",
    ),
    "check.not_installed": (
        "inget tillägg heter '{name}'{close}; installerade tillägg: {known}. Installera ditt "
        "med pip install -e . i dess mapp.",
        "no plugin is called '{name}'{close}; installed plugins: {known}. Install yours with "
        "pip install -e . in its folder.",
    ),
    "check.hooks": ("krokar som mognad känner: {hooks}", "hooks mognad knows: {hooks}"),
    "check.unknown_hook": (
        "kroken {hook} finns inte i mognad och anropas aldrig{close}; se docs/plugin-hooks.md",
        "there is no hook {hook} in mognad, so it is never called{close}; see docs/plugin-hooks.md",
    ),
    "check.unmarked_hook": (
        "funktionen {hook} saknar @hookimpl och anropas därför aldrig",
        "the function {hook} lacks @hookimpl, so it is never called",
    ),
    "check.model": (
        "modellen '{model}' används ({statements} påståenden)",
        "model '{model}' is in use ({statements} statements)",
    ),
    "check.no_models": (
        "tillägget '{name}' registrerar ingen modell",
        "plugin '{name}' registers no model",
    ),
    "check.no_short": (
        "modellen '{model}': påståenden utan korta namn (short, short_en) för diagrammen: {ids}",
        "model '{model}': statements without short names (short, short_en) for the charts: {ids}",
    ),
    "check.no_english": (
        "modellen '{model}': utan engelsk text (text_en, label_en) visas svenska med --lang en: "
        "{ids}",
        "model '{model}': without an English text (text_en, label_en), Swedish is shown with "
        "--lang en: {ids}",
    ),
    "check.sample": ("exempelfilen finns: {path}", "the sample file exists: {path}"),
    "check.sample_missing": (
        "exempelfilen {path} finns inte; står den i [tool.setuptools.package-data] i "
        "pyproject.toml?",
        "the sample file {path} does not exist; is it in [tool.setuptools.package-data] in "
        "pyproject.toml?",
    ),
    "check.made_up": ("påhittade svar (make_responses)", "made-up answers (make_responses)"),
    "check.scored": (
        "modellen '{model}' räknade {where}: svarande {n}, totalt {overall}, insikter {insights}",
        "model '{model}' scored {where}: respondents {n}, overall {overall}, insights {insights}",
    ),
    "check.score_failed": (
        "modellen '{model}' kunde inte räkna ett exempel: {error}",
        "model '{model}' could not score a sample: {error}",
    ),
    "check.sample_old": (
        "exempelfilen saknar svar på modellen '{model}':s påståenden {ids}: gör den på nytt "
        "(mognad models sample)",
        "the sample file has no answers to statements {ids} of model '{model}': make it anew "
        "(mognad models sample)",
    ),
    "check.package_data": (
        "en fil saknas; ett installerat paket innehåller bara Python-filer om inte "
        "[tool.setuptools.package-data] i pyproject.toml tar med den (se "
        "docs/writing-a-plugin.md):",
        "a file is missing; an installed package holds only Python files unless "
        "[tool.setuptools.package-data] in pyproject.toml takes it along (see "
        "docs/writing-a-plugin.md):",
    ),
    "check.status.ok": ("OK", "OK"),
    "check.status.problem": ("FEL", "FAIL"),
    "check.status.remark": ("OBS", "NOTE"),
    "check.passed": (
        "Tillägget '{name}' klarade kontrollen.",
        "Plugin '{name}' passed the check.",
    ),
    "check.failed_summary": (
        "Tillägget '{name}' klarade inte kontrollen (fel: {count}).",
        "Plugin '{name}' did not pass the check (problems: {count}).",
    ),
    # ---- model names (mognad_core.plugins.get_model: names in any case) ----------------------
    "error.unknown_model_close": (
        "Okänd modell {name}. Installerade modeller: {known}. Menade du {close}? Ange ett "
        "modellnamn eller sökvägen till en .yaml/.json-modellfil.",
        "Unknown model {name}. Installed models: {known}. Did you mean {close}? Give a model "
        "name or the path of a .yaml/.json model file.",
    ),
    # ---- excel lite (mognad excel lite: requirements.txt and main.py for xlwings Lite) --------
    "excel.lite.url_blank": (
        "Ange adressen till mognads wheel-fil utan mellanslag, t.ex. "
        'https://intranet.example.se/mognad/mognad-0.2.0-py3-none-any.whl (fick "{url}").',
        "Give the address of the mognad wheel without spaces, e.g. "
        'https://intranet.example.se/mognad/mognad-0.2.0-py3-none-any.whl (got "{url}").',
    ),
    "excel.lite.not_https": (
        "{url} är ingen https-adress. xlwings Lite hämtar wheel-filen i webbläsaren i Excel och "
        "kan bara hämta den med https, från en server som tillåter hämtning från andra "
        "webbplatser (CORS). Lägg filen på en sådan server och ange adressen som börjar med "
        "https://.",
        "{url} is not an https address. xlwings Lite downloads the wheel in Excel's browser "
        "engine and can only fetch it over https, from a server that allows downloads from other "
        "sites (CORS). Put the file on such a server and give the address starting with "
        "https://.",
    ),
    "excel.lite.no_host": (
        "{url} saknar servernamn. Ange hela adressen, t.ex. "
        "https://intranet.example.se/mognad/mognad-0.2.0-py3-none-any.whl.",
        "{url} has no server name. Give the whole address, e.g. "
        "https://intranet.example.se/mognad/mognad-0.2.0-py3-none-any.whl.",
    ),
    "excel.lite.credentials": (
        "Adressen innehåller ett användarnamn eller lösenord för {host}. Den sparas i "
        "arbetsboken, där alla som öppnar den kan läsa den: lägg wheel-filen där den kan hämtas "
        "utan inloggning, t.ex. på en intern webbserver.",
        "The address holds a user name or password for {host}. It is saved in the workbook, "
        "where everyone who opens it can read it: put the wheel where it can be fetched without "
        "signing in, e.g. on an internal web server.",
    ),
    "excel.lite.not_wheel": (
        '{url} slutar inte med namnet på en wheel-fil (fick "{name}"). Adressen ska sluta med '
        "filnamnet som python -m build --wheel skriver, t.ex. mognad-0.2.0-py3-none-any.whl.",
        '{url} does not end in the name of a wheel file (got "{name}"). The address must end in '
        "the file name python -m build --wheel writes, e.g. mognad-0.2.0-py3-none-any.whl.",
    ),
    "excel.lite.not_mognad": (
        "{name} är en wheel-fil för {project}, inte för mognad.",
        "{name} is a wheel of {project}, not of mognad.",
    ),
    "excel.lite.not_pure": (
        "{name} är byggd för en viss plattform. xlwings Lite (Pyodide) kan bara installera en "
        "wheel-fil i ren Python, vars namn slutar på py3-none-any.whl. Bygg den med "
        "python -m build --wheel.",
        "{name} is built for one platform. xlwings Lite (Pyodide) can only install a pure-Python "
        "wheel, whose name ends in py3-none-any.whl. Build it with python -m build --wheel.",
    ),
    "excel.lite.main_comment": (
        "mognad: kalkylbladsfunktionerna MOGNAD_* i xlwings Lite (skriven av mognad excel lite).\n"
        "requirements.txt ska innehålla mognads wheel-fil: {url}",
        "mognad: the MOGNAD_* worksheet functions in xlwings Lite (written by mognad excel lite).\n"
        "requirements.txt must list the mognad wheel: {url}",
    ),
    "excel.lite.wrote": (
        "Skrev {requirements} och {main} för xlwings Lite.",
        "Wrote {requirements} and {main} for xlwings Lite.",
    ),
    "excel.lite.steps": (
        "Så här gör du, en gång per arbetsbok:\n"
        "  1. Excel: Start > Tillägg, sök på xlwings Lite och välj Lägg till. Öppna xlwings Lite "
        "från menyfliksområdet.\n"
        "  2. Fliken requirements.txt: behåll raden xlwings som står där och klistra in raderna "
        "från {requirements} under den.\n"
        "  3. Fliken main.py: klistra in innehållet i {main} överst.\n"
        "  4. Starta om xlwings Lite. Fönstret Output visar installationen. Skriv sedan "
        "=MOGNAD_MODELS() i en cell.\n"
        "Servern med wheel-filen måste svara med https och tillåta hämtning från andra "
        "webbplatser (CORS).",
        "What to do, once per workbook:\n"
        "  1. Excel: Home > Add-ins, search for xlwings Lite and choose Add. Open xlwings Lite "
        "from the ribbon.\n"
        "  2. The requirements.txt tab: keep the xlwings line that is there and paste the lines "
        "of {requirements} below it.\n"
        "  3. The main.py tab: paste the content of {main} at the top.\n"
        "  4. Restart xlwings Lite. The Output pane shows the installation. Then type "
        "=MOGNAD_MODELS() in a cell.\n"
        "The server holding the wheel must answer over https and allow downloads from other "
        "sites (CORS).",
    ),
    # ---- excel template: mognad excel template (mognad_excel.template) ----------------------
    "excel.template.wrote": (
        "Skrev {path} för modellen {model}.",
        "Wrote {path} for model {model}.",
    ),
    "excel.template.responses": (
        "Svar: klistra in svaren från rad 2 i tabellen {name} ({table}; {rows} rader "
        "förberedda, den växer med det som klistras in); påståendena {first}..{last} i "
        "kolumnerna {first_col}-{last_col}.",
        "Svar: paste the responses from row 2 into the table {name} ({table}; {rows} rows "
        "prepared, it grows with what is pasted); statements {first}..{last} in columns "
        "{first_col}-{last_col}.",
    ),
    "excel.template.results": (
        "Resultat: totalt värde i {overall}, dimensioner i {dimensions}, påståenden i "
        "{statements}, kontroll av svaren i {check}.",
        "Resultat: overall score in {overall}, dimensions in {dimensions}, statements in "
        "{statements}, check of the answers in {check}.",
    ),
    "excel.template.recalc": ("Räkna utan Excel: {command}", "Compute without Excel: {command}"),
    "excel.template.suffix": (
        "Mallen ska vara en .xlsx-fil (fick {name}). För klassisk xlwings: spara den som .xlsm "
        "från Excel när du öppnat den.",
        "The template must be an .xlsx file (got {name}). For classic xlwings, save it as .xlsm "
        "from Excel after opening it.",
    ),
    "excel.template.rows": (
        "rows ska vara mellan 1 och {most} (fick {rows}).",
        "rows must be between 1 and {most} (got {rows}).",
    ),
    "excel.template.clash": (
        "Svarandekolumnerna {names} krockar med påståendenas id.",
        "Attribute column(s) {names} clash with statement ids.",
    ),
    # ---- excel recalc: the report of mognad excel recalc (mognad_excel.recalc) --------------
    "recalc.done": (
        "Räknade om {source} -> {output} på {seconds} s.",
        "Recalculated {source} -> {output} in {seconds} s.",
    ),
    "recalc.cells": ("MOGNAD_*-celler ({n}):", "MOGNAD_* cells ({n}):"),
    "recalc.table": ("tabell {rows} x {cols} i {where}", "table {rows} x {cols} in {where}"),
    "recalc.spilled": (
        "Celler i utspillda tabeller skrivna: {n}.",
        "Spilled table cells written: {n}.",
    ),
    "recalc.and_more": ("{shown} och {n} till", "{shown} and {n} more"),
    "recalc.dependent": (
        "Formler som bygger på dem ({n}): {cells}.",
        "Formulas depending on them ({n}): {cells}.",
    ),
    "recalc.other": ("Andra formler ({n}): {cells}.", "Other formulas ({n}): {cells}."),
    "recalc.error.missing": ("arbetsboken finns inte", "the workbook does not exist"),
    "recalc.error.kind": (
        "kan inte räkna om en {suffix}-fil",
        "cannot recalculate a {suffix} file",
    ),
    "recalc.error.no_suffix": ("ändelselös", "suffix-less"),
    "recalc.error.kind_expected": (
        "en Excel-arbetsbok (.xlsx eller .xlsm)",
        "an Excel workbook (.xlsx or .xlsm)",
    ),
    "recalc.error.output_suffix": (
        "Kopian ska vara en {suffix}-fil som indata (fick {name}): kopian behåller indatas format.",
        "The output must be a {suffix} file like the input (got {name}): the copy keeps the "
        "input's format.",
    ),
    "recalc.error.unreadable": (
        "filen gick inte att läsa som en Excel-arbetsbok ({reason})",
        "the file could not be read as an Excel workbook ({reason})",
    ),
    "recalc.error.unreadable_expected": (
        "en arbetsbok sparad av Excel eller LibreOffice, utan lösenord",
        "a workbook saved by Excel or LibreOffice, without a password",
    ),
    "recalc.note.below_table": (
        "Tabellen {table} ({where}) har ifyllda rader under sig (rad {first}–{last}) som inte "
        "hör till den: de räknas inte. Låt tabellen ta med dem (i Excel: dra i dess nedre högra "
        "hörn, eller Tabelldesign > Ändra storlek på tabell; med openpyxl: ändra tabellens ref) "
        "och räkna om.",
        "The table {table} ({where}) has filled rows below it (rows {first}–{last}) that are not "
        "part of it: they are not counted. Let the table take them in (in Excel: drag its lower "
        "right corner, or Table Design > Resize Table; with openpyxl: change the table's ref) "
        "and recalculate.",
    ),
    "recalc.note.lost": (
        "Indata har {parts}, som kopian inte behåller (den skrivs med openpyxl). Indata är "
        "oförändrad.",
        "The input has {parts}, which the copy does not keep (it is written with openpyxl). The "
        "input itself is unchanged.",
    ),
    "recalc.part.charts": ("diagram", "charts"),
    "recalc.part.images": ("bilder", "images"),
    "recalc.part.pivot tables": ("pivottabeller", "pivot tables"),
    "recalc.part.slicers": ("utsnitt", "slicers"),
    "recalc.failed": (
        "Inte uträknade, kvar som formler ({n}):",
        "Not evaluated, left as formulas ({n}):",
    ),
    # ---- excel cells: messages of the MOGNAD_* functions (mognad_excel.udfs) ------------------
    "excel.too_deep": (
        "beräkningen gick för djupt (en cirkelreferens?)",
        "the calculation went too deep (a circular reference?)",
    ),
    "excel.bug": (
        "oväntat fel ({error}). Det är ett fel i mognad; rapportera det gärna tillsammans med "
        "arbetsboken",
        "unexpected {error}. This is a bug in mognad; please report it with the workbook",
    ),
    "excel.too_many_args": (
        "{name} tar högst {most} argument, fick {got}",
        "{name} takes at most {most} argument(s), got {got}",
    ),
    "excel.arg.one_cell": (
        'argumentet "{what}" ska vara en cell eller ett värde, inte ett område med {n} celler',
        "{what} must be one cell or a value, not a range of {n} cells",
    ),
    "excel.arg.not_bool": (
        'argumentet "{what}" ska vara text, inte SANT/FALSKT',
        "{what} must be text, not TRUE/FALSE",
    ),
    "excel.arg.error": (
        'argumentet "{what}" är felvärdet {error} (från cellen det hämtas från)',
        "{what} is the error value {error} (from the cell it comes from)",
    ),
    "excel.arg.error_because": (
        'argumentet "{what}" är felvärdet {error}: {because}',
        "{what} is the error value {error}: {because}",
    ),
    "excel.range.not_range": (
        'argumentet "{what}" ska vara ett område: en rubrikrad (påståendenas id, t.ex. f11) och '
        "en rad per svarande",
        "{what} must be a range: a header row (statement ids such as f11) and one row per "
        "respondent",
    ),
    "excel.range.empty": (
        'området i argumentet "{what}" är tomt. Det ska ha en rubrikrad (påståendenas id, t.ex. '
        "f11, eller deras texter) och en rad per svarande",
        "the {what} range is empty. Expected a header row (statement ids such as f11, or "
        "statement texts) and one row per respondent",
    ),
    "excel.no_respondents": (
        "svarsområdet har en rubrikrad men inga svarande under den",
        "the responses range has a header row but no respondent rows below it",
    ),
    "excel.no_answers": (
        "inga giltiga svar för {what} (alla svar är tomma eller vet ej)",
        "no valid answers for {what} (every answer is blank or vet ej)",
    ),
    "excel.what.overall": ("totalen", "the overall score"),
    "excel.what.part": ('"{id}"', '"{id}"'),
    "excel.what.statement": ('påstående "{id}"', 'statement "{id}"'),
    "excel.hidden": ("{what} {reason}", "{what} is {reason}"),
    "excel.none": ("inga", "none"),
    "excel.no_benchmarks": ("inga i den här modellen", "none in this model"),
    "excel.part.unknown": (
        '"{text}" ingår inte i modellen "{model}". Ange en dimension ({dims}), en kategori '
        "({cats}) eller ett påståendes id ({first} … {last})",
        '"{text}" is not part of model "{model}". Use a dimension ({dims}), a category ({cats}) '
        "or a statement id ({first} ... {last})",
    ),
    "excel.target.not_bool": (
        "målet ska vara ett tal, ett namn eller ett område, inte SANT/FALSKT",
        "target must be a number, a name or a range, not TRUE/FALSE",
    ),
    "excel.target.missing": (
        "ange ett mål: ett tal (0,6 eller 60 %), ett jämförelsevärdes namn ({names}), en nivå "
        "eller ett område med par av dimension och mål",
        "give a target: a number (0.6 or 60 %), a benchmark name ({names}), a level name or a "
        "range of dimension/target pairs",
    ),
    "excel.level.no_levels": (
        'modellen "{model}" har inga mognadsnivåer (den ger ett värde från 0 till 1){others}',
        'model "{model}" has no maturity levels (it reports a score from 0 to 1){others}',
    ),
    "excel.level.others": ("; modeller med nivåer: {names}", "; models with levels: {names}"),
    "excel.level.give_score": (
        "ange ett värde (0–1) eller ett svarsområde",
        "give a score (0-1) or a response range",
    ),
    "excel.level.none": (
        'ingen nivå i modellen "{model}" börjar vid eller under {score}',
        'no level of model "{model}" starts at or below {score}',
    ),
    "excel.texts_flag": (
        "texts ska vara SANT (påståendenas texter) eller FALSKT (deras id)",
        "texts must be TRUE (statement texts) or FALSE (statement ids)",
    ),
    "excel.which.bad": (
        "which ska vara ett heltal från 1 eller en iakttagelses nyckel, inte {value}",
        "which must be a whole number from 1 or an insight key, not {value}",
    ),
    "excel.which.unknown": (
        'ingen iakttagelse "{key}" (iakttagelser: {keys})',
        'no insight "{key}" (insights: {keys})',
    ),
    "excel.note.waves_pooled": (
        'Svaren är från {count} mätomgångar i kolumnen "{column}" ({waves}) och räknas ihop '
        "här. Jämför dem med MOGNAD_CHANGE (en mätomgång i vart och ett av dess två områden), "
        "eller ha en mätomgång per svarstabell.",
        'The responses are from {count} waves in column "{column}" ({waves}), analysed '
        "together here. Compare them with MOGNAD_CHANGE (one wave in each of its two ranges), or "
        "keep one wave per response table.",
    ),
    "excel.note.error_in_attribute": (
        'Kolumnen "{column}" har felvärden ({errors}) i {n} rad(er): de svarandena räknas, men '
        "deras {column} är okänd (en formel som inte kunde räknas ut?).",
        'Column "{column}" holds error values ({errors}) in {n} row(s): those respondents are '
        "counted, but their {column} is unknown (a formula that could not be computed?).",
    ),
    "excel.answer.expected_labels": (
        "{kind} från {low} till {high} eller en av svarsetiketterna ({listed}), {tokens} eller "
        "en tom cell",
        "{kind} from {low} to {high} or one of the answer labels ({listed}), {tokens} or a "
        "blank cell",
    ),
    "excel.col.key": ("Nyckel", "Key"),
    "excel.col.title": ("Rubrik", "Title"),
    "excel.col.text": ("Text", "Text"),
    "excel.col.check": ("Kontroll", "Check"),
    "excel.col.message": ("Meddelande", "Message"),
    "excel.check.error": ("fel", "error"),
    "excel.check.note": ("notering", "note"),
    "excel.check.anonymity": ("anonymitet", "anonymity"),
    "excel.check.which": (
        "which ska vara ett heltal från 1, inte {value}",
        "which must be a whole number from 1, not {value}",
    ),
    # ---- excel install (mognad excel install: xlwings.conf for classic xlwings) --------------
    "excel.install.folder": (
        "{path} är en mapp. Ange sökvägen till filen xlwings.conf.",
        "{path} is a folder. Give the path of the xlwings.conf file.",
    ),
    "excel.install.quote": (
        'Ett värde i xlwings.conf kan inte innehålla citattecken ("), men {value} gör det. Ange '
        "en annan Python med --interpreter.",
        'A value in xlwings.conf cannot contain double quotes ("), and {value} does. Give another '
        "Python with --interpreter.",
    ),
    "excel.install.read_denied": (
        "Kan inte läsa {path}: åtkomst nekad. Se till att du får läsa filen, eller ange en annan "
        "fil med --config.",
        "Cannot read {path}: permission denied. Make sure you may read the file, or give another "
        "file with --config.",
    ),
    "excel.install.cannot_read": (
        "Kan inte läsa {path} (operativsystemets felkod {code}).",
        "Cannot read {path} (the operating system's error code {code}).",
    ),
    "excel.install.encoding": (
        "Kan inte skriva {path} med teckenkodningen {encoding}, som xlwings läser filen med. "
        "Finns det ett ovanligt tecken i sökvägen till Python? Ange en annan med --interpreter.",
        "Cannot write {path} in the {encoding} encoding xlwings reads it in. Is there an unusual "
        "character in the Python path? Give another one with --interpreter.",
    ),
    "excel.install.change": ('{key}: "{old}" -> "{new}"', '{key}: "{old}" -> "{new}"'),
    "excel.install.change_new": ('{key}: (inte angiven) -> "{new}"', '{key}: (not set) -> "{new}"'),
    "excel.install.removed_second": (
        "tog bort en extra rad {key}",
        "removed a second {key} line",
    ),
    "excel.install.unchanged": (
        "{path} har redan mognads inställningar; inget att ändra.",
        "{path} already has the mognad settings; nothing to change.",
    ),
    "excel.install.created": ("Skapade {path}:", "Created {path}:"),
    "excel.install.would_create": ("Skulle skapa {path}:", "Would create {path}:"),
    "excel.install.changed": ("Ändrade {path}:", "Changed {path}:"),
    "excel.install.would_change": ("Skulle ändra {path}:", "Would change {path}:"),
    "excel.install.backup": (
        "Den tidigare filen finns kvar som {backup}.",
        "The previous file is kept as {backup}.",
    ),
    "excel.install.new_content": ("Nytt innehåll:", "New content:"),
    "excel.install.not_windows": (
        "Obs: kalkylbladsfunktionerna i klassisk xlwings kräver Excel i Windows. På macOS och i "
        "Excel på webben används xlwings Lite (mognad excel lite --help).",
        "Note: classic xlwings worksheet functions need Excel on Windows. On macOS and in Excel "
        "on the web, use xlwings Lite (mognad excel lite --help).",
    ),
    "excel.install.next_steps": (
        "Nästa steg (en gång):\n"
        "  1. I en kommandotolk där den här Python-miljön är aktiv:  xlwings addin install\n"
        "  2. Excel: Arkiv > Alternativ > Säkerhetscenter > Inställningar för Säkerhetscenter >\n"
        "     Makroinställningar: markera "
        '"Lita på åtkomst till VBA-projektets objektmodell".\n'
        "  3. Öppna arbetsboken (t.ex. från `mognad excel template dimios -o mall.xlsx`) och "
        "spara\n"
        "     den som .xlsm (Makroaktiverad Excel-arbetsbok). I VBA-redigeraren (Alt+F11):\n"
        "     Verktyg > Referenser, markera xlwings, OK.\n"
        "  4. Tillbaka i Excel: klicka på Import Functions på fliken xlwings. Då fungerar\n"
        "     =MOGNAD_SCORE(...); tryck Ctrl+Alt+F9 för att räkna om formler som visade #NAMN?.\n"
        "Om xlwings Lite (Excel 365, Mac och webben): mognad excel lite --help.",
        "Next steps (once):\n"
        "  1. In a command prompt where this Python is active:  xlwings addin install\n"
        "  2. Excel: File > Options > Trust Center > Trust Center Settings > Macro Settings:\n"
        '     tick "Trust access to the VBA project object model".\n'
        "  3. Open your workbook (e.g. from `mognad excel template dimios -o mall.xlsx`) and save "
        "it\n"
        "     as .xlsm. In the VBA editor (Alt+F11): Tools > References, tick xlwings, OK.\n"
        "  4. Back in Excel, click Import Functions on the xlwings tab. Then =MOGNAD_SCORE(...) "
        "works;\n"
        "     press Ctrl+Alt+F9 to recalculate formulas that showed #NAME?.\n"
        "For xlwings Lite (Excel 365, Mac and the web): mognad excel lite --help.",
    ),
    # ---- safe writes (mognad_core.safe_write) ----------------------------------------------
    "safe_write.exists": (
        "{path} finns redan. Använd --force för att ersätta den.",
        "{path} already exists. Use --force to replace it.",
    ),
    "safe_write.exist_many": (
        "{paths} finns redan. Använd --force för att ersätta dem (inget skrevs).",
        "{paths} already exist. Use --force to replace them (nothing was written).",
    ),
    "safe_write.input_file": (
        "Skriver inte {path}: det är en indatafil, och mognad skriver aldrig över sina indata. "
        "Välj ett annat namn.",
        "Refusing to write {path}: that is an input file, and mognad never writes over its "
        "input. Choose another output name.",
    ),
    "safe_write.is_folder": (
        "{path} är en mapp; där går det inte att skriva en fil. Ange ett filnamn.",
        "{path} is a folder; cannot write a file there. Give a file name.",
    ),
    "safe_write.cannot_write": ("Kan inte skriva {path}: {why}.", "Cannot write {path}: {why}."),
    "safe_write.os_error": (
        "Kan inte skriva {path} (systemets felmeddelande: {reason}).",
        "Cannot write {path}: {reason}.",
    ),
    "safe_write.cannot_create": (
        "Kan inte skapa mappen {folder} (systemets felmeddelande: {reason}).",
        "Cannot create the folder {folder}: {reason}.",
    ),
    "safe_write.partly_written": (
        "{message} ({names} har redan skrivits.)",
        "{message} ({names} was written.)",
    ),
    "safe_write.current_folder": ("den aktuella mappen", "the current folder"),
    "safe_write.folder": ("mappen {folder}", "the folder {folder}"),
    "safe_write.no_folder": (
        "mappen {folder} finns inte. Skapa den först eller välj en annan sökväg",
        "the folder {folder} does not exist. Create it first or choose another output path",
    ),
    "safe_write.not_folder": ("{parent} är inte en mapp", "{parent} is not a folder"),
    "safe_write.protected": (
        "åtkomst nekad ({folder} är skrivskyddad). Välj en annan sökväg",
        "permission denied ({folder} is write-protected). Choose another output path",
    ),
    "safe_write.denied": (
        "åtkomst nekad ({folder} är skrivskyddad, eller filen är öppen i ett annat program). "
        "Stäng den eller välj en annan sökväg",
        "permission denied ({folder} is write-protected, or the file is open in another "
        "program). Close it or choose another output path",
    ),
    "safe_write.read_only": (
        "{folder} ligger på en skrivskyddad disk. Välj en annan sökväg",
        "{folder} is on a read-only disk. Choose another output path",
    ),
    "safe_write.disk_full": (
        "disken är full (inget utrymme kvar på enheten). Frigör utrymme eller välj en annan "
        "mapp, och kör kommandot igen",
        "the disk is full (no space left on the device). Free some space or choose another "
        "folder, and run the command again",
    ),
    # ---- excel template workbook (mognad_excel.template) ----
    # the sheet names (Instruktioner, Svar, Resultat, Påståenden), the table Svarstabell and the
    # workbook names svar and modell are the same in both languages: formulas refer to them
    "template.title": ("Digital mognad: {title}", "Digital maturity: {title}"),
    "template.howto": ("Så här använder du arbetsboken", "How to use this workbook"),
    "template.step1": (
        "1. Klistra in svaren i tabellen på bladet Svar från rad 2: en rad per svarande. Rad 1 "
        "innehåller påståendenas id (t.ex. {examples}); ändra inte rubrikerna. Påståendets text "
        "syns som kommentar på rubriken och på bladet Påståenden.",
        "1. Paste the responses into the table on the sheet Svar (responses) from row 2: one row "
        "per respondent. Row 1 holds the statement ids (e.g. {examples}); do not change the "
        "headers. A statement's text shows as a comment on its header and on the sheet "
        "Påståenden (statements). The names of the sheets, of the table Svarstabell and the "
        "workbook names svar and modell are Swedish in every language: the formulas use them.",
    ),
    "template.step2": (
        "2. Svara med ett tal från {steps} eller {dont_know}.",
        "2. Answer with a number from {steps} or {dont_know}.",
    ),
    "template.step2_scale": (
        "2. Svara med ett tal från {steps} eller {dont_know}. Lämna cellen tom om svar saknas. "
        "Skalan: {labels}.",
        "2. Answer with a number from {steps} or {dont_know}. Leave the cell empty if there is "
        "no answer. The scale: {labels}.",
    ),
    "template.step3": (
        "3. Kolumnerna respondent, år, förvaltning och roll är frivilliga uppgifter om den "
        "svarande. Fler sådana kolumner går bra, till höger om påståendena.",
        "3. The columns respondent, år (year), förvaltning (department) and roll (role) are "
        "optional facts about the respondent. More such columns are fine, to the right of the "
        "statements.",
    ),
    "template.step4": (
        "4. Bladet Resultat räknar ut totalt värde, dimensioner, gap mot mål, var ni kan "
        "börja (prioriteringar) och varje påstående med funktionerna MOGNAD_*. Värdena är "
        "mellan 0 och 1 och visas i procent.",
        "4. The sheet Resultat (results) computes the overall score, the dimensions, the gap to "
        "a target, where to start (priorities) and every statement with the MOGNAD_* functions. "
        "The values are between 0 and 1 and shown as percentages.",
    ),
    "template.step5": (
        "5. Svaren ligger i tabellen {table} ({range} nu, {rows} rader förberedda). "
        "Tabellen växer av sig själv när ni klistrar in eller skriver fler rader direkt under "
        "den, och funktionerna räknar alla rader i den, hur många svarande ni än har. Ligger "
        "något utanför tabellen varnar Kontroll på bladet Resultat: dra då i tabellens "
        "nedre högra hörn, eller Tabelldesign → Ändra storlek på tabell.",
        "5. The answers are in the table {table} ({range} now, {rows} rows prepared). The table "
        "grows by itself when you paste or type more rows right below it, and the functions "
        "count every row in it, however many respondents you have. If anything lies outside the "
        "table, Check on the sheet Resultat warns you: then drag the table's lower right corner, "
        "or use Table Design → Resize Table.",
    ),
    "template.needs": ("Vad behövs för att räkna?", "What do you need to compute it?"),
    "template.classic": (
        "Excel i Windows med xlwings: kör 'mognad excel install' en gång i ett "
        "kommandofönster; den skriver ut resten av stegen ('xlwings addin install', spara "
        "arbetsboken som .xlsm, Verktyg → Referenser → xlwings i VBA-redigeraren (Alt+F11), "
        "Import Functions under fliken xlwings, sedan Ctrl+Alt+F9).",
        "Excel on Windows with xlwings: run 'mognad excel install' once in a command prompt; it "
        "prints the remaining steps ('xlwings addin install', save the workbook as .xlsm, "
        "Tools → References → xlwings in the VBA editor (Alt+F11), Import Functions on the "
        "xlwings tab, then Ctrl+Alt+F9). The functions write English when the setting "
        "MOGNAD_LANG is en: run 'setx MOGNAD_LANG en' in a command prompt, then restart Excel.",
    ),
    "template.lite": (
        "xlwings Lite (Excel 365, Mac och webben): kör 'mognad excel lite --wheel-url ADRESS' "
        "med adressen där er IT lagt mognad-paketet; kommandot skriver filerna "
        "requirements.txt och main.py att klistra in i xlwings Lite.",
        "xlwings Lite (Excel 365, Mac and the web): run 'mognad excel lite --wheel-url URL' with "
        "the address where your IT department put the mognad package; the command writes the "
        "files requirements.txt and main.py to paste into xlwings Lite. For English, put "
        'import os; os.environ["MOGNAD_LANG"] = "en" at the top of main.py.',
    ),
    "template.offline": (
        "Utan Excel: mognad excel recalc mall.xlsx -o resultat.xlsx räknar om alla formler "
        "och skriver värdena i en kopia.",
        "Without Excel: mognad excel recalc template.xlsx -o results.xlsx --lang en recalculates "
        "every formula and writes the values to a copy, in English.",
    ),
    "template.wrong": ("Om något är fel", "If something is wrong"),
    "template.error_values": (
        "En funktion som inte kan ge ett resultat visar ett felvärde, som Excels egna "
        "funktioner: #VÄRDEFEL! (#VALUE!) för ett felaktigt svar eller argument, #SAKNAS! "
        "(#N/A) när det inte finns något resultat att visa (t.ex. för få svarande, av "
        "anonymitetsskäl) och #OGILTIGT! (#NUM!) för ett tal utanför det möjliga. "
        "Formler som bygger på cellen (OM, OMFEL, MEDEL) ser felet, som de ska.",
        "A function that cannot give a result shows an error value, as Excel's own functions "
        "do: #VALUE! for a wrong answer or argument, #N/A when there is no result to show (e.g. "
        "too few respondents, for anonymity) and #NUM! for a number outside what is possible. "
        "Formulas that build on the cell (IF, IFERROR, AVERAGE) see the error, as they should.",
    ),
    "template.error_where": (
        "Vad som är fel och var står under Kontroll på bladet Resultat (funktionen "
        'MOGNAD_CHECK), t.ex. \'fel: blad "Svar", rad 7, kolumn H ("f14"): "kanske" är inte '
        "ett giltigt svar'. Rad och kolumn avser bladet Svar. Rätta svaret där, så räknas "
        "resultatet om. I xlwings Lite syns meddelandet också när du håller musen över cellen.",
        "What is wrong and where is shown under Check on the sheet Resultat (the function "
        'MOGNAD_CHECK), e.g. \'error: sheet "Svar", row 7, column H ("f14"): "maybe" is not a '
        "valid answer'. Row and column refer to the sheet Svar. Correct the answer there and "
        "the result is recalculated. In xlwings Lite the message also shows when you hover over "
        "the cell.",
    ),
    "template.error_name": (
        "#NAMN? (#NAME?) betyder att Excel inte hittar funktionerna: xlwings är inte "
        "installerat eller funktionerna är inte importerade (se ovan).",
        "#NAME? means that Excel cannot find the functions: xlwings is not installed or the "
        "functions are not imported (see above).",
    ),
    "template.made_by": (
        "Modell: {model} {version}. Skapad av mognad {mognad}.",
        "Model: {model} {version}. Made by mognad {mognad}.",
    ),
    "template.reverse_comment": (
        "Omvänt påstående: räknas som min + max - svar.",
        "Reverse statement: scored as min + max - answer.",
    ),
    "template.dropdown_title": ("Ogiltigt svar", "Invalid answer"),
    "template.dropdown_text": (
        "Svara med ett tal från {low} till {high} eller {dont_know}, eller lämna cellen tom.",
        "Answer with a number from {low} to {high} or {dont_know}, or leave the cell empty.",
    ),
    "template.col.id": ("id", "id"),
    "template.col.dimension": ("dimension", "dimension"),
    "template.col.category": ("kategori", "category"),
    "template.col.statement": ("påstående", "statement"),
    "template.col.other_language": ("statement (English)", "statement (Swedish)"),
    "template.col.reverse": ("omvänd", "reverse"),
    "template.results": ("Resultat: {title}", "Results: {title}"),
    "template.model": ("Modell", "Model"),
    "template.respondents": ("Antal svarande", "Respondents"),
    "template.overall": ("Totalt (0–100 %)", "Overall (0–100 %)"),
    "template.as_number": ("← samma värde som tal (0–100)", "← the same value as a number (0–100)"),
    "template.level": ("Mognadsnivå", "Maturity level"),
    "template.target": ("Mål (ändra)", "Target (change it)"),
    "template.target_note": (
        "{source}; ett tal (60 %), ett jämförelsevärde eller en nivå",
        "{source}; a number (60 %), a benchmark or a level",
    ),
    "template.default": ("förvalt: {name}", "default: {name}"),
    "template.target_gap": (
        "Avstånd till mål (procentenheter)",
        "Distance to target (percentage points)",
    ),
    "template.benchmark": ("Jämförelse: {name}", "Benchmark: {name}"),
    "template.benchmark_unit": ("procentenheter (vägledande)", "percentage points (indicative)"),
    "template.dimensions": ("Dimensioner och kategorier", "Dimensions and categories"),
    "template.gap": (
        "Gap mot målet ovan (negativt = under målet)",
        "Gap to the target above (negative = below the target)",
    ),
    "template.priorities": (
        "Var börja? (prioriteringar: lågt värde och hög andel vet ej)",
        "Where to start? (priorities: a low score and a high share of don't know)",
    ),
    "template.statements": ("Påståenden", "Statements"),
    "template.insights": ("Modellens iakttagelser", "The model's findings"),
    "template.check": ("Kontroll", "Check"),
    "template.outside": (
        "Varning: bladet Svar har ifyllda celler utanför svarstabellen; de räknas inte. "
        "Dra i tabellens nedre högra hörn så att de kommer med (eller Tabelldesign → Ändra "
        "storlek på tabell).",
        "Warning: the sheet Svar has filled cells outside the response table; they are not "
        "counted. Drag the table's lower right corner to take them in (or Table Design → Resize "
        "Table).",
    ),
    "template.check_intro": (
        "Vad som är fel och var, och vad anonymitetsskyddet döljer (tomt: allt i ordning):",
        "What is wrong and where, and what the anonymity rules withhold (empty: all is well):",
    ),
    # ---- where to start: the one decision at area level (mognad_core.analysis.start) --------
    "start.rule": (
        "Områdena är modellens delar som har påståenden (DiMiOS: kategorierna, DMM: "
        "motorerna). Ett område har lågt värde när värdet ligger under medianen av områdenas "
        "värden (eller under modellens egen gräns, när den anger en) och mycket vet ej när "
        "andelen vet ej är minst 20 % (eller modellens egen andel), eller när ett av dess "
        "påståenden har både lågt värde och så mycket vet ej (Vetlandas sållning av "
        "påståendena). Först kommer områden med både lågt värde och mycket vet ej, sedan "
        "övriga med lågt värde, sist resten. Inom varje grupp kommer först de områden som "
        "modellen själv sätter först för organisationens nivå (DMM: den rekommenderade "
        "ordningen), sedan högre prioritet = relativ vikt × ((1 − värde) + andel vet ej + "
        "avstånd till målet), sist modellens ordning. Avståndet är max(0, mål − värde); målet "
        "nästa nivå räknas som organisationens nästa nivå för alla områden, så att ett starkt "
        "område inte får förtur för att dess egen nästa nivå ligger högre.",
        "The areas are the model's parts that hold statements (DiMiOS: the categories, DMM: "
        "the engines). An area has a low score when its score is below the median of the "
        "areas' scores (or below the model's own threshold, when it sets one) and much don't "
        "know when its don't-know share is at least 20 % (or the model's own share), or when "
        "one of its statements has both a low score and that much don't know (Vetlanda's "
        "screen of the statements). Areas with both a low score and much don't know come "
        "first, then the other low areas, then the rest. Within each group, the areas the "
        "model itself puts first for the organisation's level (DMM: the recommended practice) "
        "come first, then the higher priority = relative weight × ((1 − score) + don't-know "
        "share + shortfall to the target), then model order. The shortfall is max(0, target − "
        "score); the target next level is read as the organisation's next level for every "
        "area, so a strong area does not come first because its own next level is higher.",
    ),
    "start.sentence": ("{area}: {why}", "{area}: {why}"),
    "start.why": ("{clauses}.", "{clauses}."),
    "start.why_where": ("{clauses}; där har {where}.", "{clauses}; there, {where}."),
    "start.low_median": (
        "lågt värde, {score} (under medianen {threshold})",
        "low score, {score} (below the median {threshold})",
    ),
    "start.low_model": (
        "lågt värde, {score} (under modellens gräns {threshold})",
        "low score, {score} (below the model's threshold {threshold})",
    ),
    "start.high_median": (
        "värdet {score} (medianen {threshold})",
        "score {score} (median {threshold})",
    ),
    "start.high_model": (
        "värdet {score} (modellens gräns {threshold})",
        "score {score} (the model's threshold {threshold})",
    ),
    "start.much_dont_know": (
        "mycket vet ej, {share} (minst {min})",
        "much don't know, {share} (at least {min})",
    ),
    "start.dont_know": ("vet ej {share}", "don't know {share}"),
    "start.screened": (
        '"{statement}" lågt värde ({score}) och mycket vet ej ({share})',
        '"{statement}" has a low score ({score}) and much don\'t know ({share})',
    ),
    "start.below_target": ("{gap} under målet {target}", "{gap} below the target {target}"),
    "start.below_next": (
        "{gap} under organisationens nästa nivå, {target}",
        "{gap} below the organisation's next level, {target}",
    ),
    "start.next_met": (
        "når organisationens nästa nivå, {target}",
        "reaches the organisation's next level, {target}",
    ),
    "start.target_met": ("målet {target} nås", "the target {target} is met"),
    "start.lead_level": (
        "modellen sätter området först i {level}",
        "the model puts this area first in {level}",
    ),
    "start.lead": ("modellen sätter området först", "the model puts this area first"),
    "start.unscored": (
        "Områden utan värde (inga giltiga svar eller dolda av anonymitetsskäl): {ids}.",
        "Areas without a score (no valid answers, or hidden for anonymity): {ids}.",
    ),
    # ---- honest statistics: compare's Holm adjustment (mognad_core.analysis.compare) ---------
    "compare.verdict_none": (
        "inget påstående har ett värde i båda mätningarna",
        "no statement has a score in both waves",
    ),
    "compare.verdict_all": (
        "alla {compared} påståenden är högre, {up} av dem säkert",
        "all {compared} statements are higher, {up} of them clearly",
    ),
    "compare.verdict_some": (
        "{improved} av {compared} påståenden är högre ({up} säkert) och {declined} lägre "
        "({down} säkert)",
        "{improved} of {compared} statements are higher ({up} clearly) and {declined} lower "
        "({down} clearly)",
    ),
    "cli.col.p": ("p", "p"),
    "cli.col.p_adjusted": ("p (Holm)", "p (Holm)"),
    "cli.compare.p_below": ("<{p}", "<{p}"),
    # ---- test kit: make_responses's arguments (mognad_core.sample_data, mognad_core.testing) --
    "testing.error.whole": (
        "{name} måste vara ett heltal, minst {minimum} (fick {value}).",
        "{name} must be a whole number, at least {minimum} (got {value}).",
    ),
    "testing.error.share": (
        "{name} måste vara en andel från 0 upp till (men inte) 1 (fick {value}).",
        "{name} must be a share from 0 up to (but not) 1 (got {value}).",
    ),
    "testing.error.shares_sum": (
        "dont_know + blanks måste vara mindre än 1 (fick {dont_know} + {blanks}).",
        "dont_know + blanks must be less than 1 (got {dont_know} + {blanks}).",
    ),
    "testing.error.groups": (
        "groups måste vara ett antal grupper (ett heltal, minst 1) eller en ordlista "
        "gruppnamn -> andel med positiva andelar (fick {value}).",
        "groups must be a number of groups (a whole number, at least 1) or a dict "
        "group name -> share with positive shares (got {value}).",
    ),
    "testing.error.waves": (
        "waves måste vara en lista med olika årtal (heltal), till exempel [2024, 2025] "
        "(fick {value}).",
        "waves must be a list of different years (whole numbers), for example [2024, 2025] "
        "(got {value}).",
    ),
    # ---- plugin scaffold (mognad plugin new: mognad_core.scaffold, cli/plugin.py) ----------
    "scaffold.bad_name": (
        '"{name}" kan inte vara namnet på ett tillägg: använd små bokstäver a–z, siffror, _ och '
        "-, och börja med en bokstav.",
        '"{name}" cannot be the name of a plugin: use lower-case letters a–z, digits, _ and -, '
        "starting with a letter.",
    ),
    "scaffold.bad_name_try": (
        '"{name}" kan inte vara namnet på ett tillägg: använd små bokstäver a–z, siffror, _ och '
        "-, och börja med en bokstav, till exempel {suggestion}.",
        '"{name}" cannot be the name of a plugin: use lower-case letters a–z, digits, _ and -, '
        "starting with a letter, for example {suggestion}.",
    ),
    "scaffold.name_taken": (
        "Det finns redan en modell som heter {name}: den kommer från tillägget {plugin}. Välj "
        "ett annat namn (inget skrevs).",
        "There is a model called {name} already: it comes from the plugin {plugin}. Choose "
        "another name (nothing was written).",
    ),
    "scaffold.name_taken_file": (
        "Det finns redan en modell som heter {name}: modellfilen {path}. Välj ett annat namn "
        "(inget skrevs).",
        "There is a model called {name} already: the model file {path}. Choose another name "
        "(nothing was written).",
    ),
    "scaffold.folder_exists": (
        "Mappen {folder} finns redan. Välj ett annat namn eller en annan mapp med --dir, eller "
        "flytta den befintliga mappen (inget skrevs).",
        "The folder {folder} exists already. Choose another name or another folder with --dir, "
        "or move the existing folder (nothing was written).",
    ),
    "cli.plugin.wrote": (
        "Skrev tillägget {name} i {folder} ({count} filer):",
        "Wrote the plugin {name} in {folder} ({count} files):",
    ),
    "cli.plugin.next": ("Nästa steg:", "Next steps:"),
    # ---- report sections from plugins (report_sections hook, mognad_core.report.sections) ----
    "plugin.effect.report_sections": (
        "rapporten fick inte dess egna blad och bilder",
        "the report went without its own sheets and slides",
    ),
    "note.section_left_out": (
        "Tillägget '{plugin}' gav något som inte är en rapportdel ({kind}); det utelämnades.",
        "Plugin '{plugin}' returned something that is not a report section ({kind}); it was "
        "left out.",
    ),
    # ---- another model's scale (responses: answers that fit another installed model) ---------
    "answer.fits_other_model": (
        "Filens svar passar modellen {models}, som har samma påståenden: använd --model {name}.",
        "The file's answers fit the model {models}, which has the same statements: use --model "
        "{name}.",
    ),
    "answer.fits_other_model_many": (
        "Filens svar passar modellerna {models}, som har samma påståenden: använd --model med "
        "en av dem, till exempel --model {name}.",
        "The file's answers fit the models {models}, which have the same statements: use "
        "--model with one of them, for example --model {name}.",
    ),
    "read.top_value_unused": (
        "Inget svar av de {count} svarande använder skalans högsta värde {top}. Besvarades "
        "enkäten på en kortare skala? Modellen {models} har samma påståenden och alla svar "
        "passar den: använd i så fall --model {name}.",
        "None of the {count} respondents' answers uses the scale's top value {top}. Was the "
        "survey answered on a shorter scale? The model {models} has the same statements and "
        "every answer fits it: if so, use --model {name}.",
    ),
    "read.top_value_unused_many": (
        "Inget svar av de {count} svarande använder skalans högsta värde {top}. Besvarades "
        "enkäten på en kortare skala? Modellerna {models} har samma påståenden och alla svar "
        "passar dem: använd i så fall --model med en av dem, till exempel --model {name}.",
        "None of the {count} respondents' answers uses the scale's top value {top}. Was the "
        "survey answered on a shorter scale? The models {models} have the same statements and "
        "every answer fits them: if so, use --model with one of them, for example --model "
        "{name}.",
    ),
    # ---- checklist statements (mognad_core.checklists: kind checklist, options) ----------------
    "checklist.unknown_option": (
        '{shown} är inget av alternativen i kryssfrågan "{statement}"',
        '{shown} is none of the options of checklist question "{statement}"',
    ),
    "checklist.bad_count": (
        "{shown} är inget antal valda alternativ (frågan har {count} alternativ)",
        "{shown} is not a number of options chosen (the question has {count} options)",
    ),
    "checklist.expected.cell": (
        "de valda alternativen åtskilda med ; (till exempel {options}), inget, ett antal från "
        "0 till {count}, vet ej eller en tom cell",
        "the options chosen separated by ; (for example {options}), none, a number from 0 to "
        "{count}, don't know or a blank cell",
    ),
    "checklist.bad_option_cell": (
        "{shown} säger inte om alternativet valdes",
        "{shown} does not say whether the option was chosen",
    ),
    "checklist.expected.option": (
        '1, x, Ja eller alternativets text ("{option}") för valt; 0, Nej eller en tom cell för '
        "inte valt",
        '1, x, Yes or the option\'s text ("{option}") for chosen; 0, No or a blank cell for not '
        "chosen",
    ),
    "checklist.expected.one_layout": (
        "kryssfrågan i en kolumn (alternativen åtskilda med ;) eller i en kolumn per "
        "alternativ, inte båda",
        "the checklist question in one column (the options separated by ;) or in one column "
        "per option, not both",
    ),
    "checklist.option_twice": (
        'den här kolumnen och kolumnen "{other}" har båda alternativet "{option}" i '
        'kryssfrågan "{statement}"',
        'this column and the column "{other}" both hold option "{option}" of checklist '
        'question "{statement}"',
    ),
    "cli.models.checklist": (
        "(kryssfråga, {count} alternativ: värdet är andelen valda)",
        "(checklist, {count} options: the value is the share chosen)",
    ),
    "template.checklist_comment": (
        "Kryssfråga: skriv de valda alternativen åtskilda med ; (eller Inget). Alternativ: "
        "{options}",
        "Checklist question: type the options chosen, separated by ; (or None). Options: {options}",
    ),
    "checklist.expected.option_once": (
        "en kolumn per alternativ",
        "one column per option",
    ),
    "checklist.options_missing": (
        'kryssfrågan "{statement}" har en kolumn per alternativ, men {count} alternativ saknar '
        "kolumn: {options}",
        'checklist question "{statement}" has one column per option, but {count} option(s) '
        "have no column: {options}",
    ),
    "checklist.option_misspelt": (
        'kolumnen "{header}" namnger inget alternativ i kryssfrågan "{statement}"; menade du '
        'alternativet "{option}", som saknar kolumn?',
        'the column "{header}" names no option of checklist question "{statement}"; did you '
        'mean the option "{option}", which has no column?',
    ),
    "checklist.expected.every_option": (
        "en kolumn för vart och ett av frågans {count} alternativ (eller frågan i en kolumn, "
        "alternativen åtskilda med ;)",
        "a column for each of the question's {count} options (or the question in one column, "
        "the options separated by ;)",
    ),
    # ---- the other resource limits and checks of a workbook's zip (readers/limits) ----------
    "limits.env_not_number": (
        "miljövariabeln {var}={raw} är inte ett tal",
        "the environment variable {var}={raw} is not a number",
    ),
    "limits.expected_env": (
        "ett tal som {example} (0 stänger av kontrollen)",
        "a number such as {example} (0 turns the check off)",
    ),
    "limits.raise_hint": (
        "om filen är äkta, höj gränsen med miljövariabeln {var}",
        "if the file is genuine, raise the limit with the environment variable {var}",
    ),
    "limits.file_size": (
        "filen är {size}, mer än gränsen på {limit} MB (kontrollerat före läsningen)",
        "the file is {size}, more than the limit of {limit} MB (checked before reading)",
    ),
    "limits.expected_file_size": (
        "en fil på högst {limit} MB; {hint}",
        "a file of at most {limit} MB; {hint}",
    ),
    "limits.rows_over": (
        "{found}, fler än gränsen på {limit} rader (kontrollerat före läsningen)",
        "{found}, more than the limit of {limit} rows (checked before reading)",
    ),
    "limits.found_lines": ("filen har {lines} rader", "the file has {lines} lines"),
    "limits.found_used_range": (
        "bladets använda område är {range}, {rows} rader",
        "the sheet's used range is {range}, {rows} rows",
    ),
    "limits.error_cells": (
        "felvärde nummer {next} i bladet (#SAKNAS!, #DIVISION/0! …); fler än {limit} celler med "
        "felvärden kan inte läsas rätt",
        "error value number {next} in the sheet (#N/A, #DIV/0! ...); more than {limit} cells "
        "holding error values cannot be read correctly",
    ),
    "limits.found_xml_rows": (
        "bladet har fler än gränsen på {limit} rader (räknat i dess XML före läsningen)",
        "the sheet has more than the limit of {limit} rows (counted in its XML before reading)",
    ),
    "limits.doctype": (
        'arbetsboksdelen "{part}" deklarerar en dokumenttyp eller entiteter '
        "(<!DOCTYPE/<!ENTITY), vilket Excel aldrig skriver: avvisad oläst som ett möjligt "
        'angrepp med XML-entitetsexpansion ("billion laughs") eller externa entiteter',
        'the workbook part "{part}" declares a document type or entities (<!DOCTYPE/<!ENTITY), '
        "which Excel never writes: refused unread as a possible XML entity-expansion "
        '("billion laughs") or external-entity attack',
    ),
    "limits.says": ('läsarens besked: "{detail}"', "{detail}"),
    "limits.part_mismatch": (
        'arbetsboksdelen "{part}" stämmer inte med zip-katalogen ({detail}): filen är skadad, '
        "eller byggd för att dölja sin verkliga storlek",
        'the workbook part "{part}" does not match the zip directory ({detail}): the file is '
        "damaged, or built to hide its real size",
    ),
    "limits.expected_copy_again": (
        "en oskadad arbetsbok (spara den igen från Excel, eller kopiera den igen)",
        "an undamaged workbook (save it again from Excel, or copy it again)",
    ),
    "limits.no_zip_directory": (
        "zip-katalogen i slutet av filen saknas",
        "the zip directory at the end of the file is missing",
    ),
    "limits.zip_damaged": (
        "filen är inte en läsbar .xlsx-arbetsbok: zip-arkivet är avkortat eller skadat ({detail})",
        "the file is not a readable .xlsx workbook: the zip archive is truncated or damaged "
        "({detail})",
    ),
    "limits.unpack": (
        "arbetsboken skulle packas upp till {size}, mer än gränsen på {limit} MB (kontrollerat "
        "i zip-katalogen före läsningen: en zip-bomb, eller en mycket stor arbetsbok)",
        "the workbook would unpack to {size}, more than the limit of {limit} MB (checked from "
        "the zip directory before reading: a zip bomb, or a very large workbook)",
    ),
    "limits.expected_unpack": (
        "en arbetsbok som packas upp till högst {limit} MB; {hint}",
        "a workbook that unpacks to at most {limit} MB; {hint}",
    ),
    "limits.ratio": (
        'arbetsboksdelen "{part}" är komprimerad {ratio} till 1 ({size} från {packed}), mer än '
        "gränsen på {limit} till 1 (kontrollerat före läsningen: en zip-bomb)",
        'the workbook part "{part}" is compressed {ratio} to 1 ({size} from {packed}), more '
        "than the limit of {limit} to 1 (checked before reading: a zip bomb)",
    ),
    "limits.expected_saved_by_hint": (
        "en arbetsbok sparad av Excel, LibreOffice eller ett enkätverktyg; {hint}",
        "a workbook saved by Excel, LibreOffice or a survey tool; {hint}",
    ),
    "limits.ods": (
        "filen är ett OpenDocument-kalkylark (.ods, som LibreOffice sparar det) med ändelsen "
        "{suffix}, inte en Excel-arbetsbok",
        "the file is an OpenDocument spreadsheet (.ods, as LibreOffice saves it) named {suffix}, "
        "not an Excel workbook",
    ),
    "limits.expected_ods": (
        'en Excel-arbetsbok (.xlsx): i LibreOffice välj Arkiv > Spara som > "Excel 2007-365 '
        '(.xlsx)"',
        'an Excel workbook (.xlsx): in LibreOffice choose File > Save As > "Excel 2007-365 '
        '(.xlsx)"',
    ),
    "limits.kind.docx": ("ett Word-dokument (.docx)", "a Word document (.docx)"),
    "limits.kind.pptx": ("en PowerPoint-presentation (.pptx)", "a PowerPoint presentation (.pptx)"),
    "limits.kind.xlsb": ("en binär Excel-arbetsbok (.xlsb)", "a binary Excel workbook (.xlsb)"),
    "limits.kind.zip": ("ett zip-arkiv", "a zip archive"),
    "limits.not_workbook": (
        "filen är {kind}, inte en Excel-arbetsbok (den saknar xl/workbook.xml)",
        "the file is {kind}, not an Excel workbook (it has no xl/workbook.xml)",
    ),
    "limits.expected_save_as": (
        "en Excel-arbetsbok (.xlsx): öppna filen i Excel och spara den som "
        '"Excel-arbetsbok (*.xlsx)"',
        "an Excel workbook (.xlsx): open the file in Excel and save it as "
        '"Excel Workbook (*.xlsx)"',
    ),
    # ---- far cells: how far a sheet's cells reach, checked before reading (readers/limits) ---
    "limits.what_cell": ("cellreferensen {ref}", "the cell reference {ref}"),
    "limits.bad_xml": (
        "bladets XML är inte välformad (rad {line}, tecken {column} i XML-texten, till exempel "
        "ett attribut två gånger i samma element), så hur långt dess celler når går inte att "
        "avgöra innan den läses",
        "the sheet's XML is not well-formed (line {line}, character {column} of the XML text, "
        "for example an attribute twice in one element), so how far its cells reach cannot be "
        "told before it is read",
    ),
    "limits.expected_xml": (
        "en arbetsbok sparad av Excel, LibreOffice eller ett enkätverktyg",
        "a workbook saved by Excel, LibreOffice or a survey tool",
    ),
    "limits.what_next": (
        "en cell utan referens, som hamnar i {ref},",
        "a cell without a reference, which lands in {ref},",
    ),
    "limits.far_row": (
        "{what} i bladets XML ligger på rad {row}, fler än gränsen på {limit} rader "
        "(kontrollerat före läsningen)",
        "{what} in the sheet's XML is in row {row}, more than the limit of {limit} rows "
        "(checked before reading)",
    ),
    "limits.far_cells": (
        "{what} i bladets XML gör att cellerna spänner över {span}, {rows} rader × {cols} "
        "kolumner = {cells} celler, fler än gränsen på {limit} celler (kontrollerat före "
        "läsningen: hela området läses in i minnet)",
        "{what} in the sheet's XML makes its cells span {span}, {rows} rows × {cols} columns "
        "= {cells} cells, more than the limit of {limit} cells (checked before reading: the "
        "whole range is read into memory)",
    ),
    "limits.dimension_cells": (
        "bladets använda område är {dimension}, {rows} rader × {cols} kolumner = {cells} "
        "celler, fler än gränsen på {limit} celler (kontrollerat före läsningen)",
        "the sheet's used range is {dimension}, {rows} rows × {cols} columns = {cells} cells, "
        "more than the limit of {limit} cells (checked before reading)",
    ),
    "limits.expected_error_cells": (
        "högst {limit} celler med felvärden (rätta formlerna, eller ta bort kolumnerna som inte "
        "behövs, och spara filen igen)",
        "at most {limit} cells with error values (fix the formulas, or delete the columns that "
        "are not needed, and save the file again)",
    ),
    "limits.expected_rows": (
        "högst {limit} rader (ta bort tomma eller oanvända rader längst ned); om filen är "
        "äkta, höj gränsen med miljövariabeln MOGNAD_MAX_ROWS",
        "at most {limit} rows (delete empty or unused rows at the bottom); if the file is "
        "genuine, raise the limit with the environment variable MOGNAD_MAX_ROWS",
    ),
    "limits.expected_cells": (
        "högst {limit} celler från A1 till den sista använda cellen (ta bort tomma eller "
        "oanvända rader och kolumner längst ned och till höger); om filen är äkta, höj gränsen "
        "med miljövariabeln MOGNAD_MAX_CELLS",
        "at most {limit} cells from A1 to the last used cell (delete empty or unused rows and "
        "columns at the bottom and on the right); if the file is genuine, raise the limit with "
        "the environment variable MOGNAD_MAX_CELLS",
    ),
    # ---- the header row: a title or a header? (mognad_core.readers.grid; issue 20) -----------
    "error.title_not_header": (
        'den första ifyllda raden har bara "{title}", som ser ut som en titel, inte som en '
        "rubrikrad",
        'the first filled row holds only "{title}", which looks like a title, not a header row',
    ),
    "error.title_or_header": (
        "den här raden har {n} ifyllda celler ({shown}) ovanför rad {header}, som har "
        "{header_cells}: den kan vara en titel eller rubrikraden",
        "this row has {n} filled cells ({shown}) above row {header}, which has {header_cells}: "
        "it could be a title or the header row",
    ),
    "error.expected.header_first": (
        "rubrikraden (påståendenas id eller texter, en per kolumn) som första ifyllda rad: ta "
        "bort titelraderna ovanför den",
        "the header row (statement ids or texts, one per column) as the first filled row: "
        "delete the title rows above it",
    ),
    "error.expected.header_first_or_fill": (
        "rubrikraden (påståendenas id eller texter, en per kolumn) som första ifyllda rad: ta "
        "bort titelraderna ovanför den, eller fyll i rubrikerna som saknas",
        "the header row (statement ids or texts, one per column) as the first filled row: "
        "delete the title rows above it, or fill in the missing headers",
    ),
    # ---- reports: the workbook (excel_report: where to start, roles, response rates, p) ------
    "sheet.start": ("Var börja", "Where to start"),
    "head.start": ("Var börja: {areas}", "Where to start: {areas}"),
    "head.start_all": ("Alla områden i ordning", "All areas in order"),
    "head.start_rule": ("Så valdes områdena", "How the areas were chosen"),
    "head.priorities_statements": (
        "Påståendena i prioritetsordning",
        "The statements in priority order",
    ),
    "col.area": ("Område", "Area"),
    "note.priorities_start": (
        "Påståendena i ordning. Markerade: påståendena i områdena att börja med ({areas}, "
        "bladet {sheet}).",
        "The statements in order. Marked: the statements in the areas to start with ({areas}, "
        "sheet {sheet}).",
    ),
    "note.insights_start": (
        "Förslaget är att börja med {areas} (bladet {sheet}). Iakttagelserna nedan är modellens "
        "egna, till exempel dess rekommenderade ordning, och är underlag till förslaget.",
        "The proposal is to start with {areas} (sheet {sheet}). The findings below are the "
        "model's own, such as its recommended order, and inform the proposal.",
    ),
    "sheet.roles": ("Roller", "Roles"),
    "head.roles": ("Roller sida vid sida: {by}", "Roles side by side: {by}"),
    "col.difference": ("Skillnad ({b} − {a})", "Difference ({b} − {a})"),
    "col.spread": ("Skillnad, högst − lägst", "Difference, highest − lowest"),
    "note.roles_hidden": (
        "Dolda roller har inga siffror (anonymitet): {roles}.",
        "Hidden roles have no figures (anonymity): {roles}.",
    ),
    "sheet.response_rates": ("Svarsfrekvens", "Response rates"),
    "head.response_rates": (
        "Svarsfrekvens per mätomgång och grupp",
        "Response rate per wave and group",
    ),
    "col.wave": ("Mätomgång", "Wave"),
    "col.invited": ("Inbjudna", "Invited"),
    "col.rate": ("Svarsfrekvens", "Response rate"),
    "note.rates_no_invited": (
        "Svarsfrekvens kräver antalet inbjudna (--invited).",
        "A response rate needs the number invited (--invited).",
    ),
    "col.p_raw": ("p (ojusterat)", "p (unadjusted)"),
    "col.p_adjusted": ("p ({method})", "p ({method})"),
    # ---- reports: summary, about sheet, slides ------------------------------------------------
    "report.title": ("Digital mognad", "Digital maturity"),
    "report.file": ("rapport", "report"),
    "summary.respondents": (
        "{n} personer har svarat ({source}{where}).",
        "{n} people answered ({source}{where}).",
    ),
    "summary.wave": ("Rapporten gäller {wave}.", "The report is about {wave}."),
    "summary.overall": (
        "Den samlade digitala mognaden är {score}.",
        "Overall digital maturity is {score}.",
    ),
    "summary.level": ("Det motsvarar nivån {level}.", "That is the level {level}."),
    "summary.quadrant": (
        "I fyrfältet hamnar organisationen i ”{name}”: {x_label} {x}, {y_label} {y}.",
        "In the 2×2 the organisation is “{name}”: {x_label} {x}, {y_label} {y}.",
    ),
    "summary.benchmark_same": (
        "Det är samma nivå som {label} ({value}).",
        "That equals {label} ({value}).",
    ),
    "summary.benchmark_above": (
        "Det är {amount} över {label} ({value}).",
        "That is {amount} above {label} ({value}).",
    ),
    "summary.benchmark_below": (
        "Det är {amount} under {label} ({value}).",
        "That is {amount} below {label} ({value}).",
    ),
    "summary.target_dimensions": (
        "Mot målet {target} når {met} av {total} dimensioner målet.",
        "Against the target {target}, {met} of {total} dimensions reach it.",
    ),
    "summary.largest_gap": ("Störst gap: {label} ({gap}).", "Largest gap: {label} ({gap})."),
    "summary.target_overall": ("Mot målet {target}: {gap}.", "Against the target {target}: {gap}."),
    "summary.strongest": (
        "Starkast är {high} ({high_score}) och svagast {low} ({low_score}).",
        "Strongest is {high} ({high_score}), weakest {low} ({low_score}).",
    ),
    "summary.change": (
        "Sedan {before} har totalen ändrats med {change}{interval}{sure}.",
        "Since {before} the overall score changed by {change}{interval}{sure}.",
    ),
    "summary.change_interval": (
        " (95 %-intervall {low} till {high})",
        " (95 % interval {low} to {high})",
    ),
    # whether the overall change is sure: Holm-adjusted p < 0.05 (CompareRow.significant)
    "summary.change_sure": (": en säker förändring", ": a clear change"),
    "summary.change_unsure": (
        ": ingen säker förändring, den kan bero på slumpen",
        ": not a clear change, it may be chance",
    ),
    "summary.start_item": (
        "{label} ({score}, vet ej {share})",
        "{label} ({score}, don't know {share})",
    ),
    "summary.start": (
        "Förslag på var ni kan börja: {items}. Välj ett eller två områden, annars blir det för "
        "mycket.",
        "Suggested places to start: {items}. Choose one or two areas, otherwise it becomes far "
        "too much.",
    ),
    "summary.groups": ("Per {by}: {shown} grupper visas.", "By {by}: {shown} groups shown."),
    "summary.groups_hidden": (
        "Per {by}: {shown} grupper visas och {hidden} döljs för att skydda anonymiteten.",
        "By {by}: {shown} groups shown and {hidden} hidden to protect anonymity.",
    ),
    "summary.groups_range": (
        "Högst: {high} ({high_score}); lägst: {low} ({low_score}).",
        "Highest: {high} ({high_score}); lowest: {low} ({low_score}).",
    ),
    "about.model": ("Modell", "Model"),
    "about.responses": ("Svar", "Responses"),
    "about.selection": ("Urval", "Selection"),
    "about.comparison": ("Jämförelse", "Comparison"),
    # one sentence for a comparison, in the CLI and in the report's about sheet
    "compare.summary": (
        "{before} (n={n_before}) → {after} (n={n_after}); 95 %-intervall för påståenden: Welch t; "
        "för dimensioner: bootstrap ({n_boot} dragningar, frö {seed}); säker förändring: "
        "Holm-justerat p < 0,05 över {statements} påståenden, och för sig över {parts} "
        "dimensioner och totalen",
        "{before} (n={n_before}) → {after} (n={n_after}); 95 % intervals for statements: Welch t; "
        "for dimensions: bootstrap ({n_boot} replicates, seed {seed}); clear change: "
        "Holm-adjusted p < 0.05 across {statements} statements, and separately across {parts} "
        "dimensions and the overall score",
    ),
    "about.target": ("Mål", "Target"),
    "about.groups": ("Grupper", "Groups"),
    "about.groups_text": ("per {by}; {rule}", "per {by}; {rule}"),
    "about.groups_all": ("alla grupper visas.", "every group is shown."),
    "about.groups_rule": (
        "grupper med färre än {k} svarande visas inte, och inte heller en grupp som annars kunde "
        "räknas fram ur totalen.",
        "groups with fewer than {k} respondents are not shown, nor a group that could otherwise "
        "be derived from the total.",
    ),
    "about.scores": ("Värden", "Scores"),
    "about.start": ("Var börja (områden)", "Where to start (areas)"),
    "about.priorities": ("Påståendenas ordning", "Order of the statements"),
    "about.priorities_rule": (
        "Ett påstående har lågt värde när det ligger {below} och mycket vet ej när andelen vet ej "
        "är minst {min}. Påståenden som har båda kommer först (Vetlandas sållning, som också "
        "pekar ut områden att börja med); därefter efter prioritet = vikt × ((1 − värde) + "
        "andel vet ej + avstånd till målet).",
        "A statement has a low score when it is {below} and much don't know when its don't-know "
        "share is at least {min}. Statements with both come first (Vetlanda's screen, which also "
        "marks areas to start with); then by priority = weight × ((1 − score) + don't-know share + "
        "shortfall to the target).",
    ),
    "about.below_median": (
        "under medianen av alla påståenden ({value})",
        "below the median of all statements ({value})",
    ),
    "about.below_model": ("under modellens gräns {value}", "below the model's threshold {value}"),
    "about.benchmark": ("Riktmärke", "Benchmark"),
    "about.created": ("Skapad", "Created"),
    "about.note": ("Anmärkning", "Note"),
    "slide.start_with": ("Börja med:", "Start with:"),
    "slide.statement_note": (
        "{id} {text}: {score}, vet ej {share} (n={n})",
        "{id} {text}: {score}, don't know {share} (n={n})",
    ),
    "slide.groups_rule": (
        "Grupper med färre än {k} svarande visas inte (anonymitet), inte heller en grupp som "
        "annars kunde räknas fram ur totalen.",
        "Groups with fewer than {k} respondents are not shown (anonymity), nor a group that "
        "could otherwise be derived from the total.",
    ),
    "slide.about_data": ("Om uppgifterna", "About the data"),
    "start.threshold": ("gräns {value}", "threshold {value}"),
    # ---- reports: the deck's storyline (mognad_core.report.slides) ----------------------------
    "headline.overall": ("Digital mognad {score}", "Digital maturity {score}"),
    "headline.level": (
        "Digital mognad {score}: nivån {level}",
        "Digital maturity {score}: the level {level}",
    ),
    "headline.up": (
        "Digital mognad {score}, {change} högre än {before}",
        "Digital maturity {score}, {change} higher than {before}",
    ),
    "headline.down": (
        "Digital mognad {score}, {change} lägre än {before}",
        "Digital maturity {score}, {change} lower than {before}",
    ),
    "headline.same": (
        "Digital mognad {score}, ingen säker förändring sedan {before}",
        "Digital maturity {score}, no clear change since {before}",
    ),
    "slide.proposal_line": (
        "Förslaget är att börja med {areas}.",
        "The proposal is to start with {areas}.",
    ),
    "slide.profile_message": (
        "Starkast {high} ({high_score}), svagast {low} ({low_score})",
        "Strongest {high} ({high_score}), weakest {low} ({low_score})",
    ),
    "slide.benchmark_line": ("{label}: {value}.", "{label}: {value}."),
    "slide.benchmark_gap": ("Skillnad mot riktmärket: {gap}", "Difference: {gap}"),
    "slide.reliability": ("Osäkra siffror", "Uncertain figures"),
    "slide.change_sure_up": (
        "{before} → {after}: säkert bättre på {count} av {compared} påståenden",
        "{before} → {after}: clearly better on {count} of {compared} statements",
    ),
    "slide.change_sure_down": (
        "{before} → {after}: säkert sämre på {count} av {compared} påståenden",
        "{before} → {after}: clearly worse on {count} of {compared} statements",
    ),
    "slide.change_sure_mixed": (
        "{before} → {after}: säkert bättre på {up} och sämre på {down} av {compared} påståenden",
        "{before} → {after}: clearly better on {up} and worse on {down} of {compared} statements",
    ),
    "slide.change_none": (
        "{before} → {after}: ingen säker förändring på de {compared} påståendena",
        "{before} → {after}: no clear change on the {compared} statements",
    ),
    "slide.interval": ("95 %-intervall {low} till {high}", "95 % interval {low} to {high}"),
    "slide.fields": ("Fält", "Quadrants"),
    "slide.strengths_title": (
        "Styrkor och förbättringsområden: starkast {high}, svagast {low}",
        "Strengths and areas to improve: strongest {high}, weakest {low}",
    ),
    "slide.strengths": ("Styrkor", "Strengths"),
    "slide.improvements": ("Förbättringsområden", "Areas to improve"),
    "slide.highest_statement": ("Högst: {text} ({score})", "Highest: {text} ({score})"),
    "slide.lowest_statement": ("Lägst: {text} ({score})", "Lowest: {text} ({score})"),
    "slide.statements_caption": (
        "Lågt värde: {below}. Mycket vet ej: minst {share}.",
        "Low score: {below}. Much don't know: at least {share}.",
    ),
    "slide.orange_chosen": (
        "Rött: påståenden i de föreslagna områdena.",
        "Red: statements in the proposed areas.",
    ),
    "slide.uncertain_statements": (
        "Osäkra värden (få svar eller brett intervall): {items}.",
        "Uncertain scores (few answers or a wide interval): {items}.",
    ),
    "legend.other_statements": ("Övriga påståenden", "Other statements"),
    "slide.no_proposal": ("Var börja?", "Where to start?"),
    "slide.area": ("Förslag {rank} av {count}: {label}", "Proposal {rank} of {count}: {label}"),
    "slide.area_one": ("Förslag: {label}", "Proposal: {label}"),
    "slide.behind": ("Påståendena bakom", "The statements behind it"),
    "slide.continued": ("{title} (forts.)", "{title} (cont.)"),
    "slide.next_steps_one": ("Nästa steg för {label}", "Next steps for {label}"),
    "slide.next_steps_areas": (
        "Nästa steg för de föreslagna områdena",
        "Next steps for the proposed areas",
    ),
    "slide.next_step_head": ("{label} ({score}, {level})", "{label} ({score}, {level})"),
    "slide.decision": (
        "Förslag till beslut: välj 1–2 områden",
        "Proposed decision: choose 1–2 areas",
    ),
    "slide.decision_intro": (
        "Välj ett eller två områden, annars blir det för mycket. Skriv in vem som ansvarar och "
        "när det ska vara klart.",
        "Choose one or two areas, otherwise it becomes far too much. Write down who is "
        "responsible and when it is to be done.",
    ),
    "slide.decision_notes": (
        "Den tomma raden är för ett annat område än förslagen.",
        "The empty row is for an area other than the proposals.",
    ),
    "col.owner": ("Ansvarig", "Owner"),
    "col.timeline": ("Tidplan / klart", "Timeline / done by"),
    "slide.roles": ("Per {column}", "By {column}"),
    "slide.roles_title": (
        "Per {column}: störst skillnad i {label} ({gap})",
        "By {column}: the largest difference is in {label} ({gap})",
    ),
    "slide.difference": ("skillnad {gap}", "difference {gap}"),
    "slide.hidden_roles": (
        "Visas inte (för få svarande eller för att skydda en mindre grupp): {names}",
        "Not shown (too few respondents, or hidden to protect a smaller group): {names}",
    ),
    "slide.heat_key": ("Färgskala:", "Colour scale:"),
    "slide.small_group": (
        "Få svarande ({n}, färre än {min}): små skillnader kan vara slump.",
        "Few respondents ({n}, fewer than {min}): small differences may be chance.",
    ),
    "slide.small_groups": (
        "Få svarande (färre än {min}), så små skillnader kan vara slump: {names}.",
        "Few respondents (fewer than {min}), so small differences may be chance: {names}.",
    ),
    "slide.group_lowest": ("Lägst i gruppen", "Lowest in this group"),
    "slide.response_rates": ("Svarande per mätomgång och grupp", "Respondents by wave and group"),
    # ---- reports: sheets, columns, slides, notes (mognad_core.report) -----------------------
    "sheet.summary": (
        "Sammanfattning",
        "Summary",
    ),
    "sheet.dimensions": (
        "Dimensioner",
        "Dimensions",
    ),
    "sheet.statements": (
        "Påståenden",
        "Statements",
    ),
    "sheet.priorities": (
        "Prioriteringar",
        "Priorities",
    ),
    "sheet.change": (
        "Förändring",
        "Change",
    ),
    "sheet.groups": (
        "Grupper",
        "Groups",
    ),
    "sheet.group_sizes": (
        "Gruppstorlek",
        "Group sizes",
    ),
    "sheet.quadrant": (
        "Fyrfält",
        "2×2",
    ),
    "sheet.insights": (
        "Modellens tolkning",
        "Model insights",
    ),
    "sheet.reliability": (
        "Tillförlitlighet",
        "Reliability",
    ),
    "sheet.about": (
        "Om rapporten",
        "About",
    ),
    "col.id": (
        "Id",
        "Id",
    ),
    "col.part": (
        "Del",
        "Part",
    ),
    "col.kind": (
        "Typ",
        "Kind",
    ),
    "col.parent": (
        "Hör till",
        "Belongs to",
    ),
    "col.statement": (
        "Påstående",
        "Statement",
    ),
    "col.statements": (
        "Påståenden",
        "Statements",
    ),
    "col.short": (
        "Kort text",
        "Short text",
    ),
    "col.dimension": (
        "Dimension",
        "Dimension",
    ),
    "col.score": (
        "Värde",
        "Score",
    ),
    "col.level": (
        "Nivå",
        "Level",
    ),
    "col.mean": (
        "Medel (skala)",
        "Mean (scale)",
    ),
    "col.n": (
        "Svar (n)",
        "Answers (n)",
    ),
    "col.respondents": (
        "Svarande",
        "Respondents",
    ),
    "col.dont_know": (
        "Vet ej (antal)",
        "Don't know (count)",
    ),
    "col.dont_know_share": (
        "Vet ej (andel)",
        "Don't know (share)",
    ),
    "col.missing": (
        "Tomma",
        "Blank",
    ),
    "col.ci_low": (
        "95 % KI, lägre",
        "95 % CI, low",
    ),
    "col.ci_high": (
        "95 % KI, övre",
        "95 % CI, high",
    ),
    "col.target": (
        "Mål",
        "Target",
    ),
    "col.gap": (
        "Gap mot mål",
        "Gap to target",
    ),
    "col.benchmark": (
        "Riktmärke",
        "Benchmark",
    ),
    "col.rank": (
        "Rang",
        "Rank",
    ),
    "col.priority": (
        "Prioritet",
        "Priority",
    ),
    "col.low_score_high_dont_know": (
        "Lågt värde + mycket vet ej",
        "Low score + much don't know",
    ),
    "col.reason": (
        "Varför",
        "Why",
    ),
    "col.before": (
        "Före",
        "Before",
    ),
    "col.after": (
        "Efter",
        "After",
    ),
    "col.change": (
        "Förändring",
        "Change",
    ),
    "col.significant": (
        "Säker förändring",
        "Clear change",
    ),
    "col.total": (
        "Totalt",
        "Total",
    ),
    "col.group": (
        "Grupp",
        "Group",
    ),
    "col.shown": (
        "Visas",
        "Shown",
    ),
    "col.why_hidden": (
        "Varför dold",
        "Why hidden",
    ),
    "col.category": (
        "Fält",
        "Quadrant",
    ),
    "col.items": (
        "Påståenden",
        "Statements",
    ),
    "col.complete": (
        "Svarat på alla",
        "Answered all",
    ),
    "col.alpha": (
        "Cronbachs alfa",
        "Cronbach's alpha",
    ),
    "col.warning": (
        "Varning",
        "Warning",
    ),
    "col.figure": (
        "Nyckeltal",
        "Key figure",
    ),
    "col.value": (
        "Värde",
        "Value",
    ),
    "kind.overall": (
        "totalt",
        "overall",
    ),
    "kind.dimension": (
        "dimension",
        "dimension",
    ),
    "kind.category": (
        "kategori",
        "category",
    ),
    "kind.statement": (
        "påstående",
        "statement",
    ),
    "yes": (
        "ja",
        "yes",
    ),
    "no": (
        "nej",
        "no",
    ),
    "hidden.statement_short": (
        "visas inte",
        "not shown",
    ),
    "about.anonymity": (
        "Anonymitet",
        "Anonymity",
    ),
    "anonymity.on": (
        "Minsta gruppstorlek {k}. Ett värde visas bara för minst {k} svarande och minst {k} "
        "svar per påstående; en grupp eller ett påstående som annars kunde räknas fram ur en "
        "total döljs också, och dolda gruppers storlek visas inte. Spridningsmått kräver minst "
        "{k2} svar. Värden är avrundade till en tiondels procentenhet, medelvärden och alfa "
        "till två decimaler.",
        "Minimum group size {k}. A figure is shown only for at least {k} respondents and at "
        "least {k} answers to a statement; a group or statement that could otherwise be derived "
        "from a total is hidden too, and the sizes of hidden groups are not shown. Spread "
        "figures need at least {k2} answers. Scores are rounded to a tenth of a percentage "
        "point, means and alphas to two decimals.",
    ),
    "note.insight_left_out": (
        "Modellens tolkning ”{title}” visas inte: den räknades med en annan minsta gruppstorlek "
        "än rapportens.",
        "The model insight “{title}” is not shown: it was computed with another minimum group "
        "size than the report's.",
    ),
    "fig.overall": (
        "Total mognad",
        "Overall maturity",
    ),
    "fig.level": (
        "Nivå",
        "Level",
    ),
    "fig.quadrant": (
        "Fält i fyrfältet",
        "2×2 quadrant",
    ),
    "fig.respondents": (
        "Svarande",
        "Respondents",
    ),
    "fig.benchmark": (
        "Jämfört med {label}",
        "Compared with {label}",
    ),
    "fig.target": (
        "Jämfört med målet {label}",
        "Compared with the target {label}",
    ),
    "fig.change": (
        "Förändring sedan {label}",
        "Change since {label}",
    ),
    "series.result": (
        "Resultat",
        "Result",
    ),
    "series.benchmark_overall": (
        "{label} (bara totalvärde)",
        "{label} (overall figure only)",
    ),
    "series.target": (
        "Mål: {label}",
        "Target: {label}",
    ),
    "series.threshold": (
        "Gräns {value}",
        "Threshold {value}",
    ),
    "series.organisation": (
        "Hela organisationen",
        "Whole organisation",
    ),
    "chart.radar": (
        "Profil: {what}",
        "Profile: {what}",
    ),
    "chart.radar.dimensions": (
        "dimensionerna",
        "the dimensions",
    ),
    "chart.radar.categories": (
        "kategorierna",
        "the categories",
    ),
    "chart.statements": (
        "Påståenden, lägst värde först",
        "Statements, lowest score first",
    ),
    "chart.statements.part": (
        "Påståenden {first}–{last} av {total}, lägst värde först",
        "Statements {first}–{last} of {total}, lowest score first",
    ),
    "chart.change": (
        "Före och efter: {before} → {after}",
        "Before and after: {before} → {after}",
    ),
    "chart.groups": (
        "Per {by}",
        "By {by}",
    ),
    "chart.start": (
        "Var börja? Värde och andel vet ej",
        "Where to start? Score and don't-know share",
    ),
    "chart.recommendation": (
        "Rekommendation",
        "Recommendation",
    ),
    "chart.significant": (
        "* säker förändring: Holm-justerat p < 0,05",
        "* clear change: Holm-adjusted p < 0.05",
    ),
    "axis.score": (
        "Värde (0–100 %)",
        "Score (0–100 %)",
    ),
    "axis.dont_know": (
        "Vet ej",
        "Don't know",
    ),
    "axis.dont_know_share": (
        "Andel vet ej",
        "Don't-know share",
    ),
    "axis.level_ring": (
        "{level} från {value}",
        "{level} from {value}",
    ),
    "legend.suggested": (
        "I de föreslagna områdena",
        "In the proposed areas",
    ),
    "legend.group": (
        "Gruppen",
        "This group",
    ),
    "target.next": (
        "nästa nivå",
        "the next level",
    ),
    "target.profile": (
        "målprofil",
        "target profile",
    ),
    "start.region": (
        "Lågt värde + mycket vet ej",
        "Low score + much don't know",
    ),
    "legend.whole": (
        "Hela organisationen",
        "Whole organisation",
    ),
    "start.median": (
        "median {value}",
        "median {value}",
    ),
    "start.min_share": (
        "vet ej {value}",
        "don't know {value}",
    ),
    "head.summary": (
        "Sammanfattning",
        "Summary",
    ),
    "head.key_figures": (
        "Nyckeltal",
        "Key figures",
    ),
    "head.radar_data": (
        "Profil (data till diagrammet)",
        "Profile (chart data)",
    ),
    "head.dimensions": (
        "Värde per dimension och kategori",
        "Score per dimension and category",
    ),
    "head.statements": (
        "Värde och vet ej per påstående, lägst värde först",
        "Score and don't know per statement, lowest score first",
    ),
    "head.priorities": (
        "Var börja: alla påståenden rangordnade",
        "Where to start: every statement ranked",
    ),
    "head.change": (
        "Förändring från {before} till {after}",
        "Change from {before} to {after}",
    ),
    "head.groups": (
        "Värde per {by}",
        "Score by {by}",
    ),
    "head.group_sizes": (
        "Grupper och anonymitet",
        "Groups and anonymity",
    ),
    "head.quadrant": (
        "Läget i fyrfältet",
        "Position in the 2×2",
    ),
    "head.quadrant_help": (
        "Diagramhjälp (gränslinjer och fältnamn)",
        "Chart helpers (threshold lines and quadrant names)",
    ),
    "head.insights": (
        "Modellens tolkning",
        "Model insights",
    ),
    "head.reliability": (
        "Hur säkra är siffrorna?",
        "How reliable are the figures?",
    ),
    "head.about": (
        "Om rapporten",
        "About this report",
    ),
    "note.percent": (
        "Alla värden är andelar av skalans spann (från lägsta till högsta svaret): 0 % = "
        "lägsta svaret, 100 % = högsta. Vet ej räknas inte in i värdet men redovisas som andel.",
        "Every score is a share of the scale's range (from the lowest to the highest answer): "
        "0 % = the lowest answer, 100 % = the highest. Don't know is left out of the score and "
        "reported as a share.",
    ),
    "note.priorities_top": (
        "De {count} översta är förslaget: välj ett eller två områden, annars blir det för mycket.",
        "The top {count} are the suggestion: choose one or two areas, otherwise it becomes far "
        "too much.",
    ),
    "note.significant": (
        "Säker förändring = Holm-justerat p < 0,05: förändringen är större än sin osäkerhet även "
        "när man tar hänsyn till hur många förändringar som jämförs. 95 %-intervallen är "
        "ojusterade.",
        "Clear change = Holm-adjusted p < 0.05: the change is larger than its uncertainty even "
        "allowing for how many changes are compared. The 95 % intervals are unadjusted.",
    ),
    "report.groups_hidden": (
        "Dolda grupper har inga siffror i rapporten (anonymitet).",
        "Hidden groups have no figures in the report (anonymity).",
    ),
    "note.short": (
        "Kort text används som etikett i diagrammet.",
        "The short text labels the chart.",
    ),
    "slide.group_overview": (
        "Resultat per {by}",
        "Results by {by}",
    ),
    "slide.group": (
        "{name}",
        "{name}",
    ),
    "slide.group_sub": (
        "{n} svarande · totalt {score} (hela organisationen {total})",
        "{n} respondents · overall {score} (whole organisation {total})",
    ),
    "slide.hidden_groups": (
        "Visas inte (färre än {min} svarande eller för att skydda en mindre grupp): {names}",
        "Not shown (fewer than {min} respondents, or hidden to protect a smaller group): {names}",
    ),
    "slide.about": (
        "Om mätningen",
        "About the survey",
    ),
    "slide.quadrant_title": (
        "Fyrfältet: {name}",
        "2×2: {name}",
    ),
    "slide.no_priorities": (
        "Inga påståenden att rangordna.",
        "No statements to rank.",
    ),
    "slide.score_dk": (
        "Värde {score} · vet ej {dk}",
        "Score {score} · don't know {dk}",
    ),
    "notes.figures": (
        "Siffrorna:",
        "The figures:",
    ),
    "respondents": (
        "{n} svarande",
        "{n} respondents",
    ),
    "created": (
        "Skapad {date} med mognad {version}",
        "Created {date} with mognad {version}",
    ),
    "source": (
        "Svar: {source}",
        "Responses: {source}",
    ),
    "model": (
        "Modell: {title} ({name} {version})",
        "Model: {title} ({name} {version})",
    ),
    "compared_with": (
        "Jämförelse: {label} ({n} svarande)",
        "Compared with: {label} ({n} respondents)",
    ),
    "where": (
        "Urval: {where}",
        "Selection: {where}",
    ),
    "none": (
        "–",
        "–",
    ),
}
