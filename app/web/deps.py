"""Dependencies shared by the routes: the session, the settings, htmx detection, rendering."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request
from fastapi.responses import HTMLResponse
from jinja2_fragments.fastapi import Jinja2Blocks
from sqlmodel import Session

from app.cite import cite_quote
from app.config import Settings
from app.filters import QUALIFIER_WORDS
from app.web import auth
from app.web import format as fmt


def get_session(request: Request) -> Iterator[Session]:
    with Session(request.app.state.engine) as session:
        yield session


def get_settings_dep(request: Request) -> Settings:
    return request.app.state.settings


SessionDep = Annotated[Session, Depends(get_session)]
SettingsDep = Annotated[Settings, Depends(get_settings_dep)]


def wants_fragment(request: Request) -> bool:
    """An htmx request for the results only; a history restore gets the whole page."""
    return request.headers.get("HX-Request") == "true" and request.headers.get("HX-History-Restore-Request") != "true"


def templates_for(settings: Settings) -> Jinja2Blocks:
    templates = Jinja2Blocks(directory=str(settings.templates_dir))
    env = templates.env
    env.globals["qualifier_words"] = QUALIFIER_WORDS
    env.filters["number"] = fmt.number
    env.filters["figure"] = fmt.figure
    env.filters["day"] = fmt.day
    env.filters["highlight_article"] = fmt.highlight_article
    env.globals["cite_quote"] = cite_quote
    env.globals["current_writer"] = auth.current_writer
    env.globals["csrf_token"] = auth.csrf_token
    return templates


def render(request: Request, template: str, context: dict, block: str = "results", status_code: int = 200) -> HTMLResponse:
    """The whole page, or only its `block` when htmx asks; Vary tells caches the two apart.

    When something other than the filter form asked (a facet, a chip, the pager), the form comes
    along out of band, so that its fields show the filters now in force.
    """
    templates: Jinja2Blocks = request.app.state.templates
    context = {"request": request, **context}
    present = templates.env.get_template(template).blocks  # a page without the block is sent whole
    if wants_fragment(request) and block in present:
        blocks = [block]
        if block == "results" and request.headers.get("HX-Trigger") != "filters" and "filters" in present:
            blocks.append("filters")
            context["oob"] = True
        response = templates.TemplateResponse(request, template, context, block_names=blocks, status_code=status_code)
    else:
        response = templates.TemplateResponse(request, template, context, status_code=status_code)
    response.headers["Vary"] = "HX-Request"
    return response
