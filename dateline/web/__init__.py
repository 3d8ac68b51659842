"""`dateline serve`: the JSON API and the server-rendered web view over a store (see app.create_app)."""

from .app import create_app

__all__ = ["create_app"]
