"""The application factory. The engine lives on app.state; nothing is created at import time."""

from __future__ import annotations

from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from sqlalchemy import text
from starlette.middleware.sessions import SessionMiddleware

from app import __version__
from app.config import Settings, get_settings
from app.db import make_engine
from app.web import api, errors, exports, pages, security, write
from app.web.auth import session_secret
from app.web.deps import templates_for
from app.web.responsecache import DataVersion


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    engine = make_engine(settings.database_url)
    version = DataVersion(engine) if settings.response_cache_mb > 0 else None

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        yield
        if version is not None:
            version.close()
        engine.dispose()

    app = FastAPI(
        title="Dossier",
        version=__version__,
        description="Quotes, estimates, actors and sources from news articles on Russia and North Korea.",
        lifespan=lifespan,
    )
    # access log, headers, response cache, body limit: outside every other layer
    security.install(app, settings.max_body_bytes, int(settings.response_cache_mb * 2**20), version)
    app.state.settings = settings
    app.state.engine = engine
    app.state.templates = templates_for(settings)
    app.mount("/static", StaticFiles(directory=settings.static_dir), name="static")
    app.add_middleware(SessionMiddleware, secret_key=session_secret(settings), session_cookie="dossier_session",
                       same_site="lax", https_only=settings.secure_cookies, max_age=14 * 24 * 3600)
    errors.install(app)
    app.include_router(write.pages)
    app.include_router(write.api)
    app.include_router(pages.router)
    app.include_router(api.router)
    app.include_router(exports.router)

    @app.get("/healthz", tags=["health"])
    def healthz() -> dict:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        return {"status": "ok"}

    return app
