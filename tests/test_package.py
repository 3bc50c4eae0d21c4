"""The package itself: importing it stays light, so the CLI and Excel functions start quickly."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("scipy.stats", "matplotlib", "pptx", "pycel", "formulas")


def _loaded_after(statement: str) -> list[str]:
    code = f"import json, sys; {statement}; print(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


@pytest.mark.parametrize(
    ("statement", "heavy"),
    [
        # the public names are imported on first use (PEP 562): using one loads scoring
        ("import mognad_core; mognad_core.score", HEAVY),
        # xlwings itself imports matplotlib when it is installed (for pictures in cells); the
        # functions import the scoring when first called
        (
            "import mognad_excel.udfs; mognad_excel.udfs.mognad.score",
            tuple(m for m in HEAVY if m != "matplotlib"),
        ),
    ],
)
def test_import_loads_no_heavy_modules(statement, heavy):
    loaded = _loaded_after(statement)
    assert "mognad_core.scoring" in loaded  # the statement really imported the scoring
    assert [m for m in heavy if m in loaded] == []
