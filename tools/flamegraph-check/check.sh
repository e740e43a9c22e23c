#!/usr/bin/env bash
# Usage: tools/flamegraph-check/check.sh FOLDED_FILE
# Runs flamegraph.pl and speedscope's importer on FOLDED_FILE; exit 0 only if both accepted it.
# Run setup.sh once before (installs both tools locally).
set -euo pipefail
exec node "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/check.mjs" "$@"
