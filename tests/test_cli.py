"""The command line, run in-process with ``main([...])``: documented options, exit codes, messages."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from eventwire.cli import EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, _parser, main
from eventwire.output.formats import WRITERS

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "article.txt"
SpanCheck = Callable[[str, list[dict[str, Any]]], list[str]]
CODE_OPTIONS = ("--format", "--doc-id", "--pub-date", "--min-confidence", "--dictionaries")


@pytest.fixture(autouse=True)
def _wide_help(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")  # argparse wraps help text to the terminal width


def help_text(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 0
    return capsys.readouterr().out


# --- help -----------------------------------------------------------------------------------------


def test_top_level_help(capsys: pytest.CaptureFixture[str]) -> None:
    text = help_text(["--help"], capsys)
    assert "usage: eventwire" in text
    assert "code" in text and "code articles and print their events" in text


def test_code_help_documents_every_option(capsys: pytest.CaptureFixture[str]) -> None:
    text = help_text(["code", "--help"], capsys)
    for option in CODE_OPTIONS:
        assert option in text, option
    for name in WRITERS:
        assert name in text  # the --format choices


COMMAND_OPTIONS = {
    "code": set(CODE_OPTIONS),
    "ingest": {"--db", "--progress", "--dictionaries"},
    "events": {"--db", "--actor", "--source", "--target", "--cameo", "--plover", "--status", "--since",
               "--until",
               "--all-versions", "--limit", "--format", "--output"},
    "watch": {"--db", "--every", "--max-polls", "--dictionaries"},
    "serve": {"--db", "--host", "--port", "--token", "--watch", "--every", "--dictionaries"},
}  # fmt: skip


def test_no_option_is_undocumented() -> None:
    """Every option of every subcommand has help text, and the pinned lists cover them all; every command
    and option appears in the README."""
    parser = _parser()
    (subparsers,) = [a for a in parser._actions if a.dest == "command"]
    assert set(subparsers.choices) == set(COMMAND_OPTIONS)  # type: ignore[arg-type]
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    for name, expected in COMMAND_OPTIONS.items():
        command = subparsers.choices[name]  # type: ignore[index]
        options = {s for a in command._actions for s in a.option_strings if s not in {"-h", "--help"}}
        assert options == expected, name
        for action in command._actions:
            assert action.help, f"{name}: option {action.option_strings or action.dest} has no help text"
        assert f"eventwire {name}" in readme, f"the README does not show `eventwire {name}`"
        for option in options:
            assert option in readme, f"the README does not document {name} {option}"


def test_no_command_prints_help_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == EXIT_USAGE
    assert "usage: eventwire" in capsys.readouterr().out


# --- usage errors (exit 2, before any model is loaded) --------------------------------------------


def test_bad_pub_date(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["code", str(EXAMPLE), "--pub-date", "13/09/2021"]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert "--pub-date" in err and "13/09/2021" in err and "YYYY-MM-DD" in err
    assert "E005" in err


def test_impossible_pub_date(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["code", str(EXAMPLE), "--pub-date", "2021-02-30"]) == EXIT_USAGE
    assert "--pub-date" in capsys.readouterr().err


@pytest.mark.parametrize("option", [["--doc-id", "a"], ["--pub-date", "2021-09-13"]])
def test_single_input_options_with_two_paths(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], option: list[str]
) -> None:
    assert main(["code", str(EXAMPLE), str(tmp_path / "other.txt"), *option]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert option[0] in err and "single input" in err


def test_single_input_option_with_a_directory_of_two_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text("One.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Two.", encoding="utf-8")
    assert main(["code", str(tmp_path), "--doc-id", "x"]) == EXIT_USAGE
    assert "--doc-id" in capsys.readouterr().err


@pytest.mark.parametrize("value", ["1.5", "-0.1"])
def test_min_confidence_out_of_range(capsys: pytest.CaptureFixture[str], value: str) -> None:
    assert main(["code", str(EXAMPLE), "--min-confidence", value]) == EXIT_USAGE
    assert "min_confidence" in capsys.readouterr().err


def test_unknown_format_is_an_argparse_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["code", str(EXAMPLE), "--format", "xml"])
    assert info.value.code == EXIT_USAGE
    assert "--format" in capsys.readouterr().err


def test_directory_without_articles(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    assert main(["code", str(tmp_path)]) == EXIT_SOME_FAILED
    err = capsys.readouterr().err
    assert "E002" in err and str(tmp_path) in err and "no supported files" in err


# --- coding files (loads the spaCy model) ---------------------------------------------------------


@pytest.mark.slow
def test_missing_file_fails_alone_and_the_others_are_coded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing.txt"
    assert main(["code", str(missing), str(EXAMPLE), "--format", "jsonl"]) == EXIT_SOME_FAILED
    out, err = capsys.readouterr()
    lines = err.splitlines()
    assert any(str(missing) in line and "E001" in line for line in lines), err
    assert "1 of 2 inputs could not be coded" in err
    records = [json.loads(line) for line in out.splitlines()]
    assert records and {r["doc"] for r in records} == {"article"}


@pytest.mark.slow
def test_code_example_as_jsonl(capsys: pytest.CaptureFixture[str], find_span_problems: SpanCheck) -> None:
    assert main(["code", str(EXAMPLE), "--format", "jsonl"]) == EXIT_OK
    out, err = capsys.readouterr()
    assert err == ""
    records = [json.loads(line) for line in out.splitlines()]
    assert records, "the example article gives no events"
    assert all(r["doc"] == "article" for r in records)
    assert [r["id"] for r in records] == [f"e{n}" for n in range(1, len(records) + 1)]
    original = EXAMPLE.read_bytes().decode("utf-8-sig")  # the file's text, newlines untranslated
    assert find_span_problems(original, records) == []


@pytest.mark.slow
def test_code_with_dictionaries(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.dictionaries.test_pipeline import ACTORS, AGENTS, DISCARDS, VERBS

    folder = tmp_path / "dicts"
    folder.mkdir()
    for name, text in (("t.actors.txt", ACTORS), ("t.agents.txt", AGENTS), ("t.verbs.txt", VERBS),
                       ("t.discards.txt", DISCARDS)):  # fmt: skip
        (folder / name).write_text(text, encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("The Freedonian Navy blockaded the southern coast of Sylvania.\n", encoding="utf-8")
    assert main(["code", str(article), "--format", "jsonl", "--dictionaries", str(folder)]) == EXIT_OK
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["cameo"] for r in records] == ["192"]
    assert main(["code", str(article), "--dictionaries", str(tmp_path / "none")]) == EXIT_USAGE
    assert str(tmp_path / "none") in capsys.readouterr().err
