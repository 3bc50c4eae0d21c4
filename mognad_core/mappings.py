"""A starting column mapping for a response file: ``mognad mapping init``.

A mapping file says which header holds which statement (``"Fråga 3": "f11"``), or that a column
is not a statement (``"Fråga 1": null``: a respondent attribute), or which option of a checklist
question it holds (``"Q5_1": "k1 [moln]"``, one column per option). :func:`suggest_mapping` reads a
file's headers and writes down what mognad can tell for sure (a statement's id, text or alias,
numbered columns that correspond one to one with the model's) and its best guesses for the rest,
each guess marked ``CHECK`` with the reason, for a person to review:

- numbered columns that do not correspond one to one with the model's numbered statements
  ("Fråga 1" ... "Fråga 26" for 24 statements): the columns whose cells are all answers are
  paired with the statements in order (the last ones when there are more of them, as background
  questions usually come first); the others are set to null;
- a header whose text resembles a statement's text (a reworded question) is paired with it.

The mapping is read back by :func:`mognad_core.responses.load_mapping` (``--mapping``).
"""

from __future__ import annotations

import difflib
import json
import re
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from . import checklists, safe_write
from .cells import is_missing
from .readers import RawTable, read_table
from .responses import (
    QUESTION_NUMBER,
    code_column,
    header_key,
    looks_like_statement,
    match_header,
    normalize_token,
    positional_key,
    statement_lookups,
)
from .schema import MaturityModel
from .texts import shorten

#: how alike a header and a statement's text must be to be offered as a guess (difflib ratio)
TEXT_LIKENESS = 0.6
#: a statement's text in a comment is cut at this many characters
TEXT_SHOWN = 60


@dataclass
class MappingLine:
    """One column of the file: the statement it holds (None: not a statement), whether that is
    sure, and why."""

    header: str
    statement: str | None
    sure: bool
    why: str
    #: a comment line written above this one (what a group of guesses is based on)
    before: str | None = None


@dataclass
class MappingSuggestion:
    """A starting mapping for one file and model; :attr:`text` is the YAML file."""

    model: MaturityModel
    source: str
    sheet: str | None
    lines: list[MappingLine] = field(default_factory=list)

    @property
    def unmapped(self) -> list[str]:
        """Statements without a column."""
        used = {(line.statement or "").split(" [")[0] for line in self.lines}  # "k1 [moln]"
        return [sid for sid in self.model.statement_ids if sid not in used]

    @property
    def guesses(self) -> list[MappingLine]:
        return [line for line in self.lines if not line.sure]

    @property
    def text(self) -> str:
        """The mapping as YAML, with the reason for each line as a comment."""
        m = self.model
        name = Path(self.source).name
        in_sheet = f' (sheet "{self.sheet}")' if self.sheet else ""
        sheet_arg = f' --sheet "{self.sheet}"' if self.sheet else ""
        out = [
            f"# Column mapping: which header of {name}{in_sheet} holds which statement of model",
            f'# "{m.name}" ({m.title}, {len(m.statement_ids)} statements).',
            "# Written by `mognad mapping init`. Each line is  header: statement id,  or",
            "# header: null  for a column that is not a statement (kept as a respondent",
            '# attribute), or  header: "id [option]"  for one option\'s column of a checklist.',
            "# Lines marked CHECK are guesses: read each, correct it if need be, then",
            f"#   mognad score {name} --model {m.name}{sheet_arg} --mapping THIS_FILE",
        ]
        keys = [json.dumps(line.header, ensure_ascii=False) for line in self.lines]
        values = [
            "null" if line.statement is None else json.dumps(line.statement) for line in self.lines
        ]
        width = max((len(k) + len(v) for k, v in zip(keys, values, strict=True)), default=0) + 2
        for key, value, line in zip(keys, values, self.lines, strict=True):
            if line.before:
                out.extend(f"# {part}" for part in _wrap(line.before))
            mark = "" if line.sure else "CHECK: "
            out.append(f"{key}: {value}".ljust(width) + f"  # {mark}{line.why}")
        if self.unmapped:
            out.append(
                f"# Statements with no column (scored as having no answers): "
                f"{', '.join(self.unmapped)}"
            )
        out.append("#")
        out.append(f'# The statements of model "{m.name}":')
        for s in m.statements:
            out.append(f"#   {s.id}: {shorten(s.text, TEXT_SHOWN)}")
        return "\n".join(out) + "\n"

    def write(self, path: str | Path, *, force: bool = False) -> Path:
        """Write :attr:`text` to ``path`` through :mod:`safe_write` (never over an existing file
        without ``force``, never over the response file)."""
        target = Path(path)
        safe_write.check_targets([target], force=force, inputs=[self.source])
        return safe_write.write_text(target, self.text, force=force)


def _wrap(text: str, width: int = 94) -> list[str]:
    """``text`` in lines of at most ``width`` characters, never breaking a quoted text."""
    quoted = re.sub(r'"[^"]*"', lambda m: m.group(0).replace(" ", "\0"), text)
    return [part.replace("\0", " ") for part in textwrap.wrap(quoted, width)]


def _sample(column) -> str:
    """A few distinct filled cells of a column, quoted, for a comment."""
    seen: list[str] = []
    for v in column:
        if is_missing(v) or not str(v).strip():
            continue
        text = str(int(v)) if isinstance(v, float) and v.is_integer() else str(v).strip()
        if text not in seen:
            seen.append(text)
        if len(seen) == 3:
            break
    shown = [shorten(t, 24) for t in seen]
    return ", ".join(json.dumps(t, ensure_ascii=False) for t in shown) or "no cells filled"


def _answers_only(table: RawTable, j: int, model: MaturityModel) -> bool:
    """Every filled cell of column ``j`` is a valid answer, and at least one is filled."""
    coded = code_column(table.frame.iloc[:, j], model.scale)
    answered = bool((~np.isnan(coded.values)).any() or coded.dont_know.any())
    return answered and coded.bad.size == 0


def suggest_mapping(
    responses: str | Path | RawTable, model: Any = "dimios", *, sheet: str | None = None
) -> MappingSuggestion:
    """What mognad can tell about which column holds which statement, and its guesses."""
    from .plugins import load_model

    m = load_model(model)
    table = responses if isinstance(responses, RawTable) else read_table(responses, sheet)
    certain, numbered = statement_lookups(m)
    families = {family for family, _ in numbered}
    headers = [str(h) for h in table.frame.columns]
    lines: dict[int, MappingLine] = {}
    used: set[str] = set()
    pending: dict[str, list[tuple[int, int]]] = {}
    for j, header in enumerate(headers):
        sid = match_header(header, certain) if header else None
        if sid is not None and sid not in used:
            how = "its id" if normalize_token(header) == normalize_token(sid) else "its text"
            said = shorten(m.statement(sid).text, TEXT_SHOWN)
            lines[j] = MappingLine(header, sid, True, f"{how}: {said}")
            used.add(sid)
            continue
        pos = positional_key(header)
        if pos is not None and pos[0] in families:
            pending.setdefault(pos[0], []).append((j, pos[1]))
    for family, columns in pending.items():
        open_numbers = {
            n: sid for (f, n), (sid, _) in numbered.items() if f == family and sid not in used
        }
        if sorted(n for _, n in columns) == sorted(open_numbers):
            for j, n in columns:
                sid = open_numbers[n]
                said = shorten(m.statement(sid).text, TEXT_SHOWN)
                why = f"numbered one to one with the model: {said}"
                lines[j] = MappingLine(headers[j], sid, True, why)
                used.add(sid)
            continue
        statements = [open_numbers[n] for n in sorted(open_numbers)]
        answering = [j for j, _ in columns if _answers_only(table, j, m)]
        how = "the columns holding only answers were paired with the statements in order"
        if len(answering) > len(statements):  # background questions usually come first
            answering = answering[len(answering) - len(statements) :]
            how = f"the last {len(statements)} of the columns holding only answers were paired "
            how += "with the statements in order"
        for j, sid in zip(answering, statements, strict=False):
            why = f"by order: {shorten(m.statement(sid).text, TEXT_SHOWN)}"
            lines[j] = MappingLine(headers[j], sid, False, why)
            used.add(sid)
        first = min(j for j, _ in columns)
        aliases = [numbered[(family, n)][1] for n in sorted(open_numbers)]
        before = (
            f'CHECK: {len(columns)} columns are numbered like "{headers[first]}", and model '
            f'"{m.name}" numbers {len(open_numbers)} statements "{aliases[0]}" … '
            f'"{aliases[-1]}": {how}'
        )
        for j, _ in columns:
            if j not in lines:
                why = (
                    f"guessed not a statement: its cells are {_sample(table.frame.iloc[:, j])}"
                    if not _answers_only(table, j, m)
                    else "guessed not a statement (more numbered columns than statements)"
                )
                lines[j] = MappingLine(headers[j], None, False, why)
        lines[first].before = before
    options = checklists.option_headers(m)  # one column per option of a checklist question
    for j, header in enumerate(headers):
        hit = options.get(header_key(header)) if j not in lines and header else None
        if hit is not None:
            option = m.statement(hit[0]).options[hit[1]]
            why = f'option "{shorten(option.text, 40)}" of checklist question {hit[0]}'
            lines[j] = MappingLine(header, f"{hit[0]} [{option.id}]", True, why)
            used.add(hit[0])
    texts = {}
    for s in m.statements:
        texts[header_key(s.text)] = s.id
        if s.text_en:
            texts[header_key(s.text_en)] = s.id
    for j, header in enumerate(headers):
        if j in lines or not header:
            continue
        key = header_key(QUESTION_NUMBER.sub("", header, count=1))
        free = {t: sid for t, sid in texts.items() if sid not in used}
        close = difflib.get_close_matches(key, list(free), n=1, cutoff=TEXT_LIKENESS)
        if close and _answers_only(table, j, m):
            sid = free[close[0]]
            said = shorten(m.statement(sid).text, TEXT_SHOWN)
            lines[j] = MappingLine(header, sid, False, f"the text resembles {sid}: {said}")
            used.add(sid)
        elif looks_like_statement(header, table.frame.iloc[:, j], m.scale):
            why = "looks like a statement but matches none of the model's: map it if it is one"
            lines[j] = MappingLine(header, None, False, why)
        else:
            lines[j] = MappingLine(header, None, True, "not a statement (a respondent attribute)")
    ordered = [lines[j] for j in sorted(lines)]
    return MappingSuggestion(model=m, source=str(table.source), sheet=table.sheet, lines=ordered)
