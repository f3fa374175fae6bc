#!/usr/bin/env bash
# Install the project with its test extras into .venv and run the whole test suite (Qt offscreen).
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e '.[test]'
export QT_QPA_PLATFORM=offscreen
.venv/bin/python -m pytest "$@"
