#!/usr/bin/env python3
"""SimPy twin of `swarmsim bench`: the closed machine-repairman lock model.

N agents each work an exponential time with mean 1 hour, then request one FIFO
lock and hold it for an exponential time with mean 1/N hours, release it and
work again, forever. A task cycle is one lock release; each run stops after
exactly --cycles of them.

It exists as a reference point for speed: SimPy is the usual Python tool for
this kind of model, so its cycles/s put swarmsim's figures in context (see
compare.sh). The random draws differ from swarmsim's; only the model is shared.
"""

import argparse
import random
import time

import simpy


def agent(env, lock, rng, hold_mean, tally):
    """Work, take the lock, hold it, release it; forever."""
    while True:
        yield env.timeout(rng.expovariate(1.0))
        with lock.request() as request:
            yield request
            yield env.timeout(rng.expovariate(1.0 / hold_mean))
        tally["cycles"] += 1
        if tally["cycles"] == tally["target"]:
            tally["done"].succeed()


def run(agents, cycles, seed):
    """Simulate `cycles` lock releases with `agents` agents; return wall-clock seconds."""
    env = simpy.Environment()
    lock = simpy.Resource(env, capacity=1)
    rng = random.Random(seed)
    tally = {"cycles": 0, "target": cycles, "done": env.event()}
    for _ in range(agents):
        env.process(agent(env, lock, rng, 1.0 / agents, tally))
    start = time.perf_counter()
    env.run(until=tally["done"])
    seconds = time.perf_counter() - start
    assert tally["cycles"] == cycles
    return seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--agents", type=int, nargs="+", default=[20, 1000],
                        help="agent counts to time (default: 20 1000)")
    parser.add_argument("--cycles", type=int, default=200_000,
                        help="task cycles to simulate per agent count (default: 200000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default: 1)")
    args = parser.parse_args()
    if any(n < 1 for n in args.agents) or args.cycles < 1:
        parser.error("--agents and --cycles take values of 1 or more")

    for agents in args.agents:
        seconds = run(agents, args.cycles, args.seed)
        print(f"N={agents} cycles={args.cycles} seconds={seconds:.3f} "
              f"{args.cycles / seconds:,.0f} cycles/s", flush=True)


if __name__ == "__main__":
    main()
