"""Command-line options that several commands share, each defined and documented once."""

from __future__ import annotations

from typing import Any

import typer

DB_HELP = "Database URL (default: $DMAF_DATABASE_URL, else SQLite at warehouse/dmaf.db)."


def db_option(extra_help: str = "") -> Any:
    """``--db URL``."""
    return typer.Option(None, "--db", help=DB_HELP + extra_help)


def workers_option() -> Any:
    """``--workers N``: parse processes."""
    return typer.Option(None, "--workers", min=0, help="Parse processes (default: one per core; 0 = in-process).")


def pdf_password_option() -> Any:
    """``--pdf-password``."""
    return typer.Option(None, "--pdf-password", help="Password for encrypted PDFs.")


def max_mb_option() -> Any:
    """``--max-mb``: the size limit per file."""
    return typer.Option(100.0, "--max-mb", help="Refuse files larger than this (MB).")


def timeout_option() -> Any:
    """``--timeout``: the wall-time limit per document."""
    return typer.Option(120.0, "--timeout", help="Wall-time limit per document (s).")


def memory_mb_option() -> Any:
    """``--memory-mb``: the memory limit per parse process."""
    return typer.Option(2048, "--memory-mb", help="Memory limit per parse process (MB).")
