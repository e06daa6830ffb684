"""Prefect flows: thin wiring of discover → parse (batched, process pool) → normalise → load."""
