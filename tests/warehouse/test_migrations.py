"""Specification of the schema: Alembic creates it, and the models and the migrations agree."""

from __future__ import annotations

import json
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect
from sqlmodel import SQLModel

import warehouse.models  # noqa: F401
from tests.loaders.support import TABLE_NAMES, VIEW_NAMES
from tests.loaders.support import table_counts as table_counts_of
from warehouse.db import (
    alembic_config,
    current_revision,
    head_revision,
    make_engine,
    upgrade,
    write_transaction,
)
from warehouse.views import VIEWS

NEWER_THAN_0008 = ("published_pillar_scores", "published_city_scores", "city_scores_all_sources",
                   "published_score_differences", "compendium_sections")
NEWER_THAN_0006 = ("recommendation_changes", "national_gaps", "corrections", "document_corrections", "review_queue",
                   *NEWER_THAN_0008)
"""The views revisions 0007 and 0008 add."""
NEWER_THAN_0007_SCORE_COLUMNS = ("score_source", "parsed_score", "parsed_max_score")
"""The columns revision 0008 adds to ``indicator_scores``."""


def test_upgrade_creates_every_table_and_view_at_the_head_revision(db_engine: Engine) -> None:
    """A new database migrated to head has the star tables and the contract views."""
    inspector = inspect(db_engine)
    assert set(TABLE_NAMES) <= set(inspector.get_table_names())
    assert set(VIEW_NAMES) == set(inspector.get_view_names()) == set(VIEWS)
    assert current_revision(db_engine) == head_revision() is not None


def test_models_and_migrations_agree(db_engine: Engine) -> None:
    """Autogenerate finds nothing to change after upgrading to head."""
    with db_engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True, "compare_server_default": True})
        assert compare_metadata(context, SQLModel.metadata) == []


def test_upgrade_is_a_no_op_at_head_and_accepts_a_url(db_url: str) -> None:
    """Running upgrade twice (as every ingest does) changes nothing."""
    assert upgrade(db_url) == head_revision()
    assert upgrade(db_url) == head_revision()


def test_views_have_the_contract_columns(db_engine: Engine) -> None:
    """Column names of the public views are the documented contract."""
    expected = {
        "indicator_scores": ["city", "state", "cycle", "cycle_label", "pillar_no", "pillar", "indicator_code",
                             "indicator_title", "score", "max_score", "recommendation", "source_file",
                             "score_source", "parsed_score", "parsed_max_score"],
        "pillar_scores": ["city", "state", "cycle", "pillar_no", "pillar", "score", "max_score", "rank", "change"],
        "city_scores": ["city", "state", "cycle", "score", "max_score", "rank", "change"],
        "source_documents": ["path", "sha256", "format", "status", "error", "loaded_at", "confidence",
                             "confidence_reasons", "ocr_engine", "ocr_pages", "ocr_confidence", "reports"],
        "score_provenance": ["city", "cycle", "indicator_code", "score", "source_file", "format", "page", "x0",
                             "top", "x1", "bottom", "line", "location", "score_method", "score_source",
                             "parsed_score", "correction_id", "heading_page", "heading_x0", "heading_top",
                             "heading_x1", "heading_bottom", "heading_location", "score_location", "sha256"],
        "report_versions": ["city", "cycle", "sha256", "source_file", "loaded_at", "is_current",
                            "current_reason", "held_reason", "indicators",
                            "confidence"],
        "parse_warnings": ["source_file", "city", "cycle", "code", "message", "indicator", "location"],
        "indicator_crosswalk": ["cycle", "pillar_no", "indicator_code", "indicator_title", "in_catalog",
                                "indicator_key", "key_method", "key_similarity"],
        "indicator_trends": ["city", "state", "indicator_key", "indicator_title", "cycle", "score", "max_score",
                             "pct", "change", "pct_change", "pillar_no", "indicator_code"],
        "national_pillar_stats": ["cycle", "pillar_no", "pillar", "n", "average", "median", "min", "max",
                                  "stddev", "max_score"],
        "national_indicator_stats": ["cycle", "pillar_no", "indicator_key", "indicator_title", "n", "average",
                                     "median", "min", "max", "stddev", "max_score"],
        "quality_issues": ["source_file", "city", "cycle", "severity", "rule", "message", "indicator"],
        "ingest_runs": ["run_id", "started_at", "finished_at", "duration_s", "folder", "parser_version", "loaded",
                        "skipped", "failed", "duplicate", "pending", "held", "files", "outcome"],
        "report_confidence": ["city", "state", "cycle", "source_file", "is_current", "confidence",
                              "confidence_reasons", "city_method", "state_method", "cycle_method", "errors"],
        "recommendation_changes": ["city", "state", "indicator_key", "indicator_title", "cycle", "previous_cycle",
                                   "status", "similarity", "score", "previous_score", "score_change",
                                   "recommendation", "previous_recommendation"],
        "national_gaps": ["cycle", "indicator_key", "indicator_title", "pillar_no", "cities_scored",
                          "cities_unscored", "cities_full", "share_full", "points_open", "points_possible"],
        "corrections": ["correction_id", "city", "state", "cycle", "indicator_code", "score_before", "max_before",
                        "status_before", "score", "max_score", "not_assessed", "reason", "corrected_by",
                        "corrected_at", "status", "replaced_by", "carried_from", "undone_at", "undone_by",
                        "undo_reason", "sha256", "source_file", "current_sha256", "current_parsed_score",
                        "current_parsed_max_score"],
        "document_corrections": ["correction_id", "sha256", "source_file", "field", "value_before", "value",
                                 "reason", "corrected_by", "corrected_at", "status", "replaced_by", "undone_at",
                                 "undone_by", "undo_reason", "city", "cycle", "is_current"],
        "review_queue": ["priority", "kind", "city", "state", "cycle", "indicator_code", "score", "max_score",
                         "score_method", "detail", "corrected_score", "corrected_max_score", "correction_id",
                         "confidence", "source_file", "page", "location", "sha256"],
        "compendium_sections": ["source_file", "section_no", "city", "state", "cycle", "first_page", "last_page",
                                "first_location", "last_location", "sha256", "is_current", "indicators",
                                "confidence"],
    }
    with db_engine.connect() as conn:
        for view, columns in expected.items():
            assert list(conn.exec_driver_sql(f"SELECT * FROM {view} WHERE 1 = 0").keys()) == columns, view


def test_downgrade_to_base_removes_everything(db_engine: Engine) -> None:
    """The initial revision can be reverted completely."""
    with write_transaction(db_engine) as conn:
        command.downgrade(alembic_config(conn), "base")
    inspector = inspect(db_engine)
    assert set(inspector.get_table_names()) <= {"alembic_version"}
    assert inspector.get_view_names() == []


def test_make_engine_turns_on_wal_and_foreign_keys_for_sqlite(tmp_path: Path) -> None:
    """SQLite connections run in WAL mode with foreign keys enforced and a busy timeout."""
    engine = make_engine(f"sqlite:///{tmp_path}/nested/dir/w.db")
    try:
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 30000
    finally:
        engine.dispose()


def _normalised(sql: str) -> str:
    """Return SQL with white space folded, for comparing a view's text as stored and as written."""
    return " ".join(sql.split())


def test_the_live_views_are_the_views_the_migrations_create(tmp_path: Path) -> None:
    """warehouse.views describes exactly what the frozen migrations create: a view edited without a new
    revision fails here."""
    engine = make_engine(f"sqlite:///{tmp_path}/w.db")
    try:
        upgrade(engine)
        with engine.connect() as conn:
            stored = dict(conn.exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type = 'view'").all())
    finally:
        engine.dispose()
    assert set(stored) == set(VIEWS)
    for name, select in VIEWS.items():
        assert _normalised(stored[name]) == _normalised(f"CREATE VIEW {name} AS{select}"), name


def test_no_migration_imports_the_live_views_or_models() -> None:
    """Every revision carries its own SQL: editing warehouse/views.py or models.py cannot rewrite history."""
    import ast

    versions = Path(warehouse.models.__file__).resolve().parent / "migrations" / "versions"
    revisions = sorted(versions.glob("0*.py"))
    assert len(revisions) >= 4
    for path in revisions:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
        imported |= {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
        assert not {m for m in imported if m and m.startswith(("warehouse.views", "warehouse.models"))}, path.name
        assert "VIEWS" in {t.id for node in ast.walk(tree) if isinstance(node, ast.Assign)
                           for t in node.targets if isinstance(t, ast.Name)} | {
            node.target.id for node in ast.walk(tree) if isinstance(node, ast.AnnAssign)
            and isinstance(node.target, ast.Name)}, path.name


def test_revision_0004_downgrades_to_0003_keeping_the_data_and_upgrades_again(db_engine: Engine) -> None:
    """0004 can be reverted on a loaded warehouse: its columns and views go, 0003's views come back unchanged
    with every row, and upgrading again restores the confidence columns (NULL for versions loaded before)."""
    from dataclasses import replace

    from loaders.load import load_document
    from tests.loaders.support import (
        PARSER_VERSION,
        TABLES_BEFORE_0007,
        imphal_report,
        source_info,
        table_counts,
        view_rows,
    )

    report = replace(imphal_report(), confidence=0.5, confidence_reasons=("a", "b"))
    load_document(db_engine, source=source_info("/r/imphal.txt", report), report=report, error=None,
                  parser_version=PARSER_VERSION)
    counts = table_counts(db_engine, TABLES_BEFORE_0007)
    scores = view_rows(db_engine, "indicator_scores", exclude=NEWER_THAN_0007_SCORE_COLUMNS)
    with write_transaction(db_engine) as conn:
        command.downgrade(alembic_config(conn), "0003")
    inspector = inspect(db_engine)
    assert "report_confidence" not in inspector.get_view_names()
    assert set(inspector.get_view_names()) == set(VIEWS) - {"report_confidence", *NEWER_THAN_0006}
    assert "confidence" not in {c["name"] for c in inspector.get_columns("report_version")}
    assert table_counts(db_engine, TABLES_BEFORE_0007) == counts and view_rows(db_engine, "indicator_scores") == scores
    with db_engine.connect() as conn:
        assert list(conn.exec_driver_sql("SELECT * FROM source_documents WHERE 1 = 0").keys())[-1] == "loaded_at"
    upgrade(db_engine)
    assert view_rows(db_engine, "report_confidence")[0][5] is None
    assert table_counts(db_engine, TABLES_BEFORE_0007) == counts


def test_revision_0005_records_ocr_and_downgrades_to_0004_keeping_the_data(db_engine: Engine) -> None:
    """0005's columns hold what OCR did for a version and show in ``source_documents``; reverting it drops them
    and gives 0004's view back with every row; upgrading again leaves them NULL for versions loaded before."""
    from dataclasses import replace

    from loaders.load import load_document
    from tests.loaders.support import (
        PARSER_VERSION,
        TABLES_BEFORE_0007,
        imphal_report,
        source_info,
        table_counts,
    )

    ocr = {"engine": "tesseract", "pages": [1, 3], "confidence": 91.5}
    report = replace(imphal_report(), extra={"ocr": ocr})
    load_document(db_engine, source=source_info("/r/imphal scan.pdf", report), report=report, error=None,
                  parser_version=PARSER_VERSION)
    with db_engine.connect() as conn:
        row = conn.exec_driver_sql("SELECT ocr_engine, ocr_pages, ocr_confidence FROM source_documents").one()
    assert (row[0], json.loads(row[1]), row[2]) == ("tesseract", [1, 3], 91.5)
    counts = table_counts(db_engine, TABLES_BEFORE_0007)
    with write_transaction(db_engine) as conn:
        command.downgrade(alembic_config(conn), "0004")
    assert "ocr_engine" not in {c["name"] for c in inspect(db_engine).get_columns("report_version")}
    with db_engine.connect() as conn:
        columns = list(conn.exec_driver_sql("SELECT * FROM source_documents WHERE 1 = 0").keys())
    assert columns[-1] == "confidence_reasons" and table_counts(db_engine, TABLES_BEFORE_0007) == counts
    upgrade(db_engine)
    with db_engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT ocr_engine FROM source_documents").one()[0] is None


def test_revision_0008_downgrades_to_0007_keeping_the_data_and_upgrades_again(db_engine: Engine) -> None:
    """0008 on a loaded warehouse with a correction: reverting it drops the corrections (table and views) and
    gives 0007's views back with the parsed scores of every row; upgrading again leaves no correction."""
    from loaders.corrections import CorrectionRequest, record_corrections
    from loaders.load import load_document
    from tests.loaders.support import (
        PARSER_VERSION,
        TABLES_BEFORE_0008,
        imphal_report,
        source_info,
        table_counts,
        view_rows,
    )

    report = imphal_report()
    load_document(db_engine, source=source_info("/r/imphal.txt", report), report=report, error=None,
                  parser_version=PARSER_VERSION)
    parsed = view_rows(db_engine, "city_scores")
    record_corrections(db_engine, [CorrectionRequest("Imphal", 2, "1.a", 10.0, "printed 10", "tester")])
    assert view_rows(db_engine, "city_scores") != parsed
    counts = table_counts(db_engine, TABLES_BEFORE_0008)
    with write_transaction(db_engine) as conn:
        command.downgrade(alembic_config(conn), "0007")
    inspector = inspect(db_engine)
    assert not {"score_correction", "metadata_correction"} & set(inspector.get_table_names())
    assert set(inspector.get_view_names()) == set(VIEWS) - {"corrections", "document_corrections", "review_queue",
                                                             *NEWER_THAN_0008}
    with db_engine.connect() as conn:
        assert list(conn.exec_driver_sql("SELECT * FROM indicator_scores WHERE 1 = 0").keys())[-1] == "source_file"
    assert view_rows(db_engine, "city_scores") == parsed and table_counts(db_engine, TABLES_BEFORE_0008) == counts
    upgrade(db_engine)
    assert view_rows(db_engine, "city_scores") == parsed
    assert view_rows(db_engine, "corrections") == []


def test_revision_0010_downgrades_to_0009_keeping_the_reports_and_upgrades_again(db_engine: Engine,
                                                                                 tmp_path: Path) -> None:
    """A compendium's sections go with 0010 (its versions stay, as reports); upgrading again brings the empty
    table and the views back."""
    from core.options import ParseOptions
    from loaders.compendium import load_compendium
    from pipeline.document import parse_path
    from tests.corpus.compendium import write_compendium
    from tests.loaders.support import PARSER_VERSION, TABLES_BEFORE_0010, view_rows

    outcome = parse_path(write_compendium(3, tmp_path, "docx", n=3), ParseOptions(settle_s=0))
    load_compendium(db_engine, source=outcome.source, compendium=outcome.compendium, parser_version=PARSER_VERSION)
    counts = table_counts_of(db_engine, TABLES_BEFORE_0010)
    scores = view_rows(db_engine, "city_scores")
    with write_transaction(db_engine) as conn:
        command.downgrade(alembic_config(conn), "0009")
    inspector = inspect(db_engine)
    assert "report_section" not in inspector.get_table_names()
    assert set(inspector.get_view_names()) == set(VIEWS) - {"compendium_sections"}
    with db_engine.connect() as conn:
        assert list(conn.exec_driver_sql("SELECT * FROM source_documents WHERE 1 = 0").keys())[-1] == "ocr_confidence"
    assert table_counts_of(db_engine, TABLES_BEFORE_0010) == counts and view_rows(db_engine, "city_scores") == scores
    upgrade(db_engine)
    assert view_rows(db_engine, "compendium_sections") == [] and view_rows(db_engine, "city_scores") == scores
