"""The ``output`` stage and the writers: JSONL records, CSV rows and a readable table."""
