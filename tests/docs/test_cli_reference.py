"""The CLI reference (docs/cli.md) documents every command and every option the CLI has (as sqlite-utils does)."""

from __future__ import annotations

import re

import pytest
import typer

from dmaf.cli import app
from tests.conftest import REPO

CLI_MD = REPO / "docs" / "cli.md"


def _sections() -> dict[str, str]:
    """Return docs/cli.md's text per ``## dmaf …`` heading."""
    text = CLI_MD.read_text(encoding="utf-8")
    parts = re.split(r"^## (dmaf [a-z ]+?)\s*$", text, flags=re.MULTILINE)
    return {parts[i]: parts[i + 1] for i in range(1, len(parts) - 1, 2)}


def _commands() -> dict[str, list[str]]:
    """Return every command path ("dmaf db backup") with its long option flags."""
    group = typer.main.get_command(app)
    found: dict[str, list[str]] = {}

    def walk(name: str, command) -> None:
        subs = getattr(command, "commands", None)
        if subs:
            for sub_name, sub in subs.items():
                walk(f"{name} {sub_name}", sub)
            return
        found[name] = [opt for param in command.params for opt in getattr(param, "opts", [])
                       if opt.startswith("--") and param.param_type_name == "option"]

    for name, command in group.commands.items():
        walk(f"dmaf {name}", command)
    return found


COMMANDS = _commands()


def test_the_reference_has_a_section_for_every_command_and_no_other() -> None:
    """One ``## dmaf <command>`` section per command (``dmaf db`` may introduce its sub-commands)."""
    assert set(COMMANDS) <= set(_sections())
    assert set(_sections()) - set(COMMANDS) <= {"dmaf db"}
    assert len(COMMANDS) == 17


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_option_is_documented_in_its_command_s_section(command: str) -> None:
    """Each long flag of the command appears in backticks in its section (``--db`` or ``--db URL``)."""
    section = _sections()[command]
    missing = [flag for flag in COMMANDS[command] if not re.search(rf"`{re.escape(flag)}[ `]", section)]
    assert missing == [], f"{command}: undocumented options {missing}"
