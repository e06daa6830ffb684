"""Every status the product records or prints, defined once as string enums.

Members are ``str`` subclasses, so they compare equal to the strings stored in the warehouse
(``FileStatus.LOADED == "loaded"``) and print as their values.
"""

from __future__ import annotations

from enum import StrEnum


class FileStatus(StrEnum):
    """What a run did with one file (or, for reprocessing, with one stored version)."""

    LOADED = "loaded"  # parsed and loaded: a new version, or an old version of this path back
    SKIPPED = "skipped"  # same path, same bytes as before: nothing changes
    UNCHANGED = "unchanged"  # a refresh left it unread (same size and mtime) or found the same bytes
    DUPLICATE = "duplicate"  # same bytes as a file loaded under another path: not loaded twice
    FAILED = "failed"  # could not be read or placed; the one-line reason is recorded
    PENDING = "pending"  # still being written (changed while read, or modified within the settle time): left
    #                      unread and unrecorded, so the next run reads it once it is quiet
    HELD = "held"  # loaded as a new version, but it reads less completely than the current one: not current
    REPROCESSED = "reprocessed"  # a stored version's facts rebuilt by the current parser
    MISSING = "missing"  # reprocessing: the stored file is gone
    CHANGED = "changed"  # reprocessing: the stored file now holds other bytes


SOURCE_STATUSES: tuple[FileStatus, ...] = (FileStatus.LOADED, FileStatus.SKIPPED, FileStatus.FAILED,
                                           FileStatus.DUPLICATE)
"""The statuses a ``source_file`` row can hold."""

REPROCESS_STATUSES: tuple[FileStatus, ...] = (FileStatus.REPROCESSED, FileStatus.MISSING, FileStatus.CHANGED,
                                              FileStatus.FAILED)
"""What ``dmaf reprocess`` reports per stored version."""

SUMMARY_ORDER: tuple[FileStatus, ...] = (FileStatus.LOADED, FileStatus.HELD, FileStatus.UNCHANGED,
                                         FileStatus.SKIPPED, FileStatus.PENDING, FileStatus.DUPLICATE,
                                         FileStatus.FAILED)
"""The order run summaries list statuses in (any other status follows, by name)."""

ALWAYS_SHOWN: tuple[FileStatus, ...] = (FileStatus.LOADED, FileStatus.SKIPPED, FileStatus.FAILED)
"""Statuses a terminal summary shows even when no file had them."""

COUNTED_AS_SKIPPED: tuple[FileStatus, ...] = (FileStatus.SKIPPED, FileStatus.UNCHANGED, FileStatus.MISSING,
                                              FileStatus.CHANGED)
"""Statuses an ``ingest_run`` row counts as skipped: nothing had to be (or could be) loaded."""


class ScoreStatus(StrEnum):
    """Whether an indicator has a score."""

    SCORED = "scored"
    NOT_ASSESSED = "not_assessed"  # the report prints NA / Not assessed
    MISSING = "missing"  # no score could be placed (or it was refused): left NULL with a warning


class Severity(StrEnum):
    """How bad a quality finding is."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class RecommendationStatus(StrEnum):
    """How a city's recommendation for an indicator compares with its previous cycle's."""

    SAME = "same"  # the same advice again (similarity at or above the "same" threshold)
    REVISED = "revised"  # both cycles give advice, and it changed
    NEW = "new"  # advice this cycle, none the cycle before
    DROPPED = "dropped"  # advice the cycle before, none this cycle
