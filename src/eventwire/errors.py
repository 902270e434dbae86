"""Every user-facing error of eventwire, each with a code, the input it concerns and what to do next."""

from __future__ import annotations


class EventwireError(Exception):
    """Base class. ``str(err)`` is one line: ``E### input: reason. next step``."""

    code = "E000"

    def __init__(self, input_name: str, reason: str, hint: str = "") -> None:
        self.input_name = input_name
        self.reason = reason
        self.hint = hint
        super().__init__(self.message)

    @property
    def message(self) -> str:
        text = f"{self.code} {self.input_name}: {self.reason}"
        return f"{text}. {self.hint}" if self.hint else text


class InputNotFound(EventwireError):
    code = "E001"


class UnsupportedInput(EventwireError):
    code = "E002"


class UnreadableInput(EventwireError):
    """Bad encoding, binary content, empty file, over the size cap."""

    code = "E003"


class NoArticleText(EventwireError):
    """An HTML page from which no article text could be extracted."""

    code = "E004"


class BadOption(EventwireError):
    code = "E005"


class ResourceMissing(EventwireError):
    """A model or data file the pipeline needs is not installed."""

    code = "E010"


class BadDataFile(EventwireError):
    """A packaged or user-supplied data file has a malformed line."""

    code = "E011"


class PipelineConfigError(EventwireError):
    """Stages do not fit together (a stage needs what no earlier stage assigns)."""

    code = "E020"


class UnknownCameoCode(EventwireError, KeyError):
    """A code that is not in the CAMEO table (a :class:`KeyError`)."""

    code = "E012"

    def __str__(self) -> str:  # KeyError would print the repr of the message
        return self.message


class UnknownCountryCode(EventwireError, KeyError):
    """An ISO3 code that is not in the gazetteer (a :class:`KeyError`)."""

    code = "E013"

    def __str__(self) -> str:  # KeyError would print the repr of the message
        return self.message


class CameoTableError(BadDataFile, ValueError):
    """A malformed line in a CAMEO data file (a :class:`ValueError`); names the file and the line."""


class GazetteerError(BadDataFile, ValueError):
    """A malformed line in a gazetteer data file (a :class:`ValueError`); names the file and the line."""
