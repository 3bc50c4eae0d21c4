"""The installed entry points of a group, read without importing ``importlib.metadata``.

Every ``mognad`` command loads its plugins through the ``mognad`` entry points. Importing
``importlib.metadata`` (with the ``email`` package it parses METADATA with) and asking it for
them took about 10 ms of every command; reading the ``entry_points.txt`` files of the
``*.dist-info`` and ``*.egg-info`` folders on ``sys.path`` takes about 1 ms. :func:`select` reads
them as Python 3.11's ``importlib.metadata.entry_points(group=...)`` does: the folders of each
``sys.path`` entry in listing order, grouped by distribution name, the first distribution of a
name only, the lines of ``entry_points.txt`` as its parser reads them. Where that could differ
(a zip file or ``.egg`` on the path, another finder of distributions, an ``entry_points.txt``
line its parser refuses), :func:`select` returns None and ``importlib.metadata`` is asked as
before. A distribution's METADATA (its name and version, for ``mognad plugins``) is still read
by ``importlib.metadata``, when asked for.
"""

from __future__ import annotations

import functools
import importlib
import os
import re
import sys
from importlib.machinery import PathFinder
from pathlib import Path
from typing import Any

_INFO = (".dist-info", ".egg-info")
#: importlib.metadata.EntryPoint.pattern
_PATTERN = re.compile(r"(?P<module>[\w.]+)\s*(:\s*(?P<attr>[\w.]+)\s*)?((?P<extras>\[.*\])\s*)?$")


class Distribution:
    """A ``*.dist-info``/``*.egg-info`` folder; its METADATA read by ``importlib.metadata``."""

    def __init__(self, path: Path) -> None:
        self._path = path

    @functools.cached_property
    def metadata(self) -> Any:
        from importlib.metadata import PathDistribution

        return PathDistribution(self._path).metadata


class EntryPoint:
    """What ``importlib.metadata.EntryPoint`` gives the plugin loader: name, value, group, the
    distribution, and :meth:`load`."""

    def __init__(self, name: str, value: str, group: str, dist: Distribution) -> None:
        self.name, self.value, self.group, self.dist = name, value, group, dist

    def load(self) -> Any:
        """The module, or the object in it, that the value names (as importlib.metadata's)."""
        match = _PATTERN.match(self.value)
        module = importlib.import_module(match.group("module"))  # type: ignore[union-attr]
        attrs = filter(None, (match.group("attr") or "").split("."))  # type: ignore[union-attr]
        return functools.reduce(getattr, attrs, module)

    def __repr__(self) -> str:
        return f"EntryPoint(name={self.name!r}, value={self.value!r}, group={self.group!r})"


def _normalize(name: str) -> str:
    """importlib.metadata's Prepared.normalize."""
    return re.sub(r"[-_.]+", "-", name).lower().replace("-", "_")


def _info_folders() -> list[Path] | None:
    """The distribution folders importlib.metadata finds, in its order, the first of each name;
    None when it would look somewhere this does not (see the module docstring)."""
    finders = [getattr(f, "find_distributions", None) for f in sys.meta_path]
    if any(f is not None and f != PathFinder.find_distributions for f in finders):
        return None
    seen: set[str] = set()
    found: list[Path] = []
    for entry in sys.path:
        if not isinstance(entry, str):
            return None
        root = entry or "."
        if os.path.basename(entry).lower().endswith(".egg") or os.path.isfile(root):
            return None  # an egg or a zip file: importlib.metadata reads inside it
        try:
            children = os.listdir(root)
        except OSError:
            continue
        by_name: dict[str, list[Path]] = {}
        for child in children:
            if not child.lower().endswith(_INFO):
                continue
            if not child.endswith(_INFO):  # .DIST-INFO: importlib reads the name from METADATA
                return None
            key = _normalize(child.lower().rpartition(".")[0].partition("-")[0])
            by_name.setdefault(key, []).append(Path(entry, child))
        for paths in by_name.values():
            for path in paths:
                name = _normalize(os.path.splitext(path.name)[0].partition("-")[0])
                if name not in seen:
                    seen.add(name)
                    found.append(path)
    return found


def _read(path: Path) -> str | None:
    try:
        return (path / "entry_points.txt").read_text(encoding="utf-8")
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError, PermissionError):
        return None


def select(group: str) -> list[EntryPoint] | None:
    """``importlib.metadata.entry_points(group=group)``, in its order; None when only
    importlib.metadata can say (see the module docstring)."""
    folders = _info_folders()
    if folders is None:
        return None
    found: list[EntryPoint] = []
    for path in folders:
        text = _read(path)
        if not text:
            continue
        dist = Distribution(path)
        section = None
        for line in map(str.strip, text.splitlines()):
            if not line or line.startswith("#"):
                continue
            if line.startswith("[") and line.endswith("]"):
                section = line.strip("[]")
                continue
            if section is None:
                continue
            if "=" not in line:
                return None  # importlib.metadata raises: let it, as before
            name, _, value = line.partition("=")
            if section == group:
                found.append(EntryPoint(name.strip(), value.strip(), section, dist))
    return found
