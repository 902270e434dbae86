"""The ``nlp`` stage: sentences, tokens, parses and named entities from spaCy."""
