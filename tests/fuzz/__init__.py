"""Layout fuzzer for DMAF City Performance & Recommendations reports.

For each integer seed it samples one report's content (content.py) and one
layout from a grammar of variation (grammar.py), composes a format-neutral
document (compose.py) and renders it as PDF, DOCX or TXT with its truth
beside it. Entry point: tests.fuzz.build.build_fuzz.
"""
