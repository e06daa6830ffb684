#!/usr/bin/env bash
# Mutation testing of the parser (docs/development.md#mutation-testing): set up with the test and mutation
# extras, run mutmut over parsing/ against the parser's tests ([tool.mutmut] in pyproject.toml), print the
# score. Arguments go to `mutmut run` (e.g. a mutant name pattern: 'parsing.placement*'). Takes hours on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh test
.venv/bin/pip install -q -e '.[mutation]'
.venv/bin/mutmut run --max-children "${MUTMUT_CHILDREN:-2}" "$@" || true  # it exits non-zero when mutants survive
.venv/bin/python scripts/mutation_score.py
