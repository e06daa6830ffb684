"""The warehouse's public views: SQL that runs unchanged on SQLite and PostgreSQL.

The view names and columns are the contract that users, notebooks and ``dmaf sql`` rely on. Views are
created by migrations only. Each schema generation keeps its own frozen mapping (``VIEWS_V1`` ...), so an
old revision keeps creating the views it created; a revision that changes a view adds ``VIEWS_V2``.
"""

from __future__ import annotations

_CURRENT_VERSION_JOINS = """
FROM indicator_score s
JOIN report_version v ON v.id = s.report_version_id
JOIN report r ON r.id = v.report_id
JOIN city c ON c.id = r.city_id
JOIN source_file f ON f.id = v.source_file_id"""


def _provenance(column: str) -> str:
    """Return the score's provenance column, or the heading's when the score has no location."""
    return (
        f"CASE WHEN s.score_location IS NOT NULL THEN s.score_{column} ELSE s.heading_{column} END"
        f" AS {column}"
    )


VIEWS_V1: dict[str, str] = {
    "indicator_scores": f"""
SELECT c.name AS city, c.state AS state, r.cycle_no AS cycle,
       COALESCE(v.cycle_label, cy.label) AS cycle_label,
       i.pillar_no AS pillar_no, p.name AS pillar, s.code AS indicator_code,
       COALESCE(i.title, s.title) AS indicator_title, s.score AS score,
       COALESCE(s.max_score, i.max_score) AS max_score, s.recommendation AS recommendation,
       f.path AS source_file{_CURRENT_VERSION_JOINS}
JOIN cycle cy ON cy.cycle_no = r.cycle_no
JOIN indicator i ON i.id = s.indicator_id
JOIN pillar p ON p.id = i.pillar_id
WHERE v.is_current""",
    "pillar_scores": """
SELECT city, state, cycle, pillar_no, pillar,
       SUM(COALESCE(score, 0)) AS score, SUM(max_score) AS max_score
FROM indicator_scores
GROUP BY city, state, cycle, pillar_no, pillar""",
    "city_scores": """
SELECT city, state, cycle, SUM(COALESCE(score, 0)) AS score, SUM(max_score) AS max_score
FROM indicator_scores
GROUP BY city, state, cycle""",
    "source_documents": """
SELECT f.path AS path, f.sha256 AS sha256, f.format AS format,
       CASE WHEN f.status = 'duplicate' THEN 'skipped' ELSE f.status END AS status,
       CASE WHEN f.status = 'duplicate' THEN 'duplicate of ' || f.duplicate_of ELSE f.error END AS error,
       f.processed_at AS loaded_at
FROM source_file f""",
    "score_provenance": f"""
SELECT c.name AS city, r.cycle_no AS cycle, s.code AS indicator_code, s.score AS score,
       f.path AS source_file, v.format AS format,
       {_provenance("page")}, {_provenance("x0")}, {_provenance("top")},
       {_provenance("x1")}, {_provenance("bottom")}, {_provenance("line")},
       {_provenance("location")}, s.score_method AS score_method{_CURRENT_VERSION_JOINS}
WHERE v.is_current""",
    "report_versions": """
SELECT c.name AS city, r.cycle_no AS cycle, v.sha256 AS sha256, f.path AS source_file,
       v.loaded_at AS loaded_at, v.is_current AS is_current, v.current_reason AS current_reason
FROM report_version v
JOIN report r ON r.id = v.report_id
JOIN city c ON c.id = r.city_id
JOIN source_file f ON f.id = v.source_file_id""",
    "parse_warnings": """
SELECT f.path AS source_file, c.name AS city, r.cycle_no AS cycle, w.code AS code,
       w.message AS message, w.indicator AS indicator, w.location AS location
FROM parse_warning w
JOIN report_version v ON v.id = w.report_version_id
JOIN report r ON r.id = v.report_id
JOIN city c ON c.id = r.city_id
JOIN source_file f ON f.id = v.source_file_id
WHERE v.is_current""",
}

VIEWS = VIEWS_V1
"""The views of the newest schema, in creation order (later views read earlier ones)."""


def create_statements(views: dict[str, str]) -> list[str]:
    """Return ``CREATE VIEW`` statements in dependency order."""
    return [f"CREATE VIEW {name} AS{select}" for name, select in views.items()]


def drop_statements(views: dict[str, str]) -> list[str]:
    """Return ``DROP VIEW`` statements in reverse dependency order."""
    return [f"DROP VIEW IF EXISTS {name}" for name in reversed(list(views))]
