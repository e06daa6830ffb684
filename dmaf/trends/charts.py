"""PNG charts of the trend frames, drawn with matplotlib's Agg canvas (no display, no pyplot state)."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from dmaf.words import plural

PALETTE = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b")
DPI = 100


def _new_figure(width: float, height: float) -> Figure:
    """Return a figure attached to an Agg canvas."""
    figure = Figure(figsize=(width, height), dpi=DPI, layout="constrained")
    FigureCanvasAgg(figure)
    return figure


def _pillar_labels(frame: pd.DataFrame) -> list[str]:
    """Return "1 Policy"-style labels in pillar order."""
    names = frame.drop_duplicates("pillar_no").sort_values("pillar_no")
    return [f"{int(p)} {n}" if isinstance(n, str) and n else f"Pillar {int(p)}"
            for p, n in zip(names["pillar_no"], names["pillar"], strict=True)]


def city_pillar_chart(pillars: pd.DataFrame, city: str) -> Figure:
    """Return grouped bars of one city's pillar scores, one bar per cycle (rows of ``pillar_scores``)."""
    rows = pillars[pillars["city"] == city]
    if rows.empty:
        raise ValueError(f"no pillar scores for city {city!r}")
    pillar_nos = sorted(int(p) for p in rows["pillar_no"].unique())
    cycles = sorted(int(c) for c in rows["cycle"].unique())
    figure = _new_figure(8.0, 4.5)
    axes = figure.add_subplot()
    width = 0.8 / len(cycles)
    for n, cycle in enumerate(cycles):
        by_pillar = rows[rows["cycle"] == cycle].set_index("pillar_no")["score"]
        xs = [i + (n - (len(cycles) - 1) / 2) * width for i in range(len(pillar_nos))]
        values = [float(by_pillar.get(p, 0.0)) for p in pillar_nos]
        bars = axes.bar(xs, values, width=width, label=f"Cycle {cycle}", color=PALETTE[n % len(PALETTE)])
        axes.bar_label(bars, labels=[f"{v:g}" for v in values], fontsize=8, padding=2)
    axes.set_xticks(range(len(pillar_nos)), _pillar_labels(rows))
    top = float(rows["max_score"].max()) if rows["max_score"].notna().any() else 100.0
    axes.set_ylim(0, top * 1.2)
    axes.set_ylabel("score")
    axes.set_title(f"{city}: pillar scores by cycle")
    axes.legend(loc="upper center", fontsize=8, ncols=len(cycles))
    axes.grid(axis="y", alpha=0.3)
    return figure


def national_distribution_chart(pillars: pd.DataFrame) -> Figure:
    """Return box plots of every city's pillar scores, per pillar and cycle, with the cities as dots."""
    if pillars.empty:
        raise ValueError("no pillar scores to plot")
    pillar_nos = sorted(int(p) for p in pillars["pillar_no"].unique())
    cycles = sorted(int(c) for c in pillars["cycle"].unique())
    figure = _new_figure(9.0, 4.5)
    axes = figure.add_subplot()
    width = 0.8 / len(cycles)
    for n, cycle in enumerate(cycles):
        color = PALETTE[n % len(PALETTE)]
        for i, pillar in enumerate(pillar_nos):
            values = pillars[(pillars["cycle"] == cycle) & (pillars["pillar_no"] == pillar)]["score"].astype(float)
            if values.empty:
                continue
            x = i + (n - (len(cycles) - 1) / 2) * width
            axes.boxplot([values.tolist()], positions=[x], widths=width * 0.8, patch_artist=True,
                         boxprops={"facecolor": color, "alpha": 0.35}, medianprops={"color": color},
                         whis=(0, 100), showfliers=False)
            axes.scatter([x] * len(values), values, s=10, color=color, zorder=3,
                         label=f"Cycle {cycle}" if i == 0 else None)
    axes.set_xticks(range(len(pillar_nos)), _pillar_labels(pillars))
    top = float(pillars["max_score"].max()) if pillars["max_score"].notna().any() else 100.0
    axes.set_ylim(0, top * 1.15)
    axes.set_ylabel("score")
    counts = pillars.groupby("cycle")["city"].nunique()
    axes.set_title("National distribution of pillar scores ("
                   + ", ".join(f"cycle {int(c)}: {plural(int(k), 'city', 'cities')}" for c, k in counts.items()) + ")")
    axes.legend(loc="upper center", fontsize=8, ncols=len(cycles))
    axes.grid(axis="y", alpha=0.3)
    return figure


def figure_png(figure: Figure) -> bytes:
    """Return the figure as PNG bytes."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


def save_png(figure: Figure, path: str | Path) -> Path:
    """Write the figure as a PNG file (creating the folder) and return its path."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(figure_png(figure))
    return target


def national_gaps_chart(gaps: pd.DataFrame, cycle: int, top: int = 15) -> Figure:
    """Return horizontal bars of the points open across cities per indicator in one cycle (rows of
    ``national_gaps``), the largest ``top`` first, each labelled with its share of cities at full marks."""
    rows = gaps[(gaps["cycle"] == cycle) & gaps["points_open"].notna()]
    if rows.empty:
        raise ValueError(f"no scored indicators in cycle {cycle}")
    rows = rows.sort_values(["points_open", "indicator_key"], ascending=[False, True]).head(top).iloc[::-1]
    figure = _new_figure(9.0, 0.35 * len(rows) + 1.4)
    axes = figure.add_subplot()
    labels = [f"{k} {t}" if isinstance(t, str) and t else str(k)
              for k, t in zip(rows["indicator_key"], rows["indicator_title"], strict=True)]
    bars = axes.barh(range(len(rows)), rows["points_open"].astype(float), color=PALETTE[3], alpha=0.8)
    shares = [f"{float(s) * 100:.0f}% at full marks" if pd.notna(s) else "" for s in rows["share_full"]]
    axes.bar_label(bars, labels=shares, fontsize=8, padding=3)
    axes.set_yticks(range(len(rows)), labels, fontsize=8)
    axes.set_xlim(0, float(rows["points_open"].max()) * 1.35)
    axes.set_xlabel("points open, summed over the cities scored")
    cities = int(rows["cities_scored"].max())
    axes.set_title(f"Where cities lose points, cycle {cycle} ({plural(cities, 'city', 'cities')} scored)")
    axes.grid(axis="x", alpha=0.3)
    return figure
