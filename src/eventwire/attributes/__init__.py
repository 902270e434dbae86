"""The ``attributes`` stage: date, location, status, attribution and quantities of each event."""
