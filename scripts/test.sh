#!/usr/bin/env bash
# Every test: installs what is missing, runs the Swift test suite, the leak check of the real
# binary under valgrind, the check that data/ is what the code computes, and every notebook.
# Exit status is non-zero when anything fails.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
SETUP_FOR_TESTS=1 source scripts/setup.sh
swift build --build-tests
# The suite is XCTest only; without Swift Testing no second runner closes on "0 tests".
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
swift test --skip-build --disable-swift-testing 2>&1 | tee "$log"
executed="$(grep -Eo 'Executed [0-9]+ tests?, with [0-9]+ failures?' "$log" | tail -n 1)"
bash scripts/valgrind-doctor.sh 2000
bash scripts/check-data.sh
bash scripts/run-notebooks.sh
read -r passed failed < <(sed -E 's/Executed ([0-9]+) tests?, with ([0-9]+) failures?/\1 \2/' <<<"$executed")
echo "tests: $((passed - failed)) passed, $failed failed"
