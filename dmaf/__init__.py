"""dmaf: DMAF city assessment reports into a SQL warehouse."""

__version__ = "0.1.0"
