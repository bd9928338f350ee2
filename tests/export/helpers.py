"""What the database says about a quote, read independently of the export code, for round trips."""

from __future__ import annotations

import io

from db.models import Quote
from workbench.export import build_options, write_export
from workbench.verdicts import verdict_for


def export(sessions, format_name: str, **filters) -> bytes:
    with sessions() as session:
        out = io.BytesIO()
        write_export(session, format_name, build_options(session, **filters), out)
        return out.getvalue()


def stored(sessions, quote_id: int) -> dict:
    """The stored fields every sheet must carry unchanged."""
    with sessions() as session:
        quote = session.get(Quote, quote_id)
        article = quote.article
        verdict = verdict_for(quote.verdict)
        return {
            "quote": quote.text,
            "speaker": quote.speaker.name if quote.speaker else quote.extracted_speaker,
            "kind": quote.kind,
            "attribution": quote.attribution,
            "verdict": quote.verdict,
            "verdict_label": verdict.label if verdict else None,
            "verdict_rating": verdict.rating if verdict else None,
            "follow_up_status": quote.follow_up_status,
            "follow_up_summary": quote.follow_up_summary,
            "notes": quote.notes,
            "evidence_links": list(quote.evidence_links),
            "reviewed_by": quote.reviewed_by,
            "reviewed_at": quote.reviewed_at,
            "article_title": article.title,
            "publisher": article.publisher,
            "original_source": article.original_source,
            "article_url": article.url,
            "article_date": article.published,
            "quote_id": quote.id,
            "article_id": article.id,
        }
