"""Loaders: normalise parsed reports and write them to the warehouse, one transaction per document."""
