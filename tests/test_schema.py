"""The migrations build the schema the models describe, on every backend."""

from sqlalchemy import inspect

from db.engine import current_revision
from db.models import Base


def test_migrations_create_every_table_and_column(engine):
    inspector = inspect(engine)
    for table in Base.metadata.sorted_tables:
        columns = {c["name"] for c in inspector.get_columns(table.name)}
        assert columns == {c.name for c in table.columns}, table.name
    assert current_revision(engine) is not None
