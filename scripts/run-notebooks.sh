#!/usr/bin/env bash
# Executes every notebook in notebooks/ headless, on the committed data/, and fails on any
# error in any cell. The executed copies go to a temporary folder (or OUT_DIR), never into the
# repository; the committed notebooks must have their outputs cleared.
#
# Usage: scripts/run-notebooks.sh [OUT_DIR]       (keep the executed notebooks in OUT_DIR)
# Environment: CELL_TIMEOUT  seconds per cell (default 120)
#              FORMAT        nbconvert's output format (default notebook; html to look at them)
# Needs the Python packages nbconvert, nbclient, ipykernel, matplotlib and pandas
# (scripts/setup.sh installs them for the tests).
set -euo pipefail

fail() { echo "run-notebooks: $*" >&2; exit 1; }

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
cd "$root"
timeout="${CELL_TIMEOUT:-120}"
format="${FORMAT:-notebook}"

command -v python3 >/dev/null || fail "python3 is not on PATH"
for module in nbconvert nbclient ipykernel matplotlib pandas; do
    python3 -c "import $module" 2>/dev/null \
        || fail "the Python package $module is missing: run \`SETUP_FOR_TESTS=1 source scripts/setup.sh\` or \`python3 -m pip install $module\`"
done

shopt -s nullglob
notebooks=(notebooks/*.ipynb)
shopt -u nullglob
(( ${#notebooks[@]} )) || fail "no notebooks in notebooks/"

# Outputs stay out of the repository: a committed notebook with outputs would show stale figures.
python3 - "${notebooks[@]}" <<'EOF' || fail "clear the outputs of the notebooks above before committing them (Jupyter: Edit > Clear Outputs of All Cells, or \`python3 -m nbconvert --clear-output --inplace notebooks/*.ipynb\`)"
import json, sys
bad = False
for path in sys.argv[1:]:
    with open(path) as file:
        cells = json.load(file)["cells"]
    if any(cell.get("outputs") or cell.get("execution_count") for cell in cells if cell["cell_type"] == "code"):
        print(f"run-notebooks: {path} has outputs", file=sys.stderr)
        bad = True
sys.exit(1 if bad else 0)
EOF

log="$(mktemp)"
if [[ $# -ge 1 ]]; then
    out="$1"
    mkdir -p "$out"
    trap 'rm -f "$log"' EXIT
else
    out="$(mktemp -d)"
    trap 'rm -rf "$log" "$out"' EXIT
fi

# What the repository holds before, to check that executing the notebooks wrote nothing there.
snapshot() {
    local dirs=(notebooks)
    [[ -d data ]] && dirs+=(data)
    find "${dirs[@]}" -path '*/.ipynb_checkpoints' -prune -o -print0 | LC_ALL=C sort -z | xargs -0 ls -ld --time-style=+%s.%N
}
before="$(snapshot)"

failed=()
for notebook in "${notebooks[@]}"; do
    start=$SECONDS
    # The kernel runs with the notebook's folder as working directory, as in Jupyter; no
    # standard input is needed (CI has none). The kernel's warning that its loopback sockets are
    # unencrypted is noise here and left out; everything else nbconvert says is shown.
    status=0
    python3 -m nbconvert --to "$format" --execute --output-dir "$out" \
        --ExecutePreprocessor.timeout="$timeout" --ExecutePreprocessor.kernel_name=python3 \
        --log-level=WARN "$notebook" </dev/null >"$log" 2>&1 || status=$?
    grep -v "Kernel is running over TCP without encryption" "$log" | sed 's/\x1b\[[0-9;]*m//g' >&2 || true
    if [[ "$status" == 0 ]]; then
        echo "run-notebooks: $notebook ran without error ($((SECONDS - start)) s)"
    else
        echo "run-notebooks: $notebook FAILED (the cell and its error are above)" >&2
        failed+=("$notebook")
    fi
done

after="$(snapshot)"
wrote=0
if [[ "$before" != "$after" ]]; then
    echo "run-notebooks: executing the notebooks changed files in notebooks/ or data/ (a notebook must only read data/ and write nothing into the repository):" >&2
    diff <(echo "$before") <(echo "$after") >&2 || true
    wrote=1
fi
(( ${#failed[@]} == 0 )) || fail "${#failed[@]} of ${#notebooks[@]} notebooks failed: ${failed[*]}"
(( wrote == 0 )) || fail "the notebooks ran, but wrote into the repository (see above)"
echo "run-notebooks: all ${#notebooks[@]} notebooks ran without error"
