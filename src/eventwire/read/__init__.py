"""The ``read`` stage: bytes on disk -> the original article text (and its title and date, when known)."""
