"""Named, typed pipeline stages and the pipeline that runs them over a :class:`Document`.

A stage is a plain function ``(doc, resources) -> None`` that adds to the document. It is described by a
:class:`Stage` record: its name, the document fields it ``requires`` and the ones it ``assigns``. The
pipeline checks, when it is built, that every stage's requirements are assigned by an earlier stage, the
way spaCy checks its components. The stages themselves are listed in one place: :mod:`eventwire.stages`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from eventwire.document import Document
from eventwire.errors import EventwireError, PipelineConfigError
from eventwire.resources import Resources

StageFunc = Callable[[Document, Resources], None]
BatchFunc = Callable[[Sequence[Document], Resources], None]
ErrorHandler = Callable[[Document, EventwireError], None]

INITIAL_FIELDS = ("doc_id", "path")
"""What a fresh :class:`Document` carries before any stage runs."""


@dataclass(frozen=True)
class Stage:
    name: str
    func: StageFunc
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    batch: BatchFunc | None = None  # optional faster path over many documents (e.g. nlp.pipe)

    def __call__(self, doc: Document, resources: Resources) -> None:
        self.func(doc, resources)
        doc.stages_run.append(self.name)

    def run_batch(self, docs: Sequence[Document], resources: Resources) -> None:
        if self.batch is None:
            for doc in docs:
                self.func(doc, resources)
        else:
            self.batch(docs, resources)
        for doc in docs:
            doc.stages_run.append(self.name)


class Pipeline:
    """An ordered, checked list of stages sharing one set of loaded resources."""

    def __init__(self, stages: Sequence[Stage], resources: Resources) -> None:
        check_stages(stages)
        self.stages = tuple(stages)
        self.resources = resources

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def __call__(self, doc: Document) -> Document:
        for stage in self.stages:
            stage(doc, self.resources)
        return doc

    def run_stage(self, name: str, doc: Document) -> Document:
        """Run one named stage on ``doc`` (e.g. ``read``, to look at an article before coding it)."""
        self.stages[self._index(name)](doc, self.resources)
        return doc

    def pipe(
        self,
        docs: Iterable[Document],
        batch_size: int = 32,
        on_error: ErrorHandler | None = None,
        after: str | None = None,
    ) -> Iterator[Document]:
        """Run every stage over batches of documents (stages with a batch path use it).

        ``after`` names a stage the documents have already been through, with every stage before it
        (see :meth:`run_stage`): only the stages after it run. A document whose input is bad (an
        :class:`EventwireError` in a per-document stage) is handed to ``on_error`` and left out; without
        ``on_error`` the error propagates.
        """
        first = self._index(after) + 1 if after is not None else 0
        batch: list[Document] = []
        for doc in docs:
            missing = [s.name for s in self.stages[:first] if s.name not in doc.stages_run]
            if missing:
                raise PipelineConfigError(
                    doc.doc_id,
                    f"starts after stage {after!r} but has not been through {', '.join(missing)}",
                    "run those stages first with Pipeline.run_stage",
                )
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._run_batch(batch, on_error, first)
                batch = []
        if batch:
            yield from self._run_batch(batch, on_error, first)

    def _index(self, name: str) -> int:
        for i, stage in enumerate(self.stages):
            if stage.name == name:
                return i
        raise PipelineConfigError(
            "pipeline", f"no stage named {name!r}", f"use one of {', '.join(self.names)}"
        )

    def _run_batch(
        self, docs: list[Document], on_error: ErrorHandler | None, first: int = 0
    ) -> list[Document]:
        for stage in self.stages[first:]:
            if stage.batch is not None:
                stage.run_batch(docs, self.resources)
                continue
            ok = []
            for doc in docs:
                try:
                    stage(doc, self.resources)
                except EventwireError as err:
                    if on_error is None or not err.about_input:
                        raise  # a missing resource or a bad configuration stops the run
                    on_error(doc, err)
                    continue
                ok.append(doc)
            docs = ok
        return docs


def check_stages(stages: Sequence[Stage]) -> None:
    """Raise :class:`PipelineConfigError` if a stage needs a field no earlier stage assigns."""
    available = set(INITIAL_FIELDS)
    seen: set[str] = set()
    for stage in stages:
        if stage.name in seen:
            raise PipelineConfigError(
                "pipeline", f"stage {stage.name!r} appears twice", "list each stage once"
            )
        seen.add(stage.name)
        missing = [f for f in stage.requires if f not in available]
        if missing:
            raise PipelineConfigError(
                "pipeline",
                f"stage {stage.name!r} requires {', '.join(missing)} but no earlier stage assigns it",
                "put the stages in the order of eventwire.stages.STAGE_ORDER",
            )
        available.update(stage.assigns)
