#!/usr/bin/env bash
# Regenerates everything in data/ from one run of the release binary:
#   data/transitions.csv       every transition and fold of the built-in families, d and the
#                              coordinates to 50 proved digits (`spurious transitions --format csv`)
#   data/diagrams/<family>.csv each family's bifurcation diagram (`--diagrams`), one file per family
#   data/spectra/<family>.csv  every Hessian eigenvalue of each built-in family and of the global
#                              minimum W = V at d = 10, 100, ..., 1e30, to 20 proved digits
#                              (`spurious series --quantity spectrum --versus global-minimum --csv`)
#   data/branches/branches.json the branches born at every transition of the catalog, 20 digits
#                              (`spurious branches --format json`), graph.json its bifurcation
#                              graph (`--graph`) and <family>.svg one picture per family (`--svg`)
#   data/atlas.csv, data/atlas-minima.csv, data/atlas.json, data/atlas.txt
#                              the default atlas (`spurious atlas`: every family of spurious minima
#                              of the 60 default fixed spaces), computed as a job array would:
#                              data/atlas-parts/part-I-of-N.json, one per shard (`--shard I/N
#                              --part`), merged by `spurious atlas merge` (the table in atlas.txt)
# The notebooks in notebooks/ read these files; scripts/check-data.sh checks that they are current.
#
# Usage: scripts/make-data.sh [OUT_DIR]      (default: the repository's data/)
# Environment: SCRATCH_PATH  SwiftPM scratch directory (default .build)
#              NO_BUILD=1    use the existing release binary
#              ATLAS_SHARDS  which of the atlas's shards to compute, e.g. "3" or "1 5" (default:
#                            all); the others are copied from the committed data/atlas-parts/, so
#                            that a check recomputes a sample of the atlas and all of its merge
#
# Everything is written into a temporary folder inside OUT_DIR first and moved into place only
# when the run succeeded, so a failed run leaves the previous data untouched; the old diagrams/
# folder is swapped for the new one as a whole, so a family that is no longer followed leaves no
# stale file behind.
set -euo pipefail

fail() { echo "make-data: $*" >&2; exit 1; }

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
out="${1:-$root/data}"
mkdir -p "$out" || fail "cannot create the output folder '$out'"
out="$(cd "$out" && pwd)"
scratch="${SCRATCH_PATH:-.build}"
digits=50

cd "$root"
if [[ "${NO_BUILD:-0}" != 1 ]]; then
    swift build -c release --scratch-path "$scratch" --product spurious >&2 || fail "release build failed"
fi
binary="$scratch/release/spurious"
[[ -x "$binary" ]] || fail "no binary at $binary (build it, or unset NO_BUILD)"

stage="$(mktemp -d "$out/.make-data.XXXXXX")"
trap 'rm -rf "$stage"' EXIT

"$binary" transitions --digits "$digits" --format csv --quiet --diagrams "$stage/diagrams" \
    >"$stage/transitions.csv" </dev/null || fail "spurious transitions failed (see above); data/ is unchanged"

# A run that printed nothing useful must not replace good data.
head -n 1 "$stage/transitions.csv" | grep -q '^family,' || fail "spurious transitions printed no CSV header; data/ is unchanged"
shopt -s nullglob
diagrams=("$stage"/diagrams/*.csv)
shopt -u nullglob
(( ${#diagrams[@]} )) || fail "spurious transitions wrote no diagram into --diagrams; data/ is unchanged"

mkdir "$stage/spectra"
for family in "d-1,1 one-flipped" "d-2,2 two-flipped"; do
    file="$stage/spectra/$(echo "$family" | tr ' ,' '--').csv"
    "$binary" series --family "$family" --quantity spectrum --versus global-minimum --digits 20 --terms 3 --quiet \
        --csv "$file" >/dev/null </dev/null || fail "spurious series --family \"$family\" failed (see above); data/ is unchanged"
done

mkdir "$stage/branches"
"$binary" branches --digits 20 --format json --graph "$stage/branches/graph.json" --svg "$stage/branches" --quiet \
    >"$stage/branches/branches.json" </dev/null || fail "spurious branches failed (see above); data/ is unchanged"

atlas_shards=12
mkdir "$stage/atlas-parts"
for i in $(seq 1 "$atlas_shards"); do
    part="atlas-parts/part-$i-of-$atlas_shards.json"
    if [[ -z "${ATLAS_SHARDS:-}" || " $ATLAS_SHARDS " == *" $i "* ]]; then
        "$binary" atlas --shard "$i/$atlas_shards" --part "$stage/$part" --quiet >/dev/null </dev/null \
            || fail "spurious atlas --shard $i/$atlas_shards failed (see above); data/ is unchanged"
    else
        [[ -e "$root/data/$part" ]] || fail "data/$part is not committed: compute every shard (leave ATLAS_SHARDS unset)"
        cp "$root/data/$part" "$stage/$part"
    fi
done
"$binary" atlas merge "$stage"/atlas-parts/part-*-of-"$atlas_shards".json --csv "$stage/atlas.csv" \
    --minima-csv "$stage/atlas-minima.csv" --json "$stage/atlas.json" >"$stage/atlas.txt" </dev/null \
    || fail "spurious atlas merge failed (see above); data/ is unchanged"

# Swap: the old folders go into the stage (removed on exit), the new ones take their place.
for folder in diagrams spectra branches atlas-parts; do
    if [[ -e "$out/$folder" ]]; then
        mv "$out/$folder" "$stage/old-$folder"
    fi
    mv "$stage/$folder" "$out/$folder"
    chmod 755 "$out/$folder"
    find "$out/$folder" -type f -exec chmod 644 {} +
done
for file in transitions.csv atlas.csv atlas-minima.csv atlas.json atlas.txt; do
    chmod 644 "$stage/$file"
    mv -f "$stage/$file" "$out/$file"
done

echo "make-data: wrote $out/transitions.csv ($(($(wc -l <"$out/transitions.csv") - 1)) events) and ${#diagrams[@]} diagram(s) in $out/diagrams:" >&2
for file in "$out"/diagrams/*.csv "$out"/spectra/*.csv "$out"/branches/* "$out"/atlas*.* "$out"/atlas-parts/*; do
    echo "  $(basename "$(dirname "$file")")/$(basename "$file")  $(($(wc -l <"$file") - 1)) rows" >&2
done
