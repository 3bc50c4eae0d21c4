"""Answers as people export them: what a text cell in a statement column means.

Survey tools export an answer as a number (``4``), as the scale's label (``Stämmer ganska bra``,
Microsoft Forms and Google Forms do), or as both (``4 - Stämmer ganska bra``, ``4. Stämmer
ganska bra``, ``4 (Stämmer ganska bra)``). An :class:`AnswerKey` holds every wording one model
accepts, in this order of precedence:

1. an answers file given by the user (``--answers FILE``, ``answers=``): wording -> number,
   a don't-know token or nothing (blank);
2. the model's ``scale.answer_labels`` (the same form);
3. the model's ``scale.labels`` and ``scale.labels_en`` (one label per step).

Wordings are compared ignoring case, spacing and a trailing full stop. A number given with a
label must agree with it; a label the key does not know is an error listing the known ones
(except when the model has no labels at all: then the number is read, with a note).

Texts that survey tools and scripts write for "no value" (:data:`BLANK_TEXTS`: ``nan``,
``NULL``, ``N/A``, ``-`` ...) are read as blank cells, with a note. A percentage (``100 %``)
is never an answer, and neither is a cell holding several answers (``Inte alls;Helt;`` from a
Forms question that allows more than one choice, ``2, 3`` from a Google Forms checkbox grid: a
comma and a space are never a decimal comma) or a range (``1-5``: a label has a letter).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .cells import is_missing
from .errors import InputError, Location
from .schema import SEVERAL_ANSWERS, Scale, normalize_token, parse_number, plain_number
from .texts import Message, joined, shorten

#: texts that mean "no value" (compared ignoring case): read as blank cells, with a note
BLANK_TEXTS = ("nan", "null", "none", "n/a", "na", "-", "–", "—")
_BLANK = frozenset(BLANK_TEXTS)

#: a percentage typed or exported as text: "100 %", "75%", "12,5 %"
PERCENT_TEXT = re.compile(r"^[-+]?\d+(?:[.,]\d+)?\s*%$")
#: "4 - Stämmer ganska bra", "4 – ...", "4. Stämmer ganska bra" (not "4.5")
_NUMBER_DASH_LABEL = re.compile(r"^(\d{1,3})\s*(?:[-–—]|\.(?!\d))\s*(\S.*)$")
#: "4 (Stämmer ganska bra)"
_NUMBER_PAREN_LABEL = re.compile(r"^(\d{1,3})\s*\(\s*([^()]*\S)\s*\)$")
#: a letter: a label has one ("1-5" is a range and "4 (5)" two numbers, not a number and a label)
_LETTER = re.compile(r"[^\W\d_]")
#: Excel's error values: text the reader gives back, never meant as a label
_EXCEL_ERROR = re.compile(r"^#(?:DIV/0!|N/A|NAME\?|NULL!|NUM!|REF!|VALUE!|SPILL!|CALC!)$", re.I)

#: what a wording means besides a number
DONT_KNOW = "dont_know"

# kinds of a classified text (``AnswerKey.classify``); the non-zero ones are noted or explained
NUMBER, BLANK, BLANK_TEXT, KNOWN, UNCHECKED, PERCENT, DISAGREE, UNKNOWN_LABEL, BAD = range(9)

#: labels listed in a message at most
MAX_LABELS_LISTED = 16


def label_key(text: str) -> str:
    """How wordings are compared: case, spacing and a trailing full stop ignored."""
    return normalize_token(text).rstrip(" .!:;")


@dataclass
class AnswerKey:
    """Every wording one model accepts for an answer (see the module docstring)."""

    scale: Scale
    #: label_key(wording) -> a number, DONT_KNOW or None (blank)
    words: dict[str, float | str | None] = field(default_factory=dict)
    #: (wording as written, meaning) for messages, in order of precedence
    listed: list[tuple[str, float | str | None]] = field(default_factory=list)
    #: where the user's wordings came from (an answers file), for messages
    source: str | None = None

    @property
    def has_labels(self) -> bool:
        return bool(self.words)

    def _add(self, wording: str, meaning: float | str | None) -> None:
        key = label_key(wording)
        if key and key not in self.words:
            self.words[key] = meaning
            self.listed.append((str(wording).strip(), meaning))

    def steps_of(self, key: str) -> float | str | None:
        return self.words.get(key, _MISSING)

    def classify(self, text: str) -> tuple[float, bool, int]:
        """(number or NaN, don't know?, kind) for a text cell that is not blank, not a
        don't-know token and not a number."""
        low = label_key(text)
        if low in _BLANK or normalize_token(text) in _BLANK:
            return _NAN, False, BLANK_TEXT
        meaning = self.words.get(low, _MISSING)
        if meaning is not _MISSING:
            return _meaning(meaning, KNOWN)
        dont_know = self.scale.dont_know_normalized
        if low in dont_know:  # "Vet ej." as a label is compared: a trailing full stop ignored
            return _NAN, True, KNOWN
        number = parse_number(low)
        if number is not None and number == number:  # "4;": Forms' one choice of several
            return number, False, NUMBER
        if PERCENT_TEXT.match(text.strip()):
            return _NAN, False, PERCENT
        m = _number_and_label(text)
        if m is None:
            return _NAN, False, BAD
        number, label = float(m.group(1)), label_key(m.group(2))
        meaning = self.words.get(label, _MISSING)
        if meaning is _MISSING and label in dont_know:
            meaning = DONT_KNOW
        if meaning is _MISSING:
            if self.has_labels:
                return _NAN, False, UNKNOWN_LABEL
            return number, False, UNCHECKED  # nothing to check the text against
        if meaning == DONT_KNOW:  # "9 - Vet ej": the number is the tool's code for it
            on_scale = self.scale.min <= number <= self.scale.max
            return (_NAN, False, DISAGREE) if on_scale else (_NAN, True, KNOWN)
        if meaning is None or meaning != number:
            return _NAN, False, DISAGREE
        return number, False, KNOWN

    def _several(self, text: str) -> list[str] | None:
        """The answers of a cell that joins several (``"Inte alls;Helt;"``, ``"2, 3"``), when
        each of them is an answer on its own; else None."""
        parts = [p.strip() for p in SEVERAL_ANSWERS.split(text) if p.strip()]
        if len(parts) < 2:
            return None
        scale = self.scale
        for part in parts:
            number = parse_number(part)
            if number is None:
                number, dont_know, _ = self.classify(part)
                if dont_know:
                    continue
            on_scale = scale.min <= number <= scale.max  # False for NaN
            if not on_scale or (scale.integer and not float(number).is_integer()):
                return None
        return parts

    # ---- messages ---------------------------------------------------------------------------
    def expected(self, labels: bool = True) -> Message:
        """What a cell may hold, for an error's "Expected ..."; with the accepted labels when
        ``labels`` and the key has any."""
        scale = self.scale
        kind = Message("answer.whole_number" if scale.integer else "answer.number")
        tokens = ", ".join(f'"{t}"' for t in scale.dont_know[:2])
        low, high = plain_number(scale.min), plain_number(scale.max)
        if not (labels and self.listed):
            return Message("answer.expected", kind=kind, low=low, high=high, tokens=tokens)
        shown = joined(
            Message("text.joined", first=f'"{w}"', sep=" = ", rest=_meaning_text(v))
            for w, v in self.listed[:MAX_LABELS_LISTED]
        )
        more = len(self.listed) - MAX_LABELS_LISTED
        listed = Message("list.more", items=shown, more=more) if more > 0 else shown
        return Message(
            "answer.expected_labels", kind=kind, low=low, high=high, tokens=tokens, listed=listed
        )

    def explain(self, text: str) -> tuple[Message, Message]:
        """(problem, expected) for a text cell that is not a valid answer."""
        shown = _quoted(text)
        kind = self.classify(text)[2] if isinstance(text, str) and text.strip() else BAD
        if kind == PERCENT:
            return Message("answer.percentage", shown=shown), self.expected(labels=False)
        several = self._several(text) if kind == BAD else None
        if several:
            listed = ", ".join(f'"{p}"' for p in several)
            return (
                Message("answer.several", shown=shown, count=len(several), listed=listed),
                Message("answer.one_per_cell", expected=self.expected(labels=False)),
            )
        m = _number_and_label(text)
        if kind == DISAGREE and m:
            label = m.group(2).strip()
            meaning = self.words.get(label_key(label), _MISSING)
            if meaning is _MISSING:
                meaning = DONT_KNOW
            problem = Message(
                "answer.disagree",
                shown=shown,
                number=m.group(1),
                label=label,
                meaning=_meaning_text(meaning),
            )
            return problem, self.expected()
        if kind == UNKNOWN_LABEL and m:
            problem = Message("answer.unknown_label", shown=shown, label=m.group(2).strip())
            return problem, self.expected()
        if _EXCEL_ERROR.match(text.strip()):  # a formula that failed, not an answer
            problem = Message("answer.excel_error", shown=text.strip().upper())
            return problem, self.expected(labels=False)
        looks_like_words = (
            len(text) <= 60
            and re.search(r"[^\W\d_]", text) is not None
            and not text.lstrip().startswith("=")
            and not _EXCEL_ERROR.match(text.strip())
        )
        return Message("answer.invalid", shown=shown), self.expected(labels=looks_like_words)


_NAN = float("nan")
_MISSING: Any = object()


def _number_and_label(text: str) -> re.Match | None:
    """``4 - label``, ``4. label``, ``4 (label)``: the number and the label (with a letter)."""
    t = text.strip()
    m = _NUMBER_DASH_LABEL.match(t) or _NUMBER_PAREN_LABEL.match(t)
    return m if m is not None and _LETTER.search(m.group(2)) else None


def _meaning(meaning: float | str | None, kind: int) -> tuple[float, bool, int]:
    if meaning is None:
        return _NAN, False, BLANK_TEXT
    if meaning == DONT_KNOW:
        return _NAN, True, kind
    return float(meaning), False, kind


def _meaning_text(meaning: float | str | None) -> str | Message:
    if meaning is None:
        return Message("answer.blank")
    if meaning == DONT_KNOW:
        return Message("answer.dont_know")
    return plain_number(float(meaning))


def _quoted(text: str) -> str | Message:
    if len(text) > 60:
        return Message("value.long_text", start=shorten(text, 51), count=len(text))
    return f'"{text}"'


def _shown(meaning: Any) -> str:
    """An answers file's meaning as the file has it: 4, "vet ej", null."""
    if meaning is None:
        return "null"
    if isinstance(meaning, str):
        return f'"{meaning}"'
    if isinstance(meaning, float):
        return plain_number(meaning)
    return str(meaning)


def answer_key(scale: Scale, answers: Mapping[str, Any] | None = None, *, source=None) -> AnswerKey:
    """The key for ``scale``, with the user's ``answers`` (wording -> number, a don't-know
    token or None) first. A wording whose meaning is not on the scale is a located error."""
    key = AnswerKey(scale=scale, source=source)
    for wording, value in (answers or {}).items():
        try:
            meaning = scale.answer_value(value, f'"{wording}"')
        except ValueError:
            raise InputError(
                Message("error.answers_meaning", wording=wording, value=_shown(value)),
                Location(file=source),
                Message(
                    "error.expected.answers_meaning",
                    low=plain_number(scale.min),
                    high=plain_number(scale.max),
                    dont_know=scale.dont_know[0],
                ),
            ) from None
        if scale.never_read_as(wording, meaning):
            raise InputError(
                Message("error.answers_number_wording", wording=wording, value=_shown(value)),
                Location(file=source),
                Message("error.expected.answers_wording"),
            )
        key._add(str(wording), meaning)
    for wording, value in scale.answer_labels.items():
        key._add(wording, scale.answer_value(value))
    for labels in (scale.labels, scale.labels_en):
        for step, wording in sorted(labels.items()):
            key._add(wording, float(step))
    return key


def load_answers(answers: Mapping[str, Any] | str | Path | None) -> tuple[dict[str, Any], str]:
    """The user's wordings from a dict, or a .yaml/.json file (wording: number) or a two-column
    .csv/.xlsx table; returns them and the file name (for messages)."""
    if answers is None:
        return {}, ""
    if isinstance(answers, Mapping):
        return dict(answers), ""
    from .readers import DATA_FILE_SUFFIXES, read_data_file, read_table

    p = Path(answers)
    where = Location(file=str(p))
    if not p.is_file():
        raise InputError(
            Message("error.answers_not_found"), where, Message("error.expected.data_file")
        )
    if p.suffix.lower() in DATA_FILE_SUFFIXES:
        data = read_data_file(p, Message("error.what.answers_file"))
        if not isinstance(data, dict):
            raise InputError(
                Message("error.answers_not_wordings"),
                where,
                Message("error.expected.answers_lines"),
            )
        return {str(k): v for k, v in data.items()}, str(p)
    table = read_table(p)
    if table.frame.shape[1] < 2:
        raise InputError(
            Message("error.answers_columns"), where, Message("error.expected.answers_columns")
        )
    out: dict[str, Any] = {str(table.frame.columns[0]): table.frame.columns[1]}
    for a, b in zip(table.frame.iloc[:, 0], table.frame.iloc[:, 1], strict=True):
        if not is_missing(a) and str(a).strip():
            out[str(a)] = b
    # a header row ("svar, värde") is not a wording unless its second cell is an answer
    head, value = next(iter(out.items()))
    if parse_number(str(value)) is None and normalize_token(str(value)) not in {
        normalize_token(t) for t in ("vet ej", "vet inte", "don't know", "dont know")
    }:
        del out[head]
    return out, str(p)
