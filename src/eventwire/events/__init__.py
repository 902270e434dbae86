"""The ``events`` stage: predicates from the lexicon, with source and target from the dependency parse."""
