"""The edge of the application, as pure ASGI middleware: security headers on every response, a limit
on request bodies, and hardened cookies.

`install(app, ...)` puts these layers (and the access log of app.web.logs) *outside* Starlette's own
stack, so that they also cover the answers Starlette's ServerErrorMiddleware gives (a 500), the
static files and every error page. Order, outermost first: access log → headers → response cache
(app/web/responsecache.py) → body limit → app.

- Content-Security-Policy without inline script or style: the pages load only /static/htmx-*.js
  and /static/app.js; htmx runs with allowEval false and includeIndicatorStyles false (see
  templates/base.html), so it needs neither 'unsafe-eval' nor 'unsafe-inline'. The SVG chart uses
  presentation attributes (fill=, stroke=), which style-src does not govern. The API browser at
  /docs and /redoc (FastAPI's pages, loaded from a CDN) gets its own policy, with the hash of its
  one inline script computed from the page itself.
- frame-ancestors 'none' and X-Frame-Options DENY, X-Content-Type-Options nosniff,
  Referrer-Policy same-origin, Cross-Origin-Opener-Policy same-origin.
- Every Set-Cookie gets HttpOnly and SameSite=Lax unless it says otherwise, and Secure when the
  request came over https.
- A request body larger than `max_body_bytes` is answered 413 before the application reads it
  (by Content-Length) or as soon as it is known (a chunked body).
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CSP = "; ".join([
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
])

DOCS_PATHS = ("/docs", "/docs/oauth2-redirect", "/redoc")
CDN = "https://cdn.jsdelivr.net"
DOCS_CSP = "; ".join([
    "default-src 'self'",
    f"script-src 'self' {CDN} {{hashes}}",
    f"style-src 'self' 'unsafe-inline' {CDN} https://fonts.googleapis.com",
    f"img-src 'self' data: {CDN} https://fastapi.tiangolo.com",
    "font-src 'self' https://fonts.gstatic.com",
    "worker-src 'self' blob:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
])

HEADERS = {
    b"x-content-type-options": b"nosniff",
    b"x-frame-options": b"DENY",
    b"referrer-policy": b"same-origin",
    b"cross-origin-opener-policy": b"same-origin",
    b"permissions-policy": b"camera=(), microphone=(), geolocation=(), payment=()",
}

INLINE_SCRIPT = re.compile(rb"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.S | re.I)


def inline_script_hashes(html: bytes) -> str:
    """CSP source expressions ('sha256-…') for the inline scripts of a page."""
    hashes = []
    for body in INLINE_SCRIPT.findall(html):
        digest = base64.b64encode(hashlib.sha256(body).digest()).decode()
        hashes.append(f"'sha256-{digest}'")
    return " ".join(dict.fromkeys(hashes))


def harden_cookie(value: bytes, https: bool) -> bytes:
    """A Set-Cookie value with HttpOnly and SameSite (and Secure over https) unless already given."""
    attributes = {part.strip().split(b"=")[0].lower() for part in value.split(b";")[1:]}
    if b"httponly" not in attributes:
        value += b"; HttpOnly"
    if b"samesite" not in attributes:
        value += b"; SameSite=Lax"
    if https and b"secure" not in attributes:
        value += b"; Secure"
    return value


class SecurityHeaders:
    """Adds the security headers to every HTTP response (leaving any the application set itself)."""

    def __init__(self, app: ASGIApp, csp: str = CSP):
        self.app = app
        self.csp = csp.encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope.get("path") in DOCS_PATHS:
            await self._docs(scope, receive, send)
            return
        https = scope.get("scheme") == "https"

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = self.headers(message.get("headers", []), self.csp, https)
            await send(message)

        await self.app(scope, receive, send_with_headers)

    @staticmethod
    def headers(raw: list, csp: bytes, https: bool) -> list[tuple[bytes, bytes]]:
        out = []
        present = set()
        for name, value in raw:
            name = bytes(name).lower()
            present.add(name)
            if name == b"set-cookie":
                value = harden_cookie(bytes(value), https)
            out.append((name, value))
        wanted = {b"content-security-policy": csp, **HEADERS}
        out.extend((k, v) for k, v in wanted.items() if k not in present)
        return out

    async def _docs(self, scope: Scope, receive: Receive, send: Send) -> None:
        """FastAPI's API browser: buffer the (small) page to allow exactly its inline scripts."""
        start: Message | None = None
        body = bytearray()
        https = scope.get("scheme") == "https"

        async def buffered(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
                return
            if message["type"] == "http.response.body":
                body.extend(message.get("body", b""))
                if message.get("more_body"):
                    return
                assert start is not None
                csp = DOCS_CSP.replace("{hashes}", inline_script_hashes(bytes(body))).encode()
                start["headers"] = self.headers(start.get("headers", []), csp, https)
                await send(start)
                await send({"type": "http.response.body", "body": bytes(body)})
                return
            await send(message)

        await self.app(scope, receive, buffered)


def _is_api(path: str) -> bool:
    return path.startswith("/api") or path.endswith((".csv", ".json"))


class BodyLimit:
    """Refuses request bodies larger than `max_bytes` with 413 and a sentence saying so."""

    def __init__(self, app: ASGIApp, max_bytes: int | None):
        self.app = app
        self.max_bytes = max_bytes

    def message(self) -> str:
        return (f"The request body is larger than this server accepts ({self.max_bytes:,} bytes; "
                "see DOSSIER_MAX_BODY_BYTES).")

    async def refuse(self, scope: Scope, send: Send, status: int, text: str) -> None:
        if _is_api(scope.get("path", "")):
            body, kind = json.dumps({"detail": text}).encode(), b"application/json"
        else:
            body, kind = text.encode(), b"text/plain; charset=utf-8"
        await send({"type": "http.response.start", "status": status, "headers": [
            (b"content-type", kind), (b"content-length", str(len(body)).encode()), (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": body})

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not self.max_bytes:
            await self.app(scope, receive, send)
            return
        length = next((v for k, v in scope.get("headers", []) if k.lower() == b"content-length"), None)
        if length is not None:
            try:
                declared = int(length)
                if declared < 0:
                    raise ValueError
            except ValueError:
                await self.refuse(scope, send, 400, "The Content-Length header is not a number of bytes.")
                return
            if declared > self.max_bytes:
                await self.refuse(scope, send, 413, self.message())
                return

        received = 0
        refused = False
        started = False

        async def counting_receive() -> Message:
            nonlocal received, refused
            if refused:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    refused = True
                    if not started:
                        await self.refuse(scope, send, 413, self.message())
                    return {"type": "http.disconnect"}  # the application stops reading
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if refused:
                return  # the 413 has been sent; whatever the application answers is dropped
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, guarded_send)
        except Exception:
            if not refused:
                raise


def install(app, max_body_bytes: int | None, cache_bytes: int = 0, data_version=None) -> None:  # noqa: ANN001
    """Wrap the application's middleware stack (built on first request) in the edge layers, and
    the response cache (app.web.responsecache) between the headers and the body limit when given a
    budget and a data version."""
    from app.web.logs import AccessLog
    from app.web.responsecache import ResponseCache

    build = app.build_middleware_stack

    def build_with_edge() -> ASGIApp:
        inner = BodyLimit(build(), max_body_bytes)
        if cache_bytes > 0 and data_version is not None:
            inner = app.state.response_cache = ResponseCache(inner, cache_bytes, data_version)
        return AccessLog(SecurityHeaders(inner))

    app.build_middleware_stack = build_with_edge
