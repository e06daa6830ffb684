"""The SQL warehouse: SQLModel tables, Alembic migrations, views and database helpers."""
