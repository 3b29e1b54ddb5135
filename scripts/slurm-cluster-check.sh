#!/usr/bin/env bash
# Runs the Slurm sweep scripts on a real one-node Slurm cluster and checks that what they export is
# byte for byte what an unsharded run writes. It starts munged, slurmctld and slurmd (as root, from
# Debian's munge and slurm-wlm) with a generated key and a configuration in a temporary folder,
# submits scripts/sweep-slurm.sbatch as a 3-task array and scripts/sweep-slurm-merge.sbatch with
# --dependency=afterok, waits, compares, and stops the daemons it started.
#
# usage: scripts/slurm-cluster-check.sh SWARMSIM_BINARY [SCENARIO]
# Exit status: 0 the same files; 1 they differ or a job failed; 77 Slurm cannot run here (the reason
# on stderr: not root, or munge/slurm-wlm missing).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -lt 1 ]; then
    echo "usage: scripts/slurm-cluster-check.sh SWARMSIM_BINARY [SCENARIO]" >&2
    exit 2
fi
swarmsim=$(realpath "$1")
scenario=$(realpath "${2:-scenarios/flat-vs-hierarchy.json}")
skip() { echo "skip: $1" >&2; exit 77; }
[ "$(id -u)" -eq 0 ] || skip "slurmctld and slurmd run as root here; run as root (CI does)"
for tool in munged slurmctld slurmd sbatch squeue scontrol; do
    command -v "$tool" >/dev/null || skip "$tool is missing: apt-get install slurm-wlm munge"
done

work=$(mktemp -d /var/tmp/swarmsim-slurm.XXXXXX)
chmod 755 "$work"
daemons=()
# Stops the daemons: SIGTERM, then SIGKILL for any still there after 5 s (a parent that blocks
# signals, as a test runner may, passes its mask on, and a daemon then never sees the SIGTERM).
stop() {
    for pid in "${daemons[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${daemons[@]}"; do
        for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$pid" 2>/dev/null || true
    done
    rm -rf "$work"
}
trap stop EXIT

# munge: a key of our own and a socket in the work folder, so no system munge is touched.
mkdir -m 700 "$work/munge"
head -c 1024 /dev/urandom > "$work/munge/munge.key"
chmod 400 "$work/munge/munge.key"
munged --force --foreground --key-file="$work/munge/munge.key" --socket="$work/munge/socket" \
    --pid-file="$work/munge/munged.pid" --log-file="$work/munge/munged.log" --seed-file="$work/munge/seed" \
    > "$work/munge/foreground.log" 2>&1 &
daemons+=($!)

host=$(hostname -s)
cpus=$(nproc)
mkdir -p "$work/state" "$work/spool"
cat > "$work/slurm.conf" <<CONF
ClusterName=swarmsim-check
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$work/munge/socket
CredType=cred/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
MpiDefault=none
ReturnToService=2
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
NodeName=$host CPUs=$cpus State=UNKNOWN
PartitionName=check Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$work/slurm.conf"
for _ in $(seq 50); do [ -S "$work/munge/socket" ] && break; sleep 0.1; done
slurmctld -D -f "$SLURM_CONF" > "$work/slurmctld.out" 2>&1 &
daemons+=($!)
slurmd -D -f "$SLURM_CONF" > "$work/slurmd.out" 2>&1 &
daemons+=($!)

idle=false
for _ in $(seq 100); do
    if [ "$(sinfo -h -o %t 2>/dev/null)" = "idle" ]; then idle=true; break; fi
    sleep 0.2
done
if ! $idle; then
    echo "error: the Slurm node did not come up; slurmctld and slurmd logs follow" >&2
    tail -20 "$work/slurmctld.out" "$work/slurmd.out" >&2 || true
    exit 1
fi

sweep="$work/sweep"
mkdir -p "$sweep" "$work/logs"
export SWARMSIM="$swarmsim"
array=$(sbatch --parsable --array=0-2 --cpus-per-task=1 --output="$work/logs/sweep-%a.out" \
    scripts/sweep-slurm.sbatch "$scenario" "$sweep")
merge=$(sbatch --parsable --dependency=afterok:"$array" --output="$work/logs/merge.out" \
    scripts/sweep-slurm-merge.sbatch "$sweep")
echo "submitted array job $array (3 tasks) and merge job $merge" >&2
for _ in $(seq 1800); do
    [ -z "$(squeue -h -j "$array,$merge" 2>/dev/null)" ] && break
    sleep 0.5
done
state=$(scontrol show job "$merge" 2>/dev/null | sed -n 's/.*JobState=\([A-Z_]*\).*/\1/p')
if [ "$state" != "COMPLETED" ]; then
    echo "error: the merge job ended $state; the jobs' output follows" >&2
    tail -20 "$work"/logs/*.out >&2 || true
    exit 1
fi

"$swarmsim" run "$scenario" --out "$work/unsharded" --db "$work/unsharded.sqlite" --quiet
status=0
for file in runs.csv timeseries.csv aggregate.csv usl.csv scenario.resolved.json; do
    if cmp -s "$work/unsharded/$file" "$sweep/$file"; then
        echo "same: $file" >&2
    else
        echo "error: $file from the Slurm array differs from the unsharded run's" >&2
        status=1
    fi
done
exit $status
