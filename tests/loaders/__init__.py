"""Specifications of the loaders: normalisation, loading, versioning, concurrency."""
