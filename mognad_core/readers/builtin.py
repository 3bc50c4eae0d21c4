"""The built-in readers, registered as an ordinary plugin."""

from __future__ import annotations

from ..hookspecs import hookimpl


@hookimpl
def register_readers(register):
    # imported here, not when the plugin loads: ``mognad --help`` starts without pandas
    from .csv import CsvReader
    from .excel import ExcelReader

    register(ExcelReader())
    register(CsvReader())
