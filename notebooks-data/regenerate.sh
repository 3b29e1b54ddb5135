#!/usr/bin/env bash
# Rebuilds the curated datasets in notebooks-data/ from the bundled scenarios. Their contents depend
# only on the scenarios and swarmsim's model: run this in the same commit as a change that moves them.
# Usage: notebooks-data/regenerate.sh [SWARMSIM_BINARY]   (default: builds and uses the release build)
set -euo pipefail
cd "$(dirname "$0")/.."

binary="${1:-}"
if [ -z "$binary" ]; then
    # The README's flags, so this shares its build (and the tests').
    swift build -c release -Xswiftc -enable-testing --product swarmsim >/dev/null
    binary="$(swift build -c release -Xswiftc -enable-testing --show-bin-path)/swarmsim"
fi

datasets=(flat-vs-hierarchy lock-faults commit-policy drift-fresh-starts)
store="$(mktemp -d)"
trap 'rm -rf "$store"' EXIT
for name in "${datasets[@]}"; do
    # --force: the folder holds this scenario as the previous engine ran it, which this replaces.
    "$binary" run "scenarios/$name.json" --out "notebooks-data/$name" --force --db "$store/$name.sqlite" --quiet
    echo "notebooks-data/$name"
done
