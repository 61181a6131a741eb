#!/usr/bin/env bash
# Every test: installs what is missing, runs the Swift test suite, then the leak check of the
# real binary under valgrind. Exit status is non-zero when anything fails.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
SETUP_FOR_TESTS=1 source scripts/setup.sh
swift build --build-tests
swift test --skip-build
bash scripts/valgrind-doctor.sh 2000
