"""Specification of connection failures: one clear line naming the masked URL, never the password."""

from __future__ import annotations

import socket

import pytest

from core.errors import CannotConnect
from warehouse.db import upgrade
from warehouse.readonly import run_readonly_query
from warehouse.settings import redact

PASSWORD = "p@ss:w/rd-Secret-99"


def _closed_port() -> int:
    """Return a loopback port nobody listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _url(port: int) -> str:
    """Return a PostgreSQL URL with an awkward password (URL-encoded) on ``port``."""
    return f"postgresql+psycopg://reader:p%40ss%3Aw%2Frd-Secret-99@127.0.0.1:{port}/dmaf"


def test_redact_removes_the_password_in_plain_and_url_encoded_form() -> None:
    """A driver message that quotes the password, raw or encoded, is safe to print afterwards."""
    url = _url(5432)
    text = f"login {PASSWORD} failed for {url}"
    assert redact(text, url) == "login *** failed for postgresql+psycopg://reader:***@127.0.0.1:5432/dmaf"
    assert redact("nothing to hide", "sqlite:///x.db") == "nothing to hide"


@pytest.mark.parametrize("action", ["sql", "upgrade"])
def test_an_unreachable_server_is_a_cannot_connect_error_without_the_password(action: str) -> None:
    """``dmaf sql`` and ``dmaf db upgrade`` fail with the masked URL and the driver's reason."""
    port = _closed_port()
    with pytest.raises(CannotConnect) as caught:
        if action == "sql":
            run_readonly_query(_url(port), "SELECT 1", timeout_s=5)
        else:
            upgrade(_url(port))
    message = str(caught.value)
    assert message.startswith(f"cannot connect to postgresql+psycopg://reader:***@127.0.0.1:{port}/dmaf: ")
    assert "refused" in message.lower()
    assert "Secret-99" not in message and "Secret-99" not in repr(caught.value)
    assert "\n" not in message
