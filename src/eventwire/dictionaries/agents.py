"""PETRARCH agent dictionaries: generic role nouns -> agent codes.

Format (``PETRreader.read_agent_dictionary``)::

    !PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON     a substitution set
    CONGRESS!PERSON! [~LEG]                        one entry per member of the set, no plurals formed
    PRESIDENT [~GOV]                               '~CODE' is appended to the actor code (ARN + GOV)
    HUMAN_RIGHTS_BODY [NGO~]                       'CODE~' is put before it (NGO + ARN)
    ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]    an explicit plural
    POLICE {} [~COP]                               no plural
    SOLDIER [~MIL]                                 regular plural formed: +S, Y -> IES, S -> SES

Errors (:class:`~eventwire.errors.DictionaryFileError`): an empty phrase, a code with neither a leading
nor a trailing ``~``, a code with other characters than letters and digits. Counted issues (PETRARCH skips
or reads past these with a warning or silently): a line without a code, ``{`` without ``}``, an undefined
or malformed substitution marker, ``[`` without ``]`` (the code is read to the line end, "[~ENV}").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from eventwire.dictionaries._lines import Issue, Record, content_lines, read_text
from eventwire.dictionaries.actors import phrase_words
from eventwire.errors import DictionaryFileError

_MARKER_RE = re.compile(r"!([^!\s]+)!")
_AGENT_CODE_RE = re.compile(r"[A-Z0-9]+")


@dataclass(frozen=True, slots=True)
class AgentEntry(Record):
    """One agent form: the phrase (upper case, single spaces), its code and where it goes."""

    phrase: str
    code: str  # without the '~'
    prefix: bool  # True for 'CODE~' (put before the actor code), False for '~CODE' (after)
    source: str
    line: int
    plural: bool = False  # the form is the plural of the listed phrase


def _plural(phrase: str) -> str:
    """PETRARCH's regular plural of the last word: Y -> IES, S -> SES (it adds ES), else S."""
    if phrase.endswith("Y"):
        return phrase[:-1] + "IES"
    if phrase.endswith("S"):
        return phrase + "ES"
    return phrase + "S"


def parse_agents(text: str, source: str) -> tuple[list[AgentEntry], list[Issue]]:
    """Parse the text of an agent dictionary. Raises DictionaryFileError for a malformed line."""
    entries: list[AgentEntry] = []
    issues: list[Issue] = []
    markers: dict[str, list[str]] = {}
    for line in content_lines(text):
        stripped = line.text.strip()
        where = f"{source}:{line.number}"
        if "!" in stripped and "=" in stripped and "[" not in stripped:
            found = _MARKER_RE.search(stripped.split("=", 1)[0])
            if found is None:
                issues.append(
                    Issue(source, line.number, "substitution marker incorrectly defined; line skipped")
                )
                continue
            markers[found.group(1)] = [
                phrase_words(x) for x in stripped.split("=", 1)[1].split(",") if x.strip()
            ]
            continue
        if "[" not in stripped:
            issues.append(Issue(source, line.number, "agent without a code; line skipped"))
            continue
        head, _, rest = stripped.partition("[")
        if "]" not in rest:  # PETRARCH reads to the line end: "[~ENV}" is ~ENV
            issues.append(Issue(source, line.number, "'[' without ']'; code read to the line end"))
            rest = rest.rstrip("})>") + "]"
        raw_code = rest[: rest.index("]")].replace(" ", "").upper()
        if raw_code.startswith("~"):
            code, prefix = raw_code[1:], False
        elif raw_code.endswith("~"):
            code, prefix = raw_code[:-1], True
        else:
            raise DictionaryFileError(where, f"agent code {raw_code!r} has no '~'", "write ~CODE or CODE~")
        if not _AGENT_CODE_RE.fullmatch(code):
            raise DictionaryFileError(where, f"bad agent code {raw_code!r}", "use letters, e.g. ~GOV")
        plural_given: str | None = None
        if "{" in head:
            if "}" not in head:
                issues.append(Issue(source, line.number, "'{' without '}'; line skipped"))
                continue
            plural_given = phrase_words(head[head.index("{") + 1 : head.index("}")])
            head = head[: head.index("{")]
        if "!" in head:
            found = _MARKER_RE.search(head)
            if found is None or found.group(1) not in markers:
                issues.append(
                    Issue(source, line.number, "undefined or malformed substitution marker; line skipped")
                )
                continue
            for member in markers[found.group(1)]:
                form = phrase_words(head[: found.start()] + member + head[found.end() :])
                entries.append(AgentEntry(form, code, prefix, source, line.number))
            continue
        phrase = phrase_words(head)
        if not phrase:
            raise DictionaryFileError(where, "empty agent phrase", "write the phrase before the code")
        entries.append(AgentEntry(phrase, code, prefix, source, line.number))
        plural = _plural(phrase) if plural_given is None else plural_given
        if plural:
            entries.append(AgentEntry(plural, code, prefix, source, line.number, plural=True))
    return entries, issues


def load_agents(path: Path) -> tuple[list[AgentEntry], list[Issue]]:
    return parse_agents(read_text(path), str(path))
