#!/usr/bin/env bash
# The main job: install what is missing, build in release mode, run the tool's main report.
# Extra arguments go to `spurious doctor` (e.g. --digits 10000).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup.sh
swift build -c release --product spurious >&2
.build/release/spurious doctor "$@"
