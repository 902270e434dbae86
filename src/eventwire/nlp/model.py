"""Load the spaCy model with eventwire's additions.

- A gazetteer EntityRuler placed before the statistical NER. The small English model mislabels many place
  names (it tags "Mali" as PERSON); the ruler sets countries, capitals, demonyms, seats of government and
  known organisations first, and ``ner`` keeps entities already set.
- A paragraph splitter placed before the parser: a line break always starts a new sentence, so a headline
  or a subheading never runs into the paragraph below it (the parser keeps preset sentence starts).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.language import Language

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

    from eventwire.knowledge.gazetteer import Gazetteer

RULER_NAME = "eventwire_gazetteer"
PARAGRAPHS_NAME = "eventwire_paragraphs"


@Language.component(PARAGRAPHS_NAME)
def split_paragraphs(doc: Doc) -> Doc:
    """Start a sentence after every token that is or ends with a line break."""
    for token in doc[:-1]:
        if "\n" in token.text or "\n" in token.whitespace_:
            doc[token.i + 1].is_sent_start = True
    return doc


def load_model(name: str, gazetteer: Gazetteer) -> Language:
    import spacy

    nlp = spacy.load(name)
    nlp.add_pipe(PARAGRAPHS_NAME, before="parser")
    ruler = nlp.add_pipe(
        "entity_ruler",
        name=RULER_NAME,
        before="ner",
        config={"phrase_matcher_attr": "LOWER", "validate": False},
    )
    ruler.add_patterns(gazetteer.entity_ruler_patterns())  # type: ignore[attr-defined]
    return nlp
