"""One structured line a request: a JSON object on stderr with time, method, path, status,
duration_ms and client. The query string is left out (it holds what analysts search for).

`dossier serve` turns uvicorn's own access log off, so each request is logged once.
"""

from __future__ import annotations

import json
import logging
import sys
import time
from datetime import UTC, datetime

from app.web.security import ASGIApp, Message, Receive, Scope, Send

logger = logging.getLogger("dossier.access")


class _Stderr(logging.StreamHandler):
    """Writes to whatever sys.stderr is at the moment (test runners replace it)."""

    def __init__(self) -> None:
        super().__init__()

    @property
    def stream(self):  # noqa: ANN201
        return sys.stderr

    @stream.setter
    def stream(self, _value) -> None:  # noqa: ANN001
        pass


def configure() -> None:
    if not any(isinstance(h, _Stderr) for h in logger.handlers):
        handler = _Stderr()
        handler.setFormatter(logging.Formatter("%(message)s"))
        logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False


def line(method: str, path: str, status: int, duration_ms: float, client: str | None,
         error: str | None = None) -> str:
    record = {
        "time": datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z"),
        "method": method, "path": path, "status": status, "duration_ms": round(duration_ms, 1), "client": client,
    }
    if error:
        record["error"] = error  # the response broke off (the status is what was sent, or 500)
    return json.dumps(record, ensure_ascii=False)


class AccessLog:
    """Logs each HTTP request once its response is complete (or failed: status 500)."""

    def __init__(self, app: ASGIApp):
        self.app = app
        configure()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 0
        error = None

        async def noting_send(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, noting_send)
        except BaseException as exc:
            error = type(exc).__name__
            raise
        finally:
            client = scope.get("client")
            logger.info(line(scope.get("method", ""), scope.get("path", ""), status or 500,
                             (time.perf_counter() - started) * 1000, client[0] if client else None, error))
