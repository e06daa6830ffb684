"""Write the public views as files: one CSV or Parquet file per view."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from sqlalchemy import Engine

from dmaf.trends.queries import read_view
from warehouse.views import VIEWS

FORMATS = ("csv", "parquet")


def _write(frame: pd.DataFrame, path: Path, format: str) -> None:
    """Write one frame in ``format``."""
    if format == "csv":
        frame.to_csv(path, index=False, lineterminator="\n")
    else:
        frame.to_parquet(path, index=False, engine="pyarrow")


def export_views(engine: Engine, out_dir: str | Path, *, format: str = "csv",
                 views: tuple[str, ...] | None = None) -> list[Path]:
    """Write each public view (all by default) to ``out_dir/<view>.<format>``; return the paths."""
    if format not in FORMATS:
        raise ValueError(f"unsupported export format {format!r}; choose csv or parquet")
    target = Path(out_dir)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for view in views or tuple(VIEWS):
        path = target / f"{view}.{format}"
        _write(read_view(engine, view), path, format)
        written.append(path)
    return written
