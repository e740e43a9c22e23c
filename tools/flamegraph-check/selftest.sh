#!/usr/bin/env bash
# Self-test of the checker: testdata/good*.folded must pass, testdata/bad*.folded must fail.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ok=0; wrong=0
for f in "$here"/testdata/*.folded; do
  "$here/check.sh" "$f"; rc=$?
  case "$(basename "$f")" in
    good*) want=0 ;;
    *) want=1 ;;
  esac
  if [ "$rc" -eq "$want" ]; then ok=$((ok+1)); else wrong=$((wrong+1)); echo "selftest: UNEXPECTED exit $rc for $f"; fi
done
echo "flamegraph-check selftest: $ok as expected, $wrong unexpected"
[ "$wrong" -eq 0 ]
