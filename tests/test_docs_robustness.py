"""docs/robustness.md states the code's real limits, corpus size and messages (it cannot drift)."""

from __future__ import annotations

import re

import yaml
from conftest import CORPUS, ROOT

from mognad_core import plugins
from mognad_core.model_files import MAX_MODEL_FILE_BYTES
from mognad_core.readers import limits

DOC = (ROOT / "docs" / "robustness.md").read_text(encoding="utf-8")
CASES = yaml.safe_load((CORPUS / "expected.yaml").read_text(encoding="utf-8"))["cases"]


def _section(title: str) -> str:
    return DOC.split(f"## {title}\n", 1)[1].split("\n## ", 1)[0]


def _table(text: str) -> list[list[str]]:
    rows = [line.strip() for line in text.splitlines() if line.strip().startswith("|")]
    return [[c.strip() for c in r.strip("|").split("|")] for r in rows[2:]]  # no header, rule


def _number(text: str) -> float:
    return float(re.match(r"[\d,.]+", text).group(0).replace(",", ""))


def test_the_limits_table_has_every_limit_with_its_default_and_variable():
    rows = _table(_section("Resource limits").split("\n\n- ")[0])
    defaults = limits.Limits()
    stated = {row[1].strip("`"): row[2] for row in rows}
    assert set(stated) == set(limits.ENV.values())
    for field, variable in limits.ENV.items():
        value = getattr(defaults, field)
        assert _number(stated[variable]) == value, variable
        if field.endswith("_mb"):
            assert stated[variable].endswith(" MB"), variable


def test_the_other_stated_limits_are_the_code_values():
    section = _section("Resource limits")
    floor = re.search(r"parts larger than (\d+) MB", section).group(1)
    assert int(floor) * limits.MB == limits.RATIO_FLOOR_BYTES
    prolog = re.search(r"the first (\d+) KB of every XML part", section).group(1)
    assert int(prolog) * 1024 == limits.PROLOG_BYTES
    model = re.search(r"model file\*\* may be at most (\d+) MB", section).group(1)
    assert int(model) * 1024 * 1024 == MAX_MODEL_FILE_BYTES
    assert "A value of `0` turns a check off" in section


def test_the_corpus_counts_are_the_corpus():
    section = _section("The bad-input corpus")
    total = re.search(r"\*\*(\d+) cases\*\*", section).group(1)
    refused = re.search(r"\*\*(\d+) refused\*\*", section).group(1)
    accepted = re.search(r"\*\*(\d+)\s+accepted\*\*", section).group(1)
    assert int(total) == len(CASES)
    assert int(refused) == sum(c["exit"] == 2 for c in CASES)
    assert int(accepted) == sum(c["exit"] == 0 for c in CASES)


def test_the_example_messages_are_in_the_corpus_expectations():
    rows = _table(_section("Example messages"))
    messages = {c.get("message") for c in CASES}
    assert len(rows) >= 5
    for _, message in rows:
        assert message.strip("`") in messages, message


def test_the_plugin_variables_are_the_ones_the_code_reads():
    section = _section("Security")
    variables = set(re.findall(r"`(MOGNAD_\w+_PLUGINS)`", section))
    assert variables == {plugins.ALLOW_ENV, plugins.BLOCK_ENV}
    essential = sorted(plugins._ESSENTIAL)
    assert essential == ["mognad_readers"] and "`mognad_readers`" in section


#: the corpus cases of "Answers, columns and respondents", each listed with the tool it imitates
ISSUE_13 = ("answers_", "columns_numbered", "rows_summary", "rows_means", "respondent_id_")
ISSUE_13 += ("forms_", "google_forms_", "surveymonkey_", "netigate_", "artologik_", "esmaker_")
ISSUE_13 += ("hand_",)


def test_the_answer_and_respondent_rules_are_the_code_lists():
    from mognad_core import answers, responses

    section = _section("Answers, columns and respondents")
    blank = re.search(r'"no value": (.*?) \(any case\)', section).group(1)
    assert re.findall(r"`([^`]+)`", blank) == [
        {"nan": "nan", "null": "NULL", "none": "None", "n/a": "N/A", "na": "NA"}.get(t, t)
        for t in answers.BLANK_TEXTS
    ]
    words = re.search(r"one of the words\s+(.*?) \(the whole cell", section, flags=re.S).group(1)
    assert {w.casefold() for w in re.findall(r"`([^`]+)`", words)} == responses.SUMMARY_WORDS
    ids = re.search(r"ignored\) is (.*?)\. An id in", section, flags=re.S).group(1)
    assert {responses._id_key(h) for h in re.findall(r"`([^`]+)`", ids)} == responses.ID_HEADERS
    cases = {c["file"] for c in CASES if c.get("file")}
    table = _table(section.split("### Corpus cases", 1)[1])
    listed = {
        name for row in table for name in re.findall(r"`([\w.]+\.(?:xlsx|csv|yaml))`", row[0])
    }
    assert listed <= cases and {c for c in cases if c.startswith(ISSUE_13)} <= listed
    assert all(row[1] and row[2] for row in table)  # the source imitated and the outcome
    assert len(listed) >= 30  # issue 13: at least 30 cases, each imitating one export source
