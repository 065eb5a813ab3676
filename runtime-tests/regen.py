#!/usr/bin/env python3
"""Regenerate the expected outputs of the differential test cases.

Usage:
    python3 runtime-tests/regen.py              # every case
    python3 runtime-tests/regen.py int_arith     # only the named cases

Each case `cases/NAME.py` is run as `python3 NAME.py` with the working
directory set to `cases/`, stdin from /dev/null and an environment whose
PYTHON* variables are removed except PYTHONHASHSEED=0 and
PYTHONIOENCODING=utf-8.  The results are written next to the case:

    NAME.out     stdout (always written)
    NAME.err     stderr (only when non-empty)
    NAME.status  exit status as text (only when non-zero)

Stale .err/.status files are removed.  CPython prints absolute paths of
source files in tracebacks; the absolute path of `cases/` (plus the slash)
is stripped from stdout and stderr so that the expected files do not
depend on the checkout location.  The Rust harness applies the same
normalisation to the output of the interpreter under test.

The interpreter used is `python3` (override with REGEN_PYTHON); it must be
CPython 3.11.
"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, "cases")
PYTHON = os.environ.get("REGEN_PYTHON", "python3")
TIMEOUT = 60


def case_env():
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def normalise(data):
    text = data.decode("utf-8", errors="surrogateescape")
    prefixes = {CASES, os.path.realpath(CASES)}
    for p in sorted(prefixes, key=len, reverse=True):
        text = text.replace(p + os.sep, "")
    return text.encode("utf-8", errors="surrogateescape")


def all_cases():
    return sorted(
        n[:-3]
        for n in os.listdir(CASES)
        if n.endswith(".py") and not n.startswith("_")
        and os.path.isfile(os.path.join(CASES, n))
    )


def write_or_remove(path, data):
    if data:
        with open(path, "wb") as f:
            f.write(data)
    elif os.path.exists(path):
        os.remove(path)


def check_python():
    out = subprocess.run(
        [PYTHON, "-c", "import sys; print(sys.implementation.name, *sys.version_info[:2])"],
        capture_output=True, text=True, env=case_env(), check=True,
    ).stdout.split()
    if out != ["cpython", "3", "11"]:
        sys.exit(f"regen.py: {PYTHON} is {' '.join(out)}, need CPython 3.11")


def regen(name):
    with open(os.devnull, "rb") as devnull:
        proc = subprocess.run(
            [PYTHON, name + ".py"], cwd=CASES, env=case_env(), stdin=devnull,
            capture_output=True, timeout=TIMEOUT,
        )
    base = os.path.join(CASES, name)
    with open(base + ".out", "wb") as f:
        f.write(normalise(proc.stdout))
    write_or_remove(base + ".err", normalise(proc.stderr))
    status = proc.returncode
    if status < 0:
        sys.exit(f"regen.py: {name} died from signal {-status}")
    write_or_remove(base + ".status", (f"{status}\n" if status else "").encode())
    return status


def main(argv):
    check_python()
    names = all_cases()
    if argv:
        wanted = [a[:-3] if a.endswith(".py") else a for a in argv]
        wanted = [os.path.basename(a) for a in wanted]
        missing = [w for w in wanted if w not in names]
        if missing:
            sys.exit(f"regen.py: no such case(s): {', '.join(missing)}")
        names = wanted
    nonzero = 0
    for name in names:
        if regen(name):
            nonzero += 1
    # Expected files without a case are stale too.
    if not argv:
        live = set(names)
        for n in os.listdir(CASES):
            stem, ext = os.path.splitext(n)
            if ext in (".out", ".err", ".status") and stem not in live:
                os.remove(os.path.join(CASES, n))
    print(f"regenerated {len(names)} case(s), {nonzero} with non-zero status")


if __name__ == "__main__":
    main(sys.argv[1:])
