#!/usr/bin/env bash
# The main job: install what is missing, build in release mode, and print every
# saddle/minimum transition and fold of the catalogued families to proved digits.
# Extra arguments go to `spurious transitions` (e.g. --digits 50 --format csv).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup.sh
swift build -c release --product spurious >&2
.build/release/spurious transitions "$@"
