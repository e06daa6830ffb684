"""From a parsed report to load-ready tables: canonical codes, titles and city, one row per indicator.

Pure (no I/O, no database) and deterministic: the same ``ParsedReport`` always gives the same rows in
the same order (the report's order). Scores are floats with NaN for "no score"; the loader writes NULL.
Each row also carries its canonical title (the catalog's, else the printed one with whitespace collapsed)
and its crosswalk key (``reference.crosswalk``) as this report alone decides it; the warehouse
decides keys per cycle over every indicator it holds (``loaders.crosswalk``), which agrees unless two
reports of one cycle print different titles for the same code.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import pandas as pd

from core.records import ParsedIndicator, ParsedReport, ParseWarning, Provenance
from reference.catalog import Catalog, load_catalog
from reference.crosswalk import Crosswalk, CrosswalkOptions, IndicatorTitle, assign_keys
from reference.gazetteer import CityMatch, resolve_city, resolve_cycle

_PROVENANCE_FIELDS = ("page", "x0", "top", "x1", "bottom", "line", "table_no", "row_no", "col_no", "location")
INDICATOR_COLUMNS: tuple[str, ...] = (
    "ordinal", "code", "printed_code", "title", "pillar_no", "score", "max_score", "pct", "score_status",
    "method", "recommendation", "paragraphs", "bullets", "in_catalog", "catalog_title", "catalog_max_score",
    "canonical_title", "indicator_key", "key_method",
    *(f"heading_{f}" for f in _PROVENANCE_FIELDS), *(f"score_{f}" for f in _PROVENANCE_FIELDS),
)
WARNING_COLUMNS: tuple[str, ...] = ("ordinal", "code", "message", "indicator", "location")
METADATA_FIELDS: tuple[str, ...] = ("city", "state", "cycle")
_INT_FIELDS = ("page", "line", "table_no", "row_no", "col_no")
_FLOAT_FIELDS = ("x0", "top", "x1", "bottom")
INDICATOR_DTYPES: dict[str, str] = {
    "ordinal": "Int64", "pillar_no": "Int64", "score": "float64", "max_score": "float64", "pct": "float64",
    "catalog_max_score": "float64", "in_catalog": "bool",
    **{f"{p}_{f}": "Int64" for p in ("heading", "score") for f in _INT_FIELDS},
    **{f"{p}_{f}": "float64" for p in ("heading", "score") for f in _FLOAT_FIELDS},
}
_CODE = re.compile(r"^(\d+)\.[a-z0-9]+(?:&\1\.[a-z0-9]+)*$")

CityResolver = Callable[[str, str | None], CityMatch]


@dataclass(frozen=True, eq=False)
class NormalisedReport:
    """One report ready to load: document attributes, indicator rows and warning rows."""

    document: dict[str, Any]
    indicators: pd.DataFrame
    warnings: pd.DataFrame

    @cached_property
    def indicator_records(self) -> list[dict[str, Any]]:
        """Return the indicator rows as database-ready dicts (computed once; callers must not modify them)."""
        return records(self.indicators)

    @cached_property
    def warning_records(self) -> list[dict[str, Any]]:
        """Return the warning rows as database-ready dicts (computed once; callers must not modify them)."""
        return records(self.warnings)


def canonical_code(code: str) -> str:
    """Return an indicator code in canonical form: ``"1.C & 1.D"`` -> ``"1.c&1.d"``."""
    text = re.sub(r"\s+", "", code).lower().rstrip(".:")
    return re.sub(r"(?<=[a-z0-9])(?:and|,|\+)(?=\d+\.)", "&", text)


def pillar_of(code: str) -> int | None:
    """Return the pillar number a canonical code carries, or None when the code is malformed."""
    match = _CODE.match(code)
    return int(match.group(1)) if match else None


def clean_text(text: str | None) -> str | None:
    """Collapse runs of whitespace; None and blank text become None."""
    if text is None:
        return None
    return " ".join(text.split()) or None


def _provenance(prefix: str, at: Provenance | None) -> dict[str, Any]:
    """Return the ``prefix_*`` provenance columns of one Provenance (all None when absent)."""
    bbox = at.bbox if at is not None and at.bbox is not None else (None, None, None, None)
    values = (
        (at.page, *bbox, at.line, at.table, at.row, at.col, at.location)
        if at is not None else (None,) * len(_PROVENANCE_FIELDS)
    )
    return {f"{prefix}_{name}": value for name, value in zip(_PROVENANCE_FIELDS, values, strict=True)}


def _pct(score: float | None, max_score: float | None) -> float | None:
    """Return the score as a percentage of its maximum (None when either is missing or max is 0)."""
    if score is None or not max_score:
        return None
    return round(100.0 * score / max_score, 4)


def _indicator_row(ordinal: int, code: str, ind: ParsedIndicator, catalog_entry: Any) -> dict[str, Any]:
    """Return one indicator's row (crosswalk columns are filled once all rows are known)."""
    score = None if ind.score is None or math.isnan(ind.score) else float(ind.score)
    max_score = None if ind.max_score is None or math.isnan(ind.max_score) else float(ind.max_score)
    title = clean_text(ind.title)
    return {
        "ordinal": ordinal, "code": code, "printed_code": ind.code, "title": title,
        "pillar_no": pillar_of(code), "score": score, "max_score": max_score, "pct": _pct(score, max_score),
        "score_status": str(ind.score_status), "method": ind.score_method,
        "recommendation": ind.recommendation or None,
        "paragraphs": json.dumps(list(ind.paragraphs), ensure_ascii=False),
        "bullets": json.dumps(list(ind.bullets), ensure_ascii=False),
        "in_catalog": catalog_entry is not None,
        "catalog_title": catalog_entry.title if catalog_entry else None,
        "catalog_max_score": catalog_entry.max_score if catalog_entry else None,
        "canonical_title": catalog_entry.title if catalog_entry else title,
        "indicator_key": None, "key_method": None,
        **_provenance("heading", ind.heading_at), **_provenance("score", ind.score_at),
    }


def _cycle_from_label(label: str | None) -> int | None:
    """Return the cycle number a printed label names ("Cycle 2.0" -> 2), or None."""
    return resolve_cycle(label) if label and label.strip() else None


def _printed(report: ParsedReport, name: str) -> str | None:
    """Return a title-block field as the document printed it ("Bangalore"), else the parsed value."""
    printed = next((m.printed for m in report.metadata if m.field == name and m.method != "from_city"), None)
    return printed or getattr(report, name)


def _document(report: ParsedReport, match: CityMatch | None, n_indicators: int, n_warnings: int) -> dict[str, Any]:
    """Return the document-level attributes, canonical city first and printed names kept."""
    return {
        "source": report.source, "format": report.format, "framework": clean_text(report.framework),
        "cycle": report.cycle if report.cycle is not None else _cycle_from_label(report.cycle_label),
        "cycle_label": clean_text(report.cycle_label),
        "city": match.city if match else None,
        "state": (match.state if match else None) or clean_text(report.state),
        "region": match.region if match else None, "city_known": bool(match and match.known),
        "city_matched_by": match.matched_by if match else None,
        "printed_city": _printed(report, "city"), "printed_state": _printed(report, "state"), "pages": report.pages,
        "printed_totals": [
            {"pillar_no": t.pillar_no, "score": t.score, "max_score": t.max_score}
            for t in report.printed_totals
        ],
        "indicator_count": n_indicators, "warning_count": n_warnings,
        **_confidence(report), **_ocr(report),
    }


def _ocr(report: ParsedReport) -> dict[str, Any]:
    """Return which engine read which pages of the report by OCR, and its mean confidence (all None: none)."""
    ocr = report.extra.get("ocr") or {}
    return {"ocr_engine": ocr.get("engine"), "ocr_pages": list(ocr.get("pages") or []) or None,
            "ocr_confidence": ocr.get("confidence")}


def _confidence(report: ParsedReport) -> dict[str, Any]:
    """Return the report's confidence (None when not computed, or not a number), its reasons, its metadata
    as dicts, and how its city, state and cycle were found (the first value read for each field)."""
    confidence = report.confidence
    if confidence is not None and (not isinstance(confidence, int | float) or math.isnan(confidence)):
        confidence = None
    methods: dict[str, str | None] = {}
    for value in report.metadata:
        methods.setdefault(value.field, value.method)
    return {
        "confidence": float(confidence) if confidence is not None else None,
        "confidence_reasons": [str(r) for r in report.confidence_reasons],
        "metadata": [m.to_dict() for m in report.metadata],
        **{f"{name}_method": methods.get(name) for name in METADATA_FIELDS},
    }


def _add_keys(rows: list[dict[str, Any]], cycle: int | None, catalog: Catalog, crosswalk: Crosswalk | None,
              options: CrosswalkOptions | dict | None) -> None:
    """Fill ``indicator_key`` and ``key_method`` of the rows (left None when the cycle is unknown)."""
    if cycle is None:
        return
    titles = [IndicatorTitle(r["code"], r["pillar_no"], r["canonical_title"]) for r in rows]
    keys = assign_keys(cycle, titles, catalog=catalog, crosswalk=crosswalk, options=options)
    for row in rows:
        row["indicator_key"], row["key_method"] = keys[row["code"]].indicator_key, keys[row["code"]].method


def normalise_report(
    report: ParsedReport, *, catalog: Catalog | None = None, resolve: CityResolver = resolve_city,
    crosswalk: Crosswalk | None = None, crosswalk_options: CrosswalkOptions | dict | None = None,
) -> NormalisedReport:
    """Return the report as load-ready frames; repeated or malformed codes become warnings, not rows."""
    catalog = catalog or load_catalog()
    cycle = report.cycle if report.cycle is not None else _cycle_from_label(report.cycle_label)
    known = catalog.indicators_for(cycle)
    rows: list[dict[str, Any]] = []
    extra: list[ParseWarning] = []
    seen: set[str] = set()
    for ind in report.indicators:
        code = canonical_code(ind.code)
        where = ind.heading_at.location if ind.heading_at else None
        if pillar_of(code) is None:
            extra.append(ParseWarning("malformed_code", f"indicator code {ind.code!r} has no pillar number; "
                                      "not loaded", ind.code, where))
        elif code in seen:
            extra.append(ParseWarning("duplicate_indicator", f"indicator {code} appears again; the first "
                                      "occurrence is loaded", code, where))
        else:
            seen.add(code)
            rows.append(_indicator_row(len(rows), code, ind, known.get(code)))
    warnings = [w.to_dict() | {"ordinal": n} for n, w in enumerate((*report.warnings, *extra))]
    city = clean_text(report.city)
    match = resolve(city, clean_text(report.state)) if city else None
    document = _document(report, match, len(rows), len(warnings))
    _add_keys(rows, document["cycle"], catalog, crosswalk, crosswalk_options)
    return NormalisedReport(
        document=document,
        indicators=typed_frame(rows, INDICATOR_COLUMNS, INDICATOR_DTYPES),
        warnings=typed_frame(warnings, WARNING_COLUMNS, {"ordinal": "Int64"}),
    )


def typed_frame(rows: list[dict[str, Any]], columns: Sequence[str], dtypes: dict[str, str]) -> pd.DataFrame:
    """Return a frame of ``rows`` with the given columns, each built directly in its dtype.

    The same frame as ``pd.DataFrame(rows, columns=columns).astype(dtypes)`` at a third of its cost
    (pandas' per-column overhead dominates for a report's few dozen rows).
    """
    data = {}
    for name in columns:
        values = [row.get(name) for row in rows]
        if name in dtypes or not rows:
            values = pd.array(values, dtype=dtypes.get(name, object))  # an empty untyped column stays object
        data[name] = values
    return pd.DataFrame(data, columns=list(columns))


def _native(value: Any) -> Any:
    """Return None for NaN/NA, else the value (already a Python scalar)."""
    if value is pd.NA or value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return value


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Return a frame's rows as dicts of Python scalars with NaN/NA turned into None (ready for the database)."""
    names = list(frame.columns)
    columns = [[_native(v) for v in column.tolist()] for _, column in frame.items()]  # column-wise: faster than to_dict
    return [dict(zip(names, values)) for values in zip(*columns)]
