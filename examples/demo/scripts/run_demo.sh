#!/usr/bin/env bash
# Run the staffer demo: generate data, then report on it.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 scripts/staffer_report.py --week 42
