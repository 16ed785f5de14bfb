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
)


@cli.callback()
def root() -> None:
    """Dossier: quotes, estimates, actors and sources from news articles."""


@cli.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Article files (UTF-8 text, headline first)")],
    jsonl: Annotated[bool, typer.Option("--jsonl", help="One JSON object per file (CONTRACT.md)")] = False,
) -> None:
    """Print what the extractor finds in each file. Touches no database."""
    from app.extract import extract as run_extract
    from app.textfile import read_article_text

    for path in paths:
        text = read_article_text(path)
        result = run_extract(text).to_contract(path.name)
        if jsonl:
            sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
        else:
            sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
