"""Who may write. Reading never needs anything; writing (articles, corrections) needs the token
DOSSIER_INGEST_TOKEN: as `Authorization: Bearer …` for the API, or once on the sign-in page, after
which the signed session cookie carries the analyst's name. With no token configured the instance
is read-only and says so. Forms carry a CSRF token bound to the session.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from typing import Annotated
from urllib.parse import quote

from fastapi import Depends, HTTPException, Request

from app.config import Settings

READ_ONLY = "This Dossier is read-only: no DOSSIER_INGEST_TOKEN is configured on the server."


@dataclass
class Writer:
    analyst: str
    via: str  # token | session


def session_secret(settings: Settings) -> str:
    """The key that signs session cookies: given, else derived from the token, else random (no
    sessions are worth keeping on a read-only instance)."""
    if settings.secret_key:
        return settings.secret_key
    if settings.ingest_token:
        return hashlib.sha256(b"dossier-session:" + settings.ingest_token.encode()).hexdigest()
    return secrets.token_hex(32)


def token_matches(settings: Settings, given: str | None) -> bool:
    expected = settings.ingest_token
    return bool(expected and given) and hmac.compare_digest(given.encode(), expected.encode())


def current_writer(request: Request, allow_session: bool = True) -> Writer | None:
    """The writer of this request: a valid Bearer token, or (for the pages) a signed-in session.
    The API takes only the token: a cookie would let another site's form post as the analyst."""
    settings: Settings = request.app.state.settings
    if not settings.ingest_token:
        return None
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        if token_matches(settings, header[7:].strip()):
            name = request.headers.get("x-dossier-analyst", "").strip()[:80] or "api"
            return Writer(name, "token")
        return None
    if not allow_session:
        return None
    analyst = request.session.get("analyst") if "session" in request.scope else None
    return Writer(analyst, "session") if analyst else None


def require_writer(request: Request) -> Writer:
    """For the API: 403 on a read-only instance, 401 without a valid token."""
    settings: Settings = request.app.state.settings
    if not settings.ingest_token:
        raise HTTPException(403, READ_ONLY)
    writer = current_writer(request, allow_session=False)
    if writer is None:
        raise HTTPException(401, "Writing needs the ingest token: send Authorization: Bearer <token>.",
                            headers={"WWW-Authenticate": "Bearer"})
    return writer


class SignInRequired(Exception):
    def __init__(self, next_url: str):
        self.next_url = next_url


def require_form_writer(request: Request) -> Writer:
    """For the pages: read-only → 403 page; not signed in → the sign-in page, then back."""
    settings: Settings = request.app.state.settings
    if not settings.ingest_token:
        raise HTTPException(403, READ_ONLY)
    writer = current_writer(request)
    if writer is None:
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        raise SignInRequired(f"/signin?next={quote(target)}")
    return writer


def csrf_token(request: Request) -> str:
    token = request.session.get("csrf")
    if not token:
        token = request.session["csrf"] = secrets.token_urlsafe(24)
    return token


async def check_csrf(request: Request) -> None:
    """A form post must carry the session's CSRF token (the API with a Bearer token needs none)."""
    if request.headers.get("authorization", "").lower().startswith("bearer "):
        return
    form = await request.form()
    sent = form.get("csrf") or request.headers.get("x-csrf-token")
    expected = request.session.get("csrf")
    if not (isinstance(sent, str) and expected and hmac.compare_digest(sent, expected)):
        raise HTTPException(403, "This form has expired or did not come from this site; reload the page and try again.")


WriterDep = Annotated[Writer, Depends(require_writer)]
FormWriterDep = Annotated[Writer, Depends(require_form_writer)]
