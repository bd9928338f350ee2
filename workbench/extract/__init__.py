"""Extraction: article text in, quotes, speakers, follow-ups and metadata out. Pure: no I/O.

from workbench.extract import extract
article = extract(text, lang="auto")
"""

from workbench.extract.models import ExtractedArticle, FollowUp, Person, Quote
from workbench.extract.pipeline import EXTRACTOR_VERSION, extract

__all__ = ["EXTRACTOR_VERSION", "ExtractedArticle", "FollowUp", "Person", "Quote", "extract"]
