"""docs/reports.md is real: every command on it runs in a folder of the bundled samples and
prints what is shown, the Python example runs, every option is documented, the pictures exist
and are small, and the PDF command works (when LibreOffice is installed)."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ARBETSGRUPP_SAMPLES, DIMIOS_SAMPLES, DMM_SAMPLES, ROOT, params
from openpyxl import load_workbook
from pptx import Presentation

from mognad_core.cli.report import report_cmd

DOC = ROOT / "docs" / "reports.md"
TEXT = DOC.read_text(encoding="utf-8")
SAMPLE_DIRS = [
    DIMIOS_SAMPLES,
    DMM_SAMPLES,
    ARBETSGRUPP_SAMPLES,
]


def examples() -> list[tuple[str, str]]:
    return re.findall(r"```console\n\$ (mognad [^\n]*)\n(.*?)```", TEXT, flags=re.S)


@pytest.fixture
def folder(tmp_path, monkeypatch) -> Path:
    """A folder with the sample files, as the page says; the commands run there."""
    for d in SAMPLE_DIRS:
        for f in d.iterdir():
            if f.is_file() and f.suffix in {".xlsx", ".csv", ".yaml"}:
                shutil.copy(f, tmp_path / f.name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def opens(path: Path) -> None:
    if path.suffix == ".xlsx":
        assert load_workbook(path).sheetnames
    else:
        assert len(Presentation(str(path)).slides) > 3


def test_the_page_has_examples_of_each_kind():
    commands = [c for c, _ in examples()]
    assert len(commands) >= 7
    joined = " ".join(commands)
    for piece in ("--model dmm", "--groups förvaltning", "--compare år", "--compare dimios_2024"):
        assert piece in joined
    assert "--lang en" in joined and "-o rapport/" in joined and ".pptx" in joined


@pytest.mark.slow
@pytest.mark.parametrize(("command", "shown"), params(examples(), lambda row: row[0]))
def test_every_command_prints_what_is_shown(run_cli, folder, command, shown):
    out = run_cli(*shlex.split(command)[1:])
    if shown.startswith(("Error:", "Fel:")):  # an error, in the command's language
        assert out.exit_code == 2
        assert out.stderr.strip().splitlines()[-1] == shown.strip()
        return
    assert out.exit_code == 0, out.stderr
    assert out.stdout.splitlines() == shown.strip().splitlines()
    for line in out.stdout.splitlines():
        opens(folder / line.removeprefix("Wrote ").removeprefix("Skrev "))


def test_every_option_is_documented():
    options = [opt for p in report_cmd.params for opt in p.opts if opt.startswith("--")]
    assert "--min-size" in options
    for option in options:
        assert f"`{option}" in TEXT or f"{option}`" in TEXT, option


@pytest.mark.slow
def test_the_python_example_runs(folder, capsys):
    code = re.search(r"```python\n(.*?)```", TEXT, flags=re.S).group(1)
    exec(compile(code, str(DOC), "exec"), {})
    printed = capsys.readouterr().out.strip()
    shown = re.search(r"print\(.*\)  # (.*)", code).group(1)
    assert printed == shown
    assert (folder / "rapport" / "dimios_sample_rapport.pptx").is_file()
    opens(folder / "rapport_en.pptx")


def test_pictures_exist_are_small_and_all_shown():
    shown = re.findall(r"!\[[^\]]+\]\((images/[^)]+\.png)\)", TEXT)
    assert len(shown) >= 6
    for name in shown:
        path = DOC.parent / name
        assert path.is_file(), name
        assert path.stat().st_size < 250_000, name
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    made = {f"images/{p.name}" for p in (DOC.parent / "images").glob("report-*.png")}
    assert made == set(shown)
    script = (ROOT / "scripts" / "render_report_images.py").read_text(encoding="utf-8")
    for name in shown:  # the script makes each of them
        assert Path(name).stem in script


def test_readme_links_the_page():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "(docs/reports.md)" in readme
    assert re.search(r"^mognad report .*-o rapport/", readme, flags=re.M)


@pytest.mark.libreoffice
@pytest.mark.slow
def test_the_pdf_command_works(run_cli, folder, tmp_path_factory):
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    first = examples()[0][0]
    assert run_cli(*shlex.split(first)[1:]).exit_code == 0
    block = re.search(r"```bash\n(soffice [^\n]*)\n```", TEXT).group(1)
    args = shlex.split(block)
    profile = tmp_path_factory.mktemp("lo-profile").as_uri()
    # as shown, with a private LibreOffice profile so that parallel runs do not collide
    args = [soffice, f"-env:UserInstallation={profile}", *args[1:]]
    subprocess.run(args, check=True, capture_output=True, timeout=240)
    pdf = folder / "pdf" / "dimios_sample_rapport.pdf"
    assert pdf.is_file() and pdf.stat().st_size > 10_000
    slides = len(Presentation(str(folder / "rapport" / "dimios_sample_rapport.pptx")).slides)
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        assert re.search(r"^Pages:\s+(\d+)", info, flags=re.M).group(1) == str(slides)
