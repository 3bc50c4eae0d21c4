"""Words of the report: the catalogue bound to the report's language, and shortening labels
(:func:`mognad_core.texts.shorten`, the one cut).

The texts themselves are in the catalogue (:mod:`mognad_core.texts`); the analyses write their
notes in the report's language, so nothing is translated here.
"""

from __future__ import annotations

from ..texts import LANGS, Texts, shorten

__all__ = ["LANGS", "Texts", "shorten"]
