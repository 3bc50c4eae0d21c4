"""Words of the report. The texts themselves are in the catalogue (mognad_core.texts)."""

from __future__ import annotations

import re

from .. import texts as catalogue

#: Swedish for the messages of the analyses (written in English, like all of mognad's messages)
#: that a report shows: reliability warnings, notes about the data. (Why a group is hidden, and
#: the anonymity notes, come from mognad_core.disclosure in the report's language.) A message not
#: listed here is shown as it is.
MESSAGES_SV: list[tuple[str, str]] = [
    (r"one statement: alpha needs at least two", "ett påstående: alfa kräver minst två"),
    (
        r"alpha not computed: (\d+) respondent\(s\) answered every statement "
        r"\(at least (\d+) needed\)",
        "alfa beräknas inte: {0} svarande besvarade alla påståenden (minst {1} behövs)",
    ),
    (
        r"alpha cannot be computed: the answers do not vary",
        "alfa kan inte beräknas: svaren varierar inte",
    ),
    (
        r"alpha from only (\d+) complete respondents \(fewer than (\d+)\): unstable",
        "alfa från bara {0} svarande som besvarat alla påståenden (färre än {1}): osäkert",
    ),
    (
        r"alpha (\d+)\.(\d+) is below (\d+)\.(\d+): the statements do not hang together well",
        "alfa {0},{1} är under {2},{3}: påståendena hänger inte ihop väl",
    ),
    (
        r"only (\d+) valid answer\(s\) \(fewer than (\d+)\): the score says little",
        "bara {0} giltiga svar (färre än {1}): värdet säger lite",
    ),
    (r"Fewer than (\d+) valid answers: (.*)\.", "Färre än {0} giltiga svar: {1}."),
    (
        r"Every statement has fewer than (\d+) valid answers\.",
        "Alla påståenden har färre än {0} giltiga svar.",
    ),
    (
        r"Only (\d+) respondent\(s\): treat every figure as indicative\.",
        "Bara {0} svarande: se alla siffror som vägledande.",
    ),
    (
        r"Columns kept as respondent attributes \(not statements\): (.*)\.",
        "Kolumner som behålls som bakgrundsuppgifter (inte påståenden): {0}.",
    ),
    (
        r'No column for (\d+) statement\(s\) of model "(.*)": (.*); they are scored as having '
        r"no answers\.",
        'Ingen kolumn för {0} påstående(n) i modellen "{1}": {2}; de räknas som obesvarade.',
    ),
    (
        r"Not compared \(no score in one wave\): (.*)\.",
        "Inte jämförda (inget värde i en av mätningarna): {0}.",
    ),
    (
        r'(\d+) respondent\(s\) with no value in "(.*)" were left out\.',
        '{0} svarande utan värde i "{1}" togs inte med.',
    ),
    (r"No target for: (.*)\.", "Inget mål för: {0}."),
]


class Texts(catalogue.Texts):
    """The catalogue in one language, plus the (legacy) Swedish for English analysis notes."""

    def message(self, note):  # type: ignore[override]
        if isinstance(note, catalogue.Message) or not note or self.lang != "sv":
            return super().message(note)
        for pattern, swedish in MESSAGES_SV:
            m = re.fullmatch(pattern, note.strip())
            if m:
                return swedish.format(*m.groups())
        return note


def shorten(text: str, width: int) -> str:
    """Cut ``text`` at a word boundary to at most ``width`` characters, adding an ellipsis."""
    text = " ".join(str(text).split())
    if len(text) <= width:
        return text
    cut = text[: width - 1]
    if " " in cut[width // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,.;:–-") + "…"
