"""The ``merge`` stage: one event per act per source-target pair per document."""
