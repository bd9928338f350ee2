"""What every entry point does first: open the database, migrate it, and seed an empty one."""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from db.engine import make_engine, make_session_factory, upgrade


def open_database(url: str | None = None, *, load_demo_if_empty: bool = True) -> sessionmaker[Session]:
    """A session factory for ``url`` (default: the configured database), migrated to the newest schema.

    With ``load_demo_if_empty`` the demo article is stored when the database has no article yet,
    so a first start shows something to review. The UI caches the result with ``st.cache_resource``.
    """
    engine = make_engine(url)
    upgrade(engine)
    session_factory = make_session_factory(engine)
    if load_demo_if_empty:
        from workbench.demo import load_demo_if_empty as load_demo

        load_demo(session_factory)
    return session_factory
