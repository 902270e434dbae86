"""Load the spaCy model with eventwire's additions.

- A gazetteer entity tagger placed before the statistical NER. The small English model mislabels many
  place names (it tags "Mali" as PERSON); the tagger sets countries, capitals, demonyms, seats of
  government and known organisations first, and ``ner`` keeps entities already set. It takes the
  gazetteer's EntityRuler-style patterns but matches them with two PhraseMatchers (lower-cased forms
  and case-sensitive acronyms): spaCy's EntityRuler runs token patterns through the slower Matcher,
  which doubled the time of the whole parse (measured with benchmarks/throughput.py).
- A paragraph splitter placed before the parser: a line break always starts a new sentence, so a headline
  or a subheading never runs into the paragraph below it (the parser keeps preset sentence starts); so
  does a Title-case adverb with its comma after a lowercase word, where a scraped page lost a full stop.
  An editor's insertion in brackets inside a sentence ("killed on Saturday [22 August] in X", "Nord Kivu
  province [eastern DRCongo] --") never starts one: the small model's parser splits there.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

if TYPE_CHECKING:  # pragma: no cover
    from eventwire.knowledge.gazetteer import EntityFinder, Gazetteer

RULER_NAME = "eventwire_gazetteer"
PARAGRAPHS_NAME = "eventwire_paragraphs"


@Language.component(PARAGRAPHS_NAME)
def split_paragraphs(doc: Doc) -> Doc:
    """Start a sentence after every token that is or ends with a line break, and at a lost full stop."""
    for token in doc[:-1]:
        if "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    for i in range(1, len(doc) - 1):
        if is_lost_sentence_start(doc, i):
            doc[i].is_sent_start = True
    for start, end in inserted_brackets(doc):
        for token in doc[start:end]:
            token.is_sent_start = False
    return doc


BRACKETS = {"[": "]", "(": ")"}
MAX_INSERTION = 12
"""At most this many tokens between an inserted bracket's opening and closing marks."""
SENTENCE_ENDS = frozenset({".", "!", "?", ";", ":", '"', "”", "'"})


def inserted_brackets(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges ``[start, end)`` that cannot start a sentence: a bracketed insertion on one line,
    opened right after a word of the sentence (no full stop, no line break before it), and the token after
    its closing mark when that one goes on in lower case ("... on Saturday [22 August] in X")."""
    found = []
    for i in range(1, len(doc) - 1):
        closing = BRACKETS.get(doc[i].text)
        before = doc[i - 1]
        if closing is None or before.text in SENTENCE_ENDS or "\n" in before.text:
            continue
        for j in range(i + 1, min(i + MAX_INSERTION + 1, len(doc))):
            if "\n" in doc[j].text or doc[j].text in BRACKETS:
                break
            if doc[j].text == closing:
                after = doc[j + 1] if j + 1 < len(doc) else None
                goes_on = after is not None and not after.is_title and after.text not in SENTENCE_ENDS
                found.append((i, j + 2 if goes_on else j + 1))
                break
    return found


def is_lost_sentence_start(doc: Doc, i: int) -> bool:
    """A Title-case adverb and its comma right after a lowercase word: a scraped page lost the full stop
    between two sentences ("... recognized him Unexpectedly, the court ..."; "... in the capital However,
    the talks ..."). Written English puts no capital there; names ending a clause ("in Italy, then") are
    tagged as nouns, not adverbs. Needs the tagger, which runs before this component."""
    token, before = doc[i], doc[i - 1]
    return (
        token.tag_ == "RB"
        and token.is_title
        and len(token) > 2
        and doc[i + 1].text == ","
        and before.is_alpha
        and before.is_lower
        and not token.is_sent_start
    )


class GazetteerTagger:
    """Sets gazetteer entities (label and ``ent_id_``) before the statistical NER runs."""

    def __init__(self, nlp: Language) -> None:
        self.vocab = nlp.vocab
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.orth = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.finders: list[EntityFinder] = []  # Gazetteer.entity_finders: phrase lists matched without spaCy

    def add_patterns(self, patterns: list[dict[str, Any]]) -> None:
        """Add EntityRuler-style token patterns whose tokens all use LOWER, or all use ORTH."""
        by_key: dict[tuple[str, str, str], list[Doc]] = {}
        for pattern in patterns:
            attrs = {attr for tok in pattern["pattern"] for attr in tok}
            words = [next(iter(tok.values())) for tok in pattern["pattern"]]
            attr = "ORTH" if attrs == {"ORTH"} else "LOWER"
            key = (attr, pattern["label"], pattern.get("id", ""))
            by_key.setdefault(key, []).append(Doc(self.vocab, words=words))
        for (attr, label, pattern_id), docs in by_key.items():
            matcher = self.orth if attr == "ORTH" else self.lower
            matcher.add(f"{label}\t{pattern_id}", docs)

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for match_id, start, end in [*self.lower(doc), *self.orth(doc)]:
            label, pattern_id = doc.vocab.strings[match_id].split("\t", 1)
            spans.append(Span(doc, start, end, label=label, span_id=pattern_id))
        if self.finders:
            words = [t.text for t in doc]
            for find in self.finders:
                spans += [Span(doc, s, e, label=label, span_id=i) for s, e, label, i in find(words)]
        if spans:
            doc.ents = filter_spans([*doc.ents, *spans])
        return doc


@Language.factory(RULER_NAME)
def make_gazetteer_tagger(nlp: Language, name: str) -> GazetteerTagger:
    return GazetteerTagger(nlp)


def load_model(name: str, gazetteer: Gazetteer) -> Language:
    import spacy

    nlp = spacy.load(name)
    nlp.add_pipe(PARAGRAPHS_NAME, before="parser")
    tagger = nlp.add_pipe(RULER_NAME, before="ner")
    tagger.add_patterns(gazetteer.entity_ruler_patterns(tokenize=_tokenizer_of(nlp)))  # type: ignore[attr-defined]
    tagger.finders += gazetteer.entity_finders(tokenize=_tokenizer_of(nlp))  # type: ignore[attr-defined]
    return nlp


def _tokenizer_of(nlp: Language) -> Callable[[str], list[str]]:
    # words of letters only that are no special case ("cannot") are tokens as they stand: split them
    # without spaCy, which also creates no lexemes (most of the start-up time with 34k dictionary phrases)
    special_cases = frozenset(getattr(nlp.tokenizer, "rules", None) or {})

    def tokenize(text: str) -> list[str]:
        words = text.split()
        if words and all(word.isalpha() and word not in special_cases for word in words):
            return words
        return [t.text for t in nlp.tokenizer(text)]

    return tokenize
