"""One language per command: Swedish by default, English with --lang en, never mixed.

Every heading, column and sentence the command line prints comes from the catalogue
(``mognad_core.texts``, keys ``cli.*`` and the analyses' texts). These tests run each command in
both languages, record which catalogue texts it used, and check that the output holds the words
of its own language and none of the other's. An unknown language is one error everywhere: every
command with --lang and every public function taking ``lang``.
"""

from __future__ import annotations

import inspect
import json
import re

import click
import pytest
from conftest import DIMIOS_2024, DIMIOS_2025, DIMIOS_SAMPLE, DMM_SAMPLE, INITIATIVES, TINY

import mognad_core as mognad
from mognad_core import texts
from mognad_core.cli import _load_commands, cli

#: one command line per text-printing command (stdout is checked; stderr holds the notes)
COMMANDS = {
    "score": ["score", DIMIOS_2025],
    "score-target": ["score", DIMIOS_2025, "--target", "national_2021"],
    "gap": ["gap", DIMIOS_2025, "--target", "formaga=70%,arv=65%", "--level", "category"],
    "priorities": ["priorities", DIMIOS_2025, "--target", "70%", "--level", "all"],
    "compare": ["compare", DIMIOS_2024, DIMIOS_2025, "--boot", "100"],
    "groups": ["groups", DIMIOS_2025, "--by", "förvaltning", "--min-size", "6"],
    "groups-statements": ["groups", DIMIOS_2025, "--by", "förvaltning", "-l", "statement"],
    "reliability": ["reliability", DIMIOS_2025, "--invited", "300"],
    "reliability-small": [
        "reliability",
        DIMIOS_2025,
        "--where",
        "förvaltning=Kultur- och fritidsförvaltningen",
    ],
    "portfolio": ["portfolio", DIMIOS_2025, INITIATIVES],
    "demo": ["demo"],
    "models": ["models"],
    "models-show": ["models", "show", TINY],
    "plugins": ["plugins"],
    "settings": ["settings"],
}

#: catalogue keys whose words a command prints (its headings, columns and sentences)
CHECKED = re.compile(r"^(cli\.|part\.|prio\.rule|portfolio\.weak|setting\.|unit\.pp|hidden_size)")


class Recording(dict):
    """The catalogue, noting every key a command looks up."""

    used: set[str]

    def __getitem__(self, key):
        self.used.add(key)
        return super().__getitem__(key)


@pytest.fixture
def recorded(monkeypatch):
    catalogue = Recording(texts.CATALOGUE)
    catalogue.used = set()
    monkeypatch.setattr(texts, "CATALOGUE", catalogue)
    return catalogue


def fragments(template: str) -> list[str]:
    """The literal words of a text: the parts between its {placeholders}, 4 letters or more."""
    parts = re.split(r"\{[^}]*\}", template)
    return [p.strip() for p in parts if len(re.sub(r"[^A-Za-zÅÄÖåäö]", "", p)) >= 4]


def other_words(key: str, lang: str) -> list[str]:
    """Words of ``key`` in the other language that its text in ``lang`` does not contain."""
    sv, en = texts.CATALOGUE[key]
    mine, other = (sv, en) if lang == "sv" else (en, sv)
    return [f for f in fragments(other) if f not in mine]


def said(words: str, printed: str) -> bool:
    """``words`` occur in ``printed`` as whole words (not "svar" in "svaret")."""
    return re.search(rf"(?<!\w){re.escape(' '.join(words.split()))}(?!\w)", printed) is not None


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("name", list(COMMANDS))
def test_each_command_prints_one_language(run_cli, recorded, name, lang):
    args = [str(a) for a in COMMANDS[name]]
    if lang == "en":
        args += ["--lang", "en"]
    out = run_cli(*args)
    assert out.exit_code == 0, out.stderr
    used = sorted(k for k in recorded.used if CHECKED.match(k))
    assert used, f"{name} printed no text from the catalogue"
    printed = " ".join((out.stdout + out.stderr).split())  # lines wrapped, tables padded
    shown = 0
    for key in used:  # (a text may be looked up and not printed: a column name, "dold")
        mine = " ".join(texts.CATALOGUE[key][0 if lang == "sv" else 1].split())
        shown += any(f in printed for f in fragments(mine))
        for fragment in other_words(key, lang):  # never the other language's words
            assert not said(fragment, printed), (key, fragment)
    assert shown >= min(3, len(used)), used  # and its own language's
    # nor any command-line heading of the other language, from the catalogue or typed in code
    # (not single short words: a model plugin may quote a Swedish source, "... till 55 %")
    for key in [k for k in texts.CATALOGUE if k.startswith("cli.")]:
        for fragment in other_words(key, lang):
            if " " in fragment or len(fragment) >= 6:
                assert not said(fragment, printed), (key, fragment)


def test_swedish_is_the_default(run_cli):
    swedish = run_cli("gap", DIMIOS_2025, "--target", "55%").stdout
    assert swedish == run_cli("gap", DIMIOS_2025, "--target", "55%", "--lang", "sv").stdout
    assert swedish.startswith("dimios_2025.csv: 240 svarande\nMål: 55 %. Totalt 64,0 % mot")
    assert "p.e." in swedish and " pp" not in swedish


def test_the_lang_setting_is_the_language_of_commands_without_lang(run_cli, monkeypatch, tmp_path):
    """`mognad settings` said "lang = en" while every command printed Swedish: the setting
    (MOGNAD_LANG, lang in mognad.toml) is what --lang defaults to; --lang still wins."""
    args = ("gap", DIMIOS_2025, "--target", "55%")
    english = run_cli(*args, "--lang", "en").stdout
    swedish = run_cli(*args, "--lang", "sv").stdout
    monkeypatch.setenv("MOGNAD_LANG", "en")
    assert run_cli(*args).stdout == english
    assert run_cli(*args, "--lang", "sv").stdout == swedish
    monkeypatch.delenv("MOGNAD_LANG")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "mognad.toml").write_text('lang = "en"\n', encoding="utf-8")
    assert run_cli(*args).stdout == english
    (tmp_path / "mognad.toml").write_text('lang = "fr"\n', encoding="utf-8")
    bad = run_cli(*args)
    assert bad.exit_code == 2 and "Okänt språk 'fr'" in bad.stderr and bad.stdout == ""


def test_a_target_is_named_in_the_output_language(run_cli):
    # was "Target: Kommuner och regioner, snitt 2021 (SKR)" and "Mål: next level"
    en = run_cli("gap", DIMIOS_2025, "--target", "national_2021", "--lang", "en").stdout
    assert "Target: Municipalities and regions, average 2021 (SKR)." in en
    assert "Kommuner och regioner" not in en
    sv = run_cli("gap", DMM_SAMPLE, "-m", "dmm", "--target", "next").stdout
    assert "Mål: nästa nivå." in sv and "next" not in sv
    en = run_cli("gap", DMM_SAMPLE, "-m", "dmm", "--target", "next", "--lang", "en").stdout
    assert "Target: the next level." in en
    en = run_cli("gap", DMM_SAMPLE, "-m", "dmm", "--target", "koordination", "--lang", "en")
    assert "Target: Coordination." in en.stdout  # the level's English name


def test_levels_are_named_in_the_output_language(run_cli):
    # the level's English name in English output (was the Swedish "Mobilisering")
    en = run_cli("score", DMM_SAMPLE, "-m", "dmm", "--lang", "en").stdout
    assert "Level: Mobilisation" in en and "Mobilisering" not in en
    assert re.search(r"^Infrastructure\s+67.7 % Coordination", en, re.MULTILINE)
    sv = run_cli("score", DMM_SAMPLE, "-m", "dmm").stdout
    assert "Nivå: Mobilisering" in sv and "Mobilisation" not in sv
    # the JSON keeps the level's name (its id) in "level", with the English name beside it
    data = json.loads(run_cli("score", DMM_SAMPLE, "-m", "dmm", "-f", "json").stdout)
    assert (data["level"], data["level_en"]) == ("Mobilisering", "Mobilisation")
    assert data["dimensions"]["infrastruktur"]["level"] == "Koordination"


@pytest.mark.parametrize("name", [n for n in COMMANDS if n != "models-show"])
def test_english_says_dont_know(run_cli, name):
    # "don't know" in English (was the column "Vet ej", "[low score + high vet ej]", "vet ej 25.5
    # %" and "vet-ej share"); models-show lists the model's own don't-know tokens
    out = run_cli(*[str(a) for a in COMMANDS[name]], "--lang", "en")
    assert not re.search(r"vet[ -]ej", out.stdout + out.stderr, re.IGNORECASE)


def test_samples_and_sources_in_the_output_language(run_cli):
    # the sample's description and a benchmark's source in the command's language (the demo
    # described its sample in English in Swedish output; English score quoted the Swedish source)
    sv, en = run_cli("demo").stdout, run_cli("demo", "--lang", "en").stdout
    assert "(Exempelkommun, två årliga mätningar, flera förvaltningar och roller)" in sv
    assert "(Exempelkommun, two yearly waves, several departments and roles)" in en
    assert "Exempelkommuns initiativportfölj" in run_cli("samples").stdout
    assert "initiative portfolio" in run_cli("samples", "--lang", "en").stdout
    en = run_cli("score", DIMIOS_2025, "--lang", "en").stdout
    # the default benchmark's source: GU/SCDI's status report of June 2023
    assert "- Source: University of Gothenburg / SCDI, yearly status report" in en
    assert "årlig statusrapport" not in en and "optimala förutsättningar" not in en
    sv = run_cli("score", DIMIOS_2025).stdout
    assert "- Källa: Göteborgs universitet / SCDI, årlig statusrapport" in sv


def test_json_keeps_its_keys_and_puts_sentences_in_the_language(run_cli):
    sv = json.loads(run_cli("priorities", DIMIOS_2025, "-f", "json").stdout)
    en = json.loads(run_cli("priorities", DIMIOS_2025, "-f", "json", "--lang", "en").stdout)
    assert sv.keys() == en.keys() and sv["areas"][0].keys() == en["areas"][0].keys()
    assert sv["rule"] == texts.text("start.rule", "sv") and en["rule"] == mognad.analysis.START_RULE
    assert sv["areas"][0]["reason"].startswith("Förmågor för effektivitet: lågt värde")
    assert en["areas"][0]["reason"].startswith("Capabilities for efficiency: low score")
    assert en["areas"][0]["statements"][1]["short"] == "Cost control"  # after Project governance
    args = ("priorities", DIMIOS_2025, "-f", "json", "--level", "statement")
    sv = json.loads(run_cli(*args).stdout)
    en = json.loads(run_cli(*args, "--lang", "en").stdout)
    assert sv.keys() == en.keys() and sv["items"][0].keys() == en["items"][0].keys()
    assert sv["rule"] == texts.text("prio.rule", "sv")
    assert en["rule"] == mognad.analysis.DEFAULT_RULE
    assert sv["items"][0]["reason"].startswith("lågt värde")
    assert en["items"][0]["reason"].startswith("low score")
    assert sv["notes"][0].startswith("Kolumner som behålls")
    assert en["notes"][0].startswith("Columns kept")
    port = json.loads(run_cli("portfolio", DIMIOS_2025, INITIATIVES, "-f", "json").stdout)
    assert port["weak_rule"].startswith("värde under medianen")


def _commands_with_lang() -> list[list[str]]:
    _load_commands()
    found = []

    def walk(group: click.Group, path: list[str]) -> None:
        for name, command in group.commands.items():
            if isinstance(command, click.Group):
                if any(p.name == "lang" for p in command.params):
                    found.append([*path, name])
                walk(command, [*path, name])
            elif any(p.name == "lang" for p in command.params):
                found.append([*path, name])

    walk(cli, [])
    return found


def test_core_commands_take_lang():
    commands = {" ".join(c) for c in _commands_with_lang()}
    core = {"score", "demo", "gap", "priorities", "compare", "groups", "reliability"}
    core |= {"portfolio", "report", "models", "models show", "plugins", "settings"}
    assert core | {"mapping init"} <= commands


@pytest.mark.parametrize("command", _commands_with_lang(), ids=" ".join)
def test_an_unknown_language_is_one_error_in_every_command(run_cli, command):
    # the language is checked before anything is read: no file arguments are needed
    out = run_cli(*command, "--lang", "de", DIMIOS_SAMPLE)
    assert out.exit_code == 2 and out.stdout == "", out.stderr
    assert str(texts.UnknownLanguage("de")) in out.stderr
    assert "Traceback" not in out.stderr


def _public_functions_with_lang() -> list[str]:
    names = []
    for name in mognad.__all__:
        obj = getattr(mognad, name)
        if inspect.isfunction(obj):
            params = inspect.signature(obj).parameters
            if "lang" in params or name == "compare_waves":  # compare_waves passes **options on
                names.append(name)
    return names


@pytest.fixture(scope="module")
def scored():
    return mognad.score(DIMIOS_2025, "dimios")


def _call(name: str, scored) -> None:
    rs = mognad.read_responses(DIMIOS_SAMPLE, "dimios")
    calls = {
        "score": lambda: mognad.score(DIMIOS_2025, "dimios", lang="de"),
        "gap": lambda: mognad.gap(scored, 0.5, lang="de"),
        "priorities": lambda: mognad.priorities(scored, lang="de"),
        "where_to_start": lambda: mognad.where_to_start(scored, lang="de"),
        "compare": lambda: mognad.compare(DIMIOS_2024, DIMIOS_2025, lang="de"),
        "compare_waves": lambda: mognad.compare_waves(rs, lang="de"),
        "groups": lambda: mognad.groups(rs, "förvaltning", lang="de"),
        "reliability": lambda: mognad.reliability(rs, lang="de"),
        "portfolio": lambda: mognad.portfolio(INITIATIVES, scored, lang="de"),
        "build_report": lambda: mognad.build_report(rs, "dimios", "x.xlsx", lang="de"),
        "list_plugins": lambda: mognad.list_plugins(lang="de"),
    }
    assert name in calls, f"add {name} to this test: it takes lang"
    calls[name]()


@pytest.mark.parametrize("name", _public_functions_with_lang())
def test_every_public_function_refuses_an_unknown_language(name, scored, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(texts.UnknownLanguage):
        _call(name, scored)
    assert not list(tmp_path.iterdir())  # nothing written
