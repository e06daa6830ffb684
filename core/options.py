"""Settings as validated, frozen dataclasses; their defaults come from ``core.defaults``."""

from __future__ import annotations

from dataclasses import dataclass

from core import defaults


@dataclass(frozen=True, slots=True)
class ParseOptions:
    """How documents are read: PDF password, OCR engine (None = off) and resolution, and the per-document size,
    time and memory limits."""

    pdf_password: str | None = None
    max_bytes: int = defaults.MAX_BYTES
    timeout_s: float = defaults.TIMEOUT_S
    memory_mb: int = defaults.MEMORY_MB
    ocr: str | None = defaults.OCR_ENGINE
    ocr_dpi: int = defaults.OCR_DPI
    settle_s: float | None = None
    """A file modified less than this many seconds ago is left pending; None: ``defaults.settle_s()``."""

    @property
    def longest_s(self) -> float:
        """Return the longest one document may take: ``timeout_s``, or with OCR up to ``OCR_TIME_FACTOR`` times
        it (each scanned page adds ``OCR_PAGE_S``)."""
        return self.timeout_s * (defaults.OCR_TIME_FACTOR if self.ocr is not None else 1)

    def __post_init__(self) -> None:
        if self.max_bytes <= 0:
            raise ValueError(f"max_bytes must be positive, got {self.max_bytes}")
        if self.timeout_s <= 0:
            raise ValueError(f"timeout_s must be positive, got {self.timeout_s}")
        if self.memory_mb < defaults.MIN_MEMORY_MB:
            raise ValueError(f"memory_mb must be at least {defaults.MIN_MEMORY_MB}, got {self.memory_mb}")
        if self.ocr is not None and self.ocr not in defaults.OCR_ENGINES:
            raise ValueError(f"unknown OCR engine {self.ocr!r}; choose one of {', '.join(defaults.OCR_ENGINES)} or off")
        if self.settle_s is not None and self.settle_s < 0:
            raise ValueError(f"the settle time must be 0 or more seconds, got {self.settle_s}")
        if not 72 <= self.ocr_dpi <= 600:
            raise ValueError(f"the OCR resolution must be between 72 and 600 dpi, got {self.ocr_dpi}")


@dataclass(frozen=True, slots=True)
class BatchOptions:
    """How a run spreads its files: files per parse task, tasks in flight, parse processes (None = one per core)."""

    batch_size: int = defaults.BATCH_SIZE
    parallel_batches: int = defaults.PARALLEL_BATCHES
    workers: int | None = None

    def __post_init__(self) -> None:
        if self.batch_size <= 0:
            raise ValueError(f"batch size must be positive, got {self.batch_size}")
        if self.parallel_batches <= 0:
            raise ValueError(f"parallel batches must be positive, got {self.parallel_batches}")
        if self.workers is not None and self.workers < 0:
            raise ValueError(f"workers must be 0 or more, got {self.workers}")

    @property
    def processes(self) -> int:
        """Return the number of parse processes (0 = parse in the calling process)."""
        return defaults.default_workers() if self.workers is None else self.workers
