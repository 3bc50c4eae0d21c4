"""A ready workbook for one model (``mognad excel template MODEL -o FILE.xlsx``).

Sheets:

* **Instruktioner**: what to do, in Swedish.
* **Svar**: the response sheet, an Excel Table named ``Svarstabell``. Row 1 holds the attribute
  columns (respondent, år, förvaltning, roll) and one column per statement id; the statement
  text is a comment on each id. Every answer cell has a dropdown with the scale steps and "Vet
  ej". The workbook name ``svar`` is ``Svarstabell[#All]``: the table grows when rows are
  pasted or typed below it, and so does what the functions read (blank rows at the end are
  ignored), however many respondents there are.
* **Resultat**: MOGNAD_* formulas on ``svar`` and the model in ``modell`` (its name, or the full
  path of the model file it was made from): respondents, overall score, level (when the model
  has levels), gap to a target the user can change, dimensions, priorities, statements and the
  model's own findings. Tables are array formulas of exactly the size the model gives them, so
  they show in every Excel version. Beside them, **Kontroll**: a warning when cells of the Svar
  sheet lie outside the table (they would not be counted), and what ``MOGNAD_CHECK`` finds:
  answers that are not on the scale (where and what), reading notes, and what the anonymity
  rules withhold. A failing function shows an Excel error value; this is where its message is.
* **Påståenden**: every statement with its id, dimension and text.
* **xlwings.conf**: ``UDF Modules = mognad_excel.udfs`` for classic xlwings.

The file is written through :mod:`mognad_core.safe_write` (a temporary file beside it, moved into
place); an existing file is only replaced with ``force=True``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import mognad_core as mognad
from mognad_core import safe_write
from mognad_core.errors import MognadError
from mognad_core.plugins import names_a_model_file
from mognad_core.schema import MaturityModel
from mognad_core.texts import Message

DEFAULT_ROWS = 2000
DEFAULT_ATTRIBUTES = ("respondent", "år", "förvaltning", "roll")
#: the Excel Table that holds the answers, and the workbook name the formulas use for it
TABLE = "Svarstabell"
RESPONSES = f"{TABLE}[#All]"
#: the columns the check for cells outside the table looks at
CHECKED_COLUMNS = "$A:$ZZ"
#: rows set aside on Resultat for MOGNAD_CHECK's messages
CHECK_ROWS = 8
UDF_MODULE = "mognad_excel.udfs"
MAX_ROWS = 1_048_575

PERCENT = "0.0 %"
DECIMAL = "0.00"
HEAD_FILL = "1F4E79"
TITLE_SIZE = 14


@dataclass
class TemplateInfo:
    """Where things are in a written template (for the CLI message and the tests)."""

    path: Path
    model: str  # what the workbook's modell cell holds: a model name or a model file's path
    rows: int
    response_range: str  # "Svarstabell[#All]" (Svar!A1:AB2001 when written)
    statement_columns: dict[str, str]  # statement id -> column letter
    cells: dict[str, str]  # what -> cell or range on Resultat


def _styles():
    from openpyxl.styles import Alignment, Font, PatternFill

    return {
        "head_font": Font(bold=True, color="FFFFFF"),
        "head_fill": PatternFill("solid", fgColor=HEAD_FILL),
        "bold": Font(bold=True),
        "title": Font(bold=True, size=TITLE_SIZE),
        "note": Font(italic=True, color="595959"),
        "warning": Font(bold=True, color="C00000"),
        "wrap": Alignment(wrap_text=True, vertical="top"),
        "input_fill": PatternFill("solid", fgColor="FFF2CC"),
    }


def _dont_know_label(model: MaturityModel) -> str:
    token = model.scale.dont_know[0] if model.scale.dont_know else "vet ej"
    return token[:1].upper() + token[1:]


def _steps(model: MaturityModel) -> list[int] | None:
    s = model.scale
    if not s.integer:
        return None
    lo, hi = int(s.min), int(s.max)
    return list(range(lo, hi + 1)) if hi - lo <= 10 else None


def _validation(model: MaturityModel, first_cell: str):
    from openpyxl.worksheet.datavalidation import DataValidation

    dk = _dont_know_label(model)
    steps = _steps(model)
    lo, hi = f"{model.scale.min:g}", f"{model.scale.max:g}"
    if steps is not None:
        options = ",".join(str(x) for x in steps) + f",{dk}"
        dv = DataValidation(type="list", formula1=f'"{options}"', allow_blank=True)
    else:
        cell = first_cell
        dv = DataValidation(
            type="custom",
            formula1=(
                f"OR(ISBLANK({cell}),AND(ISNUMBER({cell}),{cell}>={lo},{cell}<={hi}),"
                f'LOWER(TRIM({cell}))="{dk.lower()}")'
            ),
            allow_blank=True,
        )
    dv.showErrorMessage = True
    dv.errorStyle = "stop"
    dv.errorTitle = "Ogiltigt svar"
    dv.error = f"Svara med ett tal från {lo} till {hi} eller {dk}, eller lämna cellen tom."
    dv.showInputMessage = False
    return dv


def _header(cell: Any, text: str, st: dict) -> None:
    cell.value = text
    cell.font = st["head_font"]
    cell.fill = st["head_fill"]


def _instructions(ws: Any, model: MaturityModel, rows: int, response_range: str, st) -> None:
    dk = _dont_know_label(model)
    scale = model.scale
    labels = "; ".join(f"{k} = {v}" for k, v in sorted(scale.labels.items()))
    steps = f"{scale.min:g}–{scale.max:g}"
    lines: list[tuple[str, str]] = [
        ("title", f"Digital mognad: {model.display_title()}"),
        ("", ""),
        ("bold", "Så här använder du arbetsboken"),
        (
            "",
            "1. Klistra in svaren i tabellen på bladet Svar från rad 2: en rad per svarande. Rad 1 "
            "innehåller påståendenas id (t.ex. "
            f"{', '.join(model.statement_ids[:3])}); ändra inte rubrikerna. Påståendets text "
            "syns som kommentar på rubriken och på bladet Påståenden.",
        ),
        (
            "",
            f"2. Svara med ett tal från {steps} eller {dk}. Lämna cellen tom om svar saknas. "
            f"Skalan: {labels}."
            if labels
            else f"2. Svara med ett tal från {steps} eller {dk}.",
        ),
        (
            "",
            "3. Kolumnerna respondent, år, förvaltning och roll är frivilliga uppgifter om den "
            "svarande. Fler sådana kolumner går bra, till höger om påståendena.",
        ),
        (
            "",
            "4. Bladet Resultat räknar ut totalt värde, dimensioner, gap mot mål, var ni kan "
            "börja (prioriteringar) och varje påstående med funktionerna MOGNAD_*. Värdena är "
            "mellan 0 och 1 och visas i procent.",
        ),
        (
            "",
            f"5. Svaren ligger i tabellen {TABLE} ({response_range} nu, {rows} rader förberedda). "
            "Tabellen växer av sig själv när ni klistrar in eller skriver fler rader direkt under "
            "den, och funktionerna räknar alla rader i den, hur många svarande ni än har. Ligger "
            "något utanför tabellen varnar Kontroll på bladet Resultat: dra då i tabellens "
            "nedre högra hörn, eller Tabelldesign → Ändra storlek på tabell.",
        ),
        ("", ""),
        ("bold", "Vad behövs för att räkna?"),
        (
            "",
            "Excel i Windows med xlwings: kör 'mognad excel install' en gång i ett "
            "kommandofönster; den skriver ut resten av stegen ('xlwings addin install', spara "
            "arbetsboken som .xlsm, Verktyg → Referenser → xlwings i VBA-redigeraren (Alt+F11), "
            "Import Functions under fliken xlwings, sedan Ctrl+Alt+F9).",
        ),
        (
            "",
            "xlwings Lite (Excel 365, Mac och webben): kör 'mognad excel lite --wheel-url ADRESS' "
            "med adressen där er IT lagt mognad-paketet; kommandot skriver filerna "
            "requirements.txt och main.py att klistra in i xlwings Lite.",
        ),
        (
            "",
            "Utan Excel: mognad excel recalc mall.xlsx -o resultat.xlsx räknar om alla formler "
            "och skriver värdena i en kopia.",
        ),
        ("", ""),
        ("bold", "Om något är fel"),
        (
            "",
            "En funktion som inte kan ge ett resultat visar ett felvärde, som Excels egna "
            "funktioner: #VÄRDEFEL! (#VALUE!) för ett felaktigt svar eller argument, #SAKNAS! "
            "(#N/A) när det inte finns något resultat att visa (t.ex. för få svarande, av "
            "anonymitetsskäl) och #OGILTIGT! (#NUM!) för ett tal utanför det möjliga. "
            "Formler som bygger på cellen (OM, OMFEL, MEDEL) ser felet, som de ska.",
        ),
        (
            "",
            "Vad som är fel och var står under Kontroll på bladet Resultat (funktionen "
            'MOGNAD_CHECK), t.ex. \'MOGNAD: rad 7, kolumn H ("f14"): "kanske" är inte ett '
            "giltigt svar'. Rad och kolumn avser bladet Svar. Rätta svaret där, så räknas "
            "resultatet om. I xlwings Lite syns meddelandet också när du håller musen över cellen.",
        ),
        (
            "",
            "#NAMN? (#NAME?) betyder att Excel inte hittar funktionerna: xlwings är inte "
            "installerat eller funktionerna är inte importerade (se ovan).",
        ),
        ("", ""),
        ("note", f"Modell: {model.name} {model.version}. Skapad av mognad {mognad.__version__}."),
    ]
    ws.column_dimensions["A"].width = 110
    for i, (style, text) in enumerate(lines, start=1):
        cell = ws.cell(i, 1, text or None)
        if style == "title":
            cell.font = st["title"]
        elif style == "bold":
            cell.font = st["bold"]
        elif style == "note":
            cell.font = st["note"]
        cell.alignment = st["wrap"]
        # wrapped text keeps its row's height when the file is opened: give each row room for
        # its lines (about 100 characters a line in a column 110 wide)
        if style != "title" and len(text) > 100:
            ws.row_dimensions[i].height = 15 * (len(text) // 100 + 1)


def _responses_sheet(ws, model: MaturityModel, attributes: list[str], rows: int, st) -> dict:
    from openpyxl.comments import Comment
    from openpyxl.utils import get_column_letter

    columns: dict[str, str] = {}
    col = 1
    for name in attributes:
        _header(ws.cell(1, col), name, st)
        ws.column_dimensions[get_column_letter(col)].width = 18
        col += 1
    first_stmt = col
    for s in model.statements:
        cell = ws.cell(1, col)
        _header(cell, s.id, st)
        dim = model.dimension(s.dimension).label if s.dimension else ""
        text = f"{s.id}: {s.text}" + (f"\n({dim})" if dim else "")
        if s.reverse:
            text += "\nOmvänt påstående: räknas som min + max - svar."
        comment = Comment(text, "mognad")
        comment.width, comment.height = 320, 110
        cell.comment = comment
        letter = get_column_letter(col)
        columns[s.id] = letter
        ws.column_dimensions[letter].width = 7
        col += 1
    last_col = col - 1
    first_letter = get_column_letter(first_stmt)
    last_letter = get_column_letter(last_col)
    dv = _validation(model, f"{first_letter}2")
    dv.add(f"{first_letter}2:{last_letter}{rows + 1}")
    ws.add_data_validation(dv)
    ws.freeze_panes = "A2"
    # an Excel Table: it grows when rows are pasted or typed below it, and carries its dropdowns
    # and formats to the new rows; the formulas read all of it (Svarstabell[#All])
    from openpyxl.worksheet.table import Table, TableStyleInfo

    table = Table(displayName=TABLE, ref=f"A1:{last_letter}{rows + 1}")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleLight9", showRowStripes=True)
    ws.add_table(table)
    return {"columns": columns, "last_letter": get_column_letter(last_col)}


def _statements_sheet(ws, model: MaturityModel, st) -> None:
    heads = ["id", "dimension", "kategori", "påstående", "statement (English)", "omvänd"]
    for j, h in enumerate(heads, start=1):
        _header(ws.cell(1, j), h, st)
    for i, s in enumerate(model.statements, start=2):
        node = model.dimension(s.dimension) if s.dimension else None
        top = node
        while top is not None and top.parent:
            top = model.dimension(top.parent)
        ws.cell(i, 1, s.id)
        ws.cell(i, 2, top.label if top else None)
        ws.cell(i, 3, node.label if node is not None and node.parent else None)
        ws.cell(i, 4, s.text).alignment = st["wrap"]
        ws.cell(i, 5, s.text_en).alignment = st["wrap"]
        ws.cell(i, 6, "ja" if s.reverse else None)
    for letter, width in zip("ABCDEF", (8, 22, 28, 70, 60, 8), strict=True):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "A2"


def _array_formula(
    ws, top: int, left: int, formula: str, height: int, width: int, formats, st
) -> str:
    """An array formula filling exactly ``height`` x ``width`` cells; returns its range."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.formula import ArrayFormula

    ref = f"{get_column_letter(left)}{top}:{get_column_letter(left + width - 1)}{top + height - 1}"
    ws.cell(top, left).value = ArrayFormula(ref, formula)
    for j in range(width):
        head = ws.cell(top, left + j)
        head.font = st["bold"]
        fmt = formats.get(j)
        if fmt:
            for i in range(1, height):
                ws.cell(top + i, left + j).number_format = fmt
    return ref


def _default_target(model: MaturityModel) -> tuple[float, str]:
    """A target to start from: the model's own target figure, else 60 %."""
    for name in model.meta.get("target_benchmarks") or []:
        b = next((b for b in model.benchmarks if b.name == name), None)
        if b is not None and b.overall is not None:
            return b.overall, f"förvalt: {b.label or b.name}"
    return 0.6, "förvalt: 60 %"


def _check_block(ws, st, cells: dict[str, str]) -> None:
    """Kontroll, beside the results: cells outside the table, then MOGNAD_CHECK's messages."""
    ws["I1"] = "Kontroll"
    ws["I1"].font = st["title"]
    warning = (
        "Varning: bladet Svar har ifyllda celler utanför svarstabellen; de räknas inte. "
        "Dra i tabellens nedre högra hörn så att de kommer med (eller Tabelldesign → Ändra "
        "storlek på tabell)."
    )
    ws["I2"] = f'=IF(COUNTA(Svar!{CHECKED_COLUMNS})>COUNTA(svar),"{warning}","")'
    ws["I2"].alignment = st["wrap"]
    ws["I2"].font = st["warning"]
    ws["I3"] = "Vad som är fel och var, och vad anonymitetsskyddet döljer (tomt: allt i ordning):"
    ws["I3"].font = st["note"]
    for i in range(1, CHECK_ROWS + 1):
        ws.cell(3 + i, 9, f"=MOGNAD_CHECK(svar,modell,{i})").alignment = st["wrap"]
    ws.column_dimensions["I"].width = 90
    cells["outside"] = "I2"
    cells["check"] = f"I4:I{3 + CHECK_ROWS}"


def _results_sheet(ws, model: MaturityModel, model_ref: str, st) -> dict[str, str]:
    cells: dict[str, str] = {}
    r = "svar"
    m = "modell"
    ws["A1"] = f"Resultat: {model.display_title()}"
    ws["A1"].font = st["title"]
    ws["A2"] = "Modell"
    ws["B2"] = model_ref
    ws["A3"] = "Antal svarande"
    ws["B3"] = f"=MOGNAD_RESPONDENTS({r},{m})"
    ws["A4"] = "Totalt (0–100 %)"
    ws["B4"] = f"=MOGNAD_SCORE({r},{m})"
    ws["B4"].number_format = PERCENT
    ws["C4"] = "=B4*100"
    ws["C4"].number_format = "0.0"
    ws["D4"] = "← samma värde som tal (0–100)"
    ws["D4"].font = st["note"]
    cells.update(respondents="B3", overall="B4", overall_x100="C4")
    row = 5
    if model.levels:
        ws.cell(row, 1, "Mognadsnivå")
        ws.cell(row, 2, f"=MOGNAD_LEVEL(B4,{m})")
        cells["level"] = f"B{row}"
        row += 1
    default_target, source = _default_target(model)
    bench = model.meta.get("default_benchmark")
    bench_obj = next((b for b in model.benchmarks if b.name == bench), None)
    ws.cell(row, 1, "Mål (ändra)")
    target_cell = ws.cell(row, 2, default_target)
    target_cell.number_format = PERCENT
    target_cell.fill = st["input_fill"]
    ws.cell(row, 3, f"{source}; ett tal (60 %), ett jämförelsevärde eller en nivå").font = st[
        "note"
    ]
    cells["target"] = f"B{row}"
    target_row = row
    row += 1
    ws.cell(row, 1, "Avstånd till mål (procentenheter)")
    ws.cell(row, 2, f"=(B4-B{target_row})*100").number_format = "+0.0;-0.0;0.0"
    cells["target_gap"] = f"B{row}"
    row += 1
    if bench_obj is not None and bench_obj.overall is not None:
        ws.cell(row, 1, f"Jämförelse: {bench_obj.label or bench_obj.name}")
        ws.cell(row, 2, bench_obj.overall).number_format = PERCENT
        ws.cell(row, 3, f"=(B4-B{row})*100").number_format = "+0.0;-0.0;0.0"
        ws.cell(row, 4, "procentenheter (vägledande)").font = st["note"]
        cells["benchmark"] = f"B{row}"
        row += 1

    row += 1
    ws.cell(row, 1, "Dimensioner och kategorier").font = st["bold"]
    row += 1
    n_dims = len(model.all_dimensions())
    width = 7 if model.levels else 6
    cells["dimensions"] = _array_formula(
        ws,
        row,
        1,
        f"=MOGNAD_DIMENSIONS({r},{m})",
        n_dims + 1,
        width,
        {3: PERCENT, 5: PERCENT},
        st,
    )
    row += n_dims + 2

    ws.cell(row, 1, "Gap mot målet ovan (negativt = under målet)").font = st["bold"]
    row += 1
    n_gap = len(model.dimensions) + 2
    cells["gap"] = _array_formula(
        ws,
        row,
        1,
        f"=MOGNAD_GAP({r},{m},B{target_row})",
        n_gap,
        6,
        {3: PERCENT, 4: PERCENT, 5: "+0.0 %;-0.0 %;0.0 %"},
        st,
    )
    row += n_gap + 1

    count = 3
    ws.cell(row, 1, "Var börja? (prioriteringar: lågt värde och hög andel vet ej)").font = st[
        "bold"
    ]
    row += 1
    cells["priorities"] = _array_formula(
        ws,
        row,
        1,
        f"=MOGNAD_PRIORITIES({r},{m},{count})",
        count + 1,
        7,
        {3: PERCENT, 4: PERCENT, 5: "+0.0 %;-0.0 %;0.0 %"},
        st,
    )
    row += count + 2

    ws.cell(row, 1, "Påståenden").font = st["bold"]
    row += 1
    k = len(model.statement_ids)
    cells["statements"] = _array_formula(
        ws,
        row,
        1,
        f"=MOGNAD_STATEMENTS({r},{m})",
        k + 1,
        7,
        {3: PERCENT, 4: DECIMAL, 6: PERCENT},
        st,
    )
    row += k + 2

    ws.cell(row, 1, "Modellens iakttagelser").font = st["bold"]
    row += 1
    first = row
    for i in range(1, 9):
        ws.cell(row, 1, f"=MOGNAD_INSIGHTS({r},{m},{i})").alignment = st["wrap"]
        row += 1
    cells["insights"] = f"A{first}:A{row - 1}"

    for letter, w in zip("ABCDEFG", (34, 42, 16, 12, 12, 14, 60), strict=True):
        ws.column_dimensions[letter].width = w
    _check_block(ws, st, cells)
    return cells


def write_template(
    model: Any,
    path: str | Path,
    *,
    rows: int = DEFAULT_ROWS,
    attributes: list[str] | tuple[str, ...] = DEFAULT_ATTRIBUTES,
    force: bool = False,
) -> TemplateInfo:
    """Write the template workbook for ``model`` (a name, a model file or a MaturityModel).

    The workbook's ``modell`` cell holds what Excel and ``mognad excel recalc`` look the model up
    by: the model's name, or for a model file its full path (the name alone would be unknown
    where the file is not installed as a plugin)."""
    import openpyxl
    from openpyxl.workbook.defined_name import DefinedName

    m = mognad.load_model(model)
    if isinstance(model, (str, Path)) and names_a_model_file(str(model)):
        model_ref = str(Path(model).resolve())
    else:
        model_ref = m.name
    out = Path(path)
    if not safe_write.has_suffix(out, ".xlsx"):
        raise MognadError(Message("excel.template.suffix", name=out.name))
    safe_write.check_targets([out], force=force)
    if not 1 <= rows <= MAX_ROWS:
        raise MognadError(Message("excel.template.rows", most=MAX_ROWS, rows=rows))
    attributes = [a.strip() for a in attributes if a and a.strip()]
    clash = sorted(set(a.casefold() for a in attributes) & {s.casefold() for s in m.statement_ids})
    if clash:
        raise MognadError(Message("excel.template.clash", names=", ".join(clash)))

    st = _styles()
    wb = openpyxl.Workbook()
    info_ws = wb.active
    info_ws.title = "Instruktioner"
    svar = wb.create_sheet("Svar")
    res = wb.create_sheet("Resultat")
    stm = wb.create_sheet("Påståenden")
    conf = wb.create_sheet("xlwings.conf")

    layout = _responses_sheet(svar, m, attributes, rows, st)
    response_range = f"Svar!$A$1:${layout['last_letter']}${rows + 1}"
    wb.defined_names["svar"] = DefinedName("svar", attr_text=RESPONSES)
    wb.defined_names["modell"] = DefinedName("modell", attr_text="Resultat!$B$2")
    _instructions(info_ws, m, rows, response_range.replace("$", ""), st)
    cells = _results_sheet(res, m, model_ref, st)
    _statements_sheet(stm, m, st)
    conf["A1"] = "UDF Modules"
    conf["B1"] = UDF_MODULE
    conf.column_dimensions["A"].width = 16
    conf.column_dimensions["B"].width = 24
    wb.properties.title = f"mognad: {m.display_title()}"
    wb.properties.creator = f"mognad {mognad.__version__}"
    wb.active = 0

    safe_write.write_file(out, wb.save, force=force)
    return TemplateInfo(
        path=out,
        model=model_ref,
        rows=rows,
        response_range=response_range.replace("$", ""),
        statement_columns=layout["columns"],
        cells=cells,
    )
