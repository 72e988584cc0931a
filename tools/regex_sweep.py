"""Look for regular expressions of the package whose time grows faster than their text.

    .venv/bin/python tools/regex_sweep.py [--seed N] [--draws N] [--only TEXT]

tests/test_regex_time.py tries every pattern on strings drawn the same way on every run, so
that CI's verdict is the code's. This sweep draws new strings (from its seed), many more per
pattern, built as the test builds them (a prefix, a unit repeated, an ending, all made of the
pattern's own pieces), and reports each pattern whose slowest call takes more than six times as
long when the string grows four times (quadratic or worse), with the string that shows it. Fix
the pattern, then add that string to the test's ``FOUND`` cases. A sweep takes minutes.
"""

from __future__ import annotations

import argparse
import importlib
import random
import signal
import sys
import time
from pathlib import Path
from typing import Any

TESTS = Path(__file__).resolve().parent.parent / "tests"
#: Characters tried besides the pattern's pieces, as units and endings.
EXTRA = ["\x00", "\n", "a", "0", " ", "-", "."]
#: The lengths compared, and the growth of time that counts as worse than linear.
SHORT, LONG, GROWTH = 2000, 8000, 6.0
#: A call that takes longer than this is reported as a hang.
HANG = 5.0


class _Hang(Exception):
    pass


def _ring(signum: int, frame: Any) -> None:
    raise _Hang


def _slowest(found: Any, text: str) -> tuple[float, str]:
    """The longest time one of the package's ways of calling ``found`` takes on ``text``."""
    pattern = found.pattern
    subject: str | bytes = text.encode("utf-8") if isinstance(pattern.pattern, bytes) else text
    ways = {"match": pattern.match, "fullmatch": pattern.fullmatch}
    if found.scanned:
        ways["finditer"] = lambda s: list(pattern.finditer(s))
    worst, worst_way = 0.0, ""
    for way, call in ways.items():
        start = time.process_time()
        signal.setitimer(signal.ITIMER_REAL, HANG)
        try:
            call(subject)
        except _Hang:
            return HANG, f"{way} (stopped after {HANG:.0f} s)"
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        took = time.process_time() - start
        if took > worst:
            worst, worst_way = took, way
    return worst, worst_way


def _strings(pieces: list[str], rng: random.Random, draws: int) -> list[tuple[str, str, str]]:
    """(prefix, unit, ending): each piece with each ending, each character after each word of
    the pattern (an anchored pattern's run starts after its word: "import" and spaces), then
    random draws."""
    tried = [("", piece, ending) for piece in pieces for ending in EXTRA]
    words = [piece for piece in pieces if len(piece) > 1]
    characters = [piece for piece in pieces if len(piece) == 1]
    tried += [(w, c, e) for w in words for c in characters for e in ("\x00", "a", "\n")]
    for _ in range(draws):
        prefix = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 3)))
        unit = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 3)))
        ending = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 3)))
        tried.append((prefix, unit, ending + rng.choice([*EXTRA, ""])))
    return tried


def sweep(seed: int, draws: int, only: str) -> list[str]:
    """A line for each pattern (whose name holds ``only``) found worse than linear."""
    sys.path.insert(0, str(TESTS))
    inventory = importlib.import_module("regex_inventory")
    rng = random.Random(seed)
    signal.signal(signal.SIGALRM, _ring)
    found_slow = []
    for found in inventory.all_patterns():
        if only not in found.where:
            continue
        for prefix, unit, ending in _strings(inventory.pieces(found.pattern) + EXTRA, rng, draws):
            short, way = _slowest(found, prefix + unit * (SHORT // len(unit)) + ending)
            if short < 0.004:  # (milliseconds: linear, whatever the growth)
                continue
            long = short
            if short < HANG:
                long, way = _slowest(found, prefix + unit * (LONG // len(unit)) + ending)
            if short >= HANG or (long / short > GROWTH and long > 0.05):
                case = (found.where.removeprefix("privacy_pages."), prefix, unit, ending)
                found_slow.append(f"{case!r}: {way} {short:.3f} s -> {long:.3f} s")
                break
    return found_slow


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--draws", type=int, default=150, help="random strings per pattern")
    parser.add_argument("--only", default="", help="only the patterns whose name holds this")
    args = parser.parse_args()
    print(f"seed {args.seed}")
    found_slow = sweep(args.seed, args.draws, args.only)
    print("\n".join(found_slow) or "no pattern grew faster than its text")
    return 1 if found_slow else 0


if __name__ == "__main__":
    sys.exit(main())
