"""The ``actors`` stage: actor mentions with country, type and name, and in-document coreference."""
