"""The catalogue of texts (mognad_core/texts.py): every key in Swedish and English with the same
placeholders, messages put into words at the edge, one error for an unknown language, one way
to write percentages and percentage points."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest
from conftest import DIMIOS_SAMPLE, ROOT

import mognad_core as mognad
from mognad_core import texts
from mognad_core.errors import PluginError


def _fields(words: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(words) if f}


@pytest.mark.parametrize("key", sorted(texts.CATALOGUE))
def test_every_text_has_both_languages_with_the_same_placeholders(key):
    sv, en = texts.CATALOGUE[key]
    assert (sv.strip() and en.strip()) or key.endswith("_arg")  # an optional argument
    assert _fields(sv) == _fields(en), key


def test_a_message_is_put_into_words_in_either_language():
    note = texts.Message("read.no_answers", count=2, rows=texts.rows([8, 9]))
    assert note.text("en") == (
        "2 row(s) without an answer to any statement were not counted as respondents "
        "(rows 8 and 9)."
    )
    assert (
        note.text("sv")
        == str(note)
        == ("2 rad(er) utan svar på något påstående räknades inte som svarande (raderna 8 och 9).")
    )
    same = texts.Message("read.no_answers", count=2, rows=texts.rows([8, 9]))
    assert note == same and len({note, same}) == 1  # notes are deduplicated by key and data
    assert note != texts.Message("read.no_answers", count=2, rows=texts.rows([8]))
    assert texts.words([note, "plain"], "en")[1] == "plain"
    with pytest.raises(KeyError, match=r"no text 'no\.such\.key'"):
        texts.Message("no.such.key")


def test_rows_and_listings():
    assert texts.rows([4]).text("sv") == "rad 4"
    assert texts.rows(range(1, 12), limit=3).text("en") == "rows 1, 2, 3, ... (11 in all)"
    assert texts.listing(["a", "b"]) == "a, b"
    more = texts.listing([str(i) for i in range(10)], limit=8)
    assert more.text("sv") == "0, 1, 2, 3, 4, 5, 6, 7 och 2 till"
    assert more.text("en").endswith("7 and 2 more")


def test_a_language_is_read_as_people_type_it(run_cli):
    assert texts.check_lang("EN") == "en" and texts.check_lang(" Sv ") == "sv"
    assert texts.text("word.and", "EN") == "and"
    res = run_cli("models", "--lang", "EN")
    assert res.exit_code == 0 and "Statements" in res.stdout and "Påståenden" not in res.stdout


def test_numbers_in_each_language():
    assert texts.num(1.5, "sv", None) == "1,5" and texts.num(10.0, "en", None) == "10"
    assert texts.num(-1.0, "sv", 2) == "−1,00" and texts.num(-0.001, "en", 1) == "0.0"
    assert texts.pct(0.626, "sv", 1) == "62,6 %" and texts.pct(0.626, "en", 1) == "62.6 %"
    assert texts.pct(None) == "–" and texts.pct(float("nan")) == "–"
    assert texts.pp(0.031, "sv") == "+3,1 p.e." and texts.pp(-0.031, "en") == "−3.1 pp"
    assert texts.pp(0.0, "sv", long=True) == "±0,0 procentenheter"
    # the sign is the written figure's: a difference that rounds to zero is ±0,0, never −0,0
    assert texts.pp(-0.0001, "sv") == "±0,0 p.e." and texts.pp(0.0004, "en") == "±0.0 pp"
    # the size of a difference (a spread, a shortfall) and the figure alone (in an interval)
    assert (
        texts.pp(0.124, "sv", 0, sign=False) == "12 p.e."
        and texts.pp(-0.031, "en", sign=False) == "3.1 pp"
    )
    assert (
        texts.pp(-0.002, "sv", unit=False) == "−0,2"
        and texts.Texts("en").pp(0.038, unit=False) == "+3.8"
    )
    assert texts.join(["a", "b", "c"], "sv") == "a, b och c"
    assert texts.join(["a", "b"], "en") == "a and b"


#: catalogue keys completed at run time: prefix -> where the rest comes from
DYNAMIC_KEYS = {
    "kind.": "Texts.kind(kind): dimension, category, statement, overall",
    "cli.prio.": "render_priorities: the result's level",
    "cli.status.": "render_portfolio: portfolio.STATUS_ORDER",
    "portfolio.": "analysis/portfolio.py: an axis key, with .neg/.pos",
    "read.duplicates_": "responses.py: the --duplicates rule (keep_first, keep_last)",
    "read.summary_by_": "responses.py: what a summary row holds (means, sums)",
    "recalc.": "mognad_excel/recalc.py summary: a formula's kind (dependent, other)",
    "excel.check.": "mognad_excel/udfs.py MOGNAD_CHECK: a message's kind (error, note, anonymity)",
    "plugin.effect.": "plugins.PluginFailure.describe: the hook that failed",
    "plugin.problem.model_": "plugins._not_used: model_taken, or model_taken_builtin",
    "cli.plugins.status.": "cli/models.py mognad plugins: a plugin's status (loaded, ...)",
    "check.status.": "cli/plugin.py mognad plugin check: a finding's status (ok, problem, remark)",
}


def _code_strings() -> tuple[set[str], set[str]]:
    """Every string constant of mognad's code (the core, the built-in plugins, the Excel layer;
    not the catalogue's own keys) and the constant start of every f-string."""
    constants: set[str] = set()
    starts: set[str] = set()
    folders = [ROOT / "mognad_core", *ROOT.glob("plugins/*/mognad_*"), ROOT / "excel"]
    for path in (p for folder in folders for p in folder.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        keys: set[int] = set()
        if path.name == "texts.py" and path.parent.name == "mognad_core":
            keys = {id(k) for k in _catalogue_literal(tree).keys}
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                if id(node) not in keys:
                    constants.add(node.value)
            elif isinstance(node, ast.JoinedStr) and node.values:
                first = node.values[0]
                if isinstance(first, ast.Constant):
                    starts.add(first.value)
    return constants, starts


def _catalogue_literal(tree: ast.AST) -> ast.Dict:
    return next(
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.AnnAssign) and getattr(node.target, "id", None) == "CATALOGUE"
    )


def test_every_core_text_is_used():
    """A key of the core's catalogue that no code names (as a string, or by a prefix in
    DYNAMIC_KEYS) is a dead text: col.x, col.y, col.comparison, col.dimension_level,
    series.dont_know and chart.quadrant were."""
    source = Path(texts.__file__).read_text(encoding="utf-8")
    core = [k.value for k in _catalogue_literal(ast.parse(source)).keys]
    assert len(core) > 400
    constants, starts = _code_strings()
    for prefix in DYNAMIC_KEYS:  # the list stays true: each prefix is built somewhere
        assert any(s.startswith(prefix) for s in starts), prefix
    unused = [
        k for k in core if k not in constants and not any(k.startswith(p) for p in DYNAMIC_KEYS)
    ]
    assert unused == [], "delete these texts, or name their prefix in DYNAMIC_KEYS"


def test_one_cut_for_long_texts():
    """texts.shorten: the CLI's tables, the report, mapping comments, quoted cells in messages
    and the Excel recalculation summary all cut long texts this way."""
    said = "Vi följer systematiskt upp nyttan av våra digitala initiativ"
    assert texts.shorten(said, 80) == said and texts.shorten("  a   b ", 10) == "a b"
    assert texts.shorten(said, 40) == "Vi följer systematiskt upp nyttan av…"  # at a word
    assert texts.shorten("Digital förmåga 60,7 %", 20) == "Digital förmåga…"  # never "60…"
    assert texts.shorten("=MOGNAD_INSIGHTS(svar,modell,1)", 12) == "=MOGNAD_INS…"  # no space
    assert all(len(texts.shorten(said, w)) <= w for w in range(2, 70))


@pytest.mark.parametrize("lang", ["de", "", None, "english", "sv-SE"])
def test_an_unknown_language_is_one_clear_error(lang):
    with pytest.raises(texts.UnknownLanguage, match="sv \\(svenska\\) eller en") as err:
        texts.text("word.and", lang)
    assert err.value.exit_code == 2
    with pytest.raises(texts.UnknownLanguage):
        texts.Texts(lang)
    with pytest.raises(texts.UnknownLanguage):
        mognad.score(DIMIOS_SAMPLE, "dimios", lang=lang)


def test_plugins_add_texts_but_cannot_overwrite():
    texts.add({"test_texts.hello": ("hej", "hello")}, owner="test")
    try:
        assert texts.text("test_texts.hello", "en") == "hello"
        texts.add({"test_texts.hello": ("hej", "hello")}, owner="test")  # the same: harmless
        with pytest.raises(PluginError, match="already in the catalogue"):
            texts.add({"test_texts.hello": ("tjena", "hi")}, owner="other")
        with pytest.raises(PluginError, match="pair"):
            texts.add({"test_texts.bad": "hej"}, owner="other")  # type: ignore[dict-item]
    finally:
        texts.CATALOGUE.pop("test_texts.hello", None)


# ---- the plugins' texts (mognad_dmm.texts, mognad_dimios.texts) -----------------------------
def _plugin_texts() -> dict[str, dict[str, tuple[str, str]]]:
    import mognad_dimios.texts
    import mognad_dmm.texts

    return {"dmm": mognad_dmm.texts.TEXTS, "dimios": mognad_dimios.texts.TEXTS}


def test_the_plugins_texts_are_in_the_catalogue_in_both_languages():
    for owner, entries in _plugin_texts().items():
        assert entries
        for key, (sv, en) in entries.items():
            assert key.startswith(f"{owner}."), key  # prefixed with the plugin's name
            assert texts.CATALOGUE[key] == (sv, en)  # added when the plugin is imported
            assert sv.strip() and en.strip(), key
            assert _fields(sv) == _fields(en), key


def _outputs(lang: str) -> str:
    """Everything a DMM workshop and score and a DiMiOS classification and score print."""
    import mognad_dimios
    import mognad_dmm
    from conftest import DMM_SAMPLE
    from mognad_dimios.cli import ClassifyOutput, render

    parts: list[str] = []
    w = mognad_dmm.workshop(DMM_SAMPLE, by="ledningsgrupp", min_size=3, lang=lang)
    parts.append(mognad_dmm.groups.render_workshop(w))
    for result in (
        mognad.score(DMM_SAMPLE, "dmm", lang=lang, target="next", min_size=3),
        mognad.score(DIMIOS_SAMPLE, "dimios", lang=lang, target="national_2021"),
    ):
        for i in result.insights:
            parts += [i.title, i.text]
            source = texts.text("dimios.col.source", lang)  # a quote from the model file
            parts += [f"{k}: {v}" for row in i.rows for k, v in row.items() if k != source]
    m = mognad.load_model("dimios")
    rs = mognad.read_responses(DIMIOS_SAMPLE, m).where("år=2025")
    result = mognad.score_responses(rs, insights=False, context={"lang": lang})
    grouped = mognad_dimios.classify_groups(rs, "förvaltning", model=m, lang=lang)
    out = ClassifyOutput(
        model=m.name,
        source=rs.source,
        n_respondents=rs.n,
        overall=result.overall,
        min_size=grouped.min_size,
        organisation=mognad_dimios.classify(result, m, lang),
        groups={grouped.by: grouped},
    )
    parts.append(render(out, m, lang))
    return "\n".join(parts)


def _only_in(lang: str) -> set[str]:
    """Word runs (4+ letters) of the plugins' texts that exist only in ``lang``'s texts."""
    import re

    index = 0 if lang == "sv" else 1
    pieces: dict[int, set[str]] = {0: set(), 1: set()}
    for entries in _plugin_texts().values():
        for pair in entries.values():
            for i in (0, 1):
                for literal, *_ in string.Formatter().parse(pair[i]):
                    pieces[i].update(re.findall(r"[^\W\d_]{4,}(?: [^\W\d_]{2,})*", literal))
    other = " | ".join(pieces[1 - index])
    return {p for p in pieces[index] if p not in other}


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_plugin_outputs_use_only_the_texts_of_their_language(lang):
    """Rendering a DMM workshop and score and a DiMiOS classification and score in one language
    shows none of the plugins' texts that exist only in the other."""
    import re

    shown = _outputs(lang)
    other = "en" if lang == "sv" else "sv"
    leaked = sorted(w for w in _only_in(other) if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", shown))
    assert not leaked, leaked


def test_a_workshop_is_rendered_in_the_language_asked_for():
    """A workshop made in Swedish and rendered in English says "divided"/"in agreement" (its
    coarse flags were the Swedish words, stored in the result)."""
    import mognad_dmm
    from conftest import DMM_SAMPLE

    w = mognad_dmm.workshop(DMM_SAMPLE, by="ledningsgrupp", min_size=3)
    assert w.lang == "sv" and set(w.spread["agreement"].dropna()) <= {"spridd", "samstämmig"}
    text = mognad_dmm.groups.render_workshop(w, "en")
    assert "Spread between respondents" in text
    assert "spridd" not in text and "samstämmig" not in text


@pytest.mark.parametrize("lang", ["de", "english", None])
def test_the_plugins_refuse_an_unknown_language(lang):
    import mognad_dimios
    import mognad_dmm
    from conftest import DMM_SAMPLE

    with pytest.raises(texts.UnknownLanguage):
        mognad_dmm.workshop(DMM_SAMPLE, by="ledningsgrupp", lang=lang)
    with pytest.raises(texts.UnknownLanguage):
        mognad_dimios.classify({"formaga": 0.62, "arv": 0.41}, lang=lang)
    result = mognad.score(DIMIOS_SAMPLE, "dimios", insights=False)
    with pytest.raises(texts.UnknownLanguage):
        mognad_dimios.balance(result, lang=lang)
