#!/usr/bin/env bash
# Runs a scenario's sweep as SHARDS processes on this machine with GNU parallel, each shard into a
# run store of its own, then merges the stores into one and exports the CSVs from it: the same
# runs.csv, timeseries.csv, aggregate.csv and usl.csv as `swarmsim run SCENARIO` would write.
#
# Stopped or failed part-way, run the same command again: every shard's store keeps the runs it
# finished, and only the missing ones are simulated.
#
# Environment:
#   SWARMSIM   the swarmsim binary (default: swarmsim on PATH, else .build/release/swarmsim)
set -euo pipefail

usage() {
    cat >&2 <<'USAGE'
usage: scripts/sweep-gnu-parallel.sh SCENARIO SHARDS OUT_DIR [RUN_OPTION...]

  SCENARIO    the scenario file (JSON)
  SHARDS      how many slices to split the run plan into; GNU parallel runs one per core at a time
  OUT_DIR     receives shards/shard-K.sqlite (one store per shard), swarmsim.sqlite (the merged
              store) and the exported runs.csv, timeseries.csv, aggregate.csv, usl.csv,
              scenario.resolved.json
  RUN_OPTION  passed to every `swarmsim run`, e.g. --set agents.count=5 --replications 20

example: scripts/sweep-gnu-parallel.sh scenarios/flat-vs-hierarchy.json 8 results/sweep
USAGE
    exit 2
}

[ $# -ge 3 ] || usage
scenario=$1
shards=$2
out=$3
shift 3
[[ $shards =~ ^[1-9][0-9]*$ ]] || { echo "error: SHARDS must be a whole number of 1 or more (found \"$shards\")" >&2; usage; }
[ -f "$scenario" ] || { echo "error: no scenario file at $scenario" >&2; usage; }
command -v parallel >/dev/null || { echo "error: GNU parallel is not installed (Debian/Ubuntu: apt-get install parallel)" >&2; exit 1; }

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
swarmsim=${SWARMSIM:-$(command -v swarmsim || echo "$root/.build/release/swarmsim")}
[ -x "$swarmsim" ] || { echo "error: no swarmsim binary at $swarmsim: build it (swift build -c release) or set SWARMSIM" >&2; exit 1; }

mkdir -p "$out/shards"
# One process per shard, each simulating one run at a time: the shards share the cores.
# --halt: the first failing shard stops the others (their stores keep what they finished).
seq 1 "$shards" | parallel --halt now,fail=1 -q \
    "$swarmsim" run "$scenario" --shard "{}/$shards" --db "$out/shards/shard-{}.sqlite" --jobs 1 --quiet "$@"

stores=()
for k in $(seq 1 "$shards"); do stores+=("$out/shards/shard-$k.sqlite"); done
"$swarmsim" merge "${stores[@]}" --into "$out/swarmsim.sqlite"
"$swarmsim" export "$out/swarmsim.sqlite" --out "$out"
echo "$shards shards merged into $out/swarmsim.sqlite; CSVs in $out" >&2
