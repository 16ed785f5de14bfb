"""The `dossier` command line: ingest, extract, reextract, migrate, serve."""

from __future__ import annotations

import json
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
            typer.echo(f"{r.status:<10} {r.name}: {r.message} ({counts})")
    loaded = sum(r.status in ("loaded", "reextracted") for r in results)
    typer.echo(f"{loaded} {'re-extracted' if any(r.status == 'reextracted' for r in results) else 'loaded'}, "
               f"{sum(r.status == 'unchanged' for r in results)} unchanged, {failed} failed", err=True)
    return 1 if failed else 0


@cli.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Article files or folders (searched recursively)")],
) -> None:
    """Load articles: each text once (loading it again changes nothing and says so)."""
    from app.config import get_settings
    from app.db import make_engine
    from app.ingest import ingest_paths
    from app.migrate import upgrade

    settings = get_settings()
    upgrade(settings.database_url)
    missing = [p for p in paths if not p.exists()]
    for p in missing:
        typer.echo(f"error      {p}: no such file or folder", err=True)
    engine = make_engine(settings.database_url)
    code = _report(ingest_paths(engine, [p for p in paths if p.exists()], settings.max_article_bytes))
    raise typer.Exit(1 if missing else code)


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
                proxy_headers=True, log_level="info")


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
