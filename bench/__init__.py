"""Benchmark of dmaf's parse and ingest paths on a generated corpus (run ``python bench/run.py``)."""
