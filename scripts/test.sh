#!/usr/bin/env bash
# Every test: installs what is missing, runs the Swift test suite, the leak check of the real
# binary under valgrind, the check that data/ is what the code computes, and every notebook.
# Exit status is non-zero when anything fails.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
SETUP_FOR_TESTS=1 source scripts/setup.sh
swift build --build-tests
swift test --skip-build
bash scripts/valgrind-doctor.sh 2000
bash scripts/check-data.sh
bash scripts/run-notebooks.sh
