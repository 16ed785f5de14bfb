"""The `dossier` command line: ingest, extract, reextract, migrate, serve."""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path
from typing import Annotated

import typer

cli = typer.Typer(
    help="Dossier: quotes, estimates, actors and sources from news articles.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


@cli.callback()
def root() -> None:
    """Dossier: quotes, estimates, actors and sources from news articles.

    The database is DOSSIER_DATABASE_URL (default: sqlite:///./data/dossier.db).
    """


def _migrate(database_url: str) -> None:
    """Bring the schema up to date; a SQLite file already there is not handed to Alembic, which
    takes longer to import than a hundred articles take to load."""
    if not _sqlite_at_head(database_url):
        from app.migrate import upgrade

        upgrade(database_url)


_REVISION = re.compile(r"^revision\s*(?::[^=\n]*)?=\s*[\"'](\w+)[\"']\s*$", re.M)
_DOWN_REVISION = re.compile(r"^down_revision\s*(?::[^=\n]*)?=(.*)$", re.M)


def _sqlite_at_head(database_url: str) -> bool:
    """Whether a SQLite file's alembic_version is the newest revision in migrations/versions (the
    one no other revision follows). Anything unexpected answers False, and Alembic decides."""
    import sqlite3

    from sqlalchemy.engine import make_url

    from app.config import ROOT

    url = make_url(database_url)
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:" \
            or not Path(url.database).is_file():
        return False
    revisions, parents = set(), set()
    for script in (ROOT / "migrations" / "versions").glob("*.py"):
        text = script.read_text(encoding="utf-8")
        revision, down = _REVISION.findall(text), _DOWN_REVISION.findall(text)
        if len(revision) != 1 or len(down) != 1:
            return False
        revisions.add(revision[0])
        parents.update(re.findall(r"[\"'](\w+)[\"']", down[0]))
    heads = revisions - parents
    if len(heads) != 1:
        return False
    try:
        con = sqlite3.connect(f"file:{Path(url.database).resolve()}?mode=ro", uri=True)
        try:
            return con.execute("SELECT version_num FROM alembic_version").fetchall() == [(heads.pop(),)]
        finally:
            con.close()
    except sqlite3.Error:
        return False


def _report(results) -> int:  # noqa: ANN001
    """Print one line per file; the exit status is 1 when any file failed."""
    failed = 0
    for r in results:
        if r.status == "error":
            failed += 1
            typer.echo(f"error      {r.message}", err=True)
        elif r.status == "unchanged":
            typer.echo(f"unchanged  {r.name}: {r.message}, nothing to do")
        else:
            counts = ", ".join(f"{v} {k}" for k, v in r.counts.items())
            typer.echo(f"{r.status:<10} {r.name}: {r.message}" + (f" ({counts})" if counts else ""))
    loaded = sum(r.status in ("loaded", "reextracted") for r in results)
    typer.echo(f"{loaded} {'re-extracted' if any(r.status == 'reextracted' for r in results) else 'loaded'}, "
               f"{sum(r.status == 'unchanged' for r in results)} unchanged, {failed} failed", err=True)
    return 1 if failed else 0


@cli.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (searched recursively) or globs: .txt .md .html .jsonl")],
    title: Annotated[str | None, typer.Option(help="Headline (else the file's own, or its first line)")] = None,
    url: Annotated[str | None, typer.Option(help="Where the article was published")] = None,
    publisher: Annotated[str | None, typer.Option(help="The outlet: ntv.de, Yonhap, …")] = None,
    credit: Annotated[str | None, typer.Option(help="The credit line as printed: ino/AFP/dpa")] = None,
    published: Annotated[str | None, typer.Option(help="Publication date, YYYY-MM-DD")] = None,
    language: Annotated[str | None, typer.Option(help="de, en, … (else detected)")] = None,
    jobs: Annotated[int | None, typer.Option(help="Processes extracting (default: one per CPU; 1: none but this one)",
                                             min=1)] = None,
) -> None:
    """Load articles: each text once (loading it again changes nothing and says so).

    Metadata comes from the file (front matter, HTML, batch fields), a sidecar NAME.meta.json, or
    these options, which win. A bad file is reported by name and nothing of it is stored."""
    from app.config import get_settings
    from app.db import make_engine
    from app.formats import parse_meta
    from app.ingest import ingest_paths
    from app.textfile import UnreadableArticle

    options = {"title": title, "url": url, "publisher": publisher, "credit": credit, "published": published,
               "language": language}
    try:
        meta = parse_meta(options, "options")
    except UnreadableArticle as exc:
        typer.echo(f"error      {exc}", err=True)
        raise typer.Exit(2) from exc
    if "published" in meta:
        meta["date_basis"] = "given"
    settings = get_settings()
    _migrate(settings.database_url)
    engine = make_engine(settings.database_url)
    jobs = jobs or os.cpu_count() or 1
    raise typer.Exit(_report(ingest_paths(engine, paths, settings.max_article_bytes, meta, jobs)))


@cli.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Article files (UTF-8 text, headline first)")],
    jsonl: Annotated[bool, typer.Option("--jsonl", help="One JSON object per line (../shared/eval/CONTRACT.md)")] = False,
    evidence: Annotated[bool, typer.Option("--evidence", help="Every field of every item, offsets of speakers and cues too")] = False,
) -> None:
    """Print what the extractor finds in each file. Touches no database."""
    from app.extract import extract as run_extract
    from app.textfile import UnreadableArticle, read_article_text

    failed = False
    for path in paths:
        try:
            text = read_article_text(path)
        except (UnreadableArticle, OSError) as exc:
            typer.echo(f"error: {exc}", err=True)
            failed = True
            continue
        result = run_extract(text)
        data = {"file": path.name, **result.to_dict()} if evidence else result.to_contract(path.name)
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=None if jsonl else 2) + "\n")
    raise typer.Exit(1 if failed else 0)


@cli.command()
def reextract(
    force: Annotated[bool, typer.Option("--force", help="Also articles the current extractor produced")] = False,
) -> None:
    """Run the current extractor over the stored articles an older version produced."""
    from app.config import get_settings
    from app.db import make_engine
    from app.ingest import reextract as run_reextract
    from app.migrate import upgrade

    settings = get_settings()
    upgrade(settings.database_url)
    raise typer.Exit(_report(run_reextract(make_engine(settings.database_url), force=force)))


@cli.command()
def migrate() -> None:
    """Bring the database schema up to date (serve and ingest do this too)."""
    from app.config import get_settings
    from app.migrate import upgrade

    upgrade(get_settings().database_url)
    typer.echo("database is up to date")


@cli.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on")] = 8000,
    workers: Annotated[int, typer.Option(help="Worker processes")] = 1,
) -> None:
    """Migrate, load the seeds into an empty database, and serve the dashboard."""
    import uvicorn

    from app.config import get_settings
    from app.setup import prepare_database

    settings = get_settings()
    for r in prepare_database(settings):
        typer.echo(f"seed {r.status}: {r.name} {r.message}", err=True)
    typer.echo(f"Dossier on http://{host}:{port} (database {settings.database_url})", err=True)
    uvicorn.run("app.web.app:create_app", factory=True, host=host, port=port, workers=workers,
                proxy_headers=True, log_level="info", access_log=False)  # app.web.logs logs each request


@cli.command("demo-corpus")
def demo_corpus(
    articles: Annotated[int, typer.Option(help="How many articles", min=1)] = 1000,
    out: Annotated[str | None, typer.Option(help="SQLite file or database URL (else DOSSIER_DATABASE_URL)")] = None,
    seed: Annotated[int, typer.Option(help="Another seed, another corpus")] = 20250209,
    start: Annotated[int, typer.Option(help="First article number (to add to a corpus already built)", min=0)] = 0,
    jobs: Annotated[int | None, typer.Option(help="Processes extracting (default: one per CPU)", min=1)] = None,
) -> None:
    """Build a demo database: N articles recombined and varied from seeds/, loaded through the real
    ingest path (extraction included). Article i depends only on (seed, i)."""
    import time
    from itertools import islice

    from sqlalchemy import text

    from app.config import get_settings
    from app.db import make_engine
    from app.democorpus import demo_articles
    from app.ingest import ingest_items
    from app.migrate import upgrade

    url = out if out and "://" in out else f"sqlite:///{Path(out).resolve()}" if out else get_settings().database_url
    upgrade(url)
    engine = make_engine(url)
    began = last = time.perf_counter()
    status: dict[str, int] = {}
    generated, done = demo_articles(articles, seed, start), 0
    while chunk := list(islice(generated, 1000)):  # progress every 1,000; stored in batches, extracted by workers
        for result in ingest_items(engine, chunk, jobs or os.cpu_count() or 1):
            key = "linked" if result.duplicate_of else result.status
            status[key] = status.get(key, 0) + 1
        done += len(chunk)
        now = time.perf_counter()
        typer.echo(f"{done:>8} articles  {len(chunk) / (now - last):7.1f}/s now  {done / (now - began):7.1f}/s overall",
                   err=True)
        last = now
    with engine.begin() as conn:
        conn.execute(text("ANALYZE"))  # statistics for the query planner
    engine.dispose()
    seconds = time.perf_counter() - began
    typer.echo(f"{articles} articles in {seconds:.1f} s ({articles / seconds:.1f}/s): "
               + ", ".join(f"{v} {k}" for k, v in sorted(status.items())) + f"; database {url}")


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
