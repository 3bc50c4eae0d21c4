"""Public names imported on first use, so that a package imports quickly (PEP 562).

Every ``mognad`` command, ``--help`` too, imports mognad_core and loads every plugin; what they
offer to Python code (the scoring, the analyses, a plugin's functions) needs pandas, scipy or
pydantic, which a command imports only when it runs. A package lists where each public name
lives and calls :func:`import_on_first_use`::

    _PUBLIC = {"score": ".scoring", "balance": ".balance"}
    import_on_first_use(__name__, _PUBLIC)

``from package import score`` and ``package.score`` then work as with a plain import.
"""

from __future__ import annotations

import importlib
import sys
import types
from collections.abc import Mapping
from typing import Any


class _LazyPackage(types.ModuleType):
    """A package whose public names (``_PUBLIC``) are imported when first asked for."""

    def __getattr__(self, name: str) -> Any:  # only for names not set yet
        where = self.__dict__.get("_PUBLIC", {}).get(name)
        if where is None:
            raise AttributeError(f"module {self.__name__!r} has no attribute {name!r}")
        module, _, attribute = where.partition(":")
        value = getattr(importlib.import_module(module, self.__name__), attribute or name)
        self.__dict__[name] = value
        return value

    def __setattr__(self, name: str, value: Any) -> None:
        # A public name may also be a submodule's (mognad_dimios.balance, the function, in
        # balance.py): importing the submodule must not put the module in the function's place.
        if isinstance(value, types.ModuleType) and name in self.__dict__.get("_PUBLIC", {}):
            return
        super().__setattr__(name, value)

    def __dir__(self) -> list[str]:
        return sorted(set(self.__dict__) | set(self.__dict__.get("_PUBLIC", {})))


def import_on_first_use(package: str, public: Mapping[str, str]) -> None:
    """Make the names of ``public`` (name: module, relative to ``package``, or ``module:name``
    for a name the module calls otherwise) attributes of the package ``package`` that are
    imported when first used."""
    module = sys.modules[package]
    module.__dict__["_PUBLIC"] = dict(public)
    module.__class__ = _LazyPackage
