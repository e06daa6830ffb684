"""Specification of the error tree: every error the product raises on purpose derives from ``DmafError``."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest

from core.errors import (
    ConfigurationError,
    DmafError,
    NoData,
    ReportError,
    WarehouseError,
)

PACKAGES = ("core", "reference", "extractors", "parsing", "pipeline", "loaders", "warehouse", "flows", "dmaf")
CONTROL_FLOW = {"pipeline.pool._Timeout", "extractors.docx_guard._StopAtRoot", "pipeline.pool.PoolStopped",
                "flows.interrupts.Interrupted"}
"""Signals, not errors: the alarm that stops a parse (a BaseException, so no parser code can swallow it), the
lxml target's early stop, a batch ended because its run stopped the parse pool, and SIGTERM/SIGINT turned into
an exception (a BaseException, like KeyboardInterrupt). None is shown to a user as an error."""


def _modules():
    """Yield every module of the product's packages."""
    for name in PACKAGES:
        package = importlib.import_module(name)
        yield package
        for info in pkgutil.walk_packages(package.__path__, prefix=f"{name}."):
            if info.name.startswith("warehouse.migrations.") or info.name.endswith(".__main__"):
                continue  # Alembic's scripts and ``python -m dmaf``: they run when imported
            yield importlib.import_module(info.name)


def test_every_exception_class_of_the_product_derives_from_dmaf_error() -> None:
    """No second root, no stray error class: callers catch DmafError and have everything."""
    found = {}
    for module in _modules():
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, BaseException) and cls.__module__ == module.__name__:
                found[f"{cls.__module__}.{cls.__qualname__}"] = cls
    strays = sorted(name for name, cls in found.items() if not issubclass(cls, DmafError) and name not in CONTROL_FLOW)
    assert len(found) > 20
    assert strays == []


@pytest.mark.parametrize("branch", [ReportError, WarehouseError, ConfigurationError])
def test_the_branches_are_distinct(branch: type[DmafError]) -> None:
    """A report error is not a warehouse error and neither is a configuration error."""
    others = {ReportError, WarehouseError, ConfigurationError} - {branch}
    assert issubclass(branch, DmafError) and not any(issubclass(branch, o) for o in others)


def test_no_data_is_a_warehouse_error() -> None:
    """'Nothing loaded for that city' is about the warehouse's content."""
    assert issubclass(NoData, WarehouseError)


def test_report_errors_name_the_file_and_place_on_one_line() -> None:
    """The message is ``file, place: text`` with the text's white space folded."""
    error = ReportError("/r/a.pdf", "bad\n  thing", where="page 3")
    assert str(error) == "/r/a.pdf, page 3: bad thing"
