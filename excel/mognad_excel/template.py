"""A ready workbook for one model (``mognad excel template MODEL -o FILE.xlsx``).

Sheets:

* **Instruktioner**: what to do, in the workbook's language (``lang``: Swedish, or English).
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
from mognad_core.schema import MaturityModel, in_language, normalize_token
from mognad_core.texts import Message, Texts, check_lang

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
#: the longest text a string in an Excel formula may hold
EXCEL_STRING_MAX = 255

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


#: don't-know answers a model may list that are English (the English template offers the first)
ENGLISH_DONT_KNOW = ("don't know", "dont know", "do not know")


def _dont_know_label(model: MaturityModel, lang: str = "sv") -> str:
    """The don't-know answer the template offers: the model's first token, in English its first
    English token when it has one (every token of the model's list is a valid answer)."""
    tokens = list(model.scale.dont_know) or ["vet ej"]
    if lang == "en":
        tokens = [t for t in tokens if normalize_token(t) in ENGLISH_DONT_KNOW] or tokens
    token = tokens[0]
    return token[:1].upper() + token[1:]


def _steps(model: MaturityModel) -> list[int] | None:
    s = model.scale
    if not s.integer:
        return None
    lo, hi = int(s.min), int(s.max)
    return list(range(lo, hi + 1)) if hi - lo <= 10 else None


def _validation(model: MaturityModel, first_cell: str, t: Texts):
    from openpyxl.worksheet.datavalidation import DataValidation

    dk = _dont_know_label(model, t.lang)
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
    dv.errorTitle = t("template.dropdown_title")
    dv.error = t("template.dropdown_text", low=lo, high=hi, dont_know=dk)
    dv.showInputMessage = False
    return dv


def _header(cell: Any, text: str, st: dict) -> None:
    cell.value = text
    cell.font = st["head_font"]
    cell.fill = st["head_fill"]


def _instructions(ws: Any, model: MaturityModel, rows: int, response_range: str, st, t) -> None:
    lang = t.lang
    dk = _dont_know_label(model, lang)
    scale = model.scale
    step_labels = (scale.labels_en or scale.labels) if lang == "en" else scale.labels
    labels = "; ".join(f"{k} = {v}" for k, v in sorted(step_labels.items()))
    steps = f"{scale.min:g}–{scale.max:g}"
    examples = ", ".join(model.statement_ids[:3])
    lines: list[tuple[str, str]] = [
        ("title", t("template.title", title=model.display_title(lang))),
        ("", ""),
        ("bold", t("template.howto")),
        ("", t("template.step1", examples=examples)),
        (
            "",
            t("template.step2_scale", steps=steps, dont_know=dk, labels=labels)
            if labels
            else t("template.step2", steps=steps, dont_know=dk),
        ),
        ("", t("template.step3")),
        ("", t("template.step4")),
        ("", t("template.step5", table=TABLE, range=response_range, rows=rows)),
        ("", ""),
        ("bold", t("template.needs")),
        ("", t("template.classic")),
        ("", t("template.lite")),
        ("", t("template.offline")),
        ("", ""),
        ("bold", t("template.wrong")),
        ("", t("template.error_values")),
        ("", t("template.error_where")),
        ("", t("template.error_name")),
        ("", ""),
        (
            "note",
            t(
                "template.made_by",
                model=model.name,
                version=model.version,
                mognad=mognad.__version__,
            ),
        ),
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


def _responses_sheet(ws, model: MaturityModel, attributes: list[str], rows: int, st, t) -> dict:
    from openpyxl.comments import Comment
    from openpyxl.utils import get_column_letter

    columns: dict[str, str] = {}
    col = 1
    for name in attributes:
        _header(ws.cell(1, col), name, st)
        ws.column_dimensions[get_column_letter(col)].width = 18
        col += 1
    rated: list[int] = []  # columns answered on the scale (a checklist's cell holds options)
    for s in model.statements:
        cell = ws.cell(1, col)
        _header(cell, s.id, st)
        dim = model.dimension(s.dimension).name(t.lang) if s.dimension else ""
        text = f"{s.id}: {s.label(t.lang)}" + (f"\n({dim})" if dim else "")
        if s.reverse:
            text += "\n" + t("template.reverse_comment")
        options = "; ".join(o.label(t.lang) for o in s.options)
        if s.is_checklist:
            text += "\n" + t("template.checklist_comment", options=options)
        comment = Comment(text, "mognad")
        comment.width, comment.height = 320, 110 + 40 * s.is_checklist + len(options) // 2
        cell.comment = comment
        letter = get_column_letter(col)
        columns[s.id] = letter
        ws.column_dimensions[letter].width = 24 if s.is_checklist else 7
        if not s.is_checklist:
            rated.append(col)
        col += 1
    last_col = col - 1
    last_letter = get_column_letter(last_col)
    if rated:  # the scale's dropdown on the rated columns only, one range per run of them
        dv = _validation(model, f"{get_column_letter(rated[0])}2", t)
        runs: list[list[int]] = []
        for c in rated:
            if runs and c == runs[-1][-1] + 1:
                runs[-1].append(c)
            else:
                runs.append([c])
        for run in runs:
            dv.add(f"{get_column_letter(run[0])}2:{get_column_letter(run[-1])}{rows + 1}")
        ws.add_data_validation(dv)
    ws.freeze_panes = "A2"
    # an Excel Table: it grows when rows are pasted or typed below it, and carries its dropdowns
    # and formats to the new rows; the formulas read all of it (Svarstabell[#All])
    from openpyxl.worksheet.table import Table, TableStyleInfo

    table = Table(displayName=TABLE, ref=f"A1:{last_letter}{rows + 1}")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleLight9", showRowStripes=True)
    ws.add_table(table)
    return {"columns": columns, "last_letter": get_column_letter(last_col)}


def _statements_sheet(ws, model: MaturityModel, st, t) -> None:
    """Each statement in the workbook's language, and beside it in the other one (Swedish: the
    model's English text; English: its Swedish text, the wording the survey may have used)."""
    lang = t.lang
    heads = [
        t(key)
        for key in (
            "template.col.id",
            "template.col.dimension",
            "template.col.category",
            "template.col.statement",
            "template.col.other_language",
            "template.col.reverse",
        )
    ]
    for j, h in enumerate(heads, start=1):
        _header(ws.cell(1, j), h, st)
    for i, s in enumerate(model.statements, start=2):
        node = model.dimension(s.dimension) if s.dimension else None
        top = node
        while top is not None and top.parent:
            top = model.dimension(top.parent)
        ws.cell(i, 1, s.id)
        ws.cell(i, 2, top.name(lang) if top else None)
        ws.cell(i, 3, node.name(lang) if node is not None and node.parent else None)
        ws.cell(i, 4, s.label(lang)).alignment = st["wrap"]
        ws.cell(i, 5, s.text if lang == "en" else s.text_en).alignment = st["wrap"]
        ws.cell(i, 6, t.yes_no(True) if s.reverse else None)
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


def _benchmark_name(b: Any, lang: str) -> str:
    return in_language(b.label, b.label_en, lang) or b.name


def _default_target(model: MaturityModel, t: Texts) -> tuple[float, str]:
    """A target to start from: the model's own target figure, else 60 %."""
    for name in model.meta.get("target_benchmarks") or []:
        b = next((b for b in model.benchmarks if b.name == name), None)
        if b is not None and b.overall is not None:
            return b.overall, t("template.default", name=_benchmark_name(b, t.lang))
    return 0.6, t("template.default", name="60 %")


def _check_block(ws, st, cells: dict[str, str], t: Texts) -> None:
    """Kontroll, beside the results: cells outside the table, then MOGNAD_CHECK's messages."""
    ws["I1"] = t("template.check")
    ws["I1"].font = st["title"]
    warning = t("template.outside").replace('"', '""')  # a string in a formula
    if len(warning) > EXCEL_STRING_MAX:
        raise ValueError(f"template.outside is {len(warning)} characters; Excel takes 255")
    ws["I2"] = f'=IF(COUNTA(Svar!{CHECKED_COLUMNS})>COUNTA(svar),"{warning}","")'
    ws["I2"].alignment = st["wrap"]
    ws["I2"].font = st["warning"]
    ws["I3"] = t("template.check_intro")
    ws["I3"].font = st["note"]
    for i in range(1, CHECK_ROWS + 1):
        ws.cell(3 + i, 9, f"=MOGNAD_CHECK(svar,modell,{i})").alignment = st["wrap"]
    ws.column_dimensions["I"].width = 90
    cells["outside"] = "I2"
    cells["check"] = f"I4:I{3 + CHECK_ROWS}"


def _results_sheet(ws, model: MaturityModel, model_ref: str, st, t: Texts) -> dict[str, str]:
    cells: dict[str, str] = {}
    r = "svar"
    m = "modell"
    ws["A1"] = t("template.results", title=model.display_title(t.lang))
    ws["A1"].font = st["title"]
    ws["A2"] = t("template.model")
    ws["B2"] = model_ref
    ws["A3"] = t("template.respondents")
    ws["B3"] = f"=MOGNAD_RESPONDENTS({r},{m})"
    ws["A4"] = t("template.overall")
    ws["B4"] = f"=MOGNAD_SCORE({r},{m})"
    ws["B4"].number_format = PERCENT
    ws["C4"] = "=B4*100"
    ws["C4"].number_format = "0.0"
    ws["D4"] = t("template.as_number")
    ws["D4"].font = st["note"]
    cells.update(respondents="B3", overall="B4", overall_x100="C4")
    row = 5
    if model.levels:
        ws.cell(row, 1, t("template.level"))
        ws.cell(row, 2, f"=MOGNAD_LEVEL(B4,{m})")
        cells["level"] = f"B{row}"
        row += 1
    default_target, source = _default_target(model, t)
    bench = model.meta.get("default_benchmark")
    bench_obj = next((b for b in model.benchmarks if b.name == bench), None)
    ws.cell(row, 1, t("template.target"))
    target_cell = ws.cell(row, 2, default_target)
    target_cell.number_format = PERCENT
    target_cell.fill = st["input_fill"]
    ws.cell(row, 3, t("template.target_note", source=source)).font = st["note"]
    cells["target"] = f"B{row}"
    target_row = row
    row += 1
    ws.cell(row, 1, t("template.target_gap"))
    ws.cell(row, 2, f"=(B4-B{target_row})*100").number_format = "+0.0;-0.0;0.0"
    cells["target_gap"] = f"B{row}"
    row += 1
    if bench_obj is not None and bench_obj.overall is not None:
        ws.cell(row, 1, t("template.benchmark", name=_benchmark_name(bench_obj, t.lang)))
        ws.cell(row, 2, bench_obj.overall).number_format = PERCENT
        ws.cell(row, 3, f"=(B4-B{row})*100").number_format = "+0.0;-0.0;0.0"
        ws.cell(row, 4, t("template.benchmark_unit")).font = st["note"]
        cells["benchmark"] = f"B{row}"
        row += 1

    row += 1
    ws.cell(row, 1, t("template.dimensions")).font = st["bold"]
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

    ws.cell(row, 1, t("template.gap")).font = st["bold"]
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
    ws.cell(row, 1, t("template.priorities")).font = st["bold"]
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

    ws.cell(row, 1, t("template.statements")).font = st["bold"]
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

    ws.cell(row, 1, t("template.insights")).font = st["bold"]
    row += 1
    first = row
    for i in range(1, 9):
        ws.cell(row, 1, f"=MOGNAD_INSIGHTS({r},{m},{i})").alignment = st["wrap"]
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=7)  # room to read
        ws.row_dimensions[row].height = 30
        row += 1
    cells["insights"] = f"A{first}:A{row - 1}"

    for letter, w in zip("ABCDEFG", (34, 42, 16, 12, 12, 14, 60), strict=True):
        ws.column_dimensions[letter].width = w
    _check_block(ws, st, cells, t)
    return cells


def _print_setup(ws: Any, *, landscape: bool) -> None:
    """Printed (or saved as PDF) one page wide, so a leadership group's copy is readable."""
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def write_template(
    model: Any,
    path: str | Path,
    *,
    rows: int = DEFAULT_ROWS,
    attributes: list[str] | tuple[str, ...] = DEFAULT_ATTRIBUTES,
    force: bool = False,
    lang: str = "sv",
) -> TemplateInfo:
    """Write the template workbook for ``model`` (a name, a model file or a MaturityModel).

    Its words are in ``lang`` (Swedish by default, ``"en"`` for English), and the model's texts
    too where the model file has them in that language. The sheet names, the table Svarstabell
    and the workbook names svar and modell are the same in both: the formulas refer to them.

    The workbook's ``modell`` cell holds what Excel and ``mognad excel recalc`` look the model up
    by: the model's name, or for a model file its full path (the name alone would be unknown
    where the file is not installed as a plugin)."""
    import openpyxl
    from openpyxl.workbook.defined_name import DefinedName

    t = Texts(check_lang(lang))
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

    layout = _responses_sheet(svar, m, attributes, rows, st, t)
    response_range = f"Svar!$A$1:${layout['last_letter']}${rows + 1}"
    wb.defined_names["svar"] = DefinedName("svar", attr_text=RESPONSES)
    wb.defined_names["modell"] = DefinedName("modell", attr_text="Resultat!$B$2")
    _instructions(info_ws, m, rows, response_range.replace("$", ""), st, t)
    cells = _results_sheet(res, m, model_ref, st, t)
    _statements_sheet(stm, m, st, t)
    conf["A1"] = "UDF Modules"
    conf["B1"] = UDF_MODULE
    conf.column_dimensions["A"].width = 16
    conf.column_dimensions["B"].width = 24
    wb.properties.title = f"mognad: {m.display_title(t.lang)}"
    wb.properties.creator = f"mognad {mognad.__version__}"
    _print_setup(info_ws, landscape=False)
    _print_setup(res, landscape=True)
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
