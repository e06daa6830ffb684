"""Errors about the warehouse itself (as opposed to ``dmaf.errors.ReportError`` about one input document)."""

from __future__ import annotations


class WarehouseError(Exception):
    """Root of the warehouse's errors; the message is one line, safe to print (no credentials)."""


class ReadOnlyViolation(WarehouseError):
    """A read-only query tried to change the warehouse; nothing was changed."""


class QueryTimeout(WarehouseError):
    """A read-only query ran longer than its time limit and was interrupted."""


class QueryError(WarehouseError):
    """A read-only query was refused by the database (syntax error, unknown table, several statements)."""


class BackupError(WarehouseError):
    """A backup could not be written."""


class CannotConnect(WarehouseError):
    """The database server could not be reached or refused the login (the message names the masked URL)."""


class WarehouseMissing(WarehouseError):
    """The warehouse does not exist yet (no database file or no schema)."""
