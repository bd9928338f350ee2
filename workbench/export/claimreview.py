"""ClaimReview JSON-LD (schema.org): one object per exported quote that has a verdict.

The review's ``url`` is the organisation's address (``WORKBENCH_ORG_URL``) with ``#quote-<id>``;
point that setting at the page where the reviews are published. The output is a JSON array in
which ``<``, ``>`` and ``&`` are written as ``\\u003c``..., so it can be pasted into a
``<script type="application/ld+json">`` tag as is.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import BinaryIO

from workbench.export.escaping import script_safe_json
from workbench.export.meta import ExportMeta
from workbench.export.rows import ExportRow
from workbench.verdicts import BEST_RATING, WORST_RATING


def _without_empty(mapping: dict) -> dict:
    return {key: value for key, value in mapping.items() if value not in (None, "", {}, [])}


def claim_review(row: ExportRow, meta: ExportMeta) -> dict:
    org_name, org_url = meta.organisation
    reviewed_on = (row.reviewed_at or meta.exported_at).date().isoformat()
    author = None
    if row.speaker:
        author = _without_empty({"@type": "Person", "name": row.speaker, "jobTitle": row.speaker_role})
    appearance = _without_empty(
        {
            "@type": "CreativeWork",
            "url": row.article_url,
            "headline": row.article_title,
            "datePublished": row.article_date.isoformat() if row.article_date else None,
            "publisher": {"@type": "Organization", "name": row.publisher} if row.publisher else None,
        }
    )
    claim = _without_empty(
        {
            "@type": "Claim",
            "author": author,
            "datePublished": row.article_date.isoformat() if row.article_date else None,
            "appearance": appearance if row.article_url else None,
        }
    )
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": f"{org_url}#quote-{row.quote_id}",
        "claimReviewed": row.quote,
        "itemReviewed": claim,
        "author": {"@type": "Organization", "name": org_name, "url": org_url},
        "datePublished": reviewed_on,
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": row.verdict_rating,
            "bestRating": BEST_RATING,
            "worstRating": WORST_RATING,
            "alternateName": row.verdict_label,
        },
    }


def write(rows: Iterable[ExportRow], meta: ExportMeta, out: BinaryIO) -> int:
    """A JSON array of ClaimReview objects, written one object at a time."""
    count = 0
    out.write(b"[")
    for row in rows:
        if row.verdict_rating is None:
            continue
        out.write((",\n" if count else "\n").encode() + script_safe_json(claim_review(row, meta)).encode("utf-8"))
        count += 1
    out.write(b"\n]\n")
    return count
