#!/usr/bin/env bash
# Checks that the committed data/ is what the current code computes: regenerates it with
# scripts/make-data.sh into a temporary folder and compares byte for byte (data/transitions.csv,
# every file of data/diagrams/, data/spectra/ and data/branches/, and the atlas). The default
# atlas takes about 20 minutes, so only a sample of it is recomputed: shard ATLAS_SHARDS
# (default 1) of data/atlas-parts/, then all the committed parts are merged again, which must
# give data/atlas*.* exactly. Fails naming each differing, missing or extra file. Then checks the
# one-flipped transition of data/transitions.csv against the independent mpmath script.
#
# Usage: scripts/check-data.sh
# Environment: SCRATCH_PATH, NO_BUILD as for scripts/make-data.sh; ATLAS_SHARDS (default 1;
#              "all" recomputes the whole atlas)
# Exit status: 0 up to date, 1 differs (or could not regenerate).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
cd "$root"

fresh="$(mktemp -d)"
trap 'rm -rf "$fresh"' EXIT
shards="${ATLAS_SHARDS:-1}"
[[ "$shards" == all ]] && shards=""
ATLAS_SHARDS="$shards" bash scripts/make-data.sh "$fresh" 2>"$fresh/make-data.log" || {
    cat "$fresh/make-data.log" >&2
    echo "check-data: could not regenerate the data (see above)" >&2
    exit 1
}

# The generated files, as paths relative to data/, on either side.
list() { (cd "$1" && { for file in transitions.csv atlas.csv atlas-minima.csv atlas.json atlas.txt; do [[ -e $file ]] && echo $file; done; for folder in diagrams spectra branches atlas-parts; do [[ -d $folder ]] && find $folder -type f; done; true; } | LC_ALL=C sort); }
mapfile -t files < <({ list "$fresh"; [[ -d data ]] && list data; } | LC_ALL=C sort -u)

stale=()
for file in "${files[@]}"; do
    if [[ ! -e "data/$file" ]]; then
        stale+=("data/$file (missing: the code now writes it)")
    elif [[ ! -e "$fresh/$file" ]]; then
        stale+=("data/$file (extra: the code no longer writes it)")
    elif ! cmp -s "data/$file" "$fresh/$file"; then
        stale+=("data/$file (differs)")
        echo "data/$file: first differing lines (< in data/, > regenerated):" >&2
        diff "data/$file" "$fresh/$file" | head -n 8 | cut -c 1-160 >&2 || true
    fi
done

if (( ${#stale[@]} )); then
    echo "check-data: FAILED: data/ is not what the current code computes:" >&2
    printf '  %s\n' "${stale[@]}" >&2
    echo "check-data: run \`bash scripts/make-data.sh\` to regenerate them, check the change, and commit data/" >&2
    exit 1
fi
# An independent route to one shipped number: the one-flipped transition of data/transitions.csv
# against scripts/mpmath-transition.py (its own reduced loss, Newton and secant in mpmath).
shipped="$(python3 -c 'import csv,sys; print(next(r["d"] for r in csv.DictReader(open("data/transitions.csv")) if r["family"] == "d-1,1 one-flipped"))')"
reference="$(python3 scripts/mpmath-transition.py --digits "$(python3 -c 'import sys; print(len(sys.argv[1].replace(".", "").lstrip("0")))' "$shipped")" | awk '$1 == "d*" { print $2 }')"
if [[ "$shipped" != "$reference" ]]; then
    echo "check-data: FAILED: data/transitions.csv has the one-flipped transition at d = $shipped, the mpmath reference (scripts/mpmath-transition.py) at $reference" >&2
    exit 1
fi

echo "check-data: data/ is up to date (${#files[@]} files: transitions.csv, data/diagrams/*.csv, data/spectra/*.csv, data/branches/* and the atlas, shard(s) ${shards:-all} recomputed and every part merged, match a fresh run byte for byte; the one-flipped transition's $(( ${#shipped} - 1 )) digits match the mpmath reference)"
