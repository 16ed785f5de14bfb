"""A citation an analyst can paste: who, the words, through whom, where and when, and the link."""

from __future__ import annotations


def quote_link(base_url: str, article_id: int, start: int) -> str:
    """A link that survives re-extraction: the anchor is the quote's offset in the text."""
    return f"{base_url.rstrip('/')}/articles/{article_id}#q-{start}"


def cite_quote(row, base_url: str) -> str:  # noqa: ANN001  (a queries.QuoteRow)
    q, a = row.quote, row.article
    speaker = row.speaker.name if row.speaker else (q.speaker_text or "Unknown speaker")
    words = f"„{q.text}“" if q.kind == "direct" else f"(reported) {q.text}"
    via = f" (via {', '.join(v.name for v in row.via)})" if row.via else ""
    outlet = a.publisher or (f"credit: {a.credit}" if a.credit else "outlet unknown")
    when = a.published.isoformat() if a.published else "undated"
    where = a.url or quote_link(base_url, a.id, q.start)
    return f"{speaker}: {words}{via}. {outlet}, {when}: “{a.title}”. {where}"
