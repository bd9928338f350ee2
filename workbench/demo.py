"""The demo article: a real Indonesian news story shipped in ``workbench/demo_data``."""

from __future__ import annotations

import logging
from importlib import resources

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from db.models import Article
from workbench.sources import ArticleInput

DEMO_FILE = "suarakaltim-nasdem-bontang.txt"
DEMO_ID = "suarakaltim-nasdem-bontang"
DEMO_TITLE = "Bakhtiar Wakkang kecewa dengan pengurus NasDem Bontang"

logger = logging.getLogger(__name__)


def demo_article() -> ArticleInput:
    text = resources.files("workbench").joinpath("demo_data", DEMO_FILE).read_text(encoding="utf-8")
    return ArticleInput(text=text, id=DEMO_ID, title=DEMO_TITLE, lang="id", source=f"demo:{DEMO_FILE}")


def load_demo(session: Session):
    """Store the demo article (``unchanged`` when it is already there); returns the IngestResult."""
    from workbench.ingest import ingest_article

    return ingest_article(session, demo_article())


def database_is_empty(session: Session) -> bool:
    return session.scalar(select(Article.id).limit(1)) is None


def load_demo_if_empty(session_factory: sessionmaker[Session]) -> bool:
    """Load the demo when no article is stored yet; True when it was loaded now."""
    try:
        with session_factory.begin() as session:
            if not database_is_empty(session):
                return False
            load_demo(session)
            return True
    except IntegrityError:
        # Another process (a second app tab starting) stored it at the same moment.
        return False
    except Exception:  # noqa: BLE001 - a demo that cannot load must not keep the app from opening
        logger.exception("The demo article could not be loaded; the database is left empty.")
        return False
