"""Text files that hold data rather than prose: a JSON or YAML export of a report, saved as .txt.

Each mapping of the data becomes one table of label | value rows, so that the parser reads it as it reads a
record table ("Indicator code | 1.a", "Score | 20", "Max score | 30"): the keys are the labels (a value that
is an indicator code is labelled so whatever its key, and a generic key takes its parent's name: "city" /
"name" is "city name"). Pure: text in, blocks out.
"""

from __future__ import annotations

import json
import re

import yaml

from core.blocks import Block

_CODE_VALUE = re.compile(r"^\s*\d{1,2}\s*\.\s*[a-hA-H](?:\s*(?:&|and)\s*\d{1,2}\s*\.\s*[a-hA-H])?\s*$")
_GENERIC = frozenset(("name", "value", "label", "text", "id", "no", "number"))
_YAML_KEY = re.compile(r"^\s*-?\s*[A-Za-z_][\w ]*:(?:\s|$)", re.MULTILINE)
STRUCTURED_MIN_KEYS = 5  # "key: value" lines: fewer, and a text is prose that happens to use colons


def structured_data(text: str):
    """Return the data of a JSON or YAML document, or None for any other text."""
    body = text.strip()
    if body[:1] in "{[":
        try:
            return json.loads(body)
        except ValueError:
            return None
    if len(_YAML_KEY.findall(body)) < STRUCTURED_MIN_KEYS or not re.search(r"^\s*-\s", body, re.MULTILINE):
        return None  # YAML that lists records; a page of "Label: value" lines is read as text
    try:
        data = yaml.safe_load(body)
    except yaml.YAMLError:
        return None
    return data if isinstance(data, (dict, list)) else None


def data_to_blocks(data, *, source: str) -> list[Block]:
    """Return one table of label | value rows per mapping of the data, in document order."""
    blocks: list[Block] = []
    table = 0

    def visit(node, parent: str) -> None:
        nonlocal table
        if isinstance(node, list):
            for item in node:
                visit(item, parent)
            return
        if not isinstance(node, dict):
            return
        scalars = [(key, " & ".join(value) if _codes_list(value) else value) for key, value in node.items()
                   if not isinstance(value, (dict, list)) or _codes_list(value)]
        if scalars:
            table += 1
            for row, (key, value) in enumerate(scalars, start=1):
                label = _label(str(key), value, parent)
                for col, text in ((1, label), (2, _text(value))):
                    blocks.append(Block("table_cell", text, len(blocks), f"table {table} row {row} cell {col}",
                                        table=table, row=row, col=col, source=source))
        for key, value in node.items():
            if isinstance(value, dict) and all(not isinstance(v, (dict, list)) for v in value.values()) \
                    and str(key).lower() in ("marks", "score", "scores", "result"):
                for inner, v in value.items():  # "marks: {obtained: 12, maximum: 30}" belongs to the record
                    _extend(blocks, table, f"{key} {inner}", v, source)
            elif isinstance(value, (dict, list)) and not _codes_list(value):
                visit(value, str(key))

    visit(data, "")
    return blocks


def _codes_list(value) -> bool:
    """Return True for a list of indicator codes (a combined indicator: ["1.c", "1.d"])."""
    return isinstance(value, list) and bool(value) and all(isinstance(v, str) and _CODE_VALUE.match(v) for v in value)


def _extend(blocks: list[Block], table: int, label: str, value, source: str) -> None:
    """Add one label | value row to the last table."""
    row = 1 + max((b.row or 0 for b in blocks if b.table == table), default=0)
    for col, text in ((1, label.replace("_", " ")), (2, _text(value))):
        blocks.append(Block("table_cell", text, len(blocks), f"table {table} row {row} cell {col}",
                            table=table, row=row, col=col, source=source))


def _label(key: str, value, parent: str) -> str:
    """Return the label of a key: "Indicator code" for a code value, "<parent> <key>" for a generic key."""
    if isinstance(value, str) and _CODE_VALUE.match(value):
        return "Indicator code"
    words = key.replace("_", " ").strip()
    return f"{parent.replace('_', ' ')} {words}".strip() if words.lower() in _GENERIC else words


def _text(value) -> str:
    """Return a scalar as printed ("20", "13.5", "NA"); None is empty."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
