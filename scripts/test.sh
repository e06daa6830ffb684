#!/usr/bin/env bash
# The test suite, from a fresh clone: set up with the test extras, then run pytest (args pass through).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh test
exec .venv/bin/python -m pytest "$@"
