"""xlwings Lite: the ``requirements.txt`` and ``main.py`` that bring the MOGNAD_* functions into a
workbook (``mognad excel lite --wheel-url URL -o FOLDER``).

xlwings Lite runs Python inside Excel with Pyodide. It installs what its ``requirements.txt`` tab
lists: pure-Python wheels from PyPI or from an ``https://`` address on a server that allows
cross-site downloads (CORS), and compiled packages from Pyodide's own builds; it registers every
``@func`` that its ``main.py`` tab holds.

This module is the one place that knows which of mognad's requirements exist in Pyodide and how
(:data:`PURE_PYTHON`, :data:`BUILT_BY_PYODIDE`, :data:`NOT_IN_PYODIDE`; tests/test_excel_docs.py and
scripts/check_wheel.py check the project against them) and the one text of the ``main.py`` line
(:data:`MAIN_IMPORT`, which docs/excel.md shows in its block marked ``lite: main.py``).
"""

from __future__ import annotations

import importlib.metadata
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from packaging.requirements import Requirement
from packaging.utils import InvalidWheelFilename, canonicalize_name, parse_wheel_filename

from mognad_core import safe_write
from mognad_core.errors import MognadError
from mognad_core.texts import Message, check_lang, text

__all__ = [
    "BUILT_BY_PYODIDE",
    "LITE_PROVIDES",
    "MAIN_IMPORT",
    "NOT_IN_PYODIDE",
    "PURE_PYTHON",
    "PYODIDE",
    "LiteFiles",
    "check_wheel_url",
    "lite_requirements",
    "main_py",
    "requirements_in_pyodide",
    "write_lite",
]

#: The environment markers of Pyodide, as a requirement's marker sees them.
PYODIDE = {"sys_platform": "emscripten", "platform_system": "Emscripten"}
#: mognad's requirements that install in Pyodide as pure-Python wheels from PyPI (xlwings ships
#: one for Pyodide; python-pptx's own needs, lxml and Pillow, are built by Pyodide). These are
#: what xlwings Lite fetches from PyPI, so requirements.txt names them.
PURE_PYTHON = frozenset(
    {"pluggy", "openpyxl", "defusedxml", "olefile", "click", "xlwings", "python-pptx"}
)
#: ... and those Pyodide builds itself (https://pyodide.org, "Packages built in Pyodide"). Their
#: version is tied to Pyodide's, so requirements.txt does not pin them (xlwings Lite's docs,
#: "Python Dependencies": do not pin a package Pyodide provides).
BUILT_BY_PYODIDE = frozenset({"pydantic", "pandas", "numpy", "scipy", "pyyaml", "packaging"})
#: Compiled without a Pyodide build, or not needed inside Excel: left out there by the marker
#: ``sys_platform != 'emscripten'`` in pyproject.toml.
NOT_IN_PYODIDE = frozenset({"python-calamine", "pycel"})
#: Already in xlwings Lite: its requirements.txt starts with an ``xlwings`` line of the add-in's
#: own version, which stays.
LITE_PROVIDES = frozenset({"xlwings"})

#: The line of main.py that registers every MOGNAD_* function (the module's ``__all__``, already
#: decorated with ``@func``). docs/excel.md shows the same statement in the block marked
#: ``lite: main.py`` (tests/test_excel_lite.py compares them).
MAIN_IMPORT = "from mognad_excel.udfs import *  # noqa: F403"

DISTRIBUTION = "mognad"


def _installed_requirements() -> list[Requirement]:
    """mognad's requirements, as the installed distribution states them (its METADATA, the same
    list as pyproject.toml's ``dependencies``)."""
    return [Requirement(r) for r in importlib.metadata.requires(DISTRIBUTION) or []]


def requirements_in_pyodide(requirements: list[Requirement] | None = None) -> list[Requirement]:
    """The requirements that apply in Pyodide (their marker holds there; extras left out)."""
    reqs = _installed_requirements() if requirements is None else requirements
    return [r for r in reqs if r.marker is None or r.marker.evaluate({**PYODIDE, "extra": ""})]


def check_wheel_url(url: str) -> str:
    """``url`` if xlwings Lite can install mognad from it, else a :class:`MognadError` saying
    why: an ``https://`` address (Lite downloads in the browser, which needs HTTPS from a server
    allowing cross-site downloads) with no user name or password in it (it is saved in the
    workbook), ending in the file name of a pure-Python mognad wheel (``py3-none-any``)."""
    url = url.strip()
    if not url or any(c.isspace() for c in url):
        raise MognadError(Message("excel.lite.url_blank", url=url))
    parts = urlsplit(url)
    if parts.scheme.lower() != "https":
        raise MognadError(Message("excel.lite.not_https", url=url))
    if not parts.hostname:
        raise MognadError(Message("excel.lite.no_host", url=url))
    if parts.username or parts.password:
        raise MognadError(Message("excel.lite.credentials", host=parts.hostname))
    name = unquote(parts.path.rsplit("/", 1)[-1])
    try:
        project, _version, _build, tags = parse_wheel_filename(name)
    except InvalidWheelFilename:
        raise MognadError(Message("excel.lite.not_wheel", url=url, name=name)) from None
    if project != canonicalize_name(DISTRIBUTION):
        raise MognadError(Message("excel.lite.not_mognad", name=name, project=project))
    if any(t.abi != "none" or t.platform != "any" for t in tags):
        raise MognadError(Message("excel.lite.not_pure", name=name))
    return url


def lite_requirements(wheel_url: str, requirements: list[Requirement] | None = None) -> list[str]:
    """The lines of requirements.txt: the wheel's address, then the pure-Python requirements
    xlwings Lite fetches from PyPI, with their versions (not xlwings, whose line Lite has). The
    packages Pyodide builds come with Pyodide; their versions are Pyodide's."""
    lines = [check_wheel_url(wheel_url)]
    for req in requirements_in_pyodide(requirements):
        name = canonicalize_name(req.name)
        if name in PURE_PYTHON and name not in LITE_PROVIDES:
            lines.append(f"{req.name}{req.specifier}")
    return lines


def main_py(wheel_url: str, lang: str = "sv") -> str:
    """The text of main.py: a comment in ``lang`` and :data:`MAIN_IMPORT`."""
    comment = text("excel.lite.main_comment", check_lang(lang), url=check_wheel_url(wheel_url))
    return "".join(f"# {line}\n" for line in comment.splitlines()) + MAIN_IMPORT + "\n"


@dataclass(frozen=True)
class LiteFiles:
    """What :func:`write_lite` wrote."""

    requirements: Path
    main: Path
    #: the lines of requirements.txt
    lines: tuple[str, ...]


def write_lite(
    wheel_url: str, folder: str | Path = ".", *, force: bool = False, lang: str = "sv"
) -> LiteFiles:
    """Write ``requirements.txt`` and ``main.py`` for xlwings Lite into ``folder`` (made if it
    does not exist), both or neither; an existing file is replaced only with ``force``."""
    lang = check_lang(lang)
    lines = lite_requirements(wheel_url)
    folder = Path(folder)
    targets = [folder / "requirements.txt", folder / "main.py"]  # safe_write refuses to replace
    contents = ["\n".join(lines) + "\n", main_py(wheel_url, lang)]

    def writer(content: str):
        def write(tmp: Path) -> None:
            tmp.write_text(content, encoding="utf-8", newline="\n")

        return write

    safe_write.write_files(
        [(t, writer(c)) for t, c in zip(targets, contents, strict=True)],
        force=force,
        new_folder=None if folder.exists() else folder,
    )
    return LiteFiles(requirements=targets[0], main=targets[1], lines=tuple(lines))
