"""The warehouse's public views as the newest schema has them: SQL that runs unchanged on SQLite and PostgreSQL.

The view names and columns are the contract that users, notebooks and ``dmaf sql`` rely on. Views are
created by migrations only, and each migration carries its own frozen copy of the SQL it runs
(``warehouse/migrations/versions``); this module is the live description the code reads (``VIEWS``: names
in creation order). ``tests/warehouse/test_migrations.py`` fails when the two differ: changing a view here
means adding a revision that creates the new text.
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


def _stats(source: str, group: str, value: str = "score", where: str = "") -> str:
    """Return a portable SELECT of n, average, median, min, max and stddev of ``value`` per ``group``.

    The median is the mean of the middle one or two values by ``ROW_NUMBER`` (integer division gives both
    middle positions), since SQLite has no median and PostgreSQL's ``percentile_cont`` is not portable; the
    standard deviation is the sample one (n - 1; NULL for one value), as PostgreSQL's ``stddev``.
    """
    return f"""
WITH ranked AS (
    SELECT {group}, {value} AS value, max_score,
           ROW_NUMBER() OVER (PARTITION BY {group} ORDER BY {value}) AS rn,
           COUNT(*) OVER (PARTITION BY {group}) AS cnt,
           AVG({value}) OVER (PARTITION BY {group}) AS mean
    FROM {source}{where}
)
SELECT {group}, COUNT(*) AS n, AVG(value) AS average,
       AVG(CASE WHEN rn IN ((cnt + 1) / 2, (cnt + 2) / 2) THEN value END) AS median,
       MIN(value) AS min, MAX(value) AS max,
       CASE WHEN COUNT(*) > 1 THEN SQRT(SUM((value - mean) * (value - mean)) / (COUNT(*) - 1)) END AS stddev,
       MAX(max_score) AS max_score
FROM ranked
GROUP BY {group}"""


VIEWS_V2: dict[str, str] = {
    "indicator_scores": VIEWS_V1["indicator_scores"],
    "pillar_scores": """
SELECT city, state, cycle, pillar_no, pillar, score, max_score,
       RANK() OVER (PARTITION BY cycle, pillar_no ORDER BY score DESC) AS rank,
       score - LAG(score) OVER (PARTITION BY city, pillar_no ORDER BY cycle) AS change
FROM (
    SELECT city, state, cycle, pillar_no, pillar,
           SUM(COALESCE(score, 0)) AS score, SUM(max_score) AS max_score
    FROM indicator_scores
    GROUP BY city, state, cycle, pillar_no, pillar
) AS totals""",
    "city_scores": """
SELECT city, state, cycle, score, max_score,
       RANK() OVER (PARTITION BY cycle ORDER BY score DESC) AS rank,
       score - LAG(score) OVER (PARTITION BY city ORDER BY cycle) AS change
FROM (
    SELECT city, state, cycle, SUM(COALESCE(score, 0)) AS score, SUM(max_score) AS max_score
    FROM indicator_scores
    GROUP BY city, state, cycle
) AS totals""",
    **{name: VIEWS_V1[name] for name in ("source_documents", "score_provenance", "report_versions",
                                         "parse_warnings")},
    "indicator_crosswalk": """
SELECT i.cycle_no AS cycle, i.pillar_no AS pillar_no, i.code AS indicator_code, i.title AS indicator_title,
       i.in_catalog AS in_catalog, i.indicator_key AS indicator_key, i.key_method AS key_method,
       i.key_similarity AS key_similarity
FROM indicator i""",
    "indicator_trends": f"""
WITH key_titles AS (
    SELECT indicator_key, title
    FROM (
        SELECT indicator_key, title,
               ROW_NUMBER() OVER (PARTITION BY indicator_key ORDER BY
                   CASE WHEN code = indicator_key AND in_catalog THEN 0 ELSE 1 END, cycle_no DESC, id) AS rn
        FROM indicator
    ) AS candidates
    WHERE rn = 1
),
keyed AS (
    SELECT c.name AS city, c.state AS state, i.indicator_key AS indicator_key, r.cycle_no AS cycle,
           CASE WHEN COUNT(s.score) = COUNT(*) THEN SUM(s.score) END AS score,
           SUM(COALESCE(s.max_score, i.max_score)) AS max_score,
           MIN(i.pillar_no) AS pillar_no,
           CASE WHEN COUNT(*) = 1 THEN MIN(s.code) END AS indicator_code{_CURRENT_VERSION_JOINS}
    JOIN indicator i ON i.id = s.indicator_id
    WHERE v.is_current
    GROUP BY c.name, c.state, i.indicator_key, r.cycle_no
),
scored AS (
    SELECT keyed.*, 100.0 * score / NULLIF(max_score, 0) AS pct FROM keyed
)
SELECT s.city AS city, s.state AS state, s.indicator_key AS indicator_key, k.title AS indicator_title,
       s.cycle AS cycle, s.score AS score, s.max_score AS max_score, s.pct AS pct,
       s.score - LAG(s.score) OVER (PARTITION BY s.city, s.indicator_key ORDER BY s.cycle) AS change,
       s.pct - LAG(s.pct) OVER (PARTITION BY s.city, s.indicator_key ORDER BY s.cycle) AS pct_change,
       s.pillar_no AS pillar_no, s.indicator_code AS indicator_code
FROM scored s
JOIN key_titles k ON k.indicator_key = s.indicator_key""",
    "national_pillar_stats": _stats("pillar_scores", "cycle, pillar_no, pillar"),
    "national_indicator_stats": _stats("indicator_trends", "cycle, pillar_no, indicator_key, indicator_title",
                                       where="\n    WHERE score IS NOT NULL"),
    "quality_issues": """
SELECT f.path AS source_file, c.name AS city, r.cycle_no AS cycle, q.severity AS severity, q.rule AS rule,
       q.message AS message, q.indicator AS indicator
FROM quality_issue q
JOIN report_version v ON v.id = q.report_version_id
JOIN report r ON r.id = v.report_id
JOIN city c ON c.id = r.city_id
JOIN source_file f ON f.id = v.source_file_id
WHERE v.is_current""",
}
"""Revision 0002: ``pillar_scores``/``city_scores`` gain ``rank`` (within the cycle, ties share it) and
``change`` (against the city's previous cycle it has a report for; NULL for its first); new views
``indicator_crosswalk``, ``indicator_trends`` (one row per city, crosswalk key and cycle; ``change`` in
score points, ``pct_change`` in percentage points of the maximum), ``national_pillar_stats``,
``national_indicator_stats`` and ``quality_issues``."""

VIEWS_V3: dict[str, str] = {
    **VIEWS_V2,
    "ingest_runs": """
SELECT id AS run_id, started_at, finished_at, duration_s, folder, parser_version,
       n_loaded AS loaded, n_skipped AS skipped, n_failed AS failed, n_duplicate AS duplicate,
       n_loaded + n_skipped + n_failed + n_duplicate AS files,
       CASE WHEN finished_at IS NULL THEN 'unfinished'
            WHEN n_failed > 0 THEN 'finished with failures'
            ELSE 'finished' END AS outcome
FROM ingest_run""",
}
"""Revision 0003: ``ingest_runs``, one row per ingest or refresh run with its counts per status and an
``outcome`` ("unfinished" for a run still going or killed before it could record its end)."""

VIEWS_V4: dict[str, str] = {
    **VIEWS_V3,
    "source_documents": """
SELECT f.path AS path, f.sha256 AS sha256, f.format AS format,
       CASE WHEN f.status = 'duplicate' THEN 'skipped' ELSE f.status END AS status,
       CASE WHEN f.status = 'duplicate' THEN 'duplicate of ' || f.duplicate_of ELSE f.error END AS error,
       f.processed_at AS loaded_at, v.confidence AS confidence, v.confidence_reasons AS confidence_reasons
FROM source_file f
LEFT JOIN report_version v ON v.source_file_id = f.id AND v.sha256 = f.sha256 AND f.status = 'loaded'""",
    "report_confidence": """
SELECT c.name AS city, c.state AS state, r.cycle_no AS cycle, f.path AS source_file, v.is_current AS is_current,
       v.confidence AS confidence, v.confidence_reasons AS confidence_reasons, v.city_method AS city_method,
       v.state_method AS state_method, v.cycle_method AS cycle_method,
       (SELECT COUNT(*) FROM quality_issue q
        WHERE q.report_version_id = v.id AND q.severity = 'error') AS errors
FROM report_version v
JOIN report r ON r.id = v.report_id
JOIN city c ON c.id = r.city_id
JOIN source_file f ON f.id = v.source_file_id""",
}
"""Revision 0004: ``source_documents`` gains ``confidence`` and ``confidence_reasons`` (of the version loaded
from that file; NULL for a failed or duplicate file); new view ``report_confidence``, one row per version
(current or not) with its confidence, how its city, state and cycle were found, and its number of
error-severity quality issues: sort it by ``confidence`` to see what needs review."""

VIEWS_V5: dict[str, str] = {
    **VIEWS_V4,
    "source_documents": """
SELECT f.path AS path, f.sha256 AS sha256, f.format AS format,
       CASE WHEN f.status = 'duplicate' THEN 'skipped' ELSE f.status END AS status,
       CASE WHEN f.status = 'duplicate' THEN 'duplicate of ' || f.duplicate_of ELSE f.error END AS error,
       f.processed_at AS loaded_at, v.confidence AS confidence, v.confidence_reasons AS confidence_reasons,
       v.ocr_engine AS ocr_engine, v.ocr_pages AS ocr_pages, v.ocr_confidence AS ocr_confidence
FROM source_file f
LEFT JOIN report_version v ON v.source_file_id = f.id AND v.sha256 = f.sha256 AND f.status = 'loaded'""",
}
"""Revision 0005: ``source_documents`` gains ``ocr_engine``, ``ocr_pages`` (JSON list) and ``ocr_confidence``
(mean word confidence, 0–100) of the version loaded from each file: NULL unless some page was a scan read by
OCR."""

VIEWS_V6: dict[str, str] = {
    **VIEWS_V5,
    "report_versions": """
SELECT c.name AS city, r.cycle_no AS cycle, v.sha256 AS sha256, f.path AS source_file,
       v.loaded_at AS loaded_at, v.is_current AS is_current, v.current_reason AS current_reason,
       v.held_reason AS held_reason, v.indicator_count AS indicators, v.confidence AS confidence
FROM report_version v
JOIN report r ON r.id = v.report_id
JOIN city c ON c.id = r.city_id
JOIN source_file f ON f.id = v.source_file_id""",
    "ingest_runs": """
SELECT id AS run_id, started_at, finished_at, duration_s, folder, parser_version,
       n_loaded AS loaded, n_skipped AS skipped, n_failed AS failed, n_duplicate AS duplicate,
       n_pending AS pending, n_held AS held,
       n_loaded + n_skipped + n_failed + n_duplicate + n_pending AS files,
       CASE WHEN interrupted THEN 'interrupted'
            WHEN finished_at IS NULL THEN 'unfinished'
            WHEN n_failed > 0 THEN 'finished with failures'
            ELSE 'finished' END AS outcome
FROM ingest_run""",
}
"""Revision 0006: ``report_versions`` gains ``held_reason`` (why a new version that reads less completely than
the current one was not made current), ``indicators`` and ``confidence``; ``ingest_runs`` gains ``pending``
(files still being written, left for the next run), ``held`` and the outcome ``interrupted``."""

VIEWS_V7: dict[str, str] = {
    **VIEWS_V6,
    "recommendation_changes": """
SELECT c.name AS city, c.state AS state, ch.indicator_key AS indicator_key,
       COALESCE(t.indicator_title, pt.indicator_title) AS indicator_title, ch.cycle_no AS cycle,
       ch.previous_cycle_no AS previous_cycle, ch.status AS status, ch.similarity AS similarity,
       t.score AS score, pt.score AS previous_score, t.score - pt.score AS score_change,
       ch.recommendation AS recommendation, ch.previous_recommendation AS previous_recommendation
FROM recommendation_change ch
JOIN city c ON c.id = ch.city_id
LEFT JOIN indicator_trends t
       ON t.city = c.name AND t.indicator_key = ch.indicator_key AND t.cycle = ch.cycle_no
LEFT JOIN indicator_trends pt
       ON pt.city = c.name AND pt.indicator_key = ch.indicator_key AND pt.cycle = ch.previous_cycle_no""",
    "national_gaps": """
SELECT cycle, indicator_key, MIN(indicator_title) AS indicator_title, MIN(pillar_no) AS pillar_no,
       COUNT(score) AS cities_scored, COUNT(*) - COUNT(score) AS cities_unscored,
       SUM(CASE WHEN score >= max_score THEN 1 ELSE 0 END) AS cities_full,
       CAST(SUM(CASE WHEN score >= max_score THEN 1 ELSE 0 END) AS DOUBLE PRECISION)
           / NULLIF(COUNT(score), 0) AS share_full,
       SUM(CASE WHEN score IS NOT NULL THEN max_score - score END) AS points_open,
       SUM(CASE WHEN score IS NOT NULL THEN max_score END) AS points_possible
FROM indicator_trends
GROUP BY cycle, indicator_key""",
}
"""Revision 0007: new views ``recommendation_changes`` (per city, crosswalk key and cycle after the city's
first: the recommendation against the city's previous cycle's, ``same``/``revised``/``new``/``dropped``, the
texts' similarity 0-100, both scores and the change; from the derived table ``recommendation_change``) and
``national_gaps`` (per cycle and key over the current reports: cities scored and not, cities and share at
full marks, points open = the sum of max - score over the cities scored)."""

_CORRECTION_JOIN = """
LEFT JOIN score_correction k ON k.sha256 = v.sha256 AND k.indicator_code = s.code AND k.active"""
"""The applied correction of a score, if any (at most one is active per version and indicator)."""

_SCORE = "CASE WHEN k.id IS NULL THEN s.score ELSE k.score END"
_MAX = "CASE WHEN k.id IS NULL THEN s.max_score ELSE COALESCE(k.max_score, s.max_score) END"
_SOURCE = "CASE WHEN k.id IS NULL THEN 'parsed' ELSE 'corrected' END"

VIEWS_V8: dict[str, str] = {
    **VIEWS_V7,
    "indicator_scores": f"""
SELECT c.name AS city, c.state AS state, r.cycle_no AS cycle,
       COALESCE(v.cycle_label, cy.label) AS cycle_label,
       i.pillar_no AS pillar_no, p.name AS pillar, s.code AS indicator_code,
       COALESCE(i.title, s.title) AS indicator_title, {_SCORE} AS score,
       COALESCE({_MAX}, i.max_score) AS max_score, s.recommendation AS recommendation,
       f.path AS source_file, {_SOURCE} AS score_source, s.score AS parsed_score,
       COALESCE(s.max_score, i.max_score) AS parsed_max_score{_CURRENT_VERSION_JOINS}
JOIN cycle cy ON cy.cycle_no = r.cycle_no
JOIN indicator i ON i.id = s.indicator_id
JOIN pillar p ON p.id = i.pillar_id{_CORRECTION_JOIN}
WHERE v.is_current""",
    "score_provenance": f"""
SELECT c.name AS city, r.cycle_no AS cycle, s.code AS indicator_code, {_SCORE} AS score,
       f.path AS source_file, v.format AS format,
       {_provenance("page")}, {_provenance("x0")}, {_provenance("top")},
       {_provenance("x1")}, {_provenance("bottom")}, {_provenance("line")},
       {_provenance("location")}, s.score_method AS score_method, {_SOURCE} AS score_source,
       s.score AS parsed_score, k.id AS correction_id, s.heading_page AS heading_page,
       s.heading_x0 AS heading_x0, s.heading_top AS heading_top, s.heading_x1 AS heading_x1,
       s.heading_bottom AS heading_bottom, s.heading_location AS heading_location,
       s.score_location AS score_location, v.sha256 AS sha256{_CURRENT_VERSION_JOINS}{_CORRECTION_JOIN}
WHERE v.is_current""",
    "indicator_trends": VIEWS_V7["indicator_trends"]
        .replace("CASE WHEN COUNT(s.score) = COUNT(*) THEN SUM(s.score) END AS score",
                 f"CASE WHEN COUNT({_SCORE}) = COUNT(*) THEN SUM({_SCORE}) END AS score")
        .replace("SUM(COALESCE(s.max_score, i.max_score)) AS max_score",
                 f"SUM(COALESCE({_MAX}, i.max_score)) AS max_score")
        .replace("JOIN indicator i ON i.id = s.indicator_id\n    WHERE v.is_current",
                 "JOIN indicator i ON i.id = s.indicator_id" + _CORRECTION_JOIN.replace("\n", "\n    ")
                 + "\n    WHERE v.is_current"),
    "corrections": """
SELECT k.id AS correction_id, c.name AS city, c.state AS state, r.cycle_no AS cycle,
       k.indicator_code AS indicator_code, k.score_before AS score_before, k.max_before AS max_before,
       k.status_before AS status_before, k.score AS score, k.max_score AS max_score,
       k.not_assessed AS not_assessed, k.reason AS reason, k.corrected_by AS corrected_by,
       k.corrected_at AS corrected_at,
       CASE WHEN k.undone_at IS NOT NULL THEN 'undone'
            WHEN k.replaced_by IS NOT NULL THEN 'replaced'
            WHEN v.is_current THEN 'applied'
            WHEN EXISTS (SELECT 1 FROM score_correction ck
                         WHERE ck.sha256 = cv.sha256 AND ck.indicator_code = k.indicator_code
                           AND (ck.active OR ck.carried_from = k.id)) THEN 'superseded'
            ELSE 'stale' END AS status,
       k.replaced_by AS replaced_by, k.carried_from AS carried_from, k.undone_at AS undone_at,
       k.undone_by AS undone_by, k.undo_reason AS undo_reason, k.sha256 AS sha256, f.path AS source_file,
       cv.sha256 AS current_sha256, cs.score AS current_parsed_score,
       COALESCE(cs.max_score, ci.max_score) AS current_parsed_max_score
FROM score_correction k
JOIN report_version v ON v.sha256 = k.sha256
JOIN report r ON r.id = v.report_id
JOIN city c ON c.id = r.city_id
JOIN source_file f ON f.id = v.source_file_id
LEFT JOIN report_version cv ON cv.report_id = v.report_id AND cv.is_current
LEFT JOIN indicator_score cs ON cs.report_version_id = cv.id AND cs.code = k.indicator_code
LEFT JOIN indicator ci ON ci.id = cs.indicator_id""",
    "document_corrections": """
SELECT m.id AS correction_id, m.sha256 AS sha256, f.path AS source_file, m.field AS field,
       m.value_before AS value_before, m.value AS value, m.reason AS reason, m.corrected_by AS corrected_by,
       m.corrected_at AS corrected_at,
       CASE WHEN m.undone_at IS NOT NULL THEN 'undone'
            WHEN m.replaced_by IS NOT NULL THEN 'replaced'
            ELSE 'applied' END AS status,
       m.replaced_by AS replaced_by, m.undone_at AS undone_at, m.undone_by AS undone_by,
       m.undo_reason AS undo_reason, c.name AS city, r.cycle_no AS cycle, v.is_current AS is_current
FROM metadata_correction m
JOIN report_version v ON v.sha256 = m.sha256
JOIN report r ON r.id = v.report_id
JOIN city c ON c.id = r.city_id
JOIN source_file f ON f.id = v.source_file_id""",
    "review_queue": f"""
WITH current_versions AS (
    SELECT v.id AS version_id, v.sha256 AS sha256, c.name AS city, c.state AS state, c.known AS known,
           r.cycle_no AS cycle, v.confidence AS confidence, v.confidence_reasons AS confidence_reasons,
           f.path AS source_file
    FROM report_version v
    JOIN report r ON r.id = v.report_id
    JOIN city c ON c.id = r.city_id
    JOIN source_file f ON f.id = v.source_file_id
    WHERE v.is_current
),
doubtful AS (
    SELECT d.version_id AS version_id, d.sha256 AS sha256, d.city AS city, d.state AS state, d.cycle AS cycle,
           d.confidence AS confidence, d.source_file AS source_file, s.code AS indicator_code,
           s.score AS score, COALESCE(s.max_score, i.max_score) AS max_score, s.score_method AS score_method,
           {_provenance("page")}, {_provenance("location")}
    FROM indicator_score s
    JOIN current_versions d ON d.version_id = s.report_version_id
    JOIN indicator i ON i.id = s.indicator_id
    LEFT JOIN score_correction k ON k.sha256 = d.sha256 AND k.indicator_code = s.code AND k.active
    WHERE k.id IS NULL
      AND ((s.score IS NULL AND s.score_status = 'missing')
           OR s.score_method IN ('max_score_match', 'nearest_above'))
)
SELECT 1 AS priority, 'stale_correction' AS kind, city, state, cycle, indicator_code,
       current_parsed_score AS score, current_parsed_max_score AS max_score, NULL AS score_method,
       'corrected' || CASE WHEN not_assessed THEN ' to not assessed' ELSE '' END || ' by ' || corrected_by
           || ' on an older version (' || SUBSTR(sha256, 1, 12) || '): ' || reason
           || '; not applied to the current version ' || SUBSTR(current_sha256, 1, 12) AS detail,
       score AS corrected_score, max_score AS corrected_max_score, correction_id,
       NULL AS confidence, source_file, NULL AS page, NULL AS location, current_sha256 AS sha256
FROM corrections
WHERE status = 'stale'
UNION ALL
SELECT 2, CASE WHEN score IS NULL THEN 'null_score' ELSE 'guessed_placement' END, city, state, cycle,
       indicator_code, score, max_score, score_method,
       CASE WHEN score IS NULL
            THEN COALESCE((SELECT MIN(w.message) FROM parse_warning w
                           WHERE w.report_version_id = doubtful.version_id
                             AND w.indicator = doubtful.indicator_code),
                          'no score was read')
            ELSE 'placed by ' || score_method || ', a guess' END,
       NULL, NULL, NULL, confidence, source_file, page, location, sha256
FROM doubtful
UNION ALL
SELECT 3, 'quality_error', d.city, d.state, d.cycle, q.indicator, NULL, NULL, NULL, q.rule || ': ' || q.message,
       NULL, NULL, NULL, d.confidence, d.source_file, NULL, NULL, d.sha256
FROM quality_issue q
JOIN current_versions d ON d.version_id = q.report_version_id
WHERE q.severity = 'error'
UNION ALL
SELECT 4, 'low_confidence', city, state, cycle, NULL, NULL, NULL, NULL, confidence_reasons,
       NULL, NULL, NULL, confidence, source_file, NULL, NULL, sha256
FROM current_versions
WHERE confidence < 1
UNION ALL
SELECT 4, 'unknown_city', city, state, cycle, NULL, NULL, NULL, NULL,
       'the gazetteer does not know this city: check its printed name', NULL, NULL, NULL, confidence,
       source_file, NULL, NULL, sha256
FROM current_versions
WHERE NOT known""",
}
"""Revision 0008: reviewers' corrections (tables ``score_correction`` and ``metadata_correction``).
``indicator_scores`` shows the corrected score and maximum where a correction applies, with ``score_source``
(``parsed``/``corrected``) and the parser's own ``parsed_score``/``parsed_max_score``; ``pillar_scores``,
``city_scores``, ``indicator_trends`` and every view above them follow. ``score_provenance`` gains
``score_source``, ``parsed_score``, ``correction_id``, the heading's own place (``heading_page``, ``heading_x0``
… ``heading_location``), the score's (``score_location``: NULL when no score was placed) and the version's
``sha256``. New view ``corrections``: every score correction ever made (the audit), its ``status`` (``applied``;
``stale``: made on an older version of the report and not yet carried over; ``superseded``: the current version
has its own correction, or had the one carried over from it; ``replaced``; ``undone``) and the current version's
parsed value. New view ``document_corrections``: every correction of a version's city, state or cycle
(``applied``, ``replaced``, ``undone``) with the report the version is in now. New view ``review_queue``: what
needs a look, ``priority`` 1 first: stale corrections (1); NULL scores and scores placed by a guess (max-score
match, nearest above) that no correction covers (2); error-severity quality issues (3); documents whose
confidence is below 1 and cities the gazetteer does not know (4)."""

_PUBLISHED_VIEWS: dict[str, str] = {
    "published_pillar_scores": """
SELECT c.name AS city, c.state AS state, p.cycle_no AS cycle, p.pillar_no AS pillar_no, pl.name AS pillar,
       p.score AS score, p.max_score AS max_score, p.warning AS warning, p.printed_city AS printed_city,
       f.path AS source_file, f.processed_at AS loaded_at, p.page AS page, p.row_no AS row_no,
       p.location AS location
FROM published_score p
JOIN city c ON c.id = p.city_id
JOIN source_file f ON f.id = p.source_file_id
LEFT JOIN pillar pl ON pl.cycle_no = p.cycle_no AND pl.pillar_no = p.pillar_no
WHERE p.pillar_no IS NOT NULL""",
    "published_city_scores": """
WITH rows AS (
    SELECT p.source_file_id AS source_file_id, p.city_id AS city_id, p.cycle_no AS cycle,
           MAX(CASE WHEN p.pillar_no IS NULL THEN p.score END) AS total,
           MAX(CASE WHEN p.pillar_no IS NULL THEN p.max_score END) AS total_max,
           MAX(CASE WHEN p.pillar_no IS NULL THEN p.rank END) AS rank,
           SUM(CASE WHEN p.pillar_no IS NOT NULL THEN p.score END) AS pillar_sum,
           SUM(CASE WHEN p.pillar_no IS NOT NULL THEN p.max_score END) AS pillar_max,
           COUNT(CASE WHEN p.pillar_no IS NOT NULL THEN p.score END) AS pillars_scored,
           MIN(p.page) AS page, MIN(p.row_no) AS row_no, MIN(p.location) AS location,
           MIN(p.warning) AS warning
    FROM published_score p
    GROUP BY p.source_file_id, p.city_id, p.cycle_no
),
pillars AS (
    SELECT cycle_no, COUNT(*) AS n FROM pillar GROUP BY cycle_no
)
SELECT c.name AS city, c.state AS state, r.cycle AS cycle,
       CASE WHEN r.total IS NOT NULL THEN r.total WHEN r.pillars_scored = n.n THEN r.pillar_sum END AS score,
       CASE WHEN r.total IS NOT NULL THEN r.total_max WHEN r.pillars_scored = n.n THEN r.pillar_max
            ELSE r.total_max END AS max_score,
       r.rank AS rank,
       CASE WHEN r.total IS NOT NULL THEN 'printed' WHEN r.pillars_scored = n.n THEN 'pillars added'
       END AS score_source,
       r.warning AS warning, f.path AS source_file, f.processed_at AS loaded_at, r.page AS page,
       r.row_no AS row_no, r.location AS location
FROM rows r
JOIN city c ON c.id = r.city_id
JOIN source_file f ON f.id = r.source_file_id
LEFT JOIN pillars n ON n.cycle_no = r.cycle""",
    "city_scores_all_sources": """
WITH published AS (
    SELECT city, state, cycle, score, max_score, rank, source_file,
           ROW_NUMBER() OVER (PARTITION BY city, cycle ORDER BY loaded_at DESC, source_file) AS rn
    FROM published_city_scores
    WHERE score IS NOT NULL
)
SELECT r.city AS city, r.state AS state, r.cycle AS cycle, r.score AS report_score,
       r.max_score AS report_max_score, p.score AS published_score, p.max_score AS published_max_score,
       p.rank AS published_rank, r.score AS score, r.max_score AS max_score,
       CASE WHEN p.city IS NULL THEN 'report' ELSE 'both' END AS sources, 'report' AS score_source,
       p.source_file AS published_source
FROM city_scores r
LEFT JOIN published p ON p.city = r.city AND p.cycle = r.cycle AND p.rn = 1
UNION ALL
SELECT p.city, p.state, p.cycle, NULL, NULL, p.score, p.max_score, p.rank, p.score, p.max_score,
       'published', 'published', p.source_file
FROM published p
WHERE p.rn = 1 AND NOT EXISTS (SELECT 1 FROM city_scores r WHERE r.city = p.city AND r.cycle = p.cycle)""",
    "published_score_differences": """
WITH report_files AS (
    SELECT c.name AS city, r.cycle_no AS cycle, f.path AS source_file, v.sha256 AS sha256
    FROM report_version v
    JOIN report r ON r.id = v.report_id
    JOIN city c ON c.id = r.city_id
    JOIN source_file f ON f.id = v.source_file_id
    WHERE v.is_current
),
differences AS (
    SELECT r.city AS city, r.state AS state, r.cycle AS cycle, r.pillar_no AS pillar_no,
           'pillar ' || CAST(r.pillar_no AS VARCHAR(8)) || COALESCE(' (' || r.pillar || ')', '') AS what,
           r.score AS report_score, p.score AS published_score, p.source_file AS published_source,
           p.location AS published_location
    FROM pillar_scores r
    JOIN published_pillar_scores p ON p.city = r.city AND p.cycle = r.cycle AND p.pillar_no = r.pillar_no
    WHERE p.score IS NOT NULL AND ABS(p.score - r.score) > 0.005
    UNION ALL
    SELECT r.city, r.state, r.cycle, NULL, 'total', r.score, p.score, p.source_file, p.location
    FROM city_scores r
    JOIN published_city_scores p ON p.city = r.city AND p.cycle = r.cycle
    WHERE p.score IS NOT NULL AND ABS(p.score - r.score) > 0.005
)
SELECT d.city AS city, d.state AS state, d.cycle AS cycle, d.pillar_no AS pillar_no, d.what AS what,
       d.report_score AS report_score, d.published_score AS published_score,
       d.published_score - d.report_score AS difference, f.source_file AS report_source,
       d.published_source AS published_source, d.published_location AS published_location, f.sha256 AS sha256,
       'the report''s indicators add up to ' || CAST(d.report_score AS VARCHAR(32)) || ' for the ' || d.what
           || ' but the published results (' || d.published_source || ', ' || d.published_location
           || ') say ' || CAST(d.published_score AS VARCHAR(32)) AS message
FROM differences d
JOIN report_files f ON f.city = d.city AND f.cycle = d.cycle""",
}

_PUBLISHED_QUALITY = """
UNION ALL
SELECT report_source, city, cycle, 'error', 'published_score_differs', message, NULL
FROM published_score_differences"""

_PUBLISHED_REVIEW = """
UNION ALL
SELECT 3, 'published_differs', city, state, cycle, NULL, report_score, NULL, NULL, message,
       NULL, NULL, NULL, NULL, report_source, NULL, NULL, sha256
FROM published_score_differences"""

VIEWS_V9: dict[str, str] = {
    **{name: select for name, select in VIEWS_V8.items() if name not in ("quality_issues", "review_queue")},
    **_PUBLISHED_VIEWS,
    "quality_issues": VIEWS_V8["quality_issues"] + _PUBLISHED_QUALITY,
    "review_queue": VIEWS_V8["review_queue"] + _PUBLISHED_REVIEW,
}
"""Revision 0009: national results tables (table ``published_score``). New views ``published_pillar_scores``
and ``published_city_scores`` (one row per results file, city and cycle: the printed total, or the pillars
added when the table prints no usable total but every pillar of the cycle, as ``score_source`` says),
``city_scores_all_sources`` (per city and cycle the report's total, the published total and ``sources``:
``report``, ``published`` or ``both``; ``score`` is the report's when there is one) and ``published_score_differences`` (every pillar or
total where a current report's indicators add up to another number than the published table says).
``quality_issues`` and ``review_queue`` (priority 3) gain those differences as errors,
rule ``published_score_differs``; they are moved after the views they now read."""

_COMPENDIUM_VIEWS: dict[str, str] = {
    "source_documents": """
SELECT f.path AS path, f.sha256 AS sha256, f.format AS format,
       CASE WHEN f.status = 'duplicate' THEN 'skipped' ELSE f.status END AS status,
       CASE WHEN f.status = 'duplicate' THEN 'duplicate of ' || f.duplicate_of ELSE f.error END AS error,
       f.processed_at AS loaded_at, v.confidence AS confidence, v.confidence_reasons AS confidence_reasons,
       v.ocr_engine AS ocr_engine, v.ocr_pages AS ocr_pages, v.ocr_confidence AS ocr_confidence,
       CASE WHEN v.id IS NOT NULL THEN 1
            ELSE (SELECT COUNT(*) FROM report_section s
                  WHERE s.source_file_id = f.id AND s.file_sha256 = f.sha256) END AS reports
FROM source_file f
LEFT JOIN report_version v ON v.source_file_id = f.id AND v.sha256 = f.sha256 AND f.status = 'loaded'""",
    "compendium_sections": """
SELECT f.path AS source_file, s.section_no AS section_no, c.name AS city, c.state AS state, r.cycle_no AS cycle,
       s.first_page AS first_page, s.last_page AS last_page, s.first_location AS first_location,
       s.last_location AS last_location, v.sha256 AS sha256, v.is_current AS is_current,
       v.indicator_count AS indicators, v.confidence AS confidence
FROM report_section s
JOIN source_file f ON f.id = s.source_file_id AND f.sha256 = s.file_sha256
JOIN report_version v ON v.id = s.report_version_id
JOIN report r ON r.id = v.report_id
JOIN city c ON c.id = r.city_id""",
}

VIEWS_V10: dict[str, str] = {**VIEWS_V9, **_COMPENDIUM_VIEWS}
"""Revision 0010: files that bind several city reports (table ``report_section``). ``source_documents`` gains
``reports``: how many reports the file's latest content holds (1 for a report, one per section for a
compendium, 0 for a failed, duplicate or results file). New view ``compendium_sections``: one row per report of
each compendium's latest content, in file order, with its city, cycle, pages, version and whether that version
is current."""

VIEWS = VIEWS_V10
"""The views of the newest schema, in creation order (later views read earlier ones)."""
