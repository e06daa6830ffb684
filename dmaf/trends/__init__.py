"""Trend analysis over the warehouse views: queries, charts, a static HTML report and file exports.

Everything reads the warehouse through a read-only engine; nothing here writes to the database.
"""
