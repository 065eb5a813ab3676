#!/usr/bin/env python3
"""Run modules of CPython's own test suite (the host's Lib/test) under Ember.

Usage (run with CPython 3.11, which drives Ember as a subprocess):

    python3 runtime-tests/cpython_tests.py [--ember PATH] [--jit] [--timeout S]
        [--expected FILE] [--retries N] [--show-failures] [--prune] [MODULE ...]

Each module runs in its own Ember process (`cpython_tests_child.py`, in a
fresh temporary working directory, stdin from /dev/null, PYTHON* variables
removed).  The same child run with `--list` under `python3` gives the
module's test ids as CPython loads them: the count of tests for a module
Ember cannot import or that dies before reporting, and the denominator of
the percentage printed at the end.

When Ember crashes or exceeds the timeout inside a test, that test is
recorded as errored ("crash"/"timeout") and the module is run again with it
skipped, up to --retries times; after that (or when no test had started)
every test of the module counts as errored.  Such modules are marked CRASH
or TIMEOUT in the table.

Expected failures come from `cpython_expected_failures.txt`: one test id per
line followed by `# reason`.  A listed test that fails or errors counts as an
expected failure; a listed test that passes is an unexpected success and is
reported so the line can be removed (it counts as failed: the list only
shrinks).  The last line is `N passed, N failed`, where failed counts
failures, errors and crashes that are not listed, plus unexpected successes.
"""

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CHILD = os.path.join(HERE, "cpython_tests_child.py")
sys.path.insert(0, HERE)
import cpython_tests_child as child  # noqa: E402

MODULES = """
test_int test_long test_float test_bool test_complex test_list test_tuple test_dict
test_set test_string test_str test_bytes test_slice test_range test_enumerate test_iter
test_generators test_scope test_class test_descr test_super test_exceptions test_raise
test_with test_contextlib test_functools test_itertools test_collections test_operator
test_math test_random test_json test_re test_enum test_unittest test_string_literals
test_fstring test_format test_grammar test_syntax test_augassign test_opcodes
test_keywordonlyarg test_unpack test_unpack_ex test_pow test_sort test_heapq test_bisect
test_copy test_textwrap test_dataclasses test_typing test_os test_io test_gc
""".split()


def child_env():
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def run_child(argv, timeout):
    """Run a child in a fresh directory; (stdout text, status, timed_out).

    status is the exit code, or -N when killed by signal N.
    """
    workdir = tempfile.mkdtemp(prefix="ember-cpytests-")
    try:
        proc = subprocess.Popen(
            argv,
            cwd=workdir,
            env=child_env(),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            out, _ = proc.communicate(timeout=timeout)
            timed_out = False
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            out, _ = proc.communicate()
            timed_out = True
        return out.decode("utf-8", "replace"), proc.returncode, timed_out
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def parse_output(text):
    """(summary dict or None, last started test id or None, tail of output)."""
    summary = None
    started = None
    for line in text.splitlines():
        if child.RESULT in line:
            try:
                summary = json.loads(line[line.index(child.RESULT) + len(child.RESULT):])
            except ValueError:
                summary = None
        elif child.START in line:
            started = line[line.index(child.START) + len(child.START):].strip()
    tail = [l for l in text.splitlines() if l.strip() and child.START not in l and child.RESULT not in l]
    return summary, started, tail[-3:]


def baseline_ids(python, name, timeout):
    """The test ids CPython loads for `name` (None if it cannot tell)."""
    out, _, _ = run_child([python, CHILD, "--list", name], timeout)
    summary, _, _ = parse_output(out)
    if summary is None or summary["import_error"]:
        return None
    return [t[0] for t in summary["tests"]]


class ModuleResult:
    def __init__(self, name):
        self.name = name
        self.status = "ok"
        self.detail = ""
        self.tests = {}  # id -> (kind, message); kind as classified by the child

    def count(self, *kinds):
        return sum(1 for kind, _ in self.tests.values() if kind in kinds)


def run_module(args, name, expected, baseline):
    """Run one module under Ember, retrying past crashing tests."""
    res = ModuleResult(name)
    command = [args.ember] + (["-X", "jit"] if args.jit else []) + [CHILD, "--expected", args.expected]
    broken = {}  # test id -> (kind, message) for tests that crashed or hung
    for _attempt in range(args.retries + 1):
        skips = [a for ident in broken for a in ("--skip", ident)]
        out, status, timed_out = run_child(command + skips + [name], args.timeout)
        summary, started, tail = parse_output(out)
        if summary is not None and not timed_out:
            if summary["import_error"]:
                res.status = "IMPORT"
                res.detail = summary["import_error"]
                break
            for ident, kind, message in summary["tests"]:
                res.tests[ident] = (kind, message)
            if summary.get("run_error"):
                # unittest itself raised: the tests it never reached count as errored.
                res.detail = "suite stopped: " + summary["run_error"]
                for ident in baseline or []:
                    if ident not in res.tests:
                        kind = "expected" if ident in expected else "error"
                        res.tests[ident] = (kind, "not run: " + res.detail)
            break
        if timed_out:
            res.status = "TIMEOUT"
            what = "timeout (%ds)" % args.timeout
        else:
            res.status = "CRASH"
            what = ("killed by signal %d" % -status) if status < 0 else ("exit status %d" % status)
            if tail:
                what += ": " + " | ".join(tail)[:300]
        res.detail = what
        if started is None or started in broken:
            # Died before or outside any test: nothing to skip past.
            break
        kind = "expected" if started in expected else "error"
        broken[started] = (kind, ("timed out" if timed_out else "crashed the interpreter") + " (" + what + ")")
    else:
        res.tests = {}  # retries exhausted: count the whole module below
    if res.status != "ok" and not res.tests:
        for ident in baseline or []:
            kind = "expected" if ident in expected else "error"
            res.tests[ident] = (kind, "%s: %s" % (res.status, res.detail))
        res.tests.update(broken)
    else:
        res.tests.update(broken)
    return res


COLUMNS = ("module", "status", "run", "passed", "failed", "errored", "skipped", "expected")


def row_values(res):
    return (
        len(res.tests),
        res.count("pass"),
        res.count("failure", "unexpected-success"),
        res.count("error"),
        res.count("skip"),
        res.count("expected", "expected-failure-ut"),
    )


def prune(path, passing):
    """Rewrites the expected-failures file without the lines of `passing`."""
    with open(path, encoding="utf-8") as f:
        lines = f.readlines()
    kept = [l for l in lines if l.startswith("#") or l.partition("#")[0].strip() not in passing]
    with open(path, "w", encoding="utf-8") as f:
        f.writelines(kept)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("modules", nargs="*", help="test modules (default: the full list)")
    ap.add_argument("--ember", default=os.path.join(ROOT, "target", "release", "ember"))
    ap.add_argument("--jit", action="store_true", help="run Ember with -X jit")
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds per module run")
    ap.add_argument("--expected", default=os.path.join(HERE, "cpython_expected_failures.txt"))
    ap.add_argument("--retries", type=int, default=3, help="reruns past crashing tests per module")
    ap.add_argument("--baseline-python", default="python3", help="CPython used to list test ids")
    ap.add_argument("--show-failures", action="store_true", help="print every unlisted failure with its message")
    ap.add_argument("--json", help="also write every test outcome to this file")
    ap.add_argument("--prune", action="store_true",
                    help="remove the unexpected successes' lines from the expected-failures file")
    args = ap.parse_args()
    args.expected = os.path.abspath(args.expected)
    expected = child.read_expected(args.expected) if os.path.exists(args.expected) else {}
    if not os.path.exists(args.expected):
        args.expected = os.devnull
    modules = args.modules or MODULES

    widths = (22, 8, 6, 7, 7, 8, 8, 9)
    fmt = "".join("{:<%d}" % widths[0] + "".join("{:>%d}" % w for w in widths[1:]))

    def show(values):
        print(fmt.format(*values), flush=True)

    show(COLUMNS)
    results = []
    totals = [0] * 6
    cpython_total = 0
    for name in modules:
        baseline = baseline_ids(args.baseline_python, name, args.timeout)
        cpython_total += len(baseline) if baseline is not None else 0
        res = run_module(args, name, expected, baseline)
        if baseline is None and res.status == "IMPORT":
            # Not a module of this CPython's Lib/test (test_str is test_unicode in 3.11).
            res.status = "ABSENT"
            res.detail = "not importable under %s either: %s" % (args.baseline_python, res.detail)
        results.append(res)
        values = row_values(res)
        totals = [a + b for a, b in zip(totals, values)]
        show((name, res.status) + values)
        if res.status != "ok" or res.detail:
            print("    " + res.status + ": " + res.detail[:300], flush=True)
    show(("total", "") + tuple(totals))

    seen = set()
    unexpected_successes = []
    failures = []
    for res in results:
        seen.update(res.tests)
        for ident, (kind, message) in sorted(res.tests.items()):
            if kind == "unexpected-success":
                unexpected_successes.append(ident)
            elif kind in ("failure", "error"):
                failures.append((ident, kind, message))
    ran = {res.name for res in results}
    stale = sorted(i for i in expected if i.split(".")[0] in ran and i not in seen)
    if unexpected_successes:
        print("\nUnexpected successes (remove them from the list):")
        for ident in unexpected_successes:
            print("    " + ident)
    if args.prune and unexpected_successes:
        prune(args.expected, set(unexpected_successes))
        print("(removed from %s)" % args.expected)
    if stale:
        print("\nListed tests that did not run (not counted):")
        for ident in stale:
            print("    " + ident)
    if args.show_failures and failures:
        print("\nFailures not in the list:")
        for ident, kind, message in failures:
            print("%s # %s: %s" % (ident, kind, message))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({r.name: {"status": r.status, "detail": r.detail, "tests": r.tests} for r in results}, f, indent=1)
    passed = totals[1]
    failed = totals[2] + totals[3]
    print()
    if cpython_total:
        print("%d of CPython's %d tests in these modules pass under Ember (%.1f%%); %d failures are expected"
              % (passed, cpython_total, 100.0 * passed / cpython_total, totals[5]))
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
