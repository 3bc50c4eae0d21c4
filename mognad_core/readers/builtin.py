"""The built-in readers, registered as an ordinary plugin."""

from __future__ import annotations

from ..hookspecs import hookimpl
from .csv import CsvReader
from .excel import ExcelReader


@hookimpl
def register_readers(register):
    register(ExcelReader())
    register(CsvReader())
