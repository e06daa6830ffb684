"""Specifications of the warehouse: schema, migrations, read-only queries, backups, settings."""
