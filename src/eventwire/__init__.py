"""eventwire: code news text into evidence-linked CAMEO/PLOVER political events.

Public API::

    from eventwire import code_text, code_path, build_pipeline
    events = code_text(article_text, doc_id="a1", pub_date=datetime.date(2021, 9, 13))
"""

from eventwire.api import build_pipeline, code_documents, code_path, code_text
from eventwire.config import Config
from eventwire.document import Actor, Document, Event, Location, Quantity, TextSpan
from eventwire.errors import EventwireError
from eventwire.pipeline import Pipeline, Stage

__all__ = [
    "Actor",
    "Config",
    "Document",
    "Event",
    "EventwireError",
    "Location",
    "Pipeline",
    "Quantity",
    "Stage",
    "TextSpan",
    "build_pipeline",
    "code_documents",
    "code_path",
    "code_text",
]
__version__ = "0.1.0"
