"""Storage: typed SQLAlchemy models, engine/session setup from one URL, Alembic migrations."""
