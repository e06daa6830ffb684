"""Alembic migrations of the warehouse (run through ``warehouse.db.upgrade``)."""
