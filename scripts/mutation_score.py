"""Print the mutation score of the last ``mutmut run`` (``mutants/``): killed, survived, the rest, and the score
over the mutants checked so far (``python scripts/mutation_score.py [--survivors N]``)."""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--survivors", type=int, default=20, help="how many surviving mutants to list")
    args = parser.parse_args(argv)
    done = subprocess.run([str(Path(sys.executable).with_name("mutmut")), "results", "--all", "true"], cwd=ROOT,
                          capture_output=True, text=True, check=False)
    statuses: Counter[str] = Counter()
    survivors: list[str] = []
    for line in done.stdout.splitlines():
        name, _, status = line.strip().rpartition(": ")
        if not name:
            continue
        statuses[status] += 1
        if status == "survived":
            survivors.append(name)
    tested = sum(n for status, n in statuses.items() if status != "not checked")  # "no tests" counts as survived
    score = (statuses["killed"] + statuses["timeout"]) / tested if tested else 0.0
    print(", ".join(f"{k} {v}" for k, v in statuses.most_common()))
    print(f"mutation score: {statuses['killed'] + statuses['timeout']}/{tested} = {score:.1%} of the mutants a test "
          f"was run on, a mutant no test reaches counted as surviving ({sum(statuses.values())} mutants in all)")
    by_module = Counter(name.split(".x_")[0].split(".xǁ")[0] for name in survivors)
    for module, count in by_module.most_common():
        print(f"  {module}: {count} survived")
    for name in survivors[:args.survivors]:
        print(f"  survived: {name}")


if __name__ == "__main__":
    main()
