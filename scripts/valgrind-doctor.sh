#!/usr/bin/env bash
# Leak check of the real `spurious` binary: builds it in release mode, runs
# `spurious doctor --digits N` under valgrind's memcheck, and fails on any definitely lost
# block or any memory error. Every BigFloat is one heap block (its mpfr_t and limbs) that must
# be freed exactly once, so a leak here means a bug in the binding, not noise.
#
# Usage: scripts/valgrind-doctor.sh [digits]          (default 2000)
# Environment: SCRATCH_PATH  SwiftPM scratch directory (default .build)
#              NO_BUILD=1    use the existing release binary
#
# The Swift runtime's metadata caches show up as a few hundred bytes "possibly lost"; they
# are suppressed by scripts/valgrind-swift-runtime.supp. The CLI's main is synchronous
# because valgrind 3.19 crashes in dispatchMain() (docs/mpfr.md, "Valgrind").
# Exit status: 0 clean, 1 leak or memory error, 2 could not run the check.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
digits="${1:-2000}"
scratch="${SCRATCH_PATH:-.build}"
suppressions="$here/valgrind-swift-runtime.supp"

command -v valgrind >/dev/null || { echo "valgrind-doctor: valgrind is not installed" >&2; exit 2; }
cd "$root"
if [[ "${NO_BUILD:-0}" != 1 ]]; then
    swift build -c release --scratch-path "$scratch" --product spurious >&2 || {
        echo "valgrind-doctor: release build failed" >&2
        exit 2
    }
fi
binary="$scratch/release/spurious"
[[ -x "$binary" ]] || { echo "valgrind-doctor: no binary at $binary" >&2; exit 2; }

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
# Definite leaks count as errors (exit 99); possible ones are reported but do not fail.
valgrind --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=99 \
    --suppressions="$suppressions" --log-file="$log" \
    "$binary" doctor --digits "$digits" >/dev/null || status=$?

grep -E "definitely lost|indirectly lost|possibly lost:|suppressed:|ERROR SUMMARY|All heap blocks" "$log" | sed 's/^==[0-9]*== */  /'
definite="$(sed -n 's/.*definitely lost: \([0-9,]*\) bytes.*/\1/p' "$log" | tr -d , | head -n 1)"
definite="${definite:-0}"

if [[ "$status" == 99 || "$definite" != 0 ]]; then
    echo "valgrind-doctor: FAILED: $definite bytes definitely lost or memory errors; details:" >&2
    cat "$log" >&2
    exit 1
fi
if [[ "$status" != 0 ]]; then
    echo "valgrind-doctor: spurious doctor itself failed (status $status)" >&2
    cat "$log" >&2
    exit 2
fi
echo "valgrind-doctor: no definitely lost blocks and no memory errors (doctor --digits $digits)"
