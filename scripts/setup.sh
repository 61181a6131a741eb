#!/usr/bin/env bash
# Installs what `spurious` needs when it is missing, or stops with a message that says what to
# do. Sourced by scripts/main.sh and scripts/test.sh; safe to run again.
#   Debian packages: libmpfr-dev, libgmp-dev, pkg-config (installed with apt-get as root)
#   for the tests (SETUP_FOR_TESTS=1): valgrind (leak check) and the Python packages sympy
#   (checks the `formula` output), mpmath (scripts/mpmath-transition.py, the independent
#   reference that check-data and `spurious bench` run), nbconvert, nbclient, ipykernel,
#   matplotlib and pandas (scripts/run-notebooks.sh executes notebooks/*.ipynb), installed with pip
set -euo pipefail

setup_fail() { echo "setup: $*" >&2; exit 1; }

command -v swift >/dev/null || setup_fail "the Swift toolchain (6.x) is not on PATH; install it from swift.org and try again"

missing=()
command -v pkg-config >/dev/null || missing+=(pkg-config)
if ! pkg-config --exists mpfr 2>/dev/null; then missing+=(libmpfr-dev); fi
if ! pkg-config --exists gmp 2>/dev/null && [[ ! -e /usr/include/gmp.h && ! -e /usr/include/x86_64-linux-gnu/gmp.h ]]; then
    missing+=(libgmp-dev)
fi
if (( ${#missing[@]} )); then
    if [[ $(id -u) -ne 0 ]]; then
        setup_fail "missing Debian packages: ${missing[*]}; run as root, or: sudo apt-get install -y ${missing[*]}"
    fi
    command -v apt-get >/dev/null || setup_fail "missing packages ${missing[*]} and no apt-get to install them"
    echo "setup: installing ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2 || setup_fail "apt-get update failed (no network?)"
    apt-get install -y -qq "${missing[@]}" >&2 || setup_fail "apt-get install ${missing[*]} failed"
fi

if [[ "${SETUP_FOR_TESTS:-0}" == 1 ]]; then
    if ! command -v valgrind >/dev/null; then
        [[ $(id -u) -eq 0 ]] || setup_fail "valgrind is needed by the tests; run as root, or: sudo apt-get install -y valgrind"
        echo "setup: installing valgrind" >&2
        apt-get install -y -qq valgrind >&2 || { apt-get update -qq >&2 && apt-get install -y -qq valgrind >&2; } \
            || setup_fail "apt-get install valgrind failed"
    fi
    command -v python3 >/dev/null || setup_fail "python3 is needed by the tests; install it (apt-get install -y python3 python3-pip)"
    pip_missing=()
    for module in sympy mpmath nbconvert nbclient ipykernel matplotlib pandas; do
        python3 -c "import $module" 2>/dev/null || pip_missing+=("$module")
    done
    if (( ${#pip_missing[@]} )); then
        echo "setup: installing Python packages ${pip_missing[*]}" >&2
        python3 -m pip --version >/dev/null 2>&1 \
            || setup_fail "pip is missing for $(command -v python3); install it (apt-get install -y python3-pip) and try again"
        python3 -m pip install --quiet --disable-pip-version-check "${pip_missing[@]}" >&2 \
            || setup_fail "pip install ${pip_missing[*]} failed; install them into $(command -v python3) and try again"
    fi
fi
