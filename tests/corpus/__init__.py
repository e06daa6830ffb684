"""A code-generated corpus of DMAF report fixtures (TXT, DOCX, PDF) with expected content.

``spec`` says what a report contains, ``elements`` how a layout arranges it, ``render_*`` how
each format draws it, and ``build`` renders the whole corpus; see README.md.
"""
