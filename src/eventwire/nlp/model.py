"""Load the spaCy model with eventwire's gazetteer EntityRuler placed before the statistical NER.

The small English model mislabels many place names (it tags "Mali" as PERSON); the ruler fixes countries,
capitals, demonyms, seats of government and known organisations before ``ner`` runs, and ``ner`` keeps
entities already set.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language

    from eventwire.knowledge.gazetteer import Gazetteer

RULER_NAME = "eventwire_gazetteer"


def load_model(name: str, gazetteer: Gazetteer) -> Language:
    import spacy

    nlp = spacy.load(name)
    ruler = nlp.add_pipe(
        "entity_ruler", name=RULER_NAME, before="ner", config={"phrase_matcher_attr": "LOWER", "validate": False}
    )
    ruler.add_patterns(gazetteer.entity_ruler_patterns())  # type: ignore[attr-defined]
    return nlp
