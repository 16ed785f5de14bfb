"""Errors as the client can read them: JSON for the API, a page for a browser. Never a traceback."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler, request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import RedirectResponse
from sqlalchemy.exc import DataError
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.web.auth import SignInRequired
from app.web.deps import render

TITLES = {400: "Bad request", 404: "Not found", 405: "Method not allowed", 422: "These filters cannot be read"}


def _wants_html(request: Request) -> bool:
    path = request.url.path
    api = path.startswith(("/api", "/static")) or path.endswith(".csv") or path in ("/healthz", "/openapi.json")
    return not api


def describe(errors: list[dict]) -> list[str]:
    """One plain sentence per invalid parameter."""
    out = []
    for e in errors:
        loc = [str(x) for x in e.get("loc", []) if x not in ("query", "path", "body")]
        name = ".".join(loc) or "request"
        value = e.get("input")
        shown = f" {value!r}" if isinstance(value, (str, int, float)) else ""
        out.append(f"{name}{shown}: {e.get('msg', 'invalid')}")
    return out


def install(app: FastAPI) -> None:
    @app.exception_handler(SignInRequired)
    async def sign_in_first(request: Request, exc: SignInRequired):
        return RedirectResponse(exc.next_url, status_code=303)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        if not _wants_html(request):
            return await http_exception_handler(request, exc)
        title = TITLES.get(exc.status_code, "Something went wrong")
        return render(request, "error.html", {"title": title, "messages": [exc.detail]}, block="content",
                      status_code=exc.status_code)

    @app.exception_handler(OverflowError)  # SQLite: an integer beyond 64 bits
    @app.exception_handler(DataError)  # PostgreSQL: a value out of range for its column
    async def out_of_range(request: Request, exc: Exception):
        return await http_error(request, StarletteHTTPException(422, "A number in this request is larger than any "
                                                                     "the database holds."))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        if not _wants_html(request):
            return await request_validation_exception_handler(request, exc)
        return render(request, "error.html", {"title": TITLES[422], "messages": describe(exc.errors()),
                                              "back": request.url.path}, block="content", status_code=422)
