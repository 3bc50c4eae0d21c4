#!/usr/bin/env bash
# Mutation testing with mutmut: scripts/mutation.sh [--smoke] [MODULE...] (docs/quality.md).
# Needs the mutation extra: .venv/bin/pip install -e ".[mutation]". Runs at low priority.
set -euo pipefail
cd "$(dirname "$0")/.."
exec nice -n 10 .venv/bin/python scripts/mutation.py "$@"
