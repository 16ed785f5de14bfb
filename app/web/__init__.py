"""The web application: HTML pages (app.web.pages) and the JSON API (app.web.api)."""

from app.web.app import create_app

__all__ = ["create_app"]
