"""Words of the report: the catalogue bound to the report's language, and shortening labels.

The texts themselves are in the catalogue (:mod:`mognad_core.texts`); the analyses write their
notes in the report's language, so nothing is translated here.
"""

from __future__ import annotations

from ..texts import LANGS, Texts

__all__ = ["LANGS", "Texts", "shorten"]


def shorten(text: str, width: int) -> str:
    """Cut ``text`` at a word boundary to at most ``width`` characters, adding an ellipsis."""
    text = " ".join(str(text).split())
    if len(text) <= width:
        return text
    cut = text[: width - 1]
    if " " in cut[width // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,.;:–-") + "…"
