#!/usr/bin/env bash
# The main job, from a fresh clone: set up, ingest raw_reports/ into warehouse/dmaf.db, show the result.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
status=0
.venv/bin/dmaf ingest raw_reports/ "$@" || status=$?
echo
echo "city_scores:"
.venv/bin/dmaf sql "select city, state, cycle, score, max_score from city_scores order by city, cycle"
exit $status
