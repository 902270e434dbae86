"""PETRARCH verb dictionaries: verbs and word patterns -> CAMEO event codes.

Format (``PETRreader.read_verb_dictionary``; both the PETRARCH 1 files such as ``PETR.Validate.verbs.txt``
and the PETRARCH 2 ``CAMEO.2.0.txt``)::

    &CURRENCY                      a synset; '&NAME_' (trailing '_') forms no plurals
    +DOLLAR                        its members (a member may name another synset: +&TIETYPES)
    --- GRANT [070] ---            a verb block and its default code ('---' = no event)
    GRANT                          a verb of the block; regular forms are matched through the lemma
    GIVE {GAVE GIVEN GIVING}       irregular forms
    CLARIFY [040]                  a verb with its own code
    +CORDON_OFF {+CORDONED_OFF}    a multi-word verb: '+' marks the word the parser calls the verb
    - * &CURRENCY [903]            a pattern: words before '*' come before the verb, words after it after
    - + WAS_ * TO_ ^ FROM $ [174]  '_' joins words that must be adjacent; '$' source, '+' target,
                                   '%' both (a compound actor), '^' skip a noun phrase
    - * (TO {BANNED PARTIES}) [1722]  PETRARCH 2: '(...)' a prepositional phrase, '{...}' a noun phrase
    - * (TO) [042:043]             'a:b': event a from source to target and event b back; ':b' only back

Errors (:class:`~eventwire.errors.DictionaryFileError`): a pattern or verb outside a block, a pattern
without ``*`` or without a ``[code]``, a ``[`` without ``]`` on a verb line, a ``{`` without ``}`` on a verb
line. Counted issues: patterns using an undefined synset (PETRARCH skips them), a pattern code cut short
by a ``#`` comment (``[###]``: PETRARCH reads an empty code), PETRARCH 2 verb transformations (``~``, not
supported here).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from eventwire.dictionaries._lines import Issue, Record, content_lines, read_text
from eventwire.errors import DictionaryFileError

NULL_CODE = "---"
MARKERS = frozenset({"$", "+", "%", "^"})


@dataclass(frozen=True, slots=True)
class Element(Record):
    """One pattern element: a word, a synset (``&NAME``) or an actor marker; ``joined`` when it must come
    right after the previous element (``_``)."""

    text: str
    joined: bool = False

    @property
    def is_marker(self) -> bool:
        return self.text in MARKERS

    @property
    def is_synset(self) -> bool:
        return self.text.startswith("&")


@dataclass(frozen=True, slots=True)
class VerbPattern(Record):
    before: tuple[Element, ...]  # in sentence order
    after: tuple[Element, ...]
    code: str  # forward code ('' when only the reverse code is given)
    reverse: str | None  # code of the reverse event ('a:b' -> b)
    source: str
    line: int

    @property
    def markers(self) -> str:
        return "".join(e.text for e in (*self.before, *self.after) if e.is_marker)

    @property
    def words(self) -> int:
        return sum(1 for e in (*self.before, *self.after) if not e.is_marker)


@dataclass(frozen=True, slots=True)
class VerbForm(Record):
    """A verb of a block: its word (lemma-like primary form), the words that must stand right before and
    after it (multi-word verbs), its explicit forms and its code."""

    word: str
    before: tuple[str, ...]
    after: tuple[str, ...]
    forms: tuple[str, ...]
    code: str
    reverse: str | None
    line: int


@dataclass
class VerbBlock:
    name: str
    code: str
    reverse: str | None
    source: str
    line: int
    verbs: list[VerbForm] = field(default_factory=list)
    patterns: list[VerbPattern] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Synset(Record):
    name: str  # with the '&'
    members: tuple[tuple[str, ...], ...]  # word sequences; may contain '&OTHER'
    plurals: bool


@dataclass
class VerbDictionary:
    blocks: list[VerbBlock]
    synsets: dict[str, Synset]
    source: str


def split_code(code: str) -> tuple[str, str | None]:
    """'042:043' -> ('042', '043'); ':173' -> ('', '173'); '064' -> ('064', None)."""
    if ":" in code:
        forward, _, back = code.partition(":")
        return forward.strip(), back.strip() or None
    return code.strip(), None


def _elements(text: str) -> tuple[Element, ...]:
    """Pattern text -> elements. PETRARCH 2 brackets are dropped: their words are matched in order."""
    cleaned = text.replace("(", " ").replace(")", " ").replace("{", " ").replace("}", " ")
    out: list[Element] = []
    for chunk in cleaned.split():
        pieces = chunk.split("_")
        for k, piece in enumerate(pieces):
            if piece:
                out.append(Element(piece.upper(), joined=k > 0))
        # a trailing '_' ("IN_ *") only marks a whole word in PETRARCH; nothing to keep
    return tuple(out)


def _code_of(text: str, where: str) -> tuple[str, str]:
    """(text before the first '[...]', the code inside)."""
    head, _, rest = text.partition("[")
    if "]" not in rest:
        raise DictionaryFileError(where, "'[' without a closing ']'", "close the code: [042]")
    return head, rest[: rest.index("]")].strip()


def parse_verbs(text: str, source: str) -> tuple[VerbDictionary, list[Issue]]:
    """Parse a verb dictionary. Raises DictionaryFileError for a malformed line."""
    issues: list[Issue] = []
    blocks: list[VerbBlock] = []
    synsets: dict[str, list[tuple[str, ...]]] = {}
    synset_plurals: dict[str, bool] = {}
    block: VerbBlock | None = None
    synset: str | None = None  # the synset whose members are being read
    for line in content_lines(text):
        stripped = line.text.strip()
        where = f"{source}:{line.number}"
        if stripped.startswith("---"):
            synset = None
            inner = stripped.strip("-").strip()
            name = inner.split("[")[0].strip() or "?"
            code = _code_of(inner, where)[1] if "[" in inner else NULL_CODE
            forward, reverse = split_code(code)
            block = VerbBlock(name, forward or NULL_CODE, reverse, source, line.number)
            blocks.append(block)
            continue
        if stripped.startswith("&"):
            name = stripped.split()[0]
            plurals = not name.endswith("_")
            synset = name.rstrip("_")
            synsets.setdefault(synset, [])
            synset_plurals[synset] = plurals
            continue
        if stripped.startswith("+") and synset is not None:
            member = stripped[1:].replace("_", " ").upper().split()
            if member:
                synsets[synset].append(tuple(member))
            continue
        synset = None
        if stripped.startswith("~"):
            issues.append(Issue(source, line.number, "verb transformation ('~') not supported; line skipped"))
            continue
        if stripped.startswith("-"):
            if block is None:
                raise DictionaryFileError(
                    where, "a pattern before any '--- VERB [code] ---' block", "start a block"
                )
            if "[" not in stripped:
                raise DictionaryFileError(where, "a pattern without a [code]", "end the pattern with [code]")
            if "]" not in stripped:  # "[###]" loses its end to the '#' comment; PETRARCH reads an empty code
                issues.append(Issue(source, line.number, "pattern code without ']'; pattern skipped"))
                continue
            head, code = _code_of(stripped[1:], where)
            if "*" not in head:
                raise DictionaryFileError(
                    where, "a pattern without '*' (the verb's place)", "mark the verb with *"
                )
            before_text, _, after_text = head.partition("*")
            forward, reverse = split_code(code)
            block.patterns.append(
                VerbPattern(
                    _elements(before_text), _elements(after_text), forward, reverse, source, line.number
                )
            )
            continue
        if block is None:
            raise DictionaryFileError(
                where, f"a verb ({stripped!r}) before any '--- VERB ---' block", "start a block"
            )
        block.verbs.append(_verb_form(stripped, block, where, line.number))
    for name, members in synsets.items():
        for words in members:
            for word in words:
                if word.startswith("&") and word not in synsets:
                    issues.append(Issue(source, 0, f"synset {name} names undefined synset {word}"))
    table = {
        name: Synset(name, tuple(members), synset_plurals.get(name, True))
        for name, members in synsets.items()
    }
    for block_ in blocks:
        kept = []
        for pattern in block_.patterns:
            missing = [
                e.text for e in (*pattern.before, *pattern.after) if e.is_synset and e.text not in table
            ]
            if missing:
                issues.append(Issue(source, pattern.line, f"undefined synset {missing[0]}; pattern skipped"))
                continue
            kept.append(pattern)
        block_.patterns = kept
    return VerbDictionary(blocks, table, source), issues


def _verb_form(text: str, block: VerbBlock, where: str, number: int) -> VerbForm:
    code, reverse = block.code, block.reverse
    if "[" in text:
        text, raw = _code_of(text, where)
        code, reverse = split_code(raw)
        code = code or NULL_CODE
    forms: tuple[str, ...] = ()
    if "{" in text:
        if "}" not in text:
            raise DictionaryFileError(where, "'{' without '}'", "close the list of forms")
        forms = tuple(f.replace("+", "").upper() for f in text[text.index("{") + 1 : text.index("}")].split())
        text = text[: text.index("{")]
    phrase = text.strip().upper()
    if not phrase:
        raise DictionaryFileError(where, "empty verb", "write the verb")
    words = [w for w in phrase.split("_") if w] if "_" in phrase else phrase.split()
    head = next((k for k, w in enumerate(words) if w.startswith("+")), None)
    if head is None:
        head = 0
    words = [w.lstrip("+") for w in words]
    # forms of a multi-word verb list the whole phrase ("+CORDONED_OFF"): keep the verb word only
    forms = tuple(f.split("_")[head] if "_" in f and len(f.split("_")) == len(words) else f for f in forms)
    return VerbForm(words[head], tuple(words[:head]), tuple(words[head + 1 :]), forms, code, reverse, number)


def load_verbs(path: Path) -> tuple[VerbDictionary, list[Issue]]:
    return parse_verbs(read_text(path), str(path))
