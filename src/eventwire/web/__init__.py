"""The web side: a JSON API with OpenAPI docs and a browser UI over the event store (``eventwire serve``)."""

from eventwire.web.app import create_app
from eventwire.web.context import ServerContext

__all__ = ["ServerContext", "create_app"]
