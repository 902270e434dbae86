"""The stage registry and the Pipeline: checking at build time, order, error routing in ``pipe``."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from eventwire.api import build_pipeline
from eventwire.document import Document
from eventwire.errors import EventwireError, PipelineConfigError, UnreadableInput
from eventwire.pipeline import Pipeline, Stage, check_stages
from eventwire.resources import Resources
from eventwire.stages import STAGE_ORDER, STAGES, stage

REGISTERED = ("read", "clean", "nlp", "actors", "events", "attributes", "merge", "output")


# --- the registered stages ------------------------------------------------------------------------


def test_registered_stage_list_is_pinned() -> None:
    assert tuple(s.name for s in STAGES) == REGISTERED
    assert STAGE_ORDER == REGISTERED


def test_registered_stages_fit_together() -> None:
    check_stages(STAGES)  # raises if a stage needs what no earlier stage assigns
    assert build_pipeline().names == list(REGISTERED)  # builds without loading any model


def test_stage_lookup_by_name() -> None:
    assert stage("merge").name == "merge"
    with pytest.raises(KeyError, match="read, clean, nlp"):
        stage("tokenize")


# --- check_stages ---------------------------------------------------------------------------------


def _noop(doc: Document, resources: Resources) -> None:
    pass


def test_unassigned_requirement_is_refused_naming_the_stage() -> None:
    stages = [Stage("first", _noop, requires=("doc_id",), assigns=("text",)),
              Stage("needs_parse", _noop, requires=("nlp",), assigns=())]  # fmt: skip
    with pytest.raises(PipelineConfigError) as info:
        check_stages(stages)
    assert "needs_parse" in str(info.value)
    assert "nlp" in str(info.value)
    assert str(info.value).startswith("E020")


def test_requirement_assigned_only_by_a_later_stage_is_refused() -> None:
    late = Stage("late", _noop, requires=("doc_id",), assigns=("nlp",))
    early = Stage("early", _noop, requires=("nlp",), assigns=())
    with pytest.raises(PipelineConfigError, match="early"):
        check_stages([early, late])
    check_stages([late, early])


def test_duplicate_stage_name_is_refused_naming_the_stage() -> None:
    a = Stage("tagger", _noop, requires=(), assigns=("x",))
    with pytest.raises(PipelineConfigError) as info:
        check_stages([a, Stage("tagger", _noop, requires=(), assigns=("y",))])
    assert "'tagger'" in str(info.value)
    assert "twice" in str(info.value)


def test_pipeline_checks_its_stages_when_built() -> None:
    with pytest.raises(PipelineConfigError, match="orphan"):
        Pipeline([Stage("orphan", _noop, requires=("events",), assigns=())], Resources())


# --- running a tiny pipeline of fake stages -------------------------------------------------------


def _recording_stages(log: list[tuple[str, str]], fail_on: str | None = None,
                      error: Exception | None = None) -> list[Stage]:  # fmt: skip
    """Three stages that log (stage, doc_id); the middle one raises ``error`` for the doc ``fail_on``."""

    def make(name: str, raises: bool = False) -> Stage:
        def func(doc: Document, resources: Resources) -> None:
            log.append((name, doc.doc_id))
            if raises and doc.doc_id == fail_on and error is not None:
                raise error
            doc.text = f"{doc.text}{name};"

        requires = {"one": ("doc_id",), "two": ("text",), "three": ("text",)}[name]
        return Stage(name, func, requires=requires, assigns=("text",))

    return [make("one"), make("two", raises=True), make("three")]


def test_pipeline_runs_stages_in_order_and_records_them() -> None:
    log: list[tuple[str, str]] = []
    pipeline = Pipeline(_recording_stages(log), Resources())
    doc = pipeline(Document(doc_id="d1", original="x"))
    assert log == [("one", "d1"), ("two", "d1"), ("three", "d1")]
    assert doc.text == "one;two;three;"
    assert doc.stages_run == ["one", "two", "three"]
    assert pipeline.names == ["one", "two", "three"]


def test_pipe_keeps_document_order_across_batches() -> None:
    pipeline = Pipeline(_recording_stages([]), Resources())
    docs = [Document(doc_id=f"d{n}", original="x") for n in range(5)]
    out = list(pipeline.pipe(docs, batch_size=2))
    assert [d.doc_id for d in out] == ["d0", "d1", "d2", "d3", "d4"]
    assert all(d.stages_run == ["one", "two", "three"] for d in out)


def test_pipe_hands_a_bad_document_to_on_error_and_codes_the_others() -> None:
    log: list[tuple[str, str]] = []
    error = UnreadableInput("bad.txt", "file is empty", "give a file with article text")
    pipeline = Pipeline(_recording_stages(log, fail_on="bad", error=error), Resources())
    failures: list[tuple[Document, EventwireError]] = []
    docs = [Document(doc_id=i, original="x") for i in ("a", "bad", "c")]

    out = list(pipeline.pipe(docs, on_error=lambda doc, err: failures.append((doc, err))))

    assert [d.doc_id for d in out] == ["a", "c"]
    assert all(d.stages_run == ["one", "two", "three"] for d in out)
    assert len(failures) == 1
    bad_doc, err = failures[0]
    assert bad_doc.doc_id == "bad" and err is error
    assert bad_doc.stages_run == ["one"]  # the failing stage is not recorded ...
    assert ("three", "bad") not in log  # ... and no later stage sees the document


def test_pipe_without_on_error_propagates_the_error() -> None:
    error = UnreadableInput("bad.txt", "file is empty", "give a file with article text")
    pipeline = Pipeline(_recording_stages([], fail_on="bad", error=error), Resources())
    docs = [Document(doc_id=i, original="x") for i in ("a", "bad")]
    with pytest.raises(UnreadableInput) as info:
        list(pipeline.pipe(docs))
    assert info.value is error


def test_pipe_does_not_hide_programming_errors_behind_on_error() -> None:
    """Only EventwireError (bad input) goes to on_error; a bug in a stage still stops the run."""
    pipeline = Pipeline(_recording_stages([], fail_on="bad", error=KeyError("bug")), Resources())
    failures: list[object] = []
    with pytest.raises(KeyError):
        list(pipeline.pipe([Document(doc_id="bad", original="x")], on_error=lambda d, e: failures.append(e)))
    assert failures == []


def test_pipe_uses_a_stage_batch_path_and_calling_uses_the_single_path() -> None:
    calls: list[str] = []

    def single(doc: Document, resources: Resources) -> None:
        calls.append(f"single:{doc.doc_id}")

    def batch(docs: Sequence[Document], resources: Resources) -> None:
        calls.append("batch:" + ",".join(d.doc_id for d in docs))

    pipeline = Pipeline([Stage("parse", single, requires=(), assigns=("nlp",), batch=batch)], Resources())
    out = list(pipeline.pipe([Document(doc_id=i, original="x") for i in "abc"], batch_size=2))
    assert calls == ["batch:a,b", "batch:c"]
    assert all(d.stages_run == ["parse"] for d in out)
    calls.clear()
    pipeline(Document(doc_id="z", original="x"))
    assert calls == ["single:z"]


def test_run_stage_then_pipe_after_it_runs_each_stage_once() -> None:
    log: list[tuple[str, str]] = []
    pipeline = Pipeline(_recording_stages(log), Resources())
    docs = [pipeline.run_stage("one", Document(doc_id=f"d{n}", original="x")) for n in range(3)]
    out = list(pipeline.pipe(docs, batch_size=2, after="one"))
    assert [d.stages_run for d in out] == [["one", "two", "three"]] * 3
    assert [name for name, _ in log].count("one") == 3 and len(log) == 9


def test_pipe_after_a_stage_the_document_has_not_been_through_is_refused() -> None:
    pipeline = Pipeline(_recording_stages([]), Resources())
    with pytest.raises(PipelineConfigError, match="has not been through one"):
        list(pipeline.pipe([Document(doc_id="d", original="x")], after="one"))
    with pytest.raises(PipelineConfigError, match="no stage named"):
        pipeline.run_stage("four", Document(doc_id="d", original="x"))


def test_pipe_does_not_turn_a_missing_resource_into_a_rejected_input() -> None:
    from eventwire.errors import ResourceMissing

    missing = ResourceMissing("model.txt", "the data file does not exist", "reinstall")
    pipeline = Pipeline(_recording_stages([], fail_on="d1", error=missing), Resources())
    failed: list[str] = []
    with pytest.raises(ResourceMissing):
        list(
            pipeline.pipe(
                [Document(doc_id="d1", original="x")], on_error=lambda d, e: failed.append(d.doc_id)
            )
        )
    assert failed == []
