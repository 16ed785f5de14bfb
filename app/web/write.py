"""Writing: adding articles and correcting what the extractor got wrong, through forms (signed in,
CSRF-checked) and the JSON API (Bearer token). Routes stay thin: app.ingest and app.corrections
do the work; every refusal is a 4xx with a message that says what to do."""

from __future__ import annotations

from typing import Annotated, Literal
from urllib.parse import urlsplit

from fastapi import APIRouter, Depends, File, Form, HTTPException, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from pydantic import BaseModel, Field
from sqlmodel import Session, func, select
from starlette.concurrency import run_in_threadpool

from app import corrections as fix
from app.formats import BATCH_FACTOR, ArticleInput, parse_bytes, parse_meta, with_meta
from app.ingest import IngestResult, ingest_items, rebuild_articles
from app.models import Actor, Correction
from app.queries import resolve_actor
from app.textfile import UnreadableArticle
from app.web.auth import FormWriterDep, WriterDep, check_csrf, csrf_token, token_matches
from app.web.deps import SessionDep, SettingsDep, render

pages = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api", tags=["writing"])
META = ("title", "url", "publisher", "credit", "published", "language")


def local_path(target: str | None, default: str = "/") -> str:
    """Only a path on this site may be a redirect target."""
    if not target or not target.startswith("/") or target.startswith("//") or urlsplit(target).netloc:
        return default
    return target


def see_other(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


# --- signing in ------------------------------------------------------------------------------------


@pages.get("/signin", response_class=HTMLResponse)
def signin_form(request: Request, settings: SettingsDep, next: str = "/"):  # noqa: A002
    context = {"next": local_path(next), "read_only": not settings.ingest_token, "csrf": csrf_token(request),
               "nav": "signin"}
    return render(request, "signin.html", context, block="content")


@pages.post("/signin", response_class=HTMLResponse, dependencies=[Depends(check_csrf)])
def signin(request: Request, settings: SettingsDep, analyst: Annotated[str, Form(max_length=80)],
           token: Annotated[str, Form(max_length=500)], next: Annotated[str, Form()] = "/"):  # noqa: A002
    if not settings.ingest_token:
        raise HTTPException(403, "This Dossier is read-only: no DOSSIER_INGEST_TOKEN is configured on the server.")
    if not token_matches(settings, token) or not analyst.strip():
        context = {"next": local_path(next), "read_only": False, "csrf": csrf_token(request), "nav": "signin",
                   "error": "That token is not right, or the name is empty."}
        return render(request, "signin.html", context, block="content", status_code=401)
    request.session.clear()
    request.session["analyst"] = analyst.strip()
    csrf_token(request)
    return see_other(local_path(next))


@pages.post("/signout", dependencies=[Depends(check_csrf)])
def signout(request: Request):
    request.session.clear()
    return see_other("/")


# --- adding articles -------------------------------------------------------------------------------


def _results_status(results: list[IngestResult]) -> int:
    if results and all(r.status == "error" for r in results):
        return 422
    return 201 if any(r.status == "loaded" for r in results) else 200


def _form_items(text: str | None, upload: UploadFile | None, meta: dict, max_bytes: int) -> list:
    """What the form or the multipart request brought: pasted text, or an uploaded file."""
    items: list = []
    if upload is not None and upload.filename:
        data = upload.file.read(max_bytes * BATCH_FACTOR + 1)
        items = parse_bytes(data, upload.filename, max_bytes)
    elif text and text.strip():
        if len(text.encode("utf-8")) > max_bytes:
            raise UnreadableArticle(f"pasted text: over the limit of {max_bytes} bytes")
        items = [ArticleInput(body=text.replace("\r\n", "\n"), file_name="pasted text", origin="form")]
    else:
        raise UnreadableArticle("Give the article's text, or a file (.txt, .md, .html, .jsonl).")
    return [with_meta(i, meta) if isinstance(i, ArticleInput) else i for i in items]


def _meta_from(fields: dict) -> dict:
    meta = parse_meta(fields, "metadata")
    if "published" in meta:
        meta["date_basis"] = "given"
    return meta


@pages.get("/articles/new", response_class=HTMLResponse)
def new_article_form(request: Request, writer: FormWriterDep):
    return render(request, "article_new.html", {"csrf": csrf_token(request), "writer": writer, "nav": "articles"},
                  block="content")


@pages.post("/articles/new", response_class=HTMLResponse, dependencies=[Depends(check_csrf)])
def new_article(request: Request, settings: SettingsDep, writer: FormWriterDep,
                text: Annotated[str | None, Form()] = None, file: Annotated[UploadFile | None, File()] = None,
                title: Annotated[str | None, Form()] = None, url: Annotated[str | None, Form()] = None,
                publisher: Annotated[str | None, Form()] = None, credit: Annotated[str | None, Form()] = None,
                published: Annotated[str | None, Form()] = None, language: Annotated[str | None, Form()] = None):
    fields = {"title": title, "url": url, "publisher": publisher, "credit": credit, "published": published,
              "language": language}
    try:
        items = _form_items(text, file, _meta_from(fields), settings.max_article_bytes)
        results = ingest_items(request.app.state.engine, items)
    except UnreadableArticle as exc:
        results = [IngestResult("article", "error", message=str(exc))]
    status = _results_status(results)
    if status != 422 and len(results) == 1:
        return see_other(f"/articles/{results[0].article_id}")
    return render(request, "ingest_result.html", {"results": results, "nav": "articles", "writer": writer},
                  block="content", status_code=status if status == 422 else 200)


class ArticleIn(BaseModel):
    body: str = Field(min_length=1, description="The article's text, headline first")
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    credit: str | None = None
    published: str | None = Field(None, description="YYYY-MM-DD")
    language: str | None = None


class IngestOut(BaseModel):
    name: str
    status: Literal["loaded", "unchanged", "error"]
    article_id: int | None
    message: str
    duplicate_of: int | None = None


class IngestResponse(BaseModel):
    results: list[IngestOut]


ARTICLE_BODY = {
    "requestBody": {
        "content": {
            "application/json": {"schema": ArticleIn.model_json_schema()},
            "multipart/form-data": {"schema": {"type": "object", "properties": {
                "file": {"type": "string", "format": "binary"}, **{k: {"type": "string"} for k in META}}}},
        },
        "required": True,
    }
}


@api.post("/articles", response_model=IngestResponse, status_code=201, openapi_extra=ARTICLE_BODY,
          responses={200: {"description": "Already loaded: the existing article"}, 401: {}, 403: {}, 413: {}, 422: {}})
async def api_add_article(request: Request, settings: SettingsDep, writer: WriterDep):
    """Load an article (JSON), or the articles of an uploaded file (multipart: `file` plus metadata)."""
    try:
        if request.headers.get("content-type", "").startswith("multipart/form-data"):
            form = await request.form()
            upload = form.get("file")
            meta = _meta_from({k: form.get(k) for k in META if isinstance(form.get(k), str)})
            items = _form_items(form.get("text") if isinstance(form.get("text"), str) else None,
                                upload if hasattr(upload, "filename") else None, meta, settings.max_article_bytes)
        else:
            try:
                data = ArticleIn.model_validate_json(await request.body())
            except ValueError as exc:
                raise HTTPException(422, f"Send a JSON object with the article's text as \"body\" ({exc.__class__.__name__}).") from exc
            if len(data.body.encode("utf-8")) > settings.max_article_bytes:
                raise HTTPException(413, f"The text is over the limit of {settings.max_article_bytes} bytes.")
            meta = _meta_from(data.model_dump(exclude={"body"}))
            items = [ArticleInput(body=data.body.replace("\r\n", "\n"), file_name="posted article", origin="api", **meta)]
    except UnreadableArticle as exc:
        status = 413 if "over the limit" in str(exc) else 422
        raise HTTPException(status, str(exc)) from exc
    results = await run_in_threadpool(ingest_items, request.app.state.engine, items)
    status = _results_status(results)
    if status == 422 and len(results) == 1:
        raise HTTPException(422, results[0].message)
    body = IngestResponse(results=[IngestOut(name=r.name, status=r.status, article_id=r.article_id, message=r.message,
                                             duplicate_of=r.duplicate_of) for r in results])
    return JSONResponse(body.model_dump(), status_code=status)


# --- corrections -----------------------------------------------------------------------------------


def _actor_ref(session: Session, value: str | None) -> int | None:
    if value is None or not value.strip():
        return None
    actor = resolve_actor(session, value)
    if actor is None:
        raise fix.CorrectionError(f"No actor is named “{value}”: add the name as an alias first, or pick another.")
    return actor.id


def _commit_or_422(session: Session, action):  # noqa: ANN001, ANN202
    try:
        result = action()
        session.commit()
        return result
    except fix.CorrectionError as exc:
        session.rollback()
        raise HTTPException(404 if isinstance(exc, fix.NotFound) else 422, str(exc)) from exc


class QuoteFix(BaseModel):
    speaker: str | None = Field(None, description="The right speaker: actor id, name or alias")
    not_a_quote: bool = False
    note: str | None = Field(None, max_length=1000)


class EstimateFix(BaseModel):
    value: float | None = Field(None, ge=0)
    value_max: float | None = Field(None, ge=0)
    qualifier: str | None = None
    sources: list[str] | None = Field(None, description="Who gives the figure: actor ids, names or aliases")
    reject: bool = False
    note: str | None = Field(None, max_length=1000)


class ActorFix(BaseModel):
    name: str | None = Field(None, max_length=300, description="A new canonical name")
    kind: Literal["person", "state", "organization", "media"] | None = None
    role: str | None = Field(None, max_length=300)
    alias: str | None = Field(None, max_length=300, description="Another spelling to add")
    merge_into: str | None = Field(None, description="Merge this actor into that one (id, name or alias)")
    note: str | None = Field(None, max_length=1000)


class CorrectionOut(BaseModel):
    id: int
    target: str
    action: str
    article_id: int | None
    actor_id: int | None
    span: str | None
    before: dict
    after: dict
    note: str | None
    analyst: str
    created_at: str
    undone_at: str | None
    undone_by: str | None

    @classmethod
    def of(cls, c: Correction) -> CorrectionOut:
        data = {name: getattr(c, name) for name in cls.model_fields}  # getattr loads expired attributes
        return cls(**{**data, "created_at": c.created_at.isoformat(),
                      "undone_at": c.undone_at.isoformat() if c.undone_at else None})


def fix_quote(session: Session, quote_id: int, body: QuoteFix, analyst: str) -> list[Correction]:
    speaker_id = _actor_ref(session, body.speaker)
    return [fix.correct_quote(session, quote_id, analyst, speaker_id=speaker_id, not_a_quote=body.not_a_quote,
                              note=body.note)]


def fix_estimate(session: Session, estimate_id: int, body: EstimateFix, analyst: str) -> list[Correction]:
    sources = None if body.sources is None else [_actor_ref(session, s) for s in body.sources if s.strip()]
    return fix.correct_estimate(session, estimate_id, analyst, value=body.value, value_max=body.value_max,
                                qualifier=body.qualifier, source_ids=sources, reject=body.reject, note=body.note)


def fix_actor(session: Session, actor_id: int, body: ActorFix, analyst: str) -> list[Correction]:
    made: list[Correction] = []
    if body.merge_into:
        into = _actor_ref(session, body.merge_into)
        return [fix.merge_actors(session, actor_id, into, analyst, body.note)]
    if body.name and body.name.strip():
        actor = session.get(Actor, actor_id)
        if actor is not None and actor.name != body.name.strip():
            made.append(fix.rename_actor(session, actor_id, body.name, analyst, body.note))
    if body.alias and body.alias.strip():
        made.append(fix.add_alias(session, actor_id, body.alias, analyst, body.note))
    if body.kind is not None or body.role is not None:
        actor = session.get(Actor, actor_id)
        kind = body.kind if actor is None or body.kind != actor.kind else None
        role = body.role if actor is None or (body.role or "") != (actor.role or "") else None
        if kind is not None or role is not None:
            made += fix.set_actor_fields(session, actor_id, analyst, kind=kind, role=role, note=body.note)
    if not made:
        raise fix.CorrectionError("Nothing to change: give a new name, kind, role, alias, or an actor to merge into.")
    return made


def undo_correction(session: Session, correction_id: int, analyst: str) -> Correction:
    return fix.undo(session, correction_id, analyst, rebuild_articles)


@api.post("/quotes/{quote_id}/corrections", response_model=list[CorrectionOut], status_code=201)
def api_fix_quote(quote_id: int, body: QuoteFix, session: SessionDep, writer: WriterDep):
    """Change a quote's speaker, or mark it as not a quote."""
    made = _commit_or_422(session, lambda: fix_quote(session, quote_id, body, writer.analyst))
    return [CorrectionOut.of(c) for c in made]


@api.post("/estimates/{estimate_id}/corrections", response_model=list[CorrectionOut], status_code=201)
def api_fix_estimate(estimate_id: int, body: EstimateFix, session: SessionDep, writer: WriterDep):
    """Fix an estimate's figure, qualifier or attribution, or reject it."""
    made = _commit_or_422(session, lambda: fix_estimate(session, estimate_id, body, writer.analyst))
    return [CorrectionOut.of(c) for c in made]


@api.post("/actors/{actor_id}/corrections", response_model=list[CorrectionOut], status_code=201)
def api_fix_actor(actor_id: int, body: ActorFix, session: SessionDep, writer: WriterDep):
    """Rename an actor, change its kind or role, add an alias, or merge it into another."""
    made = _commit_or_422(session, lambda: fix_actor(session, actor_id, body, writer.analyst))
    return [CorrectionOut.of(c) for c in made]


@api.post("/corrections/{correction_id}/undo", response_model=CorrectionOut)
def api_undo(correction_id: int, session: SessionDep, writer: WriterDep):
    """Undo a correction: what it changed is restored (re-extracting where needed)."""
    return CorrectionOut.of(_commit_or_422(session, lambda: undo_correction(session, correction_id, writer.analyst)))


@api.get("/corrections", response_model=list[CorrectionOut], tags=["writing"])
def api_corrections(session: SessionDep, limit: Annotated[int, Query(ge=1, le=1000)] = 100,
                    offset: Annotated[int, Query(ge=0, le=1_000_000_000)] = 0):
    """The audit trail, newest first (reading needs no token)."""
    rows = session.exec(select(Correction).order_by(Correction.id.desc()).offset(offset).limit(limit)).all()
    return [CorrectionOut.of(c) for c in rows]


def _form_fix(request: Request, session: Session, action, back: str):  # noqa: ANN001, ANN202
    try:
        action()
        session.commit()
    except fix.CorrectionError as exc:
        session.rollback()
        return render(request, "error.html", {"title": "This correction cannot be made", "messages": [str(exc)],
                                              "back": back}, block="content",
                      status_code=404 if isinstance(exc, fix.NotFound) else 422)
    return see_other(back)


@pages.post("/quotes/{quote_id}/correct", dependencies=[Depends(check_csrf)])
def form_fix_quote(request: Request, quote_id: int, session: SessionDep, writer: FormWriterDep,
                   speaker: Annotated[str | None, Form()] = None, not_a_quote: Annotated[bool, Form()] = False,
                   note: Annotated[str | None, Form(max_length=1000)] = None, back: Annotated[str, Form()] = "/quotes"):
    body = QuoteFix(speaker=speaker, not_a_quote=not_a_quote, note=note)
    return _form_fix(request, session, lambda: fix_quote(session, quote_id, body, writer.analyst), local_path(back))


@pages.post("/estimates/{estimate_id}/correct", dependencies=[Depends(check_csrf)])
def form_fix_estimate(request: Request, estimate_id: int, session: SessionDep, writer: FormWriterDep,
                      value: Annotated[float | None, Form(ge=0)] = None, value_max: Annotated[float | None, Form(ge=0)] = None,
                      qualifier: Annotated[str | None, Form()] = None, sources: Annotated[str | None, Form()] = None,
                      reject: Annotated[bool, Form()] = False, note: Annotated[str | None, Form(max_length=1000)] = None,
                      back: Annotated[str, Form()] = "/estimates"):
    names = None if sources is None or not sources.strip() else [s for s in sources.split(";")]
    body = EstimateFix(value=value, value_max=value_max, qualifier=qualifier or None, sources=names, reject=reject,
                       note=note)
    return _form_fix(request, session, lambda: fix_estimate(session, estimate_id, body, writer.analyst),
                     local_path(back))


@pages.post("/actors/{actor_id}/correct", dependencies=[Depends(check_csrf)])
def form_fix_actor(request: Request, actor_id: int, session: SessionDep, writer: FormWriterDep,
                   name: Annotated[str | None, Form(max_length=300)] = None, kind: Annotated[str | None, Form()] = None,
                   role: Annotated[str | None, Form(max_length=300)] = None,
                   alias: Annotated[str | None, Form(max_length=300)] = None,
                   merge_into: Annotated[str | None, Form()] = None,
                   note: Annotated[str | None, Form(max_length=1000)] = None):
    try:
        body = ActorFix(name=name or None, kind=kind or None, role=role, alias=alias or None,
                        merge_into=merge_into or None, note=note)
    except ValueError as exc:
        raise HTTPException(422, f"Kind must be person, state, organization or media ({exc.__class__.__name__}).") from exc
    back = f"/actors/{actor_id}"
    if body.merge_into:
        into = resolve_actor(session, body.merge_into)
        back = f"/actors/{into.id}" if into else back
    return _form_fix(request, session, lambda: fix_actor(session, actor_id, body, writer.analyst), back)


@pages.post("/corrections/{correction_id}/undo", dependencies=[Depends(check_csrf)])
def form_undo(request: Request, correction_id: int, session: SessionDep, writer: FormWriterDep):
    return _form_fix(request, session, lambda: undo_correction(session, correction_id, writer.analyst), "/audit")


@pages.get("/audit", response_class=HTMLResponse)
def audit(request: Request, session: SessionDep, page: Annotated[int, Query(ge=1, le=100_000)] = 1):
    size = 50
    total = session.exec(select(func.count()).select_from(Correction)).one()
    rows = session.exec(select(Correction).order_by(Correction.id.desc()).offset((page - 1) * size).limit(size)).all()
    actors = {a.id: a for a in session.exec(select(Actor).where(Actor.id.in_({c.actor_id for c in rows if c.actor_id})))}
    return render(request, "audit.html", {"rows": rows, "actors": actors, "total": total, "page": page,
                                          "pages": max(1, -(-total // size)), "nav": "audit"}, block="content")
