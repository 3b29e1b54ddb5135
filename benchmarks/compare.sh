#!/usr/bin/env bash
# Times the closed machine-repairman lock model in swarmsim and in SimPy
# (simpy_reference.py) and prints both cycles/s figures and their ratio per N.
# Override the cycle counts with SWARMSIM_CYCLES and SIMPY_CYCLES.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
swarmsim_cycles="${SWARMSIM_CYCLES:-5000000}"
simpy_cycles="${SIMPY_CYCLES:-200000}"
agent_counts=(20 1000)

if ! python3 -c 'import simpy' 2>/dev/null; then
    echo "error: the Python package simpy is not installed; run: pip install simpy" >&2
    exit 1
fi

# Incremental: a no-op when the release binary is up to date.
(cd "$root" && swift build -c release --quiet >&2)

# Prints "N cycles_per_second" for each result line of the given output.
rates() {
    sed -nE 's/^N=([0-9]+) .* ([0-9,]+) cycles\/s.*$/\1 \2/p' | tr -d ','
}

swarmsim_out="$("$root/.build/release/swarmsim" bench --agents "${agent_counts[@]}" --cycles "$swarmsim_cycles")"
simpy_out="$(python3 "$here/simpy_reference.py" --agents "${agent_counts[@]}" --cycles "$simpy_cycles")"
echo "$swarmsim_out"
echo "$simpy_out"
echo

declare -A swarmsim_rate simpy_rate
while read -r n rate; do swarmsim_rate[$n]=$rate; done < <(rates <<<"$swarmsim_out")
while read -r n rate; do simpy_rate[$n]=$rate; done < <(rates <<<"$simpy_out")

for n in "${agent_counts[@]}"; do
    a="${swarmsim_rate[$n]:?no swarmsim figure for N=$n}"
    b="${simpy_rate[$n]:?no SimPy figure for N=$n}"
    LC_ALL=C awk -v n="$n" -v a="$a" -v b="$b" 'function grouped(x,   s, r) {
            s = sprintf("%d", x); r = ""
            while (length(s) > 3) { r = "," substr(s, length(s) - 2) r; s = substr(s, 1, length(s) - 3) }
            return s r
        }
        BEGIN { printf "N=%s swarmsim %s cycles/s  simpy %s cycles/s  ratio %.1fx\n", n, grouped(a), grouped(b), a / b }'
done
